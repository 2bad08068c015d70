// A guest is an anonymous learner id the server mints and signs, kept in an
// httpOnly cookie as "<uuid>.<HMAC-SHA256 of it, base64url>". Only ids this
// server signed are accepted: a made-up, forged or unsigned (pre-signing)
// value is replaced by a fresh id, never adopted (decision record 0012).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { NextRequest, NextResponse } from "next/server";

export const LEARNER_COOKIE = "tcp_learner";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A guest; one minted by this request carries the signed cookie value to send back. */
export type GuestLearner = { learnerId: string; isNew: false } | { learnerId: string; isNew: true; cookieValue: string };

function mac(learnerId: string, secret: string): Buffer {
  // The label keeps this MAC from ever standing in for another use of the secret.
  return createHmac("sha256", secret).update(`tcp-course guest learner id\0${learnerId}`).digest();
}

export function signLearnerId(learnerId: string, secret: string): string {
  return `${learnerId}.${mac(learnerId, secret).toString("base64url")}`;
}

/** The learner id inside a cookie value this server signed, else undefined. */
export function verifyLearnerCookie(value: string | undefined, secret: string): string | undefined {
  if (!value || value.length > 100) return undefined;
  const dot = value.indexOf(".");
  if (dot < 0) return undefined;
  const learnerId = value.slice(0, dot);
  if (!UUID.test(learnerId)) return undefined;
  const given = Buffer.from(value.slice(dot + 1), "base64url");
  const expected = mac(learnerId, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? learnerId : undefined;
}

/** The learner id from the cookie's value, or a new one (and whether it is new). */
export function learnerFromCookie(value: string | undefined, secret: string): GuestLearner {
  const known = verifyLearnerCookie(value, secret);
  if (known) return { learnerId: known, isNew: false };
  const learnerId = randomUUID();
  return { learnerId, isNew: true, cookieValue: signLearnerId(learnerId, secret) };
}

/** Sets the signed cookie for a learner minted by this request. */
export function rememberLearner(request: NextRequest, response: NextResponse, learner: GuestLearner): NextResponse {
  if (learner.isNew) {
    response.cookies.set(LEARNER_COOKIE, learner.cookieValue, {
      httpOnly: true,
      sameSite: "lax",
      // Secure whenever the site is served over HTTPS; plain http://localhost works too.
      secure: request.nextUrl.protocol === "https:",
      path: "/",
      maxAge: ONE_YEAR_SECONDS,
    });
  }
  return response;
}
