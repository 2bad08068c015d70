// Every exercise definition, with its answers and generators. Server-only: the
// browser gets PublicVariant objects through the API, never these modules.
import "server-only";
import type { ExerciseDefinition } from "./types";
import { closeWaitExercises } from "./lessons/close-wait";
import { fourWayCloseExercises } from "./lessons/four-way-close";
import { headerFieldsExercises } from "./lessons/header-fields";
import { synFloodExercises } from "./lessons/syn-flood";
import { threeWayHandshakeExercises } from "./lessons/three-way-handshake";
import { timeWaitExercises } from "./lessons/time-wait";

export const exercises: readonly ExerciseDefinition<any>[] = [
  ...headerFieldsExercises,
  ...threeWayHandshakeExercises,
  ...fourWayCloseExercises,
  ...timeWaitExercises,
  ...synFloodExercises,
  ...closeWaitExercises,
];

const byId = new Map<string, ExerciseDefinition<any>>();
for (const exercise of exercises) {
  // Ids are stored with every attempt: a duplicate would mix two exercises' results.
  if (byId.has(exercise.id)) throw new Error(`Two exercises share the id "${exercise.id}"`);
  byId.set(exercise.id, exercise);
}

export function findExercise(id: string): ExerciseDefinition<any> | undefined {
  return byId.get(id);
}
