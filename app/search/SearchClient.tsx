"use client";
// The search box and its results. The index (built at build time) and the
// search library load here only, when this page opens; the query is kept in
// the URL so a search can be shared and survives a reload.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { loadSearchIndex, search, type SearchHit } from "@/lib/search/engine";

type Index = ReturnType<typeof loadSearchIndex>;
type Load = { state: "loading" } | { state: "ready"; index: Index } | { state: "failed" };

function queryFromUrl(): string {
  return new URLSearchParams(window.location.search).get("q") ?? "";
}

function statusText(load: Load, query: string, hits: readonly SearchHit[]): string {
  if (load.state === "failed") return "The search index could not be loaded. Reload the page to try again.";
  if (query.trim() === "") return "Type a state (CLOSE_WAIT), a sysctl (tcp_tw_reuse), a counter or any words from the lessons.";
  if (load.state === "loading") return "Loading the search index…";
  if (hits.length === 0) return `No results for “${query.trim()}”. Try fewer words, or a name as the lessons write it.`;
  return `${hits.length === 20 ? "The first 20" : hits.length} ${hits.length === 1 ? "result" : "results"} for “${query.trim()}”.`;
}

export function SearchClient() {
  const [query, setQuery] = useState("");
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLOListElement>(null);

  useEffect(() => {
    setQuery(queryFromUrl());
    const onPopState = () => setQuery(queryFromUrl());
    window.addEventListener("popstate", onPopState);
    let cancelled = false;
    fetch("/search/index.json")
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.text();
      })
      .then((json) => !cancelled && setLoad({ state: "ready", index: loadSearchIndex(json) }))
      .catch(() => !cancelled && setLoad({ state: "failed" }));
    return () => {
      cancelled = true;
      window.removeEventListener("popstate", onPopState);
    };
  }, []);

  const deferredQuery = useDeferredValue(query);
  const hits = useMemo(() => (load.state === "ready" ? search(load.index, deferredQuery) : []), [load, deferredQuery]);

  // The URL follows the query (replaced, not pushed: typing is not navigation),
  // from the first change on: the first run would erase the ?q= just read.
  const urlFollows = useRef(false);
  useEffect(() => {
    if (!urlFollows.current) {
      urlFollows.current = true;
      return;
    }
    const q = deferredQuery.trim();
    const url = q ? `/search?q=${encodeURIComponent(q)}` : "/search";
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(null, "", url);
  }, [deferredQuery]);

  // Announce the count once typing pauses, not on every keystroke.
  const status = statusText(load, deferredQuery, hits);
  const [announced, setAnnounced] = useState(status);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(status), 400);
    return () => clearTimeout(timer);
  }, [status]);

  const links = () => Array.from(results.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []);
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      links()[0]?.focus();
    }
  };
  const onResultsKey = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    event.preventDefault();
    if (event.key === "ArrowDown") all[Math.min(at + 1, all.length - 1)]?.focus();
    else if (at === 0) input.current?.focus();
    else all[at - 1]?.focus();
  };

  return (
    <div className="mt-6" data-search-state={load.state}>
      {/* A plain GET form: without JavaScript it still puts the query in the URL. */}
      <form role="search" action="/search" method="get" onSubmit={(event) => event.preventDefault()} className="max-w-2xl">
        <label htmlFor="search-query" className="block font-medium">
          Search the lessons and the glossary
        </label>
        <input
          ref={input}
          id="search-query"
          name="q"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onInputKey}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="search-hint"
          className="mt-2 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:focus:outline-blue-300"
        />
        <p id="search-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Results appear as you type. Press the down arrow to move to them.
        </p>
      </form>
      <p role="status" className="mt-4 text-slate-700 dark:text-slate-300">
        {announced}
      </p>
      {hits.length > 0 ? (
        <ol ref={results} onKeyDown={onResultsKey} aria-label="Search results" className="mt-3 max-w-3xl space-y-3">
          {hits.map((hit) => (
            <li key={hit.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-result-kind={hit.kind}>
              <a
                href={hit.url}
                data-result
                className="block rounded focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 dark:focus:outline-blue-300"
              >
                <span className="block text-sm text-slate-600 dark:text-slate-400">{hit.place}</span>
                <span className="block break-words font-semibold text-blue-700 underline underline-offset-2 dark:text-blue-300">{hit.title}</span>
              </a>
              <p className="mt-1 break-words text-sm text-slate-700 dark:text-slate-300">
                {hit.snippet.map((piece, i) =>
                  piece.mark ? (
                    <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900 dark:bg-amber-900/60 dark:text-slate-100">
                      {piece.text}
                    </mark>
                  ) : (
                    <span key={i}>{piece.text}</span>
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
