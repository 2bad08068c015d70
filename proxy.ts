// Gives every new visitor their anonymous learner id on the first page they
// load, before the page's widgets and exercises call the API in parallel:
// otherwise each of those first calls would mint a different id and the last
// cookie written would win, orphaning the others' variants.
import { NextResponse, type NextRequest } from "next/server";
import { LEARNER_COOKIE, learnerFromCookie, rememberLearner } from "@/lib/learner/anonymousLearner";

export function proxy(request: NextRequest) {
  const learner = learnerFromCookie(request.cookies.get(LEARNER_COOKIE)?.value);
  if (!learner.isNew) return NextResponse.next();
  // Make the id visible to this request's handlers too.
  request.cookies.set(LEARNER_COOKIE, learner.learnerId);
  const response = NextResponse.next({ request: { headers: request.headers } });
  return rememberLearner(request, response, learner);
}

export const config = {
  // Pages and API routes; not build assets or capture downloads (files, no learner needed).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|captures/).*)"],
};
