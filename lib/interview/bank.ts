// The question bank as routes and pages use it: look-ups, and each
// question's links (lesson section, the section holding its simulator
// preset, its counterfactual) resolved against the lessons. Server-only: the
// bank holds the model answers and rubrics.
import "server-only";
import { interviewQuestions } from "@/content/interview";
import { loadLessons } from "@/lib/content/lessons";
import { PRESETS } from "@/lib/labs/sequence-simulator/presets";
import { tableOfContents } from "@/lib/mdx/tableOfContents";
import type { InterviewQuestion } from "./question";
import { revealOf, sourceBeforePreset, whatIfLink, type QuestionLinks, type QuestionReveal } from "./reveal";

export function allQuestions(): readonly InterviewQuestion[] {
  return interviewQuestions;
}

export function questionById(id: string): InterviewQuestion | undefined {
  return interviewQuestions.find((q) => q.id === id);
}

type LessonIndex = Map<string, { title: string; source: string; sections: Map<string, string> }>;
let lessonIndex: Promise<LessonIndex> | undefined;

function lessons(): Promise<LessonIndex> {
  lessonIndex ??= loadLessons().then(
    (all) => new Map(all.map((lesson) => [lesson.slug, { title: lesson.title, source: lesson.source, sections: new Map(tableOfContents(lesson.source).map((e) => [e.id, e.title])) }])),
  );
  return lessonIndex;
}

/** The lesson section an anchor names, as "Lesson: Section". */
export async function lessonSectionTitle(slug: string, anchor: string): Promise<string> {
  const lesson = (await lessons()).get(slug);
  if (!lesson) return `/lessons/${slug}`;
  const section = lesson.sections.get(anchor);
  return section ? `${lesson.title}: ${section}` : lesson.title;
}

const presetLinks = new Map<string, QuestionLinks["preset"] | null>();

async function presetLink(preset: string): Promise<QuestionLinks["preset"]> {
  if (presetLinks.has(preset)) return presetLinks.get(preset) ?? undefined;
  let link: QuestionLinks["preset"];
  const title = PRESETS[preset as keyof typeof PRESETS]?.title ?? preset;
  for (const [slug, lesson] of await lessons()) {
    const before = sourceBeforePreset(lesson.source, preset);
    if (before === undefined) continue;
    let anchor: string | undefined;
    try {
      anchor = tableOfContents(before).at(-1)?.id;
    } catch {
      anchor = undefined; // the cut fell inside a component: link the lesson itself
    }
    link = { href: `/lessons/${slug}${anchor ? `#${anchor}` : ""}`, title: `Simulator: ${title} (${lesson.title})` };
    break;
  }
  presetLinks.set(preset, link ?? null);
  return link;
}

export async function linksOf(question: InterviewQuestion): Promise<QuestionLinks> {
  const { slug, anchor } = question.lesson;
  return {
    lesson: { href: `/lessons/${slug}#${anchor}`, title: await lessonSectionTitle(slug, anchor) },
    ...(question.preset ? { preset: await presetLink(question.preset) } : {}),
    ...(question.whatIf ? { whatIf: whatIfLink(question.whatIf) } : {}),
  };
}

export async function revealFor(question: InterviewQuestion): Promise<QuestionReveal> {
  return revealOf(question, await linksOf(question));
}
