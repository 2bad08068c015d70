// The grading policy through the real routes on a real SQLite file (decision
// record 0009): what a wrong answer shows, when the solution appears, what
// earns credit, and the requests a forged client would try.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises, findExercise } = await import("@/lib/exercises/catalog");
const exerciseRoute = await import("@/app/api/exercises/[id]/route");
const attemptsRoute = await import("@/app/api/exercises/[id]/attempts/route");
const variantsRoute = await import("@/app/api/exercises/[id]/variants/route");
const solutionRoute = await import("@/app/api/exercises/[id]/solution/route");
const hintsRoute = await import("@/app/api/exercises/[id]/hints/route");
const claimsRoute = await import("@/app/api/attempts/[attemptId]/claims/route");
const signupRoute = await import("@/app/api/auth/signup/route");
const loginRoute = await import("@/app/api/auth/login/route");
const { hasOneAnswer } = await import("@/lib/exercises/answerVariety");

/** Variants with different answers. */
const MANY = "header-bytes-ack-flags";
/** A free-text explanation: one model answer for every variant. */
const ONE = "header-fields-why-pseudo-header";
const WRONG = { ack: "7", flags: ["ack"] };

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

class Learner {
  browser = new Browser();
  view(id = MANY) {
    return this.browser.call(exerciseRoute.GET as never, `/api/exercises/${id}`, { params: { id } });
  }
  submit(variantSeed: number, answer: unknown, id = MANY) {
    return this.browser.call(attemptsRoute.POST as never, `/api/exercises/${id}/attempts`, { params: { id }, json: { variantSeed, answer } });
  }
  showSolution(variantSeed: number, id = MANY) {
    return this.browser.call(solutionRoute.POST as never, `/api/exercises/${id}/solution`, { params: { id }, json: { variantSeed } });
  }
  hint(variantSeed: number, id = MANY) {
    return this.browser.call(hintsRoute.POST as never, `/api/exercises/${id}/hints`, { params: { id }, json: { variantSeed } });
  }
  anotherVariant(id = MANY) {
    return this.browser.call(variantsRoute.POST as never, `/api/exercises/${id}/variants`, { params: { id }, json: {} });
  }
  claim(attemptId: string, ideaId: string) {
    return this.browser.call(claimsRoute.POST as never, `/api/attempts/${attemptId}/claims`, { params: { attemptId }, json: { ideaId } });
  }
}

const correct = (id: string, seed: number) => findExercise(id)!.correctAnswer(seed);

