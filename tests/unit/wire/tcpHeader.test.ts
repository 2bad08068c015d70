import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FLAG_ORDER,
  decodeTcpHeader,
  emptyHeader,
  encodeTcpHeader,
  noFlags,
  normalizeHeader,
  summarizeTcpHeader,
  type TcpFlags,
  type TcpHeader,
  type TcpOption,
} from "@/lib/wire/tcpHeader";

function decodeOk(bytes: Uint8Array) {
  const result = decodeTcpHeader(bytes);
  if (!result.ok) throw new Error(`expected a decodable header, got: ${result.error}`);
  return result;
}

function decodeError(bytes: Uint8Array | number[]): string {
  const result = decodeTcpHeader(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  if (result.ok) throw new Error("expected a decode error");
  return result.error;
}

/** A 20-byte header followed by `options`, with the data offset set to cover them (or `dataOffset`). */
function withRawOptions(options: number[], dataOffset = 5 + Math.ceil(options.length / 4)): Uint8Array {
  const bytes = new Uint8Array(Math.max(20 + options.length, dataOffset * 4));
  bytes[12] = dataOffset << 4;
  bytes.set(options, 20);
  return bytes;
}

const sample: TcpHeader = {
  ...emptyHeader(),
  srcPort: 40001,
  dstPort: 5000,
  seq: 2691279157,
  ack: 0,
  flags: { ...noFlags(), syn: true },
  window: 64240,
  checksum: 0x15c1,
};

describe("encodeTcpHeader", () => {
  it("writes a header without options as exactly 20 bytes in network byte order", () => {
    const bytes = encodeTcpHeader({ ...sample, ack: 0x01020304 });
    expect(bytes).toHaveLength(20);
    expect(Array.from(bytes)).toEqual([
      0x9c, 0x41, 0x13, 0x88, 0xa0, 0x69, 0xa9, 0x35, 0x01, 0x02, 0x03, 0x04, 0x50, 0x02, 0xfa, 0xf0, 0x15, 0xc1, 0x00, 0x00,
    ]);
  });

  it("computes the data offset from the options instead of trusting the field", () => {
    const bytes = encodeTcpHeader({ ...sample, dataOffset: 15, options: [{ kind: "mss", value: 1460 }] });
    expect(bytes[12]! >> 4).toBe(6);
    expect(bytes).toHaveLength(24);
  });

  it("pads options to a 4-byte boundary with a zero EOL byte and zero padding", () => {
    const bytes = encodeTcpHeader({ ...sample, options: [{ kind: "wscale", shift: 7 }, { kind: "sackPermitted" }] });
    expect(Array.from(bytes.subarray(20))).toEqual([3, 3, 7, 4, 2, 0, 0, 0]);
    expect(bytes[12]! >> 4).toBe(7);
  });

  it("appends the payload after the header", () => {
    const bytes = encodeTcpHeader(sample, Uint8Array.from([1, 2, 3]));
    expect(Array.from(bytes.subarray(20))).toEqual([1, 2, 3]);
  });

  it("refuses options that do not fit in 40 bytes", () => {
    const options: TcpOption[] = [
      { kind: "sack", blocks: [1, 2, 3, 4].map((n) => ({ left: n, right: n + 1 })) },
      { kind: "timestamps", tsval: 1, tsecr: 2 },
    ];
    expect(() => encodeTcpHeader({ ...sample, options })).toThrow(/at most 40 fit/);
  });

  it("refuses out-of-range field values rather than silently truncating them", () => {
    expect(() => encodeTcpHeader({ ...sample, srcPort: 65536 })).toThrow(/srcPort must be an integer from 0 to 65535/);
    expect(() => encodeTcpHeader({ ...sample, seq: 2 ** 32 })).toThrow(/seq/);
    expect(() => encodeTcpHeader({ ...sample, reserved: 16 })).toThrow(/reserved/);
  });
});

describe("each of the 8 flags", () => {
  const expectedBits: Record<keyof TcpFlags, number> = {
    cwr: 0x80,
    ece: 0x40,
    urg: 0x20,
    ack: 0x10,
    psh: 0x08,
    rst: 0x04,
    syn: 0x02,
    fin: 0x01,
  };

  it.each(FLAG_ORDER)("%s alone sets exactly its own bit of byte 13 and decodes back alone", (flag) => {
    const header = { ...emptyHeader(), flags: { ...noFlags(), [flag]: true } };
    const bytes = encodeTcpHeader(header);
    expect(bytes[13]).toBe(expectedBits[flag]);
    expect(bytes[12]).toBe(0x50);
    const decoded = decodeOk(bytes).header.flags;
    expect(Object.entries(decoded).filter(([, on]) => on).map(([name]) => name)).toEqual([flag]);
  });

  it("puts the 4 reserved bits in the low nibble of byte 12, apart from the flags", () => {
    const bytes = encodeTcpHeader({ ...emptyHeader(), reserved: 0b1010 });
    expect(bytes[12]).toBe(0x5a);
    expect(bytes[13]).toBe(0);
    expect(decodeOk(bytes).header.reserved).toBe(0b1010);
  });
});

describe("each option kind", () => {
  const cases: { name: string; option: TcpOption; wire: number[] }[] = [
    { name: "NOP", option: { kind: "nop" }, wire: [1] },
    { name: "MSS", option: { kind: "mss", value: 1460 }, wire: [2, 4, 0x05, 0xb4] },
    { name: "window scale", option: { kind: "wscale", shift: 14 }, wire: [3, 3, 14] },
    { name: "SACK-permitted", option: { kind: "sackPermitted" }, wire: [4, 2] },
    {
      name: "SACK with two blocks",
      option: { kind: "sack", blocks: [{ left: 1001, right: 2001 }, { left: 0xfffffff0, right: 5 }] },
      wire: [5, 18, 0, 0, 0x03, 0xe9, 0, 0, 0x07, 0xd1, 0xff, 0xff, 0xff, 0xf0, 0, 0, 0, 5],
    },
    {
      name: "timestamps",
      option: { kind: "timestamps", tsval: 2223129839, tsecr: 4003626232 },
      wire: [8, 10, 0x84, 0x82, 0x44, 0xef, 0xee, 0xa2, 0x7c, 0xf8],
    },
    {
      name: "an unknown kind, kept as raw data",
      option: { kind: "unknown", type: 34, data: Uint8Array.from([0xde, 0xad, 0xbe, 0xef]) },
      wire: [34, 6, 0xde, 0xad, 0xbe, 0xef],
    },
  ];

  it.each(cases)("$name is written as its RFC wire form and read back unchanged", ({ option, wire }) => {
    const bytes = encodeTcpHeader({ ...emptyHeader(), options: [option] });
    expect(Array.from(bytes.subarray(20, 20 + wire.length))).toEqual(wire);
    const decoded = decodeOk(bytes).header.options;
    expect(decoded[0]).toEqual(option);
  });

  it("EOL ends the option list: bytes after it are padding and not read as options", () => {
    const decoded = decodeOk(withRawOptions([2, 4, 5, 0xb4, 0, 0, 0, 0])).header.options;
    expect(decoded).toEqual([{ kind: "mss", value: 1460 }, { kind: "eol" }]);
  });

  it("reads Linux's SYN options in the order Linux writes them", () => {
    const options = [2, 4, 5, 0xb4, 4, 2, 8, 10, 0x84, 0x82, 0x44, 0xef, 0, 0, 0, 0, 1, 3, 3, 10];
    expect(decodeOk(withRawOptions(options)).header.options).toEqual([
      { kind: "mss", value: 1460 },
      { kind: "sackPermitted" },
      { kind: "timestamps", tsval: 2223129839, tsecr: 0 },
      { kind: "nop" },
      { kind: "wscale", shift: 10 },
    ]);
  });
});

describe("decodeTcpHeader on malformed input", () => {
  it("says how many bytes it got when there are fewer than 20", () => {
    expect(decodeError(new Uint8Array(13))).toBe("truncated: a TCP header is at least 20 bytes, got 13");
    expect(decodeError(new Uint8Array(0))).toBe("truncated: a TCP header is at least 20 bytes, got 0");
  });

  it("rejects a data offset below 5 words", () => {
    const bytes = new Uint8Array(20);
    bytes[12] = 0x30;
    expect(decodeError(bytes)).toMatch(/^data offset is 3 \(12 bytes\), but a TCP header is at least 5 words \(20 bytes\)/);
  });

  it("rejects a data offset that points past the bytes given", () => {
    const bytes = new Uint8Array(24);
    bytes[12] = 0x80;
    expect(decodeError(bytes)).toBe(
      "truncated: the data offset (byte 12) says the header is 32 bytes (8 words), but only 24 bytes were given",
    );
  });

  it("rejects an option whose length field is 0", () => {
    expect(decodeError(withRawOptions([2, 0, 0, 0]))).toMatch(
      /^option at byte 20 \(kind 2, Maximum segment size \(MSS\)\) has length 0; .* at least 2/,
    );
  });

  it("rejects an option whose length field is 1", () => {
    expect(decodeError(withRawOptions([1, 30, 1, 0]))).toMatch(/^option at byte 21 \(kind 30, Multipath TCP \(RFC 8684\)\) has length 1/);
  });

  it("rejects an option whose length runs past the data offset", () => {
    expect(decodeError(withRawOptions([1, 1, 8, 10, 0, 0, 0, 0]))).toBe(
      "option at byte 22 (kind 8, Timestamps) says it is 10 bytes long, but only 6 bytes of header remain before the data offset (byte 28)",
    );
  });

  it("rejects an option whose length byte is missing", () => {
    expect(decodeError(withRawOptions([1, 1, 1, 2]))).toMatch(/^option at byte 23 \(kind 2, .*\) is cut off: its length byte would be byte 24/);
  });

  it.each([
    ["MSS", [2, 6, 0, 0, 0, 0, 0, 0], /^MSS option at byte 20 has length 6, but an MSS option is always 4 bytes \(RFC 9293 §3\.2\)$/],
    ["window scale", [3, 4, 7, 0], /^window scale option at byte 20 has length 4, .* always 3 bytes \(RFC 7323 §2\.2\)$/],
    ["SACK-permitted", [4, 3, 0, 0], /^SACK-permitted option at byte 20 has length 3, .* always 2 bytes \(RFC 2018 §2\)$/],
    ["timestamps", [8, 8, 0, 0, 0, 0, 0, 0], /^timestamps option at byte 20 has length 8, .* always 10 bytes \(RFC 7323 §3\.2\)$/],
    ["SACK", [5, 6, 0, 0, 0, 0, 0, 0], /^SACK option at byte 20 has length 6, but a SACK option is 2 \+ 8 × n bytes/],
  ])("rejects a %s option with the wrong length, naming the RFC", (_name, options, message) => {
    expect(decodeError(withRawOptions(options))).toMatch(message);
  });
});

describe("round trips", () => {
  it("decode(encode(h)) gives back h when the options already end on a word boundary", () => {
    const header: TcpHeader = {
      ...sample,
      dataOffset: 10,
      options: [
        { kind: "mss", value: 1460 },
        { kind: "sackPermitted" },
        { kind: "timestamps", tsval: 2223129839, tsecr: 0 },
        { kind: "nop" },
        { kind: "wscale", shift: 10 },
      ],
    };
    const decoded = decodeOk(encodeTcpHeader(header));
    expect(decoded.header).toEqual(header);
    expect(decoded.payload).toHaveLength(0);
  });

  it("decode(encode(h)) equals normalizeHeader(h): padding reads back as an EOL", () => {
    const header: TcpHeader = { ...sample, options: [{ kind: "wscale", shift: 7 }] };
    expect(decodeOk(encodeTcpHeader(header)).header).toEqual(normalizeHeader(header));
    expect(normalizeHeader(header).options).toEqual([{ kind: "wscale", shift: 7 }, { kind: "eol" }]);
  });

  const u16 = fc.integer({ min: 0, max: 0xffff });
  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const optionArb: fc.Arbitrary<TcpOption> = fc.oneof(
    fc.constant<TcpOption>({ kind: "nop" }),
    u16.map<TcpOption>((value) => ({ kind: "mss", value })),
    fc.integer({ min: 0, max: 255 }).map<TcpOption>((shift) => ({ kind: "wscale", shift })),
    fc.constant<TcpOption>({ kind: "sackPermitted" }),
    fc.array(fc.record({ left: u32, right: u32 }), { minLength: 1, maxLength: 4 }).map<TcpOption>((blocks) => ({ kind: "sack", blocks })),
    fc.record({ tsval: u32, tsecr: u32 }).map<TcpOption>((ts) => ({ kind: "timestamps", ...ts })),
    fc
      .record({
        type: fc.integer({ min: 0, max: 255 }).filter((t) => ![0, 1, 2, 3, 4, 5, 8].includes(t)),
        data: fc.uint8Array({ maxLength: 6 }),
      })
      .map<TcpOption>((o) => ({ kind: "unknown", ...o })),
  );
  const optionsArb = fc
    .array(optionArb, { maxLength: 8 })
    .filter((options) => encodedOptionsLength(options) <= 40);
  const flagsArb = fc.record({
    cwr: fc.boolean(),
    ece: fc.boolean(),
    urg: fc.boolean(),
    ack: fc.boolean(),
    psh: fc.boolean(),
    rst: fc.boolean(),
    syn: fc.boolean(),
    fin: fc.boolean(),
  });
  const headerArb: fc.Arbitrary<TcpHeader> = fc.record({
    srcPort: u16,
    dstPort: u16,
    seq: u32,
    ack: u32,
    dataOffset: fc.integer({ min: 5, max: 15 }),
    reserved: fc.integer({ min: 0, max: 15 }),
    flags: flagsArb,
    window: u16,
    checksum: u16,
    urgentPointer: u16,
    options: optionsArb,
  });

  it("decode(encode(h, payload)) equals normalizeHeader(h) and the payload, for random headers", () => {
    fc.assert(
      fc.property(headerArb, fc.uint8Array({ maxLength: 32 }), (header, payload) => {
        const bytes = encodeTcpHeader(header, payload);
        const decoded = decodeOk(bytes);
        expect(decoded.header).toEqual(normalizeHeader(header));
        expect(decoded.payload).toEqual(payload);
        expect(bytes.length).toBe(decoded.header.dataOffset * 4 + payload.length);
        expect(bytes.length % 4).toBe(payload.length % 4);
      }),
      { numRuns: 500 },
    );
  });

  it("encode(decode(bytes)) reproduces the bytes of any encoded header", () => {
    fc.assert(
      fc.property(headerArb, (header) => {
        const bytes = encodeTcpHeader(header);
        expect(encodeTcpHeader(decodeOk(bytes).header)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it("decoding arbitrary bytes never throws: it returns a header or an error message", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const result = decodeTcpHeader(bytes);
        if (result.ok) expect(result.header.dataOffset).toBeGreaterThanOrEqual(5);
        else expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000 },
    );
  });
});

function encodedOptionsLength(options: TcpOption[]): number {
  return options.reduce((n, o) => {
    switch (o.kind) {
      case "sack":
        return n + 2 + 8 * o.blocks.length;
      case "unknown":
        return n + 2 + o.data.length;
      case "timestamps":
        return n + 10;
      case "mss":
        return n + 4;
      case "wscale":
        return n + 3;
      case "sackPermitted":
        return n + 2;
      default:
        return n + 1;
    }
  }, 0);
}

describe("summarizeTcpHeader", () => {
  it("prints a SYN the way tcpdump -n -S does", () => {
    const header: TcpHeader = {
      ...sample,
      options: [
        { kind: "mss", value: 1460 },
        { kind: "sackPermitted" },
        { kind: "timestamps", tsval: 2223129839, tsecr: 0 },
        { kind: "nop" },
        { kind: "wscale", shift: 10 },
      ],
    };
    expect(summarizeTcpHeader(header)).toBe(
      "40001 > 5000: Flags [S], seq 2691279157, win 64240, options [mss 1460,sackOK,TS val 2223129839 ecr 0,nop,wscale 10], length 0",
    );
  });

  it("shows a data segment's sequence range and its acknowledgment", () => {
    const header: TcpHeader = { ...sample, seq: 1, ack: 1, flags: { ...noFlags(), psh: true, ack: true } };
    expect(summarizeTcpHeader(header, 100)).toBe("40001 > 5000: Flags [P.], seq 1:101, ack 1, win 64240, length 100");
  });
});
