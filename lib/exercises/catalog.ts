// Every exercise definition, with its answers and generators. Server-only: the
// browser gets PublicVariant objects through the API, never these modules.
import "server-only";
import type { ExerciseDefinition } from "./types";
import { headerBytesAckFlags } from "./kinds/headerBytesAckFlags";

export const exercises: readonly ExerciseDefinition<any>[] = [headerBytesAckFlags];

const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));

export function findExercise(id: string): ExerciseDefinition<any> | undefined {
  return byId.get(id);
}
