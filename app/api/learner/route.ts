// POST /api/learner: establishes this browser's guest identity. Pages stay
// static and set no cookie; their client code awaits this one call before any
// other (app/_components/learnerFetch.ts), so parallel first calls cannot each
// mint a different id. A valid signed cookie is kept; none, or one this server
// did not sign, gets a fresh signed id.
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { checkJsonRequest } from "@/lib/http/jsonBody";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const headers = { "Cache-Control": "private, no-store" };
  const front = checkJsonRequest(request);
  if (!front.ok) return NextResponse.json({ message: front.message }, { status: front.status, headers });
  const identity = await identifyRequest(request);
  const response = NextResponse.json({ role: identity.role, newGuest: identity.guest.isNew && !identity.user }, { headers });
  return rememberGuest(request, response, identity);
}
