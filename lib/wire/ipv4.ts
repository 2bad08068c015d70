// Just enough IPv4 (RFC 791 §3.1) to find the TCP segment inside a packet,
// so a whole `tcpdump -x` dump (which starts at the IP header) or a
// `tcpdump -xx` dump (which starts at the Ethernet header) can be pasted.

import { readU16 } from "./bytes";
import { internetChecksum } from "./checksum";

export const IPPROTO_TCP = 6;
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_VLAN = 0x8100;

export interface Ipv4Header {
  version: number;
  /** Header length in 32-bit words (5..15). */
  ihl: number;
  headerLength: number;
  totalLength: number;
  identification: number;
  dontFragment: boolean;
  moreFragments: boolean;
  fragmentOffset: number;
  ttl: number;
  protocol: number;
  headerChecksum: number;
  /** True when the header checksum verifies (RFC 791 §3.1, RFC 1071). */
  headerChecksumValid: boolean;
  src: Uint8Array;
  dst: Uint8Array;
}

export type DecodeIpv4Result = { ok: true; header: Ipv4Header } | { ok: false; error: string };

export function formatIpv4(address: Uint8Array): string {
  return Array.from(address).join(".");
}

/** "10.200.0.1" -> 4 bytes, or null if it is not a dotted quad. */
export function parseIpv4(text: string): Uint8Array | null {
  const parts = text.trim().split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if (bytes.some((b) => !(b >= 0 && b <= 255))) return null;
  return Uint8Array.from(bytes);
}

export function decodeIpv4Header(bytes: Uint8Array): DecodeIpv4Result {
  if (bytes.length < 20) {
    return { ok: false, error: `truncated: an IPv4 header is at least 20 bytes, got ${bytes.length}` };
  }
  const byte0 = bytes[0] ?? 0;
  const version = byte0 >> 4;
  const ihl = byte0 & 0x0f;
  if (version !== 4) return { ok: false, error: `not IPv4: the version field is ${version}` };
  if (ihl < 5) return { ok: false, error: `IPv4 header length (IHL) is ${ihl} words, but it is at least 5 (20 bytes)` };
  const headerLength = ihl * 4;
  if (headerLength > bytes.length) {
    return {
      ok: false,
      error: `truncated: the IPv4 header says it is ${headerLength} bytes, but only ${bytes.length} bytes were given`,
    };
  }
  const flagsAndOffset = readU16(bytes, 6);
  return {
    ok: true,
    header: {
      version,
      ihl,
      headerLength,
      totalLength: readU16(bytes, 2),
      identification: readU16(bytes, 4),
      dontFragment: (flagsAndOffset & 0x4000) !== 0,
      moreFragments: (flagsAndOffset & 0x2000) !== 0,
      fragmentOffset: flagsAndOffset & 0x1fff,
      ttl: bytes[8] ?? 0,
      protocol: bytes[9] ?? 0,
      headerChecksum: readU16(bytes, 10),
      // Summing a header that includes its own correct checksum gives 0 after complementing.
      headerChecksumValid: internetChecksum(bytes.subarray(0, headerLength)) === 0,
      src: bytes.slice(12, 16),
      dst: bytes.slice(16, 20),
    },
  };
}

const PROTOCOL_NAMES: Partial<Record<number, string>> = { 1: "ICMP", 6: "TCP", 17: "UDP", 58: "ICMPv6" };

export type LocateTcpResult =
  | {
      ok: true;
      /** What the bytes started with. */
      kind: "tcp" | "ipv4" | "ethernet";
      /** The TCP segment (header, options, data). */
      tcp: Uint8Array;
      /** Where the TCP segment starts in the input. */
      offset: number;
      ip?: Ipv4Header;
      /** Notes worth showing a user (padding dropped, snap length hit). */
      notes: string[];
    }
  | { ok: false; error: string };

