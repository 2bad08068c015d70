// POST /api/auth/logout: ends this browser's session. Only from this origin
// and only as application/json: a cross-site form posting here would
// otherwise sign a learner out and wipe a guest's identity.
import { NextResponse, type NextRequest } from "next/server";
import { endSession } from "@/lib/auth/session";
import { checkJsonRequest } from "@/lib/http/jsonBody";
import { LEARNER_COOKIE } from "@/lib/learner/anonymousLearner";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const front = checkJsonRequest(request);
  if (!front.ok) return NextResponse.json({ message: front.message }, { status: front.status });
  const response = NextResponse.json({ message: "Signed out." });
  await endSession(request, response);
  // A fresh guest id, so the next guest on this browser does not see the account's work.
  response.cookies.set(LEARNER_COOKIE, "", { path: "/", maxAge: 0 });
  return response;
}
