"use client";

// The SYN flood lab: the learner sets the attack, the workload and the
// listener's sysctls; the simulator (lib/tcp) runs the scenario; the widget
// charts both queues, what legitimate clients experienced, and the counters
// `nstat` would show. A thin shell: scenario building, the run and the
// condensing live in ./syn-flood-lab/*, TCP itself in lib/tcp.

import { useCallback, useEffect, useId, useState } from "react";
import { LatencyChart, QueueChart, SuccessChart } from "./syn-flood-lab/Charts";
import { CookiePanel } from "./syn-flood-lab/CookiePanel";
import { LazyDetails } from "./syn-flood-lab/LazyDetails";
import { ScrollRegion } from "./syn-flood-lab/ScrollRegion";
import {
  allowedText,
  clampControl,
  CONTROL_SPECS,
  controlSpec,
  DEFAULT_CONTROLS,
  type ControlName,
  type LabControls,
  parseControlInput,
} from "../labs/syn-flood-lab/controls";
import { decodeControls, encodeControls, HASH_KEY } from "./syn-flood-lab/urlState";
import type { LabResult } from "../labs/syn-flood-lab/runLab";
import { useFloodSimulation } from "./syn-flood-lab/useFloodSimulation";
import { useHashWrite } from "./useHashWrite";
import { useOverflows } from "./useOverflows";

const PRESETS: { label: string; controls: Partial<LabControls> }[] = [
  { label: "Flood with syncookies (Linux default)", controls: {} },
  { label: "Flood, tcp_syncookies=0", controls: { tcp_syncookies: 0 } },
  { label: "Slow application, no attack", controls: { attackRate: 0, legitRate: 50, acceptRate: 20, backlog: 64 } },
  { label: "Slow application, tcp_abort_on_overflow=1", controls: { attackRate: 0, legitRate: 50, acceptRate: 20, backlog: 64, tcp_abort_on_overflow: 1 } },
];

const box = "rounded-lg border border-slate-200 p-3 dark:border-slate-700";
const inputClass =
  "rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100";
const buttonClass =
  "max-w-full rounded border text-left [overflow-wrap:anywhere] border-slate-400 bg-slate-100 px-3 py-1 text-sm hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-500 dark:bg-slate-800 dark:hover:bg-slate-700";

function NumberControl({ name, value, onChange }: { name: ControlName; value: number; onChange: (name: ControlName, value: number) => void }) {
  const id = useId();
  const spec = controlSpec(name);
  const [text, setText] = useState(String(value));
  // A value set elsewhere (slider, preset, reset, link) replaces whatever was typed, and its message.
  useEffect(() => setText(String(value)), [value]);
  const parsed = parseControlInput(name, text);
  const invalid = !parsed.ok && text !== String(value);
  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-n`} className="block text-sm font-medium [overflow-wrap:anywhere]">
        {spec.label}
        {spec.unit ? <span className="font-normal text-slate-600 dark:text-slate-400"> ({spec.unit})</span> : null}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="range"
          aria-label={`${spec.label} slider`}
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={value}
          onChange={(e) => onChange(name, clampControl(name, Number(e.target.value)))}
          className="min-w-0 flex-1 accent-sky-700"
        />
        <input
          id={`${id}-n`}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            // Only a valid value reaches the simulation; an invalid one is explained beside the box
            // and the simulation keeps the last valid value.
            const next = parseControlInput(name, e.target.value);
            if (next.ok) onChange(name, next.value);
          }}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error ${id}-help` : `${id}-help`}
          className={`${inputClass} w-24 shrink-0 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400`}
        />
      </div>
      {invalid && !parsed.ok ? (
        <p id={`${id}-error`} className="m-0 text-sm text-red-700 dark:text-red-300" data-testid={`control-error-${name}`}>
          {parsed.error} The simulation keeps {value.toLocaleString("en-US")}.
        </p>
      ) : null}
      <p id={`${id}-help`} className="m-0 text-xs text-slate-600 dark:text-slate-400">
        {spec.help} Allowed: {allowedText(name)}.
      </p>
    </div>
  );
}

