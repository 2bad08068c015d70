// Exercises of the lesson on the TIME-WAIT and 2MSL (content/lessons/time-wait.mdx).
import type { ExerciseDefinition } from "../types";

export const timeWaitExercises: ExerciseDefinition<any>[] = [];
