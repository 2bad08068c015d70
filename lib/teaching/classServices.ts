// The steps routes and pages share, joining the pure rules (this folder) to
// the queries (lib/db/classes.ts): a student's results, an instructor's
// preview of an exercise, a fresh join code. Server-only: it reads the
// database and the exercise catalog (which holds the answers).
import "server-only";
import { assignmentsForStudent, attemptsOn, catalogOutline, joinCodeTaken, type AssignmentRecord, type CatalogLesson } from "@/lib/db/classes";
import { describeAnswer } from "@/lib/exercises/answerSummary";
import { findExercise } from "@/lib/exercises/catalog";
import { solutionFor } from "@/lib/exercises/learnerVariant";
import type { PublicVariant } from "@/lib/exercises/types";
import { assignmentResult, type AssignmentResult } from "./assignmentScore";
import { generateJoinCode } from "./joinCode";

/** A join code no class uses yet (a collision among 31^8 codes is rare; try a few). */
export async function freshJoinCode(): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = generateJoinCode();
    if (!(await joinCodeTaken(code))) return code;
  }
  throw new Error("Could not draw an unused join code");
}

/** One student's results on these assignments, from their stored attempts (nothing stored). */
export async function resultsFor(learnerId: string, assignments: readonly AssignmentRecord[], now: Date): Promise<Map<string, AssignmentResult>> {
  const exerciseIds = [...new Set(assignments.flatMap((a) => a.exerciseIds))];
  const attempts = await attemptsOn(learnerId, exerciseIds);
  return new Map(assignments.map((a) => [a.id, assignmentResult(a, a.exerciseIds, attempts, now)]));
}

export type StudentAssignment = AssignmentRecord & { className: string; timeZone: string; result: AssignmentResult };

/** Every published assignment of the user's classes, with their result, by due time. */
export async function studentAssignments(userId: string, learnerId: string, now: Date): Promise<StudentAssignment[]> {
  const assignments = await assignmentsForStudent(userId);
  const results = await resultsFor(learnerId, assignments, now);
  return assignments.map((a) => ({ ...a, result: results.get(a.id)! }));
}

export type ExercisePreview = {
  exerciseId: string;
  title: string;
  kind: string;
  seed: number;
  variant: PublicVariant;
  /** The correct answer in words, and the worked solution: instructors only. */
  answerLines: string[];
  solution: string;
};

/** A real variant of an exercise for an instructor: the question a student would see, with its answer. */
export function previewExercise(exerciseId: string, seed: number): ExercisePreview | undefined {
  const exercise = findExercise(exerciseId);
  if (!exercise) return undefined;
  const variant = exercise.publicVariant(seed);
  return {
    exerciseId,
    title: exercise.title,
    kind: exercise.kind,
    seed,
    variant,
    answerLines: describeAnswer(variant, exercise.correctAnswer(seed)),
    solution: solutionFor(exercise, seed),
  };
}

export function exerciseExists(id: string): boolean {
  return findExercise(id) !== undefined;
}

export function exerciseTitle(id: string): string {
  return findExercise(id)?.title ?? id;
}

/** Lessons and their exercises, for the assignment editor (only exercises the catalog knows). */
export async function catalogForEditor(): Promise<CatalogLesson[]> {
  const lessons = await catalogOutline();
  return lessons.map((lesson) => ({ ...lesson, exercises: lesson.exercises.filter((e) => exerciseExists(e.id)) })).filter((lesson) => lesson.exercises.length > 0);
}