describe("attempts and the worked solution", () => {
  it("gives feedback without the answer after a wrong answer, then solves with full credit on the next try less one penalty", async () => {
    const learner = new Learner();
    const seed = (await learner.view()).body.variantSeed as number;
    const wrong = await learner.submit(seed, WRONG);
    expect(wrong.status).toBe(201);
    expect(wrong.body.attempt.feedback.solution).toBeUndefined();
    expect(wrong.body.view.current).toMatchObject({ open: true, attemptsLeft: 2, solution: null });
    const right = await learner.submit(seed, correct(MANY, seed));
    expect(right.body.attempt.score).toBe(1);
    expect(right.body.attempt.feedback.solution).toEqual(expect.any(String));
    expect(right.body.view.standing).toEqual({ solved: true, attemptsUsed: 2, score: 0.8, practiceOnly: false });
    // coming back: the solve is shown with its answer and solution, not a blank question
    const back = await learner.view();
    expect(back.body.solvedBy.answerLines.length).toBeGreaterThan(0);
    expect(back.body.solvedBy.feedback.solution).toEqual(expect.any(String));
    // the wrong attempt's solution shows now too: its variant was solved
    expect(back.body.attempts.every((a: { feedback: { solution?: string } }) => typeof a.feedback.solution === "string")).toBe(true);
  });

  it("shows the solution after three wrong attempts, then refuses that variant; a fresh variant can still be solved for credit", async () => {
    const learner = new Learner();
    const seed = (await learner.view()).body.variantSeed as number;
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await learner.submit(seed, { ...WRONG, ack: String(i + 1) }));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(replies[1]!.body.attempt.feedback.solution).toBeUndefined();
    expect(replies[2]!.body.attempt.feedback.solution).toEqual(expect.any(String));
    expect(replies[2]!.body.view.current).toMatchObject({ open: false, revealed: true, solution: expect.any(String) });
    // resubmitting the revealed answer on the revealed variant does not count
    const late = await learner.submit(seed, correct(MANY, seed));
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/seen this variant's solution/);
    expect((await learner.view()).body.standing.solved).toBe(false);
    const fresh = await learner.anotherVariant();
    expect(fresh.status).toBe(201);
    const next = fresh.body.variantSeed as number;
    expect(next).not.toBe(seed);
    const solved = await learner.submit(next, correct(MANY, next));
    expect(solved.body.attempt.credited).toBe(true);
    // three wrong attempts and one solution seen before: the floor
    expect(solved.body.view.standing).toEqual({ solved: true, attemptsUsed: 4, score: 0.5, practiceOnly: false });
  });

  it("'Show solution' marks the variant revealed: no more answers on it, and the solution comes back", async () => {
    const learner = new Learner();
    const seed = (await learner.view()).body.variantSeed as number;
    const shown = await learner.showSolution(seed);
    expect(shown.status).toBe(200);
    expect(shown.body.current).toMatchObject({ revealed: true, open: false, canEarnCredit: false, solution: expect.any(String) });
    const forged = await learner.submit(seed, correct(MANY, seed));
    expect(forged.status).toBe(409);
    expect(forged.body.currentVariantSeed).toBe(seed);
    expect((await learner.view()).body.attempts).toHaveLength(0);
  });

  it("refuses a stale or invented variant on every route that acts on one", async () => {
    const learner = new Learner();
    const seed = (await learner.view()).body.variantSeed as number;
    const other = (seed + 1) >>> 0;
    expect((await learner.submit(other, correct(MANY, other))).status).toBe(409);
    expect((await learner.showSolution(other)).status).toBe(409);
    expect((await learner.hint(other)).status).toBe(409);
    // and the real variant is untouched
    expect((await learner.view()).body.current).toMatchObject({ open: true, revealed: false, attemptsLeft: 3 });
  });

  it("records hints shown before a solve and takes them off its credit", async () => {
    const learner = new Learner();
    const first = await learner.view();
    const seed = first.body.variantSeed as number;
    expect(first.body.variant.hints).toBeUndefined();
    expect(first.body.hints.shown).toEqual([]);
    if (first.body.hints.total === 0) return;
    const hinted = await learner.hint(seed);
    expect(hinted.body.hints.shown).toHaveLength(1);
    const solved = await learner.submit(seed, correct(MANY, seed));
    expect(solved.body.attempt.hintsUsed).toBe(1);
    expect(solved.body.view.standing.score).toBe(0.9);
  });

  it("answers a malformed action request with a 4xx that says what is wrong", async () => {
    const learner = new Learner();
    const bad = await learner.browser.call(solutionRoute.POST as never, `/api/exercises/${MANY}/solution`, { params: { id: MANY }, json: { seed: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/variantSeed/);
    const unknown = await learner.showSolution(1, "no-such-exercise");
    expect(unknown.status).toBe(404);
  });
});

describe("an exercise whose variants share one answer", () => {
  it("is detected as such", () => {
    expect(hasOneAnswer(findExercise(ONE)!)).toBe(true);
    expect(hasOneAnswer(findExercise(MANY)!)).toBe(false);
  });

  it("earns no credit once its answer was shown: later correct answers are practice", async () => {
    const learner = new Learner();
    const seed = (await learner.view(ONE)).body.variantSeed as number;
    await learner.showSolution(seed, ONE);
    const next = (await learner.anotherVariant(ONE)).body;
    expect(next.current.canEarnCredit).toBe(false);
    expect(next.standing.practiceOnly).toBe(true);
    const practice = await learner.submit(next.variantSeed, correct(ONE, next.variantSeed), ONE);
    expect(practice.status).toBe(201);
    expect(practice.body.attempt).toMatchObject({ score: 1, credited: false });
    expect(practice.body.view.standing).toMatchObject({ solved: false, score: 0, practiceOnly: true });
  });
});

describe("I did say this", () => {
  it("stores a claim on an idea the grader found missing, only for the attempt's owner and only for a missing idea", async () => {
    const learner = new Learner();
    const seed = (await learner.view(ONE)).body.variantSeed as number;
    const partial = "The checksum covers the IP addresses too, through a pseudo-header built from the IP header.";
    const graded = await learner.submit(seed, { text: partial }, ONE);
    expect(graded.status).toBe(201);
    const items = graded.body.attempt.feedback.items as { idea?: { id: string; status: string } }[];
    const missing = items.find((i) => i.idea?.status === "missing")?.idea?.id;
    const found = items.find((i) => i.idea?.status === "found")?.idea?.id;
    expect(missing).toBeDefined();
    const claimed = await learner.claim(graded.body.attempt.id, missing!);
    expect(claimed.status).toBe(201);
    expect(claimed.body.claims).toEqual([missing]);
    expect((await learner.view(ONE)).body.attempts[0].claims).toEqual([missing]);
    if (found) expect((await learner.claim(graded.body.attempt.id, found)).status).toBe(422);
    expect((await learner.claim(graded.body.attempt.id, "no-such-idea")).status).toBe(422);
    const stranger = new Learner();
    await stranger.view(ONE);
    expect((await stranger.claim(graded.body.attempt.id, missing!)).status).toBe(404);
  });
});

describe("signing in", () => {
  it("keeps a solution seen as a guest: a one-answer exercise stays practice only in the account", async () => {
    const owner = new Learner();
    const credentials = { email: "reveal@example.com", password: "correct horse battery" };
    expect((await owner.browser.call(signupRoute.POST as never, "/api/auth/signup", { json: credentials })).status).toBe(201);
    const guest = new Learner();
    const seed = (await guest.view(ONE)).body.variantSeed as number;
    await guest.showSolution(seed, ONE);
    expect((await guest.browser.call(loginRoute.POST as never, "/api/auth/login", { json: credentials })).status).toBe(200);
    const view = (await guest.view(ONE)).body;
    expect(view.standing.practiceOnly).toBe(true);
    expect(view.current.canEarnCredit).toBe(false);
  });
});
