// The course, in order: the one list of lessons. Each entry names a folder of
// content/lessons that holds the lesson's prose (index.mdx) and its exercises
// (exercises.ts). A lesson's number is its place here; the folder's NN- prefix
// repeats it for people browsing the tree, and a content test keeps the two equal.
// The lesson loader, the exercise catalog, the database sync and the tests all
// read this list; nothing else pins the order of lessons.
//
// Server-only: exercise definitions hold the answers.
import "server-only";
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { headerFieldsExercises } from "./01-header-fields/exercises";
import { threeWayHandshakeExercises } from "./02-three-way-handshake/exercises";
import { fourWayCloseExercises } from "./03-four-way-close/exercises";
import { timeWaitExercises } from "./04-time-wait/exercises";
import { synFloodExercises } from "./05-syn-flood/exercises";
import { closeWaitExercises } from "./06-close-wait/exercises";
import { peerVanishesExercises } from "./07-peer-vanishes/exercises";

export type CourseEntry = {
  /** Folder under content/lessons: "<NN>-<slug>". */
  folder: string;
  /** The lesson's exercises, in the order the lesson presents them. */
  exercises: readonly ExerciseDefinition<any>[];
};

export const course: readonly CourseEntry[] = [
  { folder: "01-header-fields", exercises: headerFieldsExercises },
  { folder: "02-three-way-handshake", exercises: threeWayHandshakeExercises },
  { folder: "03-four-way-close", exercises: fourWayCloseExercises },
  { folder: "04-time-wait", exercises: timeWaitExercises },
  { folder: "05-syn-flood", exercises: synFloodExercises },
  { folder: "06-close-wait", exercises: closeWaitExercises },
  { folder: "07-peer-vanishes", exercises: peerVanishesExercises },
];
