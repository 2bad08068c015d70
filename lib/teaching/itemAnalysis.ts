// Item analysis and the class's misconceptions, from the students' stored
// attempts and the feedback their graders gave. Pure: attempts in, tables out.
//
// Wrong answers are grouped by what the grader said was wrong, not by their
// raw text (a hundred different wrong numbers can be one mistake):
//   1. the item's misconception id (FeedbackItem.misconception), when the
//      grader tags it: the same wrong belief across exercises is one group;
//   2. else a free-text rubric idea the answer omits or denies (item.idea
//      with status "missing" or "contradicted");
//   3. else the wrong item's label (the option picked, the field, the step);
//   4. a wrong attempt with no wrong item at all is grouped by its summary.
import { inWindow, type AssignmentPolicy } from "./assignmentScore";
import type { GradebookAssignment } from "./gradebook";

export type AnalysedAttempt = {
  learnerId: string;
  exerciseId: string;
  score: number;
  credited: boolean;
  createdAt: Date;
  /** The stored feedback JSON, parsed (anything: old or odd records are tolerated). */
  feedback: unknown;
  answer: unknown;
  variantSeed: number;
};

export type MistakeKind = "misconception" | "idea-missing" | "idea-contradicted" | "mistake" | "summary";

export type Mistake = {
  /** Grouping key; a misconception's is its id, so it is the same in every exercise. */
  key: string;
  kind: MistakeKind;
  /** The misconception's id, when the grader tagged one. */
  misconceptionId?: string;
  label: string;
  /** What the grader told the learner about it. */
  explanation: string;
};

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const text = (value: unknown, fallback = "") => (typeof value === "string" ? value : fallback);

/** The mistakes a wrong attempt's feedback names, each once. */
export function mistakesOf(feedback: unknown): Mistake[] {
  const given = record(feedback);
  if (!given) return [];
  const items = Array.isArray(given.items) ? given.items : [];
  const out = new Map<string, Mistake>();
  for (const raw of items) {
    const item = record(raw);
    if (!item || item.correct !== false) continue;
    const label = text(item.label, "(no label)");
    const explanation = text(item.message);
    const misconception = record(item.misconception);
    const idea = record(item.idea);
    let mistake: Mistake;
    if (misconception && typeof misconception.id === "string" && misconception.id !== "") {
      mistake = { key: `misconception:${misconception.id}`, kind: "misconception", misconceptionId: misconception.id, label: text(misconception.label, label), explanation };
    } else if (idea && typeof idea.id === "string" && (idea.status === "missing" || idea.status === "contradicted")) {
      mistake = { key: `idea:${idea.id}:${idea.status}`, kind: idea.status === "missing" ? "idea-missing" : "idea-contradicted", label, explanation };
    } else {
      mistake = { key: `label:${label}`, kind: "mistake", label, explanation };
    }
    if (!out.has(mistake.key)) out.set(mistake.key, mistake);
  }
  if (out.size === 0) {
    const summary = text(given.summary, "Wrong answer");
    out.set(`summary:${summary}`, { key: `summary:${summary}`, kind: "summary", label: summary, explanation: "" });
  }
  return [...out.values()];
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export type MistakeGroup = Mistake & {
  students: number;
  attempts: number;
  /** One attempt that showed it, to render as the learner gave it. */
  example: AnalysedAttempt;
};

export type ExerciseAnalysis = {
  exerciseId: string;
  /** Students with at least one attempt in the assignment's window. */
  tried: number;
  /** Of those, the share whose first attempt in the window was right (credited, full score); null when nobody tried. */
  firstCorrectShare: number | null;
  solved: number;
  /** Attempts up to and including the first right one, median over the students who solved it. */
  medianAttemptsToSolve: number | null;
  /**
   * From the first attempt to the first right one, median over those who
   * solved it, in ms. There is no record of a student opening an exercise, so
   * the clock starts at their first answer: it measures the struggle after a
   * first try (0 for a first-try solve), not reading time.
   */
  medianTimeToSolveMs: number | null;
  /** Most common first, at most `topMistakes`. */
  mistakes: MistakeGroup[];
};

export type AssignmentAnalysis = {
  assignmentId: string;
  title: string;
  /** Students who tried at least one of its exercises. */
  tried: number;
  /** Over every (student, exercise) tried: share right at the first attempt. */
  firstCorrectShare: number | null;
  medianAttemptsToSolve: number | null;
  medianTimeToSolveMs: number | null;
  exercises: ExerciseAnalysis[];
};

const right = (a: AnalysedAttempt) => a.credited && a.score >= 1;

type Pair = { learnerId: string; attempts: AnalysedAttempt[] };

function pairStats(pairs: readonly Pair[]) {
  let firstCorrect = 0;
  const toSolve: number[] = [];
  const times: number[] = [];
  for (const { attempts } of pairs) {
    if (right(attempts[0]!)) firstCorrect++;
    const solvedAt = attempts.findIndex(right);
    if (solvedAt >= 0) {
      toSolve.push(solvedAt + 1);
      times.push(attempts[solvedAt]!.createdAt.getTime() - attempts[0]!.createdAt.getTime());
    }
  }
  return {
    firstCorrectShare: pairs.length ? firstCorrect / pairs.length : null,
    solved: toSolve.length,
    medianAttemptsToSolve: median(toSolve),
    medianTimeToSolveMs: median(times),
  };
}

function groupMistakes(attempts: readonly AnalysedAttempt[], top: number): MistakeGroup[] {
  const groups = new Map<string, { mistake: Mistake; students: Set<string>; attempts: number; example: AnalysedAttempt }>();
  for (const attempt of attempts) {
    if (right(attempt) || attempt.score >= 1) continue;
    for (const mistake of mistakesOf(attempt.feedback)) {
      let group = groups.get(mistake.key);
      if (!group) groups.set(mistake.key, (group = { mistake, students: new Set(), attempts: 0, example: attempt }));
      group.students.add(attempt.learnerId);
      group.attempts++;
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g.mistake, students: g.students.size, attempts: g.attempts, example: g.example }))
    .sort((a, b) => b.students - a.students || b.attempts - a.attempts || a.label.localeCompare(b.label))
    .slice(0, top);
}

