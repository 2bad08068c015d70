// When a graded answer counts as a review, and what FSRS (ts-fsrs) does with it.
import { describe, expect, it } from "vitest";
import { Rating, State } from "ts-fsrs";
import { countsAsReview, newCardState, replay, review } from "@/lib/review/scheduler";

const t0 = new Date("2026-12-01T10:00:00Z");
const after = (ms: number) => new Date(t0.getTime() + ms);
const DAY = 86_400_000;

describe("FSRS through ts-fsrs, default steps", () => {
  it("puts a missed new card back in a minute, a right one in 10 minutes, and graduates it to days", () => {
    const card = newCardState(t0);
    expect(card.due).toEqual(t0);
    expect(review(card, Rating.Again, 0, t0).card.due).toEqual(after(60_000));
    const good = review(card, Rating.Good, 1, t0).card;
    expect(good.due).toEqual(after(10 * 60_000));
    const graduated = review(good, Rating.Good, 1, after(10 * 60_000)).card;
    expect(graduated.state).toBe(State.Review);
    expect(graduated.due.getTime() - after(10 * 60_000).getTime()).toBeGreaterThanOrEqual(DAY);
  });

  it("logs the rating, the score and the review time", () => {
    const { log } = review(newCardState(t0), Rating.Hard, 0.7, t0);
    expect(log).toMatchObject({ rating: Rating.Hard, score: 0.7, reviewedAt: t0, state: State.New });
  });
});

describe("countsAsReview", () => {
  it("always counts a due card (a new card is due when created)", () => {
    const card = newCardState(t0);
    for (const rating of [Rating.Again, Rating.Hard, Rating.Good] as const) expect(countsAsReview(card, rating, t0)).toBe(true);
  });

  it("does not let practice before the due date push a card further out", () => {
    let card = review(newCardState(t0), Rating.Good, 1, t0).card;
    card = review(card, Rating.Good, 1, after(10 * 60_000)).card; // graduated, due in days
    expect(countsAsReview(card, Rating.Good, after(DAY / 2))).toBe(false);
    expect(countsAsReview(card, Rating.Hard, after(DAY / 2))).toBe(false);
  });

  it("brings a graduated card back on a failure before its due date, but not a card still in its learning steps", () => {
    let card = review(newCardState(t0), Rating.Good, 1, t0).card;
    expect(countsAsReview(card, Rating.Again, after(60_000))).toBe(false); // learning: due in 10 min anyway
    card = review(card, Rating.Good, 1, after(10 * 60_000)).card;
    expect(countsAsReview(card, Rating.Again, after(DAY / 2))).toBe(true);
  });
});

describe("replay", () => {
  it("rebuilds the same card from its reviews, and a lifted last rating schedules it later", () => {
    const reviews = [
      { rating: Rating.Good as const, score: 1, reviewedAt: t0 },
      { rating: Rating.Hard as const, score: 0.6, reviewedAt: after(10 * 60_000) },
    ];
    let card = newCardState(t0);
    for (const r of reviews) card = review(card, r.rating, r.score, r.reviewedAt).card;
    const replayed = replay(t0, reviews);
    expect(replayed.card).toEqual(card);
    expect(replayed.logs).toHaveLength(2);
    const lifted = replay(t0, [reviews[0]!, { ...reviews[1]!, rating: Rating.Good }]);
    expect(lifted.card.due.getTime()).toBeGreaterThan(card.due.getTime());
  });
});
