// The interview track through its route handlers on a real SQLite file:
// grading a drilled answer, the empty answer and the 4 KB limit, "I did cover
// this" (missing ideas only, owner only), the mock interview's clock kept by
// the server (late answers refused, each question once, finishing once), its
// report, and a guest's interview work moving into an account at sign-in.
// The bank is a fixture (tests/support/interviewFixtures.ts), so these tests
// do not depend on how many questions content/interview holds.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";
import { fixtureBank, PARTIAL_ANSWER, RIGHT_ANSWER } from "../support/interviewFixtures";

vi.mock("@/content/interview", async () => ({ interviewQuestions: (await import("../support/interviewFixtures")).fixtureBank }));

useFreshDatabase();
const answers = await import("@/app/api/interview/questions/[id]/answers/route");
const claims = await import("@/app/api/interview/answers/[answerId]/claims/route");
const mocks = await import("@/app/api/interview/mocks/route");
const mockRoute = await import("@/app/api/interview/mocks/[mockId]/route");
const mockAnswers = await import("@/app/api/interview/mocks/[mockId]/answers/route");
const finish = await import("@/app/api/interview/mocks/[mockId]/finish/route");
const signup = await import("@/app/api/auth/signup/route");
const login = await import("@/app/api/auth/login/route");
const { questionHistory, pastMocks } = await import("@/lib/interview/service");

const QUESTION = "why-time-wait-2msl";
const question = fixtureBank[0]!;

function answer(browser: Browser, text: unknown, id = QUESTION) {
  return browser.call(answers.POST as never, `/api/interview/questions/${id}/answers`, { params: { id }, json: { answer: text } });
}

