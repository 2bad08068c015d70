// Put items in order (the states of the active closer, the segments of a
// handshake). Presented shuffled per seed; partial credit for each item in place.
import type { ExerciseDefinition, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";

export type OrderingSpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  /** In the correct order. */
  items: { value: string; label: string }[];
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
  const values = spec.items.map((item) => item.value);
  for (const rule of spec.rules ?? []) {
    const [a, b] = [values.indexOf(rule.first), values.indexOf(rule.then)];
    if (a < 0 || b < 0 || a >= b) throw new Error(`${spec.id}: rule ${rule.first} before ${rule.then} does not hold for the items' own order`);
  }
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "ordering",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const random = variantRandom(seed);
      let order = [...spec.items];
      // Shuffle until the presented order is not already the answer.
      for (let tries = 0; tries < 10 && order.every((item, i) => item.value === values[i]); tries++) {
        order = [...spec.items];
        for (let i = order.length - 1; i > 0; i--) {
          const j = random.int(0, i);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      return { prompt: spec.prompt, hints: spec.hints, inputs: [{ type: "ordering", name: "order", label: "Order (first at the top)", items: order }] };
    },
    parse(raw) {
      const order = typeof raw === "object" && raw !== null ? (raw as { order?: unknown }).order : undefined;
      if (!Array.isArray(order)) return { ok: false, errors: ["order: expected the items as a list"] };
      const sorted = [...order].sort();
      const expected = [...values].sort();
      if (sorted.length !== expected.length || sorted.some((value, i) => value !== expected[i])) {
        return { ok: false, errors: ["order: every item must appear exactly once"] };
      }
      return { ok: true, value: order as string[] };
    },
    grade(_seed, order) {
      const inPlace = order.filter((value, i) => value === values[i]).length;
      const score = Math.round((inPlace / values.length) * 100) / 100;
      const labelOf = (value: string) => spec.items.find((item) => item.value === value)?.label ?? value;
      const broken = (spec.rules ?? []).filter((rule) => order.indexOf(rule.first) > order.indexOf(rule.then));
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
    correctAnswer() {
      return { order: values };
    },
  };
}
