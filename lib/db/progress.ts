// What a learner has read and solved, lesson by lesson: the dashboard's data.
import "server-only";
import { databaseReady, prisma } from "./client";

export async function recordLessonVisit(learnerId: string, lessonId: string): Promise<boolean> {
  await databaseReady();
  const lesson = await prisma.lesson.findUnique({ where: { id: lessonId }, select: { id: true } });
  if (!lesson) return false;
  await prisma.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
  const now = new Date();
  await prisma.lessonVisit.upsert({
    where: { learnerId_lessonId: { learnerId, lessonId } },
    create: { learnerId, lessonId, firstReadAt: now, lastReadAt: now },
    update: { lastReadAt: now },
  });
  return true;
}

export type ExerciseProgress = {
  id: string;
  title: string;
  kind: string;
  bestScore: number | null;
  attempts: { score: number; createdAt: Date }[];
};

export type LessonProgress = {
  id: string;
  slug: string;
  title: string;
  order: number;
  read: boolean;
  lastReadAt: Date | null;
  exercises: ExerciseProgress[];
  solved: number;
  /** Mean of the best score per exercise, unattempted ones counting 0. */
  score: number;
};

export async function progressFor(learnerId: string): Promise<LessonProgress[]> {
  await databaseReady();
  const [lessons, visits, attempts] = await Promise.all([
    prisma.lesson.findMany({ orderBy: { order: "asc" }, include: { exercises: { orderBy: [{ position: "asc" }, { id: "asc" }] } } }),
    prisma.lessonVisit.findMany({ where: { learnerId } }),
    prisma.attempt.findMany({ where: { learnerId }, orderBy: { createdAt: "desc" }, select: { exerciseId: true, score: true, createdAt: true } }),
  ]);
  const visitByLesson = new Map(visits.map((visit) => [visit.lessonId, visit]));
  const attemptsByExercise = new Map<string, { score: number; createdAt: Date }[]>();
  for (const attempt of attempts) {
    const list = attemptsByExercise.get(attempt.exerciseId) ?? [];
    list.push({ score: attempt.score, createdAt: attempt.createdAt });
    attemptsByExercise.set(attempt.exerciseId, list);
  }
  return lessons.map((lesson) => {
    const exercises = lesson.exercises.map((exercise) => {
      const list = attemptsByExercise.get(exercise.id) ?? [];
      return {
        id: exercise.id,
        title: exercise.title,
        kind: exercise.kind,
        bestScore: list.length ? Math.max(...list.map((a) => a.score)) : null,
        attempts: list,
      };
    });
    const visit = visitByLesson.get(lesson.id);
    return {
      id: lesson.id,
      slug: lesson.slug,
      title: lesson.title,
      order: lesson.order,
      read: Boolean(visit),
      lastReadAt: visit?.lastReadAt ?? null,
      exercises,
      solved: exercises.filter((e) => (e.bestScore ?? 0) >= 1).length,
      score: exercises.length ? exercises.reduce((sum, e) => sum + (e.bestScore ?? 0), 0) / exercises.length : 0,
    };
  });
}

/** The lesson to continue: the most recently read one that is not finished, else the first unread. */
export function continueWith(progress: LessonProgress[]): LessonProgress | undefined {
  const unfinished = (lesson: LessonProgress) => lesson.solved < lesson.exercises.length || !lesson.read;
  const recent = progress.filter((lesson) => lesson.read && unfinished(lesson)).sort((a, b) => (b.lastReadAt?.getTime() ?? 0) - (a.lastReadAt?.getTime() ?? 0))[0];
  return recent ?? progress.find(unfinished);
}
