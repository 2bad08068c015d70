// Real variants for the fixed-answer kinds: an exercise whose seed picks one of
// several scenarios (a prompt, material and options of its own, so the right
// answer differs), and the wrong test answers of a drawn variant, computed
// from the variant itself so they never drift from what the learner sees.
import { choiceExercise, type ChoiceOption } from "./kinds/choice";
import type { ExerciseDefinition, IncorrectTestAnswer, Parsed } from "./types";

type ParseWithSeed<Value> = (raw: unknown, seed?: number) => Parsed<Value>;

/** Which scenario a seed gets: seeds in a row cycle through all of them. */
export function scenarioIndex(seed: number, count: number, offset = 0): number {
  return ((seed >>> 0) + offset) % count;
}

/**
 * One exercise (one id, one kind) made of several scenarios, each built by the
 * kind's own constructor with the same id. A seed picks its scenario
 * (scenarioIndex); the prompt, the inputs, the grading and the correct answer
 * are that scenario's. Without a seed, parse accepts what any scenario accepts;
 * with one, what that seed's scenario accepts (and grade refuses the rest).
 */
export function scenarioExercise<Value>(scenarios: ExerciseDefinition<Value>[], options: { invalid: unknown[]; offset?: number }): ExerciseDefinition<Value> {
  const [first] = scenarios;
  if (!first) throw new Error("scenarioExercise: no scenarios");
  for (const s of scenarios) {
    if (s.id !== first.id || s.kind !== first.kind || s.lessonId !== first.lessonId) throw new Error(`${first.id}: every scenario needs the same id, lesson and kind`);
  }
  const of = (seed: number) => scenarios[scenarioIndex(seed, scenarios.length, options.offset)]!;
  return {
    id: first.id,
    lessonId: first.lessonId,
    kind: first.kind,
    title: first.title,
    ...(first.attemptsPerVariant === undefined ? {} : { attemptsPerVariant: first.attemptsPerVariant }),
    testAnswers: {
      incorrect: (seed) => of(seed).testAnswers.incorrect(seed),
      invalid: options.invalid,
    },
    publicVariant: (seed) => of(seed).publicVariant(seed),
    parse(raw: unknown, seed?: number) {
      if (seed !== undefined) return (of(seed).parse as ParseWithSeed<Value>)(raw, seed);
      let refused: Parsed<Value> | undefined;
      for (const s of scenarios) {
        const parsed = s.parse(raw);
        if (parsed.ok) return parsed;
        refused ??= parsed;
      }
      return refused!;
    },
    grade: (seed, value) => of(seed).grade(seed, value),
    correctAnswer: (seed) => of(seed).correctAnswer(seed),
  };
}

