// Grading a short free-text explanation against claims: which key ideas it
// states, which it denies, which wrong ideas it asserts, and whether it is an
// explanation at all. Pure, deterministic, English only, well under a
// millisecond for an answer of 2,000 characters. It knows nothing of
// exercises: the explain-why kind (../kinds/explainWhy.ts) turns its result
// into feedback, and an interview answer can be graded the same way.
//
// How it reads an answer (text.ts, phrasing.ts):
//   1. The text is split into sentences and clauses and normalised (lower case,
//      contractions expanded, hyphens split); see text.ts.
//   2. A claim is a key idea with weight and phrasings, each a short pattern of
//      words matched in order inside ONE clause, with synonyms, prefixes and
//      one-letter typos allowed (phrasing.ts). A phrasing may contain a negator
//      when the idea itself is negative ("no FIN", "never sends"): a negator a
//      phrasing uses is part of the idea.
//   3. Structure. A match counts only inside a clause that has a predicate (two
//      words or more, one a verb or an auxiliary) or is a phrase of three words
//      or more held together by a preposition, pronoun or conjunction ("60 s on
//      Linux"); text.ts `hasStructure`. And the whole answer is a keyword
//      salad, graded 0 whatever it matches, when fewer than 1 word in 5 is a
//      function word or a verb (the rubric's own words never count as verbs),
//      when half of its words or more stand in clauses without that structure
//      (a list of bare nouns separated by commas or spaces: "wrong host,
//      4-tuple, ip checksum"), or when fewer than half of its content words are
//      distinct ("wrong host wrong host misrouted misrouted").
//      Repeating a term earns nothing: each claim counts once.
//   4. Negation. A negator the phrasing did not use ("not", "no", "never",
//      "nothing", "without", "none", "neither", "nor", contractions expanded:
//      "doesn't", "can't", "won't") negates a match in its clause when it stands
//      before it (at most NEGATION_REACH words before its first word for "not",
//      "never"; NARROW_NEGATION_REACH for "no", "without", "nothing", which deny
//      the noun phrase after them: "no FIN arrived and the server never sends"
//      denies the FIN, not the server's silence) or inside
//      it ("keepalive would not help"), or right after it with only auxiliaries
//      between ("misdelivery is never detected"). It is neutralised by a guard
//      word before it ("make sure it was not delivered elsewhere", "verify",
//      "prevent", "avoid", "whether"), in a negated infinitive of purpose ("to
//      not receive", "so as not to"), or in a purpose clause ("so that segments
//      do not reach the wrong host"), and a "no"/"nothing" right after a negator
//      the phrasing used repeats it ("don't send nothing": negative concord).
//   5. A claim is found when some match is not negated; contradicted when every
//      match is negated; missing otherwise. A misconception (a wrong idea, with
//      its own phrasings) is stated when some match is not negated: "tcp_fin_timeout
//      has nothing to do with it" rejects the wrong idea and costs nothing.
//      `unless` phrasings veto a match in the same clause ("routers check the IP
//      header checksum" is true, "routers check the TCP checksum" is not).
//   6. Score = (weight found − weight contradicted − weight of misconceptions
//      stated) / total weight, clamped to [0, 1] and rounded to hundredths.
//      A contradicted claim or a stated misconception counts against the answer.
//
// Why no library: the rubric needs negation scope and clause boundaries over
// technical tokens (tcp_fin_timeout, SO_KEEPALIVE, 4-tuple, half-open) and
// exact, explainable decisions; a general-purpose NLP package (compromise)
// tags general English, brings its own lexicon and would be the largest
// dependency of the grader for a few rules, and a stemmer adds little over the
// prefix terms (`misdeliver*`). The tokenizer here is about 150 lines.

import { AUXILIARIES, FUNCTION_WORDS, GUARDS, NARROW_NEGATORS, NEGATORS, clausesOf, hasStructure, isVerb, normalise, type Clause } from "./text";
import { compilePhrasing, matchPhrasing, type CompiledPhrasing, type PhrasingMatch } from "./phrasing";

/** How far before a match "not", "never" or "hardly" still negates it, in words. */
export const NEGATION_REACH = 8;
/** How far before a match "no", "without", "nothing" still negate it: their noun phrase. */
export const NARROW_NEGATION_REACH = 3;
/** Below this share of function words and verbs, an answer is a keyword salad. */
export const MIN_STRUCTURE_SHARE = 0.2;
/** At or above this share of words in clauses without a predicate, an answer is a list of terms. */
export const MAX_UNSTRUCTURED_SHARE = 0.5;

