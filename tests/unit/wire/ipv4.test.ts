import { describe, expect, it } from "vitest";
import { encodeTcpHeader, emptyHeader } from "@/lib/wire/tcpHeader";
import { decodeIpv4Header, formatIpv4, locateTcpSegment, parseIpv4 } from "@/lib/wire/ipv4";
import { internetChecksum } from "@/lib/wire/checksum";
import { writeU16 } from "@/lib/wire/bytes";
import { REAL_LINUX_SYN_PACKET, REAL_LINUX_SYN_TCP } from "@/lib/wire/realSyn";

const ETHERNET_HEADER = Uint8Array.from([0xbe, 0x62, 0x56, 0xde, 0x41, 0xac, 0xbe, 0x54, 0x72, 0x31, 0xb0, 0x29, 0x08, 0x00]);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe("decodeIpv4Header", () => {
  it("reads the fields of the real SYN's IPv4 header", () => {
    const result = decodeIpv4Header(REAL_LINUX_SYN_PACKET);
    if (!result.ok) throw new Error(result.error);
    const ip = result.header;
    expect(ip).toMatchObject({
      version: 4,
      ihl: 5,
      headerLength: 20,
      totalLength: 60,
      identification: 0xe920,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol: 6,
      headerChecksum: 0x3c09,
      headerChecksumValid: true,
    });
    expect(formatIpv4(ip.src)).toBe("10.200.0.1");
    expect(formatIpv4(ip.dst)).toBe("10.200.0.2");
  });

  it("explains a truncated or non-IPv4 header", () => {
    expect(decodeIpv4Header(new Uint8Array(10))).toEqual({ ok: false, error: "truncated: an IPv4 header is at least 20 bytes, got 10" });
    const v6 = REAL_LINUX_SYN_PACKET.slice();
    v6[0] = 0x60;
    expect(decodeIpv4Header(v6)).toEqual({ ok: false, error: "not IPv4: the version field is 6" });
  });

  it("parses dotted quads and rejects anything else", () => {
    expect(Array.from(parseIpv4("10.200.0.1") ?? [])).toEqual([10, 200, 0, 1]);
    expect(parseIpv4("10.200.0")).toBeNull();
    expect(parseIpv4("10.200.0.256")).toBeNull();
  });
});

describe("locateTcpSegment", () => {
  it("finds the TCP segment after an IPv4 header, as in tcpdump -x output", () => {
    const found = locateTcpSegment(REAL_LINUX_SYN_PACKET);
    if (!found.ok) throw new Error(found.error);
    expect(found.kind).toBe("ipv4");
    expect(found.offset).toBe(20);
    expect(found.tcp).toEqual(REAL_LINUX_SYN_TCP);
    expect(found.ip && formatIpv4(found.ip.src)).toBe("10.200.0.1");
  });

  it("finds it after an Ethernet header too, as in tcpdump -xx output", () => {
    const found = locateTcpSegment(concat(ETHERNET_HEADER, REAL_LINUX_SYN_PACKET));
    if (!found.ok) throw new Error(found.error);
    expect(found.kind).toBe("ethernet");
    expect(found.offset).toBe(34);
    expect(found.tcp).toEqual(REAL_LINUX_SYN_TCP);
    expect(found.notes[0]).toMatch(/Ethernet header/);
  });

  it("treats bytes that do not start with IPv4 as a bare TCP segment", () => {
    const found = locateTcpSegment(REAL_LINUX_SYN_TCP);
    expect(found).toMatchObject({ ok: true, kind: "tcp", offset: 0 });
  });

  it("does not mistake a TCP header whose source port starts with 0x45 for IPv4", () => {
    const tcp = encodeTcpHeader({ ...emptyHeader(), srcPort: 0x4500, dstPort: 80, seq: 12345 });
    expect(locateTcpSegment(tcp)).toMatchObject({ ok: true, kind: "tcp" });
  });

  it("says so when the IPv4 packet carries UDP, not TCP", () => {
    const udp = REAL_LINUX_SYN_PACKET.slice();
    udp[9] = 17;
    writeU16(udp, 10, 0);
    writeU16(udp, 10, internetChecksum(udp.subarray(0, 20)));
    expect(locateTcpSegment(udp)).toEqual({ ok: false, error: "this is an IPv4 packet carrying protocol 17 (UDP), not TCP (6)" });
  });

  it("drops link-layer padding beyond the IPv4 total length", () => {
    const padded = concat(REAL_LINUX_SYN_PACKET, new Uint8Array(6));
    const found = locateTcpSegment(padded);
    if (!found.ok) throw new Error(found.error);
    expect(found.tcp).toEqual(REAL_LINUX_SYN_TCP);
    expect(found.notes.join(" ")).toMatch(/Dropped 6 bytes/);
  });
});
