// The answer an attempt stores is the canonical one (lib/exercises/canonicalAnswer.ts):
// only the fields the variant's inputs name. Over the whole catalog, with junk
// fields added anywhere in the request, it must parse to the same value, earn
// the same grade and read the same in words as the answer the learner sent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeAnswer } from "@/lib/exercises/answerSummary";
import { canonicalAnswer } from "@/lib/exercises/canonicalAnswer";
import { exercises } from "@/lib/exercises/catalog";

const junkValue = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }));
const junkFields = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).map((key) => `junk_${key}`), junkValue, { minKeys: 1, maxKeys: 4 });

/** The answer with junk fields added to it and to every object inside it (trace rows, simulator actions). */
function withJunk(answer: unknown, junk: Record<string, unknown>): unknown {
  if (Array.isArray(answer)) return answer.map((item) => withJunk(item, junk));
  if (typeof answer !== "object" || answer === null) return answer;
  return { ...Object.fromEntries(Object.entries(answer).map(([key, value]) => [key, withJunk(value, junk)])), ...junk };
}

/** The answers each exercise ships for a seed: its correct one and its plausible wrong ones. */
function answersFor(exercise: (typeof exercises)[number], seed: number): unknown[] {
  return [exercise.correctAnswer(seed), ...exercise.testAnswers.incorrect(seed).map((wrong) => wrong.answer)];
}

describe("the canonical stored answer", () => {
  it("parses to the same value, earns the same grade and feedback, and reads the same as the answer sent with junk, for every exercise kind", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...exercises), fc.integer({ min: 0, max: 0xffffffff }), fc.nat(), junkFields, (exercise, seed, pick, junk) => {
        const answers = answersFor(exercise, seed);
        const sent = withJunk(answers[pick % answers.length], junk);
        const parsedSent = exercise.parse(sent, seed);
        fc.pre(parsedSent.ok);
        kinds.add(exercise.kind);
        const variant = exercise.publicVariant(seed);
        const stored = canonicalAnswer(variant, sent);
        expect(JSON.stringify(stored)).not.toContain("junk_");
        const parsedStored = exercise.parse(stored, seed);
        expect(parsedStored).toEqual(parsedSent);
        if (!parsedSent.ok || !parsedStored.ok) return;
        expect(exercise.grade(seed, parsedStored.value)).toEqual(exercise.grade(seed, parsedSent.value));
        expect(describeAnswer(variant, stored)).toEqual(describeAnswer(variant, sent));
      }),
      { seed: 20261201, numRuns: 400 },
    );
    // Every kind in the catalog was exercised, so a new kind cannot slip past.
    expect([...kinds].sort()).toEqual([...new Set(exercises.map((e) => e.kind))].sort());
  }, 120_000);

  it("keeps a correct answer exactly as sent when it has no junk, so the form refills as the learner filled it", () => {
    for (const exercise of exercises) {
      for (const seed of [1, 42]) {
        const answer = exercise.correctAnswer(seed);
        expect(canonicalAnswer(exercise.publicVariant(seed), answer), `${exercise.id} seed ${seed}`).toEqual(answer);
      }
    }
  });

  it("shrinks an answer sent with 15 KB of junk fields to the size of the answer alone", () => {
    const exercise = exercises.find((e) => e.kind === "trace-fill-in")!;
    const answer = exercise.correctAnswer(7);
    const junk = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`padding${i}`, "x".repeat(100)]));
    const sent = { ...(answer as object), ...junk };
    expect(JSON.stringify(sent).length).toBeGreaterThan(15_000);
    expect(JSON.stringify(canonicalAnswer(exercise.publicVariant(7), sent))).toBe(JSON.stringify(answer));
  });
});
