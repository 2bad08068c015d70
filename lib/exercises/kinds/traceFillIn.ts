// Trace fill-in (Kurose and Ross style): the first segments of a scenario are
// shown; the learner fills flags, seq and ack of the next ones, writing "x"
// for a segment the network loses. The expected values come from running the
// scenario through the simulator in lib/tcp, so they are what Linux would send.
import { parseScenario, simulateDetailed, type DetailedSegment } from "@/lib/tcp";
import type { ExerciseDefinition, FeedbackItem, TestAnswers } from "../types";
import { variantRandom } from "../variantRandom";

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
  testAnswers?: TestAnswers;
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
      const { variant, asked } = expected(seed);
      const items: FeedbackItem[] = [];
      let right = 0;
      let total = 0;
      asked.forEach((segment, index) => {
        const row = rows[index] ?? { flags: "", seq: "", ack: "", lost: "" };
        const checks: [string, boolean, string][] = [
          ["flags", normalizeFlags(row.flags) === normalizeFlags(segment.flags), segment.flags],
          ["seq", Number(row.seq) === segment.absSeq && row.seq !== "", String(segment.absSeq)],
          ["ack", segment.absAck === null ? row.ack === "" : Number(row.ack) === segment.absAck && row.ack !== "", segment.absAck === null ? "(none)" : String(segment.absAck)],
          ["lost", (row.lost.toLowerCase() === "x") === segment.dropped, segment.dropped ? "x" : "(delivered)"],
        ];
        for (const [, ok] of checks) {
          total++;
          if (ok) right++;
        }
        const wrong = checks.filter(([, ok]) => !ok);
        items.push({
          label: `${variant.shown + index + 1}. ${segment.from} > ${segment.to}`,
          correct: wrong.length === 0,
          message: wrong.length === 0 ? `Right: ${line(segment)}` : `Expected ${line(segment)} (${wrong.map(([field, , want]) => `${field} ${want}`).join(", ")}).`,
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
