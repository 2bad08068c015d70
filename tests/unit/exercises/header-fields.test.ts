import { describe, expect, it } from "vitest";
import { headerFieldsExercises } from "@/content/lessons/01-header-fields/exercises";

function grade(id: string, seed: number, raw: unknown) {
  const exercise = headerFieldsExercises.find((e) => e.id === id)!;
  const parsed = exercise.parse(raw, seed);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(seed, parsed.value);
}

/** The first seed whose variant shows the learner all of `labels` (variants draw from a pool). */
function seedShowing(id: string, labels: string[]): number {
  const exercise = headerFieldsExercises.find((e) => e.id === id)!;
  for (let seed = 0; seed < 500; seed++) {
    const text = JSON.stringify(exercise.publicVariant(seed).inputs);
    if (labels.every((label) => text.includes(label))) return seed;
  }
  throw new Error(`no variant of ${id} shows ${labels.join(", ")}`);
}

describe("header-fields exercises", () => {
  it("each give full marks to their own correct answer for many variants", () => {
    for (const exercise of headerFieldsExercises) {
      for (let seed = 0; seed < 30; seed++) expect(grade(exercise.id, seed, exercise.correctAnswer(seed)).score, exercise.id).toBe(1);
    }
  });

  it("data offset: computes words from padded option bytes and explains the bytes-for-words mistake", () => {
    const exercise = headerFieldsExercises.find((e) => e.id === "header-fields-data-offset")!;
    for (let seed = 0; seed < 30; seed++) {
      const answer = Number((exercise.correctAnswer(seed) as { value: string }).value);
      expect(answer).toBeGreaterThanOrEqual(6);
      expect(answer).toBeLessThanOrEqual(10);
      const wrong = grade(exercise.id, seed, { value: String(answer * 4) });
      expect(wrong.score).toBe(0);
      expect(wrong.feedback.items[0]!.message).toMatch(/divide by 4/);
    }
  });

  it("the pseudo-header explanation earns partial credit for one idea in the learner's own words", () => {
    const graded = grade("header-fields-why-pseudo-header", 0, { text: "So a segment that was delivered to the wrong host is detected and dropped." });
    expect(graded.score).toBe(0.5);
  });

  it("refuse malformed answers without grading", () => {
    for (const exercise of headerFieldsExercises) expect(exercise.parse({}).ok, exercise.id).toBe(false);
  });

  it("wrong answers name their mistake without handing over the answer", () => {
    for (const exercise of headerFieldsExercises) {
      for (const seed of [0, 1, 2, 3]) {
        const right = JSON.stringify(exercise.correctAnswer(seed));
        for (const { answer } of exercise.testAnswers!.incorrect(seed)) {
          const parsed = exercise.parse(answer);
          if (!parsed.ok) throw new Error(`${exercise.id}: ${parsed.errors.join()}`);
          const { summary, items } = exercise.grade(seed, parsed.value).feedback;
          const text = [summary, ...items.map((i) => `${i.label} ${i.message}`)].join("\n");
          const value = (exercise.correctAnswer(seed) as { value?: string }).value;
          // A short number appears by chance (in an RFC section number, say); a long one would be the answer.
          if (exercise.kind === "numeric" && value!.length >= 3) expect(text, exercise.id).not.toContain(value);
          expect(text.includes(right), exercise.id).toBe(false);
        }
      }
    }
  });

  it("SYN-only options: a wrong selection does not name the correct options it left out", () => {
    const exercise = headerFieldsExercises.find((e) => e.id === "header-fields-syn-only-options")!;
    // a variant with all three SYN-only options and Timestamps among the others
    let seed = 0;
    while ((exercise.correctAnswer(seed) as { choice: string[] }).choice.length < 3 || !JSON.stringify(exercise.publicVariant(seed)).includes('"ts"')) seed++;
    const graded = grade("header-fields-syn-only-options", seed, { choice: ["mss", "ts"] });
    expect(graded.score).toBeLessThan(1);
    const labels = graded.feedback.items.map((i) => i.label);
    expect(labels.join(" ")).not.toMatch(/Window scale|SACK-permitted/);
    expect(graded.feedback.items.map((i) => i.message).join(" ")).toMatch(/2 more options/);
  });

  it("field meanings: swapping sequence and acknowledgment number is named, without stating the right meanings", () => {
    const exercise = headerFieldsExercises.find((e) => e.id === "header-fields-match-meanings")!;
    const seed = seedShowing(exercise.id, ["Sequence number", "Acknowledgment number"]);
    const right = exercise.correctAnswer(seed) as Record<string, string>;
    const swapped = { ...right, "Sequence number": right["Acknowledgment number"]!, "Acknowledgment number": right["Sequence number"]! };
    const graded = grade("header-fields-match-meanings", seed, swapped);
    expect(graded.score).toBeCloseTo(1 - 2 / Object.keys(right).length, 6);
    const seq = graded.feedback.items.find((i) => i.label === "Sequence number")!;
    expect(seq.message).toMatch(/describes the acknowledgment number/);
    expect(seq.message).not.toContain("Where this segment's first byte");
  });

  it("the pseudo-header explanation names a router-checks-it misconception, and not in the model answer", () => {
    const wrong = grade("header-fields-why-pseudo-header", 0, { text: "So that every router can verify the checksum at each hop along the path." });
    expect(wrong.feedback.items.some((i) => /Routers do not check the TCP checksum/.test(i.message))).toBe(true);
    const exercise = headerFieldsExercises.find((e) => e.id === "header-fields-why-pseudo-header")!;
    const model = grade(exercise.id, 0, exercise.correctAnswer(0));
    expect(model.score).toBe(1);
    expect(model.feedback.items.every((i) => i.correct)).toBe(true);
  });
});
