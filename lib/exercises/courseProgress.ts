// What a learner has read and solved, lesson by lesson: the dashboard's data,
// with every exercise's standing computed by the grading policy (solved,
// attempts used, the score that counts), not "best attempt".
import "server-only";
import { lessonRecordsFor } from "@/lib/db/progress";
import { hasOneAnswer } from "./answerVariety";
import { findExercise } from "./catalog";
import { exerciseStanding, type ExerciseStanding } from "./gradingPolicy";

export type ExerciseProgress = {
  id: string;
  title: string;
  kind: string;
  standing: ExerciseStanding;
  /** Newest first. */
  attempts: { score: number; credited: boolean; createdAt: Date }[];
  /** Worked solutions seen (asked for, or shown after the attempts ran out). */
  solutionsSeen: number;
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
  /** Mean of the exercises' scores, unsolved ones counting 0. */
  score: number;
};

export async function progressFor(learnerId: string): Promise<LessonProgress[]> {
  const lessons = await lessonRecordsFor(learnerId);
  return lessons.map((lesson) => {
    const exercises = lesson.exercises.map((exercise) => {
      const definition = findExercise(exercise.id);
      const oneAnswer = definition ? hasOneAnswer(definition) : false;
      return {
        id: exercise.id,
        title: exercise.title,
        kind: exercise.kind,
        standing: exerciseStanding(exercise.attempts, exercise.reveals, { oneAnswer }),
        attempts: exercise.attempts.map(({ score, credited, createdAt }) => ({ score, credited, createdAt })),
        solutionsSeen: exercise.reveals.length,
      };
    });
    const { exercises: _, ...rest } = lesson;
    return {
      ...rest,
      exercises,
      solved: exercises.filter((e) => e.standing.solved).length,
      score: exercises.length ? exercises.reduce((sum, e) => sum + e.standing.score, 0) / exercises.length : 0,
    };
  });
}

/** The lesson to continue: the most recently read one that is not finished, else the first unread. */
export function continueWith(progress: LessonProgress[]): LessonProgress | undefined {
  const unfinished = (lesson: LessonProgress) => lesson.solved < lesson.exercises.length || !lesson.read;
  const recent = progress.filter((lesson) => lesson.read && unfinished(lesson)).sort((a, b) => (b.lastReadAt?.getTime() ?? 0) - (a.lastReadAt?.getTime() ?? 0))[0];
  return recent ?? progress.find(unfinished);
}
