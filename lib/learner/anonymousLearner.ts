// Until accounts exist, a learner is an anonymous random id in an httpOnly cookie.
import type { NextRequest, NextResponse } from "next/server";

export const LEARNER_COOKIE = "tcp_learner";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The learner id from the cookie's value, or a new one (and whether it is new). */
export function learnerFromCookie(value: string | undefined): { learnerId: string; isNew: boolean } {
  if (value && UUID.test(value)) return { learnerId: value, isNew: false };
  return { learnerId: crypto.randomUUID(), isNew: true };
}

export function rememberLearner(
  request: NextRequest,
  response: NextResponse,
  learner: { learnerId: string; isNew: boolean },
): NextResponse {
  if (learner.isNew) {
    response.cookies.set(LEARNER_COOKIE, learner.learnerId, {
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
