// The request limits, counted in the database (lib/db/throttles.ts) so every
// app process behind the proxy counts against the same ones, never in one
// process's memory (docs/decisions/0016). Policies: lib/http/limitPolicies.ts.
import type { Steps } from "@/lib/db/direct";
import { countSteps, countThenThrottleGate, type Counter, type LimitGate } from "@/lib/db/throttles";
import { clientAddress } from "./clientAddress";
import { slidingWindow, type RateLimit } from "./limitPolicies";

export type { RateLimit } from "./limitPolicies";

/** Submissions per learner: generous for a person, a wall for a script. */
export const perLearnerSubmissions = slidingWindow({ limit: 20, windowMs: 10_000 });

/**
 * Submissions per client address, beside the per-learner limit: a script
 * that sheds its guest cookie on every request is a new learner each time,
 * but not a new address. A classroom shares one address, so the default is
 * high (SUBMISSION_LIMIT_PER_ADDRESS per 10 s; raise it for load tests from
 * one machine). Every request from the address touches its row, so it is a
 * fixed-window counter changed in one statement, not a locked transaction.
 */
export const perAddressSubmissions = { limit: Number(process.env.SUBMISSION_LIMIT_PER_ADDRESS) || 600, windowMs: 10_000 };

/** One more submission (or new-variant request) by this learner from this request's address? */
export async function checkSubmissionLimits(learnerId: string, headers: { get(name: string): string | null }): Promise<RateLimit> {
  return submissionLimits(learnerId, headers).now();
}

/**
 * The same limits, to be counted either now or inside the submission's own
 * transaction (lib/db/attempts.ts, withLimitedExerciseRecords): the address's
 * counter (refused requests count too), then the learner's limit, which
 * counts only when both allow.
 */
export function submissionLimits(learnerId: string, headers: { get(name: string): string | null }, addressCounted?: AddressCount): LimitGate {
  const now = addressCounted?.now ?? Date.now();
  return countThenThrottleGate(addressCounter(headers), [{ key: `submit:learner:${learnerId}`, policy: perLearnerSubmissions }], now, addressCounted?.limit);
}

export type AddressCount = { limit: RateLimit; now: number };

/** The address's counter on its own, as a step to send with other statements (the guest's account check); then `submissionLimits(…, counted)`. */
export function* countAddressSteps(headers: { get(name: string): string | null }, now = Date.now()): Steps<AddressCount> {
  return { limit: yield* countSteps(addressCounter(headers), now), now };
}

function addressCounter(headers: { get(name: string): string | null }): Counter {
  return { key: `submit:address:${clientAddress(headers)}`, ...perAddressSubmissions };
}
