// DELETE /api/classes/:classId/invitations/:invitationId: withdraws an invitation (owner only).
import { NextResponse, type NextRequest } from "next/server";
import { deleteInvitation } from "@/lib/db/classes";
import { inClass, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function DELETE(request: NextRequest, context: RouteContext<{ classId: string; invitationId: string }>) {
  const { classId, invitationId } = await context.params;
  if (nulInPath(classId, invitationId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-co-instructors");
  if (found instanceof NextResponse) return found;
  if (!(await deleteInvitation(classId, invitationId))) return refuse(404, "This class has no such invitation.");
  return reply({ message: "Invitation withdrawn." });
}
