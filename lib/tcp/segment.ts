/** TCP header flag bits (RFC 9293 §3.1), in the kernel's TCPHDR_* values. */
export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;

/** Flags in tcpdump notation: S, S., ., P., F., FP., R, R. */
export function flagString(flags: number): string {
  let s = "";
  if (flags & FIN) s += "F";
  if (flags & SYN) s += "S";
  if (flags & RST) s += "R";
  if (flags & PSH) s += "P";
  if (flags & ACK) s += ".";
  return s;
}

export function parseFlagString(s: string): number | null {
  let f = 0;
  for (const c of s) {
    if (c === "F") f |= FIN;
    else if (c === "S") f |= SYN;
    else if (c === "R") f |= RST;
    else if (c === "P") f |= PSH;
    else if (c === ".") f |= ACK;
    else return null;
  }
  return f;
}

/**
 * A segment in flight. One object carries the header fields the model needs;
 * payload bytes are only counted (`len`), never stored.
 */
export interface Segment {
  srcAddr: number;
  srcPort: number;
  dstAddr: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  len: number;
  /** Conn code: host index of the client end, or -(n) for the n-th flood SYN. */
  conn: number;
}

/** Sequence space a segment occupies: payload plus one each for SYN and FIN. */
export function segSpace(flags: number, len: number): number {
  return len + (flags & SYN ? 1 : 0) + (flags & FIN ? 1 : 0);
}

/** A pure ACK: ACK set, no SYN/FIN/RST, no payload (what a "drop: ack" fault drops). */
export function isPureAck(flags: number, len: number): boolean {
  return (flags & (ACK | SYN | FIN | RST)) === ACK && len === 0;
}
