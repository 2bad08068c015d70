// GET /api/health: is this server up and can it reach its database? 200
// after one `SELECT 1`, 503 when the database does not answer (a balancer
// then stops sending learners here). GET /api/health/live skips the database.
import { NextResponse } from "next/server";
import { pingDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET() {
  try {
    await pingDatabase();
    return NextResponse.json({ ok: true, database: "reachable" }, { headers: noStore });
  } catch {
    return NextResponse.json(
      { ok: false, database: "unreachable", message: "The database did not answer, so work cannot be graded or saved right now; try again shortly." },
      { status: 503, headers: { ...noStore, "Retry-After": "5" } },
    );
  }
}
