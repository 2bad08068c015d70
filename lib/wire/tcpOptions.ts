// TCP options: the variable part of the header after byte 20.
//
// Wire format (RFC 9293 §3.1): an option is either a single kind byte (EOL = 0,
// NOP = 1) or kind, length, data, where length counts the kind and length bytes
// too. The option area is (data offset − 5) × 4 bytes, so at most 40 bytes.

import { readU16, readU32, writeU16, writeU32 } from "./bytes";

export interface SackBlock {
  /** First sequence number of a block the receiver holds (RFC 2018 §3). */
  left: number;
  /** Sequence number just past the block's last byte (RFC 2018 §3). */
  right: number;
}

export type TcpOption =
  | { kind: "eol" }
  | { kind: "nop" }
  | { kind: "mss"; value: number }
  | { kind: "wscale"; shift: number }
  | { kind: "sackPermitted" }
  | { kind: "sack"; blocks: SackBlock[] }
  | { kind: "timestamps"; tsval: number; tsecr: number }
  | { kind: "unknown"; type: number; data: Uint8Array };

export type TcpOptionKind = TcpOption["kind"];

/** The kind byte of each modelled option, from the IANA TCP option registry. */
export const OPTION_TYPE = {
  eol: 0, // RFC 9293 §3.2
  nop: 1, // RFC 9293 §3.2
  mss: 2, // RFC 9293 §3.2
  wscale: 3, // RFC 7323 §2.2
  sackPermitted: 4, // RFC 2018 §2
  sack: 5, // RFC 2018 §3
  timestamps: 8, // RFC 7323 §3.2
} as const;

/** Options whose length is fixed by their RFC; anything else on the wire is malformed. */
const FIXED_LENGTH: Partial<Record<number, { name: string; article: string; length: number; citation: string }>> = {
  [OPTION_TYPE.mss]: { name: "MSS", article: "an", length: 4, citation: "RFC 9293 §3.2" },
  [OPTION_TYPE.wscale]: { name: "window scale", article: "a", length: 3, citation: "RFC 7323 §2.2" },
  [OPTION_TYPE.sackPermitted]: { name: "SACK-permitted", article: "a", length: 2, citation: "RFC 2018 §2" },
  [OPTION_TYPE.timestamps]: { name: "timestamps", article: "a", length: 10, citation: "RFC 7323 §3.2" },
};

/** Most option space there is: data offset is 4 bits, so at most 15 words, 5 of them fixed. */
export const MAX_OPTIONS_BYTES = 40;

/** RFC 7323 §2.3: a shift above 14 "MUST" be treated as 14 (windows stay below 2^30). */
export const MAX_WINDOW_SCALE_SHIFT = 14;

export interface OptionInfo {
  name: string;
  /** Kind byte on the wire. */
  type: number;
  /** Size in bytes, as text ("1", "4", "2 + 8 per block"). */
  size: string;
  meaning: string;
  citation: string;
}

export const OPTION_INFO: Record<Exclude<TcpOptionKind, "unknown">, OptionInfo> = {
  eol: {
    name: "End of option list (EOL)",
    type: 0,
    size: "1",
    meaning:
      "Marks the end of the options; whatever follows up to the data offset is zero padding. Only needed when the options do not end on a 4-byte boundary by themselves.",
    citation: "RFC 9293 §3.1, §3.2",
  },
  nop: {
    name: "No-operation (NOP)",
    type: 1,
    size: "1",
    meaning:
      "One byte of filler, used between options so the next one starts on a word boundary. Receivers must handle options at any alignment anyway.",
    citation: "RFC 9293 §3.2 (MUST-64)",
  },
  mss: {
    name: "Maximum segment size (MSS)",
    type: 2,
    size: "4",
    meaning:
      "The largest segment payload (data bytes, not counting IP or TCP headers) this endpoint is willing to receive. Sent only on SYN segments; without it the peer must assume 536 bytes over IPv4.",
    citation: "RFC 9293 §3.2, §3.7.1 (MUST-15)",
  },
  wscale: {
    name: "Window scale",
    type: 3,
    size: "3",
    meaning:
      "Shift count applied to the window field of every later segment this endpoint sends: real window = window << shift. Only in SYN and SYN-ACK, used only if both sides send it; at most 14.",
    citation: "RFC 7323 §2.2, §2.3",
  },
  sackPermitted: {
    name: "SACK permitted",
    type: 4,
    size: "2",
    meaning:
      "Says this endpoint understands selective acknowledgments and may receive SACK options once the connection is open. Only in SYN segments.",
    citation: "RFC 2018 §2",
  },
  sack: {
    name: "Selective acknowledgment (SACK)",
    type: 5,
    size: "2 + 8 per block",
    meaning:
      "Lists blocks of data received out of order, each as [left edge, right edge), so the sender retransmits only the gaps. At most 4 blocks fit, 3 alongside timestamps.",
    citation: "RFC 2018 §3",
  },
  timestamps: {
    name: "Timestamps",
    type: 8,
    size: "10",
    meaning:
      "TSval is the sender's timestamp clock; TSecr echoes the TSval most recently received from the peer (zero when ACK is not set). Used to measure round-trip time and to reject old duplicates (PAWS).",
    citation: "RFC 7323 §3.2",
  },
};

