// Words the explorer shows about the current selection and checksum. Pure:
// takes the header, returns text, so it is tested without rendering.

import { verifyTcpChecksumIPv4 } from "@/lib/wire/checksum";
import { hexOf } from "@/lib/wire/bytes";
import { formatIpv4 } from "@/lib/wire/ipv4";
import type { IpAddresses } from "@/lib/wire/pasted";
import {
  OPTION_INFO,
  describeOption,
  encodeTcpHeader,
  fieldSpec,
  getField,
  optionLength,
  optionTypeName,
  optionTypeOf,
  type TcpHeader,
} from "@/lib/wire/tcpHeader";
import { optionName, selectionBits, type Selection } from "./diagram";
import { formatChecksum } from "./format";

export interface SelectionDetails {
  title: string;
  /** "Bits 64–95 (32 bits), bytes 8–11" */
  position: string;
  /** "16909060 (0x01020304)", "set (1)", "mss 1460" */
  value: string;
  meaning: string;
  citation: string;
}

function positionText(bitOffset: number, bitWidth: number): string {
  const bits = bitWidth === 1 ? `Bit ${bitOffset}` : `Bits ${bitOffset}–${bitOffset + bitWidth - 1} (${bitWidth} bits)`;
  const firstByte = Math.floor(bitOffset / 8);
  const lastByte = Math.floor((bitOffset + bitWidth - 1) / 8);
  const bytes = firstByte === lastByte ? `byte ${firstByte}` : `bytes ${firstByte}–${lastByte}`;
  const inByte =
    bitWidth >= 8
      ? ""
      : bitWidth === 1
        ? `, bit ${bitOffset % 8} of that byte counting from its most significant bit (mask 0x${(0x80 >> bitOffset % 8).toString(16).padStart(2, "0")})`
        : `, its ${bitOffset % 8 === 0 ? "high" : "low"} ${bitWidth} bits`;
  return `${bits}, ${bytes}${inByte}`;
}

export function selectionDetails(header: TcpHeader, selection: Selection): SelectionDetails | null {
  const bits = selectionBits(header, selection);
  if (!bits) return null;
  const position = positionText(bits.bitOffset, bits.bitWidth);
  if (selection.type === "field") {
    const spec = fieldSpec(selection.name);
    const value = getField(header, selection.name);
    const valueText =
      typeof value === "boolean"
        ? value
          ? "set (1)"
          : "clear (0)"
        : spec.name === "checksum"
          ? formatChecksum(value)
          : `${value} (${hexOf(value, Math.ceil(spec.bitWidth / 4))})${spec.name === "dataOffset" ? ` = ${value * 4} bytes` : ""}`;
    return { title: spec.label, position, value: valueText, meaning: spec.meaning, citation: spec.citation };
  }
  const option = header.options[selection.index];
  if (!option) return null;
  const type = optionTypeOf(option);
  const length = optionLength(option);
  const wire = length === 1 ? `kind ${type}, a single byte` : `kind ${type}, length ${length}`;
  if (option.kind === "unknown") {
    return {
      title: optionName(header, selection.index),
      position: `${position}; ${wire}`,
      value: describeOption(option),
      meaning: `${optionTypeName(type)}. This explorer does not decode it further; receivers that do not implement an option skip it using its length.`,
      citation: "RFC 9293 §3.1 (MUST-6)",
    };
  }
  const info = OPTION_INFO[option.kind];
  let value = describeOption(option);
  if (option.kind === "wscale" && option.shift > 14) value += " (a receiver uses 14: RFC 7323 §2.3)";
  if (option.kind === "eol") value = "0, then zero padding up to the data offset";
  return { title: info.name, position: `${position}; ${wire}`, value, meaning: info.meaning, citation: info.citation };
}

export type ChecksumStatus =
  | { kind: "unknown"; text: string }
  | { kind: "valid"; text: string }
  | { kind: "offload"; text: string; expected: number }
  | { kind: "invalid"; text: string; expected: number };

/** Whether the checksum field is right, and if not, the likely reason. */
export function checksumStatus(header: TcpHeader, payload: Uint8Array, ip: IpAddresses | null): ChecksumStatus {
  const stored = formatChecksum(header.checksum);
  if (!ip) {
    return {
      kind: "unknown",
      text: `Checksum ${stored} cannot be checked from these bytes alone: it also covers a pseudo-header with the source and destination IP addresses (RFC 9293 §3.1). Paste a whole tcpdump -x dump, which starts at the IPv4 header, to check it.`,
    };
  }
  const verdict = verifyTcpChecksumIPv4(ip.src, ip.dst, encodeTcpHeader(header, payload));
  const route = `${formatIpv4(ip.src)} → ${formatIpv4(ip.dst)}`;
  const expected = formatChecksum(verdict.expected);
  if (verdict.valid) {
    return { kind: "valid", text: `Checksum ${stored} verifies over the pseudo-header (${route}), header and data (RFC 9293 §3.1, RFC 1071).` };
  }
  if (verdict.looksLikeOffload) {
    return {
      kind: "offload",
      expected: verdict.expected,
      text: `Checksum ${stored} does not verify (a finished one would be ${expected}), but it is exactly the sum of the pseudo-header (${route}) alone. That is checksum offload: the capture saw the segment before the network device finished the checksum. Normal for captures on the sending host.`,
    };
  }
  return {
    kind: "invalid",
    expected: verdict.expected,
    text: `Checksum ${stored} does not verify over the pseudo-header (${route}): it should be ${expected}. Changing any field or option changes the checksum a sender must write.`,
  };
}
