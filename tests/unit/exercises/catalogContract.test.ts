// The contract every exercise in the course keeps (after PrairieLearn's test
// answers): for several seeds its correct answer earns full marks, each of its
// plausible wrong answers scores less and the feedback names that mistake, its
// malformed answers are refused before grading, and the variant the browser
// receives gives none of the answer away.
import { describe, expect, it } from "vitest";
import { exercises } from "@/lib/exercises/catalog";
import type { ExerciseDefinition, Feedback } from "@/lib/exercises/types";

const SEEDS = [1, 2, 3, 7, 42, 2 ** 31 + 5];

function grade(exercise: ExerciseDefinition<any>, seed: number, raw: unknown) {
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(`${exercise.id} seed ${seed}: refused ${JSON.stringify(raw)}: ${parsed.errors.join("; ")}`);
  return exercise.grade(seed, parsed.value);
}

/** What a learner reads after a wrong answer, apart from the worked solution. */
function feedbackText(feedback: Feedback): string {
  return [feedback.summary, ...feedback.items.flatMap((item) => [item.label, item.message])].join("\n");
}

/** Strings of the public variant a learner could read, and the names of its keys. */
function publicStrings(value: unknown, keys: string[] = []): { text: string; keys: string[] } {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") texts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        keys.push(key);
        walk(child);
      }
    }
  };
  walk(value);
  return { text: texts.join("\n"), keys };
}

describe("every exercise in the catalog", () => {
  for (const exercise of exercises) {
    describe(exercise.id, () => {
      it("ships test answers: at least two plausible wrong ones for each seed and at least one malformed one", () => {
        expect(exercise.testAnswers, "testAnswers").toBeDefined();
        for (const seed of SEEDS) expect(exercise.testAnswers!.incorrect(seed).length).toBeGreaterThanOrEqual(2);
        expect(exercise.testAnswers!.invalid.length).toBeGreaterThanOrEqual(1);
      });

      it("gives full marks to its correct answer for every seed", () => {
        for (const seed of SEEDS) expect(grade(exercise, seed, exercise.correctAnswer(seed)).score, `seed ${seed}`).toBe(1);
      });

      it("scores each wrong answer below full marks and names its mistake", () => {
        for (const seed of SEEDS) {
          for (const { answer, mistake } of exercise.testAnswers?.incorrect(seed) ?? []) {
            const graded = grade(exercise, seed, answer);
            const where = `seed ${seed}, answer ${JSON.stringify(answer)}`;
            expect(graded.score, where).toBeLessThan(1);
            expect(feedbackText(graded.feedback), where).toMatch(mistake);
          }
        }
      });

      it("refuses malformed answers before grading, saying what is wrong", () => {
        for (const raw of [...(exercise.testAnswers?.invalid ?? []), null, "text", 42]) {
          const parsed = exercise.parse(raw);
          expect(parsed.ok, JSON.stringify(raw)).toBe(false);
          if (!parsed.ok) expect(parsed.errors.join(" ").length).toBeGreaterThan(5);
        }
      });

      it("sends the browser a variant that holds no answer, solution or explanation", () => {
        for (const seed of SEEDS) {
          const { text, keys } = publicStrings(exercise.publicVariant(seed));
          expect(keys.filter((key) => /answer|correct|solution|expected|mistake|accept/i.test(key)), `seed ${seed}`).toEqual([]);
          const right = grade(exercise, seed, exercise.correctAnswer(seed));
          expect(text, `seed ${seed}: the worked solution`).not.toContain(right.feedback.solution);
          // What the grader says about a right answer explains it: none of that may be in the question.
          for (const item of right.feedback.items) {
            if (item.message.length >= 25) expect(text, `seed ${seed}: feedback "${item.message}"`).not.toContain(item.message);
          }
          const correct = exercise.correctAnswer(seed) as Record<string, unknown>;
          if (exercise.kind === "numeric") {
            const value = String(correct.value);
            // A number of three or more significant characters is an answer, not a coincidence.
            if (value.replace(/[^0-9]/g, "").length >= 3) expect(text.split(/[^0-9.]+/), `seed ${seed}: ${value}`).not.toContain(value);
          }
          if (exercise.kind === "ordering") {
            const shown = exercise.publicVariant(seed).inputs.find((input) => input.type === "ordering");
            if (shown?.type === "ordering" && shown.items.length >= 3) {
              expect(shown.items.map((item) => item.value), `seed ${seed}: items listed in the right order`).not.toEqual(correct.order);
            }
          }
        }
      });
    });
  }
});
