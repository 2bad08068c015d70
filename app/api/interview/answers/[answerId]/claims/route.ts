// POST /api/interview/answers/:answerId/claims {ideaId} -> "I did cover this":
// the learner says their answer holds a key idea the grader reported missing.
// Only their own answer, only a missing idea; stored beside the grade, which
// stays as it was.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { learnerPost } from "@/lib/http/learnerPost";
import { claimInterviewIdea } from "@/lib/interview/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

const claimSchema = z.object({ ideaId: z.string().min(1).max(100) });

export async function POST(request: NextRequest, context: { params: Promise<{ answerId: string }> }) {
  const { answerId } = await context.params;
  if (nulInPath(answerId)) return nulInPathResponse();
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const parsed = claimSchema.safeParse(post.body);
  if (!parsed.success) return reply({ message: 'Say which idea: {"ideaId": "..."}.' }, 400);
  const outcome = await claimInterviewIdea(identity.learnerId, answerId, parsed.data.ideaId);
  switch (outcome.status) {
    case "unknown-answer":
      return reply({ message: "There is no such answer of yours." }, 404);
    case "not-missing":
      return reply({ message: "That idea was not reported missing in this answer, so there is nothing to claim." }, 422);
    case "claimed":
      return reply({ answerId, claims: outcome.claims }, 201);
  }
}
