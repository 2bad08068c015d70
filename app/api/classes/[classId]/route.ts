// GET /api/classes/:classId: instructors get the roster, join code,
// invitations and every assignment; students the published assignments with
// their own results. PATCH renames (instructors); DELETE deletes (owner only).
import { NextResponse, type NextRequest } from "next/server";
import { assignmentsOf, deleteClass, invitationsOf, rosterOf, updateClass } from "@/lib/db/classes";
import { inClass, jsonBody, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { parseClassUpdate } from "@/lib/teaching/classInput";
import { may } from "@/lib/teaching/classPermissions";
import { resultsFor } from "@/lib/teaching/classServices";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

type Params = { classId: string };

export async function GET(request: NextRequest, context: RouteContext<Params>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, ["teach", "study"]);
  if (found instanceof NextResponse) return found;
  const { cls, role, identity } = found;
  const about = { id: cls.id, name: cls.name, term: cls.term, timeZone: cls.timeZone };
  if (may(role, "teach")) {
    const [roster, invitations, assignments] = await Promise.all([rosterOf(classId), invitationsOf(classId), assignmentsOf(classId, { includeDrafts: true })]);
    return reply({ class: { ...about, joinCode: cls.joinCode, joinPath: `/join/${cls.joinCode}` }, role, roster, invitations, assignments });
  }
  const assignments = await assignmentsOf(classId, { includeDrafts: false });
  const results = await resultsFor(identity.learnerId, assignments, new Date());
  return reply({ class: about, role, assignments: assignments.map((a) => ({ ...a, result: results.get(a.id) })) });
}

export async function PATCH(request: NextRequest, context: RouteContext<Params>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, "update-class");
  if (found instanceof NextResponse) return found;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const input = parseClassUpdate(body.value);
  if (!input.ok) return refuse(400, "Check the class's details.", input.errors);
  await updateClass(classId, input.value);
  return reply({ class: { id: classId, name: found.cls.name, term: found.cls.term, timeZone: found.cls.timeZone, ...input.value } });
}

export async function DELETE(request: NextRequest, context: RouteContext<Params>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, "delete-class");
  if (found instanceof NextResponse) return found;
  await deleteClass(classId);
  return reply({ message: "Class deleted. The students' attempts are kept in their own accounts." });
}
