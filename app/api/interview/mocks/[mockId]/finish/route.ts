// POST /api/interview/mocks/:mockId/finish -> ends the interview (questions not
// answered count as unanswered) and returns its report. Once only: finishing
// again is refused (409).
import type { NextRequest } from "next/server";
import { learnerPost } from "@/lib/http/learnerPost";
import { finishMockInterview } from "@/lib/interview/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ mockId: string }> }) {
  const { mockId } = await context.params;
  if (nulInPath(mockId)) return nulInPathResponse();
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const outcome = await finishMockInterview(identity.learnerId, mockId, new Date());
  switch (outcome.status) {
    case "unknown-mock":
      return reply({ message: "There is no such mock interview of yours." }, 404);
    case "already-finished":
      return reply({ message: "This interview is already finished; its report is on its page." }, 409);
    case "finished":
      return reply({ report: outcome.report }, 200);
  }
}
