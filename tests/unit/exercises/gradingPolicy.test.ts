// The grading policy (decision record 0009) as plain functions over records.
import { describe, expect, it } from "vitest";
import { creditForSolve, exerciseStanding, variantStanding, type AttemptRecord, type RevealRecord } from "@/lib/exercises/gradingPolicy";

let clock = 0;
const at = () => new Date(Date.UTC(2026, 10, 30) + clock++ * 1000);
const attempt = (variantSeed: number, score: number, extra: Partial<AttemptRecord> = {}): AttemptRecord => ({
  variantSeed,
  score,
  credited: true,
  hintsUsed: 0,
  createdAt: at(),
  ...extra,
});
const reveal = (variantSeed: number, reason: RevealRecord["reason"] = "requested"): RevealRecord => ({ variantSeed, reason, createdAt: at() });
const options = { attemptsPerVariant: 3, oneAnswer: false };

describe("a variant", () => {
  it("starts open with every attempt left and its solution hidden", () => {
    const v = variantStanding(7, [], [], options);
    expect(v).toMatchObject({ open: true, attemptsLeft: 3, canEarnCredit: true, solutionVisible: false, solved: false, revealed: false });
  });

  it("counts wrong attempts down and keeps the solution hidden after a wrong answer", () => {
    const v = variantStanding(7, [attempt(7, 0), attempt(7, 0.5), attempt(8, 0)], [], options);
    expect(v.wrongAttempts).toBe(2);
    expect(v.attemptsLeft).toBe(1);
    expect(v.solutionVisible).toBe(false);
  });

  it("shows its solution once solved, and takes no more answers", () => {
    const v = variantStanding(7, [attempt(7, 0), attempt(7, 1)], [], options);
    expect(v).toMatchObject({ solved: true, open: false, solutionVisible: true, attemptsLeft: null });
  });

  it("closes and earns no credit once its solution was shown", () => {
    const v = variantStanding(7, [attempt(7, 0)], [reveal(7)], options);
    expect(v).toMatchObject({ revealed: true, open: false, canEarnCredit: false, solutionVisible: true });
  });

  it("earns credit on a fresh variant after another variant was revealed, when variants have different answers", () => {
    expect(variantStanding(8, [], [reveal(7)], options).canEarnCredit).toBe(true);
  });

  it("earns no credit on any variant once the one answer they all share was shown", () => {
    const v = variantStanding(8, [], [reveal(7)], { ...options, oneAnswer: true });
    expect(v.open).toBe(true);
    expect(v.canEarnCredit).toBe(false);
  });
});

describe("an exercise's standing", () => {
  it("gives full credit for a first-try solve with no hint", () => {
    expect(exerciseStanding([attempt(1, 1)], [], { oneAnswer: false })).toEqual({ solved: true, attemptsUsed: 1, score: 1, practiceOnly: false });
  });

  it("gives less credit after wrong attempts, hints and solutions seen, but at least half", () => {
    expect(creditForSolve(1, 0, 0)).toBe(0.8);
    expect(creditForSolve(0, 0, 2)).toBe(0.8);
    expect(creditForSolve(1, 1, 1)).toBe(0.5);
    expect(creditForSolve(9, 3, 4)).toBe(0.5);
    const s = exerciseStanding([attempt(1, 0), attempt(1, 0.5), attempt(1, 1, { hintsUsed: 1 })], [], { oneAnswer: false });
    expect(s.score).toBe(0.5);
  });

  it("is not solved by a correct answer given after the answer was seen (practice)", () => {
    const s = exerciseStanding([attempt(2, 1, { credited: false })], [reveal(1)], { oneAnswer: true });
    expect(s).toEqual({ solved: false, attemptsUsed: 1, score: 0, practiceOnly: true });
  });

  it("counts a solution seen on an earlier variant against the later solve", () => {
    const s = exerciseStanding([attempt(1, 0), attempt(1, 0), attempt(1, 0), attempt(2, 1)], [reveal(1, "attempts-used")], { oneAnswer: false });
    expect(s.solved).toBe(true);
    expect(s.score).toBe(0.5);
  });

  it("scores an unsolved exercise 0, whatever partial scores its attempts had", () => {
    expect(exerciseStanding([attempt(1, 0.9), attempt(1, 0.75)], [], { oneAnswer: false }).score).toBe(0);
  });
});
