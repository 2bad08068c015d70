// Where every fixed header field sits, bit by bit, and what it means.
// One table feeds the widget's bit diagram, its details panel, its editors, and
// the lesson, so a position or a citation is written down exactly once.
// Positions follow RFC 9293 §3.1, Figure 1: bit 0 is the most significant bit
// of byte 0; each row of the figure is 32 bits.

import { FLAG_ORDER, type TcpFlags, type TcpHeader } from "./tcpHeaderCodec";

export type FlagName = keyof TcpFlags;
export type NumericFieldName =
  | "srcPort"
  | "dstPort"
  | "seq"
  | "ack"
  | "dataOffset"
  | "reserved"
  | "window"
  | "checksum"
  | "urgentPointer";
export type FieldName = NumericFieldName | `flags.${FlagName}`;

export interface FieldSpec {
  name: FieldName;
  /** Full name, also the label of the field's input ("Acknowledgment number"). */
  label: string;
  /** Short label for a narrow cell in the bit diagram. */
  short: string;
  /** Offset from the first bit of the header. */
  bitOffset: number;
  bitWidth: number;
  kind: "number" | "flag";
  meaning: string;
  citation: string;
  /** False for fields derived from others (the data offset follows the options). */
  editable: boolean;
}

const NUMERIC_FIELDS: FieldSpec[] = [
  {
    name: "srcPort",
    label: "Source port",
    short: "Source port",
    bitOffset: 0,
    bitWidth: 16,
    kind: "number",
    meaning:
      "Port of the sending socket. The two addresses and two ports together name the connection; a client's port is usually an ephemeral one picked by the kernel.",
    citation: "RFC 9293 §3.1",
    editable: true,
  },
  {
    name: "dstPort",
    label: "Destination port",
    short: "Destination port",
    bitOffset: 16,
    bitWidth: 16,
    kind: "number",
    meaning: "Port of the receiving socket: for a client's SYN, the port the server listens on.",
    citation: "RFC 9293 §3.1",
    editable: true,
  },
  {
    name: "seq",
    label: "Sequence number",
    short: "Sequence number",
    bitOffset: 32,
    bitWidth: 32,
    kind: "number",
    meaning:
      "Sequence number of the first data byte in this segment. When SYN is set it is the initial sequence number (ISN) instead, and the first data byte is ISN + 1. Arithmetic wraps modulo 2^32.",
    citation: "RFC 9293 §3.1, §3.4",
    editable: true,
  },
  {
    name: "ack",
    label: "Acknowledgment number",
    short: "Acknowledgment number",
    bitOffset: 64,
    bitWidth: 32,
    kind: "number",
    meaning:
      "When the ACK flag is set: the next sequence number the sender expects to receive, so every byte before it has arrived. Ignored when ACK is clear, as in a client's first SYN.",
    citation: "RFC 9293 §3.1",
    editable: true,
  },
  {
    name: "dataOffset",
    label: "Data offset",
    short: "Offset",
    bitOffset: 96,
    bitWidth: 4,
    kind: "number",
    meaning:
      "Header length in 32-bit words, which is where the data begins: 5 (20 bytes) without options, at most 15 (60 bytes). Computed here from the options.",
    citation: "RFC 9293 §3.1",
    editable: false,
  },
  {
    name: "reserved",
    label: "Reserved bits",
    short: "Rsrvd",
    bitOffset: 100,
    bitWidth: 4,
    kind: "number",
    meaning:
      "Reserved for future use: must be zero when sent and ignored when received unless a future feature gives them meaning.",
    citation: "RFC 9293 §3.1",
    editable: true,
  },
  {
    name: "window",
    label: "Window",
    short: "Window",
    bitOffset: 112,
    bitWidth: 16,
    kind: "number",
    meaning:
      "How many bytes, starting at the acknowledgment number, the sender of this segment is willing to receive. After the handshake the peer shifts it left by the negotiated window scale; in SYN segments it is never scaled.",
    citation: "RFC 9293 §3.1; RFC 7323 §2.2",
    editable: true,
  },
  {
    name: "checksum",
    label: "Checksum",
    short: "Checksum",
    bitOffset: 128,
    bitWidth: 16,
    kind: "number",
    meaning:
      "16-bit ones' complement of the ones' complement sum of a pseudo-header (source and destination IP address, zero, protocol 6, TCP length), the TCP header and the data, computed with this field as zero.",
    citation: "RFC 9293 §3.1; RFC 1071",
    editable: true,
  },
  {
    name: "urgentPointer",
    label: "Urgent pointer",
    short: "Urgent pointer",
    bitOffset: 144,
    bitWidth: 16,
    kind: "number",
    meaning:
      "Only read when URG is set: an offset from this segment's sequence number to the byte following the urgent data. It marks a point in the ordinary byte stream; it is not a separate channel.",
    citation: "RFC 9293 §3.1; RFC 6093",
    editable: true,
  },
];

