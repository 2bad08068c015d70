// Exercises of the lesson on the debugging CLOSE_WAIT (content/lessons/close-wait.mdx).
import type { ExerciseDefinition } from "../types";

export const closeWaitExercises: ExerciseDefinition<any>[] = [];
