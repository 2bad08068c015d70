import type { Metadata } from "next";
import { loadLessons } from "@/lib/content/lessons";
import { LessonLink } from "@/app/_components/LessonLink";
import { LessonProgressLine, ProgressProvider } from "@/app/_components/CourseProgress";

export const metadata: Metadata = {
  title: "Lessons",
  description: "The course's lessons in order, from TCP's header fields through the handshake and the close to TIME-WAIT, SYN floods and CLOSE_WAIT.",
};

export default async function LessonsIndex() {
  const lessons = await loadLessons();
  // Static; each learner's progress is fetched in the browser (GET /api/progress).
  return (
    <ProgressProvider>
      <h1 className="text-3xl font-bold tracking-tight">Lessons</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">In order: each builds on the one before.</p>
      <ol className="mt-6 space-y-4" aria-label="Lessons in course order">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <LessonLink slug={lesson.slug} className="text-lg font-semibold text-blue-700 hover:underline dark:text-blue-300">
              {lesson.order}. {lesson.title}
            </LessonLink>
            <LessonProgressLine slug={lesson.slug} />
            <p className="mt-1 text-slate-700 dark:text-slate-300">{lesson.summary}</p>
          </li>
        ))}
      </ol>
    </ProgressProvider>
  );
}
