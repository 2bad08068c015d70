// GET /api/interview/mocks/:mockId -> the learner's own mock interview as it
// stands on the server's clock: the current question only, or "over".
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { ownMockView } from "@/lib/interview/service";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ mockId: string }> }) {
  const { mockId } = await context.params;
  if (nulInPath(mockId)) return nulInPathResponse();
  const identity = await identifyRequest(request);
  const view = await ownMockView(identity.learnerId, mockId, new Date());
  const response = view
    ? NextResponse.json({ mock: view }, { headers: { "Cache-Control": "no-store" } })
    : NextResponse.json({ message: "There is no such mock interview of yours." }, { status: 404 });
  return rememberGuest(request, response, identity);
}