function SelectControl({ name, value, options, onChange }: { name: ControlName; value: number; options: [number, string][]; onChange: (name: ControlName, value: number) => void }) {
  const id = useId();
  const spec = controlSpec(name);
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium [overflow-wrap:anywhere]">
        {spec.label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(name, Number(e.target.value))} className={`${inputClass} w-full`} aria-describedby={`${id}-help`}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {v}: {label}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="m-0 text-xs text-slate-600 dark:text-slate-400">
        {spec.help}
      </p>
    </div>
  );
}

/** What `nstat -az | grep -i -E 'listen|cookie|reqqfull'` would print for these counters. */
function nstatText(result: LabResult): string {
  return result.nstat
    .filter((r) => /listen|cookie|reqqfull/i.test(r.name))
    .map((r) => `${r.name.padEnd(28)}${String(r.value).padStart(10)}${"0.0".padStart(16)}`)
    .join("\n");
}

function ssText(result: LabResult): string {
  const last = result.points[result.points.length - 1];
  const header = "State    Recv-Q Send-Q  Local Address:Port   Peer Address:Port";
  const row = `LISTEN   ${String(last?.acceptQueue ?? 0).padEnd(6)} ${String(result.limits.maxAckBacklog).padEnd(7)} 0.0.0.0:80           0.0.0.0:*`;
  return `$ ss -ltn 'sport = :80'\n${header}\n${row}\n\n$ ss -tan state syn-recv | wc -l\n${(last?.synQueue ?? 0) + 1}`;
}

/** Seconds since `startedAt` (performance.now()), ticking five times a second while a run is in flight. */
function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (startedAt === null) return;
    setNow(performance.now());
    const timer = window.setInterval(() => setNow(performance.now()), 200);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, now - startedAt) / 1000;
}

