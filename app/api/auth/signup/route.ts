// POST /api/auth/signup {email, password}: creates a learner account that
// keeps the guest's attempts, and signs it in.
import { NextResponse, type NextRequest } from "next/server";
import { parseNewAccount } from "@/lib/auth/credentials";
import { identifyRequest } from "@/lib/auth/identity";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/session";
import { createUser } from "@/lib/db/accounts";
import { acceptInvitations } from "@/lib/db/classes";
import { readJsonBody } from "@/lib/http/jsonBody";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: body.status });
  const credentials = parseNewAccount(body.value);
  if (!credentials.ok) return NextResponse.json({ message: "Check what you entered.", errors: credentials.errors }, { status: 400 });
  const identity = await identifyRequest(request);
  if (identity.user) return NextResponse.json({ message: "You are already signed in; sign out first." }, { status: 409 });
  // Every sign-up is a learner; instructors are promoted by an administrator.
  const user = await createUser({
    email: credentials.value.email,
    passwordHash: await hashPassword(credentials.value.password),
    role: "learner",
    guestLearnerId: identity.guest.learnerId,
  });
  if (!user) return NextResponse.json({ message: "An account with this email already exists; sign in instead." }, { status: 409 });
  // Invitations to co-teach a class sent to this email take effect at sign-up (decision record 0010).
  await acceptInvitations(user.id, user.email);
  const response = NextResponse.json({ user: { email: user.email, role: user.role } }, { status: 201 });
  await startSession(request, response, user.id);
  return response;
}
