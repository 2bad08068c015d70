// Put items in order (the states of the active closer, the segments of a
// handshake). Presented shuffled per seed; partial credit for each item in place.
// With `draw`, each seed orders its own subset of the items.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";
import { combinations, drawInOrder } from "../draw";

export type OrderingSpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  /** In the correct order (with `draw`, the pool). */
  items: { value: string; label: string }[];
  /**
   * Per seed, order only this many of the items (at least 3, fewer than all),
   * drawn from the pool and kept in their relative order; a rule applies to a
   * variant only when both its items are drawn.
   */
  draw?: number;
  solution: string;
  hints?: string[];
  /**
   * Why one item comes before another: every rule a submitted order breaks
   * is named in the feedback with its reason.
   */
  rules?: { first: string; then: string; why: string }[];
  /**
   * After a wrong order, mark each position right or wrong without saying
   * which item belongs there (the broken rules say why); the worked solution
   * still has the order. Off by default.
   */
  hideAnswer?: boolean;
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

export function orderingExercise(spec: OrderingSpec): ExerciseDefinition<string[]> {
  const poolValues = spec.items.map((item) => item.value);
  if (new Set(poolValues).size !== poolValues.length) throw new Error(`${spec.id}: two items share a value`);
  for (const rule of spec.rules ?? []) {
    const [a, b] = [poolValues.indexOf(rule.first), poolValues.indexOf(rule.then)];
    if (a < 0 || b < 0 || a >= b) throw new Error(`${spec.id}: rule ${rule.first} before ${rule.then} does not hold for the items' own order`);
  }
  const draw = spec.draw;
  if (draw !== undefined && (!Number.isInteger(draw) || draw < 3 || draw >= spec.items.length || combinations(spec.items.length, draw) < 2)) {
    throw new Error(`${spec.id}: draw must be at least 3 and fewer than the ${spec.items.length} items of the pool`);
  }
  /** The variant's items, in the correct order. */
  const itemsOf = (seed: number) => (draw === undefined ? spec.items : drawInOrder(variantRandom(seed), spec.items, draw));
  const labelOf = (value: string) => spec.items.find((item) => item.value === value)?.label ?? value;
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "ordering",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const items = itemsOf(seed);
      const values = items.map((item) => item.value);
      // A stream of its own, so drawing the items does not change how the full-pool case shuffles.
      const random = variantRandom(draw === undefined ? seed : seed ^ 0x5bd1e995);
      let order = [...items];
      // Shuffle until the presented order is not already the answer.
      for (let tries = 0; tries < 10 && order.every((item, i) => item.value === values[i]); tries++) {
        order = [...items];
        for (let i = order.length - 1; i > 0; i--) {
          const j = random.int(0, i);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      return { prompt: spec.prompt, hints: spec.hints, inputs: [{ type: "ordering", name: "order", label: "Order (first at the top)", items: order }] };
    },
    /** Without a seed, any `draw` distinct items of the pool are accepted (grade checks they are the variant's); with one, exactly the variant's items. */
    parse(raw: unknown, seed?: number) {
      const order = typeof raw === "object" && raw !== null ? (raw as { order?: unknown }).order : undefined;
      if (!Array.isArray(order)) return { ok: false, errors: ["order: expected the items as a list"] };
      const everyItemOnce = { ok: false as const, errors: ["order: every item must appear exactly once"] };
      if (order.some((value) => typeof value !== "string") || new Set(order).size !== order.length) return everyItemOnce;
      if (draw === undefined || seed !== undefined) {
        const expected = itemsOf(seed ?? 0).map((item) => item.value);
        if (order.length !== expected.length || order.some((value) => !expected.includes(value as string))) return everyItemOnce;
      } else if (order.length !== draw || order.some((value) => !poolValues.includes(value as string))) {
        return everyItemOnce;
      }
      return { ok: true, value: order as string[] };
    },
    grade(seed, order) {
      const values = itemsOf(seed).map((item) => item.value);
      if (order.length !== values.length || order.some((value) => !values.includes(value))) {
        return { score: 0, feedback: { summary: "That order holds items this variant does not have.", items: [], solution: spec.solution } };
      }
      const inPlace = order.filter((value, i) => value === values[i]).length;
      const score = Math.round((inPlace / values.length) * 100) / 100;
      const rules = (spec.rules ?? []).filter((rule) => values.includes(rule.first) && values.includes(rule.then));
      const broken = rules.filter((rule) => order.indexOf(rule.first) > order.indexOf(rule.then));
      return {
        score,
        feedback: {
          summary: score === 1 ? "Right order." : `${inPlace} of ${values.length} in the right place.`,
          items: [
            ...order.map((value, i) => ({
              label: `${i + 1}. ${labelOf(value)}`,
              correct: value === values[i],
              message: value === values[i] ? "In place." : spec.hideAnswer ? "Not in place." : `Position ${i + 1} is ${labelOf(values[i]!)}.`,
            })),
            ...broken.map((rule) => ({
              label: `${labelOf(rule.first)} comes before ${labelOf(rule.then)}`,
              correct: false,
              message: rule.why,
            })),
          ],
          solution: spec.solution,
        },
      };
    },
    correctAnswer(seed) {
      return { order: itemsOf(seed).map((item) => item.value) };
    },
  };
}