/**
 * Works out whether `bytes` start with an Ethernet header, an IPv4 header, or
 * directly with TCP, and returns the TCP segment.
 *
 * A raw TCP header can also begin with 0x4N (source port 0x4500–0x4fff), and
 * an Ethernet frame's first byte is a MAC address byte, so one nibble proves
 * nothing. We look for an IPv4 header at offset 0, then behind an Ethernet
 * header (14 bytes, or 18 with an 802.1Q tag), first accepting only headers
 * whose checksum verifies (certainly IPv4), then, failing that, any with
 * protocol 6 and room for a TCP header. A verified IPv4 header carrying
 * another protocol is an error, not TCP to be decoded as garbage.
 */
export function locateTcpSegment(bytes: Uint8Array): LocateTcpResult {
  const candidates: { base: number; kind: "ipv4" | "ethernet"; note?: string }[] = [{ base: 0, kind: "ipv4" }];
  if (readU16(bytes, 12) === ETHERTYPE_IPV4) {
    candidates.push({ base: 14, kind: "ethernet", note: "Skipped a 14-byte Ethernet header (tcpdump -xx)." });
  }
  if (readU16(bytes, 12) === ETHERTYPE_VLAN && readU16(bytes, 16) === ETHERTYPE_IPV4) {
    candidates.push({ base: 18, kind: "ethernet", note: "Skipped an 18-byte Ethernet header with an 802.1Q VLAN tag." });
  }
  for (const strict of [true, false]) {
    for (const { base, kind, note } of candidates) {
      if (bytes.length < base + 20) continue;
      const ip = decodeIpv4Header(bytes.subarray(base));
      if (!ip.ok) continue;
      const { header } = ip;
      if (strict && !header.headerChecksumValid) continue;
      if (header.protocol === IPPROTO_TCP && header.totalLength >= header.headerLength + 20) {
        const found = fromIpv4(bytes.subarray(base), base, kind);
        if (found.ok) {
          if (!header.headerChecksumValid) found.notes.unshift("The IPv4 header checksum does not verify.");
          if (note) found.notes.unshift(note);
        }
        return found;
      }
      if (strict) {
        const name = PROTOCOL_NAMES[header.protocol];
        return {
          ok: false,
          error: `this is an IPv4 packet carrying protocol ${header.protocol}${name ? ` (${name})` : ""}, not TCP (6)`,
        };
      }
    }
  }
  return { ok: true, kind: "tcp", tcp: bytes, offset: 0, notes: [] };
}

function fromIpv4(bytes: Uint8Array, base: number, kind: "ipv4" | "ethernet"): LocateTcpResult {
  const ip = decodeIpv4Header(bytes);
  if (!ip.ok) return ip;
  const { header } = ip;
  if (header.protocol !== IPPROTO_TCP) {
    const name = PROTOCOL_NAMES[header.protocol];
    return { ok: false, error: `this IPv4 packet carries protocol ${header.protocol}${name ? ` (${name})` : ""}, not TCP (6)` };
  }
  if (header.fragmentOffset !== 0) {
    return {
      ok: false,
      error: `this IPv4 packet is a fragment (offset ${header.fragmentOffset * 8} bytes): the TCP header is in the first fragment`,
    };
  }
  const notes: string[] = [];
  let end = bytes.length;
  if (header.totalLength < bytes.length) {
    // Ethernet pads short frames to 60 bytes; the IP total length says where the packet really ends.
    notes.push(`Dropped ${bytes.length - header.totalLength} bytes after the IPv4 total length (${header.totalLength}), e.g. Ethernet padding.`);
    end = header.totalLength;
  } else if (header.totalLength > bytes.length) {
    notes.push(
      `The IPv4 total length is ${header.totalLength} bytes but only ${bytes.length} were given (capture snap length?); the segment is incomplete.`,
    );
  }
  return {
    ok: true,
    kind,
    tcp: bytes.slice(header.headerLength, end),
    offset: base + header.headerLength,
    ip: header,
    notes,
  };
}
