// GET /api/progress: this learner's progress, lesson by lesson, and where
// "Continue" leads. The home page, the lessons index and the lessons are
// static; they ask here from the browser.
import { NextResponse, type NextRequest } from "next/server";
import { identifyRequest } from "@/lib/auth/identity";
import { continueWith, progressFor } from "@/lib/exercises/courseProgress";
import { nextStep } from "@/lib/exercises/nextStep";
import type { ProgressSummary } from "@/lib/exercises/progressSummary";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const identity = await identifyRequest(request);
  const progress = await progressFor(identity.learnerId);
  const body: ProgressSummary = {
    lessons: progress.map((lesson) => ({
      slug: lesson.slug,
      read: lesson.read,
      solved: lesson.solved,
      total: lesson.exercises.length,
      solvedIds: lesson.exercises.filter((e) => e.standing.solved).map((e) => e.id),
    })),
    started: progress.some((lesson) => lesson.read || lesson.exercises.some((e) => e.attempts.length > 0)),
    next: nextStep(continueWith(progress)) ?? null,
  };
  return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
