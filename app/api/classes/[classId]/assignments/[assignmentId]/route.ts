// GET /api/classes/:classId/assignments/:assignmentId: the assignment (a
// student sees it once published, with their result). PATCH replaces its
// fields and exercises; DELETE removes it (instructors). Attempts are never touched.
import { NextResponse, type NextRequest } from "next/server";
import { deleteAssignment, findAssignment, updateAssignment } from "@/lib/db/classes";
import { inClass, jsonBody, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { parseAssignmentInput } from "@/lib/teaching/classInput";
import { may } from "@/lib/teaching/classPermissions";
import { exerciseExists, resultsFor } from "@/lib/teaching/classServices";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

type Params = { classId: string; assignmentId: string };

const NOT_FOUND = "This class has no such assignment.";

export async function GET(request: NextRequest, context: RouteContext<Params>) {
  const { classId, assignmentId } = await context.params;
  if (nulInPath(classId, assignmentId)) return nulInPathResponse();
  const found = await inClass(request, classId, ["teach", "study"]);
  if (found instanceof NextResponse) return found;
  const assignment = await findAssignment(classId, assignmentId);
  const teaching = may(found.role, "manage-assignments");
  // A draft does not exist for students.
  if (!assignment || (!teaching && !assignment.publishedAt)) return refuse(404, NOT_FOUND);
  if (teaching) return reply({ assignment });
  const result = (await resultsFor(found.identity.learnerId, [assignment], new Date())).get(assignment.id);
  return reply({ assignment, result });
}

export async function PATCH(request: NextRequest, context: RouteContext<Params>) {
  const { classId, assignmentId } = await context.params;
  if (nulInPath(classId, assignmentId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-assignments");
  if (found instanceof NextResponse) return found;
  if (!(await findAssignment(classId, assignmentId))) return refuse(404, NOT_FOUND);
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const input = parseAssignmentInput(body.value, found.cls.timeZone, exerciseExists);
  if (!input.ok) return refuse(400, "Check the assignment.", input.errors);
  await updateAssignment(assignmentId, input.value);
  return reply({ assignment: await findAssignment(classId, assignmentId) });
}

export async function DELETE(request: NextRequest, context: RouteContext<Params>) {
  const { classId, assignmentId } = await context.params;
  if (nulInPath(classId, assignmentId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-assignments");
  if (found instanceof NextResponse) return found;
  if (!(await findAssignment(classId, assignmentId))) return refuse(404, NOT_FOUND);
  await deleteAssignment(assignmentId);
  return reply({ message: "Assignment deleted. The students' attempts are kept." });
}
