// A per-key sliding-window limit kept in this process's memory. Enough for one
// Node server; several servers behind a balancer would need a shared store.

export type RateLimit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();
  let lastSweep = now();

  function sweep(time: number) {
    if (time - lastSweep < options.windowMs) return;
    lastSweep = time;
    for (const [key, list] of hits) if ((list[list.length - 1] ?? 0) <= time - options.windowMs) hits.delete(key);
  }

  return {
    check(key: string): RateLimit {
      const time = now();
      sweep(time);
      const recent = (hits.get(key) ?? []).filter((t) => t > time - options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + options.windowMs - time) / 1000)) };
      }
      recent.push(time);
      hits.set(key, recent);
      return { allowed: true };
    },
  };
}

/** Submissions per learner: generous for a person, a wall for a script. */
export const submissionLimiter = createRateLimiter({ limit: 20, windowMs: 10_000 });
