// Runs the lab's scenario through the simulator and condenses the result into
// what the widget draws: queue occupancy over time, the legitimate clients'
// outcomes and connect latency per second, nstat counters, and a text log.
//
// A 60 s flood at 10,000 SYN/s puts 1.2 million segments on the wire; the lab
// reads only samples, app-call results and counters, so it runs the scenario
// with runScenario's `segments: false` (segments counted, never recorded).
import { runScenario, type HostSample } from "@/lib/tcp";
import { floodStart, type LabControls } from "./controls";
import { buildScenario, maxAckBacklog, plannedConnects, SAMPLE_EVERY } from "./scenario";

export type QueuePoint = {
  /** seconds */
  t: number;
  synQueue: number;
  acceptQueue: number;
  /** cumulative listener counters at t */
  cookiesSent: number;
  listenDrops: number;
  reqQFullDrop: number;
};

export type SecondStats = {
  /** connections whose connect() was called in [second, second + 1) */
  second: number;
  started: number;
  ok: number;
  failed: number;
  /** still retrying their SYN when the simulation ended */
  pending: number;
  /** ok / started, percent; null when nothing started */
  successRate: number | null;
  /** connect() latency of the successful ones, milliseconds */
  p50: number | null;
  p95: number | null;
  /** connections the server application accept()ed during this second */
  accepted: number;
};

export type ConnectOutcome = { host: string; t: number; returned: number | null; result: string };

export type NstatRow = { name: string; value: number; meaning: string };

export type QueueLimits = {
  /** sk_max_ack_backlog = min(backlog, somaxconn) */
  maxAckBacklog: number;
  /** the accept queue is full when it holds more than maxAckBacklog (sk_acceptq_is_full uses '>') */
  acceptQueueCapacity: number;
  /** the SYN queue is full when qlen > maxAckBacklog (inet_csk_reqsk_queue_is_full, '>' in Linux 6.18) */
  synQueueCapacity: number;
  /** with tcp_syncookies=0, SYNs from unproven peers are dropped once qlen > this (tcp_conn_request) */
  unprovenCutoff: number | null;
};

export type LabResult = {
  controls: LabControls;
  limits: QueueLimits;
  floodStart: number;
  points: QueuePoint[];
  seconds: SecondStats[];
  connects: ConnectOutcome[];
  nstat: NstatRow[];
  totals: {
    started: number;
    ok: number;
    failed: number;
    pending: number;
    accepted: number;
    /** established client sockets later reset by the server (tcp_abort_on_overflow=1) */
    resetAfterConnect: number;
    floodSyns: number;
  };
  /** The text event log, one line per entry, oldest first. */
  log: string[];
};

export function queueLimits(controls: LabControls): QueueLimits {
  const limit = maxAckBacklog(controls);
  const max = controls.tcp_max_syn_backlog;
  // "max_syn_backlog - inet_csk_reqsk_queue_len(sk) < (max_syn_backlog >> 2)" drops: qlen > max - max/4
  const cutoff = max - (max >> 2);
  return {
    maxAckBacklog: limit,
    acceptQueueCapacity: limit + 1,
    synQueueCapacity: limit + 1,
    unprovenCutoff: controls.tcp_syncookies === 0 && cutoff < limit ? cutoff : null,
  };
}

const NSTAT_MEANING: Record<string, string> = {
  TcpExtListenOverflows: "accept queue full: a SYN or a handshake-completing ACK was dropped",
  TcpExtListenDrops: "every SYN or ACK the listener dropped, for any reason (includes the overflows)",
  TcpExtSyncookiesSent: "SYN-ACKs sent with a cookie as their sequence number",
  TcpExtSyncookiesRecv: "ACKs that carried a valid cookie and became connections",
  TcpExtSyncookiesFailed: "ACKs whose cookie did not check out",
  TcpExtTCPReqQFullDoCookies: "SYN queue full (or tcp_syncookies=2): answered with a cookie",
  TcpExtTCPReqQFullDrop: "SYN queue full and tcp_syncookies=0: SYN dropped",
  TcpExtTCPSynRetrans: "SYN-ACK retransmissions (the server's own half-open requests)",
};

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // nearest-rank percentile
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function fmt(t: number): string {
  return t.toFixed(3).padStart(7);
}

function key(host: string, t: number): string {
  return `${host}@${Math.round(t * 1e6)}`;
}

