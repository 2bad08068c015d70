// Spaced review's entry points for graded work (decision record 0011): every
// exercise attempt and every interview answer calls `recordReview`, which
// creates the learner's card for the item if absent and applies the grade as
// an FSRS review when it counts (scheduler.ts `countsAsReview`). Server-only.
import "server-only";
import type { AttemptReview } from "@/lib/db/attempts";
import { findCard, withCard, type ReviewKind, type StoredCard } from "@/lib/db/review";
import { ratingFor, type RatingContext } from "./rating";
import { countsAsReview, newCardState, replay, review } from "./scheduler";
import type { Grade } from "ts-fsrs";

export type { ReviewKind, StoredCard } from "@/lib/db/review";

export type ReviewOutcome = {
  card: StoredCard;
  /** The rating the grade gave. */
  rating: Grade;
  /** False: the card was not due, so the answer did not move it (practice). */
  applied: boolean;
};

/**
 * Records a graded answer (score 0..1 at time `at`, the attempt's or answer's
 * own creation time) for the learner's card of the item: creates the card if
 * absent and applies the review if it counts.
 */
export async function recordReview(
  learnerId: string,
  kind: ReviewKind,
  itemId: string,
  score: number,
  at: Date,
  context: RatingContext = {},
): Promise<ReviewOutcome> {
  const rating = ratingFor(score, context);
  const { result, card } = await withCard(learnerId, kind, itemId, at, newCardState(at), async (card) => {
    if (!countsAsReview(card, rating, at)) return { result: false };
    return { result: true, change: { review: review(card, rating, score, at) } };
  });
  return { card, rating, applied: result };
}

/**
 * `recordReview` for an exercise attempt, as a step of the attempt's own
 * transaction (lib/db/attempts.ts withExerciseRecords): the same card, rating
 * and rules, so the attempt and its review are stored together or not at all.
 */
export function attemptReview(context: (attempt: { hintsUsed: number }) => RatingContext): AttemptReview {
  return {
    initial: newCardState,
    decide(card, attempt) {
      const rating = ratingFor(attempt.score, context(attempt));
      return countsAsReview(card, rating, attempt.createdAt) ? review(card, rating, attempt.score, attempt.createdAt) : undefined;
    },
  };
}

/**
 * A past answer's rating went up ("I did cover this" on an interview answer):
 * `score` is the lifted score, `at` the answer's time. Only the card's latest
 * review can change, and only upwards, and only if it was that answer's
 * (an answer that did not count as a review has nothing to revise); the
 * card is then replayed from its reviews. Returns the card, or null if the
 * learner has none for the item.
 */
export async function reviseReview(learnerId: string, kind: ReviewKind, itemId: string, score: number, at: Date): Promise<ReviewOutcome | null> {
  const existing = await findCard(learnerId, kind, itemId);
  if (!existing) return null;
  const rating = ratingFor(score);
  const { result, card } = await withCard(learnerId, kind, itemId, at, newCardState(at), async (card, readLogs) => {
    const logs = await readLogs();
    const last = logs.at(-1);
    if (!last || last.reviewedAt.getTime() !== at.getTime() || rating <= last.rating) return { result: false };
    const reviews = logs.map((log) => ({ rating: log.rating, score: log.score, reviewedAt: log.reviewedAt }));
    reviews[reviews.length - 1] = { rating, score, reviewedAt: at };
    return { result: true, change: { replayed: replay(card.createdAt, reviews) } };
  });
  return { card, rating, applied: result };
}
