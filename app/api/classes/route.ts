// GET /api/classes: the caller's classes with their role in each.
// POST /api/classes {name, term, timeZone}: creates a class (global instructors only).
import { NextResponse, type NextRequest } from "next/server";
import { acceptInvitations, classesOf, createClass } from "@/lib/db/classes";
import { jsonBody, refuse, reply, signedIn } from "@/lib/http/classRequests";
import { parseClassInput } from "@/lib/teaching/classInput";
import { mayCreateClass } from "@/lib/teaching/classPermissions";
import { freshJoinCode } from "@/lib/teaching/classServices";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const caller = await signedIn(request);
  if (caller instanceof NextResponse) return caller;
  // An invitation sent while this user was already signed in takes effect here too.
  await acceptInvitations(caller.user.id, caller.user.email);
  return reply({ classes: await classesOf(caller.user.id) });
}

export async function POST(request: NextRequest) {
  const caller = await signedIn(request);
  if (caller instanceof NextResponse) return caller;
  if (!mayCreateClass(caller.identity.role)) return refuse(403, "Only instructors can create classes; ask an administrator to make your account an instructor.");
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const input = parseClassInput(body.value);
  if (!input.ok) return refuse(400, "Check the class's details.", input.errors);
  const created = await createClass(caller.user.id, { ...input.value, joinCode: await freshJoinCode() });
  return reply({ class: { id: created.id, ...input.value } }, 201);
}
