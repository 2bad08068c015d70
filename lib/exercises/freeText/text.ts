// A learner's free text as sentences, clauses and normalised words, with the
// small closed word lists the claim grader needs (function words, verbs,
// negators). Pure and deterministic; English only.
//
// Normalisation: lower case; curly quotes straightened; contractions expanded,
// with or without the apostrophe learners often drop ("doesn't", "doesnt" →
// "does not"; "can't", "cannot" → "can not"; "it's" → "it is"); a possessive
// "'s" dropped; hyphens and slashes split words ("half-open" → "half open",
// "4-tuple" → "4 tuple"), underscores do not ("tcp_fin_timeout" stays one word).
//
// Clauses: a sentence ends at . ! ? ; and a clause also ends at , : / ( ) and
// before a conjunction that starts a new clause (but, because, since, so,
// although, though, whereas, while, which, who, however, therefore, thus,
// instead, otherwise, and "and" when a new subject follows: "and it", "and
// they", "and so"), except right after a negator ("it is not because ..."). "and", "or", "if", "when" and "that" otherwise stay inside
// the clause, so "addresses and ports" or "only when it sends" are one clause.

export type Clause = {
  words: string[];
  /** Opened by "so that" / "in order that": a purpose, where a negation states what is avoided. */
  purpose: boolean;
};

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan'?t\b/g, "can not"],
  [/\bcannot\b/g, "can not"],
  [/\bwon'?t\b/g, "will not"],
  [/\bshan'?t\b/g, "shall not"],
  [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|might)n'?t\b/g, "$1 not"],
  [/\bain'?t\b/g, "is not"],
  [/\b(it|that|there|what|he|she|who|here)'s\b/g, "$1 is"],
  [/\b(they|we|you)'re\b/g, "$1 are"],
  [/\b(i|you|we|they|it|that|there)'ll\b/g, "$1 will"],
  [/\b(i|you|we|they)'ve\b/g, "$1 have"],
  [/\b(i|you|we|they|it|he|she)'d\b/g, "$1 would"],
  [/\bi'm\b/g, "i am"],
  // Two idioms of denial whose scope is wider than their first word's.
  [/\b(has|have|had|is|are|was|were)? ?nothing to do with\b/g, "is not about"],
  [/\bno longer\b/g, "not any longer"],
  [/'s\b/g, ""],
  [/'/g, " "],
];

/** Words that start a new clause wherever they stand. */
const CLAUSE_OPENERS = new Set([
  "but", "because", "since", "so", "although", "though", "whereas", "while", "which", "who",
  "however", "therefore", "thus", "instead", "otherwise", "cause", "cuz", "bc", "hence",
]);
/** After "and", these open a new clause ("and it", "and they", "and so"). */
const NEW_SUBJECT = new Set(["it", "they", "there", "then", "so", "also", "this", "we", "you", "i", "he", "she", "nothing", "no"]);

/** Lower case, contractions expanded, hyphens split. */
export function normalise(text: string): string {
  let out = text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out;
}

/** Words of a normalised fragment: letters, digits and underscores. */
export function wordsOf(fragment: string): string[] {
  return fragment.match(/[a-z0-9_]+/g) ?? [];
}

/** The text as clauses of normalised words (empty clauses dropped). */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  // Sentence and clause punctuation; a dot with no space after it ("802.11", "3.1",
  // "net.core.somaxconn", "tcp_input.c") does not end anything.
  // "connect() returns" is one clause: empty call parentheses are dropped first.
  for (const piece of normalise(text).replace(/\(\s*\)/g, "").split(/[!?;:,/()[\]"]+|\.(?![a-z0-9_])|\s[-–—]+\s/)) {
    let current: string[] = [];
    let purpose = false;
    const flush = () => {
      if (current.length > 0) clauses.push({ words: current, purpose });
      current = [];
      purpose = false;
    };
    const words = wordsOf(piece.replace(/[-–—]/g, " "));
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const next = words[i + 1];
      // "It is not because ...": the denial reaches into the reason, so "because" opens no clause after a negator.
      const afterNegator = i > 0 && NEGATORS.has(words[i - 1]!);
      if ((CLAUSE_OPENERS.has(word) && !afterNegator) || (word === "and" && next !== undefined && NEW_SUBJECT.has(next))) {
        flush();
        if (word === "so" && next === "that") purpose = true;
        if (word === "and") continue;
      }
      current.push(word);
    }
    flush();
  }
  return clauses;
}

/** Negators: each one negates the idea near it in its clause (see claims.ts). */
export const NEGATORS = new Set(["not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "nowhere", "hardly"]);
/**
 * Negators that deny the noun phrase right after them ("no FIN", "without a
 * timer", "nothing arrived"), not the rest of the clause: "no FIN arrived and
 * the server never sends" denies the FIN, not the server's silence.
 */
export const NARROW_NEGATORS = new Set(["no", "nothing", "none", "nobody", "neither", "nor", "without", "nowhere"]);

/** Words that may stand between an idea and a negator after it: "misdelivery is never detected". */
export const AUXILIARIES = new Set([
  "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had",
  "can", "could", "will", "would", "shall", "should", "may", "might", "must", "really", "actually", "just", "also", "it", "that", "this",
]);

/**
 * Words before a negator that turn it into what is checked or avoided rather
 * than denied: "make sure it was not delivered elsewhere", "verify that the
 * segment is not for another host".
 */
export const GUARDS = new Set(["ensure", "ensures", "sure", "verify", "verifies", "check", "checks", "confirm", "confirms", "whether", "prevent", "prevents", "avoid", "avoids", "guarantee", "guarantees", "lest"]);

/** Closed-class words: articles, pronouns, prepositions, conjunctions, auxiliaries, negators. */
export const FUNCTION_WORDS = new Set([
  ...AUXILIARIES,
  ...NEGATORS,
  "a", "an", "the", "these", "those", "its", "they", "them", "their", "there", "he", "she", "him", "his", "her",
  "we", "us", "our", "you", "your", "i", "me", "my", "done", "having", "of", "to", "in", "on", "at", "by", "for", "with",
  "from", "into", "onto", "about", "over", "under", "between", "through", "via", "per", "as", "than", "so", "because",
  "since", "but", "and", "or", "if", "when", "while", "which", "who", "whom", "whose", "what", "where", "why", "how",
  "then", "only", "even", "still", "all", "any", "some", "each", "every", "both", "either", "other", "another", "such",
  "same", "too", "very", "more", "most", "less", "up", "out", "off", "down", "away", "again", "once", "here", "own",
  "itself", "themselves", "until", "unless", "although", "though", "instead", "whether", "anything", "something",
  "everything", "someone", "anyone", "against", "after", "before", "else", "ever", "yet",
]);

/** Finite auxiliaries, copulas and modals: a clause with one of them has a predicate. */
const PREDICATE_WORDS = new Set([
  "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "has", "have", "had",
  "can", "could", "will", "would", "shall", "should", "may", "might", "must",
]);

/** Common verbs of explanations, as base forms (inflections are recognised) and irregular forms. */
const VERBS = new Set([
  "detect", "check", "protect", "catch", "caught", "send", "sent", "arrive", "deliver", "reach", "ensure", "prevent",
  "verify", "notice", "learn", "tell", "told", "know", "knew", "known", "close", "drop", "kill", "keep", "kept", "stay",
  "wait", "remove", "use", "enable", "turn", "set", "find", "found", "get", "got", "go", "went", "gone", "leave", "left",
  "make", "made", "mean", "meant", "cover", "include", "identify", "carry", "need", "want", "let", "help", "fix",
  "solve", "stop", "accept", "reject", "discard", "belong", "come", "came", "take", "took", "put", "say", "said", "see",
  "saw", "seen", "think", "thought", "happen", "appear", "disappear", "vanish", "retransmit", "probe", "answer", "reply",
  "respond", "acknowledge", "expire", "fail", "lose", "lost", "change", "rewrite", "rewrote", "recompute",
  "recalculate", "compute", "calculate", "contain", "hold", "held", "reuse", "give", "gave", "run", "ran", "become",
  "became", "seem", "look", "read", "write", "wrote", "open", "guard", "avoid", "block", "filter", "allow", "cause",
  "trigger", "guarantee", "matter", "depend", "exist", "remain", "last", "linger", "assume", "treat", "mistake",
  "confuse", "match", "compare", "realise", "realize", "discover", "decide", "forward", "route", "misroute", "corrupt",
  "damage", "flip", "break", "broke", "handle", "clean", "free", "release", "destroy", "delete", "abort", "reset",
  "restart", "start", "begin", "began", "hang", "pile", "add", "activate", "configure", "try", "ping", "notify",
  "inform", "receive", "transmit", "work", "stick", "stuck", "point", "hear", "heard", "reopen", "own", "hold",
  "differ", "distinguish", "define", "name", "specify", "determine", "swap", "alter", "modify", "update", "ignore",
]);

/** Whether a word is a form of a known verb: the base, -s, -es, -ed, -d, -ing, -ies, -ied. */
export function isVerb(word: string): boolean {
  if (PREDICATE_WORDS.has(word) || VERBS.has(word)) return true;
  const stems = [
    word.replace(/ies$/, "y"),
    word.replace(/ied$/, "y"),
    word.replace(/es$/, ""),
    word.replace(/s$/, ""),
    word.replace(/ed$/, ""),
    word.replace(/d$/, ""),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
    word.replace(/(.)\1(ed|ing)$/, "$1"),
  ];
  return stems.some((stem) => stem !== word && VERBS.has(stem));
}

/**
 * Whether a clause has a predicate: two words or more, one of them a verb or an
 * auxiliary. "The connection is idle" does; "idle connection", "no FIN" or
 * "wrong host wrong host" do not.
 */
export function hasPredicate(words: readonly string[]): boolean {
  return words.length >= 2 && words.some(isVerb);
}

/** Function words that relate words to each other (not articles, demonstratives or negators). */
const RELATING_WORDS = new Set(
  [...FUNCTION_WORDS].filter((word) => !["a", "an", "the", "this", "that", "these", "those", "it", "also", "just", "really", "actually"].includes(word) && !NEGATORS.has(word)),
);

/**
 * Whether a clause can state an idea: it has a predicate, or it is a phrase of
 * three words or more held together by a preposition, pronoun or conjunction,
 * as learners write in a hurry ("60 s on Linux", "constant in the kernel").
 * A bare list ("wrong host, 4-tuple", "no FIN no RST", "the 4-tuple") cannot.
 * The keyword-salad test counts the words of clauses without this structure.
 */
export function hasStructure(words: readonly string[]): boolean {
  return hasPredicate(words) || (words.length >= 3 && words.some((word) => RELATING_WORDS.has(word)));
}
