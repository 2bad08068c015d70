// POST /api/attempts/:attemptId/claims {ideaId} -> "I did say this": the
// learner says their free-text answer contains a key idea the grader found
// missing. Stored beside the automatic grade for an instructor to look at;
// the score does not change by itself.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { claimIdea } from "@/lib/exercises/ideaClaims";
import { learnerPost } from "@/lib/http/learnerPost";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

const claimSchema = z.object({ ideaId: z.string().min(1).max(100) });

export async function POST(request: NextRequest, context: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await context.params;
  if (nulInPath(attemptId)) return nulInPathResponse();
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const parsed = claimSchema.safeParse(post.body);
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
