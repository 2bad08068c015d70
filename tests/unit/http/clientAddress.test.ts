import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, trustedProxyHops } from "@/lib/http/clientAddress";

const headers = (xff: string | null) => ({ get: (name: string) => (name === "x-forwarded-for" ? xff : null) });

describe("client address", () => {
  it("behind one trusted proxy, takes the entry the proxy appended, not what the client wrote to its left", () => {
    const env = { TRUST_PROXY_HOPS: "1" };
    expect(clientAddress(headers("203.0.113.9"), env)).toBe("203.0.113.9");
    expect(clientAddress(headers("6.6.6.6, 1.2.3.4, 203.0.113.9"), env)).toBe("203.0.113.9");
  });

  it("behind two trusted proxies (a CDN, then nginx), takes the CDN's entry, second from the right", () => {
    expect(clientAddress(headers("6.6.6.6, 198.51.100.7, 10.0.0.2"), { TRUST_PROXY_HOPS: "2" })).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7"), { TRUST_PROXY_HOPS: "2" })).toBe("198.51.100.7");
  });

  it("with no proxy configured, uses the address Next.js put there from the socket (the only entry of a plain request)", () => {
    expect(clientAddress(headers("127.0.0.1"), {})).toBe("127.0.0.1");
    expect(clientAddress(headers(null), {})).toBe("unknown");
  });

  it("counts IPv6 clients by their /64, IPv4-mapped IPv6 as IPv4, and anything else as unknown", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("192.0.2.1:5555")).toBe("192.0.2.1");
    expect(addressKey("not an address")).toBe("unknown");
  });

  it("reads TRUST_PROXY_HOPS as a whole number from 0 to 10 and trusts no proxy otherwise", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "yes" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "-1" })).toBe(0);
  });
});
