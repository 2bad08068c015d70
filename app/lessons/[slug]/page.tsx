import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadLesson, loadLessons } from "@/lib/content/lessons";
import { compileLesson } from "@/lib/mdx/compile";
import { readingTime } from "@/lib/mdx/readingTime";
import { tableOfContents } from "@/lib/mdx/tableOfContents";
import { LessonVisit } from "@/app/_components/LessonVisit";
import { LessonSolvedLine } from "@/app/_components/CourseProgress";
import { renderLesson } from "./renderLesson";
import { TableOfContents } from "./TableOfContents";
import { KeepSectionInView } from "./KeepSectionInView";

// Every lesson is generated at build time; an unknown slug is a 404, never a compile.
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await loadLessons()).map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const lesson = await loadLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const lessons = await loadLessons();
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  const lesson = lessons[index];
  if (!lesson) notFound();
  const code = await compileLesson(lesson.source, lesson.directory);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  // Both computed from the MDX source while the page is generated at build time.
  const toc = tableOfContents(lesson.source);
  const reading = readingTime(lesson.source);

  return (
    // From xl up, two columns: the lesson, and its table of contents beside it (spanning the lesson's three rows).
    // The page widens there (app/globals.css) so the lesson column keeps the width its widgets lay out for.
    <article className="xl:grid xl:grid-cols-[minmax(0,1fr)_13rem] xl:gap-x-10">
      <LessonVisit lessonId={lesson.id} />
      <KeepSectionInView />
      <header className="mb-8 xl:col-start-1">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
          Lesson {lesson.order} <span aria-hidden="true">·</span> <span data-prose-words={reading.words}>{reading.label}</span>
        </p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{lesson.summary}</p>
        <LessonSolvedLine slug={lesson.slug} />
        <section aria-labelledby="objectives" className="mt-5 rounded-lg bg-slate-50 p-4 dark:bg-slate-900">
          <h2 id="objectives" className="font-semibold">
            After this lesson you can
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {lesson.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      </header>
      <TableOfContents entries={toc} contentSelector="[data-lesson-content]" className="xl:col-start-2 xl:row-span-3 xl:row-start-1" />
      <div className="lesson-prose min-w-0 xl:col-start-1" data-lesson-content>
        {renderLesson(code)}
      </div>
      <nav aria-label="Lesson navigation" className="mt-12 flex justify-between xl:col-start-1 gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
        {previous ? <Link href={`/lessons/${previous.slug}`} className="text-blue-700 hover:underline dark:text-blue-300">← {previous.title}</Link> : <span />}
        {next ? <Link href={`/lessons/${next.slug}`} className="text-blue-700 hover:underline dark:text-blue-300">{next.title} →</Link> : <span />}
      </nav>
    </article>
  );
}
