// GET /api/classes/:classId/assignments: instructors see drafts too; students
// the published ones with their own results.
// POST {title, exerciseIds, opensAt, dueAt, maxAttempts, counts, latePolicy,
// published?}: a new assignment; times are wall-clock times in the class's zone.
import { NextResponse, type NextRequest } from "next/server";
import { assignmentsOf, createAssignment } from "@/lib/db/classes";
import { inClass, jsonBody, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { parseAssignmentInput } from "@/lib/teaching/classInput";
import { may } from "@/lib/teaching/classPermissions";
import { exerciseExists, resultsFor } from "@/lib/teaching/classServices";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

type Params = { classId: string };

export async function GET(request: NextRequest, context: RouteContext<Params>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, ["teach", "study"]);
  if (found instanceof NextResponse) return found;
  if (may(found.role, "manage-assignments")) return reply({ assignments: await assignmentsOf(classId, { includeDrafts: true }) });
  const assignments = await assignmentsOf(classId, { includeDrafts: false });
  const results = await resultsFor(found.identity.learnerId, assignments, new Date());
  return reply({ assignments: assignments.map((a) => ({ ...a, result: results.get(a.id) })) });
}

export async function POST(request: NextRequest, context: RouteContext<Params>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-assignments");
  if (found instanceof NextResponse) return found;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const input = parseAssignmentInput(body.value, found.cls.timeZone, exerciseExists);
  if (!input.ok) return refuse(400, "Check the assignment.", input.errors);
  const published = (body.value as { published?: unknown }).published === true;
  const created = await createAssignment(classId, { ...input.value, published });
  return reply({ assignment: { id: created.id, ...input.value, published } }, 201);
}
