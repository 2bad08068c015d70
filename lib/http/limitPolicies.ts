// Rate limits and throttles as pure policies over a small state per key
// (times in ms). The state lives in the database (lib/db/throttles.ts); the
// limits themselves are in lib/http/rateLimit.ts and lib/auth/loginThrottle.ts.

export type RateLimit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** What a policy says about one more request on a key: allowed or not, the state to keep, and when that state can be forgotten. */
export type Decision<S> = { allowed: boolean; retryAfterMs: number; next: S; expiresAt: number };

export type Policy<S> = {
  /** Parses a stored state (anything, possibly from an older version) into this policy's shape. */
  read(stored: unknown): S | undefined;
  decide(state: S | undefined, now: number): Decision<S>;
};

/** At most `limit` requests in any `windowMs`: a log of recent request times per key. */
export function slidingWindow(options: { limit: number; windowMs: number }): Policy<number[]> & { retryAfterMs(state: number[] | undefined, now: number): number } {
  const recent = (hits: number[] | undefined, now: number) => (hits ?? []).filter((t) => t > now - options.windowMs);
  const retryAfterMs = (hits: number[] | undefined, now: number) => {
    const live = recent(hits, now);
    return live.length >= options.limit ? live[live.length - options.limit]! + options.windowMs - now : 0;
  };
  return {
    read: (stored) => (Array.isArray(stored) && stored.every((t) => typeof t === "number") ? stored : undefined),
    retryAfterMs,
    decide(hits, now) {
      const live = recent(hits, now);
      const wait = retryAfterMs(live, now);
      if (wait > 0) return { allowed: false, retryAfterMs: wait, next: live, expiresAt: live[live.length - 1]! + options.windowMs };
      // Keep only what can still matter: the newest `limit` times.
      const next = [...live, now].slice(-options.limit);
      return { allowed: true, retryAfterMs: 0, next, expiresAt: now + options.windowMs };
    },
  };
}

export type BackoffState = { failures: number; blockedUntil: number; lastAt: number };

/**
 * Exponential backoff on failures: `free` tries, then each further one must
 * wait base, 2 base, 4 base, … up to `maxMs`; forgotten `forgetAfterMs` after
 * the last try. A try counts when it starts (so parallel guesses cannot slip
 * through together); `forgive` takes it back when it turned out right.
 */
export function backoff(options: { free: number; baseMs: number; maxMs: number; forgetAfterMs: number }) {
  const fresh = (): BackoffState => ({ failures: 0, blockedUntil: 0, lastAt: 0 });
  const live = (state: BackoffState | undefined, now: number) => (!state || now - state.lastAt > options.forgetAfterMs ? fresh() : state);
  const delay = (failures: number) => (failures < options.free ? 0 : Math.min(options.baseMs * 2 ** (failures - options.free), options.maxMs));
  const policy: Policy<BackoffState> & {
    forgive(state: BackoffState | undefined, now: number, how: "all" | "one"): { next: BackoffState | undefined; expiresAt: number };
  } = {
    read(stored) {
      const s = stored as Partial<BackoffState> | null;
      return s && typeof s === "object" && [s.failures, s.blockedUntil, s.lastAt].every((n) => typeof n === "number") ? (s as BackoffState) : undefined;
    },
    decide(state, now) {
      const s = live(state, now);
      if (s.blockedUntil > now) return { allowed: false, retryAfterMs: s.blockedUntil - now, next: s, expiresAt: s.lastAt + options.forgetAfterMs };
      const failures = s.failures + 1;
      const wait = delay(failures);
      const next = { failures, blockedUntil: wait > 0 ? now + wait : 0, lastAt: now };
      return { allowed: true, retryAfterMs: 0, next, expiresAt: Math.max(next.blockedUntil, now) + options.forgetAfterMs };
    },
    forgive(state, now, how) {
      const s = live(state, now);
      if (how === "all" || s.failures <= 1) return { next: undefined, expiresAt: now };
      const failures = s.failures - 1;
      // Below the free tries again: the block this try set is lifted.
      const next = { ...s, failures, blockedUntil: failures < options.free ? 0 : s.blockedUntil };
      return { next, expiresAt: s.lastAt + options.forgetAfterMs };
    },
  };
  return policy;
}

export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
