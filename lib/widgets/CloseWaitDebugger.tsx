"use client";

// Debugging CLOSE-WAIT: a simulated server leaks a socket on one code path.
// The learner advances time and reads the host's `ss -tan` and netstat
// output, finds the leaking line in the listing, deploys the fix and watches
// CLOSE-WAIT drain, and sees what the peers see. Every number comes from a
// lib/tcp trace (./close-wait-debugger/scenario.ts builds the scenario,
// ./close-wait-debugger/tables.ts reads the trace); this file holds UI state.

import { useEffect, useId, useMemo, useState } from "react";
import { simulateDetailed } from "@/lib/tcp";
import { FIXED_BRANCH, LEAK_LINE, LISTING, REVEALED_LEAK, hintFor } from "../labs/close-wait-debugger/listing";
import {
  buildScenario,
  controlsFromValue,
  DEFAULT_DEBUGGER_CONTROLS,
  DURATION,
  EMPTY_EVERY,
  RATES,
  type DebuggerControls,
} from "../labs/close-wait-debugger/scenario";
import {
  awkSummary,
  clientResets,
  countByState,
  eventLog,
  indexTrace,
  peerSockets,
  serverFdCount,
  serverSockets,
  ssOutput,
} from "../labs/close-wait-debugger/tables";
import { readHashState, replaceHashState } from "./urlHashState";
import { useHashWrite } from "./useHashWrite";
import { ShareControls } from "./ShareControls";
import { useReducedMotion } from "./time-wait-load/useReducedMotion";
import { ScrollRegion } from "./close-wait-debugger/ScrollRegion";

const HASH_KEY = "close-wait";
const LOG_LINES_SHOWN = 200;

const BUTTON =
  "rounded border border-slate-400 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-300";
const INPUT =
  "rounded border border-slate-400 bg-white px-2 py-1 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300";
// Short outputs wrap (a command line may break across lines); the column-aligned ones (ss, the event log) scroll sideways instead.
const PRE = "m-0 rounded bg-slate-100 p-2 font-mono text-xs leading-5 break-words whitespace-pre-wrap text-slate-900 dark:bg-slate-900 dark:text-slate-100";
const TERMINAL = "rounded bg-slate-100 text-slate-900 dark:bg-slate-900 dark:text-slate-100";
const TERMINAL_PRE = "m-0 w-max min-w-full overflow-visible rounded-none border-0 bg-transparent p-2 font-mono text-xs leading-5";

/** What the learner has done about the puzzle: nothing yet, a guess checked, or asked for the answer. */
type Verdict = { line: number; text: string; right: boolean; revealed: boolean };

