// The shared store behind lib/http/rateLimit.ts: each key's policy state in
// the Throttle table, read and written inside one transaction that first
// locks the keys' rows (PostgreSQL: a row lock per key, taken in key order so
// two requests never deadlock; SQLite: the database's write lock), so
// requests on several app processes count exactly, never twice or not at all.
// Every submission passes here, so the writes go through the direct driver
// (lib/db/direct.ts, decision record 0017), storing the rows as Prisma would.
import "server-only";
import { seconds, type Decision, type Policy, type RateLimit } from "@/lib/http/limitPolicies";
import { databaseReady, prisma } from "./client";
import { all, given, rows, rowsAlone, run, transaction, type Steps } from "./direct";

type Entry<S> = { key: string; policy: Policy<S> };

/** About one call in this many also deletes rows that have expired. */
const SWEEP_ONE_IN = 500;

/** The keys' rows, inserted if absent and touched (a write, so the transaction holds their lock), read in the same statement. */
function* lockedStatesSteps(keys: string[]): Steps<Map<string, unknown>> {
  const sorted = [...new Set(keys)].sort();
  const epoch = new Date(0);
  // RETURNING gives each row as the statement left it: a new row's empty state, or an existing row's stored state (only its key is "updated").
  const found = yield* rows<{ key: string; state: string }>(
    `INSERT INTO "Throttle" ("key", "state", "expiresAt") VALUES ${sorted.map((_, i) => `($${2 * i + 1}, '', $${2 * i + 2})`).join(", ")}
     ON CONFLICT ("key") DO UPDATE SET "key" = EXCLUDED."key"
     RETURNING "key", "state"`,
    ...sorted.flatMap((key) => [key, epoch]),
  );
  const states = new Map<string, unknown>();
  for (const row of found) {
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
  await transaction(() => run(`DELETE FROM "Throttle" WHERE "expiresAt" < $1`, new Date(now)));
}

/**
 * One more request against every entry's key: allowed only when every policy
 * allows it, and then counted on every key; refused (and counted nowhere)
 * with the longest wait otherwise.
 */
export async function throttle(entries: Entry<any>[], now = Date.now()): Promise<RateLimit> {
  const result = await transaction(() => throttleSteps(entries, now));
  await sweep(now);
  return result;
}

/** `throttle`'s work; `first`, if given, runs once the entries' rows are locked and read, and a refusal from it stops the entries counting. */
function* throttleSteps(entries: Entry<any>[], now: number, first?: () => Steps<RateLimit>): Steps<RateLimit> {
  // Sent together (one round trip on PostgreSQL), the entries' rows first, so they are locked before `first`'s.
  const [locked, before] = yield* all(lockedDecisionSteps(entries, now), first ? first() : given<RateLimit>({ allowed: true }));
  if (!before.allowed) return before;
  if (locked.limit.allowed) yield* locked.record();
  return locked.limit;
}

/** Locks and reads the entries' rows: what their policies decide, and the writes that record it (to run only if the request goes ahead). */
function* lockedDecisionSteps(entries: Entry<any>[], now: number): Steps<LockedDecision> {
  const states = yield* lockedStatesSteps(entries.map((e) => e.key));
  const decisions: [string, Decision<unknown>][] = entries.map(({ key, policy }) => [key, policy.decide(policy.read(states.get(key)), now)]);
  const refused = decisions.filter(([, d]) => !d.allowed);
  if (refused.length > 0) {
    return { limit: { allowed: false, retryAfterSeconds: seconds(Math.max(...refused.map(([, d]) => d.retryAfterMs))) }, *record() {} };
  }
  return {
    limit: { allowed: true },
    *record() {
      for (const [key, decision] of decisions) {
        yield* run(`UPDATE "Throttle" SET "state" = $1, "expiresAt" = $2 WHERE "key" = $3`, JSON.stringify(decision.next), new Date(decision.expiresAt), key);
      }
    },
  };
}

type LockedDecision = { limit: RateLimit; record(): Steps<void> };

/**
 * `countThenThrottle`'s counting, to be done either on its own (`now`, for a
 * request that ends before its transaction) or as steps of the request's own
 * transaction, so that a submission takes one transaction, not two: `count`
 * as the transaction's first step (the counter commits alone on PostgreSQL),
 * then `lock` sent with the transaction's first reads; the request goes ahead
 * only if both allow, and then runs `record`. `sweep` afterwards, as `now` does.
 */
export type LimitGate = {
  now(): Promise<RateLimit>;
  count(): Steps<RateLimit>;
  lock(): Steps<LockedDecision>;
  sweep(): Promise<void>;
};

/** `counted`: the counter's answer, when it was counted already (with other statements: `countSteps`), so it is not counted twice. */
export function countThenThrottleGate(counter: Counter, entries: Entry<any>[], now = Date.now(), counted?: RateLimit): LimitGate {
  return {
    now: async () => {
      if (!counted) return countThenThrottle(counter, entries, now);
      return counted.allowed ? throttle(entries, now) : counted;
    },
    count: () => (counted ? given(counted) : countSteps(counter, now)),
    lock: () => lockedDecisionSteps(entries, now),
    sweep: () => sweep(now),
  };
}

export type Counter = { key: string; limit: number; windowMs: number };

/**
 * A fixed-window counter in one statement (insert-or-increment, RETURNING):
 * the row is locked only while that statement runs, so a key every request
 * shares (one address behind which a whole class sits, or a load test) does
 * not queue requests behind whole transactions. Counts refused requests too.
 */
export async function countInWindow(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimit> {
  const result = await transaction(() => countSteps({ key, limit, windowMs }, now));
  await sweep(now);
  return result;
}

/** `countInWindow`'s statement, as a step (committed alone on PostgreSQL). */
export function* countSteps({ key, limit, windowMs }: Counter, now: number): Steps<RateLimit> {
  const windowEnd = (Math.floor(now / windowMs) + 1) * windowMs;
  // Committed alone on PostgreSQL (rowsAlone): every request from one address shares this row.
  const [row] = yield* rowsAlone<{ state: string }>(
    `INSERT INTO "Throttle" ("key", "state", "expiresAt") VALUES ($1, '1', $2)
     ON CONFLICT ("key") DO UPDATE SET "state" = CAST(CAST("Throttle"."state" AS INTEGER) + 1 AS TEXT)
     RETURNING "state"`,
    `${key}@${windowEnd}`,
    new Date(windowEnd),
  );
  return Number(row?.state ?? 0) <= limit ? { allowed: true } : { allowed: false, retryAfterSeconds: seconds(windowEnd - now) };
}

/**
 * `countInWindow` on `counter`, then, if it allows, `throttle` on `entries`:
 * the same decisions and rows. On SQLite, one transaction (one commit, not
 * two). On PostgreSQL the counter commits alone first (rowsAlone), so its row,
 * which every request from one address shares, is locked only while its own
 * statement runs: held to the transaction's commit, it queued every request
 * from the address behind the one holding it (PostgreSQL spent 2.9 ms of CPU
 * per submission instead of 1.0).
 */
export async function countThenThrottle(counter: Counter, entries: Entry<any>[], now = Date.now()): Promise<RateLimit> {
  const result = await transaction(() => throttleSteps(entries, now, () => countSteps(counter, now)));
  await sweep(now);
  return result;
}

/** Changes one key's state (e.g. a right password forgives the tries before it); `undefined` forgets the key. */
export async function adjustThrottle<S>(
  key: string,
  policy: Policy<S>,
  change: (state: S | undefined, now: number) => { next: S | undefined; expiresAt: number },
  now = Date.now(),
): Promise<void> {
  await transaction(function* () {
    const states = yield* lockedStatesSteps([key]);
    const { next, expiresAt } = change(policy.read(states.get(key)), now);
    if (next === undefined) yield* run(`DELETE FROM "Throttle" WHERE "key" = $1`, key);
    else yield* run(`UPDATE "Throttle" SET "state" = $1, "expiresAt" = $2 WHERE "key" = $3`, JSON.stringify(next), new Date(expiresAt), key);
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
