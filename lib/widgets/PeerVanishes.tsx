"use client";

// When the other side vanishes: the learner picks what happens to the peer
// (process crash, host crash, cable cut, reboot), what their own app does,
// and keepalive and give-up settings; the simulator (lib/tcp) runs it and the
// widget shows the segments, the states, and when and how the app finds out.
// The scenario and the reading of the trace live in ./peer-vanishes/model.ts;
// this file holds UI state only. Nothing moves by itself: no animation.

import { useEffect, useId, useMemo, useState } from "react";
import {
  ACT_AFTER,
  DEFAULT_CONTROLS,
  DOWNTIMES,
  EVENT_AT,
  LIMITS,
  controlsFromValue,
  controlsToValue,
  eventLogText,
  formatTime,
  outcomeHeadline,
  runPeerVanishes,
  type Activity,
  type PeerEvent,
  type PeerVanishesControls,
  type TimelineRow,
} from "../labs/peer-vanishes/model";
import { checkWholeNumber } from "../labs/fieldCheck";
import { readHashState, replaceHashState } from "./urlHashState";
import { useHashWrite } from "./useHashWrite";
import { ShareControls } from "./ShareControls";

const HASH_KEY = "peer-vanishes";
const ROWS_SHOWN = 150;

const BUTTON =
  "rounded border border-slate-400 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-300";
const INPUT =
  "w-24 rounded border border-slate-400 bg-white px-2 py-1 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60 aria-invalid:border-2 aria-invalid:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300 dark:aria-invalid:border-red-400";
const FIELDSET = "min-w-0 rounded-lg border border-slate-300 p-3 dark:border-slate-700";
const RADIO_LABEL = "flex items-start gap-2 text-sm";

const EVENT_OPTIONS: { value: PeerEvent; label: string; detail: string }[] = [
  { value: "process-crash", label: "Its process crashes", detail: "the peer's kernel lives on and closes the socket" },
  { value: "host-crash", label: "Its host crashes", detail: "power loss or kernel panic: silence" },
  { value: "cable-cut", label: "The cable is cut", detail: "both hosts live, nothing gets through" },
  { value: "reboot", label: "Its host reboots", detail: "down for a while, then back with no sockets" },
];

const ACTIVITY_OPTIONS: { value: Activity; label: string }[] = [
  { value: "idle", label: "stays idle (only reads)" },
  { value: "send", label: "sends a request" },
  { value: "close", label: "closes the connection" },
];

/**
 * A number input that accepts free typing and passes on only values inside
 * its range. Anything else stays as typed, marked invalid, with a message
 * saying what is allowed; the simulation keeps the last valid value.
 */
function NumberField(props: {
  id: string;
  label: string;
  value: number;
  limits: { min: number; max: number };
  unit?: string;
  disabled?: boolean;
  onCommit: (v: number) => void;
}) {
  const [draft, setDraft] = useState(String(props.value));
  // A value set from outside (reset, a shared link) replaces the draft.
  useEffect(() => setDraft(String(props.value)), [props.value]);
  const checked = checkWholeNumber(draft, { min: props.limits.min, max: props.limits.max, unit: props.unit });
  const errorId = `${props.id}-error`;
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={INPUT}
        value={draft}
        disabled={props.disabled}
        aria-invalid={checked.ok ? undefined : true}
        aria-describedby={checked.ok ? undefined : errorId}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = checkWholeNumber(e.target.value, props.limits);
          if (next.ok && next.value !== props.value) props.onCommit(next.value);
        }}
      />
      {checked.ok ? null : (
        <p id={errorId} className="m-0 mt-1 max-w-56 text-xs text-red-800 dark:text-red-300" data-testid={`${props.id}-error`}>
          {checked.message} The run still uses {props.value}.
        </p>
      )}
    </div>
  );
}

