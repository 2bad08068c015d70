// The shared store behind lib/http/rateLimit.ts: each key's policy state in
// the Throttle table, read and written inside one transaction that first
// locks the keys' rows (PostgreSQL: a row lock per key, taken in key order so
// two requests never deadlock; SQLite: the database's write lock), so
// requests on several app processes count exactly, never twice or not at all.
import "server-only";
import { seconds, type Decision, type Policy, type RateLimit } from "@/lib/http/limitPolicies";
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseReady, prisma } from "./client";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
type Entry<S> = { key: string; policy: Policy<S> };

/** About one call in this many also deletes rows that have expired. */
const SWEEP_ONE_IN = 500;

async function lockedStates(tx: Tx, keys: string[]): Promise<Map<string, unknown>> {
  const sorted = [...new Set(keys)].sort();
  // Insert-or-touch: a write on each row, so this transaction holds its lock before reading.
  const epoch = new Date(0);
  await tx.$executeRaw`INSERT INTO "Throttle" ("key", "state", "expiresAt")
    VALUES ${Prisma.join(sorted.map((key) => Prisma.sql`(${key}, '', ${epoch})`))}
    ON CONFLICT ("key") DO UPDATE SET "key" = EXCLUDED."key"`;
  const rows = await tx.throttle.findMany({ where: { key: { in: sorted } }, select: { key: true, state: true } });
  const states = new Map<string, unknown>();
  for (const row of rows) {
    try {
      states.set(row.key, row.state ? JSON.parse(row.state) : undefined);
    } catch {
      states.set(row.key, undefined);
    }
  }
  return states;
}

// On the caller's clock (`now`), the one the rows' expiry was computed on.
async function sweep(now: number): Promise<void> {
  if (Math.random() * SWEEP_ONE_IN >= 1) return;
  await prisma.throttle.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
}

/**
 * One more request against every entry's key: allowed only when every policy
 * allows it, and then counted on every key; refused (and counted nowhere)
 * with the longest wait otherwise.
 */
export async function throttle(entries: Entry<any>[], now = Date.now()): Promise<RateLimit> {
  await databaseReady();
  const result = await prisma.$transaction(async (tx) => {
    const states = await lockedStates(tx, entries.map((e) => e.key));
    const decisions: [string, Decision<unknown>][] = entries.map(({ key, policy }) => [key, policy.decide(policy.read(states.get(key)), now)]);
    const refused = decisions.filter(([, d]) => !d.allowed);
    if (refused.length > 0) return { allowed: false as const, retryAfterSeconds: seconds(Math.max(...refused.map(([, d]) => d.retryAfterMs))) };
    for (const [key, decision] of decisions) {
      await tx.throttle.update({ where: { key }, data: { state: JSON.stringify(decision.next), expiresAt: new Date(decision.expiresAt) } });
    }
    return { allowed: true as const };
  });
  await sweep(now);
  return result;
}

/**
 * A fixed-window counter in one statement (insert-or-increment, RETURNING):
 * the row is locked only while that statement runs, so a key every request
 * shares (one address behind which a whole class sits, or a load test) does
 * not queue requests behind whole transactions. Counts refused requests too.
 */
export async function countInWindow(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimit> {
  await databaseReady();
  const windowEnd = (Math.floor(now / windowMs) + 1) * windowMs;
  const rowKey = `${key}@${windowEnd}`;
  const [row] = await prisma.$queryRaw<{ state: string }[]>`
    INSERT INTO "Throttle" ("key", "state", "expiresAt") VALUES (${rowKey}, '1', ${new Date(windowEnd)})
    ON CONFLICT ("key") DO UPDATE SET "state" = CAST(CAST("Throttle"."state" AS INTEGER) + 1 AS TEXT)
    RETURNING "state"`;
  await sweep(now);
  return Number(row?.state ?? 0) <= limit ? { allowed: true } : { allowed: false, retryAfterSeconds: seconds(windowEnd - now) };
}

/** Changes one key's state (e.g. a right password forgives the tries before it); `undefined` forgets the key. */
export async function adjustThrottle<S>(
  key: string,
  policy: Policy<S>,
  change: (state: S | undefined, now: number) => { next: S | undefined; expiresAt: number },
  now = Date.now(),
): Promise<void> {
  await databaseReady();
  await prisma.$transaction(async (tx) => {
    const states = await lockedStates(tx, [key]);
    const { next, expiresAt } = change(policy.read(states.get(key)), now);
    if (next === undefined) await tx.throttle.delete({ where: { key } });
    else await tx.throttle.update({ where: { key }, data: { state: JSON.stringify(next), expiresAt: new Date(expiresAt) } });
  });
}

/** Seconds until one more request on every key would be allowed by its policy's `retryAfterMs` (0: now), without counting one. */
export async function peekThrottle<S>(entries: { key: string; policy: Policy<S> & { retryAfterMs(state: S | undefined, now: number): number } }[], now = Date.now()): Promise<number> {
  await databaseReady();
  const rows = await prisma.throttle.findMany({ where: { key: { in: entries.map((e) => e.key) } }, select: { key: true, state: true } });
  const states = new Map(rows.map((row) => [row.key, row.state]));
  let wait = 0;
  for (const { key, policy } of entries) {
    const raw = states.get(key);
    let parsed: unknown;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = undefined;
    }
    wait = Math.max(wait, policy.retryAfterMs(policy.read(parsed), now));
  }
  return wait > 0 ? seconds(wait) : 0;
}
