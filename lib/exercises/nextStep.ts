// Where "Continue" leads: the next unfinished step, not merely the last page
// visited. In the lesson continueWith picks (the most recently read unfinished
// one, else the first unfinished), that is the first exercise not yet solved,
// by its anchor on the lesson page; a lesson not opened yet starts at its top.
// Pure, so the pages, the JSON route and the tests share it.

/** The anchor id of an exercise's section on its lesson page (app/_components/Exercise.tsx). */
export function exerciseAnchor(exerciseId: string): string {
  return `exercise-${exerciseId}`;
}

export type StepLesson = {
  slug: string;
  title: string;
  read: boolean;
  exercises: { id: string; title: string; standing: { solved: boolean } }[];
};

export type NextStep = {
  slug: string;
  lessonTitle: string;
  /** The first unsolved exercise, when the learner has opened the lesson. */
  exercise?: { id: string; title: string };
  href: string;
};

export function nextStep(lesson: StepLesson | undefined): NextStep | undefined {
  if (!lesson) return undefined;
  const base = `/lessons/${lesson.slug}`;
  const exercise = lesson.read ? lesson.exercises.find((e) => !e.standing.solved) : undefined;
  if (!exercise) return { slug: lesson.slug, lessonTitle: lesson.title, href: base };
  return { slug: lesson.slug, lessonTitle: lesson.title, exercise: { id: exercise.id, title: exercise.title }, href: `${base}#${exerciseAnchor(exercise.id)}` };
}
