// Spaced review on a real SQLite file: cards created by exercise attempts and
// interview answers (through their routes), the due queue's order, a review
// updating its card and writing a log (and practice before the due date not
// moving it), opening an exercise card on a fresh variant, "I did cover this"
// lifting a review's rating, and a guest's cards moving into an account.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Rating, State } from "ts-fsrs";
import { useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";
import { PARTIAL_ANSWER } from "../support/interviewFixtures";

vi.mock("@/content/interview", async () => ({ interviewQuestions: (await import("../support/interviewFixtures")).fixtureBank }));

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises, findExercise } = await import("@/lib/exercises/catalog");
const { prisma } = await import("@/lib/db/client");
const { recordReview } = await import("@/lib/review/cards");
const { reviewQueue, reviewSummary } = await import("@/lib/review/service");
const exerciseRoute = await import("@/app/api/exercises/[id]/route");
const attemptsRoute = await import("@/app/api/exercises/[id]/attempts/route");
const answersRoute = await import("@/app/api/interview/questions/[id]/answers/route");
const claimsRoute = await import("@/app/api/interview/answers/[answerId]/claims/route");
const cardRoute = await import("@/app/api/review/cards/[cardId]/route");
const openRoute = await import("@/app/api/review/cards/[cardId]/open/route");
const liftRoute = await import("@/app/api/review/answers/[answerId]/lift/route");
const signup = await import("@/app/api/auth/signup/route");
const login = await import("@/app/api/auth/login/route");
const logout = await import("@/app/api/auth/logout/route");

const EXERCISE = "header-fields-data-offset";
const QUESTION = "why-time-wait-2msl";
const PASSWORD = "correct horse battery";
const MINUTE = 60_000;

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

afterEach(() => {
  vi.useRealTimers();
});

async function view(browser: Browser) {
  return (await browser.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } })).body;
}

/** Answers the browser's current variant, right or with the exercise's lowest-scoring listed wrong answer. */
async function attempt(browser: Browser, right: boolean) {
  const { variantSeed } = await view(browser);
  const exercise = findExercise(EXERCISE)!;
  const scoreOf = (raw: unknown) => {
    const parsed = exercise.parse(raw, variantSeed);
    return parsed.ok ? exercise.grade(variantSeed, parsed.value).score : 2;
  };
  const worst = exercise.testAnswers.incorrect(variantSeed).map((w) => w.answer).sort((a, b) => scoreOf(a) - scoreOf(b))[0];
  const answer = right ? exercise.correctAnswer(variantSeed) : worst;
  const response = await browser.call(attemptsRoute.POST as never, `/api/exercises/${EXERCISE}/attempts`, { params: { id: EXERCISE }, json: { variantSeed, answer } });
  expect(response.status).toBe(201);
  return response.body.attempt as { id: string; score: number; variantSeed: number };
}

async function learnerOfAttempt(attemptId: string) {
  return (await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { learnerId: true } })).learnerId;
}

function card(learnerId: string, kind: "exercise" | "question", itemId: string) {
  return prisma.reviewCard.findUnique({ where: { learnerId_kind_itemId: { learnerId, kind, itemId } }, include: { logs: { orderBy: { reviewedAt: "asc" } } } });
}

