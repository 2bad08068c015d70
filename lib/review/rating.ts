// From a grade to an FSRS rating (decision record 0011, "Spaced review").
// Pure.
//
//   score >= 0.9  -> Good    (what a right answer means; see below for Easy)
//   0.5 .. < 0.9  -> Hard    (mostly there: recalled with gaps)
//   score <  0.5  -> Again   (not recalled)
//
// Never Easy: we do not measure how fast or how effortlessly the learner
// answered, and an auto-graded exercise can be right by a lucky pick, so a
// right answer is Good and FSRS lengthens the interval through stability.
// Hints seen on the variant cap the rating at Hard: the learner was helped.
// For free text, ideas the learner says they covered ("I did cover this")
// count as found when the rating is computed (`liftedScore`); the stored
// score is not changed.
import { Rating, type Grade } from "ts-fsrs";

export const GOOD_FROM = 0.9;
export const HARD_FROM = 0.5;

export type RatingContext = {
  /** Hints the learner had seen on the variant they answered. */
  hintsUsed?: number;
};

export function ratingFor(score: number, context: RatingContext = {}): Grade {
  const rating = !(score >= HARD_FROM) ? Rating.Again : score >= GOOD_FROM ? Rating.Good : Rating.Hard;
  if ((context.hintsUsed ?? 0) > 0 && rating > Rating.Hard) return Rating.Hard;
  return rating;
}

export const RATING_NAMES: Record<Grade, string> = {
  [Rating.Again]: "Again",
  [Rating.Hard]: "Hard",
  [Rating.Good]: "Good",
  [Rating.Easy]: "Easy",
};

/** The parts of a free-text grade the lift needs (lib/interview/grading.ts InterviewGrade fits). */
export type FreeTextGrade = {
  score: number;
  empty?: boolean;
  salad?: boolean;
  ideas: { id: string; weight: number; status: string }[];
};

/**
 * The score with every claimed idea the grader reported missing counted as
 * found (the claims grader's score is weight found over total weight, less
 * penalties, so each claimed idea adds its weight). An empty answer or a
 * list of terms is not lifted: there is no sentence the claim could be about.
 */
export function liftedScore(grade: FreeTextGrade, claims: readonly string[]): number {
  if (grade.empty || grade.salad) return grade.score;
  const total = grade.ideas.reduce((sum, idea) => sum + idea.weight, 0);
  if (!(total > 0)) return grade.score;
  const claimed = new Set(claims);
  const added = grade.ideas.filter((idea) => idea.status === "missing" && claimed.has(idea.id)).reduce((sum, idea) => sum + idea.weight, 0);
  return Math.round(Math.min(1, grade.score + added / total) * 100) / 100;
}
