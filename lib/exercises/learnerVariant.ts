// Which variant a learner is working on, and what they may do with it:
// answer it, see its hints one by one, ask for its worked solution, move on.
// The seed comes from the learner, the exercise and a round that grows with
// every correct answer and every "try another variant", so a reload shows the
// same variant. What a learner may see and earn follows the grading policy
// (gradingPolicy.ts, decision record 0009); this module applies it to the
// stored records and never lets the browser decide.
import "server-only";
import { exerciseRecords, requestNewVariant, withExerciseRecords, withLimitedExerciseRecords, type ExerciseRecords, type RecordWrite, type StoredAttempt } from "@/lib/db/attempts";
import type { LimitGate } from "@/lib/db/throttles";
import { attemptReview } from "@/lib/review/cards";
import { describeAnswer } from "./answerSummary";
import { canonicalAnswer } from "./canonicalAnswer";
import { hasOneAnswer } from "./answerVariety";
import { findExercise } from "./catalog";
import { DEFAULT_ATTEMPTS_PER_VARIANT, exerciseStanding, variantStanding, type ExerciseStanding, type VariantStanding } from "./gradingPolicy";
import type { TaskValues } from "../labs/tasks/taskModel";
import { GraderBusyError, ReplayTooLongError, replayPool } from "./replayPool";
import type { ExerciseDefinition, Feedback, Graded, PublicVariant } from "./types";
import { seedFromText } from "./variantRandom";

export type LearnerExerciseView = {
  exerciseId: string;
  title: string;
  kind: string;
  variantSeed: number;
  /** The question; its hints are not in it (see `hints`). */
  variant: PublicVariant;
  /** Hints come from the server one at a time, so using one is on record. */
  hints: { total: number; shown: string[] };
  /** The current variant: attempts left, whether its solution is shown (and then the solution). */
  current: VariantStanding & { attemptsPerVariant: number; solution: string | null };
  /** Solved or not, attempts used, the score that counts. */
  standing: ExerciseStanding;
  /** The attempt that solved the exercise, with its worked solution, for a learner who comes back. */
  solvedBy: PublicAttempt | null;
  attempts: PublicAttempt[];
};

/** An attempt as the learner sees it: their answer as they gave it, and the feedback they were given. */
export type PublicAttempt = {
  id: string;
  variantSeed: number;
  /** The raw answer (to refill the form). */
  answer: unknown;
  /** The answer in words: chosen options, the order given, the filled table. */
  answerLines: string[];
  score: number;
  /** False: given after the learner had seen this answer (practice, no credit). */
  credited: boolean;
  hintsUsed: number;
  /** The worked solution is left out unless this variant's solution may be shown. */
  feedback: Omit<Feedback, "solution"> & { solution?: string };
  /** Rubric ideas the learner said their answer contains. */
  claims: string[];
  createdAt: string;
};

export type SubmitOutcome =
  | { status: "graded"; attempt: PublicAttempt; nextVariantSeed: number; view: LearnerExerciseView }
  | { status: "unknown-exercise" }
  | { status: "stale-variant"; currentVariantSeed: number }
  | { status: "variant-closed"; currentVariantSeed: number }
  | { status: "invalid-answer"; errors: string[] }
  /** A simulator replay was refused (every replay thread busy, queue full) or stopped (over its budget); no attempt was used. */
  | { status: "grader-busy"; retryAfterSeconds: number }
  | { status: "replay-too-long" }
  /** Refused by the submission limits (`limits`), counted in the submission's transaction; nothing else was read or written. */
  | { status: "limited"; retryAfterSeconds: number };

export type VariantActionOutcome =
  | { status: "ok"; view: LearnerExerciseView }
  | { status: "unknown-exercise" }
  | { status: "stale-variant"; currentVariantSeed: number };

/** The seed of a learner's variant in a given round (0 = the first variant they see). */
export function seedFor(learnerId: string, exerciseId: string, round: number): number {
  return seedFromText(`${learnerId}:${exerciseId}:${round}`);
}

function attemptsPerVariant(exercise: ExerciseDefinition<unknown>): number {
  return exercise.attemptsPerVariant ?? DEFAULT_ATTEMPTS_PER_VARIANT;
}

function policyOptions(exercise: ExerciseDefinition<unknown>) {
  return { attemptsPerVariant: attemptsPerVariant(exercise), oneAnswer: hasOneAnswer(exercise) };
}

function standingOn(exercise: ExerciseDefinition<unknown>, records: ExerciseRecords, seed: number): VariantStanding {
  return variantStanding(seed, records.attempts, records.reveals, policyOptions(exercise));
}

/** The worked solution of one variant (what a correct answer's feedback carries). */
export function solutionFor(exercise: ExerciseDefinition<unknown>, seed: number): string {
  if (exercise.solution) return exercise.solution(seed);
  const parsed = exercise.parse(exercise.correctAnswer(seed), seed);
  if (!parsed.ok) throw new Error(`${exercise.id}: its own correct answer does not parse (${parsed.errors.join("; ")})`);
  return exercise.grade(seed, parsed.value).feedback.solution;
}

