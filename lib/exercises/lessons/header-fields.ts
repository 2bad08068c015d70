// Exercises of the lesson "TCP header fields" (content/lessons/header-fields.mdx).
import type { ExerciseDefinition } from "../types";
import { headerBytesAckFlags } from "../kinds/headerBytesAckFlags";

export const headerFieldsExercises: ExerciseDefinition<any>[] = [headerBytesAckFlags];
