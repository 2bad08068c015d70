// Match each item to its meaning (header field to meaning, sysctl to effect).
// Items and choices are shuffled per seed; credit for each correct pair.
// With `draw`, each seed matches its own subset of the pairs.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";
import { drawIndexes, shuffleWith } from "../draw";
import { tagged, type MisconceptionId } from "../misconceptions";

export type MatchingSpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  /** Each item with the value of the meaning it matches and why (with `draw`, the pool). */
  pairs: { item: string; meaning: string; why: string }[];
  /** Meanings that match nothing, to make guessing harder (every variant lists them all). */
  distractors?: string[];
  /**
   * Per seed, match only this many pairs (at least 2, fewer than all) drawn
   * from the pool. The meanings of up to two undrawn pairs join the
   * distractors of that variant.
   */
  draw?: number;
  solution: string;
  hints?: string[];
  /**
   * What it means to match an item to a particular wrong meaning (a meaning's
   * text, or a distractor's). A wrong match without one is only called wrong:
   * feedback never states an item's right meaning (the worked solution does).
   */
  confusions?: {
    item: string;
    meaning: string;
    message: string;
    /** The catalogued misconception this wrong match shows (lib/exercises/misconceptions.ts). */
    misconception?: MisconceptionId;
  }[];
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = variantRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** How many meanings of undrawn pairs a drawn variant lists as extra distractors. */
const EXTRA_DISTRACTORS = 2;

export function matchingExercise(spec: MatchingSpec): ExerciseDefinition<Record<string, string>> {
  // Keys are positions in this list, over the whole pool, so a stored answer keeps its meaning.
  const meanings = [...spec.pairs.map((p) => p.meaning), ...(spec.distractors ?? [])];
  const key = (index: number) => `m${index}`;
  const indexOfKey = (value: string) => (/^m\d+$/.test(value) ? Number(value.slice(1)) : -1);
  if (new Set(spec.pairs.map((p) => p.item)).size !== spec.pairs.length) throw new Error(`${spec.id}: two pairs share an item`);
  for (const confusion of spec.confusions ?? []) {
    if (!spec.pairs.some((p) => p.item === confusion.item) || !meanings.includes(confusion.meaning)) {
      throw new Error(`${spec.id}: confusion "${confusion.item}" / "${confusion.meaning}" names no item or meaning`);
    }
    if (spec.pairs.some((p) => p.item === confusion.item && p.meaning === confusion.meaning)) {
      throw new Error(`${spec.id}: confusion "${confusion.item}" / "${confusion.meaning}" is the right match`);
    }
  }
  const draw = spec.draw;
  if (draw !== undefined && (!Number.isInteger(draw) || draw < 2 || draw >= spec.pairs.length)) {
    throw new Error(`${spec.id}: draw must be at least 2 and fewer than the ${spec.pairs.length} pairs of the pool`);
  }
  /** The variant's pairs (as pool indexes) and the meaning indexes it offers. */
  const variantOf = (seed: number): { pairs: number[]; meanings: number[] } => {
    const distractors = (spec.distractors ?? []).map((_, i) => spec.pairs.length + i);
    if (draw === undefined) return { pairs: spec.pairs.map((_, i) => i), meanings: [...spec.pairs.map((_, i) => i), ...distractors] };
    const random = variantRandom(seed);
    const pairs = drawIndexes(random, spec.pairs.length, draw);
    const unused = spec.pairs.map((_, i) => i).filter((i) => !pairs.includes(i));
    const extra = drawIndexes(random, unused.length, Math.min(EXTRA_DISTRACTORS, unused.length)).map((i) => unused[i]!);
    return { pairs, meanings: [...pairs, ...extra, ...distractors].sort((a, b) => a - b) };
  };
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "matching",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const variant = variantOf(seed);
      const offered = variant.meanings.map((index) => ({ value: key(index), label: meanings[index]! }));
      const pairs = variant.pairs.map((index) => spec.pairs[index]!);
      const options = draw === undefined ? shuffle(offered, seed ^ 0x9e3779b9) : shuffleWith(variantRandom(seed ^ 0x9e3779b9), offered);
      return {
        prompt: spec.prompt,
        hints: spec.hints,
        inputs: (draw === undefined ? shuffle(pairs, seed) : shuffleWith(variantRandom(seed ^ 0x85ebca6b), pairs)).map((pair) => ({
          type: "select" as const,
          name: pair.item,
          label: pair.item,
          options,
        })),
      };
    },
    /**
     * Without a seed and with `draw`, any `draw` items of the pool are accepted
     * (grade checks they are the variant's); otherwise exactly the variant's items.
     */
    parse(raw: unknown, seed?: number) {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, errors: ["answer: expected one choice per item"] };
      const answer = raw as Record<string, unknown>;
      const known = draw !== undefined && seed === undefined;
      const variant = variantOf(seed ?? 0);
      const items = known ? spec.pairs.filter((pair) => pair.item in answer) : variant.pairs.map((index) => spec.pairs[index]!);
      if (known && items.length !== draw) return { ok: false, errors: [`answer: expected a choice for each of the ${draw} items`] };
      const missing = items.filter((pair) => typeof answer[pair.item] !== "string" || answer[pair.item] === "");
      if (missing.length > 0) return { ok: false, errors: missing.map((pair) => `${pair.item}: choose a meaning`) };
      const valid = new Set((known ? meanings.map((_, index) => index) : variant.meanings).map(key));
      const bad = items.filter((pair) => !valid.has(answer[pair.item] as string));
      if (bad.length > 0) return { ok: false, errors: bad.map((pair) => `${pair.item}: not one of the meanings`) };
      return { ok: true, value: Object.fromEntries(items.map((pair) => [pair.item, answer[pair.item] as string])) };
    },
    grade(seed, value) {
      const variant = variantOf(seed);
      const offered = new Set(variant.meanings.map(key));
      const pairs = variant.pairs.map((index) => ({ pair: spec.pairs[index]!, index }));
      if (Object.keys(value).some((item) => !pairs.some(({ pair }) => pair.item === item)) || Object.values(value).some((v) => !offered.has(v))) {
        return { score: 0, feedback: { summary: "That answer matches items or meanings this variant does not have.", items: [], solution: spec.solution } };
      }
      const items = pairs.map(({ pair, index }) => {
        const given = value[pair.item];
        const correct = given === key(index);
        const chosen = given === undefined ? undefined : meanings[indexOfKey(given)];
        const confusion = spec.confusions?.find((c) => c.item === pair.item && c.meaning === chosen);
        const wrong = confusion ? confusion.message : `That is not what ${pair.item} means.`;
        return { label: pair.item, correct, message: correct ? pair.why : wrong, ...tagged(correct ? undefined : confusion?.misconception) };
      });
      const right = items.filter((item) => item.correct).length;
      return {
        score: Math.round((right / pairs.length) * 100) / 100,
        feedback: { summary: right === pairs.length ? "All matched." : `${right} of ${pairs.length} matched.`, items, solution: spec.solution },
      };
    },
    correctAnswer(seed) {
      return Object.fromEntries(variantOf(seed).pairs.map((index) => [spec.pairs[index]!.item, key(index)]));
    },
  };
}
