// Rows the grading hot path writes through the direct driver (lib/db/direct.ts,
// decision record 0017) are stored exactly as Prisma stores them, and rows
// Prisma wrote read back the same on the hot path: attempts, reveals, hints,
// review cards and logs, throttles. Runs on SQLite and, with
// TEST_DATABASE=postgresql, on PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDialect, testSql, useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const { prisma } = await import("@/lib/db/client");
const { exerciseRecords, withExerciseRecords } = await import("@/lib/db/attempts");
const { findCard } = await import("@/lib/db/review");
const { attemptReview, recordReview } = await import("@/lib/review/cards");
const { adjustThrottle, countInWindow, peekThrottle, throttle } = await import("@/lib/db/throttles");
const { slidingWindow } = await import("@/lib/http/limitPolicies");
const { all, autocommit, rows, rowsAlone, run, transaction } = await import("@/lib/db/direct");

const EXERCISE = "header-fields-data-offset";
// Above 2^31: PostgreSQL stores seeds as oid, SQLite as a 64-bit integer.
const SEED = 3_000_000_001;
/** How Prisma's better-sqlite3 adapter writes a DateTime. */
const PRISMA_SQLITE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

const wrongAttempt = (hintsUsed = 0) => ({
  variantSeed: SEED,
  answer: { offset: "5", note: "ünïcode \"quoted\"" },
  score: 0.25,
  feedback: { summary: "Not yet", items: [{ label: "offset", correct: false }] },
  credited: false,
  hintsUsed,
});

