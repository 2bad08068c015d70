// The explain-why grader against labelled learner answers. Each corpus
// (explainWhyCorpus/*.ts, one per explain-why exercise) holds at least 20
// answers written as learners type them, from full and correct to keyword
// salad, each with the score band a teacher would give. The test prints the
// agreement (answers graded within their band), requires 90 % overall, and
// allows no keyword salad or negated answer above 25 %.
import { describe, expect, it } from "vitest";
import { exercises, findExercise } from "@/lib/exercises/catalog";
import type { ExerciseDefinition, Feedback } from "@/lib/exercises/types";
import type { AnswerKind, Corpus, CorpusAnswer } from "./explainWhyCorpus/types";
import { headerFieldsWhyPseudoHeaderCorpus } from "./explainWhyCorpus/headerFieldsWhyPseudoHeader";
import { peerVanishesHalfOpenCorpus } from "./explainWhyCorpus/peerVanishesHalfOpen";
import { timeWaitWhy2MslCorpus } from "./explainWhyCorpus/timeWaitWhy2Msl";

const CORPORA: Corpus[] = [headerFieldsWhyPseudoHeaderCorpus, timeWaitWhy2MslCorpus, peerVanishesHalfOpenCorpus];
const KINDS: AnswerKind[] = ["full", "short", "partial", "wrong", "negated", "salad", "off-topic", "non-native"];

type Graded = { corpus: Corpus; answer: CorpusAnswer; score: number; feedback: Feedback; inBand: boolean };

function exerciseOf(corpus: Corpus): ExerciseDefinition<string> {
  const exercise = findExercise(corpus.exerciseId);
  if (!exercise) throw new Error(`No exercise ${corpus.exerciseId}`);
  return exercise;
}

function gradeAll(corpus: Corpus): Graded[] {
  const exercise = exerciseOf(corpus);
  return corpus.answers.map((answer) => {
    const parsed = exercise.parse({ text: answer.text });
    if (!parsed.ok) throw new Error(`${corpus.exerciseId}: refused "${answer.text}": ${parsed.errors.join("; ")}`);
    const { score, feedback } = exercise.grade(1, parsed.value);
    return { corpus, answer, score, feedback, inBand: score >= answer.band[0] && score <= answer.band[1] };
  });
}

const graded = CORPORA.flatMap(gradeAll);

const percent = (part: number, whole: number) => `${part}/${whole} = ${((100 * part) / whole).toFixed(1)} %`;
const outOfBand = (list: Graded[]) =>
  list.filter((g) => !g.inBand).map((g) => `${g.score.toFixed(2)} not in [${g.answer.band.join(", ")}] (${g.answer.kind}): ${g.answer.text}`);

describe("the explain-why grader on labelled learner answers", () => {
  it("has a corpus of at least 20 answers, of every kind, for every explain-why exercise in the catalog", () => {
    const explainWhy = exercises.filter((exercise) => exercise.kind === "explain-why").map((exercise) => exercise.id);
    expect(CORPORA.map((corpus) => corpus.exerciseId).sort()).toEqual([...explainWhy].sort());
    for (const corpus of CORPORA) {
      expect(corpus.answers.length, corpus.exerciseId).toBeGreaterThanOrEqual(20);
      expect(new Set(corpus.answers.map((answer) => answer.kind)), corpus.exerciseId).toEqual(new Set(KINDS));
    }
  });

  for (const corpus of CORPORA) {
    it(`grades at least 90 % of the answers to ${corpus.exerciseId} within their band`, () => {
      const mine = graded.filter((g) => g.corpus === corpus);
      const agreeing = mine.filter((g) => g.inBand).length;
      console.log(`${corpus.exerciseId}: ${percent(agreeing, mine.length)} within band`);
      expect(agreeing / mine.length, outOfBand(mine).join("\n")).toBeGreaterThanOrEqual(0.9);
    });
  }

  it("grades at least 90 % of all labelled answers within their band, and prints the agreement by kind", () => {
    const agreeing = graded.filter((g) => g.inBand).length;
    const lines = [`overall: ${percent(agreeing, graded.length)} within band`];
    for (const kind of KINDS) {
      const ofKind = graded.filter((g) => g.answer.kind === kind);
      lines.push(`  ${kind}: ${percent(ofKind.filter((g) => g.inBand).length, ofKind.length)}, scores ${ofKind.map((g) => g.score.toFixed(2)).join(" ")}`);
    }
    const heldOut = graded.filter((g) => g.answer.heldOut);
    lines.push(`  held-out answers: ${percent(heldOut.filter((g) => g.inBand).length, heldOut.length)}`);
    console.log(lines.join("\n"));
    expect(agreeing / graded.length, outOfBand(graded).join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("never gives a keyword salad or an answer that negates the key ideas more than 25 %", () => {
    const capped = graded.filter((g) => g.answer.kind === "salad" || g.answer.kind === "negated");
    expect(capped.length).toBeGreaterThanOrEqual(8);
    expect(capped.filter((g) => g.score > 0.25).map((g) => `${g.score}: ${g.answer.text}`)).toEqual([]);
  });

  it("tells a learner who listed terms that a list is not an explanation", () => {
    for (const g of graded.filter((g) => g.answer.kind === "salad")) expect(g.feedback.summary, g.answer.text).toMatch(/list of terms/);
  });

  it("names every key idea of every answer by its id, as found, missing or contradicted", () => {
    for (const g of graded) {
      const ideas = g.feedback.items.filter((item) => item.idea);
      expect(ideas.length, g.answer.text).toBeGreaterThanOrEqual(2);
      for (const item of ideas) {
        expect(["found", "missing", "contradicted"]).toContain(item.idea!.status);
        expect(item.correct).toBe(item.idea!.status === "found");
      }
      expect(new Set(ideas.map((item) => item.idea!.id)).size).toBe(ideas.length);
    }
  });

  it("keeps the model answer out of the feedback a learner reads, whatever the answer", () => {
    for (const g of graded) {
      const shown = [g.feedback.summary, ...g.feedback.items.flatMap((item) => [item.label, item.message])].join("\n");
      for (const sentence of g.feedback.solution.split(/(?<=\.)\s+/).filter((s) => s.length > 30)) {
        expect(shown, g.answer.text).not.toContain(sentence);
      }
    }
  });

  it("grades an answer in well under a millisecond on average", () => {
    const answers = CORPORA.flatMap((corpus) => corpus.answers.map((answer) => ({ exercise: exerciseOf(corpus), text: answer.text })));
    const rounds = 20;
    const started = performance.now();
    for (let round = 0; round < rounds; round++) for (const { exercise, text } of answers) exercise.grade(1, text);
    const perAnswer = (performance.now() - started) / (rounds * answers.length);
    console.log(`explain-why grading: ${(perAnswer * 1000).toFixed(0)} µs per answer`);
    expect(perAnswer).toBeLessThan(1);
  });
});
