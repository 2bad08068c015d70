/**
 * "When the other side vanishes" as lib/tcp scenarios: the pure model behind
 * the PeerVanishes widget (and the lesson's exercises and simulator task).
 *
 * Your app is the client; the peer is the server. They exchange one request
 * and one response (so the client has an RTT sample and a LAN-sized RTO of
 * about 200 ms), then at EVENT_AT the peer vanishes in one of four ways:
 *  - its process crashes: the peer's kernel closes the socket (FIN, or RST
 *    when the process left received data unread) and the listener;
 *  - its host crashes: from then on it sends nothing and answers nothing;
 *  - the cable is cut: nothing crosses in either direction, both hosts live;
 *  - it reboots: down for `downtime` seconds, then back with no sockets
 *    (the service listens again), so segments of the old connection draw RST.
 * Your app then stays idle, sends a request, or closes, `actAfter` seconds
 * after the event, with keepalive and the give-up limit as set.
 *
 * buildScenario() turns the controls into a scenario; readRun() reads the
 * trace back into what the widget shows: a timeline, when and how your app
 * learns, and the counters nstat would show. No React, no DOM.
 */
import { LINUX_DEFAULTS, parseScenario, simulateDetailed, SYSCTL_RANGES, type DetailedTrace, type Scenario } from "@/lib/tcp";

export const EVENTS = ["process-crash", "host-crash", "cable-cut", "reboot"] as const;
export type PeerEvent = (typeof EVENTS)[number];
export const ACTIVITIES = ["idle", "send", "close"] as const;
export type Activity = (typeof ACTIVITIES)[number];
export const GIVE_UP = ["retries2", "user-timeout"] as const;
export type GiveUp = (typeof GIVE_UP)[number];

export const ACT_AFTER = [1, 5, 30, 120, 600] as const;
export const DOWNTIMES = [2, 10, 30, 60, 300] as const;

export interface PeerVanishesControls {
  event: PeerEvent;
  /** Process crash only: the peer's process had received bytes it never read (its kernel then sends RST, not FIN). */
  unreadData: boolean;
  /** Reboot only: seconds the peer is down before it answers again. */
  downtime: number;
  activity: Activity;
  /** Seconds after the event at which your app sends or closes. */
  actAfter: number;
  /** SO_KEEPALIVE on your app's socket, with TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT. */
  keepalive: boolean;
  keepIdle: number;
  keepIntvl: number;
  keepCnt: number;
  giveUp: GiveUp;
  /** net.ipv4.tcp_retries2 (used when giveUp is "retries2"). */
  retries2: number;
  /** TCP_USER_TIMEOUT in seconds on your app's socket (used when giveUp is "user-timeout"). */
  userTimeout: number;
}

/** Linux defaults: keepalive off (7200/75/9 when on), tcp_retries2 = 15. */
export const DEFAULT_CONTROLS: PeerVanishesControls = {
  event: "host-crash",
  unreadData: false,
  downtime: 30,
  activity: "send",
  actAfter: 5,
  keepalive: false,
  keepIdle: LINUX_DEFAULTS.tcp_keepalive_time,
  keepIntvl: LINUX_DEFAULTS.tcp_keepalive_intvl,
  keepCnt: LINUX_DEFAULTS.tcp_keepalive_probes,
  giveUp: "retries2",
  retries2: LINUX_DEFAULTS.tcp_retries2,
  userTimeout: 30,
};

/** Accepted ranges, as the kernel accepts them (TCP_KEEPIDLE/INTVL 1..32767 s, TCP_KEEPCNT 1..127, tcp_retries2 0..255). */
export const LIMITS = {
  keepIdle: SYSCTL_RANGES.tcp_keepalive_time,
  keepIntvl: SYSCTL_RANGES.tcp_keepalive_intvl,
  keepCnt: SYSCTL_RANGES.tcp_keepalive_probes,
  retries2: { min: 1, max: 20 },
  userTimeout: { min: 1, max: 3600 },
} as const;