/** Each student's attempts on one exercise inside the policy's window, oldest first. */
function pairsFor(policy: AssignmentPolicy, exerciseId: string, byLearner: Map<string, AnalysedAttempt[]>): Pair[] {
  const pairs: Pair[] = [];
  for (const [learnerId, attempts] of byLearner) {
    const own = attempts.filter((a) => a.exerciseId === exerciseId && inWindow(policy, a.createdAt));
    if (own.length) pairs.push({ learnerId, attempts: own.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()) });
  }
  return pairs;
}

/**
 * Item analysis of each assignment and each of its exercises, over the class's
 * students' attempts inside the assignment's window (late ones only where the
 * assignment accepts them), whether or not they were over the attempt limit.
 */
export function analyseAssignments(
  assignments: readonly GradebookAssignment[],
  studentLearnerIds: readonly string[],
  attempts: readonly AnalysedAttempt[],
  options: { topMistakes?: number } = {},
): AssignmentAnalysis[] {
  const students = new Set(studentLearnerIds);
  const byLearner = new Map<string, AnalysedAttempt[]>();
  for (const attempt of attempts) {
    if (!students.has(attempt.learnerId)) continue;
    const list = byLearner.get(attempt.learnerId);
    if (list) list.push(attempt);
    else byLearner.set(attempt.learnerId, [attempt]);
  }
  return assignments.map((assignment) => {
    const allPairs: Pair[] = [];
    const exercises = assignment.exerciseIds.map((exerciseId): ExerciseAnalysis => {
      const pairs = pairsFor(assignment, exerciseId, byLearner);
      allPairs.push(...pairs);
      return {
        exerciseId,
        tried: pairs.length,
        ...pairStats(pairs),
        mistakes: groupMistakes(pairs.flatMap((p) => p.attempts), options.topMistakes ?? 5),
      };
    });
    const { firstCorrectShare, medianAttemptsToSolve, medianTimeToSolveMs } = pairStats(allPairs);
    return {
      assignmentId: assignment.id,
      title: assignment.title,
      tried: new Set(allPairs.map((p) => p.learnerId)).size,
      firstCorrectShare,
      medianAttemptsToSolve,
      medianTimeToSolveMs,
      exercises,
    };
  });
}

export type RankedMistake = Mistake & {
  students: number;
  attempts: number;
  /** Where it showed, most students first. */
  exercises: { exerciseId: string; students: number }[];
  example: AnalysedAttempt;
};

/**
 * The mistakes the class showed, most students first. Tagged misconceptions
 * are one entry across every exercise that showed them; an untagged mistake is
 * an entry per exercise (its label means something only there).
 */
export function rankMistakes(studentLearnerIds: readonly string[], attempts: readonly AnalysedAttempt[]): { misconceptions: RankedMistake[]; untagged: RankedMistake[] } {
  const students = new Set(studentLearnerIds);
  const groups = new Map<string, { mistake: Mistake; students: Set<string>; attempts: number; perExercise: Map<string, Set<string>>; example: AnalysedAttempt }>();
  for (const attempt of attempts) {
    if (!students.has(attempt.learnerId) || attempt.score >= 1) continue;
    for (const mistake of mistakesOf(attempt.feedback)) {
      const key = mistake.kind === "misconception" ? mistake.key : `${attempt.exerciseId}\u0000${mistake.key}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { mistake, students: new Set(), attempts: 0, perExercise: new Map(), example: attempt }));
      group.students.add(attempt.learnerId);
      group.attempts++;
      let who = group.perExercise.get(attempt.exerciseId);
      if (!who) group.perExercise.set(attempt.exerciseId, (who = new Set()));
      who.add(attempt.learnerId);
    }
  }
  const ranked = [...groups.values()]
    .map(
      (g): RankedMistake => ({
        ...g.mistake,
        students: g.students.size,
        attempts: g.attempts,
        exercises: [...g.perExercise].map(([exerciseId, who]) => ({ exerciseId, students: who.size })).sort((a, b) => b.students - a.students || a.exerciseId.localeCompare(b.exerciseId)),
        example: g.example,
      }),
    )
    .sort((a, b) => b.students - a.students || b.attempts - a.attempts || a.label.localeCompare(b.label));
  return { misconceptions: ranked.filter((r) => r.kind === "misconception"), untagged: ranked.filter((r) => r.kind !== "misconception") };
}

/** "3 min", "2 h 5 min", "1 d 4 h": a duration for a table cell. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return ms < 1000 ? "0 s" : `${Math.round(ms / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ""}`;
}
