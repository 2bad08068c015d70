// An assignment's scores, computed from the students' stored attempts under
// the assignment's own policy (decision record 0010). Nothing here is stored:
// the gradebook, the student's page and the CSV all call these functions on
// the same records, so they can never disagree.

export type AssignmentPolicy = {
  opensAt: Date;
  dueAt: Date;
  /** At most this many attempts per exercise count; null: unlimited. */
  maxAttempts: number | null;
  /** Which counted attempt gives an exercise's score. */
  counts: "best" | "last";
  /** After dueAt: no credit ("refuse"), or counted and marked late ("accept"). */
  latePolicy: "refuse" | "accept";
};

/** An attempt as assignment grading reads it (any exercise, any order). */
export type GradedAttempt = {
  exerciseId: string;
  score: number;
  /** False: given after the learner had seen that answer (no credit, decision record 0009). */
  credited: boolean;
  createdAt: Date;
};

export type ItemResult = {
  exerciseId: string;
  /** The attempts that count, oldest first. */
  counted: GradedAttempt[];
  /** Attempts made in the window beyond maxAttempts (they do not count). */
  overLimit: number;
  /** 0..1 under the policy; 0 when nothing counts. */
  score: number;
  /** The attempt that gives the score came after the due time. */
  late: boolean;
  solved: boolean;
};

export type AssignmentStatus = "not-started" | "in-progress" | "done" | "late";

export type AssignmentResult = {
  items: ItemResult[];
  /** Mean of the items' scores. */
  score: number;
  status: AssignmentStatus;
  late: boolean;
};

/** Does this attempt fall inside the assignment's window (late ones only if accepted)? */
export function inWindow(policy: AssignmentPolicy, at: Date): boolean {
  const t = at.getTime();
  if (t < policy.opensAt.getTime()) return false;
  return t <= policy.dueAt.getTime() || policy.latePolicy === "accept";
}

/** One exercise's result from one student's attempts (any exercise; others are ignored). */
export function itemResult(policy: AssignmentPolicy, exerciseId: string, attempts: readonly GradedAttempt[]): ItemResult {
  const windowed = attempts
    .filter((a) => a.exerciseId === exerciseId && inWindow(policy, a.createdAt))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const limit = policy.maxAttempts ?? Infinity;
  const counted = windowed.slice(0, limit);
  const value = (a: GradedAttempt) => (a.credited ? a.score : 0);
  let giving: GradedAttempt | undefined;
  if (policy.counts === "last") giving = counted.at(-1);
  else for (const a of counted) if (giving === undefined || value(a) > value(giving)) giving = a;
  const score = giving ? value(giving) : 0;
  return {
    exerciseId,
    counted,
    overLimit: windowed.length - counted.length,
    score,
    late: giving !== undefined && giving.createdAt.getTime() > policy.dueAt.getTime(),
    solved: score >= 1,
  };
}

/** A student's result on an assignment, at time `now` (for the status). */
export function assignmentResult(policy: AssignmentPolicy, exerciseIds: readonly string[], attempts: readonly GradedAttempt[], now: Date): AssignmentResult {
  const items = exerciseIds.map((id) => itemResult(policy, id, attempts));
  const score = items.length ? items.reduce((sum, item) => sum + item.score, 0) / items.length : 0;
  const late = items.some((item) => item.late);
  const onTimeDone = items.length > 0 && items.every((item) => item.solved && !item.late);
  const started = items.some((item) => item.counted.length > 0);
  let status: AssignmentStatus;
  if (onTimeDone) status = "done";
  else if (now.getTime() > policy.dueAt.getTime()) status = "late";
  else status = started ? "in-progress" : "not-started";
  return { items, score: Math.round(score * 10000) / 10000, status, late };
}
