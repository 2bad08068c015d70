// Who is asking: a signed-in user (whose learner holds their work) or a guest
// (an anonymous learner id in a cookie). Routes and pages ask here, never the
// cookies directly.
import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { learnerHasAccount, learnerHasAccountSteps, type AccountUser, type Role } from "@/lib/db/accounts";
import { all, autocommit, type Steps } from "@/lib/db/direct";
import { LEARNER_COOKIE, type GuestLearner, learnerFromCookie, rememberLearner } from "@/lib/learner/anonymousLearner";
import { learnerIdSecret } from "@/lib/learner/secret";
import { SESSION_COOKIE, userForSessionToken } from "./session";

export type Identity = {
  /** Whose attempts and progress this request reads and writes. */
  learnerId: string;
  /** The guest id from the signed cookie (new if there was none or it was not ours). */
  guest: GuestLearner;
  user?: AccountUser;
  role: "guest" | Role;
};

type CookieReader = { get(name: string): { value: string } | undefined };

export function identify(cookies: CookieReader): Promise<Identity> {
  return identifyWith(cookies, learnerHasAccount);
}

/**
 * `identify`, with `alongside` sent in the same message as a returning
 * guest's account check (lib/db/direct.ts, autocommit: one round trip on
 * PostgreSQL, not two; a submission sends its address counter so). `along`
 * is undefined when there was no account check to send it with (a session,
 * or a new guest): the caller then does that work itself.
 */
export async function identifyAlong<T>(cookies: CookieReader, alongside: () => Steps<T>): Promise<{ identity: Identity; along?: T }> {
  let along: T | undefined;
  const identity = await identifyWith(cookies, async (learnerId) => {
    const [hasAccount, result] = await autocommit(() => all(learnerHasAccountSteps(learnerId), alongside()));
    along = result;
    return hasAccount;
  });
  return { identity, along };
}

async function identifyWith(cookies: CookieReader, hasAccount: (learnerId: string) => Promise<boolean>): Promise<Identity> {
  const secret = await learnerIdSecret();
  let guest = learnerFromCookie(cookies.get(LEARNER_COOKIE)?.value, secret);
  const user = await userForSessionToken(cookies.get(SESSION_COOKIE)?.value);
  if (user) return { learnerId: user.learnerId, guest, user, role: user.role };
  // Without a live session, a guest id that belongs to an account (kept in the
  // browser after a sign-out or an expired session) must not open that
  // account's work: this visitor becomes a new guest.
  if (!guest.isNew && (await hasAccount(guest.learnerId))) guest = learnerFromCookie(undefined, secret);
  return { learnerId: guest.learnerId, guest, role: "guest" };
}

export function identifyRequest(request: NextRequest): Promise<Identity> {
  return identify(request.cookies);
}

/**
 * Sets the signed guest cookie on the response when this request minted the
 * id. Browsers get theirs from POST /api/learner before any other call (the
 * pages' learnerFetch); this keeps programs that call a route first working.
 */
export function rememberGuest(request: NextRequest, response: NextResponse, identity: Identity): NextResponse {
  return rememberLearner(request, response, identity.guest);
}

/** Role check: instructors can do everything learners can; guests only what guests can. */
export function hasRole(identity: Identity, needed: Role): boolean {
  if (needed === "learner") return identity.role === "learner" || identity.role === "instructor";
  return identity.role === "instructor";
}