describe("rows written on the grading fast path", () => {
  it("an attempt, its reveal and the learner's review card read back through Prisma exactly as the fast path returned them", async () => {
    const learnerId = randomUUID();
    const { attempt, records, card } = await withExerciseRecords(
      learnerId,
      EXERCISE,
      () => ({ result: "graded", write: { attempt: wrongAttempt(2), reveal: { variantSeed: SEED, reason: "attempts-used" } } }),
      attemptReview((a) => ({ hintsUsed: a.hintsUsed })),
    );
    expect(attempt!.id).toMatch(/^c[0-9a-z]{24}$/);

    const viaPrisma = await prisma.attempt.findUniqueOrThrow({ where: { id: attempt!.id } });
    expect({ ...viaPrisma, answer: JSON.parse(viaPrisma.answer), feedback: JSON.parse(viaPrisma.feedback), claims: [] }).toEqual({
      ...attempt,
      learnerId,
    });
    expect(viaPrisma.variantSeed).toBe(SEED);
    expect(viaPrisma.credited).toBe(false);

    const reveal = await prisma.solutionReveal.findUniqueOrThrow({ where: { learnerId_exerciseId_variantSeed: { learnerId, exerciseId: EXERCISE, variantSeed: SEED } } });
    expect(reveal).toEqual({ learnerId, exerciseId: EXERCISE, variantSeed: SEED, reason: "attempts-used", createdAt: attempt!.createdAt });
    expect(records.reveals).toEqual([{ variantSeed: SEED, reason: "attempts-used", createdAt: attempt!.createdAt }]);

    // The miss was a review of a new card: one log, due again within minutes.
    expect(await findCard(learnerId, "exercise", EXERCISE)).toEqual(card);
    expect(card!.reps).toBe(1);
    const logs = await prisma.reviewLog.findMany({ where: { cardId: card!.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ rating: 1, score: 0.25, reviewedAt: attempt!.createdAt });
    expect(logs[0]!.id).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("stores DateTimes and booleans in the same form as Prisma does, so raw SQL elsewhere reads both alike", async () => {
    const learnerId = randomUUID();
    const { attempt } = await withExerciseRecords(learnerId, EXERCISE, () => ({ result: 0, write: { attempt: { ...wrongAttempt(), credited: true } } }));
    await prisma.variantRequest.create({ data: { learnerId, exerciseId: EXERCISE } });
    const [fast] = await testSql<{ createdAt: unknown; credited: unknown }>(`SELECT "createdAt", "credited" FROM "Attempt" WHERE "id" = ?`, [attempt!.id]);
    const [byPrisma] = await testSql<{ createdAt: unknown }>(`SELECT "createdAt" FROM "VariantRequest" WHERE "learnerId" = ?`, [learnerId]);
    if (testDialect === "sqlite") {
      expect(fast!.createdAt).toMatch(PRISMA_SQLITE_TIME);
      expect(byPrisma!.createdAt).toMatch(PRISMA_SQLITE_TIME);
      expect(fast!.createdAt).toBe(attempt!.createdAt.toISOString().replace("Z", "+00:00"));
      expect(fast!.credited).toBe(1);
    } else {
      // timestamp(3) without time zone, in UTC: the same instant whatever the server's zone.
      const [utc] = await testSql<{ text: string }>(`SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "text" FROM "Attempt" WHERE "id" = ?`, [attempt!.id]);
      expect(utc!.text).toBe(attempt!.createdAt.toISOString());
      expect(fast!.credited).toBe(true);
    }
  });

  it("reads attempts, claims, reveals, hints and variant requests Prisma wrote exactly as Prisma reads them", async () => {
    const learnerId = randomUUID();
    await prisma.learner.create({ data: { id: learnerId } });
    const older = await prisma.attempt.create({
      data: { learnerId, exerciseId: EXERCISE, variantSeed: SEED, answer: '{"offset":"4"}', score: 1, feedback: '{"summary":"Right"}', createdAt: new Date(Date.now() - 60_000) },
    });
    const newer = await prisma.attempt.create({
      data: { learnerId, exerciseId: EXERCISE, variantSeed: SEED, answer: '{"offset":"3"}', score: 0, feedback: '{"summary":"No"}', credited: false, hintsUsed: 1 },
    });
    await prisma.ideaClaim.create({ data: { attemptId: newer.id, ideaId: "b-idea" } });
    await prisma.ideaClaim.create({ data: { attemptId: newer.id, ideaId: "a-idea" } });
    const reveal = await prisma.solutionReveal.create({ data: { learnerId, exerciseId: EXERCISE, variantSeed: SEED, reason: "requested" } });
    await prisma.hintReveal.create({ data: { learnerId, exerciseId: EXERCISE, variantSeed: SEED, shown: 2 } });
    await prisma.variantRequest.create({ data: { learnerId, exerciseId: EXERCISE } });

    const records = await exerciseRecords(learnerId, EXERCISE);
    const stored = (row: typeof older, claims: string[]) => ({ ...row, learnerId: undefined, answer: JSON.parse(row.answer), feedback: JSON.parse(row.feedback), claims });
    expect(records.attempts.map((a) => ({ ...a, learnerId: undefined }))).toEqual([stored(newer, ["a-idea", "b-idea"]), stored(older, [])]);
    expect(records.reveals).toEqual([{ variantSeed: SEED, reason: "requested", createdAt: reveal.createdAt }]);
    expect(records.hintsShown).toEqual(new Map([[SEED, 2]]));
    // One correct answer and one "try another variant".
    expect(records.round).toBe(2);
  });

  it("a hint shown on the fast path updates the row Prisma reads, and the count it reads next", async () => {
    const learnerId = randomUUID();
    for (const shown of [1, 2]) await withExerciseRecords(learnerId, EXERCISE, () => ({ result: 0, write: { hintsShown: { variantSeed: SEED, shown } } }));
    const row = await prisma.hintReveal.findUniqueOrThrow({ where: { learnerId_exerciseId_variantSeed: { learnerId, exerciseId: EXERCISE, variantSeed: SEED } } });
    expect(row.shown).toBe(2);
    expect(row.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await exerciseRecords(learnerId, EXERCISE)).hintsShown.get(SEED)).toBe(2);
  });

  it("an attempt reviews the card Prisma created earlier for the same exercise, not a second one", async () => {
    const learnerId = randomUUID();
    const first = await recordReview(learnerId, "exercise", EXERCISE, 0, new Date(Date.now() - 3_600_000));
    const { card } = await withExerciseRecords(learnerId, EXERCISE, () => ({ result: 0, write: { attempt: wrongAttempt() } }), attemptReview(() => ({})));
    expect(card!.id).toBe(first.card.id);
    expect(card!.reps).toBe(2);
    expect(await prisma.reviewCard.count({ where: { learnerId } })).toBe(1);
    expect(await findCard(learnerId, "exercise", EXERCISE)).toEqual(card);
    expect(await prisma.reviewLog.count({ where: { cardId: card!.id } })).toBe(2);
  });
});

describe("statements sent together", () => {
  it("an answer holding quotes, backslashes and SQL is stored and read back verbatim", async () => {
    const learnerId = randomUUID();
    const answer = { offset: `5'); DELETE FROM "Attempt"; --`, note: "back\\slash \\' $1 E'x' ünïcode" };
    const { attempt } = await withExerciseRecords(learnerId, EXERCISE, () => ({ result: 0, write: { attempt: { ...wrongAttempt(), answer } } }));
    const viaPrisma = await prisma.attempt.findUniqueOrThrow({ where: { id: attempt!.id } });
    expect(JSON.parse(viaPrisma.answer)).toEqual(answer);
    expect((await exerciseRecords(learnerId, EXERCISE)).attempts[0]!.answer).toEqual(answer);
  });

  it("a write that fails when it reaches the database rolls back the writes sent before it, and the error reaches the caller", async () => {
    const learnerId = randomUUID();
    const attempt = transaction(function* () {
      yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2)`, learnerId, new Date());
      // No such exercise: a foreign-key violation, sent with the COMMIT.
      yield* run(
        `INSERT INTO "Attempt" ("id", "learnerId", "exerciseId", "variantSeed", "answer", "score", "feedback", "credited", "hintsUsed", "createdAt")
         VALUES ($1, $2, 'no-such-exercise', 1, '{}', 0, '{}', $3, 0, $4)`,
        randomUUID(),
        learnerId,
        false,
        new Date(),
      );
    });
    await expect(attempt).rejects.toThrow();
    expect(await prisma.learner.findUnique({ where: { id: learnerId } })).toBeNull();
  });

  it("after a message fails partway, its statements still run: the same failure again gives the same error, and the statement after the failure works", async () => {
    const learnerId = randomUUID();
    // Unique texts, so this test meets them first (on PostgreSQL: the failing message prepares the insert, fails on it, and never reaches the select's PREPARE).
    const tag = randomUUID().slice(0, 8);
    const insertOrphan = `INSERT INTO "Attempt" ("id", "learnerId", "exerciseId", "variantSeed", "answer", "score", "feedback", "credited", "hintsUsed", "createdAt")
       VALUES ($1, $2, 'no-such-exercise', 1, '{}', 0, '{}', $3, 0, $4) -- ${tag}`;
    const countLearner = `SELECT count(*) AS n FROM "Learner" WHERE "id" = $1 -- ${tag}`;
    const failing = () =>
      transaction(function* () {
        yield* run(insertOrphan, randomUUID(), learnerId, false, new Date());
        return yield* rows<{ n: number }>(countLearner, learnerId);
      });
    const first = await failing().then(() => undefined, (error: Error) => error.message);
    const second = await failing().then(() => undefined, (error: Error) => error.message);
    expect(first).toMatch(/foreign key/i);
    expect(second).toBe(first);
    const counted = await transaction(function* () {
      yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2)`, learnerId, new Date());
      return yield* rows<{ n: number }>(countLearner, learnerId);
    });
    expect(counted.map((row) => Number(row.n))).toEqual([1]);
  });

  it("reads sent together, each met for the first time, each get their own rows", async () => {
    const learnerId = randomUUID();
    const tag = randomUUID().slice(0, 8);
    const [learners, numbers, none] = await transaction(function* () {
      yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2) -- ${tag}`, learnerId, new Date());
      return yield* all(
        rows<{ id: string }>(`SELECT "id" FROM "Learner" WHERE "id" = $1 -- ${tag}`, learnerId),
        rows<{ n: number }>(`SELECT 7 AS n -- ${tag}`),
        rows<{ id: string }>(`SELECT "id" FROM "Learner" WHERE "id" = $1 AND 1 = 0 -- ${tag}`, learnerId),
      );
    });
    expect(learners).toEqual([{ id: learnerId }]);
    expect(numbers.map((row) => Number(row.n))).toEqual([7]);
    expect(none).toEqual([]);
  });

  it("a read sent after a write sees it", async () => {
    const learnerId = randomUUID();
    const seen = await transaction(function* () {
      yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2)`, learnerId, new Date());
      return yield* rows<{ id: string }>(`SELECT "id" FROM "Learner" WHERE "id" = $1`, learnerId);
    });
    expect(seen).toEqual([{ id: learnerId }]);
  });
});

