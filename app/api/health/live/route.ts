// GET /api/health/live: the server process answers; no database round trip.
// Also the "trivial route" that throughput measurements compare grading to.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
