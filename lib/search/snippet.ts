// A few dozen words of a section around what the learner searched for, with the
// matching words marked. Pure: text and matched terms in, pieces out (React
// renders the marks; no HTML strings).
import { chunksOf } from "./tokenize";

export type SnippetPiece = { text: string; mark: boolean };

const BEFORE = 60;
const LENGTH = 220;

/**
 * `terms` are the index terms a search matched in this document, `queryTerms`
 * the terms of the query. Names ("tcp_tw_reuse", "close_wait") are marked in
 * preference to their words, so a search for tcp_tw_reuse does not light up
 * every "tcp"; then the query's own words, before words its prefixes reached
 * ("closer" for "close").
 */
export function snippet(text: string, terms: readonly string[], queryTerms: readonly string[] = []): SnippetPiece[] {
  const names = terms.filter((t) => /[_.]/.test(t));
  const exact = terms.filter((t) => queryTerms.includes(t));
  const preferred = [names.filter((t) => exact.includes(t)), names, exact, terms].find((list) => list.length > 0) ?? [];
  const wanted = new Set(preferred);
  const chunks = chunksOf(text);
  const hits = chunks.filter((c) => c.terms.some((t) => wanted.has(t)));
  const first = hits[0];
  // From the beginning when the first match fits there (a definition, a section's opening).
  let start = first && first.end > LENGTH ? Math.max(0, first.start - BEFORE) : 0;
  let end = Math.min(text.length, start + LENGTH);
  // Whole words at both ends.
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && (!first || space < first.start)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const pieces: SnippetPiece[] = [];
  let at = start;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    if (hit.start > at) pieces.push({ text: text.slice(at, hit.start), mark: false });
    pieces.push({ text: text.slice(hit.start, hit.end), mark: true });
    at = hit.end;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  if (start > 0) pieces.unshift({ text: "… ", mark: false });
  if (end < text.length) pieces.push({ text: " …", mark: false });
  return pieces;
}
