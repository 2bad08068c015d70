// Feedback that never gives the answer away, kind by kind: a wrong answer is
// told about its mistake; the answer itself is only in feedback.solution,
// which the server shows after a correct answer, a reveal or the last attempt.
import { describe, expect, it } from "vitest";
import { findExercise } from "@/lib/exercises/catalog";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { headerBytesAckFlags } from "@/lib/exercises/kinds/headerBytesAckFlags";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { numericExercise } from "@/lib/exercises/kinds/numeric";
import { determinesOrder, MAX_RULES_NAMED, namedRules, orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { ExerciseDefinition, Feedback, TestAnswers } from "@/lib/exercises/types";

const UNUSED_TEST_ANSWERS: TestAnswers = { incorrect: () => [], invalid: [] };

function gradeRaw(exercise: ExerciseDefinition<any>, seed: number, raw: unknown) {
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(seed, parsed.value);
}

const text = (feedback: Feedback) => [feedback.summary, ...feedback.items.flatMap((i) => [i.label, i.message])].join("\n");

describe("choice feedback", () => {
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
      { value: "syn", label: "SYN", correct: true, feedback: "Yes: SYN takes one." },
      { value: "fin", label: "FIN", correct: true, feedback: "Yes: FIN takes one." },
      { value: "ack", label: "a pure ACK", correct: false, feedback: "A pure ACK takes none." },
      { value: "rst", label: "RST", correct: false, feedback: "RST takes none." },
    ],
    solution: "SYN and FIN.",
  });

  it("a wrong single choice names only the picked option, marked wrong, never the right one", () => {
    const graded = gradeRaw(single, 1, { choice: "server" });
    expect(graded.score).toBe(0);
    expect(graded.feedback.items).toEqual([{ label: "Always the server", correct: false, message: "Only when the server closes first." }]);
    expect(text(graded.feedback)).not.toContain("closes first\n");
    expect(text(graded.feedback)).not.toMatch(/Yes|The side that closes first/);
  });

  it("a partly right multiple choice marks each picked option by whether picking it was right and counts the missed ones", () => {
    const graded = gradeRaw(multi, 1, { choice: ["syn", "ack"] });
    expect(graded.score).toBe(0.5);
    expect(graded.feedback.items).toEqual([
      { label: "SYN", correct: true, message: "Yes: SYN takes one." },
      { label: "a pure ACK", correct: false, message: "A pure ACK takes none." },
      { label: "Not selected", correct: false, message: "1 more option is true as well." },
    ]);
    // No ✗ beside a correct option, no "Yes" beside a wrong one.
    for (const item of graded.feedback.items) {
      if (item.label === "FIN") throw new Error("the missed correct option is named");
      if (item.correct === false) expect(item.message).not.toMatch(/^Yes/);
    }
  });

  it("a right answer gets a ✓ for each option picked", () => {
    const graded = gradeRaw(multi, 1, { choice: ["syn", "fin"] });
    expect(graded.score).toBe(1);
    expect(graded.feedback.items.map((i) => [i.label, i.correct])).toEqual([
      ["SYN", true],
      ["FIN", true],
    ]);
  });
});

