// describeAnswer: an attempt's raw answer as the learner gave it, in words,
// using the labels of the variant it was made on.
import { describe, expect, it } from "vitest";
import { describeAnswer } from "@/lib/exercises/answerSummary";
import { exercises, findExercise } from "@/lib/exercises/catalog";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { headerBytesAckFlags } from "@/lib/exercises/kinds/headerBytesAckFlags";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { numericExercise } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { PublicVariant, TestAnswers } from "@/lib/exercises/types";

const UNUSED_TEST_ANSWERS: TestAnswers = { incorrect: () => [], invalid: [] };
const UNSHOWABLE = ["(answer could not be shown)"];

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
  ],
  solution: "SYN and FIN.",
});

const ordering = orderingExercise({
  id: "t-order",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Order the states.",
  items: [
    { value: "est", label: "ESTABLISHED" },
    { value: "fw1", label: "FIN-WAIT-1" },
    { value: "tw", label: "TIME-WAIT" },
  ],
  solution: "In that order.",
});

const matching = matchingExercise({
  id: "t-match",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  prompt: "Match each sysctl to its effect.",
  pairs: [
    { item: "tcp_fin_timeout", meaning: "How long an orphaned FIN-WAIT-2 socket lives", why: "w" },
    { item: "tcp_syn_retries", meaning: "How many times connect() retransmits a SYN", why: "w" },
  ],
  distractors: ["How long TIME-WAIT lasts"],
  solution: "s",
});

const numeric = numericExercise({
  id: "t-num",
  lessonId: "lesson-t",
  testAnswers: UNUSED_TEST_ANSWERS,
  title: "t",
  label: "Seconds in FIN-WAIT-2",
  generate: () => ({ prompt: "How long?", answer: 60, tolerance: 0, unit: "s", solution: "60 s." }),
});