export type Claim = {
  /** Stable: a learner's "I did say this" refers to it. */
  id: string;
  weight: number;
  phrasings: string[];
  /** Phrasings that, in the same clause, mean the idea is not what is said. */
  unless?: string[];
};

export type Misconception = {
  id: string;
  /** Deducted when stated, in the claims' weight units; 1 unless given. */
  weight?: number;
  phrasings: string[];
  unless?: string[];
};

export type ClaimStatus = "found" | "missing" | "contradicted";

export type ClaimResult = {
  id: string;
  status: ClaimStatus;
  /** The clause that showed it (found or contradicted), as normalised words. */
  evidence?: string;
};

export type FreeTextGrade = {
  /** In [0, 1], rounded to hundredths. */
  score: number;
  claims: ClaimResult[];
  /** Ids of the misconceptions the answer states (negated ones are not). */
  misconceptions: string[];
  /** The answer lists terms instead of saying something: graded 0. */
  salad: boolean;
};

type Compiled<T> = T & { compiled: CompiledPhrasing[]; compiledUnless: CompiledPhrasing[] };

export type ClaimRubric = { claims: Claim[]; misconceptions?: Misconception[] };

/** A rubric compiled once; grade answers with `gradeClaims`. */
export type CompiledRubric = {
  claims: Compiled<Claim>[];
  misconceptions: Compiled<Misconception>[];
  totalWeight: number;
  /** Whether a word is one of the rubric's content words (function words are not): see isKeywordSalad. */
  vocabulary: (word: string) => boolean;
};

export function compileRubric(rubric: ClaimRubric): CompiledRubric {
  const ids = new Set<string>();
  for (const { id } of [...rubric.claims, ...(rubric.misconceptions ?? [])]) {
    if (ids.has(id)) throw new Error(`Two claims or misconceptions share the id "${id}"`);
    ids.add(id);
  }
  const compile = <T extends { phrasings: string[]; unless?: string[] }>(item: T): Compiled<T> => ({
    ...item,
    compiled: item.phrasings.map(compilePhrasing),
    compiledUnless: (item.unless ?? []).map(compilePhrasing),
  });
  const totalWeight = rubric.claims.reduce((sum, claim) => sum + claim.weight, 0);
  if (!(totalWeight > 0)) throw new Error("A rubric needs claims of positive weight");
  const claims = rubric.claims.map(compile);
  const misconceptions = (rubric.misconceptions ?? []).map(compile);
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const item of [...claims, ...misconceptions]) {
    for (const phrasing of [...item.compiled, ...item.compiledUnless]) {
      for (const slot of phrasing.slots) {
        for (const alternative of slot.alternatives) for (const term of alternative) (term.prefix ? prefixes : words).add(term.word);
      }
    }
  }
  const vocabulary = (word: string) =>
    !FUNCTION_WORDS.has(word) &&
    (words.has(word) || words.has(word.replace(/e?s$/, "")) || [...prefixes].some((prefix) => word.startsWith(prefix)));
  return { claims, misconceptions, totalWeight, vocabulary };
}

/**
 * Whether the negator at `at` is neutralised: a guard word before it, a purpose
 * clause, or a negated infinitive of purpose ("to not receive", "so as not to",
 * "in order not to"); "is not to" stays a denial.
 */
function guarded(clause: Clause, at: number): boolean {
  if (clause.purpose) return true;
  const { words } = clause;
  if (words[at - 1] === "to" || (words[at + 1] === "to" && (words[at - 1] === "as" || words[at - 1] === "order"))) return true;
  for (let k = 0; k < at; k++) if (GUARDS.has(clause.words[k]!)) return true;
  return false;
}

/**
 * Negative concord: "does not send nothing", "never told nobody" say one
 * negation, not two (colloquial and many learners' first languages). A narrow
 * negator within three words after a negator the phrasing used repeats it.
 */
function concord(words: readonly string[], used: ReadonlySet<number>, at: number): boolean {
  if (!NARROW_NEGATORS.has(words[at]!)) return false;
  for (let k = Math.max(0, at - 3); k < at; k++) if (used.has(k) && NEGATORS.has(words[k]!)) return true;
  return false;
}

