// POST /api/classes/:classId/leave: a student (or co-instructor) leaves. The owner cannot.
import { NextResponse, type NextRequest } from "next/server";
import { removeMember } from "@/lib/db/classes";
import { inClass, reply, type RouteContext } from "@/lib/http/classRequests";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: RouteContext<{ classId: string }>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, "leave");
  if (found instanceof NextResponse) return found;
  await removeMember(classId, found.user.id);
  return reply({ message: `You left ${found.cls.name}. Your attempts stay in your account.` });
}