function rowStyle(row: TimelineRow): string {
  if (row.kind === "event") return "border-l-4 border-amber-500 bg-amber-50 dark:bg-amber-950/50";
  if (row.kind === "kernel") return "border-l-4 border-rose-600 bg-rose-50 dark:bg-rose-950/50";
  if (row.kind === "app") return "border-l-4 border-blue-600 bg-blue-50 dark:bg-blue-950/50";
  if (row.kind === "state") return "border-l-4 border-slate-300 dark:border-slate-600";
  return row.side === "you" ? "border-l-4 border-emerald-600" : "border-l-4 border-violet-600";
}

function rowLabel(row: TimelineRow): string {
  if (row.kind === "segment") return row.side === "you" ? "you → peer" : "peer → you";
  if (row.kind === "event") return "event";
  if (row.kind === "app") return "your app";
  if (row.kind === "kernel") return "your kernel";
  return "state";
}

export function PeerVanishes() {
  const id = useId();
  const [controls, setControls] = useState<PeerVanishesControls>(DEFAULT_CONTROLS);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    const fromUrl = controlsFromValue(readHashState(window.location.hash, HASH_KEY));
    if (fromUrl) setControls(fromUrl);
    setHydrated(true);
  }, []);

  // Written only once the learner changes something: opening the lesson leaves its address alone.
  useHashWrite(controls, () => replaceHashState(HASH_KEY, controlsToValue(controls)));

  const run = useMemo(() => runPeerVanishes(controls), [controls]);
  const log = useMemo(() => eventLogText(run), [run]);
  const set = <K extends keyof PeerVanishesControls>(key: K, value: PeerVanishesControls[K]) => setControls((c) => ({ ...c, [key]: value }));

  const headlineTone =
    run.outcome.how === "never"
      ? "border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100"
      : run.outcome.how === "closed"
        ? "border-slate-400 bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100"
        : "border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950/50 dark:text-emerald-100";

  return (
    <section
      data-widget="peer-vanishes"
      data-hydrated={hydrated ? "true" : undefined}
      aria-label="When the other side vanishes"
      className="my-8 space-y-5 rounded-xl border border-slate-300 bg-white p-3 text-slate-900 sm:p-5 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div>
        <div className="text-lg font-semibold">When the other side vanishes</div>
        <p className="mt-1 mb-0 text-sm text-slate-700 dark:text-slate-300">
          Your app (the client) and the peer (the server) exchange a request and a response; at {EVENT_AT} s the peer vanishes. Choose how,
          what your app does next and how your socket is set up, then read when and how your app finds out. Every segment comes from the
          simulator, which reproduces real Linux captures.
        </p>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <fieldset className={FIELDSET}>
          <legend className="px-1 text-sm font-semibold">The peer, at {EVENT_AT} s</legend>
          <div className="space-y-2">
            {EVENT_OPTIONS.map((o) => (
              <label key={o.value} className={RADIO_LABEL}>
                <input
                  type="radio"
                  name={`${id}-event`}
                  value={o.value}
                  checked={controls.event === o.value}
                  onChange={() => set("event", o.value)}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{o.label}</span>
                  <span className="block text-xs text-slate-700 dark:text-slate-300">{o.detail}</span>
                </span>
              </label>
            ))}
          </div>
          {controls.event === "process-crash" ? (
            <label className={`${RADIO_LABEL} mt-3`}>
              <input type="checkbox" checked={controls.unreadData} onChange={(e) => set("unreadData", e.target.checked)} className="mt-1" />
              <span>It had received 50 bytes it never read</span>
            </label>
          ) : null}
          {controls.event === "reboot" ? (
            <div className="mt-3">
              <label htmlFor={`${id}-down`} className="block text-sm font-medium">
                Back up after
              </label>
              <select id={`${id}-down`} className={INPUT} value={controls.downtime} onChange={(e) => set("downtime", Number(e.target.value))}>
                {DOWNTIMES.map((d) => (
                  <option key={d} value={d}>
                    {d} s
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </fieldset>

        <fieldset className={FIELDSET}>
          <legend className="px-1 text-sm font-semibold">Your app, afterwards</legend>
          <div className="space-y-2">
            {ACTIVITY_OPTIONS.map((o) => (
              <label key={o.value} className={RADIO_LABEL}>
                <input
                  type="radio"
                  name={`${id}-activity`}
                  value={o.value}
                  checked={controls.activity === o.value}
                  onChange={() => set("activity", o.value)}
                  className="mt-1"
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
          <div className="mt-3">
            <label htmlFor={`${id}-after`} className="block text-sm font-medium">
              Seconds after the event
            </label>
            <select
              id={`${id}-after`}
              className={INPUT}
              value={controls.actAfter}
              disabled={controls.activity === "idle"}
              onChange={(e) => set("actAfter", Number(e.target.value))}
            >
              {ACT_AFTER.map((d) => (
                <option key={d} value={d}>
                  {d} s
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className={FIELDSET}>
          <legend className="px-1 text-sm font-semibold">Your socket</legend>
          <label className={RADIO_LABEL}>
            <input type="checkbox" checked={controls.keepalive} onChange={(e) => set("keepalive", e.target.checked)} className="mt-1" />
            <span>SO_KEEPALIVE (off by default)</span>
          </label>
          <div className="mt-2 flex flex-wrap gap-3">
            <NumberField
              id={`${id}-idle`}
              label="TCP_KEEPIDLE (s)"
              value={controls.keepIdle}
              limits={LIMITS.keepIdle}
              unit="seconds"
              disabled={!controls.keepalive}
              onCommit={(v) => set("keepIdle", v)}
            />
            <NumberField
              id={`${id}-intvl`}
              label="TCP_KEEPINTVL (s)"
              value={controls.keepIntvl}
              limits={LIMITS.keepIntvl}
              unit="seconds"
              disabled={!controls.keepalive}
              onCommit={(v) => set("keepIntvl", v)}
            />
            <NumberField
              id={`${id}-cnt`}
              label="TCP_KEEPCNT"
              value={controls.keepCnt}
              limits={LIMITS.keepCnt}
              disabled={!controls.keepalive}
              onCommit={(v) => set("keepCnt", v)}
            />
          </div>
          <div className="mt-3 space-y-2" role="radiogroup" aria-label="Give up on unanswered data by">
            <label className={RADIO_LABEL}>
              <input
                type="radio"
                name={`${id}-giveup`}
                checked={controls.giveUp === "retries2"}
                onChange={() => set("giveUp", "retries2")}
                className="mt-1"
              />
              <span>tcp_retries2 budget</span>
            </label>
            <label className={RADIO_LABEL}>
              <input
                type="radio"
                name={`${id}-giveup`}
                checked={controls.giveUp === "user-timeout"}
                onChange={() => set("giveUp", "user-timeout")}
                className="mt-1"
              />
              <span>TCP_USER_TIMEOUT</span>
            </label>
          </div>
          <div className="mt-2 flex flex-wrap gap-3">
            <NumberField
              id={`${id}-retries2`}
              label="net.ipv4.tcp_retries2"
              value={controls.retries2}
              limits={LIMITS.retries2}
              disabled={controls.giveUp !== "retries2"}
              onCommit={(v) => set("retries2", v)}
            />
            <NumberField
              id={`${id}-ut`}
              label="TCP_USER_TIMEOUT (s)"
              value={controls.userTimeout}
              limits={LIMITS.userTimeout}
              unit="seconds"
              disabled={controls.giveUp !== "user-timeout"}
              onCommit={(v) => set("userTimeout", v)}
            />
          </div>
        </fieldset>
      </div>

      <div className={`rounded-lg border-l-4 p-3 ${headlineTone}`} role="status" aria-live="polite" data-testid="pv-outcome">
        <p className="m-0 text-sm font-semibold uppercase tracking-wide">How your app finds out</p>
        <p className="mt-1 mb-0 text-base font-semibold" data-testid="pv-headline">
          {outcomeHeadline(run)}
        </p>
        {run.signals.length > 0 ? (
          <ul className="mt-2 mb-0 space-y-1 pl-5 text-sm" data-testid="pv-signals">
            {run.signals.map((s) => (
              <li key={`${s.how}-${s.t}`}>
                <span className="font-mono">{formatTime(s.t)}</span>: {s.text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 mb-0 text-sm">{run.outcome.text}</p>
        )}
      </div>

      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-semibold">Your socket at the end</dt>
          <dd className="m-0" data-testid="pv-your-state">
            {run.yourFinalState}
            {run.retransmissions > 0 ? `, after ${run.retransmissions} retransmission${run.retransmissions === 1 ? "" : "s"}` : ""}
            {run.probes > 0 ? `, ${run.probes} keepalive probe${run.probes === 1 ? "" : "s"}` : ""}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">The peer's socket</dt>
          <dd className="m-0" data-testid="pv-peer-state">
            {run.peerFinalState}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="font-semibold">nstat on your host</dt>
          <dd className="m-0 font-mono text-xs break-words" data-testid="pv-nstat">
            {run.nstat.map((n) => `${n.name} ${n.value}`).join(" · ")}
          </dd>
        </div>
      </dl>

      <div>
        <h3 className="m-0 text-base font-semibold" id={`${id}-timeline`}>
          Timeline ({run.rows.length} events; times since the start, the peer vanishes at {EVENT_AT} s)
        </h3>
        <ol className="m-0 mt-2 list-none space-y-1 p-0" aria-labelledby={`${id}-timeline`} data-testid="pv-timeline">
          {run.rows.slice(0, ROWS_SHOWN).map((row, i) => (
            <li
              key={i}
              className={`flex flex-wrap items-baseline gap-x-3 rounded px-2 py-1 text-sm ${rowStyle(row)}`}
              data-kind={row.kind}
              data-lost={row.lost ? "true" : undefined}
            >
              <span className="w-24 shrink-0 font-mono text-xs">{formatTime(row.t).replace(/ \(.*\)$/, "")}</span>
              <span className="shrink-0 text-xs font-semibold text-slate-700 sm:w-24 dark:text-slate-300">{rowLabel(row)}</span>
              <span
                className={`order-last w-full min-w-0 break-words sm:order-none sm:w-auto sm:flex-1 ${row.lost ? "text-slate-600 line-through decoration-1 dark:text-slate-400" : ""}`}
              >
                {row.kind === "segment" ? row.text.replace(/^(you → peer|peer → you)\s+/, "").replace(/\s+lost$/, "") : row.text}
              </span>
              {row.lost ? (
                <span className="rounded bg-slate-200 px-1 text-xs font-semibold text-slate-900 dark:bg-slate-700 dark:text-slate-100">lost</span>
              ) : null}
            </li>
          ))}
        </ol>
        {run.rows.length > ROWS_SHOWN ? (
          <p className="m-0 mt-1 text-xs text-slate-700 dark:text-slate-300">
            Showing the first {ROWS_SHOWN} of {run.rows.length} events; Copy event log copies them all.
          </p>
        ) : null}
      </div>

      <div>
        <h3 className="m-0 text-base font-semibold" id={`${id}-log`}>
          Event log
        </h3>
        <pre
          className="m-0 mt-1 max-h-64 overflow-y-auto rounded bg-slate-100 p-2 font-mono text-xs leading-5 break-words whitespace-pre-wrap text-slate-900 dark:bg-slate-900 dark:text-slate-100"
          data-testid="pv-log"
          aria-labelledby={`${id}-log`}
          tabIndex={0}
        >
          {log}
        </pre>
      </div>

      <ShareControls log={log} resetLabel="Back to the defaults" onReset={() => setControls(DEFAULT_CONTROLS)} buttonClassName={BUTTON} />
    </section>
  );
}
