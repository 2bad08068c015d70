// POST /api/progress/visits {lessonId}: the learner opened a lesson.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { identifyRequest, rememberGuest } from "@/lib/auth/identity";
import { recordLessonVisit } from "@/lib/db/progress";
import { readJsonBody } from "@/lib/http/jsonBody";

export const dynamic = "force-dynamic";

const visitSchema = z.object({ lessonId: z.string().min(1).max(100) });

export async function POST(request: NextRequest) {
  const body = await readJsonBody(request, 1024);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: body.status });
  const identity = await identifyRequest(request);
  const reply = (body: unknown, status: number) => rememberGuest(request, NextResponse.json(body, { status }), identity);
  const visit = visitSchema.safeParse(body.value);
  if (!visit.success) return reply({ message: "lessonId: expected a lesson id" }, 400);
  if (!(await recordLessonVisit(identity.learnerId, visit.data.lessonId))) return reply({ message: `There is no lesson "${visit.data.lessonId}".` }, 404);
  return reply({ ok: true }, 200);
}
