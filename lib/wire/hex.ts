// Hex text <-> bytes, for people pasting captures.
//
// Accepted input:
//  - plain hex: "4500003c", "45 00 00 3c", "4500 003c", "45:00:00:3c", "0x45, 0x00"
//  - tcpdump -x / -xx (lines "\t0x0010:  0ac8 0002 9c41 ..."): the offset prefix
//    is checked and dropped, other lines (the one-line packet summary) ignored
//  - tcpdump -X / -XX: as above, plus the ASCII column after two or more
//    spaces, which is ignored
//  - xxd ("00000010: 0ac8 0002 ..."), which has the same shape without "0x"
//
// The output of `formatHex` is exactly tcpdump -x's layout (16 bytes a line,
// 2-byte groups), so parseHex(formatHex(b)) gives back b.

export type ParseHexResult =
  | { ok: true; bytes: Uint8Array; format: "tcpdump" | "plain" }
  | { ok: false; error: string };

/** An offset-prefixed dump line: "\t0x0010:  0ac8 0002 ..." or xxd's "00000010: 0ac8 ...". */
const DUMP_LINE = /^(\s*)((?:0x)?([0-9a-fA-F]+)):(\s+)(.*)$/;
/** hexdump -C or a Wireshark-style dump: offset, spaces, single bytes. We do not guess at those. */
const UNSUPPORTED_DUMP_LINE = /^0{4,8}\s{2,}[0-9a-fA-F]{2} [0-9a-fA-F]{2} /;

const isHex = (text: string) => /^[0-9a-fA-F]+$/.test(text);

function tokenError(line: number, column: number, token: string, total: number): string {
  const where = total > 1 ? `line ${line}, column ${column}` : `column ${column}`;
  const bare = token.replace(/^0x/i, "");
  if (bare === "") return `${where}: '${token}' has no hex digits after 0x`;
  if (!isHex(bare)) {
    const bad = [...bare].find((c) => !isHex(c)) ?? "";
    return `${where}: '${token}' is not hex ('${bad}' is not a hex digit; use 0-9 and a-f)`;
  }
  return `${where}: '${token}' has an odd number of hex digits (${bare.length}); every byte is two hex digits`;
}

function pushHexToken(out: number[], token: string): boolean {
  const bare = token.replace(/^0x/i, "");
  if (bare === "" || !isHex(bare) || bare.length % 2 !== 0) return false;
  for (let i = 0; i < bare.length; i += 2) out.push(Number.parseInt(bare.slice(i, i + 2), 16));
  return true;
}

export function parseHex(text: string): ParseHexResult {
  const lines = text.split(/\r?\n/);
  const total = lines.length;
  const firstContent = lines.find((l) => l.trim() !== "") ?? "";
  if (firstContent === "") return { ok: false, error: "nothing to decode: paste hex bytes such as 4500 003c ..." };
  if (UNSUPPORTED_DUMP_LINE.test(firstContent.trim())) {
    return {
      ok: false,
      error:
        "this looks like a hexdump -C or Wireshark dump (offset, then single bytes); paste tcpdump -x output or plain hex instead",
    };
  }
  const isDump = lines.some((l) => DUMP_LINE.test(l) && /0x|^\s*[0-9a-fA-F]{4,8}:/.test(l));
  return isDump ? parseDump(lines, total) : parsePlain(lines, total);
}

function parsePlain(lines: string[], total: number): ParseHexResult {
  const out: number[] = [];
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(/[^\s:,;]+/g)) {
      const token = match[0];
      if (!pushHexToken(out, token)) {
        return { ok: false, error: tokenError(index + 1, (match.index ?? 0) + 1, token, total) };
      }
    }
  }
  if (out.length === 0) return { ok: false, error: "nothing to decode: no hex bytes found" };
  return { ok: true, bytes: Uint8Array.from(out), format: "plain" };
}

