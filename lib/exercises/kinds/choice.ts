// Single or multiple choice, with feedback for every wrong option. The options
// are shuffled per seed so a neighbour's "the second one" does not transfer;
// with `draw`, each seed also draws its own options from the pool, so the
// answer to one variant is not the answer to the next.
import type { ExerciseDefinition, FeedbackItem, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";
import { combinations, drawInOrder, shuffleWith } from "../draw";
import { tagged, type MisconceptionId } from "../misconceptions";

export type ChoiceOption = {
  value: string;
  label: string;
  correct: boolean;
  /** Why this option is right or wrong: shown after submission when it matters. */
  feedback: string;
  /** On a wrong option: the catalogued misconception that picking it shows (lib/exercises/misconceptions.ts). */
  misconception?: MisconceptionId;
};

export type ChoiceSpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  material?: string;
  materialLabel?: string;
  multiple: boolean;
  /** The options, or with `draw` the pool each variant's options are drawn from. */
  options: ChoiceOption[];
  /**
   * Per seed, draw `correct` correct options (a fixed count, or a range
   * [min, max] for a multiple choice; exactly 1 for a single choice) and
   * `wrong` wrong ones from `options`, then shuffle them. Grading, the correct
   * answer and the feedback use only that variant's options. The pool must
   * hold enough correct options that variants differ in their answer.
   */
  draw?: { correct: number | [number, number]; wrong: number };
  /** The worked explanation shown after any submission. */
  solution: string;
  hints?: string[];
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
  const correctPool = spec.options.filter((option) => option.correct);
  const wrongPool = spec.options.filter((option) => !option.correct);
  if (correctPool.length === 0 || (!spec.multiple && !spec.draw && correctPool.length !== 1)) {
    throw new Error(`${spec.id}: a ${spec.multiple ? "multiple" : "single"} choice needs ${spec.multiple ? "at least one" : "exactly one"} correct option`);
  }
  if (new Set(spec.options.map((option) => option.value)).size !== spec.options.length) throw new Error(`${spec.id}: two options share a value`);
  for (const option of spec.options) {
    if (option.correct && option.misconception) throw new Error(`${spec.id}: the correct option "${option.value}" carries a misconception`);
  }
  const draw = spec.draw;
  const [minCorrect, maxCorrect] = draw ? (typeof draw.correct === "number" ? [draw.correct, draw.correct] : draw.correct) : [0, 0];
  if (draw) {
    if (!spec.multiple && (minCorrect !== 1 || maxCorrect !== 1)) throw new Error(`${spec.id}: a single choice draws exactly 1 correct option`);
    if (!Number.isInteger(minCorrect) || !Number.isInteger(maxCorrect) || minCorrect < 1 || minCorrect > maxCorrect || maxCorrect > correctPool.length) {
      throw new Error(`${spec.id}: draw.correct must be between 1 and the ${correctPool.length} correct options of the pool`);
    }
    if (!Number.isInteger(draw.wrong) || draw.wrong < (spec.multiple ? 0 : 1) || draw.wrong > wrongPool.length) {
      throw new Error(`${spec.id}: draw.wrong must be between ${spec.multiple ? 0 : 1} and the ${wrongPool.length} wrong options of the pool`);
    }
    if (minCorrect + draw.wrong < 2) throw new Error(`${spec.id}: a variant needs at least two options`);
    let answers = 0;
    for (let k = minCorrect; k <= maxCorrect; k++) answers += combinations(correctPool.length, k);
    if (answers < 2) throw new Error(`${spec.id}: this draw gives every variant the same correct answer; add correct options to the pool`);
  }
  /** The variant's options, in the order the learner sees them. */
  const variantOptions = (seed: number): ChoiceOption[] => {
    if (!draw) return shuffled(spec.options, seed);
    const random = variantRandom(seed);
    const count = minCorrect === maxCorrect ? minCorrect : random.int(minCorrect, maxCorrect);
    return shuffleWith(random, [...drawInOrder(random, correctPool, count), ...drawInOrder(random, wrongPool, draw.wrong)]);
  };
  /** The variant's options in the pool's order (feedback and the correct answer follow it). */
  const inPoolOrder = (seed: number): ChoiceOption[] => {
    const drawn = new Set(variantOptions(seed).map((option) => option.value));
    return spec.options.filter((option) => drawn.has(option.value));
  };
  const poolValues = new Set(spec.options.map((option) => option.value));
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
            options: variantOptions(seed).map(({ value, label }) => ({ value, label })),
          },
        ],
      };
    },
    /** Without a seed, any option of the pool is accepted; with one, only that variant's options (grade refuses the others too). */
    parse(raw: unknown, seed?: number) {
      const choice = typeof raw === "object" && raw !== null ? (raw as { choice?: unknown }).choice : undefined;
      const list = typeof choice === "string" ? [choice] : choice;
      const values = seed === undefined || !draw ? poolValues : new Set(variantOptions(seed).map((option) => option.value));
      if (!Array.isArray(list) || list.length === 0) return { ok: false, errors: ["choice: select an answer"] };
      if (list.some((value) => typeof value !== "string" || !values.has(value))) return { ok: false, errors: ["choice: not one of the options"] };
      if (!spec.multiple && list.length > 1) return { ok: false, errors: ["choice: select only one answer"] };
      return { ok: true, value: [...new Set(list as string[])] };
    },
    grade(seed, chosen) {
      const options = inPoolOrder(seed);
      if (chosen.some((value) => !options.some((option) => option.value === value))) {
        return { score: 0, feedback: { summary: "That answer names an option this variant does not have.", items: [], solution: spec.solution } };
      }
      // One item per option the learner picked, marked by whether picking it was
      // right. A correct option they missed is counted, never named: its label,
      // its feedback and the ✓ it would get are the answer (the worked solution
      // has them, for after a correct answer, a reveal or the last attempt).
      const items: FeedbackItem[] = [];
      let right = 0;
      let missed = 0;
      for (const option of options) {
        const picked = chosen.includes(option.value);
        if (picked === option.correct) right++;
        if (!picked && option.correct) missed++;
        if (picked) items.push({ label: option.label, correct: option.correct, message: option.feedback, ...tagged(option.correct ? undefined : option.misconception) });
      }
      const score = spec.multiple ? right / options.length : chosen.every((value) => options.find((o) => o.value === value)?.correct) ? 1 : 0;
      const exact = score === 1;
      if (spec.multiple && missed > 0) {
        items.push({ label: "Not selected", correct: false, message: `${missed} more ${missed === 1 ? "option is" : "options are"} true as well.` });
      }
      return {
        score: exact ? 1 : spec.multiple ? Math.round(score * 100) / 100 : 0,
        feedback: { summary: exact ? "Right." : spec.multiple ? "Partly right: see each option below." : "Not this one.", items, solution: spec.solution },
      };
    },
    correctAnswer(seed) {
      return { choice: inPoolOrder(seed).filter((option) => option.correct).map((option) => option.value) };
    },
  };
}