export function CloseWaitDebugger() {
  const id = useId();
  const reducedMotion = useReducedMotion();
  const [controls, setControls] = useState<DebuggerControls>(DEFAULT_DEBUGGER_CONTROLS);
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    const fromUrl = controlsFromValue(readHashState(window.location.hash, HASH_KEY));
    if (fromUrl) {
      setControls(fromUrl.controls);
      setT(fromUrl.t);
      if (fromUrl.controls.fixAt !== null) {
        setPicked(LEAK_LINE);
        setVerdict({ line: LEAK_LINE, text: hintFor(LEAK_LINE), right: true, revealed: false });
      }
    }
    setHydrated(true);
  }, []);

  useHashWrite({ controls, t }, () => replaceHashState(HASH_KEY, { ...controls, t }));

  // Re-simulated only when the scenario changes, never when time moves.
  const sim = useMemo(() => {
    const { scenario, plan } = buildScenario(controls);
    const trace = simulateDetailed(scenario, { until: DURATION });
    return indexTrace(trace, plan);
  }, [controls]);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      setT((now) => {
        const next = Math.min(DURATION, now + 5);
        if (next >= DURATION) setPlaying(false);
        return next;
      });
    }, 300);
    return () => window.clearInterval(timer);
  }, [playing]);

  const server = serverSockets(sim, t);
  const peers = peerSockets(sim, t);
  const serverCounts = countByState(server);
  const peerCounts = countByState(peers);
  const closeWait = serverCounts.get("CLOSE-WAIT") ?? 0;
  const log = eventLog(sim, t);
  const logText = log.map((l) => l.text).join("\n");
  const fixed = controls.fixAt !== null;

  const step = (dt: number) => {
    setPlaying(false);
    setT((now) => Math.min(DURATION, Math.max(0, now + dt)));
  };
  const play = () => {
    if (reducedMotion) {
      step(60);
      return;
    }
    if (t >= DURATION) setT(0);
    setPlaying((p) => !p);
  };
  const check = () => {
    if (picked === null) return;
    setVerdict({ line: picked, text: hintFor(picked), right: picked === LEAK_LINE, revealed: false });
  };
  // A deliberate give-up: the answer is never on screen before the learner has guessed or asked.
  const reveal = () => {
    setPicked(LEAK_LINE);
    setVerdict({ line: LEAK_LINE, text: REVEALED_LEAK, right: true, revealed: true });
  };
  // The diagnosis (who failed to call close()) waits for a guess or the give-up, like the leaking line.
  const diagnosed = verdict !== null;
  const deploy = () => {
    setControls((c) => ({ ...c, fixAt: Math.round(t * 10) / 10 }));
  };

  return (
    <section
      data-widget="close-wait-debugger"
      data-hydrated={hydrated ? "true" : undefined}
      aria-label="CLOSE-WAIT debugger"
      className="my-8 space-y-5 rounded-xl border border-slate-300 bg-white p-3 text-slate-900 sm:p-5 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div>
        <div className="text-lg font-semibold">Debugging CLOSE-WAIT</div>
        <p className="mt-1 mb-0 text-sm text-slate-700 dark:text-slate-300">
          A server on 10.0.0.10:8080 answers clients. Some clients connect and close without sending anything. Advance time, read what
          the host&apos;s tools print, find the leaking line, deploy the fix.
        </p>
      </div>

      <fieldset className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Traffic</legend>
        <div>
          <label htmlFor={`${id}-rate`} className="block text-sm font-medium">
            New connections per second
          </label>
          <select
            id={`${id}-rate`}
            className={INPUT}
            value={controls.rate}
            onChange={(e) => setControls((c) => ({ ...c, rate: Number(e.target.value) as DebuggerControls["rate"] }))}
          >
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-empty`} className="block text-sm font-medium">
            Clients that close without a request
          </label>
          <select
            id={`${id}-empty`}
            className={INPUT}
            value={controls.emptyEvery}
            onChange={(e) => setControls((c) => ({ ...c, emptyEvery: Number(e.target.value) as DebuggerControls["emptyEvery"] }))}
          >
            {EMPTY_EVERY.map((n) => (
              <option key={n} value={n}>
                1 in {n}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">
          Time: <span data-testid="cw-time">{t} s</span> of {DURATION} s
        </span>
        <button type="button" className={BUTTON} onClick={() => step(-10)} disabled={t <= 0}>
          −10 s
        </button>
        <button type="button" className={BUTTON} onClick={() => step(1)} disabled={t >= DURATION}>
          +1 s
        </button>
        <button type="button" className={BUTTON} onClick={() => step(10)} disabled={t >= DURATION}>
          +10 s
        </button>
        <button type="button" className={BUTTON} onClick={() => step(60)} disabled={t >= DURATION}>
          +60 s
        </button>
        <button type="button" className={BUTTON} onClick={play} aria-pressed={playing}>
          {playing ? "Pause" : reducedMotion ? "Play (+60 s)" : "Play"}
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => {
            setPlaying(false);
            setT(0);
          }}
        >
          Back to 0 s
        </button>
      </div>

      {/* ss gets the full width: its columns need about 80 characters, more than half a wide screen. */}
      <div className="min-w-0 space-y-2">
        <h3 className="m-0 text-base font-semibold">On the server: ss -tan</h3>
        <ScrollRegion label="ss -tan output on the server" testId="ss-output" className={`${TERMINAL} max-h-64 overflow-y-auto`}>
          <pre className={TERMINAL_PRE}>{`$ ss -tan\n${ssOutput(server, 40)}`}</pre>
        </ScrollRegion>
      </div>
      <div className="min-w-0 space-y-2">
        <h3 className="m-0 text-base font-semibold">On the server: states counted</h3>
        <div className="grid gap-2 lg:grid-cols-2">
          <pre className={PRE} data-testid="netstat-output">
            {`$ netstat -nat | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'\n${awkSummary(server)}`}
          </pre>
          <pre className={PRE} data-testid="fd-output">
            {`$ ls /proc/$(pidof server)/fd | wc -l\n${serverFdCount(sim, t, controls.fixAt)}`}
          </pre>
        </div>
        <p className="m-0 text-sm" role="status" data-testid="close-wait-count">
          {closeWait === 0
            ? fixed
              ? `No socket in CLOSE-WAIT: the fix was deployed at ${controls.fixAt} s.`
              : "No socket in CLOSE-WAIT yet."
            : `${closeWait} socket${closeWait === 1 ? "" : "s"} in CLOSE-WAIT${diagnosed ? ": the peer sent FIN and this process never called close()." : "."}`}
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="m-0 text-base font-semibold">What the peers see</h3>
        <ul className="m-0 list-disc space-y-1 pl-5 text-sm" data-testid="peer-view">
          <li>
            FIN-WAIT-2: <strong>{peerCounts.get("FIN-WAIT-2") ?? 0}</strong> (they closed and wait for the server&apos;s FIN; an orphaned
            FIN-WAIT-2 is dropped after tcp_fin_timeout, 60 s)
          </li>
          <li>
            TIME-WAIT: <strong>{peerCounts.get("TIME-WAIT") ?? 0}</strong>
          </li>
          <li>
            RSTs sent to the server so far: <strong>{clientResets(sim, t)}</strong> (a segment for a connection the peer has already
            forgotten is answered with RST)
          </li>
        </ul>
      </div>

      <div className="space-y-2">
        <h3 className="m-0 text-base font-semibold" id={`${id}-listing`}>
          The server&apos;s code: which line leaks the socket?
        </h3>
        <div role="radiogroup" aria-labelledby={`${id}-listing`} className="rounded bg-slate-100 p-2 dark:bg-slate-900" data-testid="listing">
          {LISTING.map((line) => {
            const shown = fixed && line.n === LEAK_LINE ? "        close(fd);          /* fixed */ return;" : line.code;
            return (
              <label
                key={line.n}
                className={`flex cursor-pointer items-start gap-2 rounded px-1 font-mono text-xs leading-5 focus-within:outline-2 focus-within:outline-blue-700 dark:focus-within:outline-blue-300 ${
                  picked === line.n ? "bg-amber-100 dark:bg-amber-900" : ""
                }`}
              >
                <input
                  type="radio"
                  name={`${id}-line`}
                  value={line.n}
                  checked={picked === line.n}
                  onChange={() => setPicked(line.n)}
                  className="sr-only"
                  aria-label={`Line ${line.n}: ${line.code.trim() === "" ? "blank" : line.code.trim()}`}
                />
                <span aria-hidden="true" className="w-6 shrink-0 text-right text-slate-600 select-none dark:text-slate-400">
                  {line.n}
                </span>
                {/* Long lines wrap on a narrow screen, keeping their indentation. */}
                <span aria-hidden="true" className="min-w-0 break-words whitespace-pre-wrap">
                  {shown || " "}
                </span>
              </label>
            );
          })}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={BUTTON} onClick={check} disabled={picked === null}>
            This line leaks
          </button>
          <button type="button" className={BUTTON} onClick={deploy} disabled={!verdict?.right || fixed} data-testid="deploy-fix">
            {fixed ? `Fix deployed at ${controls.fixAt} s` : `Deploy the fix (restart at ${t} s)`}
          </button>
          {verdict?.right ? null : (
            <button type="button" className={BUTTON} onClick={reveal} data-testid="reveal-leak">
              Give up: show the leaking line
            </button>
          )}
        </div>
        {verdict ? (
          <p role="status" className={`m-0 text-sm ${verdict.right ? "text-emerald-800 dark:text-emerald-300" : "text-amber-900 dark:text-amber-200"}`} data-testid="line-verdict">
            Line {verdict.line}: {verdict.text}
          </p>
        ) : (
          <p className="m-0 text-sm text-slate-700 dark:text-slate-300" data-testid="puzzle-prompt">
            Pick a line and press This line leaks; each wrong line gets a hint. The diagnosis stays hidden until you have guessed or given up.
          </p>
        )}
        {fixed ? (
          <div className="space-y-1">
            <p className="m-0 text-sm font-medium">The fixed branch:</p>
            <pre className={PRE} data-testid="fixed-branch">
              {FIXED_BRANCH}
            </pre>
          </div>
        ) : null}
      </div>

      <div>
        <h3 className="m-0 text-base font-semibold" id={`${id}-log`}>
          Event log up to {t} s
        </h3>
        <p className="m-0 text-xs text-slate-700 dark:text-slate-300">
          {log.length > LOG_LINES_SHOWN ? `Showing the last ${LOG_LINES_SHOWN} of ${log.length} events; Copy event log copies them all.` : `${log.length} events.`}
        </p>
        <div className="mt-1">
          <ScrollRegion labelledBy={`${id}-log`} testId="event-log" className={`${TERMINAL} max-h-64 overflow-y-auto`}>
            <pre className={TERMINAL_PRE}>{log.slice(-LOG_LINES_SHOWN).map((l) => l.text).join("\n")}</pre>
          </ScrollRegion>
        </div>
      </div>

      <ShareControls
        log={logText}
        resetLabel="Start over"
        onReset={() => {
          setControls(DEFAULT_DEBUGGER_CONTROLS);
          setT(0);
          setPicked(null);
          setVerdict(null);
        }}
        buttonClassName={BUTTON}
      />
    </section>
  );
}
