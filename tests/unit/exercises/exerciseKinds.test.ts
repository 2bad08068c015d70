import { describe, expect, it } from "vitest";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { numericExercise } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { TestAnswers } from "@/lib/exercises/types";

// These fixtures exercise the kinds themselves; the course's exercises carry real test answers.
const UNUSED_TEST_ANSWERS: TestAnswers = { incorrect: () => [], invalid: [] };

const single = choiceExercise({
  id: "t-single",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Which side enters TIME-WAIT?",
  multiple: false,
  options: [
    { value: "first", label: "The side that closes first", correct: true, feedback: "Yes: the active closer (RFC 9293 §3.6)." },
    { value: "server", label: "Always the server", correct: false, feedback: "Only when the server closes first." },
    { value: "client", label: "Always the client", correct: false, feedback: "Only when the client closes first." },
  ],
  solution: "The active closer.",
});

const multi = choiceExercise({
  id: "t-multi",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Which take a sequence number?",
  multiple: true,
  options: [
    { value: "syn", label: "SYN", correct: true, feedback: "SYN takes one." },
    { value: "fin", label: "FIN", correct: true, feedback: "FIN takes one." },
    { value: "ack", label: "a pure ACK", correct: false, feedback: "A pure ACK takes none." },
    { value: "rst", label: "RST", correct: false, feedback: "RST takes none." },
  ],
  solution: "SYN and FIN.",
});

const numeric = numericExercise({
  id: "t-num",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  label: "Acknowledgment number",
  generate(random) {
    const isn = random.int(1000, 9000);
    return {
      prompt: `A SYN has sequence number ${isn}. What does the SYN-ACK acknowledge?`,
      answer: isn + 1,
      tolerance: 0,
      solution: "The SYN takes one sequence number.",
      mistakes: [{ value: isn, message: "The SYN itself takes one sequence number, so the ACK is one more." }],
    };
  },
});

const ordering = orderingExercise({
  id: "t-order",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Order the active closer's states.",
  items: [
    { value: "est", label: "ESTABLISHED" },
    { value: "fw1", label: "FIN-WAIT-1" },
    { value: "fw2", label: "FIN-WAIT-2" },
    { value: "tw", label: "TIME-WAIT" },
  ],
  solution: "ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT.",
});

function gradeRaw(exercise: { parse(raw: unknown): any; grade(seed: number, value: any): any }, seed: number, raw: unknown) {
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(seed, parsed.value);
}

describe("choice exercises", () => {
  it("shuffle options per seed but keep the same options", () => {
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => JSON.stringify(single.publicVariant(seed).inputs)));
    expect(orders.size).toBeGreaterThan(1);
    expect(JSON.stringify(single.publicVariant(1))).not.toContain("correct");
  });

  it("give full marks to the right option and explain a wrong one", () => {
    expect(gradeRaw(single, 1, single.correctAnswer(1)).score).toBe(1);
    const wrong = gradeRaw(single, 1, { choice: "server" });
    expect(wrong.score).toBe(0);
    expect(wrong.feedback.items.map((i: { message: string }) => i.message)).toContain("Only when the server closes first.");
  });

  it("give partial credit on multiple choice for each option judged right", () => {
    expect(gradeRaw(multi, 1, { choice: ["syn"] }).score).toBe(0.75);
    expect(gradeRaw(multi, 1, { choice: ["syn", "fin"] }).score).toBe(1);
  });

  it("refuse an empty or unknown choice without grading it", () => {
    expect(single.parse({ choice: [] }).ok).toBe(false);
    expect(single.parse({ choice: "nonsense" }).ok).toBe(false);
    expect(single.parse({ choice: ["first", "server"] }).ok).toBe(false);
  });
});

describe("numeric exercises", () => {
  it("accept the exact answer and explain the classic off-by-one", () => {
    const seed = 7;
    const answer = numeric.correctAnswer(seed) as { value: string };
    expect(gradeRaw(numeric, seed, answer).score).toBe(1);
    const off = gradeRaw(numeric, seed, { value: String(Number(answer.value) - 1) });
    expect(off.score).toBe(0);
    expect(off.feedback.items[0].message).toMatch(/takes one sequence number/);
  });

  it("refuse text that is not a number", () => {
    const parsed = numeric.parse({ value: "12abc" });
    expect(parsed.ok).toBe(false);
    expect(numeric.parse({ value: "" }).ok).toBe(false);
  });
});

