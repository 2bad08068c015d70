// The interview question bank is complete and honest: every question has
// every part (lib/interview/question.ts), cites its sources, links a lesson
// section and preset that exist, and its rubric recognises its own model
// answer while giving little to each wrong answer it lists.
import { describe, expect, it } from "vitest";
import { interviewQuestions } from "@/content/interview";
import { loadLessons } from "@/lib/content/lessons";
import { compileRubric, gradeClaims } from "@/lib/exercises/freeText/claims";
import { TOPICS, type TopicId } from "@/lib/interview/question";
import { PRESETS } from "@/lib/labs/sequence-simulator/presets";
import { tableOfContents } from "@/lib/mdx/tableOfContents";

const lessons = new Map((await loadLessons()).map((lesson) => [lesson.slug, lesson]));
const COUNTERFACTUALS = ["two-way-handshake", "no-time-wait", "isn-zero", "no-syn-cookies"];
/** A source names an RFC section, a man page, or a Linux function, constant, file or sysctl doc. */
const SOURCE = /RFC \d+|man \d|\.c\b|\.h\b|\(\)|ip-sysctl|[A-Z][A-Z0-9_]{3,}|net\/ipv4/;
const words = (text: string) => text.trim().split(/\s+/).length;

describe("the interview question bank", () => {
  it("has at least 60 questions, with unique kebab-case ids", () => {
    expect(interviewQuestions.length).toBeGreaterThanOrEqual(60);
    const ids = interviewQuestions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("covers every topic with at least 3 questions", () => {
    for (const topic of Object.keys(TOPICS) as TopicId[]) {
      expect(interviewQuestions.filter((q) => q.topic === topic).length, topic).toBeGreaterThanOrEqual(3);
    }
  });

  for (const q of interviewQuestions) {
    describe(q.id, () => {
      it("has every part: question, a 60-150 word model answer with sources, ideas, wrong answers, 2-3 follow-ups", () => {
        expect(q.question.length).toBeGreaterThan(15);
        expect(words(q.modelAnswer)).toBeGreaterThanOrEqual(60);
        expect(words(q.modelAnswer)).toBeLessThanOrEqual(150);
        expect(q.sources.length).toBeGreaterThanOrEqual(1);
        for (const source of q.sources) expect(source).toMatch(SOURCE);
        expect(q.rubric.ideas.length).toBeGreaterThanOrEqual(2);
        for (const idea of q.rubric.ideas) expect(idea.idea.length).toBeGreaterThan(5);
        expect(q.wrongAnswers.length).toBeGreaterThanOrEqual(2);
        for (const wrong of q.wrongAnswers) expect(wrong.whyWrong.length).toBeGreaterThan(20);
        expect(q.followUps.length).toBeGreaterThanOrEqual(2);
        expect(q.followUps.length).toBeLessThanOrEqual(3);
        expect(["warm-up", "core", "deep"]).toContain(q.difficulty);
      });

      it("links a lesson section, preset and counterfactual that exist", () => {
        const lesson = lessons.get(q.lesson.slug);
        expect(lesson, `no lesson ${q.lesson.slug}`).toBeDefined();
        expect(tableOfContents(lesson!.source).map((entry) => entry.id)).toContain(q.lesson.anchor);
        if (q.preset !== undefined) expect(Object.keys(PRESETS)).toContain(q.preset);
        if (q.whatIf !== undefined) expect(COUNTERFACTUALS).toContain(q.whatIf);
      });

      it("grades its own model answer high and each wrong answer it lists low", () => {
        const rubric = compileRubric({ claims: q.rubric.ideas, misconceptions: q.rubric.misconceptions });
        const model = gradeClaims(rubric, q.modelAnswer);
        expect(model.score, `model answer; missing: ${model.claims.filter((c) => c.status !== "found").map((c) => c.id).join(", ")}`).toBeGreaterThanOrEqual(0.9);
        for (const wrong of q.wrongAnswers) expect(gradeClaims(rubric, wrong.claim).score, wrong.claim).toBeLessThanOrEqual(0.5);
      });
    });
  }
});
