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

/** A learner's interview answer with its "I did cover this" claims (for lifting its review). */
export async function ownAnswerWithClaims(
  learnerId: string,
  answerId: string,
): Promise<{ questionId: string; score: number; result: string; createdAt: Date; claims: string[] } | null> {
  await databaseReady();
  const row = await prisma.interviewAnswer.findFirst({
    where: { id: answerId, learnerId },
    select: { questionId: true, score: true, result: true, createdAt: true, claims: { select: { ideaId: true } } },
  });
  return row ? { ...row, claims: row.claims.map((claim) => claim.ideaId) } : null;
}

type CardTx = Pick<typeof prisma, "reviewCard">;

/**
 * Moves a guest's review cards (their logs hang off the card) into the
 * account's learner, inside the caller's transaction (lib/db/accounts.ts
 * mergeGuestInto). Where both have a card for the same item, the one reviewed
 * last is kept, with its own logs: its FSRS state holds the latest evidence,
 * and states cannot be added together. The other is deleted with its logs.
 */
export async function moveGuestCards(tx: CardTx, guestLearnerId: string, learnerId: string): Promise<number> {
  const guestCards = await tx.reviewCard.findMany({ where: { learnerId: guestLearnerId }, select: { id: true, kind: true, itemId: true, lastReview: true, createdAt: true } });
  if (guestCards.length === 0) return 0;
  const own = await tx.reviewCard.findMany({
    where: { learnerId, itemId: { in: [...new Set(guestCards.map((card) => card.itemId))] } },
    select: { id: true, kind: true, itemId: true, lastReview: true, createdAt: true },
  });
  const ownByItem = new Map(own.map((card) => [`${card.kind}:${card.itemId}`, card]));
  const latest = (card: { lastReview: Date | null; createdAt: Date }) => (card.lastReview ?? card.createdAt).getTime();
  const move: string[] = [];
  const drop: string[] = [];
  for (const card of guestCards) {
    const theirs = ownByItem.get(`${card.kind}:${card.itemId}`);
    if (!theirs) move.push(card.id);
    else if (latest(card) > latest(theirs)) {
      drop.push(theirs.id);
      move.push(card.id);
    } else drop.push(card.id);
  }
  if (drop.length > 0) await tx.reviewCard.deleteMany({ where: { id: { in: drop } } });
  if (move.length > 0) await tx.reviewCard.updateMany({ where: { id: { in: move } }, data: { learnerId } });
  return move.length;
}
