// POST /api/classes/:classId/join-code: a new join code (owner only); the old one stops working.
import { NextResponse, type NextRequest } from "next/server";
import { setJoinCode } from "@/lib/db/classes";
import { inClass, reply, type RouteContext } from "@/lib/http/classRequests";
import { freshJoinCode } from "@/lib/teaching/classServices";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: RouteContext<{ classId: string }>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, "regenerate-join-code");
  if (found instanceof NextResponse) return found;
  const joinCode = await freshJoinCode();
  await setJoinCode(classId, joinCode);
  return reply({ joinCode, joinPath: `/join/${joinCode}` }, 201);
}
