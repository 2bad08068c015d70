// Reading and writing learners and attempts. The only place these queries live.
import "server-only";
import { databaseReady, prisma } from "./client";

export type StoredAttempt = {
  id: string;
  exerciseId: string;
  variantSeed: number;
  answer: unknown;
  score: number;
  feedback: unknown;
  createdAt: Date;
};

export async function recordAttempt(attempt: {
  learnerId: string;
  exerciseId: string;
  variantSeed: number;
  answer: unknown;
  score: number;
  feedback: unknown;
}): Promise<StoredAttempt> {
  await databaseReady();
  // One statement: the learner row is created with their first attempt if needed.
  const row = await prisma.attempt.create({
    data: {
      learner: { connectOrCreate: { where: { id: attempt.learnerId }, create: { id: attempt.learnerId } } },
      exercise: { connect: { id: attempt.exerciseId } },
      variantSeed: attempt.variantSeed,
      answer: JSON.stringify(attempt.answer),
      score: attempt.score,
      feedback: JSON.stringify(attempt.feedback),
    },
  });
  return toStored(row);
}

/** A learner's attempts at one exercise, newest first. */
export async function listAttempts(learnerId: string, exerciseId: string, limit = 50): Promise<StoredAttempt[]> {
  await databaseReady();
  const rows = await prisma.attempt.findMany({
    where: { learnerId, exerciseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toStored);
}

/**
 * Which variant the learner is on: one step for every full-marks attempt and
 * every "try another variant". Seeds are derived from it, so it only grows.
 */
export async function variantRound(learnerId: string, exerciseId: string): Promise<number> {
  await databaseReady();
  const [solved, requested] = await Promise.all([
    prisma.attempt.count({ where: { learnerId, exerciseId, score: { gte: 1 } } }),
    prisma.variantRequest.count({ where: { learnerId, exerciseId } }),
  ]);
  return solved + requested;
}

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

function toStored(row: {
  id: string;
  exerciseId: string;
  variantSeed: number;
  answer: string;
  score: number;
  feedback: string;
  createdAt: Date;
}): StoredAttempt {
  return { ...row, answer: JSON.parse(row.answer), feedback: JSON.parse(row.feedback) };
}

/** Class results for one exercise: every learner's attempts, for instructors. */
export async function exerciseResults(exerciseId: string) {
  await databaseReady();
  const rows = await prisma.attempt.groupBy({
    by: ["learnerId"],
    where: { exerciseId },
    _count: { _all: true },
    _max: { score: true },
  });
  const accounts = await prisma.user.findMany({ where: { learnerId: { in: rows.map((r) => r.learnerId) } }, select: { learnerId: true, email: true } });
  const emailOf = new Map(accounts.map((a) => [a.learnerId, a.email]));
  return rows.map((row) => ({
    learner: emailOf.get(row.learnerId) ?? "guest",
    attempts: row._count._all,
    bestScore: row._max.score ?? 0,
  }));
}
