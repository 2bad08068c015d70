// POST /api/interview/mocks {topics, length, secondsPerQuestion} -> a new mock
// interview, its clock started on the server, and its first question (only
// the question: no answer, no rubric).
import type { NextRequest } from "next/server";
import { learnerPost } from "@/lib/http/learnerPost";
import { startMock } from "@/lib/interview/service";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const body = (typeof post.body === "object" && post.body !== null ? post.body : {}) as Record<string, unknown>;
  const outcome = await startMock(identity.learnerId, { topics: body.topics, length: body.length, secondsPerQuestion: body.secondsPerQuestion }, new Date());
  if (outcome.status === "invalid") return reply({ message: outcome.message }, 422);
  return reply({ mock: outcome.view }, 201);
}
