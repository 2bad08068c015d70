// POST /api/classes/:classId/assignments/:assignmentId/publish: students see it from now on.
// DELETE: back to a draft (students no longer see it; their attempts stay).
import { NextResponse, type NextRequest } from "next/server";
import { findAssignment, setPublished } from "@/lib/db/classes";
import { inClass, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

type Params = { classId: string; assignmentId: string };

async function publish(request: NextRequest, context: RouteContext<Params>, published: boolean) {
  const { classId, assignmentId } = await context.params;
  if (nulInPath(classId, assignmentId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-assignments");
  if (found instanceof NextResponse) return found;
  if (!(await findAssignment(classId, assignmentId))) return refuse(404, "This class has no such assignment.");
  await setPublished(assignmentId, published);
  return reply({ assignment: await findAssignment(classId, assignmentId) });
}

export function POST(request: NextRequest, context: RouteContext<Params>) {
  return publish(request, context, true);
}

export function DELETE(request: NextRequest, context: RouteContext<Params>) {
  return publish(request, context, false);
}
