// From text a person pasted to a decoded TCP header: parse the hex (plain or
// tcpdump -x/-X/-xx), skip any Ethernet or IPv4 header in front, decode TCP.
// Each step's error is passed through unchanged, so the message names the
// actual problem ("'zz' is not hex", "truncated: ... got 13").

import { formatIpv4, locateTcpSegment } from "./ipv4";
import { parseHex } from "./hex";
import { decodeTcpHeader, type TcpHeader } from "./tcpHeaderCodec";

export interface IpAddresses {
  src: Uint8Array;
  dst: Uint8Array;
}

export type DecodePastedResult =
  | {
      ok: true;
      header: TcpHeader;
      payload: Uint8Array;
      /** Known when the bytes began with an IPv4 header: needed for the checksum. */
      ip: IpAddresses | null;
      /** What the bytes started with. */
      startsWith: "tcp" | "ipv4" | "ethernet";
      /** Sentences for the user about what was found and skipped. */
      notes: string[];
    }
  | { ok: false; error: string };

export function decodeBytes(bytes: Uint8Array): DecodePastedResult {
  const located = locateTcpSegment(bytes);
  if (!located.ok) return located;
  const tcp = decodeTcpHeader(located.tcp);
  const notes = [...located.notes];
  if (located.ip) {
    const { ip } = located;
    notes.unshift(
      `These bytes start with ${located.kind === "ethernet" ? "an Ethernet frame holding " : ""}a ${ip.headerLength}-byte IPv4 header (${formatIpv4(ip.src)} → ${formatIpv4(ip.dst)}, protocol 6 = TCP); the TCP segment starts at byte ${located.offset}.`,
    );
  }
  if (!tcp.ok) {
    const where = located.ip ? ` (in the TCP segment that starts at byte ${located.offset})` : "";
    return { ok: false, error: `${tcp.error}${where}` };
  }
  return {
    ok: true,
    header: tcp.header,
    payload: tcp.payload,
    ip: located.ip ? { src: located.ip.src, dst: located.ip.dst } : null,
    startsWith: located.kind,
    notes,
  };
}

export function decodePastedSegment(text: string): DecodePastedResult {
  const parsed = parseHex(text);
  if (!parsed.ok) return parsed;
  return decodeBytes(parsed.bytes);
}
