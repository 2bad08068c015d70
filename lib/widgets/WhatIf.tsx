"use client";

// The counterfactual sandbox (interview track): one switch per piece of TCP's
// design. Off, the widget shows real TCP (Linux) handling the situation; on,
// the same scenario run with the design switched off appears beside it, with
// the moment things go wrong highlighted and explained. A thin shell: the
// runs and their explanations are computed by lib/labs/what-if (on the
// server, by the page), the diagrams by the sequence simulator's layout.

import { useId, useState } from "react";
import type { Comparison, Moment, RunSide } from "../labs/what-if/cases";
import type { FloodComparison, FloodSide } from "../labs/what-if/flood";
import type { WhatIfSection } from "../labs/what-if/model";
import { RunDiagram, RunLog } from "./what-if/RunDiagram";

export function WhatIf({ section }: { section: WhatIfSection }) {
  const id = useId();
  const [on, setOn] = useState(false);
  const { meta } = section;
  return (
    <div data-widget="what-if" data-what-if={meta.id} data-switch={on ? "on" : "off"} className="not-prose mt-4">
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">{meta.design}</p>
      <label
        htmlFor={`${id}-switch`}
        className="mt-4 inline-flex cursor-pointer items-center gap-3 rounded-lg border border-slate-300 px-4 py-2 font-medium has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700 dark:border-slate-600"
      >
        <input
          id={`${id}-switch`}
          type="checkbox"
          role="switch"
          checked={on}
          onChange={(e) => setOn(e.target.checked)}
          className="peer sr-only"
          data-testid="what-if-switch"
        />
        <span
          aria-hidden="true"
          className="relative h-6 w-11 shrink-0 rounded-full bg-slate-400 transition-colors peer-checked:bg-red-700 after:absolute after:top-0.5 after:left-0.5 after:h-5 after:w-5 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-5 dark:bg-slate-600 dark:peer-checked:bg-red-400"
        />
        <span>
          {meta.switchLabel}
          <span className="ml-2 text-sm font-normal text-slate-700 dark:text-slate-300">{on ? "(switched off: see what breaks)" : "(real TCP)"}</span>
        </span>
      </label>
      <p className="sr-only" aria-live="polite">
        {on ? `${meta.switchLabel}: the altered run is shown beside real TCP.` : "Real TCP only."}
      </p>
      {section.kind === "sequence"
        ? section.comparisons.map((c) => <SequenceComparison key={c.caseId} comparison={c} on={on} />)
        : <FloodPanel flood={section.flood} on={on} />}
    </div>
  );
}

function MomentNote({ moment, tone, segment }: { moment: Moment; tone: "good" | "bad"; segment?: string }) {
  const style =
    tone === "bad"
      ? "border-red-700 bg-red-50 dark:border-red-400 dark:bg-red-950/60"
      : "border-emerald-700 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/60";
  return (
    <div className={`mt-3 rounded-lg border-l-4 p-3 text-sm ${style}`} data-testid={tone === "bad" ? "what-if-failure" : "what-if-real"}>
      <p className="m-0 font-semibold">
        {tone === "bad" ? "What goes wrong: " : "How real TCP handles it: "}
        {moment.headline}
      </p>
      {segment ? <p className="m-0 mt-1 font-mono text-xs">{segment}</p> : null}
      <p className="m-0 mt-1 leading-6">{moment.text}</p>
      <p className="m-0 mt-1 text-xs text-slate-700 dark:text-slate-300">Source: {moment.source}</p>
    </div>
  );
}

function segmentLine(side: RunSide): string {
  const s = side.trace.detailed[side.moment.segment];
  if (!s) return "";
  return `Segment #${side.moment.segment + 1}, ${s.from} → ${s.to} at ${s.t.toFixed(3)} s: [${s.flags}] seq ${s.absSeq}${s.absAck === null ? "" : ` ack ${s.absAck}`} len ${s.len}`;
}

