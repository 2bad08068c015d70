// GET /api/instructor/exercises/:id: every learner's results on one exercise.
// Instructors only: a guest gets 401, a learner 403.
import { NextResponse, type NextRequest } from "next/server";
import { hasRole, identifyRequest } from "@/lib/auth/identity";
import { exerciseResults } from "@/lib/db/attempts";
import { findExercise } from "@/lib/exercises/catalog";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const identity = await identifyRequest(request);
  if (!identity.user) return NextResponse.json({ message: "Sign in as an instructor to see class results." }, { status: 401 });
  if (!hasRole(identity, "instructor")) return NextResponse.json({ message: "Only instructors can see class results." }, { status: 403 });
  const { id } = await context.params;
  const exercise = findExercise(id);
  if (!exercise) return NextResponse.json({ message: `There is no exercise with id "${id.slice(0, 80)}".` }, { status: 404 });
  return NextResponse.json({ exerciseId: id, title: exercise.title, results: await exerciseResults(id) }, { headers: { "Cache-Control": "private, no-store" } });
}
