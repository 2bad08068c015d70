"use client";

// The sequence-diagram simulator: two hosts on a timeline, every segment the
// engine put on the wire, each host's state at the cursor, and the server's
// queues. The learner steps, plays, rewinds, inspects a segment, drops it and
// watches Linux recover. A thin shell: the scenario comes from
// ./sequence-simulator/controls, the protocol from lib/tcp, the wording and
// geometry from the sibling modules.

import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { compareTrace } from "@/lib/tcp";
import { CAPTURES } from "../labs/sequence-simulator/captures";
import { CaptureDownload } from "./CaptureDownload";
import { useHashWrite } from "./useHashWrite";
import {
  buildScenario,
  changesTheScenario,
  dropKindFor,
  initialControls,
  sameRule,
  SYSCTL_LIMITS,
  toggleDrop,
  type Controls,
  type DropRule,
} from "../labs/sequence-simulator/controls";
import { arrowIn, charsThatFit, geometryFor, laneXIn, layoutRowsWrapped, LINE_HEIGHT, wrapWords } from "../labs/sequence-simulator/layout";
import { isPresetName, PRESETS, type Preset } from "../labs/sequence-simulator/presets";
import { runOrdered } from "../labs/sequence-simulator/run";
import {
  buildTimeline,
  callsNeverMade,
  eventLine,
  eventLogText,
  explainSegments,
  flagNames,
  hostsAt,
  pendingAt,
  queuesAt,
  segmentLabel,
  sequenceSpace,
  type TimelineEvent,
} from "../labs/sequence-simulator/timeline";
import { useContainerWidth } from "./sequence-simulator/useContainerWidth";
import { readHash, writeHash } from "./sequence-simulator/urlState";

const PLAY_INTERVAL_MS = 700;
const HOSTS = ["client", "server"] as const;