describe("ordering feedback", () => {
  const items = ["a", "b", "c", "d", "e"].map((value) => ({ value, label: `Step ${value.toUpperCase()}` }));
  const chain = orderingExercise({
    id: "t-chain",
    lessonId: "lesson-t",
    testAnswers: UNUSED_TEST_ANSWERS,
    title: "t",
    prompt: "Order the steps.",
    items,
    rules: [
      { first: "a", then: "b", why: "A sets up B." },
      { first: "b", then: "c", why: "B feeds C." },
      { first: "c", then: "d", why: "C unlocks D." },
      { first: "d", then: "e", why: "D ends in E." },
    ],
    solution: "A, B, C, D, E.",
  });

  it("says how many items are in place and names at most two broken rules, never a position's item", () => {
    const graded = gradeRaw(chain, 1, { order: ["e", "d", "c", "b", "a"] });
    expect(graded.feedback.summary).toBe("1 of 5 in the right place.");
    const all = text(graded.feedback);
    expect(all).not.toMatch(/Position \d/);
    const named = graded.feedback.items.filter((i) => /placed before/.test(i.label));
    expect(named.length).toBeLessThanOrEqual(MAX_RULES_NAMED);
    expect(named[0]).toEqual({ label: "Step B placed before Step A", correct: false, message: "A sets up B." });
    expect(all).toMatch(/2 more rules of the same kind/);
    expect(graded.feedback.items.every((i) => i.correct === false)).toBe(true);
  });

  it("with no rule broken, says only how many are out of place", () => {
    const free = orderingExercise({ id: "t-free", lessonId: "lesson-t", testAnswers: UNUSED_TEST_ANSWERS, title: "t", prompt: "p", items, solution: "s" });
    const graded = gradeRaw(free, 1, { order: ["b", "a", "c", "d", "e"] });
    expect(graded.score).toBe(0.6);
    expect(graded.feedback.items).toEqual([{ label: "Order", correct: false, message: "2 of 5 are not in their place yet." }]);
  });

  it("never names rules that, together, fix the whole order (three items, two rules)", () => {
    const three = orderingExercise({
      id: "t-three",
      lessonId: "lesson-t",
      testAnswers: UNUSED_TEST_ANSWERS,
      title: "t",
      prompt: "p",
      items: items.slice(0, 3),
      rules: [
        { first: "a", then: "b", why: "A sets up B." },
        { first: "b", then: "c", why: "B feeds C." },
      ],
      solution: "s",
    });
    const graded = gradeRaw(three, 1, { order: ["c", "b", "a"] });
    const named = graded.feedback.items.filter((i) => /placed before/.test(i.label));
    expect(named).toHaveLength(1);
    expect(text(graded.feedback)).toMatch(/1 more rule of the same kind/);
  });

  it("namedRules keeps what it names short of a total order, for every order of five items", () => {
    const values = ["a", "b", "c", "d", "e"];
    const rules = values.flatMap((first, i) => values.slice(i + 1).map((then) => ({ first, then })));
    const permutations = (list: string[]): string[][] =>
      list.length <= 1 ? [list] : list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]));
    for (const order of permutations(values)) {
      const broken = rules.filter((r) => order.indexOf(r.first) > order.indexOf(r.then));
      const named = namedRules(values, broken);
      expect(named.length).toBeLessThanOrEqual(MAX_RULES_NAMED);
      expect(determinesOrder(values, named)).toBe(false);
    }
    expect(determinesOrder(["a", "b", "c"], [{ first: "a", then: "b" }, { first: "b", then: "c" }])).toBe(true);
  });
});

describe("matching feedback", () => {
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
    confusions: [{ item: "tcp_fin_timeout", meaning: "How long TIME-WAIT lasts", message: "TIME-WAIT is a fixed 60 s on Linux; no sysctl sets it." }],
    solution: "fin_timeout is FIN-WAIT-2; TIME-WAIT is fixed at 60 s.",
  });

  it("a wrong match gets its confusion, or is only called wrong; the right meaning is never stated", () => {
    const confused = gradeRaw(matching, 3, { tcp_fin_timeout: "m2", tcp_syn_retries: "m1" });
    expect(confused.feedback.items.find((i) => i.label === "tcp_fin_timeout")!.message).toBe("TIME-WAIT is a fixed 60 s on Linux; no sysctl sets it.");
    const swapped = gradeRaw(matching, 3, { tcp_fin_timeout: "m1", tcp_syn_retries: "m0" });
    expect(swapped.score).toBe(0);
    expect(swapped.feedback.items.map((i) => i.message)).toEqual(["That is not what tcp_fin_timeout means.", "That is not what tcp_syn_retries means."]);
  });
});

