// The course search: MiniSearch over lesson sections and glossary entries.
// The index is built once at build time (app/search/index.json) and loaded by
// the search page in the browser with the same options, so both sides split
// and weigh terms identically.
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import { snippet, type SnippetPiece } from "./snippet";
import { processTerm, tokenize } from "./tokenize";

export type SearchDocument = {
  /** "lesson-slug#section-id", or "glossary#entry-id". */
  id: string;
  kind: "section" | "glossary";
  /** Where the result leads: /lessons/<slug>#<heading-id> or /glossary#<id>. */
  url: string;
  /** "Lesson 4: TIME-WAIT and 2MSL", or "Glossary". */
  place: string;
  /** The section's heading, or the glossary term. */
  title: string;
  text: string;
  /** Other names of the thing: a glossary term's forms and aliases. */
  keywords: string;
};

export type SearchHit = {
  id: string;
  kind: SearchDocument["kind"];
  url: string;
  place: string;
  title: string;
  snippet: SnippetPiece[];
  score: number;
};

type Stored = Pick<SearchDocument, "kind" | "url" | "place" | "title" | "text">;

export const searchOptions: Options<SearchDocument> = {
  fields: ["title", "keywords", "place", "text"],
  storeFields: ["kind", "url", "place", "title", "text"],
  tokenize,
  processTerm,
  searchOptions: {
    boost: { title: 4, keywords: 4, place: 1.5, text: 1 },
    // Every word must match: "close wait" finds CLOSE-WAIT, not every "close".
    combineWith: "AND",
    // As-you-type: "tcp_tw_re" already finds tcp_tw_reuse.
    prefix: true,
    fuzzy: (term) => (term.length > 5 ? 0.2 : false),
  },
};

export function createSearchIndex(documents: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(searchOptions);
  index.addAll(documents);
  return index;
}

/** An index serialized with JSON.stringify(createSearchIndex(...)). */
export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, searchOptions);
}

const MAX_HITS = 20;

export function search(index: MiniSearch<SearchDocument>, query: string): SearchHit[] {
  if (query.trim() === "") return [];
  return index
    .search(query)
    .slice(0, MAX_HITS)
    .map((result: SearchResult) => {
      const stored = result as unknown as SearchResult & Stored;
      return {
        id: String(result.id),
        kind: stored.kind,
        url: stored.url,
        place: stored.place,
        title: stored.title,
        snippet: snippet(stored.text, result.terms, result.queryTerms),
        score: result.score,
      };
    });
}