/** Regular points on the SAMPLE_EVERY grid: the last server sample at or before each grid time. */
function gridPoints(samples: readonly HostSample[], duration: number): QueuePoint[] {
  const server = samples.filter((s) => s.host === "server");
  const points: QueuePoint[] = [];
  let i = 0;
  let last: HostSample | undefined;
  for (let k = 0; k * SAMPLE_EVERY <= duration + 1e-9; k++) {
    const t = Math.round(k * SAMPLE_EVERY * 1000) / 1000;
    while (i < server.length && server[i]!.t <= t + 1e-9) last = server[i++];
    points.push({
      t,
      synQueue: last?.synQueue ?? 0,
      acceptQueue: last?.acceptQueue ?? 0,
      cookiesSent: last?.listener?.SyncookiesSent ?? 0,
      listenDrops: last?.listener?.ListenDrops ?? 0,
      reqQFullDrop: last?.listener?.TCPReqQFullDrop ?? 0,
    });
  }
  return points;
}

export function runLab(controls: LabControls): LabResult {
  const scenario = buildScenario(controls);
  const run = runScenario(scenario, { sampleEvery: SAMPLE_EVERY, until: controls.duration, segments: false });
  run.release();

  const limits = queueLimits(controls);
  const start = floodStart(controls);
  const planned = plannedConnects(controls);
  const calls = run.calls;

  // connect() outcomes, matched to the planned connects by host and call time
  const returned = new Map<string, { returned: number; result: string }>();
  const acceptTimes: number[] = [];
  for (const c of calls) {
    if (c.call === "connect") returned.set(key(c.host, c.t), { returned: c.returned, result: c.result });
    else if (c.call === "accept" && c.result === "ok") acceptTimes.push(c.returned);
  }
  const connects: ConnectOutcome[] = planned.map((p) => {
    const r = returned.get(key(p.host, p.t));
    return r ? { host: p.host, t: p.t, returned: r.returned, result: r.result } : { host: p.host, t: p.t, returned: null, result: "pending" };
  });

  const seconds: SecondStats[] = [];
  for (let s = 0; s < Math.ceil(controls.duration); s++) {
    const inSecond = connects.filter((c) => c.t >= s && c.t < s + 1);
    const ok = inSecond.filter((c) => c.result === "ok");
    const latencies = ok.map((c) => Math.round(((c.returned as number) - c.t) * 1000)).sort((a, b) => a - b);
    const failed = inSecond.filter((c) => c.result !== "ok" && c.result !== "pending").length;
    const pending = inSecond.filter((c) => c.result === "pending").length;
    seconds.push({
      second: s,
      started: inSecond.length,
      ok: ok.length,
      failed,
      pending,
      successRate: inSecond.length ? Math.round((ok.length / inSecond.length) * 1000) / 10 : null,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      accepted: acceptTimes.filter((t) => t >= s && t < s + 1).length,
    });
  }

  const lc = run.counters.server?.listener;
  const nstat: NstatRow[] = [
    ["TcpExtListenOverflows", lc?.ListenOverflows ?? 0],
    ["TcpExtListenDrops", lc?.ListenDrops ?? 0],
    ["TcpExtSyncookiesSent", lc?.SyncookiesSent ?? 0],
    ["TcpExtSyncookiesRecv", lc?.SyncookiesRecv ?? 0],
    ["TcpExtSyncookiesFailed", lc?.SyncookiesFailed ?? 0],
    ["TcpExtTCPReqQFullDoCookies", lc?.TCPReqQFullDoCookies ?? 0],
    ["TcpExtTCPReqQFullDrop", lc?.TCPReqQFullDrop ?? 0],
    ["TcpExtTCPSynRetrans", lc?.TCPSynRetrans ?? 0],
  ].map(([name, value]) => ({ name: name as string, value: value as number, meaning: NSTAT_MEANING[name as string] ?? "" }));

  let resetAfterConnect = 0;
  for (const h of run.hosts) if (h.startsWith("client")) resetAfterConnect += run.counters[h]!.host.EstabResets;

  const points = gridPoints(run.samples, controls.duration);
  const floodSyns = scenario.steps.find((s) => s.call === "syn-flood")?.count ?? 0;
  const totals = {
    started: connects.length,
    ok: connects.filter((c) => c.result === "ok").length,
    failed: connects.filter((c) => c.result !== "ok" && c.result !== "pending").length,
    pending: connects.filter((c) => c.result === "pending").length,
    accepted: acceptTimes.length,
    resetAfterConnect,
    floodSyns,
  };

  return { controls, limits, floodStart: start, points, seconds, connects, nstat, totals, log: buildLog(controls, limits, start, points, seconds, connects, totals) };
}

