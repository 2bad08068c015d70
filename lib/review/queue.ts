// The review queue and the words around it: which cards are due, in what
// order, the streak, "again in 3 days". Pure (the browser uses the wording
// too).
//
// Days are UTC days. The dashboard and the queue are rendered on the server,
// which does not know the learner's zone, and a streak that changed with the
// device's clock would be worse than one whose day starts at 00:00 UTC; the
// page says so next to the streak.

export type QueueCard = { id: string; kind: "question" | "exercise"; itemId: string; due: Date };

const DAY_MS = 86_400_000;

/** Due at or before `now`, oldest due first (ties by id, so the order is stable). */
export function dueQueue<T extends QueueCard>(cards: readonly T[], now: Date): T[] {
  return cards
    .filter((card) => card.due.getTime() <= now.getTime())
    .sort((a, b) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The UTC day of a time, as a whole number of days since 1970-01-01. */
export function utcDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** The end of the UTC day holding `now` (exclusive): "due today" means due before it. */
export function endOfUtcDay(now: Date): Date {
  return new Date((utcDay(now) + 1) * DAY_MS);
}

/**
 * Consecutive UTC days with at least one review, ending today, or yesterday
 * when there has been no review yet today (the streak is still alive until
 * today ends). `times` in any order.
 */
export function streakDays(times: readonly Date[], now: Date): number {
  return streakOf(new Set(times.map(utcDay)), now);
}

/** The same streak from UTC dates written YYYY-MM-DD (one per day with a review, as the database returns them). */
export function streakFromDates(dates: readonly string[], now: Date): number {
  return streakOf(new Set(dates.map((date) => utcDay(new Date(`${date}T00:00:00Z`)))), now);
}

function streakOf(days: Set<number>, now: Date): number {
  const today = utcDay(now);
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

function plural(n: number, unit: string) {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** "now", "in 10 minutes", "in 3 hours", "in 3 days", "in 2 months": when a card comes back. */
export function dueInWords(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 30_000) return "now";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `in ${plural(Math.max(1, minutes), "minute")}`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 24) return `in ${plural(hours, "hour")}`;
  const days = Math.round(ms / DAY_MS);
  if (days < 60) return `in ${plural(days, "day")}`;
  const months = Math.round(days / 30);
  if (months < 24) return `in ${plural(months, "month")}`;
  return `in ${plural(Math.round(days / 365), "year")}`;
}
