// An attempt's answer in words for instructors (the details page, attempts.csv,
// the item analysis), through describeAnswer on the variant the attempt was
// made on. Server-only: the variant comes from the exercise catalog.
//
// Building a variant costs about 0.1 ms; one export can hold 100,000 attempts
// over a few thousand variants, so each describer keeps the variants it built.
import "server-only";
import { describeAnswer } from "@/lib/exercises/answerSummary";
import { findExercise } from "@/lib/exercises/catalog";
import type { PublicVariant } from "@/lib/exercises/types";

export type AnswerDescriber = (exerciseId: string, variantSeed: number, answer: unknown) => string[];

/** A describer with its own variant cache (make one per page or export, so the cache dies with it). */
export function answerDescriber(): AnswerDescriber {
  const variants = new Map<string, PublicVariant | null>();
  return (exerciseId, variantSeed, answer) => {
    const key = `${exerciseId}\u0000${variantSeed}`;
    let variant = variants.get(key);
    if (variant === undefined) {
      const exercise = findExercise(exerciseId);
      try {
        variant = exercise ? exercise.publicVariant(variantSeed) : null;
      } catch {
        variant = null;
      }
      variants.set(key, variant);
    }
    // An exercise that has left the catalog: say so rather than show raw JSON.
    if (!variant) return ["(this exercise is no longer in the course; answer not shown)"];
    return describeAnswer(variant, answer);
  };
}

/** The exercise's title, or its id if it has left the catalog. */
export function exerciseTitle(exerciseId: string): string {
  return findExercise(exerciseId)?.title ?? exerciseId;
}
