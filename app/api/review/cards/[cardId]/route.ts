// GET /api/review/cards/:cardId -> the learner's card: when it is due next,
// when it was last reviewed (the review page reads it after grading).
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { ownCardView } from "@/lib/review/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ cardId: string }> }) {
  const { cardId } = await context.params;
  if (nulInPath(cardId)) return nulInPathResponse();
  const identity = await identifyRequest(request);
  const card = await ownCardView(identity.learnerId, cardId);
  const response = card
    ? NextResponse.json({ card }, { headers: { "Cache-Control": "private, no-store" } })
    : NextResponse.json({ message: "You have no such review card." }, { status: 404 });
  return rememberGuest(request, response, identity);
}
