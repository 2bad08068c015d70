// Exercises of the lesson on the three-way handshake (content/lessons/three-way-handshake.mdx).
import type { ExerciseDefinition } from "../types";

export const threeWayHandshakeExercises: ExerciseDefinition<any>[] = [];
