// The front half of every learner's state-changing JSON request: from this
// origin and exactly application/json (lib/http/origin.ts), who is asking, the per-learner limit (429 with Retry-After), and a JSON body read
// defensively. Routes then validate the body's shape and act.
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, rememberGuest, type Identity } from "@/lib/auth/identity";
import { checkJsonRequest, readJsonBody } from "./jsonBody";
import { checkSubmissionLimits } from "./rateLimit";

export type LearnerPost =
  | { ok: true; identity: Identity; body: unknown; reply: (body: unknown, status: number) => NextResponse }
  | { ok: false; response: NextResponse };

export async function learnerPost(request: NextRequest, tooMany = "Too many requests"): Promise<LearnerPost> {
  // Another origin, or not JSON: refused before anyone is identified (or minted).
  const front = checkJsonRequest(request);
  if (!front.ok) return { ok: false, response: NextResponse.json({ message: front.message }, { status: front.status }) };
  const identity = await identifyRequest(request);
  const reply = (body: unknown, status: number) => rememberGuest(request, NextResponse.json(body, { status }), identity);
  const limit = await checkSubmissionLimits(identity.learnerId, request.headers);
  if (!limit.allowed) {
    const response = reply({ message: `${tooMany}; wait ${limit.retryAfterSeconds} s and try again.` }, 429);
    response.headers.set("Retry-After", String(limit.retryAfterSeconds));
    return { ok: false, response };
  }
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: reply({ message: body.message }, body.status) };
  return { ok: true, identity, body: body.value, reply };
}