/** A pattern that matches a feedback text by its opening words. */
export function opening(text: string, length = 40): RegExp {
  return new RegExp(text.slice(0, length).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

type Option = { value: string; correct: boolean; feedback: string };

/** The options a choice variant offers (their values, in the pool's order). */
function offered(exercise: ExerciseDefinition<unknown>, seed: number, pool: Option[]): Option[] {
  const input = exercise.publicVariant(seed).inputs.find((i) => i.type === "choices");
  if (!input || input.type !== "choices") throw new Error(`${exercise.id}: not a choice exercise`);
  const values = new Set(input.options.map((o) => o.value));
  return pool.filter((option) => values.has(option.value));
}

/**
 * Wrong answers to a choice variant, each named by the feedback it must show:
 * a single choice's wrong options one by one; for a multiple choice, the right
 * set plus one wrong option (twice, with different ones) and the right set
 * missing one option (with hideAnswer, "1 more option is true as well").
 */
export function choiceWrongAnswers(exercise: ExerciseDefinition<unknown>, seed: number, pool: Option[], multiple: boolean): IncorrectTestAnswer[] {
  const options = offered(exercise, seed, pool);
  const right = options.filter((o) => o.correct).map((o) => o.value);
  const wrong = options.filter((o) => !o.correct);
  if (!multiple) return wrong.slice(0, 3).map((o) => ({ answer: { choice: o.value }, mistake: opening(o.feedback) }));
  const answers: IncorrectTestAnswer[] = wrong.slice(0, 2).map((o) => ({ answer: { choice: [...right, o.value] }, mistake: opening(o.feedback) }));
  if (right.length >= 2) answers.push({ answer: { choice: right.slice(1) }, mistake: /1 more option is true as well/ });
  else if (wrong[0]) answers.push({ answer: { choice: [wrong[0].value] }, mistake: opening(wrong[0].feedback) });
  return answers;
}

/**
 * Wrong orders of an ordering variant: the right order with two neighbours
 * exchanged, which breaks at most the one rule between them. With such a rule
 * its reason must be named; without one, the count of items in place.
 */
export function orderingWrongAnswers(exercise: ExerciseDefinition<unknown>, seed: number, rules: { first: string; then: string; why: string }[]): IncorrectTestAnswer[] {
  const order = (exercise.correctAnswer(seed) as { order: string[] }).order;
  const answers: IncorrectTestAnswer[] = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const [a, b] = [order[i]!, order[i + 1]!];
    const rule = rules.find((r) => r.first === a && r.then === b);
    answers.push({ answer: { order: order.map((v, k) => (k === i ? b : k === i + 1 ? a : v)) }, mistake: rule ? opening(rule.why) : /in the right place/ });
  }
  // Those that name a reason first.
  return answers.sort((x, y) => Number(String(y.mistake) !== "/in the right place/") - Number(String(x.mistake) !== "/in the right place/")).slice(0, 4);
}

/**
 * Wrong matchings of a matching variant: the right answer with two items'
 * meanings exchanged, for a few pairs of items; each must show the confusion
 * message for the first item's new meaning.
 */
export function matchingWrongAnswers(
  exercise: ExerciseDefinition<unknown>,
  seed: number,
  meanings: string[],
  confusion: (item: string, meaning: string) => string,
): IncorrectTestAnswer[] {
  const right = exercise.correctAnswer(seed) as Record<string, string>;
  const items = Object.keys(right);
  const answers: IncorrectTestAnswer[] = [];
  for (let i = 0; i + 1 < items.length && answers.length < 3; i += 1) {
    const [a, b] = [items[i]!, items[i + 1]!];
    const meaning = meanings[Number(right[b]!.slice(1))]!;
    answers.push({ answer: { ...right, [a]: right[b]!, [b]: right[a]! }, mistake: opening(confusion(a, meaning)) });
  }
  return answers;
}

/**
 * A scenario whose prompt carries numbers drawn from the seed: built again for
 * each seed it is asked for (its values, and so parse, do not depend on them).
 */
export function seededExercise<Value>(build: (seed: number) => ExerciseDefinition<Value>): ExerciseDefinition<Value> {
  const base = build(0);
  return {
    ...base,
    publicVariant: (seed) => build(seed).publicVariant(seed),
    grade: (seed, value) => build(seed).grade(seed, value),
    correctAnswer: (seed) => build(seed).correctAnswer(seed),
    testAnswers: { incorrect: (seed) => build(seed).testAnswers.incorrect(seed), invalid: base.testAnswers.invalid },
  };
}

export type ScenarioChoiceSpec = { id: string; title: string; prompt: string; options: ChoiceOption[]; solution: string };

/** A single choice of one scenario; its wrong test answers are its wrong options, each named by its feedback. */
export function scenarioChoiceExercise(lessonId: string, spec: ScenarioChoiceSpec): ExerciseDefinition<string[]> {
  const exercise: ExerciseDefinition<string[]> = choiceExercise({
    ...spec,
    lessonId,
    multiple: false,
    testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, spec.options, false), invalid: [] },
  });
  return exercise;
}
