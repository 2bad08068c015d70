// DELETE /api/classes/:classId/members/:userId: removes a member. Instructors
// remove students; only the owner removes a co-instructor; nobody removes the
// owner. A student's attempts stay theirs.
import { NextResponse, type NextRequest } from "next/server";
import { classRoleOf, removeMember } from "@/lib/db/classes";
import { inClass, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { mayRemove } from "@/lib/teaching/classPermissions";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function DELETE(request: NextRequest, context: RouteContext<{ classId: string; userId: string }>) {
  const { classId, userId } = await context.params;
  if (nulInPath(classId, userId)) return nulInPathResponse();
  const found = await inClass(request, classId, "remove-student");
  if (found instanceof NextResponse) return found;
  const target = await classRoleOf(userId, classId);
  if (!target) return refuse(404, "This person is not in the class.");
  if (!mayRemove(found.role, target)) {
    return refuse(403, target === "owner" ? "The owner cannot be removed from their class." : "Only the class's owner can remove a co-instructor.");
  }
  await removeMember(classId, userId);
  return reply({ message: "Removed from the class." });
}
