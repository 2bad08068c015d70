import { describe, expect, it } from "vitest";
import { fourWayCloseExercises } from "@/content/lessons/03-four-way-close/exercises";

const exercise = fourWayCloseExercises.find((e) => e.id === "four-way-close-fill-trace")!;

function grade(seed: number, raw: unknown) {
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(seed, parsed.value);
}

describe("trace fill-in exercise", () => {
  it("gives full marks to the simulator's own segments, for many variants", () => {
    for (let seed = 0; seed < 25; seed++) expect(grade(seed, exercise.correctAnswer(seed)).score).toBe(1);
  });

  it("asks for a lost segment with x in some variants, and wraps sequence numbers past 2^32 in others", () => {
    const answers = Array.from({ length: 40 }, (_, seed) => exercise.correctAnswer(seed) as { rows: { seq: string; lost: string }[] });
    expect(answers.some((a) => a.rows.some((r) => r.lost === "x"))).toBe(true);
    expect(answers.some((a) => a.rows.some((r) => Number(r.seq) < 2000))).toBe(true);
  });

  it("marks the classic mistake of forgetting that a lost segment is resent with the same seq", () => {
    const seed = Array.from({ length: 40 }, (_, s) => s).find((s) => (exercise.correctAnswer(s) as { rows: { lost: string }[] }).rows[0]!.lost === "x")!;
    const answer = structuredClone(exercise.correctAnswer(seed)) as { rows: { flags: string; seq: string; ack: string; lost: string }[] };
    answer.rows[1]!.seq = String(Number(answer.rows[1]!.seq) + 1);
    const graded = grade(seed, answer);
    expect(graded.score).toBeLessThan(1);
    expect(graded.feedback.items[1]!.correct).toBe(false);
    expect(graded.feedback.items[1]!.message).toMatch(/Expected .*seq/);
  });

  it("shows only the first segments, never the ones asked for", () => {
    const variant = exercise.publicVariant(5);
    const answer = exercise.correctAnswer(5) as { rows: { seq: string; ack: string }[] };
    expect(variant.material?.split("\n")).toHaveLength(3);
    const asked = variant.inputs[0];
    expect(asked?.type === "trace" && asked.rows.length).toBe(6);
    // the first number that depends on the data (the ACK of the client's bytes) appears nowhere in what the browser gets
    const material = variant.material ?? "";
    const dataAck = answer.rows.map((r) => r.ack).find((ack) => ack !== "" && !material.includes(ack));
    expect(dataAck).toBeDefined();
    expect(JSON.stringify(variant)).not.toContain(dataAck!);
  });

  it("refuses rows with malformed numbers or flags, naming the row", () => {
    const parsed = exercise.parse({ rows: [{ flags: "SYN!", seq: "12a", ack: "", lost: "" }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(" ")).toMatch(/row 1 flags.*row 1 seq/);
  });

  it("names what is wrong in a row without writing the expected numbers out", () => {
    for (let seed = 0; seed < 12; seed++) {
      const right = exercise.correctAnswer(seed) as { rows: { flags: string; seq: string; ack: string; lost: string }[] };
      for (const { answer, mistake } of exercise.testAnswers!.incorrect(seed)) {
        const graded = grade(seed, answer);
        const wrongRows = graded.feedback.items.filter((item) => !item.correct);
        expect(wrongRows.length).toBeGreaterThan(0);
        expect(wrongRows.map((item) => item.message).join(" ")).toMatch(mistake);
        for (const item of wrongRows) {
          const row = right.rows[Number(item.label.split(".")[0]) - 4]!;
          // A short number could appear by chance; a long one would be the answer.
          if (row.seq.length >= 3) expect(item.message).not.toContain(row.seq);
          if (row.ack.length >= 3) expect(item.message).not.toContain(row.ack);
        }
      }
    }
  });
});
