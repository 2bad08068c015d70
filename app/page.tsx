import type { Metadata } from "next";
import Link from "next/link";
import { loadLessons } from "@/lib/content/lessons";
import { LessonLink } from "@/app/_components/LessonLink";
import { ContinueLink, LessonProgressLine, ProgressProvider } from "@/app/_components/CourseProgress";

// The course's name alone (no template); the description is the layout's.
export const metadata: Metadata = { title: { absolute: "TCP, connection by connection" } };

export default async function Home() {
  const lessons = await loadLessons();
  const first = lessons[0];
  return (
    <ProgressProvider>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">TCP, connection by connection</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
        Watch TCP open, carry and close connections on a simulator checked against real Linux traces, then check
        yourself with exercises graded on the server. Header fields, the three-way handshake, the four-way close,
        TIME-WAIT, SYN floods and CLOSE_WAIT.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <ContinueLink className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800" />
        {first ? (
          <LessonLink slug={first.slug} className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
            Start with “{first.title}”
          </LessonLink>
        ) : null}
        <Link href="/lessons" className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
          All lessons
        </Link>
      </div>
      <h2 className="mt-10 text-xl font-semibold">Who it is for</h2>
      <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        <li>Learners who want to see the protocol move, try things, and know what they got right.</li>
        <li>Instructors who assign exercises to a class and read the results.</li>
        <li>People preparing for interviews: why three handshakes, why 2MSL, what a pile of CLOSE_WAIT means.</li>
      </ul>
      <h2 className="mt-10 text-xl font-semibold">The lessons</h2>
      <ol className="mt-3 space-y-3" aria-label="Lessons and your progress">
        {lessons.map((lesson) => (
          <li key={lesson.id}>
            <LessonLink slug={lesson.slug} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
              {lesson.order}. {lesson.title}
            </LessonLink>
            <LessonProgressLine slug={lesson.slug} />
          </li>
        ))}
      </ol>
    </ProgressProvider>
  );
}