export async function currentSeed(learnerId: string, exerciseId: string): Promise<number> {
  return seedFor(learnerId, exerciseId, (await exerciseRecords(learnerId, exerciseId)).round);
}

export async function exerciseForLearner(learnerId: string, exerciseId: string): Promise<LearnerExerciseView | undefined> {
  const exercise = findExercise(exerciseId);
  if (!exercise) return undefined;
  return viewOf(exercise, learnerId, await exerciseRecords(learnerId, exerciseId));
}

function viewOf(exercise: ExerciseDefinition<unknown>, learnerId: string, records: ExerciseRecords): LearnerExerciseView {
  const seed = seedFor(learnerId, exercise.id, records.round);
  const { hints = [], ...variant } = exercise.publicVariant(seed);
  const current = standingOn(exercise, records, seed);
  const visibleSolutions = new Set<number>();
  for (const attempt of records.attempts) if (attempt.score >= 1) visibleSolutions.add(attempt.variantSeed);
  for (const reveal of records.reveals) visibleSolutions.add(reveal.variantSeed);
  const toPublic = (attempt: StoredAttempt) => publicAttempt(exercise, attempt, visibleSolutions.has(attempt.variantSeed));
  const standing = exerciseStanding(records.attempts, records.reveals, { oneAnswer: hasOneAnswer(exercise) });
  const solve = [...records.attempts].reverse().find((a) => a.credited && a.score >= 1);
  return {
    exerciseId: exercise.id,
    title: exercise.title,
    kind: exercise.kind,
    variantSeed: seed,
    variant,
    hints: { total: hints.length, shown: hints.slice(0, records.hintsShown.get(seed) ?? 0) },
    current: { ...current, attemptsPerVariant: attemptsPerVariant(exercise), solution: current.solutionVisible ? solutionFor(exercise, seed) : null },
    standing,
    solvedBy: solve ? toPublic(solve) : null,
    attempts: records.attempts.map(toPublic),
  };
}

function publicAttempt(exercise: ExerciseDefinition<unknown>, attempt: StoredAttempt, solutionVisible: boolean): PublicAttempt {
  const { solution, ...feedback } = attempt.feedback as Feedback;
  let answerLines: string[];
  try {
    answerLines = describeAnswer(exercise.publicVariant(attempt.variantSeed), attempt.answer);
  } catch {
    answerLines = ["(this answer could not be shown)"];
  }
  return {
    id: attempt.id,
    variantSeed: attempt.variantSeed,
    answer: attempt.answer,
    answerLines,
    score: attempt.score,
    credited: attempt.credited,
    hintsUsed: attempt.hintsUsed,
    feedback: solutionVisible ? { ...feedback, solution } : feedback,
    claims: attempt.claims,
    createdAt: attempt.createdAt.toISOString(),
  };
}

/** "Try another variant": the learner's view of the next variant, or undefined for an unknown exercise. */
export async function anotherVariant(learnerId: string, exerciseId: string): Promise<LearnerExerciseView | undefined> {
  if (!findExercise(exerciseId)) return undefined;
  await requestNewVariant(learnerId, exerciseId);
  return exerciseForLearner(learnerId, exerciseId);
}

/**
 * Grades `rawAnswer` for the learner's current variant and stores the attempt.
 * Refused without using an attempt: a variant that is not the current one, a
 * variant whose solution was shown, a malformed answer. An attempt earns
 * credit only on a variant whose answer the learner has not seen; the last
 * allowed wrong attempt shows the solution and closes the variant.
 * With `limits`, the submission is counted against them exactly once, in its
 * own transaction where it can be (refused: "limited").
 */
