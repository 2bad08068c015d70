// attempts.csv: one record per attempt of a class's students on an
// assignment's exercise, with whether the assignment's policy counts it. Pure:
// the caller reads the attempts (a batch of students at a time, so the export
// streams) and says how to render an answer (describeAnswer needs the variant,
// which only the server's catalog can build).
import { itemResult, type GradedAttempt } from "./assignmentScore";
import { csvRecord, type CsvCell } from "./csv";
import type { GradebookAssignment, GradebookStudent } from "./gradebook";
import { percentNumber } from "./gradebook";
import { localIso, utcIso } from "./zonedTime";

export type ExportedAttempt = GradedAttempt & { learnerId: string; variantSeed: number; answer: unknown };

export const ATTEMPTS_HEADER: readonly CsvCell[] = [
  "student",
  "assignment",
  "exercise id",
  "exercise",
  "time (UTC)",
  "time (class zone)",
  "score (%)",
  "credited",
  "counted",
  "late",
  "answer",
];

export type AttemptsExportContext = {
  assignments: readonly GradebookAssignment[];
  timeZone: string;
  exerciseTitle: (exerciseId: string) => string;
  /** The answer as the learner gave it, in words (lines joined by the caller's choice). */
  describe: (attempt: ExportedAttempt) => string;
};

/**
 * The records for some students' attempts (any order; each student's may be
 * spread over the list). An attempt on an exercise that two assignments share
 * appears once for each, since each assignment's policy decides for itself
 * whether it counts. Order: student as given, then assignment, then time.
 */
export function attemptRecords(students: readonly GradebookStudent[], attempts: readonly ExportedAttempt[], context: AttemptsExportContext): string {
  const byLearner = new Map<string, Map<string, ExportedAttempt[]>>();
  for (const attempt of attempts) {
    let perExercise = byLearner.get(attempt.learnerId);
    if (!perExercise) byLearner.set(attempt.learnerId, (perExercise = new Map()));
    const list = perExercise.get(attempt.exerciseId);
    if (list) list.push(attempt);
    else perExercise.set(attempt.exerciseId, [attempt]);
  }
  let out = "";
  for (const student of students) {
    const perExercise = byLearner.get(student.learnerId);
    if (!perExercise) continue;
    for (const assignment of context.assignments) {
      const rows: { attempt: ExportedAttempt; exerciseId: string; counted: boolean }[] = [];
      for (const exerciseId of assignment.exerciseIds) {
        const own = perExercise.get(exerciseId);
        if (!own) continue;
        // The same function the gradebook uses decides which attempts count.
        const counted = new Set(itemResult(assignment, exerciseId, own).counted);
        for (const attempt of own) rows.push({ attempt, exerciseId, counted: counted.has(attempt) });
      }
      rows.sort((a, b) => a.attempt.createdAt.getTime() - b.attempt.createdAt.getTime());
      for (const { attempt, exerciseId, counted } of rows) {
        out += csvRecord([
          student.email,
          assignment.title,
          exerciseId,
          context.exerciseTitle(exerciseId),
          utcIso(attempt.createdAt),
          localIso(attempt.createdAt, context.timeZone),
          percentNumber(attempt.score),
          attempt.credited ? "yes" : "no",
          counted ? "yes" : "no",
          // Late: after the due time (counted only under "accept"; under "refuse" it is also not counted).
          attempt.createdAt.getTime() > assignment.dueAt.getTime() ? "yes" : "no",
          context.describe(attempt),
        ]);
      }
    }
  }
  return out;
}