/** The peer vanishes at this time (s); the request/response before it ends at 0.8 s. */
export const EVENT_AT = 2;
/** How long after the last scheduled call the simulation runs: enough for the default keepalive (7200 + 9 x 75 s). */
export const HORIZON = 8100;

export const YOU = "client";
export const PEER = "server";

const round3 = (t: number) => Math.round(t * 1000) / 1000;

export function actAt(c: PeerVanishesControls): number {
  return EVENT_AT + c.actAfter;
}

export function rebootAt(c: PeerVanishesControls): number | null {
  return c.event === "reboot" ? EVENT_AT + c.downtime : null;
}

/** The scenario (docs/scenario-format.md shape) for these controls. */
export function scenarioJson(c: PeerVanishesControls) {
  const connect: Record<string, unknown> = { t: 0.1, host: YOU, call: "connect" };
  if (c.keepalive) connect.keepalive = { idle: c.keepIdle, intvl: c.keepIntvl, cnt: c.keepCnt };
  if (c.giveUp === "user-timeout") connect.userTimeout = c.userTimeout * 1000;
  const steps: Record<string, unknown>[] = [
    { t: 0, host: PEER, call: "listen", backlog: 128 },
    connect,
    { t: 0.2, host: PEER, call: "accept" },
    { t: 0.5, host: YOU, call: "send", bytes: 100 },
    { t: 0.6, host: PEER, call: "recv" },
    { t: 0.7, host: PEER, call: "send", bytes: 300 },
    { t: 0.8, host: YOU, call: "recv" },
  ];
  const faults: Record<string, unknown>[] = [];
  if (c.event === "process-crash") {
    // 50 more bytes reach the peer, which never reads them: its kernel then resets instead of closing
    if (c.unreadData) steps.push({ t: 1.5, host: YOU, call: "send", bytes: 50 });
    // exit(): the kernel closes every descriptor, the connection and then the listening socket
    steps.push({ t: EVENT_AT, host: PEER, call: "close" }, { t: EVENT_AT, host: PEER, call: "close" });
  } else if (c.event === "host-crash") {
    steps.push({ t: EVENT_AT, host: PEER, call: "crash" });
  } else if (c.event === "cable-cut") {
    faults.push({ from: YOU, drop: "all", after: EVENT_AT }, { from: PEER, drop: "all", after: EVENT_AT });
  } else {
    const back = rebootAt(c)!;
    steps.push({ t: EVENT_AT, host: PEER, call: "crash" }, { t: back, host: PEER, call: "reboot" }, { t: back, host: PEER, call: "listen", backlog: 128 });
  }
  if (c.activity === "send") steps.push({ t: actAt(c), host: YOU, call: "send", bytes: 100 });
  else if (c.activity === "close") steps.push({ t: actAt(c), host: YOU, call: "close" });
  const sysctl: Record<string, number> = {};
  if (c.giveUp === "retries2" && c.retries2 !== 15) sysctl.tcp_retries2 = c.retries2;
  return { name: "peer-vanishes", sysctl, network: { delay: 0 }, steps, faults };
}

export function buildScenario(c: PeerVanishesControls): Scenario {
  const parsed = parseScenario(scenarioJson(c));
  if (!parsed.ok) throw new Error(`peer-vanishes scenario: ${parsed.error}`);
  return parsed.scenario;
}

export function endOf(c: PeerVanishesControls): number {
  return Math.max(actAt(c), rebootAt(c) ?? 0) + HORIZON;
}

export function simulateRun(c: PeerVanishesControls): DetailedTrace {
  return simulateDetailed(buildScenario(c), { until: endOf(c) });
}

// ------------------------------------------------------------------ reading

export type RowKind = "segment" | "state" | "event" | "app" | "kernel";

export interface TimelineRow {
  t: number;
  kind: RowKind;
  /** Whose row: your host, the peer, or the network. */
  side: "you" | "peer" | "network";
  text: string;
  /** Segments only. */
  flags?: string;
  direction?: "to-peer" | "to-you";
  lost?: boolean;
  /** Segments only: a retransmission, a keepalive probe, or a reset. */
  role?: "data" | "retransmission" | "probe" | "reset" | "fin" | "handshake" | "ack";
}