describe("throttle rows written on the fast path", () => {
  const policy = slidingWindow({ limit: 2, windowMs: 10_000 });

  it("a limit counted on the fast path is what Prisma reads (peek), and a change made there is what the fast path counts next", async () => {
    const key = `test:${randomUUID()}`;
    const now = Date.now();
    expect(await throttle([{ key, policy }], now)).toEqual({ allowed: true });
    expect(await throttle([{ key, policy }], now + 1)).toEqual({ allowed: true });
    expect((await throttle([{ key, policy }], now + 2)).allowed).toBe(false);
    const row = await prisma.throttle.findUniqueOrThrow({ where: { key } });
    expect(JSON.parse(row.state)).toEqual([now, now + 1]);
    expect(row.expiresAt).toBeInstanceOf(Date);
    expect(row.expiresAt.getTime()).toBeGreaterThan(now);
    expect(await peekThrottle([{ key, policy }], now + 2)).toBe(10);
    // Forgetting the key (a right password does this) lets the next request through.
    await adjustThrottle(key, policy, () => ({ next: undefined, expiresAt: 0 }), now + 3);
    expect(await prisma.throttle.findUnique({ where: { key } })).toBeNull();
    expect(await throttle([{ key, policy }], now + 4)).toEqual({ allowed: true });
  });

  it("a fixed-window count stores its window's end as a DateTime Prisma reads back to the millisecond", async () => {
    const key = `test:${randomUUID()}`;
    const now = 1_800_000_003_456;
    for (let i = 0; i < 3; i++) expect((await countInWindow(key, 2, 10_000, now)).allowed).toBe(i < 2);
    const row = await prisma.throttle.findUniqueOrThrow({ where: { key: `${key}@1800000010000` } });
    expect(row.state).toBe("3");
    expect(row.expiresAt).toEqual(new Date(1_800_000_010_000));
  });
});