/** A few well-known kinds we show by name but do not decode further. */
const OTHER_KNOWN_TYPES: Partial<Record<number, string>> = {
  19: "MD5 signature (RFC 2385)",
  29: "TCP Authentication Option (RFC 5925)",
  30: "Multipath TCP (RFC 8684)",
  34: "Fast Open cookie (RFC 7413)",
  253: "experimental (RFC 4727)",
  254: "experimental (RFC 4727)",
};

export function optionTypeName(type: number): string {
  const known = Object.entries(OPTION_TYPE).find(([, t]) => t === type);
  if (known) return OPTION_INFO[known[0] as keyof typeof OPTION_TYPE].name;
  return OTHER_KNOWN_TYPES[type] ?? `unknown kind ${type}`;
}

export function optionTypeOf(option: TcpOption): number {
  return option.kind === "unknown" ? option.type : OPTION_TYPE[option.kind];
}

/** Bytes the option occupies on the wire. */
export function optionLength(option: TcpOption): number {
  switch (option.kind) {
    case "eol":
    case "nop":
      return 1;
    case "mss":
      return 4;
    case "wscale":
      return 3;
    case "sackPermitted":
      return 2;
    case "sack":
      return 2 + 8 * option.blocks.length;
    case "timestamps":
      return 10;
    case "unknown":
      return 2 + option.data.length;
  }
}

const isUint = (value: number, bits: 8 | 16 | 32): boolean =>
  Number.isInteger(value) && value >= 0 && value <= 2 ** bits - 1;

/** Why an option cannot be put on the wire, or null if it can. */
export function optionProblem(option: TcpOption): string | null {
  switch (option.kind) {
    case "eol":
    case "nop":
    case "sackPermitted":
      return null;
    case "mss":
      return isUint(option.value, 16) ? null : `MSS must be an integer from 0 to 65535; got ${option.value}`;
    case "wscale":
      // Any byte is encodable (and decodable); RFC 7323 §2.3 only says how a receiver treats > 14.
      return isUint(option.shift, 8) ? null : `window scale shift must be an integer from 0 to 255; got ${option.shift}`;
    case "sack":
      if (option.blocks.length === 0) return "a SACK option needs at least one block (RFC 2018 §3)";
      for (const block of option.blocks) {
        if (!isUint(block.left, 32) || !isUint(block.right, 32)) {
          return "SACK block edges must be integers from 0 to 4294967295";
        }
      }
      return null;
    case "timestamps":
      return isUint(option.tsval, 32) && isUint(option.tsecr, 32)
        ? null
        : "TSval and TSecr must be integers from 0 to 4294967295";
    case "unknown":
      if (!isUint(option.type, 8)) return `option kind must be 0–255; got ${option.type}`;
      if (option.type in FIXED_LENGTH || option.type <= 1 || option.type === OPTION_TYPE.sack) {
        return `option kind ${option.type} is ${optionTypeName(option.type)}; use that option instead of a raw one`;
      }
      if (option.data.length > MAX_OPTIONS_BYTES - 2) return `option kind ${option.type} carries too much data to fit`;
      return null;
  }
}

/** Writes one option at `at`; returns the byte after it. Assumes `optionProblem` is null. */
export function writeOption(option: TcpOption, out: Uint8Array, at: number): number {
  const length = optionLength(option);
  out[at] = optionTypeOf(option);
  if (length === 1) return at + 1;
  out[at + 1] = length;
  switch (option.kind) {
    case "mss":
      writeU16(out, at + 2, option.value);
      break;
    case "wscale":
      out[at + 2] = option.shift;
      break;
    case "sack":
      option.blocks.forEach((block, i) => {
        writeU32(out, at + 2 + 8 * i, block.left);
        writeU32(out, at + 6 + 8 * i, block.right);
      });
      break;
    case "timestamps":
      writeU32(out, at + 2, option.tsval);
      writeU32(out, at + 6, option.tsecr);
      break;
    case "unknown":
      out.set(option.data, at + 2);
      break;
    default:
      break;
  }
  return at + length;
}

