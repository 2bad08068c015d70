// POST /api/exercises/:id/hints {variantSeed} -> the next hint of the current
// variant (hints come one at a time from the server, so their use is on record).
import type { NextRequest } from "next/server";
import { showNextHint } from "@/lib/exercises/learnerVariant";
import { handleVariantAction } from "@/lib/http/variantAction";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return handleVariantAction(request, id, showNextHint);
}
