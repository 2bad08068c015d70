// POST /api/review/cards/:cardId/open {} -> the card, ready to answer: an
// exercise's learner is moved to a fresh variant if their current one was
// already answered (lib/review/service.ts openCard); a question comes with
// its text (never its answer).
import type { NextRequest } from "next/server";
import { learnerPost } from "@/lib/http/learnerPost";
import { openCard } from "@/lib/review/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ cardId: string }> }) {
  const { cardId } = await context.params;
  if (nulInPath(cardId)) return nulInPathResponse();
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const card = await openCard(post.identity.learnerId, cardId);
  if (!card) return post.reply({ message: "You have no such review card." }, 404);
  return post.reply({ card }, 200);
}
