"use client";

// TIME-WAIT under load: the learner sets the connection rate, which side
// closes first and the sysctls, and sees TIME-WAIT sockets on each side, the
// client's free ephemeral ports and the moment connect() starts failing.
// The numbers come from ./time-wait-load/model.ts (kernel rules, checked
// against lib/tcp in tests); this file only holds UI state.

import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DEFAULT_CONTROLS, LIMITS, simulateLoad, type LoadControls } from "../labs/time-wait-load/model";
import { formatCount } from "../labs/fieldCheck";
import { readHashState, replaceHashState } from "./urlHashState";
import { useHashWrite } from "./useHashWrite";
import { ShareControls } from "./ShareControls";
import { useReducedMotion } from "./time-wait-load/useReducedMotion";
import {
  chartSummary,
  checkMaxTwBuckets,
  checkPortRange,
  controlsFromUrl,
  eventLogText,
  explainLimits,
  formatSeconds,
  limitHeadline,
  sampleAt,
  tableRows,
} from "../labs/time-wait-load/view";
import { ScrollRegion } from "./close-wait-debugger/ScrollRegion";

const HASH_KEY = "time-wait-load";
const DURATIONS = [60, 120, 180, 300, 600] as const;

const BUTTON =
  "rounded border border-slate-400 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-50 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-300";
const PRIMARY =
  "rounded border border-blue-700 bg-blue-700 px-3 py-1 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200 dark:focus-visible:outline-blue-300";
const INPUT =
  "w-full rounded border border-slate-400 bg-white px-2 py-1 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-invalid:border-2 aria-invalid:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300 dark:aria-invalid:border-red-400";
const FIELD_ERROR = "m-0 mt-1 text-sm text-red-800 dark:text-red-300";

/** What the learner typed in the number fields; the simulation runs on the last values that passed. */
interface Drafts {
  portLow: string;
  portHigh: string;
  maxTwBuckets: string;
}
const draftsOf = (c: LoadControls): Drafts => ({ portLow: String(c.portLow), portHigh: String(c.portHigh), maxTwBuckets: String(c.maxTwBuckets) });

