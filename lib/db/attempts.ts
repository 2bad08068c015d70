// Reading and writing attempts, worked-solution reveals, hints and idea
// claims. The only place these queries live; the rules they serve are in
// lib/exercises/gradingPolicy.ts (decision record 0009).
import "server-only";
import type { CardState } from "@/lib/review/scheduler";
import { databaseReady, prisma } from "./client";
import { retryOnUniqueViolation } from "./uniqueViolation";
import { cuid } from "./cuid";
import { all, given, read, rows, run, transaction, type Steps } from "./direct";
import { readReviewCardSteps, reviewCardSteps, type CardReview, type StoredCard } from "./review";
import { booleanOf, dateOf, numberOf } from "./rows";
import type { LimitGate } from "./throttles";
import type { RateLimit } from "@/lib/http/limitPolicies";

export type StoredAttempt = {
  id: string;
  exerciseId: string;
  variantSeed: number;
  answer: unknown;
  score: number;
  feedback: unknown;
  credited: boolean;
  hintsUsed: number;
  createdAt: Date;
  /** Rubric ideas the learner said their answer contains ("I did say this"). */
  claims: string[];
};

export type StoredReveal = { variantSeed: number; reason: "requested" | "attempts-used"; createdAt: Date };

/** Everything about one learner and one exercise that grading and the exercise view need. */
export type ExerciseRecords = {
  /** Newest first. */
  attempts: StoredAttempt[];
  reveals: StoredReveal[];
  /** Hints shown, by variant seed. */
  hintsShown: Map<number, number>;
  /** Which variant the learner is on: one step per correct answer and per "try another variant". */
  round: number;
};

type AttemptRow = {
  id: string;
  exerciseId: string;
  variantSeed: unknown;
  answer: string;
  score: unknown;
  feedback: string;
  credited: unknown;
  hintsUsed: unknown;
  createdAt: unknown;
};

