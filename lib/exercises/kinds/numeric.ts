// A number the learner works out (an ack number, a give-up time, a queue
// length), generated per seed, graded with a tolerance.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";

export type NumericVariant = {
  prompt: string;
  material?: string;
  materialLabel?: string;
  answer: number;
  /** Accepted absolute difference (0 for exact integers). */
  tolerance: number;
  unit?: string;
  /** The worked solution for this variant. */
  solution: string;
  /** Feedback for specific wrong answers (a classic mistake) keyed by value. */
  mistakes?: { value: number; message: string }[];
  hints?: string[];
};

export type NumericSpec = {
  id: string;
  lessonId: string;
  title: string;
  label: string;
  generate(random: ReturnType<typeof variantRandom>): NumericVariant;
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers?: TestAnswers;
};

export function numericExercise(spec: NumericSpec): ExerciseDefinition<number> {
  const variant = (seed: number) => spec.generate(variantRandom(seed));
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "numeric",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const { prompt, material, materialLabel, unit, hints } = variant(seed);
      return {
        prompt,
        material,
        materialLabel,
        hints,
        inputs: [{ type: "number", name: "value", label: unit ? `${spec.label} (${unit})` : spec.label }],
      };
    },
    parse(raw) {
      const value = typeof raw === "object" && raw !== null ? (raw as { value?: unknown }).value : undefined;
      const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().replace(/[_,](?=\d{3})/g, "") : "";
      if (text === "") return { ok: false, errors: ["value: enter a number"] };
      const number = Number(text);
      if (!Number.isFinite(number) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
        return { ok: false, errors: [`value: "${text.slice(0, 20)}" is not a number`] };
      }
      return { ok: true, value: number };
    },
    grade(seed, value) {
      const { answer, tolerance, solution, mistakes, unit } = variant(seed);
      const correct = Math.abs(value - answer) <= tolerance + 1e-9;
      const mistake = mistakes?.find((m) => Math.abs(m.value - value) <= tolerance + 1e-9);
      const suffix = unit ? ` ${unit}` : "";
      return {
        score: correct ? 1 : 0,
        feedback: {
          summary: correct ? "Right." : "Not quite.",
          items: [
            {
              label: spec.label,
              correct,
              message: correct
                ? `${answer}${suffix} is right.`
                : mistake
                  ? mistake.message
                  : `You gave ${value}${suffix}; the answer is ${answer}${suffix}${tolerance > 0 ? ` (within ${tolerance})` : ""}.`,
            },
          ],
          solution,
        },
      };
    },
    correctAnswer(seed) {
      return { value: String(variant(seed).answer) };
    },
  };
}