const MAX_CONNECT_LINES = 60;

function buildLog(
  controls: LabControls,
  limits: QueueLimits,
  start: number,
  points: QueuePoint[],
  seconds: SecondStats[],
  connects: ConnectOutcome[],
  totals: LabResult["totals"],
): string[] {
  const entries: { t: number; text: string }[] = [];
  const log = { push: (text: string) => entries.push({ t: Number(text.slice(0, 7)), text }) };
  log.push(
    `${fmt(0)} s  server    listen(backlog=${controls.backlog}): sk_max_ack_backlog = min(${controls.backlog}, somaxconn ${controls.somaxconn}) = ${limits.maxAckBacklog}; each queue is full above ${limits.maxAckBacklog}`,
  );
  log.push(`${fmt(0.05)} s  clients   ${controls.legitRate} legitimate connect() calls per second begin; the application accept()s up to ${controls.acceptRate} per second`);
  if (totals.floodSyns > 0) {
    log.push(`${fmt(start)} s  attacker  flood begins: ${controls.attackRate} spoofed SYN/s (${totals.floodSyns} SYNs in all), none will ever answer`);
  }
  const firstFull = points.find((p) => p.cookiesSent > 0 || p.reqQFullDrop > 0);
  if (firstFull) {
    const action = controls.tcp_syncookies > 0 ? "Sending cookies" : "Dropping request";
    if (controls.tcp_syncookies === 2) {
      log.push(`${fmt(firstFull.t)} s  server    tcp_syncookies=2: every SYN is answered with a cookie (no log message in this mode)`);
    } else {
      log.push(
        `${fmt(firstFull.t)} s  server    SYN queue full (${firstFull.synQueue} > ${limits.maxAckBacklog}); dmesg: "TCP: request_sock_TCP: Possible SYN flooding on port 0.0.0.0:80. ${action}."`,
      );
    }
  }
  const firstOverflow = points.find((p, i) => i > 0 && p.listenDrops > p.reqQFullDrop && p.acceptQueue >= limits.maxAckBacklog);
  if (firstOverflow) log.push(`${fmt(firstOverflow.t)} s  server    accept queue full (${firstOverflow.acceptQueue} waiting): SYNs and final ACKs are dropped (TcpExtListenOverflows)`);
  for (const s of seconds) {
    const p = points.find((q) => q.t >= s.second + 1 - 1e-9) ?? points[points.length - 1];
    const latency = s.p50 === null ? "no successful connect" : `connect p50 ${s.p50} ms, p95 ${s.p95} ms`;
    log.push(
      `${fmt(s.second + 1)} s  summary   second ${s.second}-${s.second + 1}: SYN queue ${p?.synQueue ?? 0}, accept queue ${p?.acceptQueue ?? 0}; legitimate: ${s.started} started, ${s.ok} ok, ${s.failed} failed, ${s.pending} still retrying; ${latency}; ${s.accepted} accepted by the application`,
    );
  }
  const notable = connects.filter((c) => c.result !== "ok" || (c.returned !== null && c.returned - c.t >= 0.5));
  for (const c of notable.slice(0, MAX_CONNECT_LINES)) {
    const what =
      c.result === "pending"
        ? "still in SYN-SENT at the end (its SYNs keep going unanswered)"
        : c.result === "ok"
          ? `connected after ${((c.returned as number) - c.t).toFixed(3)} s: its first SYN(s) went unanswered and were retransmitted`
          : `connect() failed (${c.result.replace(/^error /, "")}) at ${(c.returned as number).toFixed(3)} s`;
    log.push(`${fmt(c.t)} s  ${c.host.padEnd(9)} connect() ${what}`);
  }
  if (notable.length > MAX_CONNECT_LINES) {
    entries.push({ t: controls.duration, text: `${fmt(controls.duration)} s  note      … and ${notable.length - MAX_CONNECT_LINES} more slow or failed connects` });
  }
  log.push(
    `${fmt(controls.duration)} s  end       ${totals.ok}/${totals.started} connects succeeded, ${totals.failed} failed, ${totals.pending} still retrying; ${totals.accepted} accepted by the application` +
      (totals.resetAfterConnect > 0 ? `; ${totals.resetAfterConnect} established clients were reset by the server (tcp_abort_on_overflow=1)` : ""),
  );
  // oldest first; entries at the same time keep the order they were written in
  return entries.map((e, i) => ({ ...e, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((e) => e.text);
}
