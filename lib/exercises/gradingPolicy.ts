// The grading policy as plain functions over a learner's records (decision
// record 0009): when a variant's worked solution may be shown, when an answer
// can still earn credit, and what an exercise's score is. The database layer
// gathers the records; routes and pages only display what these return.

/** Wrong attempts on one variant before its solution is shown (and it stops earning credit). */
export const DEFAULT_ATTEMPTS_PER_VARIANT = 3;

/** Credit lost per wrong attempt at the exercise before the solve. */
export const PENALTY_PER_WRONG_ATTEMPT = 0.2;
/** Credit lost per worked solution seen before the solve (on earlier variants). */
export const PENALTY_PER_SOLUTION_SEEN = 0.2;
/** Credit lost per hint seen on the variant that was solved. */
export const PENALTY_PER_HINT = 0.1;
/** A solve on a variant whose answer the learner had not seen is worth at least this. */
export const MINIMUM_CREDIT = 0.5;

/** An attempt as the policy needs it. */
export type AttemptRecord = {
  variantSeed: number;
  score: number;
  credited: boolean;
  hintsUsed: number;
  createdAt: Date;
};

/** A worked solution the learner saw. */
export type RevealRecord = { variantSeed: number; reason: "requested" | "attempts-used"; createdAt: Date };

export type VariantStanding = {
  /** Wrong (less than full-marks) attempts on this variant. */
  wrongAttempts: number;
  /** Attempts left before the solution is shown; null once solved or revealed. */
  attemptsLeft: number | null;
  solved: boolean;
  /** The solution was shown (asked for, or attempts used up). */
  revealed: boolean;
  /** May the learner still submit on this variant? */
  open: boolean;
  /** Would a correct answer on it now earn credit? */
  canEarnCredit: boolean;
  /** Is the worked solution visible to the learner for this variant? */
  solutionVisible: boolean;
};

export type ExerciseStanding = {
  /** A correct answer that earned credit (on a variant whose answer the learner had not seen). */
  solved: boolean;
  attemptsUsed: number;
  /** 0 to 1: how it was solved (see creditForSolve); 0 until solved. */
  score: number;
  /** No more credit to earn: the exercise has one answer and the learner has seen it. */
  practiceOnly: boolean;
};

/**
 * Credit for a correct answer: full on the first try with no hint; less for
 * each wrong attempt, each solution seen and each hint before it; never below
 * MINIMUM_CREDIT, since the learner did answer a variant they had not seen solved.
 */
export function creditForSolve(wrongBefore: number, solutionsSeenBefore: number, hintsUsed: number): number {
  const credit = 1 - PENALTY_PER_WRONG_ATTEMPT * wrongBefore - PENALTY_PER_SOLUTION_SEEN * solutionsSeenBefore - PENALTY_PER_HINT * hintsUsed;
  return Math.round(Math.max(MINIMUM_CREDIT, credit) * 100) / 100;
}

/**
 * Where a learner stands on one variant. `oneAnswer`: every variant of the
 * exercise has the same answer, so any solution seen gives this one away.
 */
export function variantStanding(
  variantSeed: number,
  attempts: readonly AttemptRecord[],
  reveals: readonly RevealRecord[],
  options: { attemptsPerVariant: number; oneAnswer: boolean },
): VariantStanding {
  const onVariant = attempts.filter((a) => a.variantSeed === variantSeed);
  const wrongAttempts = onVariant.filter((a) => a.score < 1).length;
  const solved = onVariant.some((a) => a.score >= 1);
  const revealed = reveals.some((r) => r.variantSeed === variantSeed);
  const answerSeen = revealed || (options.oneAnswer && reveals.length > 0);
  const open = !solved && !revealed;
  return {
    wrongAttempts,
    attemptsLeft: open ? Math.max(0, options.attemptsPerVariant - wrongAttempts) : null,
    solved,
    revealed,
    open,
    canEarnCredit: open && !answerSeen,
    solutionVisible: solved || revealed,
  };
}

/** The learner's standing on an exercise, from all their attempts and reveals on it. */
export function exerciseStanding(attempts: readonly AttemptRecord[], reveals: readonly RevealRecord[], options: { oneAnswer: boolean }): ExerciseStanding {
  const chronological = [...attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const solve = chronological.find((a) => a.credited && a.score >= 1);
  let score = 0;
  if (solve) {
    const before = chronological.slice(0, chronological.indexOf(solve));
    const wrongBefore = before.filter((a) => a.score < 1).length;
    const seenBefore = reveals.filter((r) => r.createdAt.getTime() <= solve.createdAt.getTime() && r.variantSeed !== solve.variantSeed).length;
    score = creditForSolve(wrongBefore, seenBefore, solve.hintsUsed);
  }
  return {
    solved: solve !== undefined,
    attemptsUsed: attempts.length,
    score,
    practiceOnly: solve === undefined && options.oneAnswer && reveals.length > 0,
  };
}
