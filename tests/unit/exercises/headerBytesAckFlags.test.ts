import { describe, expect, it } from "vitest";
import { headerBytesAckFlags as exercise, FLAG_NAMES } from "@/lib/exercises/kinds/headerBytesAckFlags";
import { parseHex } from "@/lib/wire/hex";
import { decodeTcpHeader } from "@/lib/wire/tcpHeader";

const seeds = Array.from({ length: 200 }, (_, i) => (i * 2654435761) >>> 0);

function decodeMaterial(seed: number) {
  const hex = parseHex(exercise.publicVariant(seed).material ?? "");
  if (!hex.ok) throw new Error(hex.error);
  const decoded = decodeTcpHeader(hex.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.header;
}

describe("header-bytes-ack-flags exercise", () => {
  it("gives the same variant for the same seed and different variants for different seeds", () => {
    expect(exercise.publicVariant(42)).toEqual(exercise.publicVariant(42));
    const materials = new Set(seeds.map((seed) => exercise.publicVariant(seed).material));
    expect(materials.size).toBe(seeds.length);
  });

  it("shows bytes that decode to a valid header whose fields are the expected answer", () => {
    for (const seed of seeds) {
      const header = decodeMaterial(seed);
      const answer = exercise.correctAnswer(seed) as { ack: string; flags: string[] };
      expect(String(header.ack)).toBe(answer.ack);
      expect(FLAG_NAMES.filter((name) => header.flags[name])).toEqual(answer.flags);
    }
  });

  it("covers every one of the eight flags across variants", () => {
    const seen = new Set(seeds.flatMap((seed) => (exercise.correctAnswer(seed) as { flags: string[] }).flags));
    expect([...seen].sort()).toEqual([...FLAG_NAMES].sort());
  });

  it("never puts the answer's acknowledgment number in what the browser sees", () => {
    for (const seed of seeds) {
      const { ack } = exercise.correctAnswer(seed) as { ack: string };
      if (ack.length < 5) continue; // a tiny number could appear by chance in any text
      expect(JSON.stringify(exercise.publicVariant(seed))).not.toContain(ack);
    }
  });

  it("gives full marks to the correct answer, written in decimal or in hex", () => {
    for (const seed of seeds.slice(0, 20)) {
      const answer = exercise.correctAnswer(seed) as { ack: string; flags: string[] };
      const parsed = exercise.parse(answer);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(exercise.grade(seed, parsed.value).score).toBe(1);
      const hexAnswer = { ...answer, ack: `0x${Number(answer.ack).toString(16)}` };
      const parsedHex = exercise.parse(hexAnswer);
      if (parsedHex.ok) expect(exercise.grade(seed, parsedHex.value).score).toBe(1);
      else throw new Error(parsedHex.errors.join());
    }
  });

  it("gives half marks and counts the missed flag, without naming it, when only the acknowledgment number is right", () => {
    const seed = seeds.find((s) => (exercise.correctAnswer(s) as { flags: string[] }).flags.includes("syn"))!;
    const answer = exercise.correctAnswer(seed) as { ack: string; flags: string[] };
    const parsed = exercise.parse({ ack: answer.ack, flags: answer.flags.filter((f) => f !== "syn") });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const graded = exercise.grade(seed, parsed.value);
    expect(graded.score).toBe(0.5);
    const flagsItem = graded.feedback.items.find((item) => item.label === "Flags");
    expect(flagsItem?.correct).toBe(false);
    expect(flagsItem?.message).toContain("1 flag that is set is not selected");
    expect(flagsItem?.message).not.toContain("missed");
    expect(graded.feedback.solution).toContain(String(answer.ack));
  });

  it("explains a little-endian misreading of the acknowledgment number", () => {
    const seed = seeds[3]!;
    const answer = exercise.correctAnswer(seed) as { ack: string; flags: string[] };
    const value = Number(answer.ack);
    const swapped = (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
    const parsed = exercise.parse({ ack: String(swapped === value ? value + 1 : swapped), flags: answer.flags });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const graded = exercise.grade(seed, parsed.value);
    expect(graded.score).toBe(0.5);
    expect(graded.feedback.items[0]?.message).toMatch(/big-endian/);
  });

  it("rejects malformed answers with a message per field, without grading them", () => {
    const cases: [unknown, RegExp][] = [
      [null, /expected an object/],
      [{ flags: ["syn"] }, /ack: enter the acknowledgment number/],
      [{ ack: "12ab", flags: [] }, /not a 32-bit unsigned number/],
      [{ ack: "4294967296", flags: [] }, /not a 32-bit unsigned number/],
      [{ ack: "-1", flags: [] }, /not a 32-bit unsigned number/],
      [{ ack: "1", flags: "syn" }, /flags: expected a list/],
      [{ ack: "1", flags: ["syn", "xmas"] }, /unknown flag "xmas"/],
    ];
    for (const [raw, message] of cases) {
      const parsed = exercise.parse(raw);
      expect(parsed.ok, JSON.stringify(raw)).toBe(false);
      if (!parsed.ok) expect(parsed.errors.join("\n")).toMatch(message);
    }
  });

  it("names the mistake in a wrong acknowledgment number without writing the right value", () => {
    for (const seed of seeds.slice(0, 40)) {
      const answer = exercise.correctAnswer(seed) as { ack: string; flags: string[] };
      const header = decodeMaterial(seed);
      const parsed = exercise.parse({ ack: String(header.seq), flags: answer.flags });
      if (!parsed.ok) throw new Error(parsed.errors.join());
      const graded = exercise.grade(seed, parsed.value);
      const item = graded.feedback.items.find((i) => i.label === "Acknowledgment number")!;
      if (header.seq === header.ack) continue;
      expect(item.correct).toBe(false);
      expect(item.message).toMatch(/sequence number, bytes 4–7/);
      if (answer.ack.length >= 3) expect(item.message).not.toContain(answer.ack);
    }
  });

  it("explains that an RST answering an ACK-bearing segment has no ACK flag", () => {
    const seed = seeds.find((s) => {
      const flags = (exercise.correctAnswer(s) as { flags: string[] }).flags;
      return flags.length === 1 && flags[0] === "rst";
    })!;
    const answer = exercise.correctAnswer(seed) as { ack: string; flags: string[] };
    const parsed = exercise.parse({ ack: answer.ack, flags: ["ack", "rst"] });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const flags = exercise.grade(seed, parsed.value).feedback.items.find((i) => i.label === "Flags")!;
    expect(flags.message).toMatch(/added ACK/);
    expect(flags.message).toMatch(/no ACK flag itself/);
  });
});
