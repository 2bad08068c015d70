import { describe, expect, it } from "vitest";
import { headerFieldsExercises } from "@/content/lessons/01-header-fields/exercises";

function grade(id: string, seed: number, raw: unknown) {
  const exercise = headerFieldsExercises.find((e) => e.id === id)!;
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(seed, parsed.value);
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
});
