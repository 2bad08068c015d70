// The FSRS scheduler (ts-fsrs, not our own) and the rules around it: when a
// graded answer counts as a review, and the card's state as stored fields
// (ReviewCard). Pure; the database side is lib/db/review.ts.
//
// Parameters are ts-fsrs's defaults (90 % retention, FSRS-6 weights, no fuzz,
// learning steps 1 min and 10 min, relearning 10 min), except that
// REVIEW_LEARNING_STEPS (comma-separated ts-fsrs steps, e.g. "0m") replaces
// both step lists. Only the end-to-end server sets it ("0m", so a failed
// attempt's card is due at once and the e2e can review it without waiting a
// minute); it changes when a card comes back, never what is graded.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade, type StepUnit } from "ts-fsrs";

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

export function parseSteps(text: string | undefined): StepUnit[] | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const steps = text.split(",").map((s) => s.trim());
  if (!steps.every((s) => /^\d+[mhd]$/.test(s))) throw new Error(`REVIEW_LEARNING_STEPS: expected steps like "1m,10m", got "${text}"`);
  return steps as StepUnit[];
}

let cached: { key: string | undefined; scheduler: FSRS } | undefined;

/** The scheduler, built once per value of REVIEW_LEARNING_STEPS. */
export function scheduler(): FSRS {
  const key = process.env.REVIEW_LEARNING_STEPS;
  if (!cached || cached.key !== key) {
    const steps = parseSteps(key);
    const parameters = generatorParameters(steps ? { learning_steps: steps, relearning_steps: steps } : {});
    cached = { key, scheduler: fsrs(parameters) };
  }
  return cached.scheduler;
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
