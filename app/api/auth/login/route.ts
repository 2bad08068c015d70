// POST /api/auth/login {email, password}: signs in, and moves the current
// guest's attempts into the account.
import { NextResponse, type NextRequest } from "next/server";
import { parseCredentials } from "@/lib/auth/credentials";
import { identifyRequest } from "@/lib/auth/identity";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { beginLogin, loginSucceeded } from "@/lib/auth/loginThrottle";
import { startSession } from "@/lib/auth/session";
import { findUserByEmail, mergeGuestInto } from "@/lib/db/accounts";
import { acceptInvitations } from "@/lib/db/classes";
import { clientAddress } from "@/lib/http/clientAddress";
import { readJsonBody } from "@/lib/http/jsonBody";

export const dynamic = "force-dynamic";

// Verifying against a real hash when the email is unknown keeps the response
// time the same, so timing does not reveal which emails have accounts.
const decoyHash = hashPassword("decoy password that matches nothing");

function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

export async function POST(request: NextRequest) {
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: body.status });
  const credentials = parseCredentials(body.value);
  if (!credentials.ok) return NextResponse.json({ message: "Check what you entered.", errors: credentials.errors }, { status: 400 });
  // Throttled per email (known or not, so a lockout reveals nothing) and per
  // address; while either must wait, even the right password is refused.
  const address = clientAddress(request.headers);
  const email = credentials.value.email;
  const allowed = await beginLogin(email, address);
  if (!allowed.allowed) {
    const response = NextResponse.json({ message: `Too many sign-in attempts; wait ${waitText(allowed.retryAfterSeconds)} and try again.` }, { status: 429 });
    response.headers.set("Retry-After", String(allowed.retryAfterSeconds));
    return response;
  }
  const user = await findUserByEmail(email);
  const valid = await verifyPassword(credentials.value.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid) return NextResponse.json({ message: "That email and password do not match an account." }, { status: 401 });
  await loginSucceeded(email, address);
  const identity = await identifyRequest(request);
  const moved = identity.user ? 0 : await mergeGuestInto(identity.guest.learnerId, user.learnerId);
  // Invitations to co-teach a class sent to this email take effect at sign-in (decision record 0010).
  await acceptInvitations(user.id, user.email);
  const response = NextResponse.json({ user: { email: user.email, role: user.role }, movedAttempts: moved });
  await startSession(request, response, user.id);
  return response;
}