function claim(browser: Browser, answerId: string, ideaId: string) {
  return browser.call(claims.POST as never, `/api/interview/answers/${answerId}/claims`, { params: { answerId }, json: { ideaId } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("answering a question", () => {
  it("grades a right answer on the server and only then sends the model answer, wrong answers, follow-ups, sources and links", async () => {
    const browser = new Browser();
    const response = await answer(browser, RIGHT_ANSWER);
    expect(response.status).toBe(201);
    expect(response.body.answer.score).toBeGreaterThanOrEqual(0.9);
    expect(response.body.answer.grade.ideas.every((i: { status: string }) => i.status === "found")).toBe(true);
    expect(response.body.reveal.modelAnswer).toBe(question.modelAnswer);
    expect(response.body.reveal.wrongAnswers).toEqual(question.wrongAnswers);
    expect(response.body.reveal.followUps).toEqual(question.followUps);
    expect(response.body.reveal.sources).toEqual(question.sources);
    expect(response.body.reveal.links.lesson).toEqual({ href: `/lessons/time-wait#${question.lesson.anchor}`, title: expect.stringMatching(/TIME-WAIT.*: /) });
    expect(response.body.reveal.links.preset.href).toMatch(/^\/lessons\/time-wait#[a-z0-9-]+$/);
    expect(response.body.reveal.links.whatIf.href).toBe("/interview/what-if#no-time-wait");
    // The rubric's phrasings never leave the server.
    expect(JSON.stringify(response.body)).not.toContain("phrasings");
    expect(browser.cookies.has("tcp_learner")).toBe(true);
  });

  it("names missing ideas and stated misconceptions with why they are wrong", async () => {
    const response = await answer(new Browser(), PARTIAL_ANSWER);
    expect(response.status).toBe(201);
    const { grade, summary } = response.body.answer;
    expect(grade.ideas.find((i: { id: string }) => i.id === "lost-final-ack").status).toBe("missing");
    expect(grade.misconceptions[0].whyWrong).toMatch(/FIN-WAIT-2/);
    expect(summary).toMatch(/1 of 4 key ideas found, 1 misconception stated/);
  });

  it("grades an empty answer as empty: score 0, every idea missing", async () => {
    const response = await answer(new Browser(), "");
    expect(response.status).toBe(201);
    expect(response.body.answer).toMatchObject({ score: 0, answer: "", grade: { empty: true } });
    expect(response.body.answer.grade.ideas.every((i: { status: string }) => i.status === "missing")).toBe(true);
  });

  it("refuses an answer over 4 KB with a sentence, and accepts one of exactly 4 KB", async () => {
    const browser = new Browser();
    const sentence = "The active closer holds TIME-WAIT for sixty seconds on Linux. ";
    const exactly = sentence.repeat(80).slice(0, 4096);
    expect((await answer(browser, exactly)).status).toBe(201);
    const over = await answer(browser, exactly + "x");
    expect(over.status).toBe(413);
    expect(over.body.message).toMatch(/longer than 4 KB.*shorten it/);
    const multibyte = await answer(browser, "é".repeat(2049)); // 4098 bytes in 2049 characters
    expect(multibyte.status).toBe(413);
    const huge = await answer(browser, "x".repeat(20_000)); // over the body limit itself
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/larger than/);
    expect((await questionHistory(await learnerOf(browser), QUESTION)).answers.map((a) => a.answer.length)).toEqual([4096]); // only the one of exactly 4 KB
  });

  it("refuses an unknown question (404) and a body without an answer (400)", async () => {
    const browser = new Browser();
    expect((await answer(browser, "x", "no-such-question")).status).toBe(404);
    const bad = await browser.call(answers.POST as never, `/api/interview/questions/${QUESTION}/answers`, { params: { id: QUESTION }, json: { text: "hi" } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/answer/);
    expect((await answer(browser, 42)).status).toBe(400);
  });

  it("lists past answers newest first with their scores", async () => {
    const browser = new Browser();
    const first = await answer(browser, PARTIAL_ANSWER);
    const second = await answer(browser, RIGHT_ANSWER);
    const learnerId = await learnerOf(browser);
    const history = await questionHistory(learnerId, QUESTION);
    expect(history.answers.map((a) => a.id)).toEqual([second.body.answer.id, first.body.answer.id]);
    expect(history.answers[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(history.reveal?.modelAnswer).toBe(question.modelAnswer);
    expect((await questionHistory("someone-else", QUESTION)).reveal).toBeNull();
  });
});

/** The learner id behind a browser's guest cookie, read back through an answer it owns. */
async function learnerOf(browser: Browser): Promise<string> {
  const { findOwnInterviewAnswer } = await import("@/lib/db/interview");
  const { prisma } = await import("@/lib/db/client");
  const mine = await answer(browser, "");
  const row = await prisma.interviewAnswer.findUnique({ where: { id: mine.body.answer.id }, select: { learnerId: true } });
  expect(await findOwnInterviewAnswer(row!.learnerId, mine.body.answer.id)).not.toBeNull();
  await prisma.interviewAnswer.delete({ where: { id: mine.body.answer.id } });
  return row!.learnerId;
}

describe("I did cover this", () => {
  it("stores a claim for a missing idea of the learner's own answer and keeps the grade", async () => {
    const browser = new Browser();
    const graded = (await answer(browser, PARTIAL_ANSWER)).body.answer;
    const response = await claim(browser, graded.id, "lost-final-ack");
    expect(response.status).toBe(201);
    expect(response.body.claims).toEqual(["lost-final-ack"]);
    expect((await claim(browser, graded.id, "lost-final-ack")).body.claims).toEqual(["lost-final-ack"]); // idempotent
    const history = await questionHistory(await learnerOf(browser), QUESTION);
    const stored = history.answers.find((a) => a.id === graded.id)!;
    expect(stored.claims).toEqual(["lost-final-ack"]);
    expect(stored.score).toBe(graded.score);
    expect(stored.grade.ideas.find((i) => i.id === "lost-final-ack")?.status).toBe("missing");
  });

  it("refuses an idea that was found or does not exist (422), another learner's answer and an unknown one (404)", async () => {
    const owner = new Browser();
    const graded = (await answer(owner, PARTIAL_ANSWER)).body.answer;
    const found = await claim(owner, graded.id, "active-closer");
    expect(found.status).toBe(422);
    expect(found.body.message).toMatch(/not reported missing/);
    expect((await claim(owner, graded.id, "no-such-idea")).status).toBe(422);
    const stranger = new Browser();
    await answer(stranger, "");
    const theirs = await claim(stranger, graded.id, "lost-final-ack");
    expect(theirs.status).toBe(404);
    expect(theirs.body.message).toMatch(/no such answer of yours/);
    expect((await claim(owner, "no-such-answer", "lost-final-ack")).status).toBe(404);
    expect((await owner.call(claims.POST as never, `/api/interview/answers/${graded.id}/claims`, { params: { answerId: graded.id }, json: {} })).status).toBe(400);
  });
});

// ---- Mock interviews ----

const T0 = new Date("2026-12-01T10:00:00Z");
function clockAt(seconds: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(T0.getTime() + seconds * 1000));
}

function start(browser: Browser, body: unknown) {
  return browser.call(mocks.POST as never, "/api/interview/mocks", { json: body });
}
function state(browser: Browser, mockId: string) {
  return browser.call(mockRoute.GET as never, `/api/interview/mocks/${mockId}`, { params: { mockId } });
}
function mockAnswer(browser: Browser, mockId: string, index: number, text: string) {
  return browser.call(mockAnswers.POST as never, `/api/interview/mocks/${mockId}/answers`, { params: { mockId }, json: { index, answer: text } });
}
function finishMock(browser: Browser, mockId: string) {
  return browser.call(finish.POST as never, `/api/interview/mocks/${mockId}/finish`, { params: { mockId }, json: {} });
}

describe("starting a mock interview", () => {
  it("refuses bad choices with a sentence", async () => {
    const browser = new Browser();
    const cases: [unknown, RegExp][] = [
      [{ topics: [], length: 5, secondsPerQuestion: 60 }, /at least one topic/],
      [{ topics: ["nonsense"], length: 5, secondsPerQuestion: 60 }, /at least one topic/],
      [{ topics: ["close"], length: 7, secondsPerQuestion: 60 }, /5, 10, 15 questions/],
      [{ topics: ["close"], length: 5, secondsPerQuestion: 30 }, /1, 2, 3 minutes/],
      [{ topics: ["close", "handshake"], length: 5, secondsPerQuestion: 60 }, /hold 4 questions, fewer than 5/],
    ];
    for (const [body, message] of cases) {
      const response = await start(browser, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.message).toMatch(message);
    }
  });

  it("starts the clock on the server and sends the first question only: no answer, no rubric", async () => {
    clockAt(0);
    const browser = new Browser();
    const response = await start(browser, { topics: ["close", "handshake", "time-wait"], length: 5, secondsPerQuestion: 60 });
    expect(response.status).toBe(201);
    const { mock } = response.body;
    expect(mock).toMatchObject({ total: 5, secondsPerQuestion: 60, startedAt: T0.toISOString(), status: "running", finished: false, answered: [] });
    expect(mock.current).toMatchObject({ index: 0, deadline: "2026-12-01T10:01:00.000Z", acceptedUntil: "2026-12-01T10:01:05.000Z" });
    expect(Object.keys(mock.current.question).sort()).toEqual(["difficulty", "id", "question", "topic", "topicName"]);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(question.modelAnswer.slice(0, 40));
    for (const idea of question.rubric.ideas) expect(text).not.toContain(idea.idea);
    // Only its owner sees it.
    expect((await state(new Browser(), mock.id)).status).toBe(404);
    expect((await state(browser, mock.id)).body.mock.current.index).toBe(0);
  });
});

describe("a mock interview on the server's clock", () => {
  it("takes each question once, in order, refuses late answers, finishes once, and reports", async () => {
    clockAt(0);
    const browser = new Browser();
    const { mock } = (await start(browser, { topics: ["close", "handshake", "time-wait"], length: 5, secondsPerQuestion: 60 })).body;
    const id = mock.id as string;

    clockAt(20);
    const first = await mockAnswer(browser, id, 0, RIGHT_ANSWER);
    expect(first.status).toBe(201);
    expect(first.body.mock.current).toMatchObject({ index: 1, deadline: "2026-12-01T10:02:00.000Z" }); // time left carries over
    expect(JSON.stringify(first.body)).not.toContain(question.modelAnswer.slice(0, 40)); // no grade during the interview

    const again = await mockAnswer(browser, id, 0, RIGHT_ANSWER);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already answered/);

    const ahead = await mockAnswer(browser, id, 2, RIGHT_ANSWER);
    expect(ahead.status).toBe(409);
    expect(ahead.body.message).toMatch(/Question 2 comes first/);

    clockAt(124); // question 2 (index 1) was due at 120 s: inside the 5 s grace
    expect((await mockAnswer(browser, id, 1, PARTIAL_ANSWER)).status).toBe(201);

    clockAt(190); // question 3 (index 2) was due at 180 s, accepted until 185 s
    const late = await mockAnswer(browser, id, 2, RIGHT_ANSWER);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ reason: "late", message: expect.stringMatching(/Time was up for question 3 10 s ago.*unanswered/) });
    expect((await state(browser, id)).body.mock.current.index).toBe(3);

    const stranger = new Browser();
    expect((await mockAnswer(stranger, id, 3, RIGHT_ANSWER)).status).toBe(404);
    expect((await finishMock(stranger, id)).status).toBe(404);

    expect((await mockAnswer(browser, id, 3, "")).status).toBe(201); // an empty answer counts, as empty

    clockAt(200);
    const finished = await finishMock(browser, id);
    expect(finished.status).toBe(200);
    const { report } = finished.body;
    const right = fixtureBank[0]!;
    expect(report.total).toBe(5);
    expect(report.answered).toBe(3);
    const scores = report.questions.map((q: { score: number | null }) => q.score);
    expect(scores[0]).toBeGreaterThanOrEqual(0.9);
    expect(scores[1]).toBe(0);
    expect(scores.slice(2)).toEqual([null, 0, null]);
    expect(report.score).toBe(Math.round((scores[0] / 5) * 100) / 100);
    const topicsTotal = report.topics.reduce((sum: number, t: { questions: number }) => sum + t.questions, 0);
    expect(topicsTotal).toBe(5);
    expect(report.topics.map((t: { topic: string }) => t.topic)).toEqual(["handshake", "close", "time-wait"]);
    expect(report.missedIdeas[0]).toMatchObject({ missed: expect.any(Number), idea: expect.any(String) });
    expect(report.missedIdeas.map((m: { ideaId: string }) => m.ideaId)).toContain("lost-final-ack");
    expect(report.lessons[0]).toMatchObject({ slug: right.lesson.slug, anchor: right.lesson.anchor, worst: 0 });
    // The report shows each answer's grade and, now, the questions' answers.
    expect(report.answers[0].grade.ideas.length).toBe(4);

    const twice = await finishMock(browser, id);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/already finished/);
    const afterwards = await mockAnswer(browser, id, 4, RIGHT_ANSWER);
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.message).toMatch(/finished/);
    expect((await state(browser, id)).body.mock).toMatchObject({ status: "over", finished: true, current: null });
  });

  it("ends by itself when the last question's time is up, and lists past interviews with their scores", async () => {
    clockAt(0);
    const browser = new Browser();
    const { mock } = (await start(browser, { topics: ["time-wait", "close"], length: 5, secondsPerQuestion: 60 })).body;
    clockAt(10);
    await mockAnswer(browser, mock.id, 0, RIGHT_ANSWER);
    clockAt(306);
    expect((await state(browser, mock.id)).body.mock).toMatchObject({ status: "over", finished: false, current: null });
    const lateAnswer = await mockAnswer(browser, mock.id, 4, RIGHT_ANSWER);
    expect(lateAnswer.body.reason).toBe("late");
    expect((await finishMock(browser, mock.id)).status).toBe(200);
    const learnerId = await learnerOf(browser);
    const past = await pastMocks(learnerId, new Date());
    expect(past).toHaveLength(1);
    expect(past[0]).toMatchObject({ id: mock.id, total: 5, answered: 1, over: true });
    expect(past[0]!.score).toBeCloseTo(Math.round(((await questionHistory(learnerId, mock.current.question.id)).answers[0]!.score / 5) * 100) / 100);
  });
});

describe("signing in", () => {
  it("moves a guest's interview answers, claims and mock interviews into the account", async () => {
    const account = new Browser();
    expect((await account.call(signup.POST as never, "/api/auth/signup", { json: { email: "mover@example.com", password: "correct horse battery" } })).status).toBe(201);
    const accountLearner = await learnerOf(account);

    const guest = new Browser();
    const graded = (await answer(guest, PARTIAL_ANSWER)).body.answer;
    await claim(guest, graded.id, "lost-final-ack");
    const { mock } = (await start(guest, { topics: ["time-wait", "close", "handshake"], length: 5, secondsPerQuestion: 60 })).body;
    expect((await guest.call(login.POST as never, "/api/auth/login", { json: { email: "mover@example.com", password: "correct horse battery" } })).status).toBe(200);

    const history = await questionHistory(accountLearner, QUESTION);
    expect(history.answers.find((a) => a.id === graded.id)?.claims).toEqual(["lost-final-ack"]);
    expect((await pastMocks(accountLearner, new Date())).map((m) => m.id)).toContain(mock.id);
    expect((await state(guest, mock.id)).status).toBe(200);
  });
});
