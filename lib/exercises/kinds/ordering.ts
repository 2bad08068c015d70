// Put items in order (the states of the active closer, the segments of a
// handshake). Presented shuffled per seed; partial credit for each item in place.
// With `draw`, each seed orders its own subset of the items.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";
import { combinations, drawInOrder } from "../draw";
import { tagged, type MisconceptionId } from "../misconceptions";

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
   * Why one item comes before another. A wrong order's feedback names at most
   * MAX_RULES_NAMED of the rules it breaks, with their reason, and never so
   * many that what they say fixes the whole order.
   */
  rules?: {
    first: string;
    then: string;
    why: string;
    /** The catalogued misconception that breaking this rule shows (lib/exercises/misconceptions.ts). */
    misconception?: MisconceptionId;
  }[];
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

/** At most this many broken rules are named after a wrong order. */
export const MAX_RULES_NAMED = 2;

/**
 * The broken rules to name: the first ones, in the order the spec lists them,
 * up to MAX_RULES_NAMED, skipping any that would, with those already named,
 * fix the whole order of `values` (each rule says "first before then").
 */
export function namedRules<Rule extends { first: string; then: string }>(values: readonly string[], broken: readonly Rule[]): Rule[] {
  const named: Rule[] = [];
  for (const rule of broken) {
    if (named.length >= MAX_RULES_NAMED) break;
    if (!determinesOrder(values, [...named, rule])) named.push(rule);
  }
  return named;
}

/** Do these "first before then" facts, followed transitively, put every pair of `values` in order? */
export function determinesOrder(values: readonly string[], facts: readonly { first: string; then: string }[]): boolean {
  const index = new Map(values.map((value, i) => [value, i]));
  const before = values.map(() => values.map(() => false));
  for (const { first, then } of facts) {
    const [a, b] = [index.get(first), index.get(then)];
    if (a !== undefined && b !== undefined) before[a]![b] = true;
  }
  for (let k = 0; k < values.length; k++) {
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) if (before[i]![k] && before[k]![j]) before[i]![j] = true;
    }
  }
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) if (!before[i]![j] && !before[j]![i]) return false;
  }
  return true;
}

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
      if (score === 1) return { score, feedback: { summary: "Right order.", items: [{ label: "Order", correct: true, message: `All ${values.length} in place.` }], solution: spec.solution } };
      // A wrong order is told how many items are in place, never which item
      // belongs where, and why it breaks a rule or two.
      const broken = (spec.rules ?? []).filter(
        (rule) => values.includes(rule.first) && values.includes(rule.then) && order.indexOf(rule.first) > order.indexOf(rule.then),
      );
      const named = namedRules(values, broken);
      return {
        score,
        feedback: {
          summary: `${inPlace} of ${values.length} in the right place.`,
          items: [
            ...named.map((rule) => ({ label: `${labelOf(rule.then)} placed before ${labelOf(rule.first)}`, correct: false, message: rule.why, ...tagged(rule.misconception) })),
            ...(named.length < broken.length
              ? [{ label: "More to fix", correct: false, message: `Your order breaks ${broken.length - named.length} more ${broken.length - named.length === 1 ? "rule" : "rules"} of the same kind.` }]
              : []),
            ...(broken.length === 0 ? [{ label: "Order", correct: false, message: `${values.length - inPlace} of ${values.length} are not in their place yet.` }] : []),
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
