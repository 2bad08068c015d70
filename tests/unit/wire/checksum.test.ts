import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  internetChecksum,
  ipv4PseudoHeader,
  onesComplementSum,
  pseudoHeaderSum,
  tcpChecksumIPv4,
  verifyTcpChecksumIPv4,
} from "@/lib/wire/checksum";
import { writeU16 } from "@/lib/wire/bytes";
import { REAL_LINUX_SYN_PACKET, REAL_LINUX_SYN_TCP } from "@/lib/wire/realSyn";

describe("Internet checksum (RFC 1071)", () => {
  it("matches the numerical example of RFC 1071 §3", () => {
    // Bytes 00 01 f2 03 f4 f5 f6 f7: the folded sum is ddf2, its complement 220d.
    const bytes = Uint8Array.from([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]);
    expect(onesComplementSum(bytes)).toBe(0xddf2);
    expect(internetChecksum(bytes)).toBe(0x220d);
  });

  it("pads an odd final byte with zero on its right", () => {
    expect(onesComplementSum(Uint8Array.from([0x12, 0x34, 0x56]))).toBe(0x1234 + 0x5600);
  });

  it("verifies a real IPv4 header: summing it with its checksum gives zero after complementing", () => {
    expect(internetChecksum(REAL_LINUX_SYN_PACKET.subarray(0, 20))).toBe(0);
  });

  it("makes any buffer verify once its checksum is inserted", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 64 }).map((b) => (b.length % 2 ? b.slice(1) : b)), (bytes) => {
        if (bytes.length < 2) return;
        const copy = bytes.slice();
        copy[0] = 0;
        copy[1] = 0;
        writeU16(copy, 0, internetChecksum(copy));
        expect(onesComplementSum(copy)).toBe(0xffff);
      }),
    );
  });
});

describe("TCP checksum over the IPv4 pseudo-header (RFC 9293 §3.1)", () => {
  it("builds the 12-byte pseudo-header: source, destination, zero, protocol 6, TCP length", () => {
    expect(Array.from(ipv4PseudoHeader("10.200.0.1", "10.200.0.2", 40))).toEqual([10, 200, 0, 1, 10, 200, 0, 2, 0, 6, 0, 40]);
  });

  it("computes the checksum tcpdump -v reports as correct for the real SYN (0x749f)", () => {
    expect(tcpChecksumIPv4("10.200.0.1", "10.200.0.2", REAL_LINUX_SYN_TCP)).toBe(0x749f);
  });

  it("accepts a segment whose checksum field holds the computed value", () => {
    const fixed = REAL_LINUX_SYN_TCP.slice();
    writeU16(fixed, 16, 0x749f);
    expect(verifyTcpChecksumIPv4("10.200.0.1", "10.200.0.2", fixed)).toEqual({
      valid: true,
      stored: 0x749f,
      expected: 0x749f,
      looksLikeOffload: false,
    });
  });

  it("recognizes checksum offload: the field holds only the pseudo-header sum", () => {
    expect(pseudoHeaderSum("10.200.0.1", "10.200.0.2", 40)).toBe(0x15c1);
    expect(verifyTcpChecksumIPv4("10.200.0.1", "10.200.0.2", REAL_LINUX_SYN_TCP)).toEqual({
      valid: false,
      stored: 0x15c1,
      expected: 0x749f,
      looksLikeOffload: true,
    });
  });

  it("fails a segment altered after its checksum was computed, without blaming offload", () => {
    const fixed = REAL_LINUX_SYN_TCP.slice();
    writeU16(fixed, 16, 0x749f);
    fixed[14] = 0x00; // change the window
    const verdict = verifyTcpChecksumIPv4("10.200.0.1", "10.200.0.2", fixed);
    expect(verdict.valid).toBe(false);
    expect(verdict.looksLikeOffload).toBe(false);
  });

  it("depends on the addresses: the same segment fails if it reached the wrong host", () => {
    const fixed = REAL_LINUX_SYN_TCP.slice();
    writeU16(fixed, 16, 0x749f);
    expect(verifyTcpChecksumIPv4("10.200.0.1", "10.200.0.3", fixed).valid).toBe(false);
  });

  it("refuses malformed addresses", () => {
    expect(() => tcpChecksumIPv4("10.200.0", "10.200.0.2", REAL_LINUX_SYN_TCP)).toThrow(/dotted quad/);
  });
});