describe("ordering exercises", () => {
  it("never present the items already in the right order", () => {
    for (let seed = 0; seed < 50; seed++) {
      const input = ordering.publicVariant(seed).inputs[0];
      if (input?.type !== "ordering") throw new Error("expected an ordering input");
      expect(input.items.map((i) => i.value)).not.toEqual(["est", "fw1", "fw2", "tw"]);
    }
  });

  it("give credit for each item in its place", () => {
    expect(gradeRaw(ordering, 0, ordering.correctAnswer(0)).score).toBe(1);
    expect(gradeRaw(ordering, 0, { order: ["est", "fw2", "fw1", "tw"] }).score).toBe(0.5);
  });

  it("refuse a list with a missing or repeated item", () => {
    expect(ordering.parse({ order: ["est", "est", "fw2", "tw"] }).ok).toBe(false);
    expect(ordering.parse({ order: ["est"] }).ok).toBe(false);
  });
});

import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { explainWhyExercise } from "@/lib/exercises/kinds/explainWhy";

const matching = matchingExercise({
  id: "t-match",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Match each sysctl to its effect.",
  pairs: [
    { item: "tcp_fin_timeout", meaning: "How long an orphaned FIN-WAIT-2 socket lives", why: "ip-sysctl.rst: tcp_fin_timeout." },
    { item: "tcp_syn_retries", meaning: "How many times connect() retransmits a SYN", why: "ip-sysctl.rst: tcp_syn_retries." },
  ],
  distractors: ["How long TIME-WAIT lasts"],
  solution: "fin_timeout is FIN-WAIT-2; TIME-WAIT is fixed at 60 s.",
});

const explain = explainWhyExercise({
  id: "t-explain",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Why does the active closer wait in TIME-WAIT?",
  rubric: [
    { id: "final-ack-lost", idea: "The final ACK may be lost", weight: 1, phrasings: ["last|final ack .. lost|dropped", "retransmit* .. fin"], missing: "Say what happens if the last ACK is lost." },
    { id: "old-duplicates", idea: "Old duplicates must die out", weight: 1, phrasings: ["old duplicate*|segment*", "delayed segment*", "earlier incarnation", "previous connection"], missing: "Say what happens to delayed segments of the old connection." },
  ],
  modelAnswer: "So that a retransmitted FIN, sent because the final ACK was lost, can be ACKed again, and so that old duplicate segments of this connection die out before the same four-tuple is reused.",
});

describe("matching exercises", () => {
  it("give credit per correct pair and explain the wrong ones", () => {
    expect(gradeRaw(matching, 3, matching.correctAnswer(3)).score).toBe(1);
    const half = gradeRaw(matching, 3, { tcp_fin_timeout: "m2", tcp_syn_retries: "m1" });
    expect(half.score).toBe(0.5);
    // A wrong match is called wrong, never told its right meaning.
    expect(half.feedback.items[0].correct).toBe(false);
    expect(half.feedback.items[0].message).toBe("That is not what tcp_fin_timeout means.");
    expect(JSON.stringify(half.feedback.items)).not.toContain("orphaned FIN-WAIT-2");
  });

  it("refuse an answer that leaves an item unmatched", () => {
    const parsed = matching.parse({ tcp_fin_timeout: "m0" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual(["tcp_syn_retries: choose a meaning"]);
  });
});

describe("explain-why exercises", () => {
  it("give full credit for the model answer and partial credit for one key idea in other words", () => {
    expect(gradeRaw(explain, 0, explain.correctAnswer(0)).score).toBe(1);
    const partial = gradeRaw(explain, 0, { text: "Because a delayed segment from the previous connection could be mistaken for new data." });
    expect(partial.score).toBe(0.5);
    expect(partial.feedback.items.find((i: { correct: boolean }) => !i.correct).message).toMatch(/last ACK is lost/);
  });

  it("report each key idea by its id as found, missing or contradicted", () => {
    const graded = gradeRaw(explain, 0, { text: "Delayed segments from the previous connection could be taken for new data, but the final ACK is never lost." });
    expect(graded.feedback.items.map((i: { idea?: unknown }) => i.idea)).toEqual([
      { id: "final-ack-lost", status: "contradicted" },
      { id: "old-duplicates", status: "found" },
    ]);
    expect(graded.score).toBe(0);
  });

  it("give no credit to a list of the right terms, and say why", () => {
    const graded = gradeRaw(explain, 0, { text: "final ACK lost, old duplicate, delayed segment, previous connection" });
    expect(graded.score).toBe(0);
    expect(graded.feedback.summary).toMatch(/list of terms/);
  });

  it("give no credit to text that names none of the ideas, and refuse empty or one-word answers", () => {
    expect(gradeRaw(explain, 0, { text: "Because the RFC says so, that is the rule." }).score).toBe(0);
    expect(explain.parse({ text: "   " }).ok).toBe(false);
    expect(explain.parse({ text: "timeout" }).ok).toBe(false);
  });
});