function RunPanel({ side, tone }: { side: RunSide; tone: "good" | "bad" }) {
  const multiConn = new Set(side.trace.detailed.map((s) => s.conn)).size > 1;
  return (
    <div className="min-w-0" data-testid={tone === "bad" ? "altered-run" : "real-run"}>
      <h4 className={`m-0 mb-2 text-base font-semibold ${tone === "bad" ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}>{side.label}</h4>
      <RunDiagram events={side.events} highlight={side.moment.segment} title={side.label} tone={tone} multiConn={multiConn} />
      <MomentNote moment={side.moment} tone={tone} segment={segmentLine(side)} />
      <RunLog events={side.events} highlight={side.moment.segment} />
    </div>
  );
}

function SequenceComparison({ comparison, on }: { comparison: Comparison; on: boolean }) {
  return (
    <div className="mt-6" data-case={comparison.caseId}>
      <h3 className="text-lg font-semibold">{comparison.title}</h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-700 dark:text-slate-300">{comparison.setup}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <RunPanel side={comparison.real} tone="good" />
        {on ? (
          <RunPanel side={comparison.altered} tone="bad" />
        ) : (
          <Placeholder label={comparison.altered.label} />
        )}
      </div>
    </div>
  );
}

function Placeholder({ label }: { label: string }) {
  return (
    <div className="flex min-h-32 items-center justify-center rounded-lg border-2 border-dashed border-slate-300 p-6 text-center text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
      <p className="m-0">Turn on the switch above to run the same scenario with “{label}” and compare.</p>
    </div>
  );
}

// ------------------------------------------------------------------ flood

function FloodPanel({ flood, on }: { flood: FloodComparison; on: boolean }) {
  return (
    <div className="mt-6" data-case="no-syn-cookies">
      <h3 className="text-lg font-semibold">A SYN flood, and the clients who just want to connect</h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-700 dark:text-slate-300">{flood.setup}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <FloodSideView side={flood.real} floodStart={flood.floodStart} tone="good" />
        {on ? <FloodSideView side={flood.altered} floodStart={flood.floodStart} tone="bad" /> : <Placeholder label={flood.altered.label} />}
      </div>
    </div>
  );
}

function FloodSideView({ side, floodStart, tone }: { side: FloodSide; floodStart: number; tone: "good" | "bad" }) {
  const w = 24;
  const h = 90;
  const width = side.seconds.length * w + 40;
  return (
    <div className="min-w-0" data-testid={tone === "bad" ? "altered-run" : "real-run"}>
      <h4 className={`m-0 mb-2 text-base font-semibold ${tone === "bad" ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}>{side.label}</h4>
      {/* scrolls sideways on a phone: focusable, so the keyboard can scroll it too */}
      <figure className="m-0 overflow-x-auto rounded-lg border border-slate-200 p-2 dark:border-slate-800" tabIndex={0} aria-label={`${side.label}: connections per second`}>
        <svg
          role="img"
          aria-label={`Legitimate connect() calls that succeeded, per second: ${side.seconds.map((s) => `${s.ok} of ${s.started}`).join(", ")}. The flood starts at ${floodStart} s.`}
          viewBox={`0 0 ${width} ${h + 34}`}
          className="block h-auto w-full min-w-[360px]"
        >
          <line x1={30} x2={30} y1={8} y2={h + 8} className="stroke-slate-400 dark:stroke-slate-600" />
          <text x={26} y={14} textAnchor="end" className="fill-slate-600 text-[10px] dark:fill-slate-400">100%</text>
          <text x={26} y={h + 8} textAnchor="end" className="fill-slate-600 text-[10px] dark:fill-slate-400">0</text>
          {side.seconds.map((s, i) => {
            const rate = s.started > 0 ? s.ok / s.started : 0;
            const x = 34 + i * w;
            const bh = Math.max(1, rate * h);
            const hot = s.second === side.moment.second;
            return (
              <g key={s.second}>
                {hot ? <rect x={x - 2} y={4} width={w} height={h + 8} rx={3} className={tone === "bad" ? "fill-red-100 dark:fill-red-950" : "fill-emerald-100 dark:fill-emerald-950"} /> : null}
                <rect
                  x={x}
                  y={h + 8 - bh}
                  width={w - 6}
                  height={bh}
                  className={rate >= 0.999 ? "fill-emerald-700 dark:fill-emerald-400" : rate > 0 ? "fill-amber-600 dark:fill-amber-400" : "fill-red-700 dark:fill-red-400"}
                />
                {i % 5 === 0 ? (
                  <text x={x + (w - 6) / 2} y={h + 22} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-400">
                    {s.second}s
                  </text>
                ) : null}
              </g>
            );
          })}
          <line x1={34 + floodStart * w - 3} x2={34 + floodStart * w - 3} y1={4} y2={h + 12} className="stroke-red-700 dark:stroke-red-400" strokeDasharray="4 3" />
          <text x={34 + floodStart * w} y={h + 32} className="fill-red-800 text-[10px] dark:fill-red-300">flood starts</text>
        </svg>
        <figcaption className="mt-1 text-xs text-slate-700 dark:text-slate-300">Share of each second's legitimate connect() calls that succeeded.</figcaption>
      </figure>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-medium">Connected during the flood</dt>
        <dd data-testid="flood-connected">
          {side.duringFlood.ok} of {side.duringFlood.started}
          {side.duringFlood.p50 !== null ? ` (median ${side.duringFlood.p50.toLocaleString("en-US")} ms)` : ""}
        </dd>
        <dt className="font-medium">Still retrying at the end</dt>
        <dd>{side.totals.pending}</dd>
        <dt className="font-medium">Cookies sent / used</dt>
        <dd>
          {side.counters.cookiesSent.toLocaleString("en-US")} / {side.counters.cookiesRecv.toLocaleString("en-US")}
        </dd>
        <dt className="font-medium">SYNs dropped, queue full</dt>
        <dd>{side.counters.reqQFullDrop.toLocaleString("en-US")}</dd>
      </dl>
      <MomentNote moment={{ segment: -1, ...side.moment }} tone={tone} />
    </div>
  );
}