export function SynFloodLab() {
  const [controls, setControls] = useState<LabControls>({ ...DEFAULT_CONTROLS });
  const [committed, setCommitted] = useState<LabControls>(controls);
  const [copyStatus, setCopyStatus] = useState("");
  const baseId = useId();
  // Read a shared scenario from the URL once, after hydration.
  useEffect(() => {
    const fromHash = decodeControls(window.location.hash);
    if (fromHash) {
      setControls(fromHash);
      setCommitted(fromHash);
    }
  }, []);

  // Slider drags change `controls` many times a second; simulate only once they settle.
  useEffect(() => {
    const id = window.setTimeout(() => setCommitted(controls), 250);
    return () => window.clearTimeout(id);
  }, [controls]);

  // The simulation runs in a worker; the page stays responsive and the controls usable meanwhile.
  const { result, resultFor, startedAt, error, drawing } = useFloodSimulation(committed);
  // Busy until the shown result is the one for the controls on screen (a drag still settling counts).
  const busy = error === null && (resultFor !== committed || controls !== committed);
  const elapsed = useElapsed(startedAt);
  const [commandsRef, commandsOverflow] = useOverflows<HTMLPreElement>(result);

  useHashWrite(committed, () => {
    const url = `${window.location.pathname}${window.location.search}#${encodeControls(committed)}`;
    window.history.replaceState(window.history.state, "", url);
  });

  const onChange = useCallback((name: ControlName, value: number) => setControls((c) => ({ ...c, [name]: value })), []);

  const copyLink = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${encodeControls(controls)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus("Link copied.");
    } catch {
      setCopyStatus(`Copy this link: ${url}`);
    }
  };

  const numeric = CONTROL_SPECS.filter((s) => s.name !== "tcp_syncookies" && s.name !== "tcp_abort_on_overflow");

  return (
    <section
      data-widget="syn-flood-lab"
      aria-label="SYN flood lab"
      className="my-8 space-y-5 rounded-xl border border-slate-300 bg-white p-3 text-slate-900 sm:p-5 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div>
        <div className="text-lg font-semibold">SYN flood lab</div>
        <p className="mt-1 mb-0 text-sm text-slate-700 dark:text-slate-300">
          A server listens on port 80. Legitimate clients connect at a steady rate; a few seconds in, an attacker starts sending spoofed SYNs. Change the attack, the
          workload or the kernel settings: the simulator re-runs the whole scenario and redraws.
        </p>
      </div>

      <div className="flex flex-wrap gap-2" role="group" aria-label="Preset scenarios">
        {PRESETS.map((p) => (
          <button key={p.label} type="button" className={buttonClass} onClick={() => setControls({ ...DEFAULT_CONTROLS, ...p.controls })}>
            {p.label}
          </button>
        ))}
      </div>

      <fieldset className={box}>
        <legend className="px-1 font-semibold">Controls</legend>
        <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
          {numeric.map((s) => (
            <NumberControl key={s.name} name={s.name} value={controls[s.name]} onChange={onChange} />
          ))}
          <SelectControl
            name="tcp_syncookies"
            value={controls.tcp_syncookies}
            options={[
              [0, "never"],
              [1, "when the SYN queue overflows"],
              [2, "always"],
            ]}
            onChange={onChange}
          />
          <SelectControl
            name="tcp_abort_on_overflow"
            value={controls.tcp_abort_on_overflow}
            options={[
              [0, "drop the final ACK"],
              [1, "answer it with RST"],
            ]}
            onChange={onChange}
          />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <button type="button" className={buttonClass} onClick={() => setControls({ ...DEFAULT_CONTROLS })}>
            Reset to defaults
          </button>
          <button type="button" className={buttonClass} onClick={copyLink}>
            Copy link
          </button>
          <span role="status" className="text-sm" data-testid="syn-flood-copy-status">
            {copyStatus}
          </span>
        </div>
      </fieldset>

      <div className="space-y-1">
        <p role="status" aria-live="polite" className="m-0 text-sm font-medium" data-testid="syn-flood-status" data-busy={busy ? "true" : "false"}>
          {error !== null
            ? `The simulation failed (${error}). Change a control to run it again.`
            : busy || !result
              ? "Simulating…"
              : `Simulated ${result.controls.duration} s: ${result.totals.floodSyns.toLocaleString("en-US")} flood SYNs; ${result.totals.ok} of ${result.totals.started} legitimate connects succeeded, ${result.totals.failed} failed, ${result.totals.pending} still retrying; the application accepted ${result.totals.accepted}.`}
        </p>
        {busy ? (
          // Not a live region: the elapsed time ticks, and the status above already says "Simulating…".
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400" data-testid="syn-flood-progress">
            <progress aria-label="Simulation in progress" className="h-2 w-32 accent-sky-700" />
            <span>
              {drawing
                ? "Drawing the result…"
                : startedAt === null
                  ? "Starting…"
                  : `${elapsed.toFixed(1)} s so far. The controls stay usable: a new change restarts the run.`}
            </span>
          </div>
        ) : null}
      </div>

      {result ? (
        <div className={`space-y-4 ${busy ? "opacity-60" : ""}`}>
          <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
            <QueueChart result={result} />
            <SuccessChart result={result} />
            <LatencyChart result={result} />
            <div className={box}>
              <h3 className="mt-0 mb-1 text-sm font-semibold">Counters at the end (server)</h3>
              {/* Two columns, the meaning under each counter's name: the table reflows at 375 px instead of clipping. */}
              <table className="table w-full overflow-visible border-collapse text-left text-sm" data-testid="syn-flood-nstat">
                <caption className="sr-only">nstat counters of the server at the end of the run</caption>
                <thead>
                  <tr>
                    <th scope="col" className="border-b border-slate-300 p-1 dark:border-slate-600">Counter, and what it counts</th>
                    <th scope="col" className="border-b border-slate-300 p-1 text-right dark:border-slate-600">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {result.nstat.map((r) => (
                    <tr key={r.name} data-counter={r.name}>
                      <th scope="row" className="border-b border-slate-200 p-1 text-left font-normal dark:border-slate-700">
                        <span className="block font-mono [overflow-wrap:anywhere]">{r.name}</span>
                        <span className="block text-xs text-slate-700 dark:text-slate-300">{r.meaning}</span>
                      </th>
                      <td className="border-b border-slate-200 p-1 text-right align-top font-mono dark:border-slate-700" data-testid={`nstat-${r.name}`}>
                        {r.value}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
            <div className="min-w-0">
              <h3 className="mt-0 mb-1 text-sm font-semibold">What the host would print</h3>
              {/* Command output keeps its columns, so it scrolls sideways on a phone: focusable, named, and said so. */}
              {commandsOverflow ? (
                <p id={`${baseId}-commands-hint`} className="m-0 mb-1 text-xs text-slate-600 dark:text-slate-400" data-testid="scroll-hint">
                  Wide lines: scroll sideways, or focus the box and use the arrow keys.
                </p>
              ) : null}
              <pre
                tabIndex={0}
                role="region"
                aria-label="Simulated nstat and ss output"
                aria-describedby={commandsOverflow ? `${baseId}-commands-hint` : undefined}
                ref={commandsRef}
                className="overflow-x-auto rounded bg-slate-100 p-2 text-xs focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-900"
                data-scroll-region="x"
                data-testid="syn-flood-commands"
              >
                {`$ nstat -az | grep -i -E 'listen|cookie|reqqfull'\n${nstatText(result)}\n\n${ssText(result)}`}
              </pre>
            </div>
            <div className="min-w-0">
              <h3 className="mt-0 mb-1 text-sm font-semibold">Event log</h3>
              <pre
                tabIndex={0}
                aria-label="Event log of the simulation, oldest first"
                role="region"
                className="max-h-72 overflow-y-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-sky-600 dark:bg-slate-900"
                data-scroll-region="y"
                data-testid="syn-flood-log"
              >
                {result.log.join("\n")}
              </pre>
            </div>
          </div>

          <LazyDetails className={box} summary="Chart data as tables">
            {() => (
              <div className="mt-2 grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
                <ScrollRegion label="Queues over time, table" content={result} className="max-h-80">
                  <table className="table w-full overflow-visible border-collapse text-right text-xs" data-testid="syn-flood-queue-table">
                    <caption className="text-left font-semibold">Queues every {result.points[1]?.t ?? 0.5} s</caption>
                    <thead>
                      <tr>
                        <th scope="col">t (s)</th>
                        <th scope="col">SYN queue</th>
                        <th scope="col">accept queue</th>
                        <th scope="col">cookies sent</th>
                        <th scope="col">listen drops</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.points.map((p) => (
                        <tr key={p.t}>
                          <th scope="row" className="font-normal">{p.t.toFixed(1)}</th>
                          <td>{p.synQueue}</td>
                          <td>{p.acceptQueue}</td>
                          <td>{p.cookiesSent}</td>
                          <td>{p.listenDrops}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
                <ScrollRegion label="Legitimate connects per second, table" content={result} className="max-h-80">
                  <table className="table w-full overflow-visible border-collapse text-right text-xs" data-testid="syn-flood-client-table">
                    <caption className="text-left font-semibold">Legitimate connects, by the second they started</caption>
                    <thead>
                      <tr>
                        <th scope="col">second</th>
                        <th scope="col">started</th>
                        <th scope="col">ok</th>
                        <th scope="col">failed</th>
                        <th scope="col">retrying</th>
                        <th scope="col">p50 ms</th>
                        <th scope="col">p95 ms</th>
                        <th scope="col">accepted</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.seconds.map((s) => (
                        <tr key={s.second}>
                          <th scope="row" className="font-normal">{s.second}</th>
                          <td>{s.started}</td>
                          <td>{s.ok}</td>
                          <td>{s.failed}</td>
                          <td>{s.pending}</td>
                          <td>{s.p50 ?? "–"}</td>
                          <td>{s.p95 ?? "–"}</td>
                          <td>{s.accepted}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </div>
            )}
          </LazyDetails>
        </div>
      ) : null}

      <LazyDetails className={box} summary="How a SYN cookie is built">
        {() => (
          <div className="mt-2">
            <CookiePanel />
          </div>
        )}
      </LazyDetails>
      <p className="m-0 text-xs text-slate-600 dark:text-slate-400">
        Shareable: the URL&apos;s <code>#{HASH_KEY}=…</code> part holds every control.
      </p>
    </section>
  );
}