export function TimeWaitLoad({ rate, closer }: { rate?: number; closer?: "client" | "server" } = {}) {
  const id = useId();
  const reducedMotion = useReducedMotion();
  const [controls, setControls] = useState<LoadControls>(() => ({
    ...DEFAULT_CONTROLS,
    ...(rate !== undefined ? { rate } : {}),
    ...(closer !== undefined ? { closer } : {}),
  }));
  // The time cursor opens at 0 s: the learner steps or plays the run forward from the start.
  const [rawCursor, setCursor] = useState<number>(0);
  const [playing, setPlaying] = useState(false);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(controls));
  const [hydrated, setHydrated] = useState(false);

  // Read a shared scenario once, after hydration.
  useEffect(() => {
    const fromUrl = controlsFromUrl(readHashState(window.location.hash, HASH_KEY));
    if (fromUrl) {
      setControls(fromUrl);
      setDrafts(draftsOf(fromUrl));
    }
    setHydrated(true);
  }, []);

  // Keep the address bar in step with the controls.
  useHashWrite(controls, () => replaceHashState(HASH_KEY, controls));

  const result = useMemo(() => simulateLoad(controls), [controls]);
  const duration = result.controls.duration;
  const cursor = Math.min(rawCursor, duration);
  const at = sampleAt(result, cursor);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      setCursor((t) => {
        const next = Math.min(duration, t + Math.max(1, Math.round(duration / 60)));
        if (next >= duration) setPlaying(false);
        return next;
      });
    }, 150);
    return () => window.clearInterval(timer);
  }, [playing, duration]);

  const update = useCallback((patch: Partial<LoadControls>) => {
    setControls((c) => ({ ...c, ...patch }));
  }, []);

  // Each number field: keep what was typed, and pass it on only when it is allowed.
  const portCheck = checkPortRange(drafts.portLow, drafts.portHigh);
  const bucketsCheck = checkMaxTwBuckets(drafts.maxTwBuckets);
  const editPorts = (patch: Partial<Pick<Drafts, "portLow" | "portHigh">>) => {
    const next = { ...drafts, ...patch };
    setDrafts(next);
    const checked = checkPortRange(next.portLow, next.portHigh);
    if (checked.range) update(checked.range);
  };
  const editBuckets = (text: string) => {
    setDrafts((d) => ({ ...d, maxTwBuckets: text }));
    const checked = checkMaxTwBuckets(text);
    if (checked.ok) update({ maxTwBuckets: checked.value });
  };
  const lowError = portCheck.low ?? portCheck.pair;
  const highError = portCheck.high ?? portCheck.pair;
  const explanation = explainLimits(result);

  const play = () => {
    if (reducedMotion) {
      setPlaying(false);
      setCursor(duration);
      return;
    }
    if (cursor >= duration) setCursor(0);
    setPlaying((p) => !p);
  };


  const rows = tableRows(result, duration <= 120 ? 10 : 30);
  const log = eventLogText(result);
  const chartData = result.samples;

  return (
    <section
      data-widget="time-wait-load"
      data-hydrated={hydrated ? "true" : undefined}
      aria-label="TIME-WAIT under load"
      className="my-8 space-y-5 rounded-xl border border-slate-300 bg-white p-3 text-slate-900 sm:p-5 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div>
        <div className="text-lg font-semibold">TIME-WAIT under load</div>
        <p className="mt-1 mb-0 text-sm text-slate-700 dark:text-slate-300">
          One client opens short connections to one server address and port and closes them. Change the rate, who closes first and the
          sysctls; the chart shows TIME-WAIT sockets on each side and the client&apos;s free ephemeral ports.
        </p>
      </div>

      <fieldset className="grid gap-4 rounded-lg border border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Load and sysctls</legend>
        <div>
          <label htmlFor={`${id}-rate`} className="block text-sm font-medium">
            New connections per second: <span data-testid="rate-value">{controls.rate}</span>
          </label>
          <input
            id={`${id}-rate`}
            type="range"
            min={10}
            max={LIMITS.rate.max}
            step={10}
            value={controls.rate}
            onChange={(e) => update({ rate: Number(e.target.value) })}
            className="w-full accent-blue-700 dark:accent-blue-400"
          />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Who closes first</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {(["client", "server"] as const).map((side) => (
              <label key={side} className="flex items-center gap-1">
                <input type="radio" name={`${id}-closer`} value={side} checked={controls.closer === side} onChange={() => update({ closer: side })} />
                {side === "client" ? "Client" : "Server"}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-duration`} className="block text-sm font-medium">
            Duration
          </label>
          <select id={`${id}-duration`} value={controls.duration} onChange={(e) => update({ duration: Number(e.target.value) })} className={INPUT}>
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d} s
              </option>
            ))}
          </select>
        </div>
        <div className="grid min-w-0 grid-cols-2 gap-x-2">
          <div className="min-w-0">
            <label htmlFor={`${id}-low`} className="block text-sm font-medium [overflow-wrap:anywhere]">
              ip_local_port_range low
            </label>
            <input
              id={`${id}-low`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={drafts.portLow}
              onChange={(e) => editPorts({ portLow: e.target.value })}
              aria-invalid={lowError ? true : undefined}
              aria-describedby={portCheck.low ? `${id}-low-error` : portCheck.pair ? `${id}-pair-error` : undefined}
              className={INPUT}
            />
          </div>
          <div className="min-w-0 self-end">
            <label htmlFor={`${id}-high`} className="block text-sm font-medium">
              high
            </label>
            <input
              id={`${id}-high`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={drafts.portHigh}
              onChange={(e) => editPorts({ portHigh: e.target.value })}
              aria-invalid={highError ? true : undefined}
              aria-describedby={portCheck.high ? `${id}-high-error` : portCheck.pair ? `${id}-pair-error` : undefined}
              className={INPUT}
            />
          </div>
          <div className="col-span-2" aria-live="polite">
            {portCheck.low ? (
              <p id={`${id}-low-error`} className={FIELD_ERROR} data-testid="port-low-error">
                Low end: {portCheck.low}
              </p>
            ) : null}
            {portCheck.high ? (
              <p id={`${id}-high-error`} className={FIELD_ERROR} data-testid="port-high-error">
                High end: {portCheck.high}
              </p>
            ) : null}
            {portCheck.pair ? (
              <p id={`${id}-pair-error`} className={FIELD_ERROR} data-testid="port-range-error">
                {portCheck.pair}
              </p>
            ) : null}
            {lowError || highError ? (
              <p className="m-0 mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="port-range-kept">
                Still simulating the last valid range, {controls.portLow} {controls.portHigh}.
              </p>
            ) : null}
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-reuse`} className="block text-sm font-medium">
            tcp_tw_reuse
          </label>
          <select
            id={`${id}-reuse`}
            value={controls.twReuse}
            onChange={(e) => update({ twReuse: Number(e.target.value) as 0 | 1 | 2 })}
            className={INPUT}
          >
            <option value={0}>0: off</option>
            <option value={1}>1: on</option>
            <option value={2}>2: loopback only (default)</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-buckets`} className="block text-sm font-medium">
            tcp_max_tw_buckets
          </label>
          <input
            id={`${id}-buckets`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={drafts.maxTwBuckets}
            onChange={(e) => editBuckets(e.target.value)}
            aria-invalid={bucketsCheck.ok ? undefined : true}
            aria-describedby={bucketsCheck.ok ? undefined : `${id}-buckets-error`}
            className={INPUT}
          />
          <div aria-live="polite">
            {bucketsCheck.ok ? null : (
              <p id={`${id}-buckets-error`} className={FIELD_ERROR} data-testid="buckets-error">
                {bucketsCheck.message} Still simulating {formatCount(controls.maxTwBuckets)}.
              </p>
            )}
          </div>
        </div>
      </fieldset>
      {controls.twReuse === 2 ? (
        <p className="m-0 text-sm text-slate-700 dark:text-slate-300">
          tcp_tw_reuse=2 allows reuse only for loopback connections; client and server are different hosts here, so it acts like 0.
        </p>
      ) : null}

      <div
        role="status"
        data-testid="exhaustion-status"
        className={`rounded-lg border p-3 text-sm ${
          result.exhaustedAt === null
            ? "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50"
            : "border-red-400 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50"
        }`}
      >
        {result.exhaustedAt === null
          ? `connect() never fails in ${duration} s: ${controls.closer === "server" ? "the server holds the TIME-WAIT sockets, and they use no client port." : `the client needs at most ${Math.round(Math.min(controls.rate * 60, result.portCount))} of its ${result.portCount} ports.`}`
          : `Port exhaustion: connect() fails with EADDRNOTAVAIL from t = ${formatSeconds(result.exhaustedAt)}. Without reuse, one client can sustain about ${Math.floor(result.sustainableRate)} connections per second to one server address and port (${result.portCount} ports / 60 s).`}
      </div>

      {explanation ? (
        <div
          data-testid="limit-explanation"
          className="rounded-lg border border-amber-500 bg-amber-50 p-3 text-sm [overflow-wrap:anywhere] text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50"
        >
          <p className="m-0 font-semibold">{limitHeadline(explanation, controls.rate)}</p>
          <ul className="m-0 mt-1 list-disc space-y-1 pl-5">
            {explanation.notes.map((n, i) => (
              <li key={i} data-kind={n.kind}>
                {n.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-cursor`} className="text-sm font-medium">
            Time: <span data-testid="cursor-time">{formatSeconds(cursor)}</span>
          </label>
          <input
            id={`${id}-cursor`}
            type="range"
            min={0}
            max={duration}
            step={1}
            value={cursor}
            onChange={(e) => {
              setPlaying(false);
              setCursor(Number(e.target.value));
            }}
            className="min-w-40 flex-1 accent-blue-700 dark:accent-blue-400"
          />
          <button type="button" className={PRIMARY} onClick={play} aria-pressed={playing}>
            {playing ? "Pause" : reducedMotion ? "Play (to the end)" : "Play"}
          </button>
          <button type="button" className={BUTTON} onClick={() => setCursor((t) => Math.min(duration, t + 10))} disabled={cursor >= duration}>
            +10 s
          </button>
          <button type="button" className={BUTTON} onClick={() => setCursor((t) => Math.max(0, t - 10))} disabled={cursor <= 0}>
            −10 s
          </button>
        </div>
        {cursor === 0 ? (
          <p className="m-0 text-sm text-slate-700 dark:text-slate-300" data-testid="cursor-start-hint">
            The run starts at 0 s: press Play, or step forward with +10 s. The chart below already shows the whole run.
          </p>
        ) : null}
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="cursor-summary">
          {[
            ["Client TIME-WAIT", at.clientTimeWait],
            ["Server TIME-WAIT", at.serverTimeWait],
            ["Client free ports", at.freePorts],
            ["Failed connect()", at.failed],
          ].map(([label, value]) => (
            <div key={label} className="rounded border border-slate-300 p-2 dark:border-slate-700">
              <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
              <dd className="m-0 font-mono text-lg">{value}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div role="img" aria-label={chartSummary(result)} className="h-72 w-full text-slate-700 dark:text-slate-300">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={chartData} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#94a3b8" strokeOpacity={0.4} />
            <XAxis dataKey="t" type="number" domain={[0, duration]} tick={{ fill: "currentColor", fontSize: 12 }} unit=" s" />
            <YAxis tick={{ fill: "currentColor", fontSize: 12 }} width={56} />
            <Tooltip contentStyle={{ color: "#0f172a" }} labelFormatter={(t) => `t = ${t} s`} />
            <Legend />
            <Line type="monotone" dataKey="clientTimeWait" name="Client TIME-WAIT" stroke="#2563eb" dot={false} isAnimationActive={false} strokeWidth={2} />
            <Line type="monotone" dataKey="serverTimeWait" name="Server TIME-WAIT" stroke="#d97706" dot={false} isAnimationActive={false} strokeWidth={2} />
            <Line type="monotone" dataKey="freePorts" name="Client free ports" stroke="#16a34a" dot={false} isAnimationActive={false} strokeWidth={2} strokeDasharray="6 3" />
            {result.exhaustedAt !== null ? <ReferenceLine x={result.exhaustedAt} stroke="#dc2626" label={{ value: "EADDRNOTAVAIL", fill: "#dc2626", fontSize: 12 }} /> : null}
            <ReferenceLine x={cursor} stroke="#64748b" strokeDasharray="2 2" />
          </LineChart>
        </ResponsiveContainer>
      </div>

      <details className="text-sm">
        <summary className="cursor-pointer font-medium">The chart as a table</summary>
        <ScrollRegion label="TIME-WAIT sockets and free ports over time, as a table" className="mt-2">
          <table className="table min-w-full overflow-visible border-collapse text-right font-mono text-xs" data-testid="load-table">
            <caption className="sr-only">TIME-WAIT sockets and free ports over time</caption>
            <thead>
              <tr>
                {["t (s)", "client TIME-WAIT", "server TIME-WAIT", "free ports", "connect() ok", "connect() failed", "no TIME-WAIT (overflow)"].map((h) => (
                  <th key={h} scope="col" className="border-b border-slate-300 px-2 py-1 dark:border-slate-700">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.t}>
                  <td className="px-2 py-0.5">{r.t}</td>
                  <td className="px-2 py-0.5">{r.clientTimeWait}</td>
                  <td className="px-2 py-0.5">{r.serverTimeWait}</td>
                  <td className="px-2 py-0.5">{r.freePorts}</td>
                  <td className="px-2 py-0.5">{r.succeeded}</td>
                  <td className="px-2 py-0.5">{r.failed}</td>
                  <td className="px-2 py-0.5">{r.overflows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>

      <div>
        <h3 className="m-0 text-base font-semibold" id={`${id}-log`}>
          Event log
        </h3>
        {/* It scrolls when long: a keyboard reaches it (tabIndex) to scroll it. */}
        <ol
          aria-labelledby={`${id}-log`}
          data-testid="event-log"
          tabIndex={0}
          className="mt-2 max-h-56 list-none space-y-1 overflow-y-auto rounded p-0 font-mono text-xs [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300"
        >
          {result.events.map((e, i) => (
            <li key={i} className={e.t <= cursor ? "" : "text-slate-500 dark:text-slate-400"}>
              t={formatSeconds(e.t)}: {e.text}
            </li>
          ))}
        </ol>
      </div>

      <ShareControls
        log={log}
        resetLabel="Reset to Linux defaults"
        onReset={() => {
          setControls(DEFAULT_CONTROLS);
          setDrafts(draftsOf(DEFAULT_CONTROLS));
          setPlaying(false);
          setCursor(0);
        }}
        buttonClassName={BUTTON}
      />
    </section>
  );
}
