// Pools that give real variants: with `draw`, each seed draws its own options,
// items or pairs, so one variant's answer is not every variant's answer.
import { describe, expect, it } from "vitest";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { ExerciseDefinition, TestAnswers } from "@/lib/exercises/types";

const UNUSED_TEST_ANSWERS: TestAnswers = { incorrect: () => [], invalid: [] };
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

const option = (value: string, correct: boolean) => ({ value, label: `Option ${value}`, correct, feedback: `About ${value}.` });

const singlePool = choiceExercise({
  id: "t-single-pool",
  lessonId: "lesson-t",
  title: "t",
  prompt: "Which is true?",
  multiple: false,
  options: [option("c1", true), option("c2", true), option("c3", true), option("c4", true), option("w1", false), option("w2", false), option("w3", false), option("w4", false)],
  draw: { correct: 1, wrong: 3 },
  solution: "s",
  testAnswers: UNUSED_TEST_ANSWERS,
});

const multiPool = choiceExercise({
  id: "t-multi-pool",
  lessonId: "lesson-t",
  title: "t",
  prompt: "Which are true?",
  multiple: true,
  options: [option("c1", true), option("c2", true), option("c3", true), option("c4", true), option("w1", false), option("w2", false), option("w3", false)],
  draw: { correct: [1, 3], wrong: 2 },
  solution: "s",
  testAnswers: UNUSED_TEST_ANSWERS,
});

const orderPool = orderingExercise({
  id: "t-order-pool",
  lessonId: "lesson-t",
  title: "t",
  prompt: "Order them.",
  items: ["a", "b", "c", "d", "e", "f"].map((value) => ({ value, label: value.toUpperCase() })),
  rules: [
    { first: "a", then: "b", why: "A before B." },
    { first: "c", then: "f", why: "C before F." },
  ],
  draw: 4,
  solution: "A to F.",
  testAnswers: UNUSED_TEST_ANSWERS,
});

const matchPool = matchingExercise({
  id: "t-match-pool",
  lessonId: "lesson-t",
  title: "t",
  prompt: "Match.",
  pairs: ["p", "q", "r", "s", "t", "u"].map((item) => ({ item, meaning: `meaning of ${item}`, why: `${item} is that.` })),
  distractors: ["nothing"],
  draw: 3,
  solution: "s",
  testAnswers: UNUSED_TEST_ANSWERS,
});

function gradeRaw(exercise: ExerciseDefinition<any>, seed: number, raw: unknown) {
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(seed, parsed.value);
}

/** parse as the server may call it, with the variant's seed (the type only declares parse(raw)). */
const parseFor = (exercise: ExerciseDefinition<any>, raw: unknown, seed: number) =>
  (exercise.parse as (raw: unknown, seed?: number) => ReturnType<typeof exercise.parse>)(raw, seed);

function offered(exercise: ExerciseDefinition<any>, seed: number): string[] {
  const input = exercise.publicVariant(seed).inputs[0]!;
  if (input.type === "choices" || input.type === "select") return input.options.map((o) => o.value);
  if (input.type === "ordering") return input.items.map((i) => i.value);
  throw new Error(input.type);
}

