"use client";
// The learner's progress on the static pages (home, lessons index, a lesson):
// fetched from GET /api/progress in the browser, so those pages stay static.
// Progress is a convenience: while it loads, or if it fails, the pages read
// exactly as without it.
import Link from "next/link";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { LessonProgressSummary, ProgressSummary } from "@/lib/exercises/progressSummary";
import { learnerFetch } from "@/app/_components/learnerFetch";

const ProgressContext = createContext<ProgressSummary | undefined>(undefined);

export function ProgressProvider({ children }: { children: ReactNode }) {
  const [progress, setProgress] = useState<ProgressSummary | undefined>();
  useEffect(() => {
    let live = true;
    learnerFetch("/api/progress", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<ProgressSummary>) : undefined))
      .then((body) => {
        if (live && body) setProgress(body);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return <ProgressContext.Provider value={progress}>{children}</ProgressContext.Provider>;
}

function useLesson(slug: string): LessonProgressSummary | undefined {
  return useContext(ProgressContext)?.lessons.find((lesson) => lesson.slug === slug);
}

const exercisesSolved = (lesson: LessonProgressSummary) => `${lesson.solved} of ${lesson.total} exercise${lesson.total === 1 ? "" : "s"} solved`;

/** One line under a lesson in a list: read or not, exercises solved of total. */
export function LessonProgressLine({ slug }: { slug: string }) {
  const lesson = useLesson(slug);
  return (
    <p className="mt-1 min-h-5 text-sm text-slate-600 dark:text-slate-400" data-testid={`lesson-progress-${slug}`}>
      {lesson ? (
        <>
          {lesson.read ? (lesson.total > 0 && lesson.solved === lesson.total ? "Done" : "Read") : "Not opened yet"}
          {lesson.total > 0 ? <> <span aria-hidden="true">·</span> {exercisesSolved(lesson)}</> : null}
        </>
      ) : null}
    </p>
  );
}

/** Near a lesson's header: how many of its exercises this learner has solved. */
export function LessonSolvedLine({ slug }: { slug: string }) {
  return (
    <ProgressProvider>
      <SolvedLine slug={slug} />
    </ProgressProvider>
  );
}

function SolvedLine({ slug }: { slug: string }) {
  const lesson = useLesson(slug);
  return (
    <p className="mt-2 min-h-5 text-sm font-medium text-slate-700 dark:text-slate-300" data-testid="lesson-solved">
      {lesson && lesson.total > 0 ? exercisesSolved(lesson) : null}
    </p>
  );
}

/** "Continue": the first unsolved exercise of the lesson in progress; shown once the learner has started. */
export function ContinueLink({ className }: { className?: string }) {
  const progress = useContext(ProgressContext);
  const next = progress?.started ? progress.next : null;
  if (!next) return null;
  return (
    <Link href={next.href} prefetch={false} className={className} data-testid="continue">
      Continue: {next.exercise ? `${next.exercise.title} (${next.lessonTitle})` : next.lessonTitle}
    </Link>
  );
}
