// POST /api/interview/questions/:id/answers {answer} -> the answer graded
// against the question's rubric, stored, and what the learner may now see:
// the model answer, wrong answers, follow-ups, sources and links. An empty
// answer is graded as empty; one over 4 KB is refused (413).
import type { NextRequest } from "next/server";
import { z } from "zod";
import { learnerPost } from "@/lib/http/learnerPost";
import { answerQuestion, TOO_LONG_MESSAGE } from "@/lib/interview/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

const answerSchema = z.object({ answer: z.string() });

export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  const post = await learnerPost(request, "Too many answers");
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const parsed = answerSchema.safeParse(post.body);
  if (!parsed.success) return reply({ message: 'Send your answer as {"answer": "..."} (an empty string is allowed).' }, 400);
  const outcome = await answerQuestion(identity.learnerId, id, parsed.data.answer);
  switch (outcome.status) {
    case "unknown-question":
      return reply({ message: "There is no such interview question." }, 404);
    case "too-long":
      return reply({ message: TOO_LONG_MESSAGE }, 413);
    case "graded":
      return reply({ answer: outcome.answer, reveal: outcome.reveal }, 201);
  }
}
