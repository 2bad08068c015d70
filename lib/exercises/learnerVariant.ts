// Which variant a learner is working on, and grading a submission against it.
// The seed comes from the learner, the exercise and a round that grows with
// every solve and every "try another variant", so a reload shows the same
// variant and a solve (or a request) moves to a new one.
import "server-only";
import { listAttempts, recordAttempt, requestNewVariant, variantRound, type StoredAttempt } from "@/lib/db/attempts";
import { findExercise } from "./catalog";
import type { Feedback, PublicVariant } from "./types";
import { seedFromText } from "./variantRandom";

export type LearnerExerciseView = {
  exerciseId: string;
  title: string;
  kind: string;
  variantSeed: number;
  variant: PublicVariant;
  attempts: PublicAttempt[];
};

/** An attempt as the learner sees it: their own answer, and the feedback they were given. */
export type PublicAttempt = {
  id: string;
  variantSeed: number;
  answer: unknown;
  score: number;
  feedback: Feedback;
  createdAt: string;
};

export type SubmitOutcome =
  | { status: "graded"; attempt: PublicAttempt; nextVariantSeed: number }
  | { status: "unknown-exercise" }
  | { status: "stale-variant"; currentVariantSeed: number }
  | { status: "invalid-answer"; errors: string[] };

function seedFor(learnerId: string, exerciseId: string, round: number): number {
  return seedFromText(`${learnerId}:${exerciseId}:${round}`);
}

export async function currentSeed(learnerId: string, exerciseId: string): Promise<number> {
  return seedFor(learnerId, exerciseId, await variantRound(learnerId, exerciseId));
}

/** "Try another variant": the learner's view of the next variant, or undefined for an unknown exercise. */
export async function anotherVariant(learnerId: string, exerciseId: string): Promise<LearnerExerciseView | undefined> {
  if (!findExercise(exerciseId)) return undefined;
  await requestNewVariant(learnerId, exerciseId);
  return exerciseForLearner(learnerId, exerciseId);
}

export async function exerciseForLearner(learnerId: string, exerciseId: string): Promise<LearnerExerciseView | undefined> {
  const exercise = findExercise(exerciseId);
  if (!exercise) return undefined;
  const seed = await currentSeed(learnerId, exerciseId);
  const attempts = await listAttempts(learnerId, exerciseId);
  return {
    exerciseId,
    title: exercise.title,
    kind: exercise.kind,
    variantSeed: seed,
    variant: exercise.publicVariant(seed),
    attempts: attempts.map(toPublic),
  };
}

/**
 * Grades `rawAnswer` for the learner's current variant and stores the attempt.
 * A malformed answer is reported and costs no attempt (nothing is stored).
 */
export async function submitAttempt(
  learnerId: string,
  exerciseId: string,
  claimedSeed: number,
  rawAnswer: unknown,
): Promise<SubmitOutcome> {
  const exercise = findExercise(exerciseId);
  if (!exercise) return { status: "unknown-exercise" };
  const round = await variantRound(learnerId, exerciseId);
  const seed = seedFor(learnerId, exerciseId, round);
  // Only the variant the server handed out may be graded, so nobody can pick an easy seed.
  if (claimedSeed !== seed) return { status: "stale-variant", currentVariantSeed: seed };
  const parsed = exercise.parse(rawAnswer);
  if (!parsed.ok) return { status: "invalid-answer", errors: parsed.errors };
  const graded = exercise.grade(seed, parsed.value);
  const stored = await recordAttempt({
    learnerId,
    exerciseId,
    variantSeed: seed,
    answer: rawAnswer,
    score: graded.score,
    feedback: graded.feedback,
  });
  // A full-marks attempt moves the learner to the next variant.
  const nextVariantSeed = graded.score >= 1 ? seedFor(learnerId, exerciseId, round + 1) : seed;
  return { status: "graded", attempt: toPublic(stored), nextVariantSeed };
}

function toPublic(attempt: StoredAttempt): PublicAttempt {
  return {
    id: attempt.id,
    variantSeed: attempt.variantSeed,
    answer: attempt.answer,
    score: attempt.score,
    feedback: attempt.feedback as Feedback,
    createdAt: attempt.createdAt.toISOString(),
  };
}
