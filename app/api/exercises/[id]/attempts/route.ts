// POST /api/exercises/:id/attempts {variantSeed, answer} -> graded and stored.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { submitAttempt } from "@/lib/exercises/learnerVariant";
import { learnerSubmission } from "@/lib/http/learnerPost";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

const submissionSchema = z.object({
  variantSeed: z.number().int().min(0).max(0xffffffff),
  answer: z.unknown(),
});

export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  // The limits are counted in the submission's own transaction (one transaction, not two), or at once when it ends before that.
  const post = await learnerSubmission(request, "Too many submissions");
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const submission = submissionSchema.safeParse(post.body);
  if (!submission.success) {
    const errors = submission.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    return (await post.refusedNow()) ?? reply({ message: "The submission is malformed.", errors }, 400);
  }

  const outcome = await submitAttempt(identity.learnerId, id, submission.data.variantSeed, submission.data.answer, post.limits);
  switch (outcome.status) {
    case "limited":
      return post.limitedReply({ allowed: false, retryAfterSeconds: outcome.retryAfterSeconds });
    case "unknown-exercise":
      return reply({ message: `There is no exercise with id "${id.slice(0, 80)}".` }, 404);
    case "stale-variant":
      return reply(
        { message: "This variant is no longer yours to answer (it was solved or replaced); reload the exercise.", currentVariantSeed: outcome.currentVariantSeed },
        409,
      );
    case "variant-closed":
      return reply(
        {
          message: "You have seen this variant's solution, so it takes no more answers; try another variant.",
          currentVariantSeed: outcome.currentVariantSeed,
        },
        409,
      );
    case "invalid-answer":
      return reply({ message: "The answer could not be read; no attempt was used.", errors: outcome.errors }, 422);
    case "grader-busy": {
      const response = reply(
        { message: `The grader is busy replaying other learners' runs; nothing was recorded. Submit again in ${outcome.retryAfterSeconds} s.` },
        503,
      );
      response.headers.set("Retry-After", String(outcome.retryAfterSeconds));
      return response;
    }
    case "replay-too-long": {
      const response = reply({ message: "The server could not finish replaying your settings in time; nothing was recorded. Submit again in a moment." }, 503);
      response.headers.set("Retry-After", "5");
      return response;
    }
    case "graded":
      return reply(outcome, 201);
  }
}
