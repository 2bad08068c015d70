// Single or multiple choice, with feedback for every wrong option. The options
// are shuffled per seed so a neighbour's "the second one" does not transfer.
import type { ExerciseDefinition, FeedbackItem, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";

export type ChoiceOption = {
  value: string;
  label: string;
  correct: boolean;
  /** Why this option is right or wrong: shown after submission when it matters. */
  feedback: string;
};

export type ChoiceSpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  material?: string;
  materialLabel?: string;
  multiple: boolean;
  options: ChoiceOption[];
  /** The worked explanation shown after any submission. */
  solution: string;
  hints?: string[];
  /**
   * After a wrong answer, say nothing about the correct options the learner
   * did not pick (only how many, for a multiple choice), so the feedback
   * explains the learner's own choices without handing over the answer; the
   * worked solution still has it. Off by default.
   */
  hideAnswer?: boolean;
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

type ChoiceValue = string[];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = variantRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export function choiceExercise(spec: ChoiceSpec): ExerciseDefinition<ChoiceValue> {
  const correctCount = spec.options.filter((option) => option.correct).length;
  if (correctCount === 0 || (!spec.multiple && correctCount !== 1)) {
    throw new Error(`${spec.id}: a ${spec.multiple ? "multiple" : "single"} choice needs ${spec.multiple ? "at least one" : "exactly one"} correct option`);
  }
  const values = new Set(spec.options.map((option) => option.value));
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: spec.multiple ? "multiple-choice" : "single-choice",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      return {
        prompt: spec.prompt,
        material: spec.material,
        materialLabel: spec.materialLabel,
        hints: spec.hints,
        inputs: [
          {
            type: "choices",
            name: "choice",
            label: spec.multiple ? "Select every answer that is true" : "Select one answer",
            multiple: spec.multiple,
            options: shuffled(spec.options, seed).map(({ value, label }) => ({ value, label })),
          },
        ],
      };
    },
    parse(raw) {
      const choice = typeof raw === "object" && raw !== null ? (raw as { choice?: unknown }).choice : undefined;
      const list = typeof choice === "string" ? [choice] : choice;
      if (!Array.isArray(list) || list.length === 0) return { ok: false, errors: ["choice: select an answer"] };
      if (list.some((value) => typeof value !== "string" || !values.has(value))) return { ok: false, errors: ["choice: not one of the options"] };
      if (!spec.multiple && list.length > 1) return { ok: false, errors: ["choice: select only one answer"] };
      return { ok: true, value: [...new Set(list as string[])] };
    },
    grade(_seed, chosen) {
      const items: FeedbackItem[] = [];
      let right = 0;
      let missed = 0;
      for (const option of spec.options) {
        const picked = chosen.includes(option.value);
        const correct = picked === option.correct;
        if (correct) right++;
        if (!picked && option.correct) missed++;
        // Say something about every option the learner picked and every correct one they missed.
        if (picked || option.correct) items.push({ label: option.label, correct, message: option.feedback });
      }
      const score = spec.multiple ? right / spec.options.length : chosen.every((value) => spec.options.find((o) => o.value === value)?.correct) ? 1 : 0;
      const exact = score === 1;
      if (spec.hideAnswer && !exact) {
        // Keep only what the learner picked; a missed correct option is counted, not named.
        const pickedItems = items.filter((item) => spec.options.some((o) => o.label === item.label && chosen.includes(o.value)));
        items.length = 0;
        items.push(...pickedItems);
        if (spec.multiple && missed > 0) {
          items.push({
            label: "Not selected",
            correct: false,
            message: `${missed} more ${missed === 1 ? "option is" : "options are"} true as well.`,
          });
        }
      }
      return {
        score: exact ? 1 : spec.multiple ? Math.round(score * 100) / 100 : 0,
        feedback: { summary: exact ? "Right." : spec.multiple ? "Partly right: see each option below." : "Not this one.", items, solution: spec.solution },
      };
    },
    correctAnswer() {
      return { choice: spec.options.filter((option) => option.correct).map((option) => option.value) };
    },
  };
}