function subscribeReducedMotion(onChange: () => void) {
  if (typeof window === "undefined" || !window.matchMedia) return () => {};
  const query = window.matchMedia("(prefers-reduced-motion: reduce)");
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
function prefersReducedMotion() {
  return typeof window !== "undefined" && !!window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

const PRIMARY =
  "rounded-md border border-blue-800 bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200";
const BUTTON =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
const INPUT =
  "w-32 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

export function SequenceSimulator({ preset: presetName }: { preset: string }) {
  if (!isPresetName(presetName)) {
    return (
      <section data-widget="sequence-simulator" aria-label="Sequence simulator" className="my-8 rounded-lg border border-red-300 p-4">
        <p>Unknown simulator preset “{presetName}”.</p>
      </section>
    );
  }
  return <Simulator presetName={presetName} preset={PRESETS[presetName] as Preset} />;
}

function Simulator({ presetName, preset }: { presetName: string; preset: Preset }) {
  const baseId = useId();
  const [controls, setControls] = useState<Controls>(() => initialControls(preset));
  // The cursor is the number of events shown (null: all of them). A simulator opens at its
  // start, so "step through it" begins with the first event.
  const [cursor, setCursor] = useState<number | null>(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [focused, setFocused] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  const [ready, setReady] = useState(false);
  const reducedMotion = useSyncExternalStore(subscribeReducedMotion, prefersReducedMotion, () => false);

  const built = useMemo(() => buildScenario(preset, controls), [preset, controls]);
  const run = useMemo(() => (built.ok ? runOrdered(built.scenario, built.options) : null), [built]);
  const events = useMemo(() => (run && built.ok ? buildTimeline(run.trace, run.order, built.scenario.steps, run) : []), [run, built]);
  const neverMade = useMemo(() => (run && built.ok ? callsNeverMade(run, built.scenario.steps) : []), [run, built]);
  const why = useMemo(() => (run ? explainSegments(run.trace) : []), [run]);
  const { ref: diagramRef, width: diagramWidth } = useContainerWidth<HTMLDivElement>();
  const absolute = controls.absolute;
  const drawing = useMemo(() => {
    const geometry = geometryFor(diagramWidth, events.map((e) => e.t.toFixed(4)));
    // every label whole: wrapped onto more lines where it does not fit its room
    const labels = events.map((e) => {
      if (e.kind === "segment") {
        const text = `${segmentLabel(e.segment, absolute)}${e.segment.dropped ? " (lost)" : ""}`;
        return wrapWords(text, charsThatFit(geometry.segmentLabel.room, 11));
      }
      // a pending call is laid out with its longest label ("… pending"), so rows do not move while stepping
      const text = hostLabelText(e, 0);
      return e.kind === "state" ? [text] : wrapWords(text, charsThatFit(geometry.hostLabel(e.host).room, geometry.labelFont));
    });
    return { geometry, labels, layout: layoutRowsWrapped(events, labels.map((l) => l.length)) };
  }, [diagramWidth, events, absolute]);
  const { geometry: g, labels, layout } = drawing;

  const total = events.length;
  const shown = cursor === null ? total : Math.min(cursor, total);
  const atEnd = shown >= total;
  const hosts = hostsAt(events, shown, HOSTS);
  const queues = queuesAt(events, shown);
  const currentT = shown > 0 ? events[shown - 1]!.t : 0;
  const segment = selected !== null ? run?.trace.detailed[selected] : undefined;

  // Read the shared link once, after hydration (the server render has no hash).
  useEffect(() => {
    const fromUrl = readHash(window.location.hash, presetName);
    if (fromUrl) {
      const { selected: sel, ...rest } = fromUrl;
      setControls(rest);
      setSelected(sel);
    }
    setReady(true);
  }, [presetName]);

  useHashWrite({ controls, selected, presetName }, () => {
    const hash = writeHash(window.location.hash, presetName, { ...controls, selected });
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}${hash}`);
  });

  useEffect(() => {
    if (!playing || reducedMotion) return;
    const timer = window.setInterval(() => {
      setCursor((c) => {
        const next = (c ?? 0) + 1;
        if (next >= total) {
          setPlaying(false);
          return null;
        }
        return next;
      });
    }, PLAY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [playing, reducedMotion, total]);

  const step = useCallback((delta: number) => {
    setPlaying(false);
    setCursor((c) => {
      const next = Math.max(0, Math.min(total, (c ?? total) + delta));
      return next >= total ? null : next;
    });
  }, [total]);

  const update = (change: (c: Controls) => Controls) => {
    setControls((c) => change(c));
    setCursor(null);
    setPlaying(false);
  };
  const started = shown > 0;

  const userRuleFor = (index: number): DropRule | null => {
    const s = run?.trace.detailed[index];
    if (!s) return null;
    // the engine's faults select by send time; a segment held up on a delayed link is stamped on arrival
    return { from: s.from, kind: dropKindFor(s.flags, s.len), t: s.sentAt ?? s.t };
  };
  const droppedByUser = (index: number) => {
    const rule = userRuleFor(index);
    return rule !== null && controls.drops.some((d) => sameRule(d, rule));
  };

  const selectSegment = (index: number) => {
    setSelected(index);
    // Selecting a segment that is not shown yet moves the cursor to it.
    const at = events.findIndex((e) => e.kind === "segment" && e.index === index);
    if (at >= shown) setCursor(at + 1 >= total ? null : at + 1);
  };

  const onSegmentKey = (index: number) => (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      selectSegment(index);
    }
  };

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage(`${what} copied.`);
    } catch {
      setMessage(`Could not copy: select the ${what.toLowerCase()} and copy it by hand.`);
    }
  };

  const capture = preset.capture ? CAPTURES[preset.capture] : null;
  const comparison = useMemo(() => {
    if (!capture || !run || changesTheScenario(controls)) return null;
    return compareTrace({ segments: run.trace.segments, states: run.trace.states }, capture.expect);
  }, [capture, run, controls]);

  const collateral = useMemo(() => {
    if (!run) return [];
    return controls.drops
      .map((rule) => ({
        rule,
        count: run.trace.detailed.filter((s) => s.dropped && s.from === rule.from && Math.abs((s.sentAt ?? s.t) - rule.t) < 5e-7).length,
      }))
      .filter((c) => c.count !== 1);
  }, [run, controls.drops]);

  /**
   * A blocked call's bar: beside its host's lane, from the call's row down to
   * its return (solid) or, while it is still pending at the cursor, to the
   * last event shown (dashed).
   */
  const pendingMarker = (e: Extract<TimelineEvent, { kind: "call" }>, i: number) => {
    const open = pendingAt(e, shown);
    const lastRow = open ? layout.rows[Math.max(i, shown - 1)]! : layout.rows[e.returnsAt!]!;
    // on the lane's side away from its labels (outside in the wide layout, between the lanes in the narrow one)
    const x = laneXIn(g, e.host) + (e.host === "server" ? -5 : 5) * (g.narrow ? -1 : 1);
    const y1 = layout.rows[i]!.y + 4;
    const y2 = Math.max(y1 + 12, lastRow.y + lastRow.height - 4);
    return (
      <line
        x1={x}
        x2={x}
        y1={y1}
        y2={y2}
        strokeWidth={4}
        strokeLinecap="round"
        strokeDasharray={open ? "3 4" : undefined}
        className="stroke-amber-600 dark:stroke-amber-400"
        data-testid="pending-marker"
        data-open={String(open)}
      >
        <title>{`${e.host}'s program is blocked in ${e.call}()${open ? "" : ` until it returns ${e.result}`}`}</title>
      </line>
    );
  };

  const backlog = Number(preset.scenario.steps.find((s) => s.call === "listen")?.backlog ?? 0);
  const sysctlNames = preset.controls.sysctls ?? [];

  return (
    <section
      data-widget="sequence-simulator"
      data-preset={presetName}
      data-hydrated={ready ? "true" : undefined}
      aria-label={`Sequence simulator: ${preset.title}`}
      className="not-prose my-8 rounded-xl border border-slate-300 bg-white p-4 text-slate-900 shadow-sm dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <h3 className="m-0! text-lg font-semibold">{preset.title}</h3>
      <p className="mt-1! mb-3! text-sm text-slate-700 dark:text-slate-300">{preset.hint}</p>

      {/* Transport: the cursor is the number of events shown. Step and Play come first: the simulator opens at its start. */}
      <div role="toolbar" aria-label="Timeline controls" className="flex flex-wrap items-center gap-2">
        <button type="button" className={PRIMARY} onClick={() => step(1)} disabled={atEnd} data-testid="step-forward">
          {started ? "Step ▶" : "Step ▶ first event"}
        </button>
        <button
          type="button"
          className={PRIMARY}
          onClick={() => {
            if (!playing && atEnd) setCursor(0);
            setPlaying((p) => !p);
          }}
          disabled={reducedMotion}
          aria-pressed={playing}
        >
          <span aria-hidden="true">{playing ? "‖" : "▶"}</span> {playing ? "Pause" : "Play"}
        </button>
        <button type="button" className={BUTTON} onClick={() => step(-1)} disabled={shown === 0}>
          ◀ Step back
        </button>
        <button type="button" className={BUTTON} onClick={() => { setPlaying(false); setCursor(0); }} disabled={shown === 0}>
          <span aria-hidden="true">|◀</span> Rewind
        </button>
        <button type="button" className={BUTTON} onClick={() => { setPlaying(false); setCursor(null); }} disabled={atEnd}>
          End <span aria-hidden="true">▶|</span>
        </button>
      </div>
      {!started && total > 0 ? (
        <p className="mt-1! mb-0! text-sm text-slate-700 dark:text-slate-300" data-testid="start-hint">
          The run is at its start. Press Step to see the first event ({total} in all), or Play to watch it unfold.
        </p>
      ) : null}
      {reducedMotion ? (
        <p className="mt-1! mb-0! text-xs text-slate-700 dark:text-slate-300">Play is off because your system asks for reduced motion; Step moves one event at a time.</p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label htmlFor={`${baseId}-cursor`} className="text-sm font-medium">
          Time cursor
        </label>
        <input
          id={`${baseId}-cursor`}
          type="range"
          min={0}
          max={total}
          value={shown}
          onChange={(e) => {
            setPlaying(false);
            const v = Number(e.target.value);
            setCursor(v >= total ? null : v);
          }}
          aria-valuetext={`event ${shown} of ${total}, t = ${currentT.toFixed(4)} s`}
          className="w-56 max-w-full accent-blue-700"
        />
        <span className="font-mono text-sm" aria-live="polite" data-testid="cursor-status">
          {shown}/{total} · t = {currentT.toFixed(4)} s
        </span>
      </div>

      {built.ok ? null : <p role="alert" className="mt-3 text-sm text-red-800 dark:text-red-300">The scenario is invalid: {built.error}</p>}

      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div
          ref={diagramRef}
          className="min-w-0 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
          data-testid="diagram-scroll"
          data-layout={g.narrow ? "narrow" : "wide"}
        >
          <svg
            role="group"
            aria-label={`Sequence diagram of ${preset.title}: client on the left, server on the right, time downwards. Segments are buttons; the event log below has the same content as text.`}
            viewBox={`0 0 ${g.width} ${layout.height}`}
            width={g.width}
            height={layout.height}
            className="block max-w-none"
          >
            <defs>
              <marker id={`${baseId}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" className="fill-slate-700 dark:fill-slate-300" />
              </marker>
            </defs>
            {HOSTS.map((h) => (
              <g key={h}>
                <text x={laneXIn(g, h)} y={18} textAnchor="middle" className="fill-slate-900 text-[13px] font-semibold dark:fill-slate-100" data-lane={h}>
                  {h}
                </text>
                <line x1={laneXIn(g, h)} x2={laneXIn(g, h)} y1={26} y2={layout.height - 8} className="stroke-slate-400 dark:stroke-slate-600" strokeWidth={2} data-lane={h} />
              </g>
            ))}
            {events.slice(0, shown).map((e, i) => {
              const row = layout.rows[i]!;
              const gap = row.gapBefore !== null ? (
                <text x={g.narrow ? g.segmentLabel.x : g.width / 2 + 10} y={row.y - 5} textAnchor="middle" className="fill-slate-600 text-[11px] italic dark:fill-slate-400">
                  … {row.gapBefore.toFixed(row.gapBefore >= 10 ? 1 : 2)} s later …
                </text>
              ) : null;
              const time = (
                <text x={g.timeX} y={row.y + 15} fontSize={g.timeFont} className="fill-slate-600 font-mono dark:fill-slate-400">
                  {e.t.toFixed(4)}
                </text>
              );
              if (e.kind === "segment") {
                const s = e.segment;
                const lines = labels[i]!;
                const a = arrowIn(g, s.from, row, s.dropped, lines.length);
                const isSelected = selected === e.index;
                const label = segmentLabel(s, controls.absolute);
                return (
                  <g key={i}>
                    {gap}
                    {time}
                    <g
                      role="button"
                      tabIndex={0}
                      aria-label={`Segment ${e.index + 1}: ${s.from} to ${s.to}, ${label}${s.dropped ? " (lost), dropped" : ""}. Inspect.`}
                      aria-pressed={isSelected}
                      data-testid="segment"
                      data-index={e.index}
                      onClick={() => selectSegment(e.index)}
                      onKeyDown={onSegmentKey(e.index)}
                      onFocus={() => setFocused(e.index)}
                      onBlur={() => setFocused(null)}
                      className="cursor-pointer outline-none"
                    >
                      <rect
                        x={g.leftLane + 4}
                        y={row.y - 2}
                        width={g.rightLane - g.leftLane - 8}
                        height={row.height - 4}
                        rx={4}
                        className={isSelected ? "fill-blue-100 dark:fill-blue-950" : "fill-transparent"}
                        stroke={focused === e.index ? "currentColor" : "none"}
                        strokeDasharray="4 3"
                        strokeWidth={2}
                      />
                      <line
                        x1={a.x1}
                        y1={a.y1}
                        x2={a.x2}
                        y2={a.y2}
                        strokeWidth={2}
                        className={s.dropped ? "stroke-red-700 dark:stroke-red-400" : "stroke-slate-700 dark:stroke-slate-300"}
                        strokeDasharray={s.dropped ? "5 4" : undefined}
                        markerEnd={s.dropped ? undefined : `url(#${baseId}-arrow)`}
                      />
                      {a.lossX !== null ? (
                        <text x={a.lossX} y={a.y2 + 5} textAnchor="middle" className="fill-red-700 text-[15px] font-bold dark:fill-red-400">
                          ✕
                        </text>
                      ) : null}
                      <text
                        x={g.segmentLabel.x}
                        y={row.y + 8}
                        textAnchor="middle"
                        className={`font-mono text-[11px] ${s.dropped ? "fill-red-800 dark:fill-red-300" : "fill-slate-900 dark:fill-slate-100"}`}
                      >
                        {lines.map((l, n) => (
                          <tspan key={n} x={g.segmentLabel.x} dy={n === 0 ? 0 : LINE_HEIGHT}>
                            {n < lines.length - 1 ? `${l} ` : l}
                          </tspan>
                        ))}
                      </text>
                    </g>
                  </g>
                );
              }
              const place = g.hostLabel(e.host);
              // the label at the cursor: a pending call's "… pending" goes once its return is shown
              const now = e.kind === "call" && e.pending ? wrapWords(hostLabelText(e, shown), charsThatFit(place.room, g.labelFont)) : labels[i]!;
              const marker = e.kind === "call" && e.pending ? pendingMarker(e, i) : null;
              return (
                <g key={i} data-testid={e.kind === "call" ? "call" : e.kind === "return" ? "call-return" : undefined} data-host={e.host} data-call={e.kind === "state" ? undefined : e.call} data-pending={e.kind === "call" && e.pending ? String(pendingAt(e, shown)) : undefined}>
                  {gap}
                  {time}
                  {marker}
                  <text
                    x={place.x}
                    y={row.y + 15}
                    textAnchor={place.anchor}
                    fontSize={g.labelFont}
                    className={
                      e.kind === "state"
                        ? "fill-emerald-800 font-semibold dark:fill-emerald-300"
                        : "fill-violet-800 font-mono dark:fill-violet-300"
                    }
                  >
                    {now.map((l, n) => (
                      <tspan key={n} x={place.x} dy={n === 0 ? 0 : LINE_HEIGHT}>
                        {n < now.length - 1 ? `${l} ` : l}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>

        <div className="space-y-4 text-sm">
          <div data-testid="host-states">
            <h4 className="m-0! font-semibold">State at the cursor</h4>
            <dl className="mt-1 space-y-1">
              {HOSTS.map((h) => (
                <div key={h}>
                  <dt className="inline font-medium">{h}: </dt>
                  <dd className="inline font-mono" data-testid={`state-${h}`}>
                    {hosts[h]!.state}
                    {hosts[h]!.listening ? " (+ listening socket: LISTEN)" : ""}
                  </dd>
                  {hosts[h]!.history.length > 0 ? (
                    <dd className="text-xs text-slate-700 dark:text-slate-300">
                      history: {hosts[h]!.history.map((x) => `${x.state} @${x.t.toFixed(3)}`).join(" → ")}
                    </dd>
                  ) : null}
                </div>
              ))}
            </dl>
          </div>
          {preset.controls.queues ? (
            <div data-testid="queues">
              <h4 className="m-0! font-semibold">Server queues at the cursor</h4>
              <p className="m-0! font-mono">
                SYN queue (half-open): <span data-testid="syn-queue">{queues.synQueue}</span>
                <br />
                accept queue: <span data-testid="accept-queue">{queues.acceptQueue}</span>
              </p>
              {backlog > 0 ? (
                <p className="m-0! text-xs text-slate-700 dark:text-slate-300">
                  listen(fd, {backlog}): the accept queue holds up to min({backlog}, somaxconn) connections.
                </p>
              ) : null}
            </div>
          ) : null}

          <div data-testid="inspector" aria-live="polite">
            <h4 className="m-0! font-semibold">Segment inspector</h4>
            {segment && selected !== null ? (
              <>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
                  <dt>segment</dt>
                  <dd>#{selected + 1} at t = {segment.t.toFixed(4)} s</dd>
                  <dt>from → to</dt>
                  <dd>
                    {segment.from}:{segment.srcPort} → {segment.to}:{segment.dstPort}
                  </dd>
                  <dt>flags</dt>
                  <dd>
                    [{segment.flags}] {flagNames(segment.flags).join(", ")}
                  </dd>
                  <dt>seq</dt>
                  <dd>
                    {segment.seq} relative · {segment.absSeq} absolute
                  </dd>
                  <dt>ack</dt>
                  <dd>{segment.ack === null ? "— (ACK flag off)" : `${segment.ack} relative · ${segment.absAck} absolute`}</dd>
                  <dt>len</dt>
                  <dd>
                    {segment.len} bytes · uses {sequenceSpace(segment)} sequence number{sequenceSpace(segment) === 1 ? "" : "s"}
                  </dd>
                  <dt>window</dt>
                  <dd>not simulated{segment.flags.includes("S") ? ` (Linux 6.18 capture: ${segment.flags === "S" ? "64240" : "65160"})` : ""}</dd>
                  <dt>options</dt>
                  <dd>
                    {segment.flags.includes("S")
                      ? "not simulated (Linux 6.18 capture: mss 1460, sackOK, TS, nop, wscale 10)"
                      : "not simulated (Linux adds TS to every segment once both SYNs carried it)"}
                  </dd>
                  <dt>on the wire</dt>
                  <dd>{segment.dropped ? "lost in the network (dropped)" : "delivered"}</dd>
                </dl>
                <p className="mt-2! mb-0! text-xs" data-testid="segment-why">
                  {why[selected]}
                </p>
                <label className="mt-2 flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={droppedByUser(selected)}
                    disabled={segment.dropped && !droppedByUser(selected)}
                    onChange={() => {
                      const rule = userRuleFor(selected);
                      if (rule) update((c) => toggleDrop(c, rule));
                    }}
                    data-testid="drop-toggle"
                  />
                  Drop this segment
                </label>
                {segment.dropped && !droppedByUser(selected) ? (
                  <p className="m-0! text-xs text-slate-700 dark:text-slate-300">This preset's own fault drops it.</p>
                ) : null}
              </>
            ) : (
              <p className="m-0! text-slate-700 dark:text-slate-300">Select a segment in the diagram (click, or Tab to it and press Enter).</p>
            )}
          </div>
        </div>
      </div>

      <fieldset className="mt-4 flex flex-wrap items-end gap-x-5 gap-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">Scenario</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={controls.absolute} onChange={(e) => update((c) => ({ ...c, absolute: e.target.checked }))} />
          Absolute sequence numbers (tcpdump -S)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={controls.nominalTimers} onChange={(e) => update((c) => ({ ...c, nominalTimers: e.target.checked }))} />
          Exact timer values (without the kernel timer wheel's rounding)
        </label>
        {preset.controls.isn ? (
          <>
            {(["client", "server"] as const).map((h) => (
              <label key={h} className="flex flex-col text-sm">
                {h} ISN
                <input
                  type="number"
                  min={0}
                  max={4294967295}
                  className={INPUT}
                  value={controls.isn[h]}
                  disabled={controls.isnMode === "random"}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (Number.isInteger(v) && v >= 0 && v <= 0xffffffff) update((c) => ({ ...c, isn: { ...c.isn, [h]: v } }));
                  }}
                />
              </label>
            ))}
            <button
              type="button"
              className={BUTTON}
              onClick={() => update((c) => ({ ...c, isnMode: "random", seed: Math.floor(Math.random() * 0xffffffff) >>> 0 }))}
            >
              Random ISNs
            </button>
            {controls.isnMode === "random" ? (
              <button type="button" className={BUTTON} onClick={() => update((c) => ({ ...c, isnMode: "chosen" }))}>
                Use chosen ISNs
              </button>
            ) : null}
          </>
        ) : null}
        {sysctlNames.map((name) => {
          const limits = SYSCTL_LIMITS[name];
          const value = controls.sysctl[name] ?? (preset.scenario.sysctl[name] as number | undefined) ?? limits.linuxDefault;
          return (
            <label key={name} className="flex flex-col text-sm">
              <span className="font-mono">{name}</span>
              <input
                type="number"
                min={limits.min}
                max={limits.max}
                className={INPUT}
                value={value}
                aria-describedby={`${baseId}-${name}-help`}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isInteger(v) && v >= limits.min && v <= limits.max) update((c) => ({ ...c, sysctl: { ...c.sysctl, [name]: v } }));
                }}
              />
              <span id={`${baseId}-${name}-help`} className="text-xs text-slate-700 dark:text-slate-300">
                {limits.help} (Linux default {limits.linuxDefault})
              </span>
            </label>
          );
        })}
        <button
          type="button"
          className={BUTTON}
          onClick={() => {
            update(() => initialControls(preset));
            setSelected(null);
          }}
        >
          Reset
        </button>
        <button type="button" className={BUTTON} onClick={() => copy(window.location.href, "Link")}>
          Copy link
        </button>
      </fieldset>

      {controls.drops.length > 0 ? (
        <div className="mt-3 text-sm" data-testid="drops">
          <p className="m-0! font-semibold">Segments you drop</p>
          <ul className="m-0! list-none! p-0!">
            {controls.drops.map((rule) => (
              <li key={`${rule.from}-${rule.kind}-${rule.t}`} className="mt-1! flex flex-wrap items-center gap-2">
                <span className="font-mono">
                  {rule.kind === "all" ? "every segment" : rule.kind === "ack" ? "pure ACKs" : `${rule.kind.toUpperCase()} segments`} from {rule.from} at t = {rule.t.toFixed(6)} s
                </span>
                <button type="button" className={BUTTON} onClick={() => update((c) => toggleDrop(c, rule))}>
                  Stop dropping
                </button>
              </li>
            ))}
          </ul>
          {collateral.map(({ rule, count }) => (
            <p key={`${rule.from}-${rule.t}`} className="m-0! mt-1 text-xs text-slate-700 dark:text-slate-300">
              {count === 0
                ? `Nothing matches the drop at t = ${rule.t.toFixed(6)} s any more: an earlier change moved that segment.`
                : `The drop at t = ${rule.t.toFixed(6)} s hit ${count} segments: the engine drops by sender, kind and time, and ${rule.from} sent them in the same microsecond.`}
            </p>
          ))}
        </div>
      ) : null}

      <div className="mt-4">
        <div className="flex flex-wrap items-center gap-3">
          <h4 className="m-0! text-sm font-semibold" id={`${baseId}-log`}>
            Event log (simulated)
          </h4>
          <button type="button" className={BUTTON} onClick={() => copy(eventLogText(events, controls.absolute), "Event log")}>
            Copy log
          </button>
          <span role="status" className="text-xs">
            {message}
          </span>
        </div>
        <ol
          aria-labelledby={`${baseId}-log`}
          data-testid="event-log"
          className="mt-2! mb-0! max-h-72 list-none! overflow-auto rounded-lg bg-slate-50 p-2 pl-2! font-mono text-xs leading-5 dark:bg-slate-900"
          tabIndex={0}
        >
          {events.map((e, i) => (
            <li
              key={i}
              aria-current={i === shown - 1 ? "step" : undefined}
              className={`my-0! -indent-[2ch] pl-[2ch] break-words whitespace-pre-wrap ${i === shown - 1 ? "bg-amber-100 dark:bg-amber-900/60" : ""} ${i >= shown ? "text-slate-600 dark:text-slate-400" : ""}`}
            >
              {eventLine(e, controls.absolute)}
            </li>
          ))}
        </ol>
      </div>

      {neverMade.length > 0 ? (
        <p className="mt-2! mb-0! text-xs text-slate-700 dark:text-slate-300" data-testid="never-made">
          Never made:{" "}
          {neverMade
            .map((c) => `${c.host}'s ${c.call}() (due at t=${c.t.toFixed(4)})${c.blockedIn ? `: its program is still blocked in ${c.blockedIn}` : ""}`)
            .join("; ")}
          . A program makes its calls one after another, so a call that blocks holds back the ones after it.
        </p>
      ) : null}

      {capture ? (
        <CapturePanel capture={capture} comparison={comparison} changed={changesTheScenario(controls)} />
      ) : null}
    </section>
  );
}

/**
 * The words beside a host's lane for a state change or a socket call at the
 * cursor: a call that blocked reads "… pending" until its return is shown.
 */
function hostLabelText(e: Exclude<TimelineEvent, { kind: "segment" }>, cursor: number): string {
  if (e.kind === "state") return e.listener ? (e.to === "LISTEN" ? "LISTEN" : `LISTEN → ${e.to}`) : e.to;
  if (e.kind === "return") return `${e.call}() → ${e.result}`;
  if (!e.pending) return `${e.call}() → ${e.result}`;
  return pendingAt(e, cursor) ? `${e.call}() … pending` : `${e.call}() …`;
}

function CapturePanel({
  capture,
  comparison,
  changed,
}: {
  capture: (typeof CAPTURES)[keyof typeof CAPTURES];
  comparison: { ok: boolean; errors: string[] } | null;
  changed: boolean;
}) {
  return (
    <div className="mt-4" data-testid="capture">
      <h4 className="m-0! text-sm font-semibold">
        Real Linux 6.18 capture: <span className="font-mono">{capture.name}</span>
      </h4>
      <p className="m-0! text-xs text-slate-700 dark:text-slate-300">
        {capture.title}. Kernel {capture.kernel}, two network namespaces joined by a veth pair, recorded with tcpdump; relative numbers.
      </p>
      <p className="m-0! mt-1! text-xs">
        <CaptureDownload name={capture.name} />
      </p>
      <p className="m-0! mt-1! text-xs" data-testid="capture-comparison">
        {changed
          ? "You changed the scenario, so the capture (of the unchanged scenario) is no longer comparable."
          : comparison?.ok
            ? "The simulated segments and states agree with the capture (same flags, seq, ack and len in the same order; timing within 30 ms or 13%)."
            : `The simulation differs from the capture: ${comparison?.errors.slice(0, 3).join("; ") ?? ""}`}
      </p>
      {/* keyboard-scrollable on a phone, where the table is wider than the widget (the table itself does not scroll, despite .lesson-prose table) */}
      <div className="mt-2 overflow-x-auto" role="region" tabIndex={0} aria-label={`Captured segments: ${capture.name}`}>
        <table className="my-0! table! min-w-full border-collapse font-mono text-xs">
          <caption className="sr-only">Segments captured on a real Linux kernel</caption>
          <thead>
            <tr>
              {["t (s)", "from", "flags", "seq", "ack", "len", ""].map((h, i) => (
                <th key={i} scope="col" className="border border-slate-300 px-2 py-1 text-left dark:border-slate-700">
                  {h || <span className="sr-only">note</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {capture.expect.segments.map((s, i) => (
              <tr key={i}>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">{s.t.toFixed(4)}</td>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">{s.from}</td>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">[{s.flags}]</td>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">{s.seq}</td>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">{s.ack ?? "—"}</td>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">{s.len}</td>
                <td className="border border-slate-300 px-2 py-0.5 dark:border-slate-700">{s.dropped ? "dropped" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="m-0! mt-1! text-xs">
        Captured states (polled every 10 ms, so very short ones can be missing):{" "}
        <span className="font-mono">{capture.expect.states.map((s) => `${s.host} ${s.state} @${s.t}`).join(" · ")}</span>
      </p>
    </div>
  );
}

export type { TimelineEvent };