/** One more on a counter row (as lib/db/throttles.ts counts an address), committed alone. */
const counter = (key: string) =>
  rowsAlone<{ state: string }>(
    `INSERT INTO "Throttle" ("key", "state", "expiresAt") VALUES ($1, '1', $2)
     ON CONFLICT ("key") DO UPDATE SET "state" = CAST(CAST("Throttle"."state" AS INTEGER) + 1 AS TEXT)
     RETURNING "state"`,
    key,
    new Date(),
  );

describe("a statement committed alone (a counter every request shares)", () => {
  const storedCount = async (key: string) => (await prisma.throttle.findUnique({ where: { key } }))?.state;

  it(`stays counted when its transaction fails later on PostgreSQL, and rolls back with it on SQLite (${testDialect})`, async () => {
    const key = `test:alone:${randomUUID()}`;
    const failing = transaction(function* () {
      const [row] = yield* counter(key);
      expect(row!.state).toBe("1");
      yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2)`, "dup", new Date());
      yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2)`, "dup", new Date());
    });
    await expect(failing).rejects.toThrow();
    expect(await storedCount(key)).toBe(testDialect === "postgresql" ? "1" : undefined);
    expect(await prisma.learner.findUnique({ where: { id: "dup" } })).toBeNull();
  });

  it("gives its rows back in the order asked when it is sent with other reads", async () => {
    const key = `test:alone:${randomUUID()}`;
    const [seven, counted, eight] = await transaction(() =>
      all(rows<{ n: number }>(`SELECT 7 AS n`), counter(key), rows<{ n: number }>(`SELECT 8 AS n`)),
    );
    expect([Number(seven[0]!.n), counted[0]!.state, Number(eight[0]!.n)]).toEqual([7, "1", 8]);
  });

  it("is refused with a clear error after the transaction's first step, on either database", async () => {
    const key = `test:alone:${randomUUID()}`;
    const late = transaction(function* () {
      yield* rows(`SELECT 1 AS n`);
      return yield* counter(key);
    });
    await expect(late).rejects.toThrow(/must be in its transaction.s first step/);
    expect(await storedCount(key)).toBeUndefined();
  });

  it.runIf(testDialect === "postgresql")("does not hold its row while the rest of its transaction runs: a second request on the same counter finishes first", async () => {
    const key = `test:alone:${randomUUID()}`;
    const finished: string[] = [];
    const slow = transaction(function* () {
      yield* counter(key);
      yield* rows(`SELECT pg_sleep(0.4)`);
    }).then(() => finished.push("slow"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const quick = transaction(() => counter(key)).then((rows) => {
      finished.push("quick");
      return rows;
    });
    const [, counted] = await Promise.all([slow, quick]);
    expect(finished).toEqual(["quick", "slow"]);
    expect(counted[0]!.state).toBe("2");
  });
});

describe("statements committed together without a transaction block (autocommit)", () => {
  it("a counter and a read sent in one step both take effect, and the counter is stored", async () => {
    const key = `test:autocommit:${randomUUID()}`;
    for (const expected of ["1", "2"]) {
      const [counted, seven] = await autocommit(() => all(counter(key), rows<{ n: number }>(`SELECT 7 AS n`)));
      expect([counted[0]!.state, Number(seven[0]!.n)]).toEqual([expected, 7]);
    }
    expect((await prisma.throttle.findUnique({ where: { key } }))?.state).toBe("2");
  });

  it.runIf(testDialect === "postgresql")("refuses work that needs a second message, and a failing statement leaves nothing of its message", async () => {
    await expect(
      autocommit(function* () {
        yield* rows(`SELECT 1 AS n`);
        return yield* rows(`SELECT 2 AS n`);
      }),
    ).rejects.toThrow(/one step/);
    const learnerId = randomUUID();
    await expect(
      autocommit(() =>
        all(rows(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2) RETURNING "id"`, learnerId, new Date()), rows(`SELECT 1 / 0 AS n`)),
      ),
    ).rejects.toThrow(/division by zero/);
    expect(await prisma.learner.findUnique({ where: { id: learnerId } })).toBeNull();
  });
});