describe("describeAnswer", () => {
  it("choice: the labels of the chosen options, never their values", () => {
    const shown = (multi.publicVariant(1).inputs[0] as { options: { value: string; label: string }[] }).options;
    const expected = shown.filter((option) => option.value === "ack" || option.value === "syn").map((option) => option.label);
    expect(describeAnswer(multi.publicVariant(1), { choice: ["ack", "syn"] })).toEqual(expected);
    expect(describeAnswer(multi.publicVariant(1), { choice: ["syn", "ack"] })).toEqual(expected);
    expect(describeAnswer(multi.publicVariant(1), { choice: "fin" })).toEqual(["FIN"]);
    expect(describeAnswer(multi.publicVariant(1), { choice: ["bogus"] }).join()).not.toContain("bogus");
  });

  it("ordering: the numbered list of labels, in the learner's order", () => {
    expect(describeAnswer(ordering.publicVariant(1), { order: ["tw", "est", "fw1"] })).toEqual(["1. TIME-WAIT", "2. ESTABLISHED", "3. FIN-WAIT-1"]);
  });

  it("matching: item → meaning for each item, in the order the variant lists them", () => {
    const variant = matching.publicVariant(3);
    const lines = describeAnswer(variant, { tcp_fin_timeout: "m2", tcp_syn_retries: "m1" });
    expect(lines).toHaveLength(2);
    expect(lines).toContain("tcp_fin_timeout → How long TIME-WAIT lasts");
    expect(lines).toContain("tcp_syn_retries → How many times connect() retransmits a SYN");
    expect(describeAnswer(variant, { tcp_fin_timeout: "m0" })).toContain("tcp_syn_retries → (not matched)");
  });

  it("numeric: the number with its input's label", () => {
    expect(describeAnswer(numeric.publicVariant(1), { value: " 120 " })).toEqual(["Seconds in FIN-WAIT-2 (s): 120"]);
    expect(describeAnswer(numeric.publicVariant(1), { value: 7.5 })).toEqual(["Seconds in FIN-WAIT-2 (s): 7.5"]);
  });

  it("header bytes: the number and the flags, each with its input's label", () => {
    const lines = describeAnswer(headerBytesAckFlags.publicVariant(4), { ack: "0x10", flags: ["syn", "ack"] });
    expect(lines).toEqual(["Acknowledgment number (decimal, or hex starting with 0x): 0x10", "Flags that are set: ACK, SYN"]);
    expect(describeAnswer(headerBytesAckFlags.publicVariant(4), { ack: "5" })).toEqual([
      "Acknowledgment number (decimal, or hex starting with 0x): 5",
      "Flags that are set: (nothing selected)",
    ]);
  });

  it("explain-why: the text, whitespace folded and trimmed to about 300 characters", () => {
    const explain = exercises.find((exercise) => exercise.kind === "explain-why")!;
    const variant = explain.publicVariant(1);
    expect(describeAnswer(variant, { text: "  Because the\n final ACK   may be lost. " })).toEqual(["Because the final ACK may be lost."]);
    const long = describeAnswer(variant, { text: "word ".repeat(200) })[0]!;
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith("…")).toBe(true);
  });

  it("trace fill-in: one line per row, with its label, flags, seq, ack and lost mark", () => {
    const trace = findExercise("four-way-close-fill-trace")!;
    const variant = trace.publicVariant(5);
    const rows = (variant.inputs[0] as Extract<PublicVariant["inputs"][number], { type: "trace" }>).rows;
    const lines = describeAnswer(variant, { rows: [{ flags: "P.", seq: "1", ack: "1", lost: "" }, { flags: "F.", seq: "2", ack: "", lost: "x" }] });
    expect(lines).toHaveLength(rows.length);
    expect(lines[0]).toBe(`${rows[0]!.label}: flags P. seq 1 ack 1 lost —`);
    expect(lines[1]).toBe(`${rows[1]!.label}: flags F. seq 2 ack — lost x`);
    expect(lines[2]).toBe(`${rows[2]!.label}: flags — seq — ack — lost —`);
  });

  it("simulator task: where the learner's changes leave each setting", () => {
    const keepClients = findExercise("syn-flood-keep-clients")!;
    const lines = describeAnswer(keepClients.publicVariant(0), { actions: [{ set: "tcp_syncookies", value: "0" }, { set: "tcp_syncookies", value: "1" }] });
    expect(lines).toContain("net.ipv4.tcp_syncookies = 1");
    expect(lines.some((line) => /net.core.somaxconn = \d+ \(unchanged\)/.test(line))).toBe(true);
    const leaveServer = findExercise("time-wait-leave-server")!;
    expect(describeAnswer(leaveServer.publicVariant(0), { actions: [{ set: "serverCloseAt", value: "0.6" }] })).toContain("Server calls close() at (s): 0.6");
  });

  it("answers that cannot be shown give one short line, never raw JSON", () => {
    for (const raw of [null, "text", 42, [], { order: "x".repeat(5000) }, { rows: "all" }, { actions: [{ set: "nope", value: 1 }] }, { choice: { a: 1 } }]) {
      for (const variant of [multi.publicVariant(1), ordering.publicVariant(1), findExercise("four-way-close-fill-trace")!.publicVariant(1), findExercise("syn-flood-keep-clients")!.publicVariant(0)]) {
        const lines = describeAnswer(variant, raw);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          expect(line.length).toBeLessThanOrEqual(320);
          expect(line).not.toMatch(/[{}[\]"]/);
        }
      }
    }
    expect(describeAnswer(ordering.publicVariant(1), { order: [] })).toEqual(UNSHOWABLE);
    expect(describeAnswer(multi.publicVariant(1), null)).toEqual(UNSHOWABLE);
  });

  it("every exercise of the catalog: its correct and wrong test answers read as words, not JSON", () => {
    for (const exercise of exercises) {
      for (const seed of [1, 2]) {
        const variant = exercise.publicVariant(seed);
        for (const answer of [exercise.correctAnswer(seed), ...exercise.testAnswers.incorrect(seed).map((a) => a.answer)]) {
          const lines = describeAnswer(variant, answer);
          expect(lines, `${exercise.id} ${JSON.stringify(answer)}`).not.toEqual(UNSHOWABLE);
          for (const line of lines) expect(line, exercise.id).not.toMatch(/[{}"]|\bm\d+\b|does not have/);
        }
      }
    }
  });
});
