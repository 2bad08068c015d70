// POST /api/classes/:classId/invitations {email}: invites a co-instructor
// (owner only). The invitation becomes a membership when that email signs up
// or signs in (or, already signed in, opens /teach or /classes).
import { NextResponse, type NextRequest } from "next/server";
import { inviteCoInstructor } from "@/lib/db/classes";
import { inClass, jsonBody, refuse, reply, type RouteContext } from "@/lib/http/classRequests";
import { parseInvitation } from "@/lib/teaching/classInput";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: RouteContext<{ classId: string }>) {
  const { classId } = await context.params;
  if (nulInPath(classId)) return nulInPathResponse();
  const found = await inClass(request, classId, "manage-co-instructors");
  if (found instanceof NextResponse) return found;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const input = parseInvitation(body.value);
  if (!input.ok) return refuse(400, "Check the email address.", input.errors);
  if (input.value.email === found.user.email) return refuse(400, "You already teach this class.");
  const invitation = await inviteCoInstructor(classId, input.value.email, found.user.id);
  return reply({ invitation }, 201);
}
