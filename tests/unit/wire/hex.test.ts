import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatHex, hexDumpRows, parseHex } from "@/lib/wire/hex";
import { REAL_LINUX_SYN_PACKET } from "@/lib/wire/realSyn";

// Verbatim output of `tcpdump -n -S -r client-active-close.pcap -c 1 -x` (and -X, -xx),
// tcpdump 4.99.3: a summary line, then tab-indented offset lines.
const TCPDUMP_X = `11:38:07.318986 IP 10.200.0.1.40001 > 10.200.0.2.5000: Flags [S], seq 2691279157, win 64240, options [mss 1460,sackOK,TS val 2223129839 ecr 0,nop,wscale 10], length 0
\t0x0000:  4500 003c e920 4000 4006 3c09 0ac8 0001
\t0x0010:  0ac8 0002 9c41 1388 a069 a935 0000 0000
\t0x0020:  a002 faf0 15c1 0000 0204 05b4 0402 080a
\t0x0030:  8482 44ef 0000 0000 0103 030a
`;

const TCPDUMP_CAPITAL_X = `11:38:07.318986 IP 10.200.0.1.40001 > 10.200.0.2.5000: Flags [S], seq 2691279157, win 64240, options [mss 1460,sackOK,TS val 2223129839 ecr 0,nop,wscale 10], length 0
\t0x0000:  4500 003c e920 4000 4006 3c09 0ac8 0001  E..<..@.@.<.....
\t0x0010:  0ac8 0002 9c41 1388 a069 a935 0000 0000  .....A...i.5....
\t0x0020:  a002 faf0 15c1 0000 0204 05b4 0402 080a  ................
\t0x0030:  8482 44ef 0000 0000 0103 030a            ..D.........
`;

const TCPDUMP_XX = `\t0x0000:  be62 56de 41ac be54 7231 b029 0800 4500
\t0x0010:  003c e920 4000 4006 3c09 0ac8 0001 0ac8
\t0x0020:  0002 9c41 1388 a069 a935 0000 0000 a002
\t0x0030:  faf0 15c1 0000 0204 05b4 0402 080a 8482
\t0x0040:  44ef 0000 0000 0103 030a`;

function bytesOf(text: string): Uint8Array {
  const result = parseHex(text);
  if (!result.ok) throw new Error(result.error);
  return result.bytes;
}

function errorOf(text: string): string {
  const result = parseHex(text);
  if (result.ok) throw new Error("expected a parse error");
  return result.error;
}

