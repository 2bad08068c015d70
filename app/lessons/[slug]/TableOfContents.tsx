"use client";
// A lesson's table of contents: collapsible (<details>) above the text on
// phones and tablets, sticky beside it from xl up (1280 px: narrower, the
// column beside it would squeeze the widgets, whose two- and three-column
// layouts start at lg and need the full ~62rem). The entry of the section in view is
// marked aria-current="location" ("where am I"). The entries are extracted on
// the server (lib/mdx/tableOfContents.ts); this component only watches the
// headings scroll by, with an IntersectionObserver.
import { useEffect, useRef, useState } from "react";
import type { TocEntry } from "@/lib/mdx/tableOfContents";

/** A section is "in view" once its heading has passed this fraction of the viewport's height from the top. */
const READING_LINE = 0.3;

function useSectionInView(entries: readonly TocEntry[], contentSelector: string): string | undefined {
  const [activeId, setActiveId] = useState<string>();
  useEffect(() => {
    const headings = entries.map((entry) => document.getElementById(entry.id)).filter((heading): heading is HTMLElement => heading !== null);
    if (headings.length === 0 || typeof IntersectionObserver === "undefined") return;
    // The section in view: the last heading at or above the reading line.
    const update = () => {
      const line = window.innerHeight * READING_LINE;
      let current: string | undefined;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top > line) break;
        current = heading.id;
      }
      setActiveId(current);
    };
    // Every block of the lesson crosses the band above the reading line as the page scrolls, so even a
    // jump into the middle of a long section (find in page, a link) reports a change; each report
    // re-measures the headings, a dozen rectangles.
    const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px` });
    const content = document.querySelector(contentSelector);
    for (const block of content ? Array.from(content.children) : headings) observer.observe(block);
    update();
    return () => observer.disconnect();
  }, [entries, contentSelector]);
  return activeId;
}

function TocList({ entries, activeId, onNavigate }: { entries: readonly TocEntry[]; activeId: string | undefined; onNavigate?: () => void }) {
  return (
    <ol className="space-y-0.5 text-sm">
      {entries.map((entry) => {
        const active = entry.id === activeId;
        return (
          <li key={entry.id} className={entry.depth === 3 ? "pl-3" : undefined}>
            <a
              href={`#${entry.id}`}
              aria-current={active ? "location" : undefined}
              onClick={onNavigate}
              // Only colours change with the state: no change of size, so nothing moves.
              className={`block border-l-2 py-1 pr-1 pl-3 leading-snug break-words hover:text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 dark:hover:text-blue-200 ${
                active
                  ? "border-blue-700 bg-blue-50 text-blue-900 dark:border-blue-300 dark:bg-blue-950 dark:text-blue-100"
                  : "border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300"
              }`}
            >
              {entry.title}
            </a>
          </li>
        );
      })}
    </ol>
  );
}

export function TableOfContents({
  entries,
  contentSelector,
  className = "",
}: {
  entries: readonly TocEntry[];
  /** The element whose children are the lesson's blocks (its headings among them). */
  contentSelector: string;
  className?: string;
}) {
  const activeId = useSectionInView(entries, contentSelector);
  const details = useRef<HTMLDetailsElement>(null);
  if (entries.length === 0) return null;
  const sections = entries.filter((entry) => entry.depth === 2).length;

  return (
    <div data-lesson-toc className={className}>
      {/* Below xl: collapsed above the text. Closing it before the jump keeps the target in place. */}
      <details ref={details} className="group mb-8 rounded-lg border border-slate-200 xl:hidden dark:border-slate-800">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-4 py-3 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 [&::-webkit-details-marker]:hidden">
          <span>
            On this page <span className="font-normal text-slate-600 dark:text-slate-400">({sections} sections)</span>
          </span>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 fill-current text-slate-600 transition-transform group-open:rotate-180 dark:text-slate-400">
            <path d="M5.2 7.2a1 1 0 0 1 1.4 0L10 10.6l3.4-3.4a1 1 0 1 1 1.4 1.4l-4.1 4.1a1 1 0 0 1-1.4 0L5.2 8.6a1 1 0 0 1 0-1.4Z" />
          </svg>
        </summary>
        <nav aria-label="On this page" className="border-t border-slate-200 px-4 pt-2 pb-3 dark:border-slate-800">
          <TocList
            entries={entries}
            activeId={activeId}
            onNavigate={() => {
              if (details.current) details.current.open = false;
            }}
          />
        </nav>
      </details>
      {/* xl and up: beside the text, following the reader down the page. */}
      <nav aria-label="On this page" className="sticky top-4 hidden max-h-[calc(100dvh-2rem)] overflow-y-auto overscroll-contain pb-4 xl:block">
        <p aria-hidden="true" className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
          On this page
        </p>
        <TocList entries={entries} activeId={activeId} />
      </nav>
    </div>
  );
}
