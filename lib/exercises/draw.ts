// Drawing a variant's share of a pool (choice options, ordering items, matching
// pairs): deterministic from the seed, so a stored (exercise, seed) re-grades
// the same way on any machine.
import type { variantRandom } from "./variantRandom";

type VariantRandom = ReturnType<typeof variantRandom>;

/** `count` distinct indexes of a list of `size`, in increasing order. */
export function drawIndexes(random: VariantRandom, size: number, count: number): number[] {
  if (count > size || count < 0) throw new Error(`cannot draw ${count} of ${size}`);
  const indexes = Array.from({ length: size }, (_, i) => i);
  // Partial Fisher-Yates: the first `count` places end up a uniform sample.
  for (let i = 0; i < count; i++) {
    const j = random.int(i, size - 1);
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes.slice(0, count).sort((a, b) => a - b);
}

/** `count` items of `items`, kept in their relative order. */
export function drawInOrder<T>(random: VariantRandom, items: readonly T[], count: number): T[] {
  return drawIndexes(random, items.length, count).map((i) => items[i]!);
}

/** A shuffled copy. */
export function shuffleWith<T>(random: VariantRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** How many ways to choose k of n (small numbers only: a check on pools). */
export function combinations(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}
