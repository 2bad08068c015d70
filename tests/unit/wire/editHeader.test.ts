import { describe, expect, it } from "vitest";
import {
  FIELD_LAYOUT,
  addOption,
  decodeTcpHeader,
  emptyHeader,
  encodeTcpHeader,
  fieldByteRange,
  getField,
  removeOption,
  setField,
  setOptionValue,
  type EditResult,
  type TcpHeader,
} from "@/lib/wire/tcpHeader";
import { REAL_LINUX_SYN_TCP } from "@/lib/wire/realSyn";

function ok(result: EditResult): TcpHeader {
  if (!result.ok) throw new Error(result.error);
  return result.header;
}

function error(result: EditResult): string {
  if (result.ok) throw new Error("expected the edit to be refused");
  return result.error;
}

const realSyn = (() => {
  const decoded = decodeTcpHeader(REAL_LINUX_SYN_TCP);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.header;
})();

describe("FIELD_LAYOUT", () => {
  it("tiles the first 160 bits exactly, in wire order, with no gaps or overlaps", () => {
    let next = 0;
    for (const field of FIELD_LAYOUT) {
      expect(field.bitOffset).toBe(next);
      next += field.bitWidth;
    }
    expect(next).toBe(160);
  });

  it("never lets a field cross a 32-bit row, so the diagram can draw it in one piece", () => {
    for (const field of FIELD_LAYOUT) {
      expect(Math.floor(field.bitOffset / 32)).toBe(Math.floor((field.bitOffset + field.bitWidth - 1) / 32));
    }
  });

  it("cites RFC 9293 §3.1 for every field", () => {
    for (const field of FIELD_LAYOUT) expect(field.citation).toMatch(/RFC 9293 §3\.1/);
  });

  it("places the fields where RFC 9293 Figure 1 puts them", () => {
    const at = Object.fromEntries(FIELD_LAYOUT.map((f) => [f.name, [f.bitOffset, f.bitWidth]]));
    expect(at).toMatchObject({
      srcPort: [0, 16],
      dstPort: [16, 16],
      seq: [32, 32],
      ack: [64, 32],
      dataOffset: [96, 4],
      reserved: [100, 4],
      "flags.cwr": [104, 1],
      "flags.fin": [111, 1],
      window: [112, 16],
      checksum: [128, 16],
      urgentPointer: [144, 16],
    });
  });

  it("agrees with the encoder about which bytes each field occupies", () => {
    for (const field of FIELD_LAYOUT.filter((f) => f.kind === "number" && f.editable && f.bitWidth >= 8)) {
      const max = 2 ** field.bitWidth - 1;
      const bytes = encodeTcpHeader(ok(setField(emptyHeader(), field.name, max)));
      const [first, last] = fieldByteRange(field);
      const ones = Array.from(bytes.subarray(0, 20).keys()).filter((i) => bytes[i] === 0xff);
      expect(ones).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    }
  });
});

describe("setField", () => {
  it("sets a numeric field from a number or from typed decimal or hex text", () => {
    expect(ok(setField(realSyn, "ack", 16909060)).ack).toBe(16909060);
    expect(ok(setField(realSyn, "window", " 512 ")).window).toBe(512);
    expect(ok(setField(realSyn, "dstPort", "0x1f90")).dstPort).toBe(8080);
  });

  it("accepts the extremes of each range: 0 and 2^bits - 1", () => {
    expect(ok(setField(realSyn, "seq", 4294967295)).seq).toBe(4294967295);
    expect(ok(setField(realSyn, "srcPort", 0)).srcPort).toBe(0);
    expect(ok(setField(realSyn, "reserved", 15)).reserved).toBe(15);
  });

  it.each([
    ["srcPort", 65536, "Source port must be a whole number from 0 to 65535 (16 bits); got 65536"],
    ["seq", 2 ** 32, "Sequence number must be a whole number from 0 to 4294967295 (32 bits); got 4294967296"],
    ["reserved", 16, "Reserved bits must be a whole number from 0 to 15 (4 bits); got 16"],
    ["window", "-1", "Window: '-1' is not a whole number (use digits, or 0x for hex)"],
    ["urgentPointer", "1.5", "Urgent pointer: '1.5' is not a whole number (use digits, or 0x for hex)"],
    ["checksum", "", "Checksum: enter a number"],
  ] as const)("refuses %s = %j with a message saying why", (name, value, message) => {
    expect(error(setField(realSyn, name, value))).toBe(message);
  });

  it("does not touch the header it was given when it refuses", () => {
    const before = structuredClone(realSyn);
    setField(realSyn, "srcPort", 70000);
    expect(realSyn).toEqual(before);
  });

  it("refuses to set the data offset directly, since it follows from the options", () => {
    expect(error(setField(realSyn, "dataOffset", 6))).toMatch(/computed from the options/);
  });

  it("toggles a flag and leaves the other seven alone", () => {
    const header = ok(setField(realSyn, "flags.ack", true));
    expect(header.flags).toEqual({ ...realSyn.flags, ack: true });
    expect(getField(header, "flags.ack")).toBe(true);
    expect(error(setField(realSyn, "flags.syn", 1))).toMatch(/is a flag/);
  });
});

