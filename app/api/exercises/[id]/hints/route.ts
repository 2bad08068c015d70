// POST /api/exercises/:id/hints {variantSeed} -> the next hint of the current
// variant (hints come one at a time from the server, so their use is on record).
import type { NextRequest } from "next/server";
import { showNextHint } from "@/lib/exercises/learnerVariant";
import { handleVariantAction } from "@/lib/http/variantAction";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  return handleVariantAction(request, id, showNextHint);
}
