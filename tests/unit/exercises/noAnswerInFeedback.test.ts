// "A grade means mastery": a wrong answer gets feedback about its mistake,
// never the answer. For every exercise of the catalog, seeds 1-5 and each of
// its plausible wrong answers (testAnswers.incorrect), what the learner reads
// after submitting (summary, item labels and messages; not the worked
// solution, which the server shows only after a correct answer, a reveal or
// the last attempt) must not contain the correct answer rendered as text.
//
// What "the correct answer as text" is, per kind (chosen to be robust: no
// false alarms from short words that any explanation uses):
// - choice: the label of a correct option the learner did not pick. Every
//   label is checked as an item label; labels of 12 characters or more are
//   also searched in all the text (a short one like "SYN" is a word of
//   explanations). No item marked wrong may start with "Yes", "Right" or
//   "Correct", and no correct option may carry a ✗.
// - ordering: all the variant's labels, in the correct order, within one
//   summary, label or message; and no "Position n is ...".
// - matching: the right meaning of an item the learner matched wrongly,
//   unless the learner chose that meaning for some item (a message may quote
//   the learner's own choice).
// - numeric: the correct number as a standalone token (not part of a longer
//   number or of a section number like §3.4).
// - header bytes: the acknowledgment number in decimal or hex, when the
//   learner's was wrong; the full list of set flags (two or more, as the
//   feedback writes them), when the learner's flags were wrong, once the
//   byte-layout sentence that lists all eight flags is set aside.
// - trace fill-in: a whole correct row ("[flags] seq n ack m", as tcpdump
//   and the feedback write it) for a row the learner did not give right,
//   unless the learner wrote those flags, seq and ack in some row.
// - explain-why: any sentence of 40 characters or more of the model answer.
// - simulator task: there is no single answer (any settings that reach the
//   goal); the replayed lines must be neutral (correct: null), not ✗.
// For every kind, the worked solution itself never appears.
import { describe, expect, it } from "vitest";
import { exercises } from "@/lib/exercises/catalog";
import type { ExerciseDefinition, ExerciseInput, Feedback } from "@/lib/exercises/types";

const SEEDS = [1, 2, 3, 4, 5];
const BYTE_LAYOUT = "CWR, ECE, URG, ACK, PSH, RST, SYN, FIN";
const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"];

