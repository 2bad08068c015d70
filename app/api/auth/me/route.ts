// GET /api/auth/me: who this browser is signed in as (or that it is a guest).
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest } from "@/lib/auth/identity";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const identity = await identifyRequest(request);
  return NextResponse.json(
    { role: identity.role, email: identity.user?.email ?? null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
