// What a student's assignment page says about each exercise: how many
// attempts counted out of how many allowed, whether the next one would still
// count, and late marks. Built on assignmentScore.ts's results, so the page
// and the gradebook read the same numbers.
import type { AssignmentPolicy, AssignmentStatus, ItemResult } from "./assignmentScore";

/** Why a further attempt would not count (it is still graded and stored: practice). */
export type PracticeReason = "not-open" | "limit-reached" | "past-due" | null;

export type ItemProgress = {
  exerciseId: string;
  countedAttempts: number;
  /** null: unlimited. */
  attemptLimit: number | null;
  /** Attempts made in the window beyond the limit. */
  overLimit: number;
  /** Counted attempts made after the due time (accepted, marked late). */
  lateAttempts: number;
  practiceReason: PracticeReason;
  score: number;
  solved: boolean;
  late: boolean;
};

export function itemProgress(policy: AssignmentPolicy, item: ItemResult, now: Date): ItemProgress {
  const limitReached = policy.maxAttempts !== null && item.counted.length >= policy.maxAttempts;
  let practiceReason: PracticeReason = null;
  if (now.getTime() < policy.opensAt.getTime()) practiceReason = "not-open";
  else if (now.getTime() > policy.dueAt.getTime() && policy.latePolicy === "refuse") practiceReason = "past-due";
  else if (limitReached) practiceReason = "limit-reached";
  return {
    exerciseId: item.exerciseId,
    countedAttempts: item.counted.length,
    attemptLimit: policy.maxAttempts,
    overLimit: item.overLimit,
    lateAttempts: item.counted.filter((a) => a.createdAt.getTime() > policy.dueAt.getTime()).length,
    practiceReason,
    score: item.score,
    solved: item.solved,
    late: item.late,
  };
}

export function practiceText(reason: PracticeReason): string | null {
  switch (reason) {
    case "not-open":
      return "The assignment is not open yet: attempts now are practice and do not count.";
    case "limit-reached":
      return "You have used every counted attempt: further attempts are practice and do not count.";
    case "past-due":
      return "The due time has passed and late work is not accepted: further attempts are practice.";
    case null:
      return null;
  }
}

export function attemptsText(progress: ItemProgress): string {
  if (progress.attemptLimit === null) return `${progress.countedAttempts} counted attempt${progress.countedAttempts === 1 ? "" : "s"} (no limit)`;
  return `${progress.countedAttempts} of ${progress.attemptLimit} counted attempts used`;
}

export const STATUS_LABEL: Record<AssignmentStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  late: "Late",
};

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
