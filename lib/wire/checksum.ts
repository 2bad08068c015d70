// The Internet checksum (RFC 1071) and the TCP checksum over the IPv4
// pseudo-header (RFC 9293 §3.1, Figure 2):
//
//   +--------+--------+--------+--------+
//   |           Source Address          |
//   |         Destination Address       |
//   |  zero  |  PTCL  |    TCP Length   |
//   +--------+--------+--------+--------+
//
// TCP Length is header plus data in bytes, not counting the pseudo-header.

import { readU16 } from "./bytes";

/**
 * Folded 16-bit ones' complement sum of `bytes`, continuing from `initial`
 * (RFC 1071 §1: add 16-bit words, carry out of bit 15 wraps back in). An odd
 * last byte is padded with a zero byte on its right (RFC 9293 §3.1).
 */
export function onesComplementSum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  const even = bytes.length - (bytes.length % 2);
  for (let i = 0; i < even; i += 2) sum += readU16(bytes, i);
  if (even < bytes.length) sum += (bytes[even] ?? 0) << 8;
  // Deferred carries (RFC 1071 §2(B)): fold until the sum fits in 16 bits.
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/** RFC 1071: the ones' complement of the ones' complement sum. */
export function internetChecksum(bytes: Uint8Array, initial = 0): number {
  return ~onesComplementSum(bytes, initial) & 0xffff;
}

function addressBytes(address: Uint8Array | string, which: string): Uint8Array {
  if (typeof address !== "string") {
    if (address.length !== 4) throw new RangeError(`${which} IPv4 address must be 4 bytes, got ${address.length}`);
    return address;
  }
  const parts = address.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new RangeError(`${which} IPv4 address '${address}' is not a dotted quad`);
  }
  return Uint8Array.from(parts);
}

/** The 12-byte IPv4 pseudo-header for a TCP segment of `tcpLength` bytes. */
export function ipv4PseudoHeader(srcIp: Uint8Array | string, dstIp: Uint8Array | string, tcpLength: number): Uint8Array {
  const out = new Uint8Array(12);
  out.set(addressBytes(srcIp, "source"), 0);
  out.set(addressBytes(dstIp, "destination"), 4);
  out[8] = 0;
  out[9] = 6; // PTCL: TCP
  out[10] = (tcpLength >>> 8) & 0xff;
  out[11] = tcpLength & 0xff;
  return out;
}

/**
 * The folded, uncomplemented sum of the pseudo-header alone. With checksum
 * offload (Linux CHECKSUM_PARTIAL, e.g. on veth or a NIC that checksums),
 * the stack leaves exactly this in the checksum field for the device to
 * finish, and a capture taken before that point shows it.
 */
export function pseudoHeaderSum(srcIp: Uint8Array | string, dstIp: Uint8Array | string, tcpLength: number): number {
  return onesComplementSum(ipv4PseudoHeader(srcIp, dstIp, tcpLength));
}

/**
 * The checksum a sender must put in the segment (RFC 9293 §3.1): computed over
 * pseudo-header, header and data, with the checksum field itself taken as zero.
 */
export function tcpChecksumIPv4(srcIp: Uint8Array | string, dstIp: Uint8Array | string, segment: Uint8Array): number {
  const zeroed = segment.slice();
  if (zeroed.length >= 18) {
    zeroed[16] = 0;
    zeroed[17] = 0;
  }
  const initial = pseudoHeaderSum(srcIp, dstIp, segment.length);
  return internetChecksum(zeroed, initial);
}

export interface ChecksumVerdict {
  /** True when the stored checksum is the right one. */
  valid: boolean;
  /** What the checksum field holds. */
  stored: number;
  /** What it should hold. */
  expected: number;
  /**
   * True when the stored value is the pseudo-header sum alone: the signature of
   * checksum offload, where the capture saw the segment before the checksum was
   * finished. Not an error on the wire.
   */
  looksLikeOffload: boolean;
}

/** Checks the TCP checksum of an IPv4 segment and, if wrong, says whether offload explains it. */
export function verifyTcpChecksumIPv4(
  srcIp: Uint8Array | string,
  dstIp: Uint8Array | string,
  segment: Uint8Array,
): ChecksumVerdict {
  const stored = readU16(segment, 16);
  const expected = tcpChecksumIPv4(srcIp, dstIp, segment);
  // RFC 1071 §1: a receiver sums everything, checksum field included, and
  // the result is all ones exactly when the checksum is right.
  const partial = pseudoHeaderSum(srcIp, dstIp, segment.length);
  const valid = onesComplementSum(segment, partial) === 0xffff;
  return { valid, stored, expected, looksLikeOffload: !valid && stored === partial };
}
