// Every exercise definition, with its answers and generators, in course order
// (content/lessons/course.ts). Server-only: the browser gets PublicVariant
// objects through the API, never these modules.
import "server-only";
import { course } from "@/content/lessons/course";
import type { ExerciseDefinition } from "./types";

export const exercises: readonly ExerciseDefinition<any>[] = course.flatMap((lesson) => lesson.exercises);

const byId = new Map<string, ExerciseDefinition<any>>();
const positions = new Map<string, number>();
for (const lesson of course) {
  for (const [index, exercise] of lesson.exercises.entries()) {
    // Ids are stored with every attempt: a duplicate would mix two exercises' results.
    if (byId.has(exercise.id)) throw new Error(`Two exercises share the id "${exercise.id}"`);
    byId.set(exercise.id, exercise);
    positions.set(exercise.id, index + 1);
  }
}

export function findExercise(id: string): ExerciseDefinition<any> | undefined {
  return byId.get(id);
}

/** The exercise's place in its lesson (1 = first), as the lesson's exercises.ts lists them. */
export function exercisePosition(id: string): number | undefined {
  return positions.get(id);
}