describe("cards from graded work", () => {
  it("an exercise attempt creates the learner's card and reviews it: a miss is due again in a minute", async () => {
    const browser = new Browser();
    const wrong = await attempt(browser, false);
    expect(wrong.score).toBeLessThan(0.5);
    const learnerId = await learnerOfAttempt(wrong.id);
    const stored = await card(learnerId, "exercise", EXERCISE);
    expect(stored).not.toBeNull();
    expect(stored!.state).toBe(State.Learning);
    expect(stored!.reps).toBe(1);
    expect(stored!.logs).toHaveLength(1);
    expect(stored!.logs[0]).toMatchObject({ rating: Rating.Again, score: wrong.score });
    const attemptRow = await prisma.attempt.findUniqueOrThrow({ where: { id: wrong.id } });
    expect(stored!.due.getTime() - attemptRow.createdAt.getTime()).toBe(MINUTE);

    // A second try at once is practice: the card is not due, nothing moves.
    await attempt(browser, true);
    const after = await card(learnerId, "exercise", EXERCISE);
    expect(after!.logs).toHaveLength(1);
    expect(after!.due).toEqual(stored!.due);

    // The card as the review page reads it.
    const response = await browser.call(cardRoute.GET as never, `/api/review/cards/${stored!.id}`, { params: { cardId: stored!.id } });
    expect(response.status).toBe(200);
    expect(response.body.card).toMatchObject({ id: stored!.id, kind: "exercise", itemId: EXERCISE, due: stored!.due.toISOString(), reps: 1 });
    // Somebody else's card is nobody's.
    const stranger = await new Browser().call(cardRoute.GET as never, `/api/review/cards/${stored!.id}`, { params: { cardId: stored!.id } });
    expect(stranger.status).toBe(404);
  });

  it("an interview answer creates a question card reviewed with the answer's grade", async () => {
    const browser = new Browser();
    const graded = (await browser.call(answersRoute.POST as never, `/api/interview/questions/${QUESTION}/answers`, { params: { id: QUESTION }, json: { answer: PARTIAL_ANSWER } })).body.answer;
    const row = await prisma.interviewAnswer.findUniqueOrThrow({ where: { id: graded.id } });
    const made = await card(row.learnerId, "question", QUESTION);
    expect(made).not.toBeNull();
    expect(made!.reps).toBe(1);
    expect(made!.logs).toHaveLength(1);
    expect(made!.logs[0]!.score).toBe(row.score);
    expect(made!.logs[0]!.reviewedAt.getTime()).toBe(row.createdAt.getTime());
  });

  it("I did cover this (on the question page) lifts the rating of the answer's review (claimed ideas count as found) and replays the card", async () => {
    const browser = new Browser();
    const graded = (await browser.call(answersRoute.POST as never, `/api/interview/questions/${QUESTION}/answers`, { params: { id: QUESTION }, json: { answer: PARTIAL_ANSWER } })).body.answer;
    const row = await prisma.interviewAnswer.findUniqueOrThrow({ where: { id: graded.id } });
    const before = await card(row.learnerId, "question", QUESTION);
    expect(before!.logs.at(-1)!.rating).toBe(Rating.Again);
    const missing = (graded.grade.ideas as { id: string; status: string }[]).filter((idea) => idea.status === "missing").map((idea) => idea.id);
    expect(missing.length).toBeGreaterThan(0);
    for (const ideaId of missing) {
      expect((await browser.call(claimsRoute.POST as never, `/api/interview/answers/${graded.id}/claims`, { params: { answerId: graded.id }, json: { ideaId } })).status).toBe(201);
    }
    // The claim route lifted the review already; the review page's lift route finds nothing more to do.
    const lift = await browser.call(liftRoute.POST as never, `/api/review/answers/${graded.id}/lift`, { params: { answerId: graded.id }, json: {} });
    expect(lift.status).toBe(200);
    expect(lift.body.changed).toBe(false);
    const after = await card(row.learnerId, "question", QUESTION);
    expect(after!.logs).toHaveLength(1);
    expect(after!.logs[0]!.rating).toBeGreaterThan(Rating.Again);
    expect(after!.logs[0]!.score).toBeGreaterThan(row.score);
    expect(after!.due.getTime()).toBeGreaterThan(before!.due.getTime());
    // The stored grade is unchanged; lifting twice changes nothing more.
    expect((await prisma.interviewAnswer.findUniqueOrThrow({ where: { id: graded.id } })).score).toBe(row.score);
    const again = await browser.call(liftRoute.POST as never, `/api/review/answers/${graded.id}/lift`, { params: { answerId: graded.id }, json: {} });
    expect(again.body.changed).toBe(false);
    // Nobody else can lift it.
    expect((await new Browser().call(liftRoute.POST as never, `/api/review/answers/${graded.id}/lift`, { params: { answerId: graded.id }, json: {} })).status).toBe(404);
  });
});

