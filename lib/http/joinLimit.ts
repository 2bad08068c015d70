// Guessing join codes: each unknown or malformed code a learner or an address
// tries counts against them; too many in ten minutes and further tries are
// refused for a while, right or wrong. Only failures count, so a whole class
// behind one school address can join at once.
import { createRateLimiter } from "./rateLimit";

const WINDOW_MS = 10 * 60_000;

export function createJoinGuard(options: { perLearner: number; perAddress: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const learners = createRateLimiter({ limit: options.perLearner, windowMs: WINDOW_MS, now });
  const addresses = createRateLimiter({ limit: options.perAddress, windowMs: WINDOW_MS, now });
  const blockedUntil = new Map<string, number>();

  function blockedFor(keys: string[]): number {
    const time = now();
    let until = 0;
    for (const key of keys) {
      const end = blockedUntil.get(key) ?? 0;
      if (end > time) until = Math.max(until, end);
      else blockedUntil.delete(key);
    }
    return until > time ? Math.ceil((until - time) / 1000) : 0;
  }

  return {
    /** Seconds to wait before trying again, or 0 when this caller may try a code. */
    retryAfter(learnerId: string, address: string): number {
      return blockedFor([`learner:${learnerId}`, `address:${address}`]);
    },
    /** Records a wrong code; returns the seconds to wait when that was one too many, else 0. */
    recordFailure(learnerId: string, address: string): number {
      const checks: [string, ReturnType<typeof learners.check>][] = [
        [`learner:${learnerId}`, learners.check(learnerId)],
        [`address:${address}`, addresses.check(address)],
      ];
      for (const [key, result] of checks) if (!result.allowed) blockedUntil.set(key, now() + result.retryAfterSeconds * 1000);
      return blockedFor(checks.map(([key]) => key));
    },
  };
}

/** 10 wrong codes per learner, 30 per address, in ten minutes. */
export const joinGuard = createJoinGuard({ perLearner: 10, perAddress: 30 });

/**
 * The caller's address as the server saw it. Next's server sets
 * x-forwarded-for from the socket (a proxy in front appends to it); the first
 * entry is the client. Without it, every caller shares one bucket.
 */
export function clientAddress(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
