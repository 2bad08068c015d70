// Exercises of the lesson on the SYN flood (content/lessons/syn-flood.mdx).
import type { ExerciseDefinition } from "../types";

export const synFloodExercises: ExerciseDefinition<any>[] = [];
