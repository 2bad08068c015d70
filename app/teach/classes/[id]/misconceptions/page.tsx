// /teach/classes/<id>/misconceptions: the wrong beliefs the class showed,
// most students first (lib/teaching/itemAnalysis.ts rankMistakes), each with
// the exercises where it showed and the lesson section and widget that address
// it (lib/teaching/misconceptionLinks.ts). Wrong answers the graders have not
// tagged with a misconception yet are listed after them, per exercise.
import type { Metadata } from "next";
import Link from "next/link";
import { loadLessons } from "@/lib/content/lessons";
import { classAttemptsDetailed, classStudents } from "@/lib/db/gradebook";
import { tableOfContents } from "@/lib/mdx/tableOfContents";
import { answerDescriber, exerciseTitle } from "@/lib/teaching/answerText";
import { rankMistakes, type RankedMistake } from "@/lib/teaching/itemAnalysis";
import { lessonHref, misconceptionLink } from "@/lib/teaching/misconceptionLinks";
import { gradebookAccess } from "../_gradebook/access";
import { ClassResultsNav, KIND_LABEL, Refused } from "../_gradebook/ClassResultsNav";
import { nulInPath } from "@/lib/http/pathParams";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Misconceptions" };
export const dynamic = "force-dynamic";

const UNTAGGED_SHOWN = 20;
const link = "text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300";

/** Lesson and section titles for the links shown (only the lessons those links name are parsed). */
async function sectionTitles(slugs: Set<string>): Promise<Map<string, { lesson: string; sections: Map<string, string> }>> {
  const out = new Map<string, { lesson: string; sections: Map<string, string> }>();
  if (slugs.size === 0) return out;
  for (const lesson of await loadLessons()) {
    if (!slugs.has(lesson.slug)) continue;
    out.set(lesson.slug, { lesson: lesson.title, sections: new Map(tableOfContents(lesson.source).map((e) => [e.id, e.title])) });
  }
  return out;
}

const WIDGET_NAMES: Record<string, string> = {
  SequenceSimulator: "Sequence simulator",
  HeaderExplorer: "Header explorer",
  TimeWaitLoad: "TIME-WAIT under load",
  SynFloodLab: "SYN flood lab",
  CloseWaitDebugger: "CLOSE-WAIT debugger",
  PeerVanishes: "Peer vanishes",
};

function Where({ entry }: { entry: RankedMistake }) {
  return (
    <p className="mt-1 text-sm">
      Shown in:{" "}
      {entry.exercises.map((e, index) => (
        <span key={e.exerciseId}>
          {index ? "; " : ""}
          {exerciseTitle(e.exerciseId)} ({e.students} student{e.students === 1 ? "" : "s"})
        </span>
      ))}
    </p>
  );
}

export default async function MisconceptionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (nulInPath(id)) notFound();
  const access = await gradebookAccess(id, `/teach/classes/${id}/misconceptions`);
  if (!access.ok) return <Refused message={access.message} />;
  const { cls } = access;
  const students = await classStudents(id);
  const attempts = await classAttemptsDetailed(id, students.map((s) => s.learnerId));
  const { misconceptions, untagged } = rankMistakes(students.map((s) => s.learnerId), attempts);
  const links = new Map(misconceptions.map((m) => [m.key, m.misconceptionId ? misconceptionLink(m.misconceptionId) : undefined]));
  const titles = await sectionTitles(new Set([...links.values()].flatMap((l) => (l ? [l.lesson] : []))));
  const describe = answerDescriber();

  return (
    <div>
      <ClassResultsNav cls={cls} current="misconceptions" title="Misconceptions" />
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        From the wrong answers of the class&apos;s {students.length} student{students.length === 1 ? "" : "s"} on the exercises of the published assignments, whenever they were made. Ranked by how many students showed each.
      </p>

      <section aria-labelledby="tagged" className="mt-8">
        <h2 id="tagged" className="text-2xl font-semibold">Misconceptions</h2>
        {misconceptions.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="no-misconceptions">
            No wrong answer has been tagged with a misconception yet. The mistakes below are grouped by what the graders said was wrong.
          </p>
        ) : (
          <ol className="mt-3 space-y-4" data-testid="misconceptions">
            {misconceptions.map((entry, rank) => {
              const target = links.get(entry.key);
              const names = target ? titles.get(target.lesson) : undefined;
              return (
                <li key={entry.key} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid={`misconception-${entry.misconceptionId}`}>
                  <h3 className="text-lg font-semibold break-words">
                    {rank + 1}. {entry.label}
                  </h3>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    <span data-testid="students">{entry.students} student{entry.students === 1 ? "" : "s"}</span>, {entry.attempts} wrong attempt{entry.attempts === 1 ? "" : "s"} · id{" "}
                    <code>{entry.misconceptionId}</code>
                  </p>
                  <Where entry={entry} />
                  {entry.explanation ? <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">What the grader told them: {entry.explanation}</p> : null}
                  {target ? (
                    <p className="mt-2 text-sm">
                      Teach it with:{" "}
                      <Link href={lessonHref(target)} className={link}>
                        {names ? `${names.lesson}: ${names.sections.get(target.anchor) ?? target.anchor}` : lessonHref(target)}
                      </Link>
                      {target.widget ? (
                        <>
                          {" "}
                          · widget: {WIDGET_NAMES[target.widget.component] ?? target.widget.component}
                          {target.widget.preset ? (
                            <>
                              , preset <code>{target.widget.preset}</code>
                            </>
                          ) : null}
                        </>
                      ) : null}
                    </p>
                  ) : (
                    <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No lesson section is mapped to this misconception yet (lib/teaching/misconceptionLinks.ts).</p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="untagged" className="mt-10">
        <h2 id="untagged" className="text-2xl font-semibold">Other common mistakes</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Not tagged with a misconception: grouped per exercise by the idea missing or denied, or the part the grader marked wrong.</p>
        {untagged.length === 0 ? (
          <p className="mt-2">None.</p>
        ) : (
          <ol className="mt-3 space-y-3" data-testid="untagged-mistakes">
            {untagged.slice(0, UNTAGGED_SHOWN).map((entry) => (
              <li key={`${entry.exercises[0]?.exerciseId}-${entry.key}`} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                <p>
                  <span className="font-semibold break-words">{entry.label}</span> <span className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{KIND_LABEL[entry.kind]}</span> ·{" "}
                  {entry.students} student{entry.students === 1 ? "" : "s"}
                </p>
                <Where entry={entry} />
                {entry.explanation ? <p className="mt-1 text-slate-700 dark:text-slate-300">{entry.explanation}</p> : null}
                <p className="mt-1 text-slate-600 dark:text-slate-400">For example:</p>
                <ul className="font-mono text-[0.85rem] break-words whitespace-pre-wrap">
                  {describe(entry.example.exerciseId, entry.example.variantSeed, entry.example.answer).map((line, k) => (
                    <li key={k}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
        {untagged.length > UNTAGGED_SHOWN ? <p className="mt-2 text-sm">{untagged.length - UNTAGGED_SHOWN} more not shown; the item analysis lists each exercise&apos;s.</p> : null}
      </section>
    </div>
  );
}
