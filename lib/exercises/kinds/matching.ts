// Match each item to its meaning (header field to meaning, sysctl to effect).
// Items and choices are shuffled per seed; credit for each correct pair.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";

export type MatchingSpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  /** Each item with the value of the meaning it matches and why. */
  pairs: { item: string; meaning: string; why: string }[];
  /** Meanings that match nothing, to make guessing harder. */
  distractors?: string[];
  solution: string;
  hints?: string[];
  /** What it means to match an item to a particular wrong meaning (a meaning's text, or a distractor's). */
  confusions?: { item: string; meaning: string; message: string }[];
  /**
   * After a wrong match, do not state the item's right meaning: say what the
   * chosen meaning gets wrong (a confusion) or only that it is wrong; the
   * worked solution still has every pair. Off by default.
   */
  hideAnswer?: boolean;
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

export function matchingExercise(spec: MatchingSpec): ExerciseDefinition<Record<string, string>> {
  const meanings = [...spec.pairs.map((p) => p.meaning), ...(spec.distractors ?? [])];
  const key = (index: number) => `m${index}`;
  for (const confusion of spec.confusions ?? []) {
    if (!spec.pairs.some((p) => p.item === confusion.item) || !meanings.includes(confusion.meaning)) {
      throw new Error(`${spec.id}: confusion "${confusion.item}" / "${confusion.meaning}" names no item or meaning`);
    }
  }
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "matching",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const options = shuffle(
        meanings.map((meaning, index) => ({ value: key(index), label: meaning })),
        seed ^ 0x9e3779b9,
      );
      return {
        prompt: spec.prompt,
        hints: spec.hints,
        inputs: shuffle(spec.pairs, seed).map((pair) => ({
          type: "select" as const,
          name: pair.item,
          label: pair.item,
          options,
        })),
      };
    },
    parse(raw) {
      if (typeof raw !== "object" || raw === null) return { ok: false, errors: ["answer: expected one choice per item"] };
      const answer = raw as Record<string, unknown>;
      const missing = spec.pairs.filter((pair) => typeof answer[pair.item] !== "string" || answer[pair.item] === "");
      if (missing.length > 0) return { ok: false, errors: missing.map((pair) => `${pair.item}: choose a meaning`) };
      const valid = new Set(meanings.map((_, index) => key(index)));
      const bad = spec.pairs.filter((pair) => !valid.has(answer[pair.item] as string));
      if (bad.length > 0) return { ok: false, errors: bad.map((pair) => `${pair.item}: not one of the meanings`) };
      return { ok: true, value: Object.fromEntries(spec.pairs.map((pair) => [pair.item, answer[pair.item] as string])) };
    },
    grade(_seed, value) {
      const items = spec.pairs.map((pair, index) => {
        const correct = value[pair.item] === key(index);
        const chosen = meanings[Number(value[pair.item]!.slice(1))];
        const confusion = spec.confusions?.find((c) => c.item === pair.item && c.meaning === chosen);
        const wrong = confusion
          ? confusion.message
          : spec.hideAnswer
            ? `Not what ${pair.item} tells the receiver.`
            : `${pair.item} means: ${pair.meaning}. ${pair.why}`;
        return { label: pair.item, correct, message: correct ? pair.why : wrong };
      });
      const right = items.filter((item) => item.correct).length;
      return {
        score: Math.round((right / spec.pairs.length) * 100) / 100,
        feedback: { summary: right === spec.pairs.length ? "All matched." : `${right} of ${spec.pairs.length} matched.`, items, solution: spec.solution },
      };
    },
    correctAnswer() {
      return Object.fromEntries(spec.pairs.map((pair, index) => [pair.item, key(index)]));
    },
  };
}
