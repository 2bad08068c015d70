// Trace fill-in (Kurose and Ross style): the first segments of a scenario are
// shown; the learner fills flags, seq and ack of the next ones, writing "x"
// for a segment the network loses. The expected values come from running the
// scenario through the simulator in lib/tcp, so they are what Linux would send.
import { parseScenario, simulateDetailed, type DetailedSegment } from "@/lib/tcp";
import type { ExerciseDefinition, FeedbackItem, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";
import { tagged, type MisconceptionId } from "../misconceptions";

export type TraceFillInVariant = {
  /** What happens, in words (who calls what, which segments are lost). */
  story: string;
  /** A FORMAT.md scenario. */
  scenario: unknown;
  /** First ISN of each host, so the numbers are concrete. */
  isn: Record<string, number>;
  /** How many segments are shown before the blanks. */
  shown: number;
  /** How many segments the learner fills in. */
  ask: number;
  solution: string;
};

export type TraceFillInSpec = {
  id: string;
  lessonId: string;
  title: string;
  generate(random: ReturnType<typeof variantRandom>): TraceFillInVariant;
  hints?: string[];
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

type Row = { flags: string; seq: string; ack: string; lost: string };

const FIELDS = ["flags", "seq", "ack", "lost"] as const;

function run(variant: TraceFillInVariant): DetailedSegment[] {
  const parsed = parseScenario(variant.scenario);
  if (!parsed.ok) throw new Error(`trace fill-in scenario: ${parsed.error}`);
  return simulateDetailed(parsed.scenario, { isn: variant.isn, nominalTimers: true }).detailed;
}

/** tcpdump's flag notation, normalized so "P." and ".P" compare equal. */
function normalizeFlags(text: string): string {
  const t = text.toUpperCase().replace(/\s+/g, "");
  const letters = ["S", "F", "P", "R"].filter((l) => t.includes(l)).join("");
  return letters + (t.includes(".") ? "." : "");
}

function line(segment: DetailedSegment): string {
  const ack = segment.absAck === null ? "" : ` ack ${segment.absAck}`;
  const data = segment.len > 0 ? ` length ${segment.len}` : "";
  return `${segment.t.toFixed(3)}  ${segment.from} > ${segment.to}: [${segment.flags}] seq ${segment.absSeq}${ack}${data}${segment.dropped ? "   (lost)" : ""}`;
}

const SEQ_SPACE = 4294967296;

/** a - b in sequence space, as a signed 32-bit difference (RFC 9293 §3.4: arithmetic modulo 2^32). */
function seqDiff(a: number, b: number): number {
  const d = (((a - b) % SEQ_SPACE) + SEQ_SPACE) % SEQ_SPACE;
  return d >= SEQ_SPACE / 2 ? d - SEQ_SPACE : d;
}

/** Sequence numbers a segment occupies: its data, plus one each for SYN and FIN. */
function occupies(segment: DetailedSegment): number {
  return segment.len + (segment.flags.includes("S") ? 1 : 0) + (segment.flags.includes("F") ? 1 : 0);
}

function flagsAdvice(want: string, got: string): string {
  const w = normalizeFlags(want);
  const g = normalizeFlags(got);
  const differs = (letter: string) => w.includes(letter) !== g.includes(letter);
  if (differs("R")) return w.includes("R") ? "the flags miss the reset" : "nothing is reset in this segment";
  if (differs("S")) return w.includes("S") ? "the flags miss the SYN" : "this segment carries no SYN";
  if (differs("F")) return w.includes("F") ? "the flags miss the sender's FIN" : "this segment carries no FIN: its sender has not closed yet";
  if (differs("P")) return w.includes("P") ? "this segment carries data (tcpdump shows P. for it)" : "this segment carries no data, so no P";
  return w.includes(".") ? "the ACK flag is on: once the connection is established every segment acknowledges something" : "the ACK flag is off in this segment";
}

const SWAPPED = "seq and ack look swapped: seq counts this sender's own bytes, ack is the next byte it expects from its peer";

/** What a wrong field is told, and the catalogued misconception it shows, when one is recognised. */
type Advice = { text: string; misconception?: MisconceptionId };

/** The misconception of forgetting that `segment` took a sequence number for its SYN or FIN (it carries one of them). */
function controlFlagMisconception(segment: DetailedSegment | undefined): MisconceptionId | undefined {
  if (!segment) return undefined;
  if (segment.flags.includes("F")) return "fin-takes-no-sequence-number";
  if (segment.flags.includes("S")) return "syn-takes-no-sequence-number";
  return undefined;
}

function seqAdvice(segment: DetailedSegment, got: number, before: readonly DetailedSegment[]): Advice {
  const resent = before.some((p) => p.from === segment.from && p.absSeq === segment.absSeq && occupies(p) > 0 && occupies(segment) > 0);
  if (resent) return { text: "a retransmission repeats the seq of the segment it resends" };
  if (segment.absAck !== null && got === segment.absAck) return { text: SWAPPED, misconception: "seq-ack-swapped" };
  const d = seqDiff(got, segment.absSeq);
  const previous = before.filter((p) => p.from === segment.from).at(-1);
  if (d === 1) {
    return {
      text: "seq is one too high: a pure ACK takes no sequence number, and data starts right after the SYN",
      // Counting one for the sender's previous segment, which carried nothing that takes a number.
      ...(previous && occupies(previous) === 0 ? { misconception: "pure-ack-takes-sequence-number" as const } : {}),
    };
  }
  if (d === -1) {
    // The sender's last segment that took sequence numbers ends right here: did it carry a SYN or FIN?
    const last = before.filter((p) => p.from === segment.from && occupies(p) > 0 && seqDiff((p.absSeq + occupies(p)) >>> 0, segment.absSeq) === 0).at(-1);
    return { text: "seq is one too low: the sender's SYN (or FIN) before it took one sequence number", misconception: controlFlagMisconception(last) };
  }
  return {
    text:
      d > 0
        ? "seq is too high: it is where this segment's first byte sits, the sender's ISN + 1 plus the bytes it sent before (lost ones included)"
        : "seq is too low: count every byte this sender has already sent, plus one for its SYN",
  };
}

function ackAdvice(segment: DetailedSegment, gotText: string, before: readonly DetailedSegment[]): Advice {
  if (segment.absAck === null) return { text: "the ACK flag is off here, so leave ack empty" };
  if (gotText === "") return { text: "the ACK flag is on, so this segment has an ack number" };
  const got = Number(gotText);
  if (got === segment.absSeq) return { text: SWAPPED, misconception: "seq-ack-swapped" };
  const d = seqDiff(got, segment.absAck);
  const lost = before.filter((p) => p.from === segment.to && p.dropped && p.len > 0);
  if (d > 0 && lost.some((p) => d === p.len)) {
    return { text: "ack is too high: the lost segment never arrived, and an ACK is cumulative, so it stops at the first missing byte" };
  }
  // The peer's segment this ACK acknowledges: the last one that arrived and ends where the ack points.
  const acked = before.filter((p) => p.from === segment.to && !p.dropped && occupies(p) > 0 && seqDiff((p.absSeq + occupies(p)) >>> 0, segment.absAck!) === 0).at(-1);
  if (d === 1) return { text: "ack is one too high: data takes exactly its length in sequence numbers, only a SYN or FIN takes one more" };
  if (d === -1) return { text: "ack is one too low: a SYN or FIN takes one sequence number, so its ACK is its seq + 1", misconception: controlFlagMisconception(acked) };
  return d > 0
    ? { text: "ack is too high: it acknowledges only what has arrived, the peer's seq plus the length of its last in-order segment" }
    : {
        text: "ack is too low: it is the next byte expected, the peer's seq plus that segment's length (plus one for a SYN or FIN)",
        // The acknowledged segment's own seq written back.
        ...(acked && acked.len > 0 && got === acked.absSeq ? { misconception: "ack-is-received-seq" as const } : {}),
      };
}

export function traceFillInExercise(spec: TraceFillInSpec): ExerciseDefinition<Row[]> {
  const variantOf = (seed: number) => spec.generate(variantRandom(seed));
  const expected = (seed: number) => {
    const variant = variantOf(seed);
    const segments = run(variant);
    if (segments.length < variant.shown + variant.ask) throw new Error(`${spec.id}: the scenario sends only ${segments.length} segments`);
    return { variant, shown: segments.slice(0, variant.shown), asked: segments.slice(variant.shown, variant.shown + variant.ask) };
  };
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "trace-fill-in",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const { variant, shown, asked } = expected(seed);
      return {
        prompt: `${variant.story} Fill in the next ${asked.length} segments: their flags in tcpdump notation (S, S., ., P., F., R, R.), their sequence and acknowledgment numbers (leave ack empty when the ACK flag is off), and "x" in the last column if the network loses the segment.`,
        material: shown.map(line).join("\n"),
        materialLabel: "The first segments, as tcpdump -n -S would show them",
        hints: spec.hints,
        inputs: [
          {
            type: "trace",
            name: "rows",
            label: "The next segments",
            rows: asked.map((segment, index) => ({ label: `${variant.shown + index + 1}. ${segment.from} > ${segment.to}` })),
          },
        ],
      };
    },
    parse(raw) {
      const rows = typeof raw === "object" && raw !== null ? (raw as { rows?: unknown }).rows : undefined;
      if (!Array.isArray(rows) || rows.length === 0 || rows.length > 20) return { ok: false, errors: ["rows: expected one row per segment"] };
      const errors: string[] = [];
      const parsed = rows.map((row, index) => {
        const r = (typeof row === "object" && row !== null ? row : {}) as Record<string, unknown>;
        const value = Object.fromEntries(FIELDS.map((field) => [field, typeof r[field] === "string" ? (r[field] as string).trim() : ""])) as Row;
        if (!/^[SFPR.]{1,4}$/i.test(value.flags.replace(/\s/g, ""))) errors.push(`row ${index + 1} flags: write tcpdump flags such as S, S., P. or F.`);
        if (!/^\d{1,10}$/.test(value.seq) || Number(value.seq) > 4294967295) errors.push(`row ${index + 1} seq: a number from 0 to 4294967295`);
        if (value.ack !== "" && (!/^\d{1,10}$/.test(value.ack) || Number(value.ack) > 4294967295)) errors.push(`row ${index + 1} ack: a number, or empty when ACK is off`);
        if (value.lost !== "" && value.lost.toLowerCase() !== "x") errors.push(`row ${index + 1} lost: write x, or leave it empty`);
        return value;
      });
      return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed };
    },
    grade(seed, rows) {
      const { variant, shown, asked } = expected(seed);
      const items: FeedbackItem[] = [];
      let right = 0;
      let total = 0;
      asked.forEach((segment, index) => {
        const row = rows[index] ?? { flags: "", seq: "", ack: "", lost: "" };
        const before = [...shown, ...asked.slice(0, index)];
        // The fields a row is scored on: flags and seq always, ack when the
        // segment carries one, the lost mark when the segment is lost. A blank
        // cell is never credit: a cell that is right when left empty (no ack
        // on a bare SYN, no x on a segment that arrives) is not scored, and
        // writing something there anyway is a wrong field of its own.
        const filled = (text: string) => text.trim() !== "";
        const markedLost = row.lost.toLowerCase() === "x";
        const checks: [string, boolean, () => Advice][] = [
          ["flags", filled(row.flags) && normalizeFlags(row.flags) === normalizeFlags(segment.flags), () => ({ text: flagsAdvice(segment.flags, row.flags) })],
          ["seq", filled(row.seq) && Number(row.seq) === segment.absSeq, () => seqAdvice(segment, Number(row.seq), before)],
        ];
        if (segment.absAck !== null || filled(row.ack)) {
          checks.push(["ack", segment.absAck !== null && filled(row.ack) && Number(row.ack) === segment.absAck, () => ackAdvice(segment, row.ack, before)]);
        }
        if (segment.dropped || markedLost) {
          checks.push([
            "lost mark",
            segment.dropped && markedLost,
            () => ({ text: segment.dropped ? "the network loses this segment: write x" : "this segment arrives: leave the lost column empty" }),
          ]);
        }
        for (const [, ok] of checks) {
          total++;
          if (ok) right++;
        }
        const wrong = checks.filter(([, ok]) => !ok);
        const advice = wrong.map(([, , advise]) => advise());
        const answered = filled(row.flags) || filled(row.seq);
        items.push({
          label: `${variant.shown + index + 1}. ${segment.from} > ${segment.to}`,
          correct: wrong.length === 0,
          // Name what is wrong and why, without writing the expected values out (the worked solution has them).
          message:
            wrong.length === 0
              ? `Right: ${line(segment)}`
              : !filled(row.flags) && !filled(row.seq)
                ? "No answer for this segment."
                : `Expected a different ${wrong.map(([field]) => field).join(", ")}: ${[...new Set(advice.map((a) => a.text))].join("; ")}.`,
          // The first misconception a wrong field of an answered row shows.
          ...tagged(wrong.length > 0 && answered ? advice.find((a) => a.misconception)?.misconception : undefined),
        });
      });
      const score = Math.round((right / total) * 100) / 100;
      return {
        score,
        feedback: {
          summary: score === 1 ? "Every segment is right." : `${right} of ${total} fields right.`,
          items,
          solution: `${variant.solution}\nThe segments, as the simulator (checked against Linux 6.18 captures) sends them:\n${asked.map(line).join("\n")}`,
        },
      };
    },
    correctAnswer(seed) {
      const { asked } = expected(seed);
      return {
        rows: asked.map((segment) => ({
          flags: segment.flags,
          seq: String(segment.absSeq),
          ack: segment.absAck === null ? "" : String(segment.absAck),
          lost: segment.dropped ? "x" : "",
        })),
      };
    },
  };
}