export type LearnHow = "EOF" | "ECONNRESET" | "EPIPE" | "ETIMEDOUT" | "never" | "closed";

export interface Signal {
  t: number;
  how: LearnHow;
  /** One sentence: what your app sees and why. */
  text: string;
}

export interface PeerVanishesRun {
  controls: PeerVanishesControls;
  rows: TimelineRow[];
  /** What your app sees, in order (empty: it never finds out). */
  signals: Signal[];
  /** The headline: the first signal, or "never" / "closed". */
  outcome: Signal;
  yourFinalState: string;
  peerFinalState: string;
  /** Your host's counters, named as nstat names them. */
  nstat: { name: string; value: number }[];
  retransmissions: number;
  probes: number;
  /** When your kernel gave the connection up (ETIMEDOUT or orphan limit), if it did. */
  gaveUpAt: number | null;
}

function describeSegment(s: DetailedTrace["detailed"][number], role: TimelineRow["role"]): string {
  const ack = s.ack === null ? "" : ` ack ${s.ack}`;
  const len = s.len > 0 ? ` len ${s.len}` : "";
  const what =
    role === "retransmission"
      ? " (retransmission)"
      : role === "probe"
        ? " (keepalive probe: seq = snd_una - 1, no data)"
        : role === "reset"
          ? " (reset)"
          : "";
  return `[${s.flags}] seq ${s.seq}${ack}${len}${what}`;
}

const EVENT_TEXT: Record<PeerEvent, (c: PeerVanishesControls) => string> = {
  "process-crash": (c) =>
    c.unreadData
      ? "The peer's process crashes with 50 bytes unread: its kernel closes the socket with RST"
      : "The peer's process crashes: its kernel closes the socket (FIN) and the listener",
  "host-crash": () => "The peer's host crashes: from now on it sends nothing and answers nothing",
  "cable-cut": () => "The cable is cut: nothing gets through in either direction; both hosts keep running",
  reboot: (c) => `The peer's host crashes; it will be back in ${c.downtime} s with no memory of any connection`,
};