describe("numeric and header-bytes feedback", () => {
  const numeric = numericExercise({
    id: "t-num",
    lessonId: "lesson-t",
    testAnswers: UNUSED_TEST_ANSWERS,
    title: "t",
    label: "Acknowledgment number",
    generate: (random) => {
      const isn = random.int(1000, 9000);
      return { prompt: `SYN seq ${isn}?`, answer: isn + 1, tolerance: 0, solution: `${isn} + 1 = ${isn + 1}.` };
    },
  });

  it("a wrong number is called too high or too low, never told the answer", () => {
    const answer = Number((numeric.correctAnswer(4) as { value: string }).value);
    const graded = gradeRaw(numeric, 4, { value: String(answer + 7) });
    expect(graded.feedback.items[0]!.message).toMatch(/too high/);
    expect(text(graded.feedback)).not.toContain(String(answer));
    expect(graded.feedback.solution).toContain(String(answer));
  });

  it("wrong flags: the ones added are named, the ones missed only counted", () => {
    const seed = Array.from({ length: 200 }, (_, s) => s).find((s) => (headerBytesAckFlags.correctAnswer(s) as { flags: string[] }).flags.length >= 2)!;
    const answer = headerBytesAckFlags.correctAnswer(seed) as { ack: string; flags: string[] };
    const extra = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"].find((f) => !answer.flags.includes(f))!;
    const graded = gradeRaw(headerBytesAckFlags, seed, { ack: answer.ack, flags: [...answer.flags.slice(1), extra] });
    const flags = graded.feedback.items.find((i) => i.label === "Flags")!;
    expect(flags.message).toContain(`You added ${extra.toUpperCase()}, which is not set; 1 flag that is set is not selected.`);
    expect(flags.message).not.toMatch(/missed/);
  });
});

describe("trace fill-in scoring", () => {
  const trace = findExercise("four-way-close-fill-trace")!;

  it("a blank or nonsense answer earns nothing for cells that are right only by being blank", () => {
    for (let seed = 0; seed < 12; seed++) {
      const rows = (trace.correctAnswer(seed) as { rows: unknown[] }).rows;
      // Flags that no segment of this exercise has, a seq of 0, everything else blank.
      const nonsense = { rows: rows.map(() => ({ flags: "SFR", seq: "0", ack: "", lost: "" })) };
      expect(gradeRaw(trace, seed, nonsense).score, `seed ${seed}`).toBe(0);
      // One row given, the rest missing: the missing rows are wrong, not blank-and-right.
      const one = { rows: [{ flags: "SFR", seq: "0", ack: "", lost: "" }] };
      const graded = gradeRaw(trace, seed, one);
      expect(graded.score).toBe(0);
      expect(graded.feedback.items.slice(1).every((i) => i.correct === false && i.message === "No answer for this segment.")).toBe(true);
    }
  });

  it("scores per field: flags and seq always, ack when the segment has one, the lost mark when it is lost, an extra mark as a wrong field", () => {
    const seed = Array.from({ length: 40 }, (_, s) => s).find((s) => (trace.correctAnswer(s) as { rows: { lost: string }[] }).rows.some((r) => r.lost === "x"))!;
    const right = trace.correctAnswer(seed) as { rows: { flags: string; seq: string; ack: string; lost: string }[] };
    const fields = right.rows.reduce((n, r) => n + 2 + (r.ack === "" ? 0 : 1) + (r.lost === "x" ? 1 : 0), 0);
    const unmarked = structuredClone(right);
    for (const row of unmarked.rows) row.lost = "";
    const lostRows = right.rows.filter((r) => r.lost === "x").length;
    expect(gradeRaw(trace, seed, unmarked).score).toBe(Math.round(((fields - lostRows) / fields) * 100) / 100);
    const overmarked = structuredClone(right);
    for (const row of overmarked.rows) row.lost = "x";
    const arriving = right.rows.length - lostRows;
    expect(gradeRaw(trace, seed, overmarked).score).toBe(Math.round((fields / (fields + arriving)) * 100) / 100);
  });
});

describe("simulator task feedback", () => {
  it("the replayed lines are neutral (correct: null); the goal check is its own item", () => {
    const task = findExercise("time-wait-leave-server")!;
    for (const raw of [{ actions: [] }, task.correctAnswer(0)]) {
      const graded = gradeRaw(task, 0, raw);
      const [goal, ...replay] = graded.feedback.items;
      expect(goal!.label).toBe("Goal");
      expect(goal!.correct).toBe(graded.score === 1);
      expect(replay.length).toBeGreaterThan(0);
      for (const line of replay) expect(line.correct).toBeNull();
    }
  });
});
