// Simulator tasks graded through the real route, with the replay run in the
// replay pool: the graded attempt is the one in-thread grading gives; with
// every thread busy and the queue full, a submission is answered 503 with
// Retry-After at once and nothing is stored; a replay over budget is a 503
// too, never a hang.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testSql, useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises, findExercise } = await import("@/lib/exercises/catalog");
const { closeReplayPool } = await import("@/lib/exercises/replayPool");
const exerciseRoute = await import("@/app/api/exercises/[id]/route");
const attemptsRoute = await import("@/app/api/exercises/[id]/attempts/route");
const EXERCISE = "syn-flood-keep-clients";
const LESSON = "lesson-syn-flood";

beforeAll(async () => {
  await syncContent(
    [{ id: LESSON, slug: "syn-flood", title: "SYN floods", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === LESSON).map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

const env = { ...process.env };
afterEach(async () => {
  await closeReplayPool();
  process.env = { ...env };
});
afterAll(() => closeReplayPool());

async function storedAttempts(): Promise<number> {
  // PostgreSQL's COUNT is a bigint, which node-postgres hands over as a string.
  const [row] = await testSql<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "Attempt" WHERE "exerciseId" = ?`, [EXERCISE]);
  return Number(row!.n);
}

async function learner() {
  const browser = new Browser();
  const view = await browser.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
  return { browser, seed: view.body.variantSeed as number };
}

function submit(browser: Browser, json: unknown) {
  return browser.call(attemptsRoute.POST as never, `/api/exercises/${EXERCISE}/attempts`, { params: { id: EXERCISE }, json });
}

describe("simulator tasks graded in the replay pool", () => {
  it("stores the same grade and feedback as grading in the request thread, for a goal reached and a goal missed (worked solution included)", async () => {
    const exercise = findExercise(EXERCISE)!;
    for (const actions of [[{ set: "tcp_syncookies", value: "1" }], [{ set: "tcp_synack_retries", value: 1 }]]) {
      const { browser, seed } = await learner();
      const reply = await submit(browser, { variantSeed: seed, answer: { actions } });
      expect(reply.status).toBe(201);
      const parsed = exercise.parse({ actions }, seed);
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      const inThread = exercise.grade(seed, parsed.value);
      const [row] = await testSql<{ score: number; feedback: string }>(`SELECT "score", "feedback" FROM "Attempt" WHERE "id" = ?`, [reply.body.attempt.id]);
      if (!row) throw new Error("the graded attempt was not stored");
      expect(row.score).toBe(inThread.score);
      expect(JSON.parse(row.feedback)).toEqual(inThread.feedback);
    }
  });

  it("refuses a stale variant and a malformed action log without a replay, as before", async () => {
    // Any replay would overrun this budget and answer 503: a 409 and a 422 show no replay ran.
    process.env.REPLAY_BUDGET_MS = "1";
    const { browser, seed } = await learner();
    const stale = await submit(browser, { variantSeed: (seed + 1) >>> 0, answer: { actions: [] } });
    expect(stale.status).toBe(409);
    const malformed = await submit(browser, { variantSeed: seed, answer: { actions: [{ set: "tcp_syncookies", value: "3" }] } });
    expect(malformed.status).toBe(422);
  });

  it("answers 503 with Retry-After, storing nothing, when every replay thread is busy and the queue is full", async () => {
    process.env.REPLAY_THREADS = "1";
    process.env.REPLAY_QUEUE = "0";
    const before = await storedAttempts();
    const learners = await Promise.all(Array.from({ length: 4 }, learner));
    const replies = await Promise.all(learners.map(({ browser, seed }) => submit(browser, { variantSeed: seed, answer: { actions: [{ set: "tcp_syncookies", value: "1" }] } })));
    const busy = replies.filter((r) => r.status === 503);
    const graded = replies.filter((r) => r.status === 201);
    expect(graded.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(graded.length + busy.length).toBe(4);
    for (const reply of busy) {
      expect(reply.body.message).toMatch(/grader is busy.*nothing was recorded/);
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect((await storedAttempts()) - before).toBe(graded.length);
  });

  it("answers 503 with Retry-After, storing nothing, when the replay runs past its budget", async () => {
    process.env.REPLAY_BUDGET_MS = "5";
    const before = await storedAttempts();
    const { browser, seed } = await learner();
    const reply = await submit(browser, { variantSeed: seed, answer: { actions: [{ set: "tcp_syncookies", value: "1" }] } });
    expect(reply.status).toBe(503);
    expect(reply.body.message).toMatch(/could not finish replaying your settings in time; nothing was recorded/);
    expect(reply.headers.get("retry-after")).toBe("5");
    expect(await storedAttempts()).toBe(before);
  });
});