/** Reads a simulated run into what the widget shows. */
export function readRun(c: PeerVanishesControls, trace: DetailedTrace): PeerVanishesRun {
  const rows: TimelineRow[] = [];
  // segments, classified per sender: retransmissions repeat earlier data; a probe is a pure ACK one below snd_nxt
  const nextSeq = new Map<string, number>();
  const seen = new Map<string, Set<string>>();
  let retransmissions = 0;
  let probes = 0;
  for (const s of trace.detailed) {
    const mine = s.from === YOU;
    const sent = seen.get(s.from) ?? new Set<string>();
    seen.set(s.from, sent);
    const syn = s.flags.includes("S");
    const fin = s.flags.includes("F");
    const rst = s.flags.includes("R");
    const space = s.len + (syn ? 1 : 0) + (fin ? 1 : 0);
    const key = `${s.seq}/${space}`;
    const next = nextSeq.get(s.from) ?? 0;
    let role: TimelineRow["role"];
    if (rst) role = "reset";
    else if (syn) role = "handshake";
    else if (space > 0 && sent.has(key)) role = "retransmission";
    else if (space === 0 && s.seq === next - 1) role = "probe";
    else if (fin) role = "fin";
    else if (space > 0) role = "data";
    else role = "ack";
    if (space > 0) sent.add(key);
    if (!rst) nextSeq.set(s.from, Math.max(next, s.seq + space));
    if (mine && role === "retransmission") retransmissions++;
    if (mine && role === "probe") probes++;
    rows.push({
      t: s.t,
      kind: "segment",
      side: mine ? "you" : "peer",
      direction: mine ? "to-peer" : "to-you",
      flags: s.flags,
      lost: s.dropped,
      role,
      text: `${mine ? "you → peer" : "peer → you"}  ${describeSegment(s, role)}${s.dropped ? "  lost" : ""}`,
    });
  }
  for (const st of trace.detailedStates) {
    if (st.host === PEER && st.conn === null) {
      rows.push({ t: st.t, kind: "state", side: "peer", text: `peer's listening socket: ${st.state}` });
      continue;
    }
    rows.push({ t: st.t, kind: "state", side: st.host === YOU ? "you" : "peer", text: `${st.host === YOU ? "your socket" : "peer's socket"}: ${st.state}` });
  }
  rows.push({ t: EVENT_AT, kind: "event", side: c.event === "cable-cut" ? "network" : "peer", text: EVENT_TEXT[c.event](c) });
  const back = rebootAt(c);
  if (back !== null) rows.push({ t: back, kind: "event", side: "peer", text: "The peer is back up: no sockets from before the crash; its service listens again" });
  if (c.activity !== "idle") {
    const call = trace.calls.find((x) => x.host === YOU && x.t === actAt(c) && (x.call === "send" || x.call === "close"));
    const text = c.activity === "send" ? `Your app calls send(100 bytes): ${call?.result ?? "?"}` : "Your app calls close()";
    rows.push({ t: actAt(c), kind: "app", side: "you", text });
  }
  const abort = trace.aborts.find((a) => a.host === YOU);
  if (abort) {
    rows.push({
      t: abort.t,
      kind: "kernel",
      side: "you",
      text:
        abort.error === "ETIMEDOUT"
          ? `Your kernel gives up on the connection: ETIMEDOUT (${probes > 0 && retransmissions === 0 ? "keepalive probes unanswered" : "retransmissions unanswered"})`
          : `Your kernel takes the RST: the connection is gone (${abort.error})`,
    });
  }
  const order: Record<RowKind, number> = { event: 0, app: 1, segment: 2, state: 3, kernel: 4 };
  rows.sort((a, b) => a.t - b.t || order[a.kind] - order[b.kind]);

  // What your app sees
  const signals: Signal[] = [];
  const yourStates = trace.detailedStates.filter((s) => s.host === YOU);
  const closeWait = yourStates.find((s) => s.state === "CLOSE-WAIT");
  const closedByApp = c.activity === "close";
  if (closeWait && !(closedByApp && closeWait.t > actAt(c))) {
    signals.push({ t: closeWait.t, how: "EOF", text: "The peer's FIN arrived: recv() returns 0 (end of file). The peer will send nothing more." });
  }
  if (abort && !(closedByApp && abort.t >= actAt(c))) {
    const text =
      abort.error === "ETIMEDOUT"
        ? probes > 0 && retransmissions === 0
          ? `${probes} keepalive probe${probes === 1 ? "" : "s"} went unanswered: your kernel resets the connection and the next recv() or send() fails with ETIMEDOUT.`
          : `${retransmissions} retransmission${retransmissions === 1 ? "" : "s"} went unanswered: your kernel drops the connection (no RST) and the next recv() or send() fails with ETIMEDOUT.`
        : abort.error === "EPIPE"
          ? "An RST came back: the peer's side of this connection was already closed. The connection is gone; send() now fails with EPIPE (and raises SIGPIPE unless MSG_NOSIGNAL is set)."
          : "An RST answered your segment: the peer has no such connection any more. recv() fails with ECONNRESET, a later send() with EPIPE.";
    signals.push({ t: abort.t, how: abort.error as LearnHow, text });
  }
  const yourLast = yourStates[yourStates.length - 1]?.state ?? "CLOSED";
  const gaveUp = abort?.error === "ETIMEDOUT" ? abort.t : closedByApp && yourLast === "CLOSED" && !abort ? (yourStates[yourStates.length - 1]?.t ?? null) : null;
  let outcome: Signal;
  if (signals.length > 0) outcome = signals[0]!;
  else if (closedByApp) {
    const end = yourStates[yourStates.length - 1];
    outcome = {
      t: end?.t ?? actAt(c),
      how: "closed",
      text:
        end && end.state === "CLOSED"
          ? abort && abort.error !== "ETIMEDOUT"
            ? "Your app had already closed: the RST only ends the socket your kernel kept to finish the close."
            : `Your app had already closed, so it learns nothing. Your kernel retransmitted its FIN ${retransmissions} times (the limit for a closed socket is tcp_orphan_retries) and then dropped the socket without a word.`
          : `Your app had already closed. Your kernel's socket is still in ${end?.state ?? "?"} at the end.`,
    };
  } else {
    outcome = {
      t: endOf(c),
      how: "never",
      text:
        c.keepalive || c.activity === "send"
          ? "Your app never finds out in the time shown."
          : `Your app never finds out: nothing arrives and it sends nothing, so its socket stays ${yourLast} (half-open) for as long as the app keeps it. Turn keepalive on or send something.`,
    };
  }
  const peerStates = trace.detailedStates.filter((s) => s.host === PEER && s.conn !== null);
  const peerLast = peerStates[peerStates.length - 1];
  const peerFinalState =
    c.event === "host-crash"
      ? `gone with the host (it was ${peerLast?.state ?? "?"} when the host died)`
      : c.event === "reboot"
        ? "forgotten when the peer rebooted"
        : (peerLast?.state ?? "CLOSED");
  const counters = trace.counters[YOU]!.host;
  const nstat = [
    { name: "TcpRetransSegs", value: counters.RetransSegs },
    { name: "TcpExtTCPLossProbes", value: counters.TCPLossProbes },
    { name: "TcpExtTCPKeepAlive", value: counters.TCPKeepAlive },
    { name: "TcpExtTCPAbortOnTimeout", value: counters.TCPAbortOnTimeout },
    { name: "TcpOutRsts", value: counters.OutRsts },
  ];
  return {
    controls: c,
    rows,
    signals,
    outcome,
    yourFinalState: yourLast,
    peerFinalState,
    nstat,
    retransmissions,
    probes,
    gaveUpAt: gaveUp,
  };
}

