// Finding glossary terms in text. Pure: the lesson plugin that links first
// uses (lib/mdx/glossaryLinks.ts), the glossary's back-links and the tests
// all find terms with this one matcher, so they agree on what a "use" is.
import type { GlossaryEntry } from "./types";

export type TermMatch = { start: number; end: number; id: string };

type Form = { text: string; lower: string; anyCase: boolean; id: string };

export type TermMatcher = {
  /** Every term in `text`, left to right, longest form first where forms overlap ("SYN cookie" before "SYN"). */
  find(text: string): TermMatch[];
  /** The entry an inline code span names, if the whole span is a term, optionally set to a value (`tcp_syncookies = 0`). */
  codeTerm(code: string): string | undefined;
};

const WORD = /[A-Za-z0-9_]/;
const ALNUM = /[A-Za-z0-9]/;

// A term is a whole word: not glued to letters, digits or underscores, and not
// the head or tail of a dashed or dotted name ("SYN" is not in "SYN-ACK",
// "FIN" not in "FIN-WAIT-2", "tcp_rmem" not in "ipv4.tcp_rmem.x").
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1]!;
  if (WORD.test(before)) return false;
  if ((before === "-" || before === ".") && at >= 2 && ALNUM.test(text[at - 2]!)) return false;
  return true;
}

function endsWord(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const after = text[at]!;
  if (WORD.test(after)) return false;
  if ((after === "-" || after === ".") && at + 1 < text.length && ALNUM.test(text[at + 1]!)) return false;
  return true;
}

// Lower-case ASCII only, so positions in the lowered text are positions in the text.
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A value assignment after a sysctl in code: `tcp_syncookies = 0`, `tcp_fin_timeout=5`. */
const ASSIGNMENT = /\s*=\s*[\w."' ]+$/;

export function createTermMatcher(entries: readonly GlossaryEntry[]): TermMatcher {
  const forms: Form[] = [];
  for (const entry of entries) {
    for (const text of entry.forms) forms.push({ text, lower: text.toLowerCase(), anyCase: false, id: entry.id });
    for (const text of entry.formsAnyCase ?? []) forms.push({ text, lower: text.toLowerCase(), anyCase: true, id: entry.id });
  }
  forms.sort((a, b) => b.text.length - a.text.length);
  // Forms by their first character, lower-cased: only those can start at a given position.
  const byFirst = new Map<string, Form[]>();
  for (const form of forms) {
    const key = form.lower[0]!;
    byFirst.set(key, [...(byFirst.get(key) ?? []), form]);
  }

  const formAt = (text: string, lowerText: string, at: number): Form | undefined => {
    const candidates = byFirst.get(lowerText[at]!);
    if (!candidates || !startsWord(text, at)) return undefined;
    for (const form of candidates) {
      const end = at + form.text.length;
      const same = form.anyCase ? lowerText.startsWith(form.lower, at) : text.startsWith(form.text, at);
      if (same && endsWord(text, end)) return form;
    }
    return undefined;
  };

  const find = (text: string): TermMatch[] => {
    const matches: TermMatch[] = [];
    const lowerText = asciiLower(text);
    let at = 0;
    while (at < text.length) {
      const form = formAt(text, lowerText, at);
      if (form) {
        matches.push({ start: at, end: at + form.text.length, id: form.id });
        at += form.text.length;
      } else {
        at += 1;
      }
    }
    return matches;
  };

  return {
    find,
    codeTerm(code) {
      const name = code.trim().replace(ASSIGNMENT, "");
      const found = find(name);
      return found.length === 1 && found[0]!.start === 0 && found[0]!.end === name.length ? found[0]!.id : undefined;
    },
  };
}
