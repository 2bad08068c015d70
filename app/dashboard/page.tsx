import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { identify } from "@/lib/auth/identity";
import { continueWith, progressFor, type ExerciseProgress } from "@/lib/exercises/courseProgress";
import { nextStep } from "@/lib/exercises/nextStep";
import { LessonLink } from "@/app/_components/LessonLink";
import { studentAssignments } from "@/lib/teaching/classServices";
import { StudentAssignmentList } from "@/app/_components/classes/StudentAssignmentList";
import { reviewSummary } from "@/lib/review/service";

export const metadata: Metadata = { title: "Your progress", description: "What you have read and solved, lesson by lesson, and where to continue." };
export const dynamic = "force-dynamic";

function percent(value: number) {
  return Math.round(value * 100);
}

function ProgressBar({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span>{percent(value)}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent(value)}
        className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-2 rounded bg-blue-700 dark:bg-blue-400" style={{ width: `${percent(value)}%` }} />
      </div>
    </div>
  );
}

/** One exercise's standing in words: solved with its score, or where the learner is. */
function standingText(exercise: ExerciseProgress): string {
  const { standing } = exercise;
  const attempts = `${standing.attemptsUsed} attempt${standing.attemptsUsed === 1 ? "" : "s"}`;
  const seen = exercise.solutionsSeen > 0 ? `, ${exercise.solutionsSeen} solution${exercise.solutionsSeen === 1 ? "" : "s"} seen` : "";
  if (standing.solved) return `solved, score ${percent(standing.score)}% (${attempts}${seen})`;
  if (standing.practiceOnly) return `practice only: you have seen its answer, so it earns no credit (${attempts}${seen})`;
  return `not solved yet (${attempts}${seen})`;
}

export default async function Dashboard() {
  const identity = await identify(await cookies());
  const progress = await progressFor(identity.learnerId);
  // The next unfinished step: the first unsolved exercise of the lesson in progress.
  const next = nextStep(continueWith(progress));
  const attempted = progress.some((lesson) => lesson.read || lesson.exercises.some((e) => e.attempts.length > 0));
  // Assignments of the learner's classes come first (issue "Instructors").
  const now = new Date();
  const assignments = identity.user ? await studentAssignments(identity.user.id, identity.learnerId, now) : [];
  const review = await reviewSummary(identity.learnerId, now);

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {identity.user ? (
          <>Signed in as {identity.user.email}.</>
        ) : (
          <>
            You are learning as a guest; your progress is kept in this browser.{" "}
            <Link href="/signup" className="text-blue-700 underline dark:text-blue-300">Create an account</Link> to keep it everywhere.
          </>
        )}
      </p>
      <p className="mt-4 flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-800" data-testid="dashboard-review">
        <span>
          <span className="font-semibold">Spaced review:</span> <strong>{review.dueToday}</strong> due today · streak <strong>{review.streak}</strong> {review.streak === 1 ? "day" : "days"}
        </span>
        <Link href="/review" className="font-medium text-blue-700 underline dark:text-blue-300">
          {review.dueToday > 0 ? "Review now" : "Open review"}
        </Link>
      </p>
      {assignments.length > 0 ? (
        <section aria-labelledby="dashboard-assignments" className="mt-6" data-testid="dashboard-assignments">
          <h2 id="dashboard-assignments" className="text-xl font-semibold">Your assignments</h2>
          <StudentAssignmentList assignments={assignments} now={now} />
        </section>
      ) : null}
      {next ? (
        <p className="mt-4">
          <Link href={next.href} prefetch={false} className="inline-block rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800" data-testid="continue">
            {attempted ? "Continue where you left off" : "Start"}: {next.exercise ? `${next.exercise.title} (${next.lessonTitle})` : next.lessonTitle}
          </Link>
        </p>
      ) : null}
      <ol className="mt-8 space-y-6" aria-label="Lessons">
        {progress.map((lesson) => (
          <li key={lesson.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid={`progress-${lesson.slug}`}>
            <h2 className="text-lg font-semibold">
              <LessonLink slug={lesson.slug} className="text-blue-700 hover:underline dark:text-blue-300">
                {lesson.order}. {lesson.title}
              </LessonLink>
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {lesson.read ? "Read" : "Not opened yet"} · {lesson.solved} of {lesson.exercises.length} exercises solved
            </p>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <ProgressBar label={`${lesson.title}: exercises solved`} value={lesson.exercises.length ? lesson.solved / lesson.exercises.length : 0} />
              <ProgressBar label={`${lesson.title}: score`} value={lesson.score} />
            </div>
            {lesson.exercises.some((e) => e.attempts.length > 0 || e.solutionsSeen > 0) ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium">Exercises you have worked on</summary>
                <ul className="mt-2 space-y-2 text-sm">
                  {lesson.exercises
                    .filter((e) => e.attempts.length > 0 || e.solutionsSeen > 0)
                    .map((exercise) => (
                      <li key={exercise.id} data-testid={`exercise-standing-${exercise.id}`}>
                        <span className="font-medium">{exercise.title}</span>: {standingText(exercise)}
                      </li>
                    ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
