// Does an exercise have more than one answer across its variants? If every
// variant's correct answer is the same, a worked solution seen on one variant
// gives away all of them, so the grading policy ends credit at the first
// solution seen (decision record 0009). Found by asking the exercise itself,
// so the answer can never drift from the definition.
import type { ExerciseDefinition } from "./types";

/** Seeds compared; real variants differ well within a dozen draws. */
const SEEDS_COMPARED = 12;

const cache = new WeakMap<ExerciseDefinition<unknown>, boolean>();

export function hasOneAnswer(exercise: ExerciseDefinition<unknown>): boolean {
  let known = cache.get(exercise);
  if (known === undefined) {
    const answers = new Set<string>();
    for (let seed = 1; seed <= SEEDS_COMPARED; seed++) answers.add(JSON.stringify(exercise.correctAnswer(seed)));
    known = answers.size === 1;
    cache.set(exercise, known);
  }
  return known;
}
