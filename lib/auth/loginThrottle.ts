// Sign-in throttling (ASVS V2.2.1): per account and per client address, with
// exponential backoff, counted in the database so every app process sees the
// same count. A try counts when it starts, before the password is checked, so
// parallel guesses cannot slip through together; a right password then
// forgives it. The account key is the SHA-256 of the email as typed (after
// the form's normalization), whether or not an account has it: a locked
// unknown email looks exactly like a locked real one.
import "server-only";
import { createHash } from "node:crypto";
import { adjustThrottle, throttle } from "@/lib/db/throttles";
import { backoff, type RateLimit } from "@/lib/http/limitPolicies";

const MINUTE = 60_000;

/** 5 tries, then 30 s, 1 min, 2 min, … up to 15 min between tries; forgotten an hour after the last. */
export const accountBackoff = backoff({ free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE });

/** An address (perhaps a school's) gets 50 failed tries before the same backoff: against one guesser spraying many accounts. */
export const addressBackoff = backoff({ free: 50, baseMs: 30_000, maxMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE });

const accountKey = (email: string) => `login:account:${createHash("sha256").update(email).digest("hex")}`;
const addressKey = (address: string) => `login:address:${address}`;

/** Starts a sign-in try: refused while the account or the address must wait; otherwise counted against both. */
export function beginLogin(email: string, address: string): Promise<RateLimit> {
  return throttle([
    { key: accountKey(email), policy: accountBackoff },
    { key: addressKey(address), policy: addressBackoff },
  ]);
}

/** The password was right: the account's count starts over, and the address's forgets this one try. */
export async function loginSucceeded(email: string, address: string): Promise<void> {
  await adjustThrottle(accountKey(email), accountBackoff, (state, now) => accountBackoff.forgive(state, now, "all"));
  await adjustThrottle(addressKey(address), addressBackoff, (state, now) => addressBackoff.forgive(state, now, "one"));
}