export function runPeerVanishes(c: PeerVanishesControls): PeerVanishesRun {
  return readRun(c, simulateRun(c));
}

// ------------------------------------------------------------- text output

/** "12.345 s", or minutes and hours for long times. */
export function formatTime(t: number): string {
  const r = round3(t);
  if (r < 600) return `${r.toFixed(3)} s`;
  const h = Math.floor(r / 3600);
  const m = Math.floor((r % 3600) / 60);
  const s = r % 60;
  return `${r.toFixed(1)} s (${h > 0 ? `${h} h ` : ""}${m} min ${s.toFixed(1)} s)`;
}

export function outcomeHeadline(run: PeerVanishesRun): string {
  const o = run.outcome;
  if (o.how === "never") return "Never: your app is not told";
  if (o.how === "closed") return "Nothing to tell: your app had already closed";
  const after = round3(o.t - EVENT_AT);
  const what = o.how === "EOF" ? "EOF (recv() returns 0)" : o.how;
  return `${what}, ${after} s after the peer vanished`;
}

export function describeControls(c: PeerVanishesControls): string {
  const event =
    c.event === "process-crash"
      ? `peer process crash${c.unreadData ? " with unread data" : ""}`
      : c.event === "reboot"
        ? `peer reboot (down ${c.downtime} s)`
        : c.event === "host-crash"
          ? "peer host crash"
          : "cable cut";
  const act = c.activity === "idle" ? "your app idle" : `your app ${c.activity === "send" ? "sends" : "closes"} ${c.actAfter} s later`;
  const ka = c.keepalive ? `keepalive on (idle ${c.keepIdle} s, intvl ${c.keepIntvl} s, cnt ${c.keepCnt})` : "keepalive off";
  const limit = c.giveUp === "retries2" ? `tcp_retries2=${c.retries2}` : `TCP_USER_TIMEOUT=${c.userTimeout * 1000} ms`;
  return `${event}; ${act}; ${ka}; ${limit}`;
}

