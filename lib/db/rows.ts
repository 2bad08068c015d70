// Column values as the direct driver (lib/db/direct.ts) reads them back, in
// the types Prisma hands out: each database and driver returns its own forms.
import "server-only";

/**
 * A DateTime column: a Date (node-postgres), Prisma's ISO text with "+00:00"
 * (SQLite), SQLite's CURRENT_TIMESTAMP text ("YYYY-MM-DD HH:MM:SS", UTC), or
 * milliseconds since the epoch (the adapter's other SQLite format).
 */
export function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  // Without a zone mark, V8 would read it as local time; SQLite's own timestamps are UTC.
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text);
}

export function optionalDateOf(value: unknown): Date | null {
  return value === null || value === undefined ? null : dateOf(value);
}

/** A Boolean column: 1/0 on SQLite, a boolean on PostgreSQL. */
export function booleanOf(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true";
}

/** An Int, Float or count: counts arrive as text from PostgreSQL (bigint), oids as numbers. */
export function numberOf(value: unknown): number {
  return Number(value);
}
