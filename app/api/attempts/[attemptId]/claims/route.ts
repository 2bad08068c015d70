// POST /api/attempts/:attemptId/claims {ideaId} -> "I did say this": the
// learner says their free-text answer contains a key idea the grader found
// missing. Stored beside the automatic grade for an instructor to look at;
// the score does not change by itself.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { claimIdea } from "@/lib/exercises/ideaClaims";
import { readJsonBody } from "@/lib/http/jsonBody";
import { submissionLimiter } from "@/lib/http/rateLimit";

export const dynamic = "force-dynamic";

const claimSchema = z.object({ ideaId: z.string().min(1).max(100) });

export async function POST(request: NextRequest, context: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await context.params;
  const identity = await identifyRequest(request);
  const reply = (body: unknown, status: number) => rememberGuest(request, NextResponse.json(body, { status }), identity);
  const limit = submissionLimiter.check(identity.learnerId);
  if (!limit.allowed) {
    const response = reply({ message: `Too many requests; wait ${limit.retryAfterSeconds} s and try again.` }, 429);
    response.headers.set("Retry-After", String(limit.retryAfterSeconds));
    return response;
  }
  const body = await readJsonBody(request);
  if (!body.ok) return reply({ message: body.message }, body.status);
  const parsed = claimSchema.safeParse(body.value);
  if (!parsed.success) return reply({ message: "Say which idea: {\"ideaId\": \"...\"}." }, 400);
  const outcome = await claimIdea(identity.learnerId, attemptId, parsed.data.ideaId);
  switch (outcome.status) {
    case "unknown-attempt":
      return reply({ message: "There is no such attempt of yours." }, 404);
    case "not-missing":
      return reply({ message: "That idea was not reported missing in this attempt, so there is nothing to claim." }, 422);
    case "claimed":
      return reply({ attemptId, claims: outcome.claims }, 201);
  }
}