export async function submitAttempt(learnerId: string, exerciseId: string, claimedSeed: number, rawAnswer: unknown, limits?: LimitGate): Promise<SubmitOutcome> {
  /** Counts the limits now, before work that does not reach the submission's transaction; the refusal, if they refuse. */
  const limitedNow = async (): Promise<SubmitOutcome | undefined> => {
    const limit = await limits?.now();
    return limit && !limit.allowed ? { status: "limited", retryAfterSeconds: limit.retryAfterSeconds } : undefined;
  };
  const exercise = findExercise(exerciseId);
  if (!exercise) return (await limitedNow()) ?? { status: "unknown-exercise" };
  type Decision = Exclude<SubmitOutcome, { status: "graded" }> | { status: "graded" };
  type Refusal = Exclude<Decision, { status: "graded" }>;
  /** The checks that refuse a submission without using an attempt, in the order the learner is told about them. */
  const refusal = (records: ExerciseRecords): { refused: Refusal } | { seed: number; standing: VariantStanding; value: unknown } => {
    const seed = seedFor(learnerId, exerciseId, records.round);
    // Only the variant the server handed out may be graded, so nobody can pick an easy seed.
    if (claimedSeed !== seed) return { refused: { status: "stale-variant", currentVariantSeed: seed } };
    const standing = standingOn(exercise, records, seed);
    if (!standing.open) return { refused: { status: "variant-closed", currentVariantSeed: seed } };
    const parsed = exercise.parse(rawAnswer, seed);
    if (!parsed.ok) return { refused: { status: "invalid-answer", errors: parsed.errors } };
    return { seed, standing, value: parsed.value };
  };

  // A simulator task is graded by a replay in the replay pool, before the
  // transaction, so no lock is held while it runs. The checks run first on a
  // plain read, so a stale, closed or malformed submission costs no replay;
  // the transaction checks again, and the grade stands only for the seed it
  // was computed for (grading is a pure function of seed and value).
  let replayed: { seed: number; graded: Graded } | undefined;
  if (exercise.replay) {
    // Counted before the replay, which is the expensive part the limits protect.
    const limited = await limitedNow();
    if (limited) return limited;
    limits = undefined;
    const early = refusal(await exerciseRecords(learnerId, exerciseId));
    if ("refused" in early) return early.refused;
    try {
      const run = await replayPool().run(exercise.replay.task, early.value as TaskValues);
      replayed = { seed: early.seed, graded: exercise.replay.gradeRun(early.seed, run) };
    } catch (error) {
      if (error instanceof GraderBusyError) return { status: "grader-busy", retryAfterSeconds: error.retryAfterSeconds };
      if (error instanceof ReplayTooLongError) return { status: "replay-too-long" };
      throw error;
    }
  }

  // Spaced review (decision record 0011): the attempt is a review of the learner's card for this exercise, stored in the same transaction.
  const review = attemptReview((attempt) => ({ hintsUsed: attempt.hintsUsed }));
  const gradeOnRecords = (records: ExerciseRecords): { result: Decision; write?: RecordWrite } => {
    const checked = refusal(records);
    if ("refused" in checked) return { result: checked.refused };
    const { seed, standing, value } = checked;
    const graded = replayed?.seed === seed ? replayed.graded : exercise.grade(seed, value);
    const usedUp = graded.score < 1 && standing.wrongAttempts + 1 >= attemptsPerVariant(exercise);
    return {
      result: { status: "graded" as const },
      write: {
        attempt: {
          variantSeed: seed,
          answer: canonicalAnswer(exercise.publicVariant(seed), rawAnswer),
          score: graded.score,
          feedback: graded.feedback,
          credited: standing.canEarnCredit,
          hintsUsed: records.hintsShown.get(seed) ?? 0,
        },
        reveal: usedUp ? { variantSeed: seed, reason: "attempts-used" as const } : undefined,
      },
    };
  };
  const worked = await (limits ? withLimitedExerciseRecords<Decision>(limits, learnerId, exerciseId, gradeOnRecords, review) : withExerciseRecords(learnerId, exerciseId, gradeOnRecords, review));
  if ("limited" in worked) return { status: "limited", retryAfterSeconds: worked.limited.retryAfterSeconds };
  const { result, attempt, records } = worked;
  if (result.status !== "graded") return result;
  const stored = attempt!;
  // The records as the grading transaction left them: no second read.
  const view = viewOf(exercise, learnerId, records);
  const solutionVisible = stored.score >= 1 || records.reveals.some((r) => r.variantSeed === stored.variantSeed);
  return { status: "graded", attempt: publicAttempt(exercise, stored, solutionVisible), nextVariantSeed: view.variantSeed, view };
}

/** "Show solution": marks the current variant revealed (it can no longer earn credit) and shows its solution. */
export async function revealSolution(learnerId: string, exerciseId: string, claimedSeed: number): Promise<VariantActionOutcome> {
  return onCurrentVariant(learnerId, exerciseId, claimedSeed, (exercise, records, seed) => {
    const standing = standingOn(exercise, records, seed);
    return standing.solutionVisible ? undefined : { reveal: { variantSeed: seed, reason: "requested" } };
  });
}

/** "Show a hint": the next hint of the current variant, on record. */
export async function showNextHint(learnerId: string, exerciseId: string, claimedSeed: number): Promise<VariantActionOutcome> {
  return onCurrentVariant(learnerId, exerciseId, claimedSeed, (exercise, records, seed) => {
    const total = exercise.publicVariant(seed).hints?.length ?? 0;
    const shown = records.hintsShown.get(seed) ?? 0;
    return shown < total ? { hintsShown: { variantSeed: seed, shown: shown + 1 } } : undefined;
  });
}

async function onCurrentVariant(
  learnerId: string,
  exerciseId: string,
  claimedSeed: number,
  change: (exercise: ExerciseDefinition<unknown>, records: ExerciseRecords, seed: number) => RecordWrite | undefined,
): Promise<VariantActionOutcome> {
  const exercise = findExercise(exerciseId);
  if (!exercise) return { status: "unknown-exercise" };
  type Decision = { status: "ok" } | { status: "stale-variant"; currentVariantSeed: number };
  const { result, records } = await withExerciseRecords<Decision>(learnerId, exerciseId, (records) => {
    const seed = seedFor(learnerId, exerciseId, records.round);
    if (claimedSeed !== seed) return { result: { status: "stale-variant" as const, currentVariantSeed: seed } };
    return { result: { status: "ok" as const }, write: change(exercise, records, seed) };
  });
  if (result.status !== "ok") return result;
  return { status: "ok", view: viewOf(exercise, learnerId, records) };
}