describe("parseHex", () => {
  it("reads tcpdump -x output, skipping the summary line and the offsets", () => {
    const result = parseHex(TCPDUMP_X);
    expect(result).toEqual({ ok: true, bytes: REAL_LINUX_SYN_PACKET, format: "tcpdump" });
  });

  it("reads tcpdump -X output and ignores the ASCII column", () => {
    expect(bytesOf(TCPDUMP_CAPITAL_X)).toEqual(REAL_LINUX_SYN_PACKET);
  });

  it("ignores an ASCII column that itself looks like hex", () => {
    const line = "\t0x0000:  3435 3030 6162                           4500ab";
    expect(Array.from(bytesOf(line))).toEqual([0x34, 0x35, 0x30, 0x30, 0x61, 0x62]);
  });

  it("reads tcpdump -xx output, which starts at the Ethernet header", () => {
    const bytes = bytesOf(TCPDUMP_XX);
    expect(bytes).toHaveLength(74);
    expect(bytes.subarray(14)).toEqual(REAL_LINUX_SYN_PACKET);
  });

  it("reads xxd output, whose offsets lack 0x and need not start at zero", () => {
    const xxd = `00000036: 4500 003c e920 4000 4006 3c09 0ac8 0001  E..<. @.@.<.....
00000046: 0ac8 0002 9c41 1388 a069 a935 0000 0000  .....A...i.5....`;
    expect(Array.from(bytesOf(xxd))).toEqual(Array.from(REAL_LINUX_SYN_PACKET.subarray(0, 32)));
  });

  it.each([
    ["contiguous", "4500003c"],
    ["space separated bytes", "45 00 00 3c"],
    ["2-byte groups", "4500 003c"],
    ["colon separated", "45:00:00:3c"],
    ["0x-prefixed and comma separated", "0x45, 0x00, 0x00, 0x3C"],
    ["spread over lines", "45 00\n00 3c\n"],
  ])("reads plain hex: %s", (_name, text) => {
    expect(Array.from(bytesOf(text))).toEqual([0x45, 0x00, 0x00, 0x3c]);
  });

  it("names the line, the column and the token that is not hex", () => {
    expect(errorOf("4500 003c\n9c41 zz88")).toBe("line 2, column 6: 'zz88' is not hex ('z' is not a hex digit; use 0-9 and a-f)");
  });

  it("gives just the column for one-line input", () => {
    expect(errorOf("45 0g")).toBe("column 4: '0g' is not hex ('g' is not a hex digit; use 0-9 and a-f)");
  });

  it("reports an odd number of hex digits in a token", () => {
    expect(errorOf("4500 003")).toBe("column 6: '003' has an odd number of hex digits (3); every byte is two hex digits");
  });

  it("reports a bad token inside a tcpdump line with its real column", () => {
    const text = "\t0x0000:  4500 00zc e920";
    expect(errorOf(text)).toMatch(/^column 16: '00zc' is not hex/);
  });

  it("notices a missing line in a tcpdump dump by its offsets", () => {
    const lines = TCPDUMP_X.split("\n");
    const withoutThirdDataLine = [lines[0], lines[1], lines[2], lines[4]].join("\n");
    expect(errorOf(withoutThirdDataLine)).toBe(
      "line 4: offset 0x0030 should be 0x0020 to follow the 32 bytes before it; is a line missing or repeated?",
    );
  });

  it("refuses two packets pasted together", () => {
    expect(errorOf(`${TCPDUMP_X}${TCPDUMP_X}`)).toMatch(/^line 7: a second packet starts here/);
  });

  it("says so when there is nothing to decode", () => {
    expect(errorOf("   \n  ")).toMatch(/^nothing to decode/);
  });

  it("declines hexdump -C style dumps rather than misreading their offsets as data", () => {
    expect(errorOf("00000000  45 00 00 3c e9 20 40 00  40 06 3c 09 0a c8 00 01  |E..<. @.@.<.....|")).toMatch(
      /hexdump -C or Wireshark/,
    );
  });
});

describe("formatHex", () => {
  it("lays bytes out exactly as tcpdump -x does", () => {
    expect(`${formatHex(REAL_LINUX_SYN_PACKET)}\n`).toBe(TCPDUMP_X.split("\n").slice(1).join("\n"));
  });

  it("lays bytes out exactly as tcpdump -X does, ASCII column included", () => {
    expect(`${formatHex(REAL_LINUX_SYN_PACKET, { ascii: true })}\n`).toBe(TCPDUMP_CAPITAL_X.split("\n").slice(1).join("\n"));
  });

  it("prints a final odd byte as a 2-digit group", () => {
    expect(formatHex(Uint8Array.from([0xab, 0xcd, 0xef]), { indent: "" })).toBe("0x0000:  abcd ef");
  });

  it("round-trips through parseHex for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.boolean(), (bytes, ascii) => {
        expect(bytesOf(formatHex(bytes, { ascii }))).toEqual(bytes);
      }),
    );
  });

  it("groups rows of 16 bytes into 2-byte groups that know their byte positions", () => {
    const rows = hexDumpRows(19);
    expect(rows.map((r) => r.offset)).toEqual([0, 16]);
    expect(rows[1]?.groups).toEqual([
      { start: 16, length: 2 },
      { start: 18, length: 1 },
    ]);
  });
});
