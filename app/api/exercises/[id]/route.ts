// GET /api/exercises/:id -> the learner's current variant (no answer) and their attempts.
import { NextResponse, type NextRequest } from "next/server";
import { exerciseForLearner } from "@/lib/exercises/learnerVariant";
import { learnerFromRequest, rememberLearner } from "@/lib/learner/anonymousLearner";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const learner = learnerFromRequest(request);
  const view = await exerciseForLearner(learner.learnerId, id);
  if (!view) return NextResponse.json({ message: `There is no exercise with id "${id.slice(0, 80)}".` }, { status: 404 });
  const response = NextResponse.json(view, { headers: { "Cache-Control": "private, no-store" } });
  return rememberLearner(request, response, learner);
}
