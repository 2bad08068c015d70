// POST /api/classes/join {code}: joins a class as a student. Wrong codes are
// rate-limited per learner and per address (lib/http/joinLimit.ts).
import { NextResponse, type NextRequest } from "next/server";
import { findClassByJoinCode, joinAsStudent } from "@/lib/db/classes";
import { jsonBody, refuse, reply, signedIn } from "@/lib/http/classRequests";
import { clientAddress, joinGuard } from "@/lib/http/joinLimit";
import { normalizeJoinCode } from "@/lib/teaching/joinCode";

export const dynamic = "force-dynamic";

function tooMany(seconds: number) {
  const response = refuse(429, `Too many wrong join codes; wait ${Math.ceil(seconds / 60)} min and try again.`);
  response.headers.set("Retry-After", String(seconds));
  return response;
}

export async function POST(request: NextRequest) {
  const caller = await signedIn(request);
  if (caller instanceof NextResponse) return caller;
  const address = clientAddress(request.headers);
  const wait = await joinGuard.retryAfter(caller.user.learnerId, address);
  if (wait > 0) return tooMany(wait);
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const raw = (body.value as { code?: unknown } | null)?.code;
  const code = typeof raw === "string" ? normalizeJoinCode(raw) : null;
  const cls = code ? await findClassByJoinCode(code) : null;
  if (!cls) {
    const blocked = await joinGuard.recordFailure(caller.user.learnerId, address);
    if (blocked > 0) return tooMany(blocked);
    return refuse(404, "No class has this join code. Check it with your instructor: codes are 8 letters and digits, and an old code stops working when a new one is made.");
  }
  const { role, joined } = await joinAsStudent(cls.id, caller.user.id);
  return reply({ class: { id: cls.id, name: cls.name, term: cls.term }, role, joined }, joined ? 201 : 200);
}
