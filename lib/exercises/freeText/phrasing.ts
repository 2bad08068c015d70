// Phrasings: how an idea may be worded, matched inside one clause.
//
// Syntax (written in the rubric, normalised like the learner's text):
//   - words separated by spaces are slots, matched in order inside one clause,
//     with at most MAX_GAP other words between two slots: "wrong host" matches
//     "the wrong destination host";
//   - `a|b|c` are alternatives for one slot;
//   - an alternative of several words joins them with "-": "keep-alive" is
//     "keep" followed directly by "alive", "end-to-end" three words;
//   - `word*` matches any word that starts with "word": "misdeliver*" matches
//     "misdelivered", "misdelivery";
//   - `..` between two slots allows any gap inside the clause;
//   - a plain word also matches its plural (-s, -es);
//   - words right after a slot that the same slot matches again join the match
//     ("old duplicate segments" for "old duplicate*|segment*").
// A word of six letters or more also matches a learner's typo of it: one
// letter added, dropped, changed or two swapped ("adress", "destinaton").

import { wordsOf } from "./text";

/** The most words between two slots of a phrasing, unless ".." allows any. */
export const MAX_GAP = 4;
/** Words this long or longer match with one typo. */
const FUZZY_MIN_LENGTH = 6;

type Term = { word: string; prefix: boolean };
type Alternative = Term[];
type Slot = { alternatives: Alternative[]; gapBefore: number };
export type CompiledPhrasing = { source: string; slots: Slot[] };

/** A phrasing found in a clause: the positions of the words it used. */
export type PhrasingMatch = { start: number; end: number; used: number[] };

export function compilePhrasing(source: string): CompiledPhrasing {
  const slots: Slot[] = [];
  let gap = MAX_GAP;
  for (const part of source.trim().toLowerCase().split(/\s+/)) {
    if (part === "..") {
      gap = Number.POSITIVE_INFINITY;
      continue;
    }
    const alternatives = part.split("|").map((alternative) =>
      alternative.split("-").map((piece): Term => {
        const prefix = piece.endsWith("*");
        const [word] = wordsOf(prefix ? piece.slice(0, -1) : piece);
        if (!word) throw new Error(`Phrasing "${source}": empty word in "${part}"`);
        return { word, prefix };
      }),
    );
    slots.push({ alternatives, gapBefore: slots.length === 0 ? 0 : gap });
    gap = MAX_GAP;
  }
  if (slots.length === 0) throw new Error("An empty phrasing");
  return { source, slots };
}

/** Damerau-Levenshtein distance of at most one (one insertion, deletion, substitution or swap). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function termMatches(term: Term, word: string): boolean {
  if (term.prefix) {
    if (word.startsWith(term.word)) return true;
    if (term.word.length < FUZZY_MIN_LENGTH) return false;
    for (const length of [term.word.length - 1, term.word.length, term.word.length + 1]) {
      if (length <= word.length && withinOneEdit(word.slice(0, length), term.word)) return true;
    }
    return false;
  }
  if (word === term.word || word === `${term.word}s` || word === `${term.word}es`) return true;
  return term.word.length >= FUZZY_MIN_LENGTH && (withinOneEdit(word, term.word) || withinOneEdit(word, `${term.word}s`));
}

/** The number of words an alternative covers at position `at`, or 0. */
function alternativeAt(alternative: Alternative, words: readonly string[], at: number): number {
  for (let k = 0; k < alternative.length; k++) {
    const word = words[at + k];
    if (word === undefined || !termMatches(alternative[k]!, word)) return 0;
  }
  return alternative.length;
}

/** Every way the phrasing matches the clause (its first slot at each position; later slots as early as possible). */
export function matchPhrasing(phrasing: CompiledPhrasing, words: readonly string[]): PhrasingMatch[] {
  const matches: PhrasingMatch[] = [];
  const [first, ...rest] = phrasing.slots;
  for (let start = 0; start < words.length; start++) {
    let length = 0;
    for (const alternative of first!.alternatives) length ||= alternativeAt(alternative, words, start);
    if (length === 0) continue;
    const used = range(start, length);
    let position = absorb(first!, words, start + length, used);
    let ok = true;
    for (const slot of rest) {
      let found = -1;
      let foundLength = 0;
      const last = Math.min(words.length - 1, position + slot.gapBefore);
      for (let at = position; at <= last && found < 0; at++) {
        for (const alternative of slot.alternatives) {
          const n = alternativeAt(alternative, words, at);
          if (n > 0) {
            found = at;
            foundLength = n;
            break;
          }
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      used.push(...range(found, foundLength));
      position = absorb(slot, words, found + foundLength, used);
    }
    if (ok) matches.push({ start, end: position - 1, used });
  }
  return matches;
}

/**
 * Words right after a slot's match that the same slot matches again belong to
 * the match: "old duplicate segments" is one phrase for "old duplicate*|segment*",
 * so a negator after it ("old duplicate segments are not the reason") follows
 * the whole phrase. Returns the position after the last absorbed word.
 */
function absorb(slot: Slot, words: readonly string[], position: number, used: number[]): number {
  while (position < words.length && slot.alternatives.some((alternative) => alternative.length === 1 && termMatches(alternative[0]!, words[position]!))) {
    used.push(position);
    position++;
  }
  return position;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}
