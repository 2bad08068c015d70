// Guessing join codes: each unknown or malformed code a learner or an address
// tries counts against them; too many in ten minutes and further tries are
// refused for a while, right or wrong. Only failures count, so a whole class
// behind one school address can join at once. Counted in the database, so
// every app process sees the same count (lib/db/throttles.ts).
import { peekThrottle, throttle } from "@/lib/db/throttles";
import { slidingWindow } from "./limitPolicies";

export { clientAddress } from "./clientAddress";

const WINDOW_MS = 10 * 60_000;

export function createJoinGuard(options: { perLearner: number; perAddress: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const learners = slidingWindow({ limit: options.perLearner, windowMs: WINDOW_MS });
  const addresses = slidingWindow({ limit: options.perAddress, windowMs: WINDOW_MS });
  const entries = (learnerId: string, address: string) => [
    { key: `join:learner:${learnerId}`, policy: learners },
    { key: `join:address:${address}`, policy: addresses },
  ];
  return {
    /** Seconds to wait before trying again, or 0 when this caller may try a code. */
    retryAfter(learnerId: string, address: string): Promise<number> {
      return peekThrottle(entries(learnerId, address), now());
    },
    /** Records a wrong code; returns the seconds to wait when that was one too many, else 0. */
    async recordFailure(learnerId: string, address: string): Promise<number> {
      const result = await throttle(entries(learnerId, address), now());
      return result.allowed ? 0 : result.retryAfterSeconds;
    },
  };
}

/** 10 wrong codes per learner, 30 per address, in ten minutes. */
export const joinGuard = createJoinGuard({ perLearner: 10, perAddress: 30 });
