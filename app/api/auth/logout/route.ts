// POST /api/auth/logout: ends this browser's session.
import { NextResponse, type NextRequest } from "next/server";
import { endSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const response = NextResponse.json({ message: "Signed out." });
  await endSession(request, response);
  // A fresh guest id, so the next guest on this browser does not see the account's work.
  response.cookies.set("tcp_learner", "", { path: "/", maxAge: 0 });
  return response;
}