function fields(feedback: Feedback): string[] {
  return [feedback.summary, ...feedback.items.flatMap((item) => [item.label, item.message])];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Is `value` in `text` as a number of its own (not inside a longer number, a decimal or a section number)? */
function hasNumberToken(text: string, value: string): boolean {
  return new RegExp(`(?<![\\d.])${escape(value)}(?!\\.?\\d)`).test(text);
}

function input<T extends ExerciseInput["type"]>(exercise: ExerciseDefinition<any>, seed: number, type: T): Extract<ExerciseInput, { type: T }>[] {
  return exercise.publicVariant(seed).inputs.filter((i): i is Extract<ExerciseInput, { type: T }> => i.type === type);
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);

/** What of the correct answer this feedback gives away: one line per leak, empty when none. */
function leaks(exercise: ExerciseDefinition<any>, seed: number, answer: any, feedback: Feedback): string[] {
  const found: string[] = [];
  const texts = fields(feedback);
  const all = texts.join("\n");
  const correct = exercise.correctAnswer(seed) as any;
  if (feedback.solution.trim().length > 0 && all.includes(feedback.solution)) found.push("the worked solution");
  for (const item of feedback.items) {
    if (item.correct === false && /^(yes|right|correct)\b/i.test(item.message.trim())) found.push(`"${item.message.slice(0, 40)}" beside a wrong item`);
  }
  switch (exercise.kind) {
    case "single-choice":
    case "multiple-choice": {
      const [choices] = input(exercise, seed, "choices");
      const picked = asList(answer.choice);
      for (const value of asList(correct.choice).filter((v) => !picked.includes(v))) {
        const label = choices!.options.find((o) => o.value === value)!.label;
        if (feedback.items.some((item) => item.label === label)) found.push(`the missed correct option "${label}" as an item`);
        else if (label.length >= 12 && all.includes(label)) found.push(`the missed correct option "${label}"`);
      }
      for (const item of feedback.items) {
        const option = choices!.options.find((o) => o.label === item.label);
        if (option && asList(correct.choice).includes(option.value) && item.correct === false) found.push(`a ✗ beside the correct option "${item.label}"`);
      }
      break;
    }
    case "ordering": {
      const [ordering] = input(exercise, seed, "ordering");
      const labels = (correct.order as string[]).map((value) => ordering!.items.find((i) => i.value === value)!.label);
      for (const text of texts) {
        let from = 0;
        const inOrder = labels.every((label) => {
          const at = text.indexOf(label, from);
          from = at + label.length;
          return at >= 0;
        });
        if (labels.length >= 2 && inOrder) found.push(`the whole order in "${text.slice(0, 60)}"`);
      }
      if (/Position \d+ is/.test(all)) found.push("a position's item");
      break;
    }
    case "matching": {
      for (const select of input(exercise, seed, "select")) {
        // Quoting a meaning the learner chose (for any item) is talking about their answer, not giving one.
        if (Object.values(answer).includes(correct[select.name])) continue;
        const meaning = select.options.find((o) => o.value === correct[select.name])!.label;
        if (all.includes(meaning)) found.push(`the meaning of ${select.name}: "${meaning}"`);
      }
      break;
    }
    case "numeric": {
      if (hasNumberToken(all, String(correct.value))) found.push(`the number ${correct.value}`);
      break;
    }
    case "header-bytes": {
      const ack = Number(correct.ack);
      const given = String(answer.ack).trim();
      const givenValue = /^0x/i.test(given) ? Number.parseInt(given.slice(2), 16) : Number(given);
      if (givenValue !== ack) {
        for (const form of [String(ack), `0x${ack.toString(16)}`, `0x${ack.toString(16).padStart(8, "0")}`]) {
          if (hasNumberToken(all.toLowerCase(), form)) found.push(`the acknowledgment number as ${form}`);
        }
      }
      const flags = asList(correct.flags);
      const givenFlags = asList(answer.flags);
      const sameFlags = flags.length === givenFlags.length && flags.every((f) => givenFlags.includes(f));
      const list = FLAG_ORDER.filter((f) => flags.includes(f)).map((f) => f.toUpperCase()).join(", ");
      if (!sameFlags && flags.length >= 2 && all.split(BYTE_LAYOUT).join("").includes(list)) found.push(`the flags ${list}`);
      break;
    }
    case "trace-fill-in": {
      const given = (answer.rows ?? []) as Record<string, string>[];
      (correct.rows as Record<string, string>[]).forEach((row, index) => {
        const mine = given[index];
        // A row the learner wrote (in any place: a retransmission repeats its lost original) is theirs to read back.
        const wrote = (r: Record<string, string> | undefined) => r && ["flags", "seq", "ack"].every((f) => (r[f] ?? "").trim().toUpperCase() === row[f]!.toUpperCase());
        if (wrote(mine) || given.some(wrote)) return;
        const whole = `[${row.flags}] seq ${row.seq}${row.ack === "" ? "" : ` ack ${row.ack}`}`;
        if (all.includes(whole)) found.push(`row ${index + 1}: ${whole}`);
      });
      break;
    }
    case "explain-why": {
      const sentences = String(correct.text).split(/(?<=[.!?])\s+/).filter((s) => s.length >= 40);
      for (const sentence of sentences) if (all.includes(sentence)) found.push(`the model answer's "${sentence.slice(0, 40)}…"`);
      break;
    }
    case "simulator-task": {
      for (const item of feedback.items.slice(1)) if (item.correct !== null) found.push(`a replayed line marked ${item.correct ? "✓" : "✗"}: ${item.message}`);
      break;
    }
    default:
      found.push(`no leak check for the kind ${exercise.kind}: add one`);
  }
  return found;
}

describe("no wrong answer's feedback contains the correct answer", () => {
  for (const exercise of exercises) {
    it(exercise.id, () => {
      for (const seed of SEEDS) {
        for (const { answer } of exercise.testAnswers.incorrect(seed)) {
          const parsed = exercise.parse(answer);
          if (!parsed.ok) throw new Error(`${exercise.id} seed ${seed}: refused ${JSON.stringify(answer)}`);
          const graded = exercise.grade(seed, parsed.value);
          if (graded.score >= 1) continue; // the catalog contract test reports that
          expect(leaks(exercise, seed, answer, graded.feedback), `seed ${seed}, answer ${JSON.stringify(answer)}`).toEqual([]);
        }
      }
    });
  }
});
