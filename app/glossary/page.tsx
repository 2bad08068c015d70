import type { Metadata } from "next";
import Link from "next/link";
import { glossary } from "@/content/glossary";
import { loadLessons } from "@/lib/content/lessons";
import { groupGlossary, usagesByTerm } from "@/lib/glossary/groups";
import { analyseLesson } from "@/lib/search/analyseLesson";
import { RichText } from "./RichText";

export const metadata: Metadata = {
  title: "Glossary",
  description: "Every TCP state, Linux sysctl, kernel counter and term the course uses, each defined in a sentence or two with its source and the lessons that use it.",
};

// Built once at build time, like the lessons it links to.
export const dynamic = "force-static";

const CODE_KINDS = new Set(["sysctl", "counter", "option"]);

export default async function GlossaryPage() {
  const lessons = await loadLessons();
  const usages = usagesByTerm(lessons.map((lesson) => ({ slug: lesson.slug, order: lesson.order, title: lesson.title, uses: analyseLesson(lesson.source).mentions })));
  const groups = groupGlossary(glossary);

  return (
    <article>
      <h1 className="text-3xl font-bold tracking-tight">Glossary</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Every state, sysctl, counter and term the lessons use. Each lesson links a term here the first time it uses it; each entry
        names its source and links back to the lessons. To find where a lesson explains something, <Link href="/search" prefetch={false} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">search the course</Link>.
      </p>
      <nav aria-label="Glossary groups" className="mt-5">
        <ul className="flex flex-wrap gap-x-5 gap-y-2">
          {groups.map((group) => (
            <li key={group.id}>
              <a href={`#${group.id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                {group.title}
              </a>{" "}
              <span className="text-sm text-slate-600 dark:text-slate-400">({group.entries.length})</span>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={group.id} className="mt-10">
          <h2 id={group.id} className="scroll-mt-4 text-2xl font-semibold tracking-tight">
            {group.title}
          </h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{group.intro}</p>
          <dl className="mt-4 divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {group.entries.map((entry) => {
              const used = usages.get(entry.id) ?? [];
              return (
                <div key={entry.id} id={entry.id} data-glossary-entry={entry.kind} className="scroll-mt-4 py-4 target:bg-amber-50 dark:target:bg-amber-950/40">
                  <dt className="font-semibold">
                    <dfn className={CODE_KINDS.has(entry.kind) ? "break-words font-mono not-italic" : "not-italic"}>{entry.term}</dfn>
                  </dt>
                  <dd className="mt-1 text-slate-800 dark:text-slate-200">
                    <RichText text={entry.definition} />
                  </dd>
                  {entry.default ? (
                    <dd className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                      <span className="font-medium">Default:</span> {entry.default}
                    </dd>
                  ) : null}
                  <dd className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    <span className="font-medium">Source:</span> {entry.source}
                  </dd>
                  {used.length > 0 ? (
                    <dd className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                      <span className="font-medium">In the lessons:</span>{" "}
                      {used.map((usage, i) => (
                        <span key={usage.slug}>
                          {i > 0 ? "; " : null}
                          <a href={usage.href} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                            {usage.title}
                          </a>
                          {usage.section ? <> ({usage.section})</> : null}
                        </span>
                      ))}
                    </dd>
                  ) : null}
                  {entry.related && entry.related.length > 0 ? (
                    <dd className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                      <span className="font-medium">See also:</span>{" "}
                      {entry.related.map((id, i) => (
                        <span key={id}>
                          {i > 0 ? ", " : null}
                          <a href={`#${id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                            {glossary.find((other) => other.id === id)?.term ?? id}
                          </a>
                        </span>
                      ))}
                    </dd>
                  ) : null}
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </article>
  );
}