const FLAG_TEXT: Record<FlagName, { label: string; meaning: string; citation: string }> = {
  cwr: {
    label: "CWR (Congestion Window Reduced)",
    meaning:
      "The sender has reduced its congestion window in response to an ECE. In a SYN, CWR and ECE together ask to use ECN.",
    citation: "RFC 9293 §3.1; RFC 3168 §6.1",
  },
  ece: {
    label: "ECE (ECN-Echo)",
    meaning:
      "The receiver saw a Congestion Experienced mark in an IP header and echoes it so the sender slows down. In SYN and SYN-ACK segments it negotiates ECN instead.",
    citation: "RFC 9293 §3.1; RFC 3168 §6.1",
  },
  urg: {
    label: "URG (urgent pointer significant)",
    meaning: "The urgent pointer field is significant. New applications should not use the urgent mechanism.",
    citation: "RFC 9293 §3.1, §3.9.1.2 (SHLD-13); RFC 6093",
  },
  ack: {
    label: "ACK (acknowledgment significant)",
    meaning:
      "The acknowledgment number is significant. Once a connection is established it is always set, so in practice every segment but the first SYN carries it.",
    citation: "RFC 9293 §3.1",
  },
  psh: {
    label: "PSH (push)",
    meaning:
      "The sender asks that the data be delivered promptly. It is not a record marker, and receivers deliver data whether or not it is set.",
    citation: "RFC 9293 §3.1, §3.9.1.2",
  },
  rst: {
    label: "RST (reset)",
    meaning: "Abort the connection at once, or refuse a connection attempt (e.g. a SYN to a port nobody listens on).",
    citation: "RFC 9293 §3.1, §3.5.2",
  },
  syn: {
    label: "SYN (synchronize sequence numbers)",
    meaning:
      "Opens a connection and carries the initial sequence number. A SYN occupies one sequence number, which is why the reply acknowledges ISN + 1.",
    citation: "RFC 9293 §3.1, §3.4",
  },
  fin: {
    label: "FIN (no more data from sender)",
    meaning:
      "The sender has finished sending; the other direction can keep going. A FIN occupies one sequence number.",
    citation: "RFC 9293 §3.1, §3.6",
  },
};

const FLAG_FIELDS: FieldSpec[] = FLAG_ORDER.map((flag, i) => ({
  name: `flags.${flag}` as const,
  label: FLAG_TEXT[flag].label,
  short: flag.toUpperCase(),
  bitOffset: 104 + i,
  bitWidth: 1,
  kind: "flag" as const,
  meaning: FLAG_TEXT[flag].meaning,
  citation: FLAG_TEXT[flag].citation,
  editable: true,
}));

/** Every fixed field of the 20-byte header, in wire order. */
export const FIELD_LAYOUT: readonly FieldSpec[] = [...NUMERIC_FIELDS, ...FLAG_FIELDS].sort(
  (a, b) => a.bitOffset - b.bitOffset,
);

export function fieldSpec(name: FieldName): FieldSpec {
  const spec = FIELD_LAYOUT.find((f) => f.name === name);
  if (!spec) throw new Error(`no such TCP header field: ${name}`);
  return spec;
}

export function isFlagField(name: FieldName): name is `flags.${FlagName}` {
  return name.startsWith("flags.");
}

export function getField(header: TcpHeader, name: FieldName): number | boolean {
  if (isFlagField(name)) return header.flags[name.slice("flags.".length) as FlagName];
  return header[name];
}

/** Bytes [first, last] that a field touches; flags share byte 13. */
export function fieldByteRange(spec: Pick<FieldSpec, "bitOffset" | "bitWidth">): [number, number] {
  return [Math.floor(spec.bitOffset / 8), Math.floor((spec.bitOffset + spec.bitWidth - 1) / 8)];
}
