// The grade -> FSRS rating rule (lib/review/rating.ts, decision record 0011).
import { describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import { liftedScore, ratingFor } from "@/lib/review/rating";

describe("ratingFor", () => {
  it("maps scores to Again below 0.5, Hard from 0.5, Good from 0.9, never Easy", () => {
    expect(ratingFor(0)).toBe(Rating.Again);
    expect(ratingFor(0.49)).toBe(Rating.Again);
    expect(ratingFor(0.5)).toBe(Rating.Hard);
    expect(ratingFor(0.89)).toBe(Rating.Hard);
    expect(ratingFor(0.9)).toBe(Rating.Good);
    expect(ratingFor(1)).toBe(Rating.Good);
  });

  it("treats a score that is not a number as a miss", () => {
    expect(ratingFor(Number.NaN)).toBe(Rating.Again);
  });

  it("caps a helped answer (hints seen) at Hard, and leaves misses alone", () => {
    expect(ratingFor(1, { hintsUsed: 1 })).toBe(Rating.Hard);
    expect(ratingFor(0.6, { hintsUsed: 2 })).toBe(Rating.Hard);
    expect(ratingFor(0.2, { hintsUsed: 1 })).toBe(Rating.Again);
    expect(ratingFor(1, { hintsUsed: 0 })).toBe(Rating.Good);
  });
});

describe("liftedScore", () => {
  const grade = {
    score: 0.5,
    ideas: [
      { id: "a", weight: 1, status: "found" },
      { id: "b", weight: 2, status: "found" },
      { id: "c", weight: 2, status: "missing" },
      { id: "d", weight: 1, status: "missing" },
    ],
  };

  it("counts each claimed missing idea as found (its weight over the total)", () => {
    expect(liftedScore(grade, ["c"])).toBeCloseTo(0.83, 2);
    expect(liftedScore(grade, ["c", "d"])).toBe(1);
    expect(ratingFor(liftedScore(grade, ["c", "d"]))).toBe(Rating.Good);
  });

  it("ignores claims on found or unknown ideas, and never goes past 1", () => {
    expect(liftedScore(grade, ["a", "zzz"])).toBe(0.5);
    expect(liftedScore({ ...grade, score: 0.9 }, ["c", "d"])).toBe(1);
  });

  it("does not lift an empty answer or a list of terms", () => {
    expect(liftedScore({ ...grade, score: 0, empty: true }, ["c", "d"])).toBe(0);
    expect(liftedScore({ ...grade, score: 0, salad: true }, ["c", "d"])).toBe(0);
  });
});
