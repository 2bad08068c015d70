// POST /api/interview/mocks/:mockId/answers {index, answer} -> the answer to
// the current question, graded and stored (the grade is shown in the report),
// and the interview's next state. Refused with a sentence: after the
// question's time (plus 5 s of grace; it then counts as unanswered), a second
// answer to a question, out of order, or once the interview is finished.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { learnerPost } from "@/lib/http/learnerPost";
import { answerMock, TOO_LONG_MESSAGE } from "@/lib/interview/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

const answerSchema = z.object({ index: z.number().int(), answer: z.string() });

const STATUS = { "no-such-question": 404, finished: 409, answered: 409, late: 409, "not-yet": 409 } as const;

export async function POST(request: NextRequest, context: { params: Promise<{ mockId: string }> }) {
  const { mockId } = await context.params;
  if (nulInPath(mockId)) return nulInPathResponse();
  const post = await learnerPost(request, "Too many answers");
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const parsed = answerSchema.safeParse(post.body);
  if (!parsed.success) return reply({ message: 'Send {"index": <question number from 0>, "answer": "..."}.' }, 400);
  const outcome = await answerMock(identity.learnerId, mockId, parsed.data.index, parsed.data.answer, new Date());
  switch (outcome.status) {
    case "unknown-mock":
      return reply({ message: "There is no such mock interview of yours." }, 404);
    case "too-long":
      return reply({ message: TOO_LONG_MESSAGE }, 413);
    case "refused":
      return reply({ message: outcome.message, reason: outcome.reason }, STATUS[outcome.reason]);
    case "recorded":
      return reply({ mock: outcome.view }, 201);
  }
}
