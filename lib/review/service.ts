// Spaced review as the /review page, the dashboard and the review routes use
// it: the due queue, the summary (due today, streak), opening a card (a fresh
// variant for an exercise) and a card's state after a review. Server-only.
import "server-only";
import { interviewQuestions } from "@/content/interview";
import { countDueBefore, findOwnCard, ownAnswerWithClaims, queueRows, reviewDays, type KnownItems, type ReviewKind } from "@/lib/db/review";
import { exercises, findExercise } from "@/lib/exercises/catalog";
import { anotherVariant, exerciseForLearner } from "@/lib/exercises/learnerVariant";
import { TOPICS } from "@/lib/interview/question";
import { reviseReview, type ReviewOutcome } from "./cards";
import { dueQueue, endOfUtcDay, streakFromDates } from "./queue";
import { liftedScore, type FreeTextGrade } from "./rating";

export type QueueItem = {
  cardId: string;
  kind: ReviewKind;
  itemId: string;
  /** The exercise's title, or the question as asked. */
  title: string;
  /** "Lesson exercise" or the question's topic. */
  context: string;
  due: string;
  lastReview: string | null;
  reps: number;
};

export type ReviewQueue = {
  /** The first due cards, oldest due first (up to QUEUE_PAGE; the page shows one at a time and asks again after each). */
  items: QueueItem[];
  /** Cards due now. */
  dueNow: number;
  /** Cards due before today (UTC) ends, the ones due now included. */
  dueToday: number;
  /** Cards the learner has in all. */
  total: number;
  /** The first due time after now (ISO), or null. */
  nextDue: string | null;
  streak: number;
};

export const QUEUE_PAGE = 20;

const questionsById = new Map(interviewQuestions.map((q) => [q.id, q]));

function questionById(id: string) {
  return questionsById.get(id);
}

/** What the review queue knows of the course: which items exist, and what to call each. */
export type ReviewCatalog = {
  items: KnownItems;
  describe(kind: ReviewKind, itemId: string): { title: string; context: string } | undefined;
};

let course: ReviewCatalog | undefined;

/** The exercises and questions in the course now: a card for anything else (removed since) is neither shown nor counted; its records stay. */
export function courseCatalog(): ReviewCatalog {
  course ??= {
    items: { exercise: exercises.map((e) => e.id), question: interviewQuestions.map((q) => q.id) },
    describe(kind, itemId) {
      if (kind === "exercise") {
        const exercise = findExercise(itemId);
        return exercise ? { title: exercise.title, context: "Lesson exercise" } : undefined;
      }
      const question = questionById(itemId);
      return question ? { title: question.question, context: `Interview question: ${TOPICS[question.topic]}` } : undefined;
    },
  };
  return course;
}

const describe: ReviewCatalog["describe"] = (kind, itemId) => courseCatalog().describe(kind, itemId);

export async function reviewStreak(learnerId: string, now: Date): Promise<number> {
  return streakFromDates(await reviewDays(learnerId), now);
}

/** The learner's due cards, oldest due first, with what the page shows of each, and the counts around them. */
export async function reviewQueue(learnerId: string, now: Date, catalog: ReviewCatalog = courseCatalog()): Promise<ReviewQueue> {
  const [rows, streak] = await Promise.all([queueRows(learnerId, now, endOfUtcDay(now), catalog.items, QUEUE_PAGE), reviewStreak(learnerId, now)]);
  const items: QueueItem[] = [];
  for (const row of dueQueue(rows.due, now)) {
    const described = catalog.describe(row.kind, row.itemId);
    if (!described) continue;
    items.push({ cardId: row.id, kind: row.kind, itemId: row.itemId, ...described, due: row.due.toISOString(), lastReview: row.lastReview?.toISOString() ?? null, reps: row.reps });
  }
  return { items, dueNow: rows.dueNow, dueToday: rows.dueToday, total: rows.total, nextDue: rows.nextDue?.toISOString() ?? null, streak };
}

/** The dashboard's line: due today and the streak. */
export async function reviewSummary(learnerId: string, now: Date, catalog: ReviewCatalog = courseCatalog()): Promise<{ dueToday: number; streak: number }> {
  const [dueToday, streak] = await Promise.all([countDueBefore(learnerId, endOfUtcDay(now), catalog.items), reviewStreak(learnerId, now)]);
  return { dueToday, streak };
}

/** A card as the review page shows it after a review. */
export type CardView = {
  id: string;
  kind: ReviewKind;
  itemId: string;
  due: string;
  lastReview: string | null;
  reps: number;
  lapses: number;
  state: number;
};

function cardView(card: { id: string; kind: ReviewKind; itemId: string; due: Date; lastReview: Date | null; reps: number; lapses: number; state: number }): CardView {
  return { id: card.id, kind: card.kind, itemId: card.itemId, due: card.due.toISOString(), lastReview: card.lastReview?.toISOString() ?? null, reps: card.reps, lapses: card.lapses, state: card.state };
}

export async function ownCardView(learnerId: string, cardId: string): Promise<CardView | null> {
  const card = await findOwnCard(learnerId, cardId);
  return card ? cardView(card) : null;
}

export type OpenedCard = CardView & { title: string; context: string; question?: { id: string; text: string; topic: string; difficulty: string } };

/**
 * Opens a card for review. An exercise is answered on a fresh variant: if the
 * learner's current variant has been answered, solved, revealed or hinted,
 * they are moved on ("try another variant"), so a review never shows a
 * variant whose answer they have seen. Opening again does not move them
 * further (the new variant is fresh until they act on it).
 */
export async function openCard(learnerId: string, cardId: string): Promise<OpenedCard | null> {
  const card = await findOwnCard(learnerId, cardId);
  if (!card) return null;
  const described = describe(card.kind, card.itemId);
  if (!described) return null;
  if (card.kind === "exercise") {
    const view = await exerciseForLearner(learnerId, card.itemId);
    if (!view) return null;
    const used = !view.current.open || view.hints.shown.length > 0 || view.attempts.some((attempt) => attempt.variantSeed === view.variantSeed);
    if (used) await anotherVariant(learnerId, card.itemId);
    return { ...cardView(card), ...described };
  }
  const question = questionById(card.itemId)!;
  return { ...cardView(card), ...described, question: { id: question.id, text: question.question, topic: TOPICS[question.topic], difficulty: question.difficulty } };
}

/**
 * "I did cover this" on an interview answer lifts the rating of its review:
 * the claimed missing ideas count as found (rating.ts `liftedScore`), and the
 * card is replayed if that answer was its latest review. Idempotent; the
 * interview track's claim route may call it, the review page's does.
 */
export async function liftReviewForClaims(learnerId: string, answerId: string): Promise<ReviewOutcome | null> {
  const answer = await ownAnswerWithClaims(learnerId, answerId);
  if (!answer) return null;
  let grade: FreeTextGrade;
  try {
    grade = JSON.parse(answer.result) as FreeTextGrade;
    if (!Array.isArray(grade.ideas)) return null;
  } catch {
    return null;
  }
  const score = liftedScore({ ...grade, score: answer.score }, answer.claims);
  return reviseReview(learnerId, "question", answer.questionId, score, answer.createdAt);
}
