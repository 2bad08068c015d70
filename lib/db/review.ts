// Spaced-review records: cards (FSRS state as fields) and their review logs.
// Queries only; the rules are in lib/review (decision record 0011).
import "server-only";
import type { CardState, LogEntry } from "@/lib/review/scheduler";
import { databaseReady, prisma } from "./client";

export type ReviewKind = "question" | "exercise";

export type StoredCard = CardState & {
  id: string;
  kind: ReviewKind;
  itemId: string;
  createdAt: Date;
};

export type StoredLog = LogEntry & { id: string };

type CardRow = Omit<StoredCard, "kind"> & { kind: string };

function toCard(row: CardRow): StoredCard {
  return { ...row, kind: row.kind === "question" ? "question" : "exercise" };
}

const cardFields = {
  id: true,
  kind: true,
  itemId: true,
  createdAt: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

function stateData(state: CardState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsedDays,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview,
  };
}

export type CardChange = {
  /** The card's new state and the review that led to it. */
  review?: { card: CardState; log: LogEntry };
  /** Replaces the card's logs (oldest first) and state: a past rating changed and the card was replayed. */
  replayed?: { card: CardState; logs: LogEntry[] };
};

/**
 * Creates the learner's card for the item if absent (new, due at `at`), then
 * lets `work` decide on a consistent view and applies its change in the same
 * transaction. The create comes first, so the transaction holds SQLite's
 * write lock before it reads and two graded answers cannot both apply to the
 * same old state.
 */
export async function withCard<T>(
  learnerId: string,
  kind: ReviewKind,
  itemId: string,
  at: Date,
  initial: CardState,
  work: (card: StoredCard, logs: () => Promise<StoredLog[]>) => Promise<{ result: T; change?: CardChange }>,
): Promise<{ result: T; card: StoredCard }> {
  await databaseReady();
  return prisma.$transaction(async (tx) => {
    await tx.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
    const row = await tx.reviewCard.upsert({
      where: { learnerId_kind_itemId: { learnerId, kind, itemId } },
      create: { learnerId, kind, itemId, createdAt: at, ...stateData(initial) },
      update: {},
      select: cardFields,
    });
    const card = toCard(row);
    const logs = async () =>
      (await tx.reviewLog.findMany({ where: { cardId: card.id }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] })).map((log) => ({
        ...log,
        rating: log.rating as LogEntry["rating"],
      }));
    const { result, change } = await work(card, logs);
    if (change?.review) {
      await tx.reviewCard.update({ where: { id: card.id }, data: stateData(change.review.card) });
      await tx.reviewLog.create({ data: { cardId: card.id, ...change.review.log } });
      return { result, card: { ...card, ...change.review.card } };
    }
    if (change?.replayed) {
      await tx.reviewCard.update({ where: { id: card.id }, data: stateData(change.replayed.card) });
      await tx.reviewLog.deleteMany({ where: { cardId: card.id } });
      for (const log of change.replayed.logs) await tx.reviewLog.create({ data: { cardId: card.id, ...log } });
      return { result, card: { ...card, ...change.replayed.card } };
    }
    return { result, card };
  });
}

export async function findCard(learnerId: string, kind: ReviewKind, itemId: string): Promise<StoredCard | null> {
  await databaseReady();
  const row = await prisma.reviewCard.findUnique({ where: { learnerId_kind_itemId: { learnerId, kind, itemId } }, select: cardFields });
  return row ? toCard(row) : null;
}

export async function findOwnCard(learnerId: string, cardId: string): Promise<StoredCard | null> {
  await databaseReady();
  const row = await prisma.reviewCard.findFirst({ where: { id: cardId, learnerId }, select: cardFields });
  return row ? toCard(row) : null;
}

export type QueueRow = { id: string; kind: ReviewKind; itemId: string; due: Date; state: number; reps: number; lapses: number; lastReview: Date | null };

/**
 * What the queue needs, in one read: the due cards (oldest due first; the
 * (learnerId, due) index serves the order), how many cards in all, and the
 * next due time after `now`.
 */
export async function queueRows(learnerId: string, now: Date): Promise<{ due: QueueRow[]; total: number; nextDue: Date | null }> {
  await databaseReady();
  const [due, total, next] = await Promise.all([
    prisma.reviewCard.findMany({
      where: { learnerId, due: { lte: now } },
      orderBy: [{ due: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, itemId: true, due: true, state: true, reps: true, lapses: true, lastReview: true },
    }),
    prisma.reviewCard.count({ where: { learnerId } }),
    prisma.reviewCard.findFirst({ where: { learnerId, due: { gt: now } }, orderBy: { due: "asc" }, select: { due: true } }),
  ]);
  return { due: due.map((row) => ({ ...row, kind: row.kind === "question" ? "question" : "exercise" })), total, nextDue: next?.due ?? null };
}

/** How many of the learner's cards fall due at or before `until`. */
export async function countDue(learnerId: string, until: Date): Promise<number> {
  await databaseReady();
  return prisma.reviewCard.count({ where: { learnerId, due: { lte: until } } });
}

/** When the learner's reviews since `since` happened, newest first (for the streak). */
export async function reviewTimes(learnerId: string, since: Date): Promise<Date[]> {
  await databaseReady();
  const rows = await prisma.reviewLog.findMany({
    where: { card: { learnerId }, reviewedAt: { gte: since } },
    orderBy: { reviewedAt: "desc" },
    select: { reviewedAt: true },
  });
  return rows.map((row) => row.reviewedAt);
}
