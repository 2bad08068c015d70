// The TCP header as a value, and its exact byte form (RFC 9293 §3.1, Figure 1):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          Source Port          |       Destination Port        |
//   |                        Sequence Number                        |
//   |                    Acknowledgment Number                      |
//   |  Data |       |C|E|U|A|P|R|S|F|                               |
//   | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
//   |           Checksum            |         Urgent Pointer        |
//   |                           [Options]                           |
//
// Pure: no DOM, no Node modules, so the widget and the server share it.
// Import from "./tcpHeader", the public face of this module and its siblings.

import { readU16, readU32, writeU16, writeU32 } from "./bytes";
import {
  MAX_OPTIONS_BYTES,
  decodeOptions,
  describeOption,
  optionLength,
  optionProblem,
  writeOption,
  type TcpOption,
} from "./tcpOptions";

export interface TcpFlags {
  cwr: boolean;
  ece: boolean;
  urg: boolean;
  ack: boolean;
  psh: boolean;
  rst: boolean;
  syn: boolean;
  fin: boolean;
}

export interface TcpHeader {
  srcPort: number;
  dstPort: number;
  /** uint32 */
  seq: number;
  /** uint32; meaningful only when flags.ack is set (RFC 9293 §3.1). */
  ack: number;
  /** Header length in 32-bit words, 5..15. The encoder recomputes it from the options. */
  dataOffset: number;
  /** The 4 reserved bits after the data offset (RFC 9293 §3.1): zero when sent. */
  reserved: number;
  flags: TcpFlags;
  window: number;
  checksum: number;
  urgentPointer: number;
  options: TcpOption[];
}

/** Flags in wire order, most significant bit of byte 13 first. */
export const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const satisfies readonly (keyof TcpFlags)[];

/** Bit mask of each flag within byte 13. */
export const FLAG_MASK: Record<keyof TcpFlags, number> = {
  cwr: 0x80,
  ece: 0x40,
  urg: 0x20,
  ack: 0x10,
  psh: 0x08,
  rst: 0x04,
  syn: 0x02,
  fin: 0x01,
};

export const MIN_HEADER_BYTES = 20;
export const MAX_HEADER_BYTES = 60;

export function noFlags(): TcpFlags {
  return { cwr: false, ece: false, urg: false, ack: false, psh: false, rst: false, syn: false, fin: false };
}

/** A 20-byte header with every field zero: a starting point for tests and examples. */
export function emptyHeader(): TcpHeader {
  return {
    srcPort: 0,
    dstPort: 0,
    seq: 0,
    ack: 0,
    dataOffset: 5,
    reserved: 0,
    flags: noFlags(),
    window: 0,
    checksum: 0,
    urgentPointer: 0,
    options: [],
  };
}

export function flagsToByte(flags: TcpFlags): number {
  return FLAG_ORDER.reduce((byte, name) => (flags[name] ? byte | FLAG_MASK[name] : byte), 0);
}

export function flagsFromByte(byte: number): TcpFlags {
  const flags = noFlags();
  for (const name of FLAG_ORDER) flags[name] = (byte & FLAG_MASK[name]) !== 0;
  return flags;
}

/**
 * The option list as a receiver will see it: nothing after the first EOL
 * (RFC 9293 §3.1: after EOL there is only zero padding), and an EOL added when
 * the options do not end on a 4-byte boundary (the padding starts with a zero
 * byte, which reads as EOL).
 */
export function normalizeOptions(options: readonly TcpOption[]): TcpOption[] {
  const eol = options.findIndex((o) => o.kind === "eol");
  const kept = eol === -1 ? [...options] : options.slice(0, eol + 1);
  const length = kept.reduce((n, o) => n + optionLength(o), 0);
  if (length % 4 !== 0 && kept.at(-1)?.kind !== "eol") kept.push({ kind: "eol" });
  return kept;
}

export function optionsByteLength(options: readonly TcpOption[]): number {
  return options.reduce((n, o) => n + optionLength(o), 0);
}

/** Data offset (in words) that a header with these options has once padded. */
export function dataOffsetFor(options: readonly TcpOption[]): number {
  return 5 + Math.ceil(optionsByteLength(options) / 4);
}

/** The header exactly as `decodeTcpHeader(encodeTcpHeader(h))` returns it. */
export function normalizeHeader(header: TcpHeader): TcpHeader {
  const options = normalizeOptions(header.options);
  return { ...header, flags: { ...header.flags }, options, dataOffset: dataOffsetFor(options) };
}

const UINT_LIMITS = {
  srcPort: 16,
  dstPort: 16,
  seq: 32,
  ack: 32,
  reserved: 4,
  window: 16,
  checksum: 16,
  urgentPointer: 16,
} as const;

/** Why this header cannot be encoded, or null when it can. */
export function headerProblem(header: TcpHeader): string | null {
  for (const [name, bits] of Object.entries(UINT_LIMITS)) {
    const value = header[name as keyof typeof UINT_LIMITS];
    if (!Number.isInteger(value) || value < 0 || value > 2 ** bits - 1) {
      return `${name} must be an integer from 0 to ${2 ** bits - 1}; got ${value}`;
    }
  }
  for (const option of header.options) {
    const problem = optionProblem(option);
    if (problem) return problem;
  }
  const eol = header.options.findIndex((o) => o.kind === "eol");
  if (eol !== -1 && eol < header.options.length - 1) {
    return "an option after EOL would never be read: everything after EOL is padding (RFC 9293 §3.1)";
  }
  const length = optionsByteLength(header.options);
  if (length > MAX_OPTIONS_BYTES) {
    return `options take ${length} bytes, but at most ${MAX_OPTIONS_BYTES} fit: the 4-bit data offset allows a 60-byte header (RFC 9293 §3.1)`;
  }
  return null;
}

