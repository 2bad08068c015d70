// The gradebook: one row per student, one cell per published assignment, each
// cell the student's result under that assignment's policy. Every score comes
// from lib/teaching/assignmentScore.ts (assignmentResult), the function the
// student's own page calls, so the two can never disagree. Pure: records in,
// rows out; lib/db/gradebook.ts reads the records.
import { assignmentResult, type AssignmentPolicy, type AssignmentStatus, type GradedAttempt } from "./assignmentScore";
import { csvFileName, toCsv, type CsvCell } from "./csv";

export type GradebookStudent = { userId: string; learnerId: string; email: string };

export type GradebookAssignment = AssignmentPolicy & {
  id: string;
  title: string;
  /** In the order the students see them. */
  exerciseIds: string[];
};

export type GradebookAttempt = GradedAttempt & { learnerId: string };

export type GradebookCell = {
  assignmentId: string;
  /** 0..1, assignmentResult's score. */
  score: number;
  late: boolean;
  status: AssignmentStatus;
  /** Attempts that count, over all the assignment's exercises. */
  counted: number;
  /** Exercises solved (score 1) out of the assignment's. */
  solved: number;
};

export type GradebookRow = {
  student: GradebookStudent;
  cells: GradebookCell[];
  /** Mean of the cells: every published assignment weighs the same (0 when there is none). */
  total: number;
};

export type Gradebook = {
  assignments: GradebookAssignment[];
  rows: GradebookRow[];
  /** Class mean per assignment, in the order of `assignments`, then of the totals. */
  means: number[];
  meanTotal: number;
};

const round4 = (x: number) => Math.round(x * 10000) / 10000;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/**
 * Builds every row. Attempts may cover any learners and exercises: each
 * student's attempts are grouped once by exercise, and each assignment gets
 * only those on its own exercises, so a class of 500 with 100,000 attempts is
 * one pass plus 500 × assignments small calls.
 */
export function buildGradebook(
  students: readonly GradebookStudent[],
  assignments: readonly GradebookAssignment[],
  attempts: readonly GradebookAttempt[],
  now: Date,
): Gradebook {
  const byLearner = new Map<string, Map<string, GradedAttempt[]>>();
  for (const attempt of attempts) {
    let perExercise = byLearner.get(attempt.learnerId);
    if (!perExercise) byLearner.set(attempt.learnerId, (perExercise = new Map()));
    const list = perExercise.get(attempt.exerciseId);
    if (list) list.push(attempt);
    else perExercise.set(attempt.exerciseId, [attempt]);
  }
  const rows = students.map((student): GradebookRow => {
    const perExercise = byLearner.get(student.learnerId);
    const cells = assignments.map((assignment): GradebookCell => {
      const own = perExercise ? assignment.exerciseIds.flatMap((id) => perExercise.get(id) ?? []) : [];
      const result = assignmentResult(assignment, assignment.exerciseIds, own, now);
      return {
        assignmentId: assignment.id,
        score: result.score,
        late: result.late,
        status: result.status,
        counted: result.items.reduce((n, item) => n + item.counted.length, 0),
        solved: result.items.filter((item) => item.solved).length,
      };
    });
    return { student, cells, total: round4(mean(cells.map((c) => c.score))) };
  });
  return {
    assignments: [...assignments],
    rows,
    means: assignments.map((_, index) => round4(mean(rows.map((r) => r.cells[index]!.score)))),
    meanTotal: round4(mean(rows.map((r) => r.total))),
  };
}

export type GradebookSort = { by: "name" | "total" | { assignmentId: string }; direction: "asc" | "desc" };

/** Reads ?sort=name|total|a:<assignmentId>&dir=asc|desc; anything else is by name, ascending. */
export function parseGradebookSort(sort: string | undefined, dir: string | undefined, assignmentIds: readonly string[]): GradebookSort {
  const direction = dir === "desc" ? "desc" : "asc";
  if (sort === "total") return { by: "total", direction };
  if (sort?.startsWith("a:") && assignmentIds.includes(sort.slice(2))) return { by: { assignmentId: sort.slice(2) }, direction };
  return { by: "name", direction };
}

/** The query value of a sort (the inverse of parseGradebookSort). */
export function sortParam(by: GradebookSort["by"]): string {
  return by === "name" || by === "total" ? by : `a:${by.assignmentId}`;
}

/** Rows in the asked order; ties (and equal scores) fall back to the email, so the order is stable. */
export function sortGradebookRows(gradebook: Gradebook, sort: GradebookSort): GradebookRow[] {
  const index = typeof sort.by === "object" ? gradebook.assignments.findIndex((a) => a.id === (sort.by as { assignmentId: string }).assignmentId) : -1;
  const value = (row: GradebookRow) => (sort.by === "total" ? row.total : index >= 0 ? row.cells[index]!.score : 0);
  const byName = (a: GradebookRow, b: GradebookRow) => a.student.email.localeCompare(b.student.email);
  const sign = sort.direction === "desc" ? -1 : 1;
  return [...gradebook.rows].sort((a, b) => (sort.by === "name" ? sign * byName(a, b) : sign * (value(a) - value(b)) || byName(a, b)));
}

/** A score as the gradebook shows it: a whole percentage. */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/**
 * The gradebook as CSV: one row per student (email), one column per published
 * assignment (its score in percent, with two decimals, a number a spreadsheet
 * can compute with; "late" stays in the page and in attempts.csv, so every
 * column here is a score), and the total. Rows in email order.
 */
export function gradebookCsv(gradebook: Gradebook): string {
  const header: CsvCell[] = ["student"];
  for (const assignment of gradebook.assignments) header.push(`${assignment.title} (%)`);
  header.push("total (%)");
  const rows: CsvCell[][] = [header];
  for (const row of sortGradebookRows(gradebook, { by: "name", direction: "asc" })) {
    const cells: CsvCell[] = [row.student.email];
    for (const cell of row.cells) cells.push(percentNumber(cell.score));
    cells.push(percentNumber(row.total));
    rows.push(cells);
  }
  return toCsv(rows);
}

/** 0.8333 → 83.33: a number, not text, in the exports. */
export function percentNumber(score: number): number {
  return Math.round(score * 10000) / 100;
}

export function gradebookFileName(className: string, term: string, what: "gradebook" | "attempts"): string {
  return csvFileName(className, term, what);
}
