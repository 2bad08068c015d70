// A number the learner works out (an ack number, a give-up time, a queue
// length), generated per seed, graded with a tolerance.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";
import { tagged, type MisconceptionId } from "../misconceptions";

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
  /** Feedback for specific wrong answers (a classic mistake) keyed by value, with the catalogued misconception it shows, if any. */
  mistakes?: { value: number; message: string; misconception?: MisconceptionId }[];
  hints?: string[];
};

export type NumericSpec = {
  id: string;
  lessonId: string;
  title: string;
  label: string;
  generate(random: ReturnType<typeof variantRandom>): NumericVariant;
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

/** A classic wrong value, what the feedback says about it, and what that feedback must name (checked by the catalog-wide test). */
export type NumericMistake = { value: number; message: string; names: RegExp; misconception?: MisconceptionId };

/** The mistakes of a variant without the answer itself and without a second entry for a value already listed. */
export function distinctMistakes(answer: number, mistakes: readonly NumericMistake[], tolerance = 0): NumericMistake[] {
  const kept: NumericMistake[] = [];
  for (const m of mistakes) {
    if (!Number.isFinite(m.value) || Math.abs(m.value - answer) <= tolerance + 1e-9) continue;
    if (kept.some((k) => Math.abs(k.value - m.value) <= tolerance + 1e-9)) continue;
    kept.push(m);
  }
  return kept;
}

/** Test answers from a generator whose mistakes carry what they name: every listed mistake is a wrong answer to try. */
export function numericTestAnswers(
  generate: (random: ReturnType<typeof variantRandom>) => { mistakes?: readonly NumericMistake[] },
  invalid: unknown[] = [{ value: "12ab" }, { value: "" }, { value: "1e" }, {}],
): TestAnswers {
  return {
    incorrect: (seed) => (generate(variantRandom(seed)).mistakes ?? []).map((m) => ({ answer: { value: String(m.value) }, mistake: m.names })),
    invalid,
  };
}

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
                  : // Never the answer itself: only which way the value is off.
                    `You gave ${value}${suffix}, which is too ${value > answer ? "high" : "low"}. The hints show the steps.`,
              ...tagged(correct ? undefined : mistake?.misconception),
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
