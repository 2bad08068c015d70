// The shape of a labelled corpus of learner answers to one explain-why exercise.
// Each answer is written as learners type (typos, lowercase, run-on sentences)
// and labelled with the score band a teacher would give it. The corpus test
// (../explainWhyCorpus.test.ts) grades every answer with the exercise's own
// grader and reports how many land in their band.

/** What kind of answer it is: the test reports agreement per kind. */
export type AnswerKind =
  | "full" // every key idea, correct
  | "short" // correct and brief
  | "partial" // some ideas right, some missing
  | "wrong" // confidently wrong: a misconception stated as fact
  | "negated" // the right words, negated ("it is not about misrouted segments")
  | "salad" // rubric terms with no sentence around them, or repeated
  | "off-topic" // true or false, but about something else
  | "non-native"; // a non-native speaker's word order and grammar

/** A closed score interval [min, max]; scores are rounded to hundredths. */
export type Band = readonly [min: number, max: number];

/** Every key idea, or all but a minor one. */
export const FULL: Band = [0.75, 1];
/** About half of the weight: the main idea alone, or two ideas of three. */
export const PARTIAL: Band = [0.4, 0.74];
/** One minor idea, or one idea of three. */
export const SOME: Band = [0.2, 0.5];
/** Wrong, negated, salad or off topic: no credit worth the name. */
export const LOW: Band = [0, 0.25];

export type CorpusAnswer = {
  kind: AnswerKind;
  text: string;
  band: Band;
  /**
   * Written after the grader's rules and the exercise's phrasings were
   * settled, and graded once before anything changed: the fairer estimate of
   * how the grader does on answers it has not seen. That first run put 33 of
   * 38 within band (86.8 %: 11 of 14 for lessons 1 and 7, 22 of 24 for lesson
   * 4). The misses led to general rules, never to a phrasing for one answer:
   * negative concord ("don't send nothing"), negated infinitives of purpose
   * ("to not receive"), a phrase that repeats a slot ("old duplicate
   * segments are not..."), short verbless phrases ("60 s on Linux"), and two
   * phrasings ("fix it with keepalive"; a ".." that let "keepalive" pair with
   * any later verb). The test prints the agreement on these answers today.
   */
  heldOut?: true;
};

export type Corpus = { exerciseId: string; answers: CorpusAnswer[] };
