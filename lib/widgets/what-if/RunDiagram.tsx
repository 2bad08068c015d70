"use client";

// A read-only sequence diagram of one what-if run, drawn from the sequence
// simulator's timeline and row layout (lib/labs/sequence-simulator), with the
// run's highlighted moment marked. Narrower than the simulator's so two fit
// side by side.
import { useMemo } from "react";
import { charsThatFit, geometryFor, laneXIn, layoutRowsWrapped, LINE_HEIGHT, wrapWords, type WideShape } from "../../labs/sequence-simulator/layout";
import { eventLine, segmentLabel, type TimelineEvent } from "../../labs/sequence-simulator/timeline";
import { useContainerWidth } from "../sequence-simulator/useContainerWidth";

/** The wide shape: a little narrower than the simulator's. */
const WIDE: WideShape = { width: 620, leftLane: 200, rightLane: 480, timeFont: 10, labelFont: 10 };
const SLANT = 16;

/** A call that blocked reads "… pending" when it never returned, "…" when its return is drawn below it. */
function hostText(e: Exclude<TimelineEvent, { kind: "segment" }>): string {
  if (e.kind === "state") return e.listener ? (e.to === "LISTEN" ? "LISTEN" : `LISTEN → ${e.to}`) : e.to;
  if (e.kind === "return" || !e.pending) return `${e.call}() → ${e.result}`;
  return e.returnsAt === null || e.returnsAt === undefined ? `${e.call}() … pending` : `${e.call}() …`;
}

