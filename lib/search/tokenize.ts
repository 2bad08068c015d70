// How search splits text into terms, for the index and for queries alike.
// Pure, and small enough for the browser.
//
// Kernel names are searched as whole names and as words: `tcp_tw_reuse` gives
// "tcp_tw_reuse", "tcp", "tw", "reuse"; `net.ipv4.tcp_tw_reuse` also gives
// "net.ipv4.tcp_tw_reuse" and "tcp_tw_reuse". Dashes and underscores are the
// same, so CLOSE-WAIT, CLOSE_WAIT and "close wait" all find each other:
// "close_wait" for the first two, and the words "close" and "wait" for all three.

/** A run of letters, digits and the joiners of kernel names. */
const CHUNK = /[\p{L}\p{N}_.-]+/gu;
const EDGE_JOINERS = /^[._-]+|[._-]+$/g;

const STOP_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "the", "to", "with"]);

/** The terms of one chunk of text (a word or a dotted/dashed name), in order, before stop words are dropped. */
function chunkTerms(chunk: string): string[] {
  const name = chunk.replace(EDGE_JOINERS, "").toLowerCase();
  if (!name) return [];
  const words = name.split(/[._-]+/).filter(Boolean);
  if (words.length === 1) return words;
  const terms = [name.replace(/-/g, "_")];
  const dotted = name.split(".").filter(Boolean);
  if (dotted.length > 1) for (const part of dotted) if (/[_-]/.test(part)) terms.push(part.replace(/-/g, "_"));
  return [...terms, ...words];
}

/** Every chunk of `text` with its position: the snippet highlighter marks whole chunks. */
export function chunksOf(text: string): { start: number; end: number; terms: string[] }[] {
  return Array.from(text.matchAll(CHUNK), (m) => {
    // Without the joiners at its edges: "reuse." marks "reuse".
    const lead = m[0].length - m[0].replace(/^[._-]+/, "").length;
    const trail = m[0].length - m[0].replace(/[._-]+$/, "").length;
    return { start: m.index + lead, end: Math.max(m.index + lead, m.index + m[0].length - trail), terms: chunkTerms(m[0]) };
  });
}

/** The search terms of a text (an indexed field or a query). */
export function tokenize(text: string): string[] {
  return Array.from(text.matchAll(CHUNK), (m) => chunkTerms(m[0])).flat();
}

/** Drops stop words; MiniSearch calls it on every term, indexed or searched. */
export function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : term;
}