describe("option edits", () => {
  const bare = emptyHeader();

  it("adds an option, recomputing the data offset and padding", () => {
    const header = ok(addOption(bare, { kind: "wscale", shift: 7 }));
    expect(header.options).toEqual([{ kind: "wscale", shift: 7 }, { kind: "eol" }]);
    expect(header.dataOffset).toBe(6);
  });

  it("inserts new options before the padding EOL, where a receiver will read them", () => {
    const header = ok(addOption(ok(addOption(bare, { kind: "wscale", shift: 7 })), { kind: "mss", value: 1460 }));
    expect(header.options).toEqual([{ kind: "wscale", shift: 7 }, { kind: "mss", value: 1460 }, { kind: "eol" }]);
    expect(header.dataOffset).toBe(7);
  });

  it("refuses a second MSS option", () => {
    expect(error(addOption(realSyn, { kind: "mss", value: 536 }))).toBe("the header already has a Maximum segment size (MSS) option");
  });

  it("refuses an option that would push the header past 60 bytes", () => {
    const full = ok(addOption(bare, { kind: "sack", blocks: [1, 2, 3, 4].map((n) => ({ left: n, right: n + 1 })) }));
    expect(error(addOption(full, { kind: "timestamps", tsval: 1, tsecr: 0 }))).toMatch(/^no room: the options would take 44 bytes/);
  });

  it("removes an option and shrinks the header", () => {
    const index = realSyn.options.findIndex((o) => o.kind === "timestamps");
    const header = ok(removeOption(realSyn, index));
    expect(header.options.map((o) => o.kind)).toEqual(["mss", "sackPermitted", "nop", "wscale", "eol"]);
    expect(header.dataOffset).toBe(8);
  });

  it("changes an option's value within its RFC range", () => {
    const mssIndex = realSyn.options.findIndex((o) => o.kind === "mss");
    expect(ok(setOptionValue(realSyn, mssIndex, "value", "536")).options[mssIndex]).toEqual({ kind: "mss", value: 536 });
    expect(error(setOptionValue(realSyn, mssIndex, "value", 70000))).toBe("MSS must be a whole number from 0 to 65535; got 70000");
  });

  it("caps the window scale shift at 14 (RFC 7323 §2.3)", () => {
    const wsIndex = realSyn.options.findIndex((o) => o.kind === "wscale");
    expect(ok(setOptionValue(realSyn, wsIndex, "shift", 14)).options[wsIndex]).toEqual({ kind: "wscale", shift: 14 });
    expect(error(setOptionValue(realSyn, wsIndex, "shift", 15))).toBe(
      "Window scale shift must be a whole number from 0 to 14 (RFC 7323 §2.3); got 15",
    );
  });

  it("edits TSval and TSecr as 32-bit numbers", () => {
    const tsIndex = realSyn.options.findIndex((o) => o.kind === "timestamps");
    const header = ok(setOptionValue(realSyn, tsIndex, "tsecr", 4294967295));
    expect(header.options[tsIndex]).toEqual({ kind: "timestamps", tsval: 2223129839, tsecr: 4294967295 });
    expect(error(setOptionValue(realSyn, tsIndex, "mss" as never, 1))).toMatch(/has no value called mss/);
  });
});
