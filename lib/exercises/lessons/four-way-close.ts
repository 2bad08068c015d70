// Exercises of the lesson on the four-way close (content/lessons/four-way-close.mdx).
import type { ExerciseDefinition } from "../types";

export const fourWayCloseExercises: ExerciseDefinition<any>[] = [];
