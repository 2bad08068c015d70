// Assignment scores under the assignment's own policy (decision record 0010).
import { describe, expect, it } from "vitest";
import { assignmentResult, itemResult, type AssignmentPolicy, type GradedAttempt } from "@/lib/teaching/assignmentScore";

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 11, d, h));
const policy = (over: Partial<AssignmentPolicy> = {}): AssignmentPolicy => ({
  opensAt: day(1, 0),
  dueAt: day(8, 0),
  maxAttempts: null,
  counts: "best",
  latePolicy: "refuse",
  ...over,
});
const attempt = (exerciseId: string, score: number, at: Date, credited = true): GradedAttempt => ({ exerciseId, score, credited, createdAt: at });

describe("one exercise of an assignment", () => {
  it("ignores work done before the assignment opened, wherever it was done", () => {
    const r = itemResult(policy(), "x", [attempt("x", 1, new Date(Date.UTC(2026, 10, 30))), attempt("x", 0.5, day(2))]);
    expect(r.score).toBe(0.5);
    expect(r.counted).toHaveLength(1);
  });

  it("takes the best or the last counted attempt, as the policy says", () => {
    const attempts = [attempt("x", 1, day(2)), attempt("x", 0.25, day(3))];
    expect(itemResult(policy({ counts: "best" }), "x", attempts).score).toBe(1);
    expect(itemResult(policy({ counts: "last" }), "x", attempts).score).toBe(0.25);
  });

  it("counts only the first N attempts in the window", () => {
    const attempts = [attempt("x", 0, day(2)), attempt("x", 0.5, day(3)), attempt("x", 1, day(4))];
    const r = itemResult(policy({ maxAttempts: 2 }), "x", attempts);
    expect(r.score).toBe(0.5);
    expect(r.overLimit).toBe(1);
  });

  it("gives no credit after the due time under 'refuse', and marks it late under 'accept'", () => {
    const attempts = [attempt("x", 0.5, day(7)), attempt("x", 1, day(9))];
    expect(itemResult(policy({ latePolicy: "refuse" }), "x", attempts)).toMatchObject({ score: 0.5, late: false });
    expect(itemResult(policy({ latePolicy: "accept" }), "x", attempts)).toMatchObject({ score: 1, late: true });
  });

  it("gives nothing for a correct answer the learner gave after seeing it", () => {
    expect(itemResult(policy(), "x", [attempt("x", 1, day(2), false)]).score).toBe(0);
  });
});

describe("a whole assignment", () => {
  const items = ["a", "b"];
  it("is not started, then in progress, then done", () => {
    expect(assignmentResult(policy(), items, [], day(2)).status).toBe("not-started");
    expect(assignmentResult(policy(), items, [attempt("a", 1, day(2))], day(3))).toMatchObject({ status: "in-progress", score: 0.5 });
    expect(assignmentResult(policy(), items, [attempt("a", 1, day(2)), attempt("b", 1, day(3))], day(4))).toMatchObject({ status: "done", score: 1 });
  });

  it("is late once the due time passed without every exercise solved on time", () => {
    expect(assignmentResult(policy(), items, [attempt("a", 1, day(2))], day(9)).status).toBe("late");
    const doneLate = assignmentResult(policy({ latePolicy: "accept" }), items, [attempt("a", 1, day(2)), attempt("b", 1, day(9))], day(10));
    expect(doneLate).toMatchObject({ status: "late", late: true, score: 1 });
  });
});
