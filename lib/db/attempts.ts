// Reading and writing attempts, worked-solution reveals, hints and idea
// claims. The only place these queries live; the rules they serve are in
// lib/exercises/gradingPolicy.ts (decision record 0009).
import "server-only";
import { databaseReady, prisma } from "./client";

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

type Db = Pick<typeof prisma, "attempt" | "solutionReveal" | "hintReveal" | "variantRequest" | "learner">;

async function readRecords(db: Db, learnerId: string, exerciseId: string): Promise<ExerciseRecords> {
  const [attempts, reveals, hints, requested] = await Promise.all([
    db.attempt.findMany({
      where: { learnerId, exerciseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: { claims: { select: { ideaId: true } } },
    }),
    db.solutionReveal.findMany({ where: { learnerId, exerciseId }, orderBy: { createdAt: "asc" } }),
    db.hintReveal.findMany({ where: { learnerId, exerciseId } }),
    db.variantRequest.count({ where: { learnerId, exerciseId } }),
  ]);
  const stored = attempts.map(toStored);
  return {
    attempts: stored,
    reveals: reveals.map(toReveal),
    hintsShown: new Map(hints.map((h) => [h.variantSeed, h.shown])),
    round: stored.filter((a) => a.score >= 1).length + requested,
  };
}

export async function exerciseRecords(learnerId: string, exerciseId: string): Promise<ExerciseRecords> {
  await databaseReady();
  return readRecords(prisma, learnerId, exerciseId);
}

/**
 * Runs `work` on a consistent view of the learner's records and applies the
 * writes it asks for in the same transaction, so two submissions racing on a
 * variant can never use more attempts than the policy allows. Returns the
 * records as this transaction left them (read, plus its own writes), so the
 * caller need not read them again.
 */
export async function withExerciseRecords<T>(
  learnerId: string,
  exerciseId: string,
  work: (records: ExerciseRecords) => { result: T; write?: RecordWrite },
): Promise<{ result: T; attempt?: StoredAttempt; records: ExerciseRecords }> {
  await databaseReady();
  return prisma.$transaction(async (tx) => {
    // Write first (the learner's row, created if new), so the transaction holds the
    // lock (SQLite's database lock, a row lock on PostgreSQL) before it reads: the
    // reads below see every write committed before, and no other writer interleaves.
    await tx.$executeRaw`INSERT INTO "Learner" ("id") VALUES (${learnerId}) ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id"`;
    const records = await readRecords(tx, learnerId, exerciseId);
    const { result, write } = work(records);
    if (!write) return { result, records };
    let attempt: StoredAttempt | undefined;
    let { attempts, reveals, hintsShown, round } = records;
    if (write.attempt) {
      const row = await tx.attempt.create({
        data: {
          learnerId,
          exerciseId,
          variantSeed: write.attempt.variantSeed,
          answer: JSON.stringify(write.attempt.answer),
          score: write.attempt.score,
          feedback: JSON.stringify(write.attempt.feedback),
          credited: write.attempt.credited,
          hintsUsed: write.attempt.hintsUsed,
        },
      });
      // A new attempt has no idea claims yet: no need to read them back.
      attempt = toStored({ ...row, claims: [] });
      attempts = [attempt, ...attempts].sort(newestFirst);
      if (attempt.score >= 1) round += 1;
    }
    if (write.reveal) {
      const row = await tx.solutionReveal.upsert({
        where: { learnerId_exerciseId_variantSeed: { learnerId, exerciseId, variantSeed: write.reveal.variantSeed } },
        create: { learnerId, exerciseId, variantSeed: write.reveal.variantSeed, reason: write.reveal.reason },
        update: {},
      });
      if (!reveals.some((r) => r.variantSeed === row.variantSeed)) reveals = [...reveals, toReveal(row)];
    }
    if (write.hintsShown) {
      const { variantSeed, shown } = write.hintsShown;
      await tx.hintReveal.upsert({
        where: { learnerId_exerciseId_variantSeed: { learnerId, exerciseId, variantSeed } },
        create: { learnerId, exerciseId, variantSeed, shown },
        update: { shown },
      });
      hintsShown = new Map(hintsShown).set(variantSeed, shown);
    }
    return { result, attempt, records: { attempts, reveals, hintsShown, round } };
  });
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
  await prisma.ideaClaim.upsert({ where: { attemptId_ideaId: { attemptId, ideaId } }, create: { attemptId, ideaId }, update: {} });
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
