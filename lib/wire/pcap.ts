// Classic libpcap files (not pcapng): a 24-byte global header, then one
// 16-byte record header per packet. The magic number gives byte order and
// timestamp resolution:
//   0xa1b2c3d4 microseconds, 0xa1b23c4d nanoseconds; read backwards when the
//   file was written on a machine of the other byte order.
// Link types handled (LINKTYPE_* values from the tcpdump.org registry):
//   1 Ethernet, 113 Linux cooked (SLL), 276 Linux cooked v2 (SLL2), 101 and 228 raw IPv4.
//
// Pure: takes bytes, so the browser can read a dropped file and tests can read
// the scenario captures from disk.

import { readU16 } from "./bytes";
import { decodeIpv4Header, IPPROTO_TCP, type Ipv4Header } from "./ipv4";
import { decodeTcpHeader, type TcpHeader } from "./tcpHeaderCodec";

export const LINKTYPE = { ETHERNET: 1, RAW: 101, LINUX_SLL: 113, IPV4: 228, LINUX_SLL2: 276 } as const;

export interface TcpInPacket {
  kind: "tcp";
  ip: Ipv4Header;
  /** TCP header, options and data, as carried by the IP packet. */
  segment: Uint8Array;
  header: TcpHeader;
  payload: Uint8Array;
}

export interface PcapPacket {
  /** 0-based position in the file. */
  index: number;
  /** Whole seconds since the epoch, as stored. */
  seconds: number;
  /** Fraction of a second, in microseconds or nanoseconds (see `PcapFile.nanosecond`). */
  fraction: number;
  /** seconds + fraction as one number of seconds (loses sub-microsecond precision). */
  time: number;
  capturedLength: number;
  originalLength: number;
  /** The captured bytes, starting at the link-layer header. */
  data: Uint8Array;
  decoded: TcpInPacket | { kind: "skipped"; reason: string };
}

export interface PcapFile {
  byteOrder: "big" | "little";
  nanosecond: boolean;
  versionMajor: number;
  versionMinor: number;
  snapLength: number;
  linkType: number;
  packets: PcapPacket[];
}

export type ParsePcapResult = { ok: true; file: PcapFile } | { ok: false; error: string };

const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;

