// "How a SYN cookie is built", step by step, with the simulator's own cookie
// arithmetic (lib/tcp/syncookie.ts), which follows net/ipv4/syncookies.c:
//
//   ISN = H0(4-tuple) + client ISN + (count << 24) + ((H1(4-tuple, count) + mssind) mod 2^24)
//
// count = a minute counter (tcp_cookie_time(): jiffies / TCP_SYNCOOKIE_PERIOD, 60 s;
// here simply floor(seconds / 60)),
// mssind indexes msstab[] = {536, 1300, 1440, 1460}. Linux's H0/H1 are SipHash
// with two secret keys; the simulator (and so this panel) uses a seeded 32-bit
// mix instead, because the point is the arithmetic, not the cryptography.
// Every number comes from lib/tcp's cookieWorking(), the simulator's own
// arithmetic and hashes; this module only lays the steps out.
// MAX_SYNCOOKIE_AGE (include/net/tcp.h): check_tcp_syn_cookie() accepts a cookie
// while the minute counter has advanced by fewer than 2 ticks since it was made,
// so for more than 60 s and at most 120 s, depending on where in the minute the SYN came.
import { cookieWorking, MAX_SYNCOOKIE_AGE, MSSTAB, mssIndex } from "@/lib/tcp";

export { MAX_SYNCOOKIE_AGE, MSSTAB, mssIndex };

export type CookieInput = {
  /** IPv4 addresses as dotted quads */
  clientAddr: string;
  clientPort: number;
  serverAddr: string;
  serverPort: number;
  /** the client's ISN, from its SYN */
  clientIsn: number;
  /** the MSS option in the client's SYN */
  mss: number;
  /** seconds since boot when the SYN arrives */
  synAt: number;
  /** seconds after the SYN-ACK that the client's ACK arrives */
  ackDelay: number;
  /** the listener's secret (the simulator seeds it; Linux picks it at random once) */
  secret: number;
};

export const SAMPLE_COOKIE_INPUT: CookieInput = {
  clientAddr: "198.51.100.7",
  clientPort: 40001,
  serverAddr: "203.0.113.10",
  serverPort: 80,
  clientIsn: 0x1a2b3c4d,
  mss: 1460,
  synAt: 7384,
  ackDelay: 0.02,
  secret: 0x2545f491,
};

