// POST /api/exercises/:id/solution {variantSeed} -> "Show solution": the
// variant is marked revealed (it earns no more credit) and the view, with its
// worked solution, comes back.
import type { NextRequest } from "next/server";
import { revealSolution } from "@/lib/exercises/learnerVariant";
import { handleVariantAction } from "@/lib/http/variantAction";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  return handleVariantAction(request, id, revealSolution);
}