/** The copyable event log. */
export function eventLogText(run: PeerVanishesRun): string {
  const lines = [`# ${describeControls(run.controls)}`];
  for (const row of run.rows) lines.push(`${formatTime(row.t).padStart(11)}  ${row.text}`);
  lines.push(`# Your app learns: ${outcomeHeadline(run)}`);
  for (const s of run.signals) lines.push(`#   at ${formatTime(s.t)}: ${s.text}`);
  if (run.signals.length === 0) lines.push(`#   ${run.outcome.text}`);
  lines.push(`# nstat on your host: ${run.nstat.map((n) => `${n.name} ${n.value}`).join(", ")}`);
  return lines.join("\n");
}

// ------------------------------------------------------------- URL state

function pickFrom<T>(list: readonly T[], v: unknown, fallback: T): T | null {
  if (v === undefined) return fallback;
  return list.includes(v as T) ? (v as T) : null;
}

function intIn(v: unknown, min: number, max: number, fallback: number): number | null {
  if (v === undefined) return fallback;
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

/** Compact form for the URL hash. */
export function controlsToValue(c: PeerVanishesControls): Record<string, unknown> {
  return {
    e: c.event,
    u: c.unreadData ? 1 : 0,
    d: c.downtime,
    a: c.activity,
    w: c.actAfter,
    k: c.keepalive ? [c.keepIdle, c.keepIntvl, c.keepCnt] : 0,
    g: c.giveUp === "retries2" ? ["r", c.retries2] : ["u", c.userTimeout],
  };
}

/** Reads controls back from the hash; anything malformed gives null (the widget keeps its defaults). */
export function controlsFromValue(raw: unknown): PeerVanishesControls | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  const d = DEFAULT_CONTROLS;
  const event = pickFrom(EVENTS, o.e, d.event);
  const activity = pickFrom(ACTIVITIES, o.a, d.activity);
  const downtime = pickFrom(DOWNTIMES as readonly number[], o.d, d.downtime);
  const actAfter = pickFrom(ACT_AFTER as readonly number[], o.w, d.actAfter);
  if (event === null || activity === null || downtime === null || actAfter === null) return null;
  if (o.u !== undefined && o.u !== 0 && o.u !== 1) return null;
  let keep = { keepalive: false, keepIdle: d.keepIdle, keepIntvl: d.keepIntvl, keepCnt: d.keepCnt };
  if (Array.isArray(o.k)) {
    const idle = intIn(o.k[0], LIMITS.keepIdle.min, LIMITS.keepIdle.max, d.keepIdle);
    const intvl = intIn(o.k[1], LIMITS.keepIntvl.min, LIMITS.keepIntvl.max, d.keepIntvl);
    const cnt = intIn(o.k[2], LIMITS.keepCnt.min, LIMITS.keepCnt.max, d.keepCnt);
    if (idle === null || intvl === null || cnt === null) return null;
    keep = { keepalive: true, keepIdle: idle, keepIntvl: intvl, keepCnt: cnt };
  } else if (o.k !== undefined && o.k !== 0) return null;
  let giveUp: GiveUp = d.giveUp;
  let retries2 = d.retries2;
  let userTimeout = d.userTimeout;
  if (o.g !== undefined) {
    if (!Array.isArray(o.g) || (o.g[0] !== "r" && o.g[0] !== "u")) return null;
    if (o.g[0] === "r") {
      const v = intIn(o.g[1], LIMITS.retries2.min, LIMITS.retries2.max, d.retries2);
      if (v === null) return null;
      retries2 = v;
    } else {
      const v = intIn(o.g[1], LIMITS.userTimeout.min, LIMITS.userTimeout.max, d.userTimeout);
      if (v === null) return null;
      giveUp = "user-timeout";
      userTimeout = v;
    }
  }
  return { event, unreadData: o.u === 1, downtime, activity, actAfter, ...keep, giveUp, retries2, userTimeout };
}

/** Clamps a typed number into a control's range (the inputs allow free typing). */
export function clampInt(v: number, limits: { min: number; max: number }): number {
  if (!Number.isFinite(v)) return limits.min;
  return Math.min(limits.max, Math.max(limits.min, Math.round(v)));
}
