// The client's address, for per-address limits. Behind reverse proxies we
// trust (TRUST_PROXY_HOPS=n, deploy/nginx.conf sets 1), it is the entry the
// outermost of them appended to X-Forwarded-For, n from the right: entries
// further left were written by the client and can say anything.
//
// With no proxy (TRUST_PROXY_HOPS unset or 0) Next.js 16 route handlers have
// no socket address: Next copies it into X-Forwarded-For only when the
// request carries none (base-server.js, `??=`), so a client that sends its own
// header chooses its address. Per-address limits are only as good as the
// proxy in front; docs/deploy.md runs one.
import { isIP } from "node:net";

type Headers = { get(name: string): string | null };

let warned = false;

/** How many reverse proxies in front of the app append to X-Forwarded-For (0-10). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (Number.isInteger(hops) && hops >= 0 && hops <= 10) return hops;
  if (!warned) console.warn(`TRUST_PROXY_HOPS=${raw} is not a whole number from 0 to 10; trusting no proxy.`);
  warned = true;
  return 0;
}

/**
 * The address to count a request against: IPv4 as is, IPv6 by its /64 (one
 * subscriber usually holds a whole /64), "unknown" when there is none.
 */
export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const hops = trustedProxyHops(env);
  // n trusted proxies: the outermost one's entry is n from the right; a request
  // that reached the app past them (fewer entries) gets the leftmost.
  const entry = hops === 0 ? chain[chain.length - 1]! : chain[Math.max(0, chain.length - hops)]!;
  return addressKey(entry);
}

/** Normal form of one X-Forwarded-For entry ("unknown" when it is not an address). */
export function addressKey(entry: string): string {
  let address = entry.replace(/^\[(.*)\](?::\d+)?$/, "$1"); // [v6]:port
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, ""); // v4:port
  address = address.replace(/%.*$/, ""); // zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return "unknown";
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (right.at(-1)?.includes(".") || left.at(-1)?.includes(".")) {
    // An embedded IPv4 tail is the last 32 bits; the /64 prefix is before it.
    const v4 = (tail !== undefined ? right : left).pop()!;
    const [a = 0, b = 0, c = 0, d = 0] = v4.split(".").map(Number);
    (tail !== undefined ? right : left).push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => "0"), ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
