// The documents the course search indexes: one per lesson section, one per
// glossary entry. Pure.
import type { GlossaryEntry } from "@/lib/glossary/types";
import type { LessonAnalysis } from "./analyseLesson";
import type { SearchDocument } from "./engine";

export type LessonForSearch = { slug: string; order: number; title: string; summary: string };

export function lessonDocuments(lesson: LessonForSearch, analysis: LessonAnalysis): SearchDocument[] {
  const place = `Lesson ${lesson.order}: ${lesson.title}`;
  return analysis.sections.map((section) =>
    section.id
      ? { id: `${lesson.slug}#${section.id}`, kind: "section", url: `/lessons/${lesson.slug}#${section.id}`, place, title: section.title ?? "", text: section.text, keywords: "" }
      : // The text before the first heading: the lesson's opening, found under the lesson's own title.
        { id: lesson.slug, kind: "section", url: `/lessons/${lesson.slug}`, place, title: lesson.title, text: `${lesson.summary} ${section.text}`, keywords: "" },
  );
}

/** Backticks mark code in definitions; search reads the words. */
function plain(text: string): string {
  return text.replace(/`/g, "");
}

export function glossaryDocuments(entries: readonly GlossaryEntry[]): SearchDocument[] {
  return entries.map((entry) => ({
    id: `glossary#${entry.id}`,
    kind: "glossary",
    url: `/glossary#${entry.id}`,
    place: "Glossary",
    title: entry.term,
    text: plain(entry.default ? `${entry.definition} Default: ${entry.default}.` : entry.definition),
    keywords: [...entry.forms, ...(entry.formsAnyCase ?? []), ...(entry.aliases ?? [])].join(" "),
  }));
}

/** Every document of the course search: each lesson's sections, then the glossary. */
export function courseDocuments(
  lessons: readonly (LessonForSearch & { source: string })[],
  entries: readonly GlossaryEntry[],
  analyse: (source: string) => LessonAnalysis,
): SearchDocument[] {
  return [...lessons.flatMap((lesson) => lessonDocuments(lesson, analyse(lesson.source))), ...glossaryDocuments(entries)];
}
