// GET /api/instructor/exercises/:id: every learner's results on one exercise.
// Instructors only: a guest gets 401, a learner 403.
import { NextResponse, type NextRequest } from "next/server";
import { hasRole, identifyRequest } from "@/lib/auth/identity";
import { exerciseResults } from "@/lib/db/attempts";
import { hasOneAnswer } from "@/lib/exercises/answerVariety";
import { findExercise } from "@/lib/exercises/catalog";
import { exerciseStanding } from "@/lib/exercises/gradingPolicy";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  const identity = await identifyRequest(request);
  if (!identity.user) return NextResponse.json({ message: "Sign in as an instructor to see class results." }, { status: 401 });
  if (!hasRole(identity, "instructor")) return NextResponse.json({ message: "Only instructors can see class results." }, { status: 403 });
  const exercise = findExercise(id);
  if (!exercise) return NextResponse.json({ message: `There is no exercise with id "${id.slice(0, 80)}".` }, { status: 404 });
  const oneAnswer = hasOneAnswer(exercise);
  // Each learner's standing under the grading policy (decision record 0009), with
  // the attempts behind it and any "I did say this" claims beside the automatic grades.
  const results = (await exerciseResults(id)).map(({ learnerId: _, learner, attempts, reveals }) => ({
    learner,
    ...exerciseStanding(attempts, reveals, { oneAnswer }),
    solutionsSeen: reveals.length,
    attempts: attempts.map((a) => ({ score: a.score, credited: a.credited, hintsUsed: a.hintsUsed, claims: a.claims, createdAt: a.createdAt })),
  }));
  return NextResponse.json({ exerciseId: id, title: exercise.title, results }, { headers: { "Cache-Control": "private, no-store" } });
}