export function RunDiagram({
  events,
  highlight,
  title,
  tone,
  multiConn,
}: {
  events: TimelineEvent[];
  /** index into trace.detailed of the highlighted segment */
  highlight: number;
  title: string;
  tone: "good" | "bad";
  /** several connections: label segments with the client's port */
  multiConn: boolean;
}) {
  const { ref, width } = useContainerWidth<HTMLDivElement>();
  const { g, labels, layout } = useMemo(() => {
    const g = geometryFor(width, events.map((e) => e.t.toFixed(3)), WIDE);
    const labels = events.map((e) => {
      if (e.kind === "segment") {
        const s = e.segment;
        const hot = e.index === highlight;
        const port = multiConn ? `:${s.from === "server" ? s.dstPort : s.srcPort} ` : "";
        const tail = s.dropped ? " (lost)" : s.sentAt !== undefined && e.t - s.sentAt > 0.5 ? ` (late ${(e.t - s.sentAt).toFixed(2)} s)` : "";
        return wrapWords(`${hot ? "▶ " : ""}${port}${segmentLabel(s, true)}${tail}`, charsThatFit(g.segmentLabel.room, 11));
      }
      return e.kind === "state" ? [hostText(e)] : wrapWords(hostText(e), charsThatFit(g.hostLabel(e.host).room, g.narrow ? 11 : 10));
    });
    return { g, labels, layout: layoutRowsWrapped(events, labels.map((l) => l.length)) };
  }, [width, events, highlight, multiConn]);
  const mark =
    tone === "bad"
      ? { fill: "fill-red-100 dark:fill-red-950", stroke: "stroke-red-700 dark:stroke-red-400", text: "fill-red-800 dark:fill-red-300" }
      : { fill: "fill-emerald-100 dark:fill-emerald-950", stroke: "stroke-emerald-700 dark:stroke-emerald-400", text: "fill-emerald-800 dark:fill-emerald-300" };
  return (
    <div
      ref={ref}
      className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
      tabIndex={0}
      aria-label={`${title}: diagram`}
      data-testid="run-diagram"
      data-layout={g.narrow ? "narrow" : "wide"}
    >
      <svg
        role="img"
        aria-label={`${title}: sequence diagram, client on the left, server on the right, time downwards. The same events are listed as text below.`}
        viewBox={`0 0 ${g.width} ${layout.height}`}
        width={g.width}
        height={layout.height}
        className="block max-w-none"
      >
        {(["client", "server"] as const).map((h) => (
          <g key={h}>
            <text x={laneXIn(g, h)} y={18} textAnchor="middle" className="fill-slate-900 text-[13px] font-semibold dark:fill-slate-100" data-lane={h}>
              {h}
            </text>
            <line x1={laneXIn(g, h)} x2={laneXIn(g, h)} y1={26} y2={layout.height - 8} className="stroke-slate-400 dark:stroke-slate-600" strokeWidth={2} data-lane={h} />
          </g>
        ))}
        {events.map((e, i) => {
          const row = layout.rows[i]!;
          const lines = labels[i]!;
          const gap =
            row.gapBefore !== null ? (
              <text x={g.segmentLabel.x} y={row.y - 5} textAnchor="middle" className="fill-slate-600 text-[11px] italic dark:fill-slate-400">
                … {row.gapBefore.toFixed(row.gapBefore >= 10 ? 1 : 2)} s later …
              </text>
            ) : null;
          const time = (
            <text x={g.timeX} y={row.y + 15} fontSize={g.timeFont} className="fill-slate-600 font-mono dark:fill-slate-400">
              {e.t.toFixed(3)}
            </text>
          );
          if (e.kind === "segment") {
            const s = e.segment;
            const x1 = laneXIn(g, s.from);
            const x2 = s.from === "server" ? g.leftLane : g.rightLane;
            const y1 = row.y + 12 + LINE_HEIGHT * (lines.length - 1);
            const y2 = y1 + SLANT;
            const end = s.dropped ? { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } : { x: x2, y: y2 };
            const hot = e.index === highlight;
            return (
              <g key={i} data-segment={e.index} data-highlight={hot ? "true" : undefined}>
                {gap}
                {time}
                {hot ? (
                  <rect x={g.leftLane - 14} y={row.y - 3} width={g.rightLane - g.leftLane + 28} height={row.height - 2} rx={5} className={`${mark.fill} ${mark.stroke}`} strokeWidth={2} />
                ) : null}
                <line
                  x1={x1}
                  y1={y1}
                  x2={end.x}
                  y2={end.y}
                  strokeWidth={hot ? 3 : 2}
                  className={s.dropped ? "stroke-red-700 dark:stroke-red-400" : "stroke-slate-700 dark:stroke-slate-300"}
                  strokeDasharray={s.dropped ? "5 4" : undefined}
                />
                {s.dropped ? (
                  <text x={end.x} y={end.y + 5} textAnchor="middle" className="fill-red-700 text-[15px] font-bold dark:fill-red-400">
                    ✕
                  </text>
                ) : (
                  <path
                    d={s.from === "server" ? `M${x2},${y2} l9,-6 l0,9 z` : `M${x2},${y2} l-9,-6 l0,9 z`}
                    className="fill-slate-700 dark:fill-slate-300"
                  />
                )}
                <text
                  x={g.segmentLabel.x}
                  y={row.y + 8}
                  textAnchor="middle"
                  className={`font-mono text-[11px] ${hot ? `${mark.text} font-bold` : s.dropped ? "fill-red-800 dark:fill-red-300" : "fill-slate-900 dark:fill-slate-100"}`}
                >
                  {lines.map((l, n) => (
                    <tspan key={n} x={g.segmentLabel.x} dy={n === 0 ? 0 : LINE_HEIGHT}>
                      {n < lines.length - 1 ? `${l} ` : l}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          }
          const place = g.hostLabel(e.host);
          // a blocked call's bar beside its lane, down to its return (dashed to the end when it never returns)
          const open = e.kind === "call" && e.pending && (e.returnsAt === null || e.returnsAt === undefined);
          const until = e.kind === "call" && e.pending ? layout.rows[open ? events.length - 1 : e.returnsAt!]! : null;
          const bx = laneXIn(g, e.host) + (e.host === "server" ? -5 : 5) * (g.narrow ? -1 : 1);
          return (
            <g key={i} data-testid={e.kind === "call" ? "call" : undefined} data-pending={e.kind === "call" && e.pending ? String(open) : undefined}>
              {gap}
              {time}
              {until !== null ? (
                <line
                  x1={bx}
                  x2={bx}
                  y1={row.y + 4}
                  y2={Math.max(row.y + 16, until.y + until.height - 4)}
                  strokeWidth={4}
                  strokeLinecap="round"
                  strokeDasharray={open ? "3 4" : undefined}
                  className="stroke-amber-600 dark:stroke-amber-400"
                  data-testid="pending-marker"
                />
              ) : null}
              <text
                x={place.x}
                y={row.y + 15}
                textAnchor={place.anchor}
                fontSize={e.kind === "state" ? 11 : g.narrow ? 11 : 10}
                className={e.kind === "state" ? "fill-emerald-800 font-semibold dark:fill-emerald-300" : "fill-violet-800 font-mono dark:fill-violet-300"}
              >
                {lines.map((l, n) => (
                  <tspan key={n} x={place.x} dy={n === 0 ? 0 : LINE_HEIGHT}>
                    {n < lines.length - 1 ? `${l} ` : l}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The same events as text lines (the diagram's accessible twin). */
export function RunLog({ events, highlight }: { events: TimelineEvent[]; highlight: number }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium">Events as text</summary>
      <ol className="mt-1 max-h-64 list-none overflow-auto rounded bg-slate-50 p-2 font-mono text-xs leading-5 dark:bg-slate-900" tabIndex={0} aria-label="Events as text">
        {events.map((e, i) => {
          const hot = e.kind === "segment" && e.index === highlight;
          return (
            <li key={i} className={`-indent-[2ch] pl-[2ch] break-words whitespace-pre-wrap ${hot ? "bg-amber-100 font-bold dark:bg-amber-900/60" : ""}`}>
              {hot ? "▶ " : ""}
              {eventLine(e, true)}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
