// What a learner has read and solved, lesson by lesson: the dashboard's data.
import "server-only";
import { databaseReady, prisma } from "./client";

export async function recordLessonVisit(learnerId: string, lessonId: string): Promise<boolean> {
  await databaseReady();
  const lesson = await prisma.lesson.findUnique({ where: { id: lessonId }, select: { id: true } });
  if (!lesson) return false;
  // One statement (Prisma's upsert reads, then creates: two first requests at once collide on PostgreSQL).
  await prisma.$executeRaw`INSERT INTO "Learner" ("id") VALUES (${learnerId}) ON CONFLICT ("id") DO NOTHING`;
  const now = new Date();
  await prisma.lessonVisit.upsert({
    where: { learnerId_lessonId: { learnerId, lessonId } },
    create: { learnerId, lessonId, firstReadAt: now, lastReadAt: now },
    update: { lastReadAt: now },
  });
  return true;
}

/** One exercise's records for one learner, as the grading policy reads them. */
export type ExerciseRecordsRow = {
  id: string;
  title: string;
  kind: string;
  attempts: { variantSeed: number; score: number; credited: boolean; hintsUsed: number; createdAt: Date }[];
  reveals: { variantSeed: number; reason: "requested" | "attempts-used"; createdAt: Date }[];
};

export type LessonRecords = {
  id: string;
  slug: string;
  title: string;
  order: number;
  read: boolean;
  lastReadAt: Date | null;
  exercises: ExerciseRecordsRow[];
};

/** Every lesson, in course order, with the learner's visit and their records on each exercise. */
export async function lessonRecordsFor(learnerId: string): Promise<LessonRecords[]> {
  await databaseReady();
  const [lessons, visits, attempts, reveals] = await Promise.all([
    prisma.lesson.findMany({ orderBy: { order: "asc" }, include: { exercises: { orderBy: [{ position: "asc" }, { id: "asc" }] } } }),
    prisma.lessonVisit.findMany({ where: { learnerId } }),
    prisma.attempt.findMany({
      where: { learnerId },
      orderBy: { createdAt: "desc" },
      select: { exerciseId: true, variantSeed: true, score: true, credited: true, hintsUsed: true, createdAt: true },
    }),
    prisma.solutionReveal.findMany({ where: { learnerId }, orderBy: { createdAt: "asc" } }),
  ]);
  const visitByLesson = new Map(visits.map((visit) => [visit.lessonId, visit]));
  const group = <T extends { exerciseId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.exerciseId, [...(map.get(row.exerciseId) ?? []), row]);
    return map;
  };
  const attemptsBy = group(attempts);
  const revealsBy = group(reveals);
  return lessons.map((lesson) => {
    const visit = visitByLesson.get(lesson.id);
    return {
      id: lesson.id,
      slug: lesson.slug,
      title: lesson.title,
      order: lesson.order,
      read: Boolean(visit),
      lastReadAt: visit?.lastReadAt ?? null,
      exercises: lesson.exercises.map((exercise) => ({
        id: exercise.id,
        title: exercise.title,
        kind: exercise.kind,
        attempts: (attemptsBy.get(exercise.id) ?? []).map(({ exerciseId: _, ...a }) => a),
        reveals: (revealsBy.get(exercise.id) ?? []).map((r) => ({
          variantSeed: r.variantSeed,
          reason: r.reason === "requested" ? ("requested" as const) : ("attempts-used" as const),
          createdAt: r.createdAt,
        })),
      })),
    };
  });
}

