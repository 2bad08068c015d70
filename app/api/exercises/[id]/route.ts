// GET /api/exercises/:id -> the learner's current variant (no answer) and their attempts.
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { exerciseForLearner } from "@/lib/exercises/learnerVariant";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  const identity = await identifyRequest(request);
  const view = await exerciseForLearner(identity.learnerId, id);
  if (!view) return NextResponse.json({ message: `There is no exercise with id "${id.slice(0, 80)}".` }, { status: 404 });
  const response = NextResponse.json(view, { headers: { "Cache-Control": "private, no-store" } });
  return rememberGuest(request, response, identity);
}
