// Session tokens: a random token in an httpOnly, SameSite=Lax cookie; the
// database keeps only its SHA-256, so reading the database yields no session.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { NextRequest, NextResponse } from "next/server";
import { createSession, deleteSession, findSessionUser, type AccountUser } from "@/lib/db/accounts";

export const SESSION_COOKIE = "tcp_session";
const SESSION_DAYS = 30;

function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function startSession(request: NextRequest, response: NextResponse, userId: string): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await createSession(sessionIdOf(token), userId, expiresAt);
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    expires: expiresAt,
  });
}

export async function endSession(request: NextRequest, response: NextResponse): Promise<void> {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(sessionIdOf(token));
  response.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 });
}

/** The signed-in user for a session cookie value, if the session is live. */
export async function userForSessionToken(token: string | undefined): Promise<AccountUser | undefined> {
  if (!token || token.length > 100) return undefined;
  return findSessionUser(sessionIdOf(token));
}
