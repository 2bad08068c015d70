// The shell every class route shares: who is asking, what their role in the
// class allows (lib/teaching/classPermissions.ts), strict JSON bodies, and
// replies that are never cached. Routes stay a few lines each.
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest, type Identity } from "@/lib/auth/identity";
import type { AccountUser } from "@/lib/db/accounts";
import { classRoleOf, findClass, type ClassRecord } from "@/lib/db/classes";
import { may, type ClassAction } from "@/lib/teaching/classPermissions";
import type { ClassRole } from "@/lib/teaching/classRoles";
import { readJsonBody } from "./jsonBody";
import { checkRequestOrigin } from "./origin";

export type RouteContext<P> = { params: Promise<P> };

export function reply(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}

export function refuse(status: number, message: string, errors?: string[]): NextResponse {
  return reply(errors ? { message, errors } : { message }, status);
}

export type Signed = { identity: Identity & { user: AccountUser }; user: AccountUser };

/** The signed-in caller, or the 401 a guest gets. */
export async function signedIn(request: NextRequest): Promise<Signed | NextResponse> {
  // Every class change (POST, PATCH, DELETE) passes here first: refuse other origins before anything else.
  const origin = checkRequestOrigin(request);
  if (!origin.ok) return refuse(403, origin.message);
  const identity = await identifyRequest(request);
  if (!identity.user) return refuse(401, "Sign in first: classes belong to accounts.");
  return { identity: identity as Signed["identity"], user: identity.user };
}

export type InClass = Signed & { cls: ClassRecord; role: ClassRole };

/**
 * The caller, the class and their role in it, when they may do `action`.
 * Someone outside the class gets 404 (the class's existence is not theirs to
 * learn); a member whose role does not allow it gets 403.
 */
export async function inClass(request: NextRequest, classId: string, action: ClassAction | ClassAction[]): Promise<InClass | NextResponse> {
  const actions = Array.isArray(action) ? action : [action];
  const caller = await signedIn(request);
  if (caller instanceof NextResponse) return caller;
  const role = await classRoleOf(caller.user.id, classId);
  const cls = role ? await findClass(classId) : null;
  if (!role || !cls) return refuse(404, "There is no class with this id among your classes.");
  if (!actions.some((a) => may(role, a))) return refuse(403, forbiddenMessage(role, actions[0]!));
  return { ...caller, cls, role };
}

function forbiddenMessage(role: ClassRole, action: ClassAction): string {
  if (role === "student") return "Students of a class cannot do this; it is for its instructors.";
  if (role === "co-instructor") return "Only the class's owner can do this; co-instructors cannot.";
  return action === "leave" ? "The owner cannot leave the class; delete it instead." : "Your role in this class does not allow this.";
}

/** The JSON body (exactly application/json, from this origin, within the size cap), or the 4xx to send. */
export async function jsonBody(request: NextRequest): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const body = await readJsonBody(request);
  return body.ok ? { ok: true, value: body.value } : { ok: false, response: refuse(body.status, body.message) };
}