/** The four record sets, straight from the tables (no Prisma: this is every submission's read). */
function* readRecords(learnerId: string, exerciseId: string): Steps<ExerciseRecords> {
  // Five independent reads, sent together (one round trip on PostgreSQL).
  // Same order as Prisma's orderBy [createdAt desc, id desc]: DateTimes are fixed-width text on SQLite, timestamps on PostgreSQL.
  const [attemptRows, claimRows, revealRows, hintRows, [requested]] = yield* all(
    rows<AttemptRow>(
      `SELECT "id", "exerciseId", "variantSeed", "answer", "score", "feedback", "credited", "hintsUsed", "createdAt"
       FROM "Attempt" WHERE "learnerId" = $1 AND "exerciseId" = $2 ORDER BY "createdAt" DESC, "id" DESC`,
      learnerId,
      exerciseId,
    ),
    rows<{ attemptId: string; ideaId: string }>(
      `SELECT c."attemptId", c."ideaId" FROM "IdeaClaim" c JOIN "Attempt" a ON a."id" = c."attemptId"
       WHERE a."learnerId" = $1 AND a."exerciseId" = $2 ORDER BY c."attemptId", c."ideaId"`,
      learnerId,
      exerciseId,
    ),
    rows<{ variantSeed: unknown; reason: string; createdAt: unknown }>(
      `SELECT "variantSeed", "reason", "createdAt" FROM "SolutionReveal" WHERE "learnerId" = $1 AND "exerciseId" = $2 ORDER BY "createdAt" ASC, "variantSeed" ASC`,
      learnerId,
      exerciseId,
    ),
    rows<{ variantSeed: unknown; shown: unknown }>(`SELECT "variantSeed", "shown" FROM "HintReveal" WHERE "learnerId" = $1 AND "exerciseId" = $2`, learnerId, exerciseId),
    rows<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "VariantRequest" WHERE "learnerId" = $1 AND "exerciseId" = $2`, learnerId, exerciseId),
  );
  const claims = new Map<string, string[]>();
  for (const { attemptId, ideaId } of claimRows) claims.set(attemptId, [...(claims.get(attemptId) ?? []), ideaId]);
  const stored = attemptRows.map((row) => fromRow(row, claims.get(row.id) ?? []));
  return {
    attempts: stored,
    reveals: revealRows.map((r) => toReveal({ variantSeed: numberOf(r.variantSeed), reason: r.reason, createdAt: dateOf(r.createdAt) })),
    hintsShown: new Map(hintRows.map((h) => [numberOf(h.variantSeed), numberOf(h.shown)])),
    round: stored.filter((a) => a.score >= 1).length + numberOf(requested?.n ?? 0),
  };
}

function fromRow(row: AttemptRow, claims: string[]): StoredAttempt {
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    variantSeed: numberOf(row.variantSeed),
    answer: JSON.parse(row.answer),
    score: numberOf(row.score),
    feedback: JSON.parse(row.feedback),
    credited: booleanOf(row.credited),
    hintsUsed: numberOf(row.hintsUsed),
    createdAt: dateOf(row.createdAt),
    claims,
  };
}

export async function exerciseRecords(learnerId: string, exerciseId: string): Promise<ExerciseRecords> {
  return read(() => readRecords(learnerId, exerciseId));
}

/**
 * The spaced-review step of a graded attempt (decision record 0011), taken in
 * the attempt's own transaction: the learner's card for the exercise, created
 * if absent (`initial`), and the review `decide` applies to it, if any.
 */
export type AttemptReview = {
  initial: (at: Date) => CardState;
  decide: (card: StoredCard, attempt: StoredAttempt) => CardReview | undefined;
};

/**
 * Runs `work` on a consistent view of the learner's records and applies the
 * writes it asks for in the same transaction, so two submissions racing on a
 * variant can never use more attempts than the policy allows. Returns the
 * records as this transaction left them (read, plus its own writes), so the
 * caller need not read them again. With `review`, a new attempt also updates
 * the learner's review card in the same transaction (one per submission).
 */
export async function withExerciseRecords<T>(
  learnerId: string,
  exerciseId: string,
  work: (records: ExerciseRecords) => { result: T; write?: RecordWrite },
  review?: AttemptReview,
): Promise<RecordsWorked<T>> {
  return transaction(() => exerciseRecordsSteps(learnerId, exerciseId, work, review)) as Promise<RecordsWorked<T>>;
}

type RecordsWorked<T> = { result: T; attempt?: StoredAttempt; records: ExerciseRecords; card?: StoredCard };

/**
 * `withExerciseRecords` behind a request limit counted in the same
 * transaction (lib/db/throttles.ts, LimitGate): one transaction and, on
 * PostgreSQL, three round trips (the counter, then the limit's lock with the
 * records, then the writes with the COMMIT) instead of two transactions and
 * five. `work` runs only when the limit allows; otherwise `limited` says why.
 */
export async function withLimitedExerciseRecords<T>(
  gate: LimitGate,
  learnerId: string,
  exerciseId: string,
  work: (records: ExerciseRecords) => { result: T; write?: RecordWrite },
  review?: AttemptReview,
): Promise<RecordsWorked<T> | { limited: Extract<RateLimit, { allowed: false }> }> {
  const outcome = await transaction(() => exerciseRecordsSteps(learnerId, exerciseId, work, review, gate));
  await gate.sweep();
  return outcome;
}

function* exerciseRecordsSteps<T>(
  learnerId: string,
  exerciseId: string,
  work: (records: ExerciseRecords) => { result: T; write?: RecordWrite },
  review?: AttemptReview,
  gate?: LimitGate,
): Steps<RecordsWorked<T> | { limited: Extract<RateLimit, { allowed: false }> }> {
  const now = new Date();
  // The limit's counter first: on PostgreSQL it commits alone, before this transaction begins.
  if (gate) {
    const counted = yield* gate.count();
    if (!counted.allowed) return { limited: counted };
  }
  // Write first (the learner's row, created if new), so the transaction holds the
  // lock (SQLite's database lock, a row lock on PostgreSQL) before it reads: the
  // reads below see every write committed before, and no other writer interleaves.
  yield* run(`INSERT INTO "Learner" ("id", "createdAt") VALUES ($1, $2) ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id"`, learnerId, now);
  // The review card, if the attempt will need it, and the limit's rows are read with the records (one round trip on PostgreSQL).
  const [records, foundCard, locked] = yield* all(
    readRecords(learnerId, exerciseId),
    review ? readReviewCardSteps(learnerId, "exercise", exerciseId) : given(undefined),
    gate ? gate.lock() : given(undefined),
  );
  if (locked) {
    if (!locked.limit.allowed) return { limited: locked.limit };
    yield* locked.record();
  }
  const { result, write } = work(records);
  if (!write) return { result, records };
  let attempt: StoredAttempt | undefined;
  let card: StoredCard | undefined;
  let { attempts, reveals, hintsShown, round } = records;
  if (write.attempt) {
    const { variantSeed, score, credited, hintsUsed } = write.attempt;
    attempt = {
      id: cuid(),
      exerciseId,
      variantSeed,
      // Stored as JSON text and handed back parsed, as a read would (a round trip drops undefined fields).
      answer: JSON.parse(JSON.stringify(write.attempt.answer)),
      score,
      feedback: JSON.parse(JSON.stringify(write.attempt.feedback)),
      credited,
      hintsUsed,
      createdAt: now,
      // A new attempt has no idea claims yet.
      claims: [],
    };
    yield* run(
      `INSERT INTO "Attempt" ("id", "learnerId", "exerciseId", "variantSeed", "answer", "score", "feedback", "credited", "hintsUsed", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      attempt.id,
      learnerId,
      exerciseId,
      variantSeed,
      JSON.stringify(write.attempt.answer),
      score,
      JSON.stringify(write.attempt.feedback),
      credited,
      hintsUsed,
      now,
    );
    attempts = [attempt, ...attempts].sort(newestFirst);
    if (attempt.score >= 1) round += 1;
    if (review) card = yield* reviewCardSteps(learnerId, "exercise", exerciseId, foundCard, now, review.initial(now), (stored) => review.decide(stored, attempt!));
  }
  if (write.reveal && !reveals.some((r) => r.variantSeed === write.reveal!.variantSeed)) {
    // The view above is locked and current: no reveal of this variant exists.
    yield* run(
      `INSERT INTO "SolutionReveal" ("learnerId", "exerciseId", "variantSeed", "reason", "createdAt") VALUES ($1, $2, $3, $4, $5)`,
      learnerId,
      exerciseId,
      write.reveal.variantSeed,
      write.reveal.reason,
      now,
    );
    reveals = [...reveals, { variantSeed: write.reveal.variantSeed, reason: write.reveal.reason, createdAt: now }];
  }
  if (write.hintsShown) {
    const { variantSeed, shown } = write.hintsShown;
    yield* run(
      `INSERT INTO "HintReveal" ("learnerId", "exerciseId", "variantSeed", "shown", "updatedAt") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("learnerId", "exerciseId", "variantSeed") DO UPDATE SET "shown" = EXCLUDED."shown", "updatedAt" = EXCLUDED."updatedAt"`,
      learnerId,
      exerciseId,
      variantSeed,
      shown,
      now,
    );
    hintsShown = new Map(hintsShown).set(variantSeed, shown);
  }
  return { result, attempt, records: { attempts, reveals, hintsShown, round }, card };
}

/** The order readRecords returns attempts in: createdAt descending, then id descending. */
function newestFirst(a: StoredAttempt, b: StoredAttempt): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function toReveal(row: { variantSeed: number; reason: string; createdAt: Date }): StoredReveal {
  return { variantSeed: row.variantSeed, reason: row.reason === "requested" ? "requested" : "attempts-used", createdAt: row.createdAt };
}

export type RecordWrite = {
  attempt?: { variantSeed: number; answer: unknown; score: number; feedback: unknown; credited: boolean; hintsUsed: number };
  reveal?: { variantSeed: number; reason: "requested" | "attempts-used" };
  hintsShown?: { variantSeed: number; shown: number };
};

/** "Try another variant": moves the learner one variant on. */
export async function requestNewVariant(learnerId: string, exerciseId: string): Promise<void> {
  await databaseReady();
  await prisma.variantRequest.create({
    data: {
      learner: { connectOrCreate: { where: { id: learnerId }, create: { id: learnerId } } },
      exerciseId,
    },
  });
}

/** One attempt of this learner, or null (someone else's attempt is as good as none). */
export async function findOwnAttempt(learnerId: string, attemptId: string): Promise<StoredAttempt | null> {
  await databaseReady();
  const row = await prisma.attempt.findFirst({ where: { id: attemptId, learnerId }, include: { claims: { select: { ideaId: true } } } });
  return row ? toStored(row) : null;
}

/** Stores "I did say this" for one idea of an attempt (idempotent). */
export async function recordIdeaClaim(attemptId: string, ideaId: string): Promise<void> {
  await databaseReady();
  // Prisma's upsert with nothing to update reads, then inserts: two clicks at once collide on PostgreSQL.
  await retryOnUniqueViolation(() => prisma.ideaClaim.upsert({ where: { attemptId_ideaId: { attemptId, ideaId } }, create: { attemptId, ideaId }, update: {} }));
}

function toStored(row: {
  id: string;
  exerciseId: string;
  variantSeed: number;
  answer: string;
  score: number;
  feedback: string;
  credited: boolean;
  hintsUsed: number;
  createdAt: Date;
  claims: { ideaId: string }[];
}): StoredAttempt {
  const { claims, ...rest } = row;
  return { ...rest, answer: JSON.parse(row.answer), feedback: JSON.parse(row.feedback), claims: claims.map((c) => c.ideaId) };
}

/** Class results for one exercise, for instructors: every learner's attempts, reveals and claims. */
export async function exerciseResults(exerciseId: string) {
  await databaseReady();
  const [attempts, reveals] = await Promise.all([
    prisma.attempt.findMany({
      where: { exerciseId },
      orderBy: { createdAt: "asc" },
      select: { learnerId: true, variantSeed: true, score: true, credited: true, hintsUsed: true, createdAt: true, claims: { select: { ideaId: true } } },
    }),
    prisma.solutionReveal.findMany({ where: { exerciseId }, select: { learnerId: true, variantSeed: true, reason: true, createdAt: true } }),
  ]);
  const learnerIds = [...new Set(attempts.map((a) => a.learnerId))];
  const accounts = await prisma.user.findMany({ where: { learnerId: { in: learnerIds } }, select: { learnerId: true, email: true } });
  const emailOf = new Map(accounts.map((a) => [a.learnerId, a.email]));
  return learnerIds.map((learnerId) => ({
    learnerId,
    learner: emailOf.get(learnerId) ?? "guest",
    attempts: attempts.filter((a) => a.learnerId === learnerId).map(({ learnerId: _, claims, ...a }) => ({ ...a, claims: claims.map((c) => c.ideaId) })),
    reveals: reveals
      .filter((r) => r.learnerId === learnerId)
      .map((r) => ({ variantSeed: r.variantSeed, reason: r.reason === "requested" ? ("requested" as const) : ("attempts-used" as const), createdAt: r.createdAt })),
  }));
}

/** How many attempts of one exercise are stored (for load tests: stored rows against acknowledged responses). */
export async function countAttempts(exerciseId: string): Promise<number> {
  await databaseReady();
  return prisma.attempt.count({ where: { exerciseId } });
}
