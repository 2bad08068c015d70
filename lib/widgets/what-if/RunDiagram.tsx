// A read-only sequence diagram of one what-if run, drawn from the sequence
// simulator's timeline and row layout (lib/labs/sequence-simulator), with the
// run's highlighted moment marked. Narrower than the simulator's so two fit
// side by side.
import { layoutRows } from "../../labs/sequence-simulator/layout";
import { eventLine, segmentLabel, type TimelineEvent } from "../../labs/sequence-simulator/timeline";

const G = { width: 620, timeX: 4, left: 200, right: 480, slant: 16 } as const;

function laneX(host: string): number {
  return host === "server" ? G.right : G.left;
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
  const layout = layoutRows(events);
  const mark =
    tone === "bad"
      ? { fill: "fill-red-100 dark:fill-red-950", stroke: "stroke-red-700 dark:stroke-red-400", text: "fill-red-800 dark:fill-red-300" }
      : { fill: "fill-emerald-100 dark:fill-emerald-950", stroke: "stroke-emerald-700 dark:stroke-emerald-400", text: "fill-emerald-800 dark:fill-emerald-300" };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800" tabIndex={0} aria-label={`${title}: diagram (scrolls sideways)`}>
      <svg
        role="img"
        aria-label={`${title}: sequence diagram, client on the left, server on the right, time downwards. The same events are listed as text below.`}
        viewBox={`0 0 ${G.width} ${layout.height}`}
        className="block h-auto w-full min-w-[440px]"
      >
        {(["client", "server"] as const).map((h) => (
          <g key={h}>
            <text x={laneX(h)} y={18} textAnchor="middle" className="fill-slate-900 text-[13px] font-semibold dark:fill-slate-100">
              {h}
            </text>
            <line x1={laneX(h)} x2={laneX(h)} y1={26} y2={layout.height - 8} className="stroke-slate-400 dark:stroke-slate-600" strokeWidth={2} />
          </g>
        ))}
        {events.map((e, i) => {
          const row = layout.rows[i]!;
          const gap =
            row.gapBefore !== null ? (
              <text x={(G.left + G.right) / 2} y={row.y - 5} textAnchor="middle" className="fill-slate-600 text-[11px] italic dark:fill-slate-400">
                … {row.gapBefore.toFixed(row.gapBefore >= 10 ? 1 : 2)} s later …
              </text>
            ) : null;
          const time = (
            <text x={G.timeX} y={row.y + 15} className="fill-slate-600 font-mono text-[10px] dark:fill-slate-400">
              {e.t.toFixed(3)}
            </text>
          );
          if (e.kind === "segment") {
            const s = e.segment;
            const x1 = laneX(s.from);
            const x2 = s.from === "server" ? G.left : G.right;
            const y1 = row.y + 12;
            const y2 = y1 + G.slant;
            const end = s.dropped ? { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } : { x: x2, y: y2 };
            const hot = e.index === highlight;
            const port = multiConn ? `:${s.from === "server" ? s.dstPort : s.srcPort} ` : "";
            return (
              <g key={i} data-segment={e.index} data-highlight={hot ? "true" : undefined}>
                {gap}
                {time}
                {hot ? (
                  <rect x={G.left - 14} y={row.y - 3} width={G.right - G.left + 28} height={row.height - 2} rx={5} className={`${mark.fill} ${mark.stroke}`} strokeWidth={2} />
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
                  x={(G.left + G.right) / 2}
                  y={row.y + 8}
                  textAnchor="middle"
                  className={`font-mono text-[11px] ${hot ? `${mark.text} font-bold` : s.dropped ? "fill-red-800 dark:fill-red-300" : "fill-slate-900 dark:fill-slate-100"}`}
                >
                  {hot ? "▶ " : ""}
                  {port}
                  {segmentLabel(s, true)}
                  {s.dropped ? " (lost)" : s.sentAt !== undefined && e.t - s.sentAt > 0.5 ? ` (late ${(e.t - s.sentAt).toFixed(2)} s)` : ""}
                </text>
              </g>
            );
          }
          const left = e.host !== "server";
          const x = left ? laneX(e.host) - 8 : laneX(e.host) + 8;
          const text =
            e.kind === "state"
              ? e.listener
                ? "LISTEN"
                : e.to
              : e.kind === "call"
                ? e.result === "(never returned)"
                  ? `${e.call}() blocks`
                  : `${e.call}()${e.returned > e.t ? "" : ` → ${e.result}`}`
                : `${e.call}() → ${e.result}`;
          return (
            <g key={i}>
              {gap}
              {time}
              <text
                x={x}
                y={row.y + 15}
                textAnchor={left ? "end" : "start"}
                className={
                  e.kind === "state"
                    ? "fill-emerald-800 text-[11px] font-semibold dark:fill-emerald-300"
                    : "fill-violet-800 font-mono text-[10px] dark:fill-violet-300"
                }
              >
                {text}
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
            <li key={i} className={`whitespace-pre ${hot ? "bg-amber-100 font-bold dark:bg-amber-900/60" : ""}`}>
              {hot ? "▶ " : ""}
              {eventLine(e, true)}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
