// GET /api/classes/:classId/preview/:exerciseId[?seed=N]: a real variant of an
// exercise with its answer and worked solution, for the class's instructors
// choosing exercises. A random seed unless one is given.
import { NextResponse, type NextRequest } from "next/server";
import { inClass, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { previewExercise } from "@/lib/teaching/classServices";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: RouteContext<{ classId: string; exerciseId: string }>) {
  const { classId, exerciseId } = await context.params;
  if (nulInPath(classId, exerciseId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-assignments");
  if (found instanceof NextResponse) return found;
  const asked = request.nextUrl.searchParams.get("seed");
  const seed = asked !== null && /^\d{1,10}$/.test(asked) && Number(asked) <= 0xffffffff ? Number(asked) : crypto.getRandomValues(new Uint32Array(1))[0]!;
  const preview = previewExercise(exerciseId, seed);
  if (!preview) return refuse(404, `There is no exercise with id "${exerciseId.slice(0, 80)}".`);
  return reply({ preview });
}
