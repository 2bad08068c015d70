// POST /api/auth/login {email, password}: signs in, and moves the current
// guest's attempts into the account.
import { NextResponse, type NextRequest } from "next/server";
import { parseCredentials } from "@/lib/auth/credentials";
import { identifyRequest } from "@/lib/auth/identity";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/session";
import { findUserByEmail, mergeGuestInto } from "@/lib/db/accounts";
import { acceptInvitations } from "@/lib/db/classes";
import { readJsonBody } from "@/lib/http/jsonBody";

export const dynamic = "force-dynamic";

// Verifying against a real hash when the email is unknown keeps the response
// time the same, so timing does not reveal which emails have accounts.
const decoyHash = hashPassword("decoy password that matches nothing");

export async function POST(request: NextRequest) {
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: body.status });
  const credentials = parseCredentials(body.value);
  if (!credentials.ok) return NextResponse.json({ message: "Check what you entered.", errors: credentials.errors }, { status: 400 });
  const user = await findUserByEmail(credentials.value.email);
  const valid = await verifyPassword(credentials.value.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !valid) return NextResponse.json({ message: "That email and password do not match an account." }, { status: 401 });
  const identity = await identifyRequest(request);
  const moved = identity.user ? 0 : await mergeGuestInto(identity.guest.learnerId, user.learnerId);
  // Invitations to co-teach a class sent to this email take effect at sign-in (decision record 0010).
  await acceptInvitations(user.id, user.email);
  const response = NextResponse.json({ user: { email: user.email, role: user.role }, movedAttempts: moved });
  await startSession(request, response, user.id);
  return response;
}