describe("scheduling", () => {
  it("a review updates the card and logs it; practice before the due date does not push it out; a graduated card's miss brings it back", async () => {
    const learner = "learner-schedule";
    const t0 = new Date("2026-12-01T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const first = await recordReview(learner, "exercise", "x-1", 1, t0);
    expect(first).toMatchObject({ applied: true, rating: Rating.Good });
    expect(first.card.due).toEqual(at(10 * MINUTE));
    expect((await recordReview(learner, "exercise", "x-1", 1, at(MINUTE))).applied).toBe(false);
    const graduated = await recordReview(learner, "exercise", "x-1", 0.95, at(11 * MINUTE));
    expect(graduated.applied).toBe(true);
    expect(graduated.card.state).toBe(State.Review);
    expect(graduated.card.reps).toBe(2);
    const due = graduated.card.due;
    expect(due.getTime()).toBeGreaterThan(at(DAY_MS).getTime());
    expect((await recordReview(learner, "exercise", "x-1", 1, at(12 * MINUTE))).card.due).toEqual(due);
    const lapse = await recordReview(learner, "exercise", "x-1", 0.1, at(13 * MINUTE));
    expect(lapse.applied).toBe(true);
    expect(lapse.card.lapses).toBe(1);
    expect(lapse.card.due.getTime()).toBeLessThan(due.getTime());
    const logs = await prisma.reviewLog.findMany({ where: { cardId: first.card.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((log) => [log.rating, log.score])).toEqual([
      [Rating.Good, 1],
      [Rating.Good, 0.95],
      [Rating.Again, 0.1],
    ]);
  });

  it("builds the due queue oldest due first, leaves out cards not yet due or no longer in the course, and tells the next due time", async () => {
    const learner = "learner-queue";
    const now = new Date("2026-12-05T12:00:00Z");
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    // Each first review of a new card puts it 1 minute (miss) or 10 minutes (right) after its time.
    await recordReview(learner, "exercise", "header-bytes-ack-flags", 0, hours(-5));
    await recordReview(learner, "question", QUESTION, 1, hours(-30));
    await recordReview(learner, "exercise", "no-longer-in-the-course", 0, hours(-40));
    await recordReview(learner, "question", "tw-2", 0.6, hours(-2));
    await recordReview(learner, "question", "tw-3", 0, hours(3));
    const queue = await reviewQueue(learner, now);
    expect(queue.items.map((item) => item.itemId)).toEqual([QUESTION, "header-bytes-ack-flags", "tw-2"]);
    expect(queue.items[0]).toMatchObject({ kind: "question", context: "Interview question: TIME-WAIT and 2MSL" });
    expect(queue.items[1]!.title).toBe(findExercise("header-bytes-ack-flags")!.title);
    expect(queue.dueNow).toBe(3);
    expect(queue.total).toBe(4); // the removed exercise's card is kept but not counted
    expect(queue.dueToday).toBe(4); // 15:01 UTC is still today
    expect(queue.nextDue).toBe(new Date(hours(3).getTime() + MINUTE).toISOString());
    // Reviews on Dec 3, 4 and 5 (UTC): a streak of 3 days.
    expect(queue.streak).toBe(3);
    expect(await reviewSummary(learner, now)).toEqual({ dueToday: 4, streak: 3 });
    expect((await reviewQueue("learner-with-nothing", now)).items).toEqual([]);
  });

  it("counts the streak in consecutive UTC days with a review", async () => {
    const learner = "learner-streak";
    const day = (d: number, h = 12) => new Date(Date.UTC(2026, 11, d, h));
    for (const [d, item] of [[1, "a"], [2, "b"], [3, "c"], [3, "d"], [4, "e"]] as const) await recordReview(learner, "exercise", item, 1, day(d, 23));
    expect((await reviewSummary(learner, day(4))).streak).toBe(4);
    expect((await reviewSummary(learner, day(5))).streak).toBe(4);
    expect((await reviewSummary(learner, day(6))).streak).toBe(0);
  });
});

describe("opening an exercise card", () => {
  it("moves the learner to a fresh variant when the current one was answered, and not again on a second open", async () => {
    const browser = new Browser();
    const wrong = await attempt(browser, false);
    const learnerId = await learnerOfAttempt(wrong.id);
    const stored = (await card(learnerId, "exercise", EXERCISE))!;
    const opened = await browser.call(openRoute.POST as never, `/api/review/cards/${stored.id}/open`, { params: { cardId: stored.id }, json: {} });
    expect(opened.status).toBe(200);
    expect(opened.body.card).toMatchObject({ kind: "exercise", itemId: EXERCISE });
    const fresh = await view(browser);
    expect(fresh.variantSeed).not.toBe(wrong.variantSeed);
    expect(fresh.attempts.some((a: { variantSeed: number }) => a.variantSeed === fresh.variantSeed)).toBe(false);
    await browser.call(openRoute.POST as never, `/api/review/cards/${stored.id}/open`, { params: { cardId: stored.id }, json: {} });
    expect((await view(browser)).variantSeed).toBe(fresh.variantSeed);
    expect((await new Browser().call(openRoute.POST as never, `/api/review/cards/${stored.id}/open`, { params: { cardId: stored.id }, json: {} })).status).toBe(404);
  });
});

describe("guest to account", () => {
  it("moves a guest's cards and logs into the account at sign-up", async () => {
    const browser = new Browser();
    const wrong = await attempt(browser, false);
    const guestId = await learnerOfAttempt(wrong.id);
    const guestCard = (await card(guestId, "exercise", EXERCISE))!;
    expect((await browser.call(signup.POST as never, "/api/auth/signup", { json: { email: "review-guest@example.com", password: PASSWORD } })).status).toBe(201);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "review-guest@example.com" } });
    const moved = await prisma.reviewCard.findUniqueOrThrow({ where: { id: guestCard.id }, include: { logs: true } });
    expect(moved.learnerId).toBe(user.learnerId);
    expect(moved.logs).toHaveLength(1);
  });

  it("at sign-in, keeps the card reviewed last where guest and account both have one, and moves the rest", async () => {
    const account = new Browser();
    expect((await account.call(signup.POST as never, "/api/auth/signup", { json: { email: "review-both@example.com", password: PASSWORD } })).status).toBe(201);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "review-both@example.com" } });
    const old = await recordReview(user.learnerId, "exercise", EXERCISE, 1, new Date(Date.now() - 5 * 86_400_000));
    await recordReview(user.learnerId, "question", "tw-2", 1, new Date(Date.now() - 86_400_000));
    await account.call(logout.POST as never, "/api/auth/logout", { json: {} });

    const guest = new Browser();
    const wrong = await attempt(guest, false);
    const guestId = await learnerOfAttempt(wrong.id);
    const guestCard = (await card(guestId, "exercise", EXERCISE))!;
    await recordReview(guestId, "question", "hs-1", 0.7, new Date());
    expect((await guest.call(login.POST as never, "/api/auth/login", { json: { email: "review-both@example.com", password: PASSWORD } })).status).toBe(200);

    const cards = await prisma.reviewCard.findMany({ where: { learnerId: user.learnerId }, orderBy: { itemId: "asc" } });
    expect(cards.map((c) => `${c.kind}:${c.itemId}`).sort()).toEqual([`exercise:${EXERCISE}`, "question:hs-1", "question:tw-2"]);
    expect(cards.find((c) => c.itemId === EXERCISE)!.id).toBe(guestCard.id);
    expect(await prisma.reviewCard.findUnique({ where: { id: old.card.id } })).toBeNull();
    expect(await prisma.reviewCard.count({ where: { learnerId: guestId } })).toBe(0);
  });
});

const DAY_MS = 86_400_000;
