// The header of every gradebook page: where we are in the class, and the
// other results views and downloads one click away.
import Link from "next/link";
import type { ClassHeader } from "@/lib/db/gradebook";
import type { MistakeKind } from "@/lib/teaching/itemAnalysis";

const link = "text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300";

export type ResultsView = "gradebook" | "analysis" | "misconceptions";

const VIEWS: { view: ResultsView; label: string }[] = [
  { view: "gradebook", label: "Gradebook" },
  { view: "analysis", label: "Item analysis" },
  { view: "misconceptions", label: "Misconceptions" },
];

export function ClassResultsNav({ cls, current, title }: { cls: ClassHeader; current: ResultsView | null; title: string }) {
  const base = `/teach/classes/${cls.id}`;
  return (
    <header>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/teach" className={link}>Teach</Link> / <Link href={base} className={link}>{cls.name}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{title}</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {cls.name} · {cls.term} · times in {cls.timeZone}
      </p>
      <nav aria-label="Class results" className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
        {VIEWS.map(({ view, label }) =>
          view === current ? (
            <span key={view} aria-current="page" className="font-semibold">{label}</span>
          ) : (
            <Link key={view} href={`${base}/${view}`} className={link}>{label}</Link>
          ),
        )}
        <a href={`${base}/gradebook.csv`} className={link} download data-testid="download-gradebook">Download gradebook (CSV)</a>
        <a href={`${base}/attempts.csv`} className={link} download data-testid="download-attempts">Download all attempts (CSV)</a>
      </nav>
    </header>
  );
}

export function Refused({ message }: { message: string }) {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Not available</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="refused">{message}</p>
    </div>
  );
}

/** How the analyses name each way a wrong answer was grouped. */
export const KIND_LABEL: Record<MistakeKind, string> = {
  misconception: "misconception",
  "idea-missing": "idea missing",
  "idea-contradicted": "idea denied",
  mistake: "wrong part",
  summary: "wrong answer",
};

/**
 * A table's own scroll box: focusable (so the keyboard can scroll it, and axe
 * is satisfied), named, with a fade at its right edge that shows more lies
 * that way (a table narrower than the box just fades its padding).
 */
export function ScrollBox({ label, describedBy, className = "", testId, children }: { label: string; describedBy?: string; className?: string; testId?: string; children: React.ReactNode }) {
  return (
    <div className="relative mt-2">
      <div
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={0}
        className={`overflow-auto rounded-lg border border-slate-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-700 dark:border-slate-700 ${className}`}
        data-testid={testId}
      >
        {children}
      </div>
      <div aria-hidden="true" className="pointer-events-none absolute inset-y-px right-px w-5 rounded-r-lg bg-gradient-to-l from-slate-400/40 to-transparent dark:from-slate-950" />
    </div>
  );
}