/**
 * Encodes the header (and optional payload) to bytes. The data offset is
 * computed from the options, which are padded with zero bytes (EOL, then zero
 * padding, RFC 9293 §3.1) to a 4-byte boundary. The checksum field is written
 * as given: computing it needs the IP addresses (see checksum.ts).
 *
 * Throws RangeError for a header that `headerProblem` rejects; editors should
 * go through `setField`, which never produces one.
 */
export function encodeTcpHeader(header: TcpHeader, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const problem = headerProblem(header);
  if (problem) throw new RangeError(problem);
  const dataOffset = dataOffsetFor(header.options);
  const out = new Uint8Array(dataOffset * 4 + payload.length);
  writeU16(out, 0, header.srcPort);
  writeU16(out, 2, header.dstPort);
  writeU32(out, 4, header.seq);
  writeU32(out, 8, header.ack);
  out[12] = (dataOffset << 4) | header.reserved;
  out[13] = flagsToByte(header.flags);
  writeU16(out, 14, header.window);
  writeU16(out, 16, header.checksum);
  writeU16(out, 18, header.urgentPointer);
  let at = MIN_HEADER_BYTES;
  for (const option of header.options) at = writeOption(option, out, at);
  // Bytes from `at` to dataOffset*4 stay zero: EOL followed by zero padding.
  out.set(payload, dataOffset * 4);
  return out;
}

export type DecodeTcpResult = { ok: true; header: TcpHeader; payload: Uint8Array } | { ok: false; error: string };

/**
 * Decodes a TCP segment (header, options, and whatever follows as payload).
 * Errors are written for someone who pasted bytes: what is wrong and where.
 */
export function decodeTcpHeader(bytes: Uint8Array): DecodeTcpResult {
  if (bytes.length < MIN_HEADER_BYTES) {
    return { ok: false, error: `truncated: a TCP header is at least ${MIN_HEADER_BYTES} bytes, got ${bytes.length}` };
  }
  const byte12 = bytes[12] ?? 0;
  const dataOffset = byte12 >> 4;
  if (dataOffset < 5) {
    return {
      ok: false,
      error: `data offset is ${dataOffset} (${dataOffset * 4} bytes), but a TCP header is at least 5 words (20 bytes) (RFC 9293 §3.1); byte 12 is 0x${byte12.toString(16).padStart(2, "0")}`,
    };
  }
  const headerLength = dataOffset * 4;
  if (headerLength > bytes.length) {
    return {
      ok: false,
      error: `truncated: the data offset (byte 12) says the header is ${headerLength} bytes (${dataOffset} words), but only ${bytes.length} bytes were given`,
    };
  }
  const options = decodeOptions(bytes, MIN_HEADER_BYTES, headerLength);
  if (!options.ok) return options;
  return {
    ok: true,
    header: {
      srcPort: readU16(bytes, 0),
      dstPort: readU16(bytes, 2),
      seq: readU32(bytes, 4),
      ack: readU32(bytes, 8),
      dataOffset,
      reserved: byte12 & 0x0f,
      flags: flagsFromByte(bytes[13] ?? 0),
      window: readU16(bytes, 14),
      checksum: readU16(bytes, 16),
      urgentPointer: readU16(bytes, 18),
      options: options.options,
    },
    payload: bytes.slice(headerLength),
  };
}

/** tcpdump's flag letters, in tcpdump's order: "S", "S.", "P.", "F.", "R.", or "none". */
export function tcpdumpFlags(flags: TcpFlags): string {
  // print-tcp.c prints FIN SYN RST PUSH ACK URG ECE CWR as F S R P . U E W.
  const letters: [keyof TcpFlags, string][] = [
    ["fin", "F"],
    ["syn", "S"],
    ["rst", "R"],
    ["psh", "P"],
    ["ack", "."],
    ["urg", "U"],
    ["ece", "E"],
    ["cwr", "W"],
  ];
  const text = letters.filter(([name]) => flags[name]).map(([, letter]) => letter).join("");
  return text === "" ? "none" : text;
}

/**
 * One line in the style of `tcpdump -n -S` (absolute sequence numbers), e.g.
 * "40001 > 5000: Flags [S], seq 2691279157, win 64240, options [mss 1460,...], length 0".
 */
export function summarizeTcpHeader(header: TcpHeader, payloadLength = 0): string {
  const parts = [`Flags [${tcpdumpFlags(header.flags)}]`];
  if (header.flags.syn || header.flags.fin || header.flags.rst || payloadLength > 0) {
    parts.push(payloadLength > 0 ? `seq ${header.seq}:${(header.seq + payloadLength) >>> 0}` : `seq ${header.seq}`);
  }
  if (header.flags.ack) parts.push(`ack ${header.ack}`);
  parts.push(`win ${header.window}`);
  if (header.flags.urg) parts.push(`urg ${header.urgentPointer}`);
  if (header.options.length > 0) parts.push(`options [${header.options.map(describeOption).join(",")}]`);
  parts.push(`length ${payloadLength}`);
  return `${header.srcPort} > ${header.dstPort}: ${parts.join(", ")}`;
}
