// POST /api/review/answers/:answerId/lift {} -> after "I did cover this" on an
// interview answer (stored by the interview track's claim route), its review
// is re-rated with the claimed ideas counted as found. The server reads the
// stored grade and claims; the request carries nothing to trust. Idempotent.
import type { NextRequest } from "next/server";
import { learnerPost } from "@/lib/http/learnerPost";
import { ownCardView, liftReviewForClaims } from "@/lib/review/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ answerId: string }> }) {
  const { answerId } = await context.params;
  if (nulInPath(answerId)) return nulInPathResponse();
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const outcome = await liftReviewForClaims(post.identity.learnerId, answerId);
  if (!outcome) return post.reply({ message: "You have no such answer under review." }, 404);
  return post.reply({ changed: outcome.applied, card: await ownCardView(post.identity.learnerId, outcome.card.id) }, 200);
}