describe("draw", () => {
  for (const exercise of [singlePool, multiPool, orderPool, matchPool]) {
    describe(exercise.id, () => {
      it("gives at least 3 distinct correct answers across seeds 1-12", () => {
        const answers = new Set(SEEDS.map((seed) => JSON.stringify(exercise.correctAnswer(seed))));
        expect(answers.size).toBeGreaterThanOrEqual(3);
      });

      it("is deterministic: the same seed draws the same variant and answer", () => {
        for (const seed of SEEDS) {
          expect(exercise.publicVariant(seed)).toEqual(exercise.publicVariant(seed));
          expect(exercise.correctAnswer(seed)).toEqual(exercise.correctAnswer(seed));
        }
      });

      it("gives full marks to each variant's own correct answer, parsed with or without the seed", () => {
        for (const seed of SEEDS) {
          expect(gradeRaw(exercise, seed, exercise.correctAnswer(seed)).score).toBe(1);
          expect(parseFor(exercise, exercise.correctAnswer(seed), seed).ok).toBe(true);
        }
      });
    });
  }

  it("choice: each variant shows the drawn count of options, its correct ones among them", () => {
    for (const seed of SEEDS) {
      const values = offered(singlePool, seed);
      expect(values).toHaveLength(4);
      const { choice } = singlePool.correctAnswer(seed) as { choice: string[] };
      expect(choice).toHaveLength(1);
      expect(values).toContain(choice[0]);
      expect(values.filter((v) => v.startsWith("w"))).toHaveLength(3);
      const multi = multiPool.correctAnswer(seed) as { choice: string[] };
      expect(multi.choice.length).toBeGreaterThanOrEqual(1);
      expect(multi.choice.length).toBeLessThanOrEqual(3);
      expect(offered(multiPool, seed)).toHaveLength(multi.choice.length + 2);
    }
    // The range is used: some variants have one correct option, some three.
    const counts = new Set(Array.from({ length: 40 }, (_, seed) => (multiPool.correctAnswer(seed) as { choice: string[] }).choice.length));
    expect(counts.size).toBeGreaterThanOrEqual(2);
  });

  it("choice: parse with the seed accepts only that variant's options; grade refuses the others", () => {
    const seed = 3;
    const outside = ["c1", "c2", "c3", "c4", "w1", "w2", "w3", "w4"].find((v) => !offered(singlePool, seed).includes(v))!;
    expect(parseFor(singlePool, { choice: outside }, seed).ok).toBe(false);
    expect(singlePool.parse({ choice: outside }).ok).toBe(true);
    expect(gradeRaw(singlePool, seed, { choice: outside }).score).toBe(0);
    expect(singlePool.parse({ choice: "c9" }).ok).toBe(false);
  });

  it("choice: multiple choice credit counts only the variant's options", () => {
    const seed = SEEDS.find((s) => (multiPool.correctAnswer(s) as { choice: string[] }).choice.length >= 2)!;
    const { choice } = multiPool.correctAnswer(seed) as { choice: string[] };
    const total = offered(multiPool, seed).length;
    expect(gradeRaw(multiPool, seed, { choice: choice.slice(1) }).score).toBe(Math.round(((total - 1) / total) * 100) / 100);
  });

  it("choice: a draw that cannot change the answer is refused", () => {
    const base = { id: "x", lessonId: "l", title: "t", prompt: "p", solution: "s", testAnswers: UNUSED_TEST_ANSWERS };
    expect(() => choiceExercise({ ...base, multiple: false, options: [option("c", true), option("w1", false), option("w2", false)], draw: { correct: 1, wrong: 1 } })).toThrow(/same correct answer/);
    expect(() => choiceExercise({ ...base, multiple: false, options: [option("c", true), option("d", true), option("w", false)], draw: { correct: 2, wrong: 1 } })).toThrow(/exactly 1/);
    expect(() => choiceExercise({ ...base, multiple: true, options: [option("c", true), option("d", true), option("w", false)], draw: { correct: 1, wrong: 2 } })).toThrow(/wrong/);
  });

  it("ordering: a variant orders a subset kept in its relative order, never presented already in order", () => {
    for (const seed of SEEDS) {
      const { order } = orderPool.correctAnswer(seed) as { order: string[] };
      expect(order).toHaveLength(4);
      expect([...order].sort()).toEqual(order);
      const shown = offered(orderPool, seed);
      expect([...shown].sort()).toEqual(order);
      expect(shown).not.toEqual(order);
    }
  });

  it("ordering: parse wants the variant's items (all of them once) and rules apply only when both items are drawn", () => {
    const seed = SEEDS.find((s) => {
      const { order } = orderPool.correctAnswer(s) as { order: string[] };
      return order.includes("a") && order.includes("b") && !(order.includes("c") && order.includes("f"));
    })!;
    const { order } = orderPool.correctAnswer(seed) as { order: string[] };
    expect(orderPool.parse({ order: order.slice(1) }).ok).toBe(false);
    expect(orderPool.parse({ order: [...order.slice(1), order[0]] }).ok).toBe(true);
    const other = ["a", "b", "c", "d", "e", "f"].find((v) => !order.includes(v))!;
    expect(parseFor(orderPool, { order: [...order.slice(1), other] }, seed).ok).toBe(false);
    expect(gradeRaw(orderPool, seed, { order: [...order.slice(1), other] }).score).toBe(0);
    const swapped = [...order].reverse();
    const text = JSON.stringify(gradeRaw(orderPool, seed, { order: swapped }).feedback.items);
    expect(text).toContain("A before B.");
    expect(text).not.toContain("C before F.");
  });

  it("matching: a variant matches the drawn pairs among their meanings, the distractors and up to two unused meanings", () => {
    for (const seed of SEEDS) {
      const answer = matchPool.correctAnswer(seed) as Record<string, string>;
      expect(Object.keys(answer)).toHaveLength(3);
      const inputs = matchPool.publicVariant(seed).inputs;
      expect(inputs.map((i) => i.name).sort()).toEqual(Object.keys(answer).sort());
      const values = offered(matchPool, seed);
      expect(values).toEqual(expect.arrayContaining([...Object.values(answer), "m6"]));
      expect(values).toHaveLength(3 + 2 + 1);
    }
  });

  it("matching: parse with the seed wants exactly the variant's items and meanings", () => {
    const seed = 5;
    const answer = matchPool.correctAnswer(seed) as Record<string, string>;
    const [first] = Object.keys(answer);
    const { [first!]: _dropped, ...partial } = answer;
    expect(matchPool.parse(partial).ok).toBe(false);
    expect(parseFor(matchPool, partial, seed).ok).toBe(false);
    const unoffered = ["m0", "m1", "m2", "m3", "m4", "m5"].find((m) => !offered(matchPool, seed).includes(m))!;
    expect(parseFor(matchPool, { ...answer, [first!]: unoffered }, seed).ok).toBe(false);
    expect(gradeRaw(matchPool, seed, { ...answer, [first!]: unoffered }).score).toBe(0);
    const otherItem = ["p", "q", "r", "s", "t", "u"].find((item) => !(item in answer))!;
    expect(gradeRaw(matchPool, seed, { ...partial, [otherItem]: "m0" }).score).toBe(0);
  });
});