export function parseIpv4(text: string): number | null {
  const parts = text.trim().split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

export function hex32(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, "0")}`;
}


export type CookieStep = { label: string; value: string; explanation: string };

export type CookieBuild = {
  ok: true;
  isn: number;
  count: number;
  mssind: number;
  encodedMss: number;
  steps: CookieStep[];
  check: {
    valid: boolean;
    ageMinutes: number;
    decodedMss: number | null;
    steps: CookieStep[];
  };
};

/** The four numbers a learner types into the cookie panel, with what each allows. */
export const COOKIE_FIELDS = {
  // A sequence number is 32 bits (RFC 9293 §3.1).
  clientIsn: { min: 0, max: 0xffffffff, whole: true, unit: "" },
  // The MSS option's value is 16 bits (RFC 9293 §3.2); 0 would mean no segment at all.
  mss: { min: 1, max: 65535, whole: true, unit: "" },
  // Lab bounds: up to about 31 years of uptime, and an hour of delay (anything above 120 s is already too late).
  synAt: { min: 0, max: 1_000_000_000, whole: false, unit: " s" },
  ackDelay: { min: 0, max: 3600, whole: false, unit: " s" },
} as const;

export type CookieField = keyof typeof COOKIE_FIELDS;

/** "0 to 4,294,967,295, whole numbers" */
export function cookieFieldAllowed(name: CookieField): string {
  const f = COOKIE_FIELDS[name];
  return `${f.min.toLocaleString("en-US")} to ${f.max.toLocaleString("en-US")}${f.unit}${f.whole ? ", whole numbers" : ""}`;
}

/** Reads one typed field: the number, or a sentence saying what is allowed. */
export function parseCookieField(name: CookieField, raw: string): { ok: true; value: number } | { ok: false; error: string } {
  const f = COOKIE_FIELDS[name];
  const text = raw.trim();
  const allowed = `Allowed: ${cookieFieldAllowed(name)}.`;
  if (text === "") return { ok: false, error: `Enter a value. ${allowed}` };
  const value = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : Number(text);
  if (!Number.isFinite(value)) return { ok: false, error: `"${text.slice(0, 20)}" is not a number. ${allowed}` };
  if (value < f.min || value > f.max) return { ok: false, error: `${value.toLocaleString("en-US")} is out of range. ${allowed}` };
  if (f.whole && !Number.isInteger(value)) return { ok: false, error: `${value} is not a whole number. ${allowed}` };
  return { ok: true, value };
}

export function buildCookie(input: CookieInput): CookieBuild | { ok: false; error: string } {
  const saddr = parseIpv4(input.clientAddr);
  const daddr = parseIpv4(input.serverAddr);
  if (saddr === null) return { ok: false, error: "Client address must be a dotted IPv4 address like 198.51.100.7" };
  if (daddr === null) return { ok: false, error: "Server address must be a dotted IPv4 address like 203.0.113.10" };
  for (const [name, port] of [["Client port", input.clientPort], ["Server port", input.serverPort]] as const) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: `${name} must be 1 to 65535` };
  }
  if (!Number.isInteger(input.clientIsn) || input.clientIsn < 0 || input.clientIsn > 0xffffffff) {
    return { ok: false, error: "Client ISN must be 0 to 4294967295" };
  }
  if (!Number.isFinite(input.mss) || input.mss < 1 || input.mss > 65535) return { ok: false, error: "MSS must be 1 to 65535" };
  if (!(input.synAt >= 0) || !(input.ackDelay >= 0)) return { ok: false, error: "Times must be 0 or more seconds" };

  const sport = input.clientPort;
  const dport = input.serverPort;
  const mssind = mssIndex(input.mss);
  const ackAt = input.synAt + input.ackDelay;
  const w = cookieWorking(input.secret, Math.round(input.synAt * 1e6), Math.round(ackAt * 1e6), saddr, sport, daddr, dport, input.clientIsn, mssind);
  const { count, h0, h1, countPart, low, isn } = w;

  const steps: CookieStep[] = [
    {
      label: "count",
      value: `${count}`,
      explanation: `the minute counter: floor(${input.synAt} s / 60) here. Linux divides its jiffies clock by 60 s worth of ticks (tcp_cookie_time()), so it too advances once a minute.`,
    },
    { label: "mssind", value: `${mssind}`, explanation: `the client asked for MSS ${input.mss}; the largest entry of msstab {536, 1300, 1440, 1460} not above it is ${MSSTAB[mssind]}, index ${mssind}. Only these 2 bits of MSS survive.` },
    { label: "H0 = hash(4-tuple, key 0)", value: hex32(h0), explanation: "a keyed hash of addresses and ports: unguessable without the server's secret." },
    { label: "client ISN", value: hex32(input.clientIsn), explanation: "the sequence number from the client's SYN, so the cookie belongs to this one SYN." },
    { label: "count << 24", value: hex32(countPart), explanation: "the minute counter goes in the top 8 bits (COOKIEBITS = 24)." },
    { label: "(H1(4-tuple, count, key 1) + mssind) mod 2^24", value: hex32(low), explanation: `H1 = ${hex32(h1)}; adding mssind hides the MSS index in the low 24 bits.` },
    { label: "cookie = sum mod 2^32", value: `${hex32(isn)} (${isn})`, explanation: "sent as the SYN-ACK's sequence number. The server keeps nothing: no request sock, no timer, no SYN-ACK retransmission." },
  ];

  // check_tcp_syn_cookie(): the ACK acknowledges cookie + 1 and has seq = client ISN + 1
  const nowCount = w.check.count;
  const c = w.check.peeled;
  const diff = w.check.age;
  // Accepted until the counter reaches count + MAX_SYNCOOKIE_AGE: more than 60 s, at most 120 s after the SYN.
  const validUntil = (count + MAX_SYNCOOKIE_AGE) * 60;
  const validFor = Math.round((validUntil - input.synAt) * 1000) / 1000;
  const checkSteps: CookieStep[] = [
    { label: "ACK arrives", value: `t = ${ackAt.toFixed(3)} s, count now ${nowCount}`, explanation: `ack number ${hex32((isn + 1) >>> 0)} - 1 gives back the cookie; its seq - 1 gives back the client ISN.` },
    { label: "cookie - H0 - client ISN", value: hex32(c), explanation: "peel off the first layer; the top 8 bits are now the counter the cookie was made with." },
    {
      label: "age = count now - top 8 bits",
      value: `${diff} tick(s) of the minute counter`,
      explanation: `valid only if under MAX_SYNCOOKIE_AGE = ${MAX_SYNCOOKIE_AGE} ticks. The counter is compared, not the seconds: this cookie, made ${Math.round((input.synAt - count * 60) * 1000) / 1000} s into minute ${count}, is accepted until t = ${validUntil} s, ${validFor} s after the SYN. Every cookie lasts more than 60 s and at most 120 s.`,
    },
  ];
  let valid = false;
  let decodedMss: number | null = null;
  if (diff < MAX_SYNCOOKIE_AGE) {
    const decoded = w.check.mssind!;
    valid = w.check.valid;
    decodedMss = valid ? MSSTAB[decoded]! : null;
    checkSteps.push({
      label: "(low 24 bits - H1) mod 2^24",
      value: `${decoded}`,
      explanation: valid ? `a valid index: the connection is created with MSS ${decodedMss}.` : "not an index into msstab: the cookie is forged (TcpExtSyncookiesFailed).",
    });
  } else {
    checkSteps.push({
      label: "too old",
      value: "rejected",
      explanation: `the minute counter has advanced by ${MAX_SYNCOOKIE_AGE} or more since the cookie was made (it was accepted until t = ${validUntil} s): TcpExtSyncookiesFailed, and the ACK is answered with RST.`,
    });
  }

  return { ok: true, isn, count, mssind, encodedMss: MSSTAB[mssind]!, steps, check: { valid, ageMinutes: diff, decodedMss, steps: checkSteps } };
}

/**
 * With timestamps, Linux hides the options a cookie cannot hold in the low 6
 * bits of the SYN-ACK's TSval (cookie_init_timestamp): window scale (4 bits,
 * 0xf = none), SACK (bit 4), ECN (bit 5). Without timestamps they are lost.
 */
export function timestampOptionBits(opts: { wscale: number | null; sack: boolean; ecn: boolean }): number {
  let bits = opts.wscale === null ? 0xf : opts.wscale & 0xf;
  if (opts.sack) bits |= 1 << 4;
  if (opts.ecn) bits |= 1 << 5;
  return bits;
}

export function optionsKept(client: { timestamps: boolean; wscale: number | null; sack: boolean }): string[] {
  if (!client.timestamps) {
    return [
      "MSS: rounded down to an msstab entry",
      "window scaling: lost (the connection runs with a 64 KiB window)",
      "SACK: lost",
    ];
  }
  return [
    "MSS: rounded down to an msstab entry",
    client.wscale === null ? "window scaling: the client did not offer it" : `window scaling: kept (shift ${client.wscale}, echoed back in the timestamp)`,
    client.sack ? "SACK: kept (bit 4 of the timestamp)" : "SACK: the client did not offer it",
    "timestamps: kept",
  ];
}