export type DecodeOptionsResult = { ok: true; options: TcpOption[] } | { ok: false; error: string };

/**
 * Decodes the option area `header[start, end)`. Byte positions in messages are
 * counted from the start of the TCP header, which is what a user sees in a dump.
 *
 * Parsing stops at EOL: RFC 9293 §3.1 says what follows it is zero padding (MUST-69).
 */
export function decodeOptions(header: Uint8Array, start: number, end: number): DecodeOptionsResult {
  const options: TcpOption[] = [];
  let at = start;
  while (at < end) {
    const type = header[at] ?? 0;
    if (type === OPTION_TYPE.eol) {
      options.push({ kind: "eol" });
      break;
    }
    if (type === OPTION_TYPE.nop) {
      options.push({ kind: "nop" });
      at += 1;
      continue;
    }
    const label = `option at byte ${at} (kind ${type}, ${optionTypeName(type)})`;
    if (at + 1 >= end) {
      return {
        ok: false,
        error: `${label} is cut off: its length byte would be byte ${at + 1}, but the header ends at byte ${end} (data offset ${end / 4})`,
      };
    }
    const length = header[at + 1] ?? 0;
    if (length < 2) {
      // RFC 9293 §3.1 MUST-7: be prepared for an illegal length such as zero; a
      // length of 0 or 1 would also make a parser loop forever on the same byte.
      return {
        ok: false,
        error: `${label} has length ${length}; an option's length counts its kind and length bytes, so it must be at least 2 (RFC 9293 §3.1)`,
      };
    }
    if (at + length > end) {
      return {
        ok: false,
        error: `${label} says it is ${length} bytes long, but only ${end - at} bytes of header remain before the data offset (byte ${end})`,
      };
    }
    const fixed = FIXED_LENGTH[type];
    if (fixed && length !== fixed.length) {
      return {
        ok: false,
        error: `${fixed.name} option at byte ${at} has length ${length}, but ${fixed.article} ${fixed.name} option is always ${fixed.length} bytes (${fixed.citation})`,
      };
    }
    switch (type) {
      case OPTION_TYPE.mss:
        options.push({ kind: "mss", value: readU16(header, at + 2) });
        break;
      case OPTION_TYPE.wscale:
        options.push({ kind: "wscale", shift: header[at + 2] ?? 0 });
        break;
      case OPTION_TYPE.sackPermitted:
        options.push({ kind: "sackPermitted" });
        break;
      case OPTION_TYPE.timestamps:
        options.push({ kind: "timestamps", tsval: readU32(header, at + 2), tsecr: readU32(header, at + 6) });
        break;
      case OPTION_TYPE.sack: {
        if (length < 10 || (length - 2) % 8 !== 0) {
          return {
            ok: false,
            error: `SACK option at byte ${at} has length ${length}, but a SACK option is 2 + 8 × n bytes for n ≥ 1 blocks (10, 18, 26 or 34) (RFC 2018 §3)`,
          };
        }
        const blocks: SackBlock[] = [];
        for (let b = at + 2; b < at + length; b += 8) {
          blocks.push({ left: readU32(header, b), right: readU32(header, b + 4) });
        }
        options.push({ kind: "sack", blocks });
        break;
      }
      default:
        // RFC 9293 §3.1 MUST-6: ignore options we do not implement, using their length.
        options.push({ kind: "unknown", type, data: header.slice(at + 2, at + length) });
    }
    at += length;
  }
  return { ok: true, options };
}

/** Short text like tcpdump prints: "mss 1460", "sackOK", "TS val 1 ecr 0", "wscale 7". */
export function describeOption(option: TcpOption): string {
  switch (option.kind) {
    case "eol":
      return "eol";
    case "nop":
      return "nop";
    case "mss":
      return `mss ${option.value}`;
    case "wscale":
      return `wscale ${option.shift}`;
    case "sackPermitted":
      return "sackOK";
    case "sack":
      return `sack ${option.blocks.length} {${option.blocks.map((b) => `${b.left}:${b.right}`).join("}{")}}`;
    case "timestamps":
      return `TS val ${option.tsval} ecr ${option.tsecr}`;
    case "unknown":
      return `${optionTypeName(option.type)}, ${option.data.length} data bytes`;
  }
}
