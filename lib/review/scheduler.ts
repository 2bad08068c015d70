// The FSRS scheduler (ts-fsrs, not our own) and the rules around it: when a
// graded answer counts as a review, and the card's state as stored fields
// (ReviewCard). Pure; the database side is lib/db/review.ts.
//
// Parameters are ts-fsrs's defaults: 90 % retention, FSRS-6 weights, no fuzz
// (the same answers give the same dates, which replay() relies on), learning
// steps 1 min and 10 min, relearning 10 min. A miss (Again) on a new or
// learning card is due again in 1 minute; ts-fsrs rounds steps to whole
// minutes and a 0-minute step graduates the card, so 1 minute is the shortest
// possible and the end-to-end test waits for it rather than changing it.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade } from "ts-fsrs";

/** A card's scheduling state as ReviewCard stores it. */
export type CardState = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning */
  state: number;
  lastReview: Date | null;
};

/** What a review writes to ReviewLog besides the card. */
export type LogEntry = {
  rating: Grade;
  score: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reviewedAt: Date;
};

let instance: FSRS | undefined;

export function scheduler(): FSRS {
  instance ??= fsrs(generatorParameters({ enable_fuzz: false }));
  return instance;
}

export function newCardState(at: Date): CardState {
  return fromFsrs(createEmptyCard(at));
}

export function toFsrs(state: CardState): Card {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as State,
    ...(state.lastReview ? { last_review: state.lastReview } : {}),
  };
}

export function fromFsrs(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/**
 * Whether a graded answer at `at` is applied to the card as a review. A due
 * card (new cards are due when created) always. A card not yet due only on a
 * failure (Again) once it has graduated to review: practice before the due
 * date never pushes a card further out, but forgetting something the
 * schedule thought known brings it back at once.
 */
export function countsAsReview(card: CardState, rating: Grade, at: Date): boolean {
  if (card.due.getTime() <= at.getTime()) return true;
  return rating === Rating.Again && card.state === State.Review;
}

export function review(card: CardState, rating: Grade, score: number, at: Date): { card: CardState; log: LogEntry } {
  const { card: next, log } = scheduler().next(toFsrs(card), at, rating);
  return {
    card: fromFsrs(next),
    log: {
      rating,
      score,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      scheduledDays: log.scheduled_days,
      reviewedAt: at,
    },
  };
}

/**
 * The card rebuilt from its reviews (oldest first): what a changed rating of
 * a past review (an "I did cover this" claim) needs, since FSRS state depends
 * on every review before.
 */
export function replay(createdAt: Date, reviews: readonly { rating: Grade; score: number; reviewedAt: Date }[]): { card: CardState; logs: LogEntry[] } {
  let card = newCardState(createdAt);
  const logs: LogEntry[] = [];
  for (const r of reviews) {
    const step = review(card, r.rating, r.score, r.reviewedAt);
    card = step.card;
    logs.push(step.log);
  }
  return { card, logs };
}
