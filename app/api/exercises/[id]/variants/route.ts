// POST /api/exercises/:id/variants -> "try another variant": the learner moves
// to a fresh variant (its question only, as GET /api/exercises/:id gives it).
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { anotherVariant } from "@/lib/exercises/learnerVariant";
import { checkJsonRequest } from "@/lib/http/jsonBody";
import { checkSubmissionLimits } from "@/lib/http/rateLimit";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  // No body, but only from this origin and as application/json (no cross-site form can send it).
  const front = checkJsonRequest(request);
  if (!front.ok) return NextResponse.json({ message: front.message }, { status: front.status });
  const identity = await identifyRequest(request);
  const reply = (body: unknown, status: number) => rememberGuest(request, NextResponse.json(body, { status }), identity);
  const limit = await checkSubmissionLimits(identity.learnerId, request.headers);
  if (!limit.allowed) {
    const response = reply({ message: `Too many requests; wait ${limit.retryAfterSeconds} s and try again.` }, 429);
    response.headers.set("Retry-After", String(limit.retryAfterSeconds));
    return response;
  }
  const view = await anotherVariant(identity.learnerId, id);
  if (!view) return reply({ message: `There is no exercise with id "${id.slice(0, 80)}".` }, 404);
  return reply(view, 201);
}
