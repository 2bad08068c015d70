// Spaced-review records: cards (FSRS state as fields) and their review logs.
// Queries only; the rules are in lib/review (decision record 0011).
import "server-only";
import type { CardState, LogEntry } from "@/lib/review/scheduler";
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseReady, dialect, prisma } from "./client";
import { cuid } from "./cuid";
import { placeholders, rows, run, type Steps } from "./direct";
import { dateOf, numberOf, optionalDateOf } from "./rows";

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
 * transaction. A write comes first, so the transaction holds the lock (SQLite's
 * database lock, the learner's row on PostgreSQL) before it reads and two
 * graded answers cannot both apply to the same old state.
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
    // A write on the learner's row first (Prisma's upsert with nothing to update
    // only reads it): on PostgreSQL the row lock serializes this learner's
    // reviews, so two graded answers cannot both create the card or both apply
    // to the same old state; on SQLite it takes the database's write lock.
    await tx.$executeRaw`INSERT INTO "Learner" ("id") VALUES (${learnerId}) ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id"`;
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

/** A review of a card: its new state and the log entry that led to it. */
export type CardReview = { card: CardState; log: LogEntry };

export type CardRowRaw = {
  id: string;
  kind: string;
  itemId: string;
  createdAt: unknown;
  due: unknown;
  stability: unknown;
  difficulty: unknown;
  elapsedDays: unknown;
  scheduledDays: unknown;
  learningSteps: unknown;
  reps: unknown;
  lapses: unknown;
  state: unknown;
  lastReview: unknown;
};

const stateColumns = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"] as const;
const logColumns = ["rating", "score", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "reviewedAt"] as const;
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/** The learner's card for an item, as stored (none yet: undefined); read with the attempt's other reads, before its writes. */
export function* readReviewCardSteps(learnerId: string, kind: ReviewKind, itemId: string): Steps<CardRowRaw | undefined> {
  const [found] = yield* rows<CardRowRaw>(
    `SELECT "id", "kind", "itemId", "createdAt", ${quoted(stateColumns)} FROM "ReviewCard" WHERE "learnerId" = $1 AND "kind" = $2 AND "itemId" = $3`,
    learnerId,
    kind,
    itemId,
  );
  return found;
}

/**
 * `withCard` for a graded exercise attempt, as statements on the direct
 * driver (lib/db/direct.ts), run inside the attempt's transaction, which
 * already holds the learner's lock: the card `found` (read in the same
 * transaction by `readReviewCardSteps`), created if absent (new, due at
 * `at`), and the review `decide` applies to it, if any. Rows as Prisma writes them.
 */
export function* reviewCardSteps(
  learnerId: string,
  kind: ReviewKind,
  itemId: string,
  found: CardRowRaw | undefined,
  at: Date,
  initial: CardState,
  decide: (card: StoredCard) => CardReview | undefined,
): Steps<StoredCard> {
  if (!found) {
    // A new card is inserted as the review leaves it: one statement, not an insert and then an update.
    const card: StoredCard = { id: cuid(), kind, itemId, createdAt: at, ...stateData(initial) };
    const change = decide(card);
    const stored: StoredCard = change ? { ...card, ...stateData(change.card) } : card;
    yield* run(
      `INSERT INTO "ReviewCard" ("id", "learnerId", "kind", "itemId", "createdAt", ${quoted(stateColumns)}) VALUES (${placeholders(5 + stateColumns.length)})`,
      stored.id,
      learnerId,
      kind,
      itemId,
      at,
      ...stateColumns.map((column) => stored[column]),
    );
    if (change) yield* reviewLogSteps(stored.id, change);
    return stored;
  }
  const card = toCard({
    id: found.id,
    kind: found.kind,
    itemId: found.itemId,
    createdAt: dateOf(found.createdAt),
    due: dateOf(found.due),
    stability: numberOf(found.stability),
    difficulty: numberOf(found.difficulty),
    elapsedDays: numberOf(found.elapsedDays),
    scheduledDays: numberOf(found.scheduledDays),
    learningSteps: numberOf(found.learningSteps),
    reps: numberOf(found.reps),
    lapses: numberOf(found.lapses),
    state: numberOf(found.state),
    lastReview: optionalDateOf(found.lastReview),
  });
  const change = decide(card);
  if (!change) return card;
  const next = stateData(change.card);
  yield* run(
    `UPDATE "ReviewCard" SET ${stateColumns.map((column, i) => `"${column}" = $${i + 2}`).join(", ")} WHERE "id" = $1`,
    card.id,
    ...stateColumns.map((column) => next[column]),
  );
  yield* reviewLogSteps(card.id, change);
  return { ...card, ...next };
}

function* reviewLogSteps(cardId: string, change: CardReview): Steps<void> {
  yield* run(
    `INSERT INTO "ReviewLog" ("id", "cardId", ${quoted(logColumns)}) VALUES (${placeholders(2 + logColumns.length)})`,
    cuid(),
    cardId,
    ...logColumns.map((column) => change.log[column]),
  );
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

/** The items still in the course: a card for anything else (a removed exercise or question) is not shown or counted. */
export type KnownItems = { exercise: readonly string[]; question: readonly string[] };

// The items as one JSON parameter each (SQLite's json_each, PostgreSQL's
// json_array_elements_text), so a course of any size is one statement.
function knownTable(items: KnownItems) {
  const exercise = JSON.stringify(items.exercise);
  const question = JSON.stringify(items.question);
  if (dialect === "postgresql") {
    return Prisma.sql`SELECT 'exercise' AS "kind", "value" AS "itemId" FROM json_array_elements_text(${exercise}::json)
      UNION ALL SELECT 'question', "value" FROM json_array_elements_text(${question}::json)`;
  }
  return Prisma.sql`SELECT 'exercise' AS "kind", "value" AS "itemId" FROM json_each(${exercise})
    UNION ALL SELECT 'question', "value" FROM json_each(${question})`;
}

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/**
 * What the queue needs, in two statements: the first `limit` due cards,
 * oldest due first (the (learnerId, due) index serves the range and the
 * order), and how many are due now and before `endOfDay`, how many cards in
 * all, and the next due time after `now`. DateTimes compare as Prisma's
 * stored text (ISO 8601, UTC, one fixed width), the form it binds them in.
 */
export async function queueRows(
  learnerId: string,
  now: Date,
  endOfDay: Date,
  items: KnownItems,
  limit: number,
): Promise<{ due: QueueRow[]; dueNow: number; dueToday: number; total: number; nextDue: Date | null }> {
  await databaseReady();
  const known = knownTable(items);
  const [due, [counts]] = await Promise.all([
    prisma.$queryRaw<{ id: string; kind: string; itemId: string; due: unknown; state: number | bigint; reps: number | bigint; lapses: number | bigint; lastReview: unknown }[]>`
      SELECT c."id", c."kind", c."itemId", c."due", c."state", c."reps", c."lapses", c."lastReview"
      FROM "ReviewCard" c
      WHERE c."learnerId" = ${learnerId} AND c."due" <= ${now} AND (c."kind", c."itemId") IN (${known})
      ORDER BY c."due", c."id"
      LIMIT ${limit}`,
    prisma.$queryRaw<{ dueNow: number | bigint | null; dueToday: number | bigint | null; total: number | bigint; nextDue: unknown }[]>`
      SELECT SUM(CASE WHEN c."due" <= ${now} THEN 1 ELSE 0 END) AS "dueNow", SUM(CASE WHEN c."due" < ${endOfDay} THEN 1 ELSE 0 END) AS "dueToday", COUNT(*) AS "total",
        MIN(CASE WHEN c."due" > ${now} THEN c."due" END) AS "nextDue"
      FROM "ReviewCard" c
      WHERE c."learnerId" = ${learnerId} AND (c."kind", c."itemId") IN (${known})`,
  ]);
  return {
    due: due.map((row) => ({
      id: row.id,
      kind: row.kind === "question" ? "question" : "exercise",
      itemId: row.itemId,
      due: asDate(row.due),
      state: Number(row.state),
      reps: Number(row.reps),
      lapses: Number(row.lapses),
      lastReview: row.lastReview === null ? null : asDate(row.lastReview),
    })),
    dueNow: Number(counts?.dueNow ?? 0),
    dueToday: Number(counts?.dueToday ?? 0),
    total: Number(counts?.total ?? 0),
    nextDue: counts?.nextDue === null || counts?.nextDue === undefined ? null : asDate(counts.nextDue),
  };
}

/** How many of the learner's cards fall due before `endOfDay`. */
export async function countDueBefore(learnerId: string, endOfDay: Date, items: KnownItems): Promise<number> {
  await databaseReady();
  const [row] = await prisma.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM "ReviewCard" c
    WHERE c."learnerId" = ${learnerId} AND c."due" < ${endOfDay} AND (c."kind", c."itemId") IN (${knownTable(items)})`;
  return Number(row?.n ?? 0);
}

/**
 * The UTC days (YYYY-MM-DD) on which the learner reviewed anything, newest
 * first: the database reads the (cardId, reviewedAt) index and returns one row a
 * day, however many reviews there were (for the streak). reviewedAt is
 * timestamp(3) in UTC on PostgreSQL; Prisma's ISO text (or epoch ms) on SQLite.
 */
export async function reviewDays(learnerId: string): Promise<string[]> {
  await databaseReady();
  const day =
    dialect === "postgresql"
      ? Prisma.sql`to_char(l."reviewedAt", 'YYYY-MM-DD')`
      : Prisma.sql`CASE typeof(l."reviewedAt") WHEN 'integer' THEN date(l."reviewedAt" / 1000, 'unixepoch') ELSE substr(l."reviewedAt", 1, 10) END`;
  const rows = await prisma.$queryRaw<{ day: string }[]>`
    SELECT DISTINCT ${day} AS "day"
    FROM "ReviewLog" l JOIN "ReviewCard" c ON c."id" = l."cardId"
    WHERE c."learnerId" = ${learnerId}
    ORDER BY "day" DESC`;
  return rows.map((row) => row.day);
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
