// The learner's progress as GET /api/progress sends it to the static pages
// (home, lessons index, a lesson): per lesson, read or not and which exercises
// are solved; and the next step "Continue" leads to.
import type { NextStep } from "./nextStep";

export type LessonProgressSummary = {
  slug: string;
  read: boolean;
  solved: number;
  total: number;
  /** Ids of the solved exercises. */
  solvedIds: string[];
};

export type ProgressSummary = {
  lessons: LessonProgressSummary[];
  /** Whether the learner has done anything yet (read a lesson or answered an exercise). */
  started: boolean;
  next: NextStep | null;
};
