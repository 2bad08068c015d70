// Mirrors lessons and exercises from content/lessons into the
// database, so attempts can reference them and reports can join on them.
import "server-only";
import { databaseReady, prisma } from "./client";

export type LessonRecord = { id: string; slug: string; title: string; order: number; summary: string; contentHash: string };
export type ExerciseRecord = { id: string; lessonId: string; kind: string; title: string; position: number };

/** Upserts by stable id; nothing is deleted, so old attempts keep their exercise. */
export async function syncContent(lessons: LessonRecord[], exercises: ExerciseRecord[]) {
  await databaseReady();
  const lessonIds = new Set(lessons.map((lesson) => lesson.id));
  const orphans = exercises.filter((exercise) => !lessonIds.has(exercise.lessonId));
  if (orphans.length > 0) {
    throw new Error(`Exercises whose lesson does not exist: ${orphans.map((e) => `${e.id} (${e.lessonId})`).join(", ")}`);
  }
  await prisma.$transaction([
    // Slugs are unique; move every synced lesson's slug aside first so two lessons may swap slugs.
    ...lessons.map((lesson) =>
      prisma.lesson.updateMany({ where: { id: lesson.id }, data: { slug: `__moving__${lesson.id}` } }),
    ),
    ...lessons.map((lesson) => prisma.lesson.upsert({ where: { id: lesson.id }, create: lesson, update: lesson })),
    ...exercises.map((exercise) =>
      prisma.exercise.upsert({ where: { id: exercise.id }, create: exercise, update: exercise }),
    ),
  ]);
  return { lessons: lessons.length, exercises: exercises.length };
}