export function parsePcap(bytes: Uint8Array): ParsePcapResult {
  if (bytes.length < GLOBAL_HEADER) {
    return { ok: false, error: `truncated: a pcap file starts with a 24-byte header, got ${bytes.length} bytes` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magicBig = view.getUint32(0, false);
  let little: boolean;
  let nanosecond: boolean;
  switch (magicBig) {
    case 0xa1b2c3d4:
      [little, nanosecond] = [false, false];
      break;
    case 0xd4c3b2a1:
      [little, nanosecond] = [true, false];
      break;
    case 0xa1b23c4d:
      [little, nanosecond] = [false, true];
      break;
    case 0x4d3cb2a1:
      [little, nanosecond] = [true, true];
      break;
    case 0x0a0d0d0a:
      return { ok: false, error: "this is a pcapng file; convert it with `editcap -F pcap in.pcapng out.pcap` or capture with `tcpdump -w`" };
    default:
      return { ok: false, error: `not a pcap file: magic number 0x${magicBig.toString(16).padStart(8, "0")}` };
  }
  const u32 = (at: number) => view.getUint32(at, little);
  const u16 = (at: number) => view.getUint16(at, little);
  // The link-type word's upper bits may carry FCS information; the type is the low 16 bits.
  const linkType = u32(20) & 0xffff;
  const file: PcapFile = {
    byteOrder: little ? "little" : "big",
    nanosecond,
    versionMajor: u16(4),
    versionMinor: u16(6),
    snapLength: u32(16),
    linkType,
    packets: [],
  };
  let at = GLOBAL_HEADER;
  while (at < bytes.length) {
    const index = file.packets.length;
    if (bytes.length - at < RECORD_HEADER) {
      return { ok: false, error: `truncated: packet ${index + 1}'s 16-byte record header is cut off after ${bytes.length - at} bytes` };
    }
    const seconds = u32(at);
    const fraction = u32(at + 4);
    const capturedLength = u32(at + 8);
    const originalLength = u32(at + 12);
    const start = at + RECORD_HEADER;
    if (start + capturedLength > bytes.length) {
      return {
        ok: false,
        error: `truncated: packet ${index + 1} says it holds ${capturedLength} bytes, but the file ends ${bytes.length - start} bytes after its record header`,
      };
    }
    const data = bytes.slice(start, start + capturedLength);
    file.packets.push({
      index,
      seconds,
      fraction,
      time: seconds + fraction / (nanosecond ? 1e9 : 1e6),
      capturedLength,
      originalLength,
      data,
      decoded: decodeLinkLayer(data, linkType),
    });
    at = start + capturedLength;
  }
  return { ok: true, file };
}

const ETHERTYPE_IPV4 = 0x0800;
const VLAN_TAGS = new Set([0x8100, 0x88a8]);

/** Where the network-layer packet starts and what protocol it is, per link type. */
function networkLayer(data: Uint8Array, linkType: number): { etherType: number; offset: number } | { reason: string } {
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      // 6-byte destination, 6-byte source, 2-byte EtherType; 802.1Q/802.1ad tags add 4 bytes each.
      let offset = 12;
      while (VLAN_TAGS.has(readU16(data, offset)) && offset < 20) offset += 4;
      if (data.length < offset + 2) return { reason: "Ethernet header cut off" };
      return { etherType: readU16(data, offset), offset: offset + 2 };
    }
    case LINKTYPE.LINUX_SLL:
      // Packet type, ARPHRD type, address length, 8 address bytes, then the protocol at byte 14.
      if (data.length < 16) return { reason: "Linux cooked (SLL) header cut off" };
      return { etherType: readU16(data, 14), offset: 16 };
    case LINKTYPE.LINUX_SLL2:
      // Protocol first, then reserved, interface index, ARPHRD type, packet type, address length, address: 20 bytes.
      if (data.length < 20) return { reason: "Linux cooked v2 (SLL2) header cut off" };
      return { etherType: readU16(data, 0), offset: 20 };
    case LINKTYPE.RAW:
    case LINKTYPE.IPV4:
      return { etherType: ETHERTYPE_IPV4, offset: 0 };
    default:
      return { reason: `link type ${linkType} is not supported (Ethernet, Linux cooked SLL/SLL2 and raw IPv4 are)` };
  }
}

function decodeLinkLayer(data: Uint8Array, linkType: number): PcapPacket["decoded"] {
  const network = networkLayer(data, linkType);
  if ("reason" in network) return { kind: "skipped", reason: network.reason };
  if (network.etherType !== ETHERTYPE_IPV4) {
    return { kind: "skipped", reason: `not IPv4 (EtherType 0x${network.etherType.toString(16).padStart(4, "0")})` };
  }
  const packet = data.subarray(network.offset);
  const ip = decodeIpv4Header(packet);
  if (!ip.ok) return { kind: "skipped", reason: ip.error };
  if (ip.header.protocol !== IPPROTO_TCP) return { kind: "skipped", reason: `IPv4 protocol ${ip.header.protocol}, not TCP` };
  if (ip.header.fragmentOffset !== 0) return { kind: "skipped", reason: "a non-first IPv4 fragment" };
  // The IP total length bounds the segment: link layers may pad short frames.
  const end = Math.min(packet.length, ip.header.totalLength);
  const segment = packet.slice(ip.header.headerLength, end);
  const tcp = decodeTcpHeader(segment);
  if (!tcp.ok) return { kind: "skipped", reason: tcp.error };
  return { kind: "tcp", ip: ip.header, segment, header: tcp.header, payload: tcp.payload };
}