function parseDump(lines: string[], total: number): ParseHexResult {
  const out: number[] = [];
  let firstOffset: number | null = null;
  for (const [index, line] of lines.entries()) {
    const m = DUMP_LINE.exec(line);
    // Lines without an offset are tcpdump's packet summaries or blank: not data.
    if (!m) continue;
    const [, lead = "", prefix = "", offsetHex = "", gap = "", rest = ""] = m;
    const offset = Number.parseInt(offsetHex, 16);
    const lineNo = index + 1;
    if (firstOffset === null) {
      firstOffset = offset;
    } else if (offset === 0 && out.length > 0) {
      return {
        ok: false,
        error: `line ${lineNo}: a second packet starts here (offset 0x0000 again); paste one packet at a time`,
      };
    } else if (offset !== firstOffset + out.length) {
      const expected = (firstOffset + out.length).toString(16).padStart(4, "0");
      return {
        ok: false,
        error: `line ${lineNo}: offset ${prefix} should be 0x${expected} to follow the ${out.length} bytes before it; is a line missing or repeated?`,
      };
    }
    // The hex groups end at the first run of two or more spaces; after that
    // comes tcpdump -X's ASCII column, which we ignore.
    const hexPart = rest.split(/\s{2,}/)[0] ?? "";
    const column0 = lead.length + prefix.length + 1 + gap.length;
    for (const match of hexPart.matchAll(/\S+/g)) {
      const token = match[0];
      if (!pushHexToken(out, token)) {
        return { ok: false, error: tokenError(lineNo, column0 + (match.index ?? 0) + 1, token, total) };
      }
    }
  }
  if (out.length === 0) return { ok: false, error: "nothing to decode: the dump lines hold no bytes" };
  return { ok: true, bytes: Uint8Array.from(out), format: "tcpdump" };
}

export interface HexDumpGroup {
  /** Index of the group's first byte in the whole buffer. */
  start: number;
  /** 1 or 2 bytes. */
  length: number;
}

export interface HexDumpRow {
  offset: number;
  groups: HexDumpGroup[];
}

/** tcpdump's grouping: rows of 16 bytes, groups of 2 bytes (the last may be 1). */
export function hexDumpRows(length: number): HexDumpRow[] {
  const rows: HexDumpRow[] = [];
  for (let offset = 0; offset < length; offset += 16) {
    const groups: HexDumpGroup[] = [];
    for (let start = offset; start < Math.min(offset + 16, length); start += 2) {
      groups.push({ start, length: Math.min(2, length - start) });
    }
    rows.push({ offset, groups });
  }
  return rows;
}

export const byteHex = (byte: number) => byte.toString(16).padStart(2, "0");

export function offsetLabel(offset: number): string {
  return `0x${offset.toString(16).padStart(4, "0")}:`;
}

export interface FormatHexOptions {
  /** Add tcpdump -X's ASCII column. */
  ascii?: boolean;
  /** Prefix of each line; tcpdump uses a tab. */
  indent?: string;
}

/** Width of a full row's hex part: 8 groups of 4 digits and 7 spaces. */
const FULL_HEX_WIDTH = 39;

/** Formats bytes the way tcpdump -x (or -X with `ascii`) prints them. */
export function formatHex(bytes: Uint8Array, options: FormatHexOptions = {}): string {
  const { ascii = false, indent = "\t" } = options;
  return hexDumpRows(bytes.length)
    .map(({ offset, groups }) => {
      const hex = groups
        .map((g) => Array.from(bytes.subarray(g.start, g.start + g.length), byteHex).join(""))
        .join(" ");
      let line = `${indent}${offsetLabel(offset)}  ${hex}`;
      if (ascii) {
        // tcpdump prints only graphic ASCII (0x21-0x7e); even a space becomes ".".
        const text = Array.from(bytes.subarray(offset, offset + 16), (b) =>
          b >= 0x21 && b <= 0x7e ? String.fromCharCode(b) : ".",
        ).join("");
        line += `${" ".repeat(FULL_HEX_WIDTH - hex.length)}  ${text}`;
      }
      return line;
    })
    .join("\n");
}

/** Plain "45 00 00 3c" form, handy for messages and copying. */
export function spacedHex(bytes: Uint8Array): string {
  return Array.from(bytes, byteHex).join(" ");
}