/** Whether a match is negated by a negator it did not use. */
export function isNegated(clause: Clause, match: PhrasingMatch): boolean {
  const { words } = clause;
  const used = new Set(match.used);
  for (let at = 0; at < words.length; at++) {
    if (used.has(at) || !NEGATORS.has(words[at]!)) continue;
    if (concord(words, used, at)) continue;
    const reach = NARROW_NEGATORS.has(words[at]!) ? NARROW_NEGATION_REACH : NEGATION_REACH;
    const before = at < match.start && match.start - at <= reach;
    const inside = at > match.start && at < match.end;
    let after = false;
    if (at > match.end && at - match.end <= 3) {
      after = true;
      for (let k = match.end + 1; k < at; k++) if (!AUXILIARIES.has(words[k]!)) after = false;
    }
    if ((before || inside || after) && !guarded(clause, at)) return true;
  }
  return false;
}

type Occurrence = { negated: boolean; clause: Clause };

function occurrences(item: Compiled<Claim | Misconception>, clauses: Clause[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const clause of clauses) {
    if (!hasStructure(clause.words)) continue;
    if (item.compiledUnless.some((phrasing) => matchPhrasing(phrasing, clause.words).length > 0)) continue;
    for (const phrasing of item.compiled) {
      for (const match of matchPhrasing(phrasing, clause.words)) found.push({ negated: isNegated(clause, match), clause });
    }
  }
  return found;
}

/** Below this share of distinct words among the content words, an answer repeats itself: a keyword salad. */
export const MIN_DISTINCT_SHARE = 0.5;

/**
 * Whether the answer is a list of terms rather than sentences (see the module
 * header). `vocabulary` tells the rubric's own content words: they never count
 * as the verbs of a sentence ("half-open" holds "open", "misrouted" looks like
 * a verb), so a list of them stays a list.
 */
export function isKeywordSalad(clauses: Clause[], vocabulary: (word: string) => boolean = () => false, text?: string): boolean {
  const words = clauses.flatMap((clause) => clause.words);
  if (words.length === 0) return true;
  const structural = words.filter((word) => FUNCTION_WORDS.has(word) || (isVerb(word) && !vocabulary(word))).length;
  const unstructured = clauses.filter((clause) => !hasStructure(clause.words)).reduce((sum, clause) => sum + clause.words.length, 0);
  // Repetition is judged on whole terms: "FIN-WAIT-1 then FIN-WAIT-2" names two
  // states, not "fin" and "wait" twice each (the clause words split hyphens).
  const content = (text === undefined ? words : hyphenatedTerms(text)).filter((word) => !FUNCTION_WORDS.has(word));
  const repetitive = content.length >= 4 && new Set(content).size / content.length < MIN_DISTINCT_SHARE;
  return structural / words.length < MIN_STRUCTURE_SHARE || unstructured / words.length >= MAX_UNSTRUCTURED_SHARE || repetitive;
}

/** The text's words with hyphenated compounds kept whole ("time-wait", "fin-wait-1"). */
function hyphenatedTerms(text: string): string[] {
  return normalise(text).match(/[a-z0-9_]+(?:[-–][a-z0-9_]+)*/g) ?? [];
}

export function gradeClaims(rubric: CompiledRubric, text: string): FreeTextGrade {
  const clauses = clausesOf(text);
  const salad = isKeywordSalad(clauses, rubric.vocabulary, text);
  if (salad) {
    return { score: 0, salad, misconceptions: [], claims: rubric.claims.map((claim) => ({ id: claim.id, status: "missing" })) };
  }
  const claims: ClaimResult[] = rubric.claims.map((claim) => {
    const seen = occurrences(claim, clauses);
    const positive = seen.find((o) => !o.negated);
    if (positive) return { id: claim.id, status: "found", evidence: positive.clause.words.join(" ") };
    const negated = seen[0];
    if (negated) return { id: claim.id, status: "contradicted", evidence: negated.clause.words.join(" ") };
    return { id: claim.id, status: "missing" };
  });
  const misconceptions = rubric.misconceptions.filter((m) => occurrences(m, clauses).some((o) => !o.negated));
  const weightOf = (status: ClaimStatus) =>
    rubric.claims.reduce((sum, claim, index) => sum + (claims[index]!.status === status ? claim.weight : 0), 0);
  const penalty = weightOf("contradicted") + misconceptions.reduce((sum, m) => sum + (m.weight ?? 1), 0);
  const raw = (weightOf("found") - penalty) / rubric.totalWeight;
  const score = Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100;
  return { score, salad, claims, misconceptions: misconceptions.map((m) => m.id) };
}
