// The what-if "no SYN cookies under a flood": the SYN flood lab's scenario and
// model (lib/labs/syn-flood-lab) run twice, with net.ipv4.tcp_syncookies at
// Linux's default (1: cookies once the SYN queue is full) and at 0, condensed
// into the same kind of comparison as the sequence cases: what the legitimate
// clients get, second by second, and the moment they stop getting in.
import { DEFAULT_CONTROLS, type LabControls } from "../syn-flood-lab/controls";
import { runLab, type LabResult } from "../syn-flood-lab/runLab";

export type FloodSecond = { second: number; started: number; ok: number; p50: number | null };

export type FloodSide = {
  label: string;
  cookies: number;
  seconds: FloodSecond[];
  totals: { started: number; ok: number; failed: number; pending: number };
  /** legitimate connect()s started once the flood was running */
  duringFlood: { started: number; ok: number; p50: number | null };
  counters: { cookiesSent: number; cookiesRecv: number; reqQFullDrop: number };
  moment: { second: number; headline: string; text: string; source: string };
};

export type FloodComparison = {
  setup: string;
  floodStart: number;
  synQueueLimit: number;
  real: FloodSide;
  altered: FloodSide;
};

/** The lab's defaults (2,000 spoofed SYN/s against listen(511), 20 clients a second), over 20 s. */
export const FLOOD_CONTROLS: Readonly<LabControls> = Object.freeze({ ...DEFAULT_CONTROLS, duration: 20 });

function counter(r: LabResult, name: string): number {
  return r.nstat.find((n) => n.name === name)?.value ?? 0;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1]!;
}

function condense(r: LabResult, label: string): Omit<FloodSide, "moment"> {
  const during = r.connects.filter((c) => c.t >= r.floodStart);
  const ok = during.filter((c) => c.result === "ok");
  return {
    label,
    cookies: r.controls.tcp_syncookies,
    seconds: r.seconds.map((s) => ({ second: s.second, started: s.started, ok: s.ok, p50: s.p50 })),
    totals: { started: r.totals.started, ok: r.totals.ok, failed: r.totals.failed, pending: r.totals.pending },
    duringFlood: { started: during.length, ok: ok.length, p50: median(ok.map((c) => Math.round(((c.returned as number) - c.t) * 1000))) },
    counters: {
      cookiesSent: counter(r, "TcpExtSyncookiesSent"),
      cookiesRecv: counter(r, "TcpExtSyncookiesRecv"),
      reqQFullDrop: counter(r, "TcpExtTCPReqQFullDrop"),
    },
  };
}

const n = (x: number) => x.toLocaleString("en-US");

/** Runs the flood with and without cookies. */
export function compareFlood(controls: LabControls = FLOOD_CONTROLS): FloodComparison {
  const withCookies = runLab({ ...controls, tcp_syncookies: 1 });
  const without = runLab({ ...controls, tcp_syncookies: 0 });
  const limit = withCookies.limits.synQueueCapacity;
  const real = condense(withCookies, "Real TCP (Linux): tcp_syncookies=1");
  const altered = condense(without, "No SYN cookies: tcp_syncookies=0");
  const fullAt = withCookies.points.find((p) => p.synQueue >= limit)?.t ?? withCookies.floodStart;
  // the first second in which a legitimate client did not get in at once
  const bad = altered.seconds.find((s) => s.started > 0 && s.ok < s.started);
  const firstBad = bad?.second ?? Math.floor(withCookies.floodStart);
  return {
    setup:
      `From ${withCookies.floodStart} s an attacker sends ${n(controls.attackRate)} SYNs a second from spoofed addresses that never answer, against a server that listens with backlog ${controls.backlog}; ` +
      `${controls.legitRate} legitimate clients a second keep connecting (20 ms round trip). Simulated for ${controls.duration} s with the SYN flood lab's engine and model.`,
    floodStart: withCookies.floodStart,
    synQueueLimit: limit,
    real: {
      ...real,
      moment: {
        second: firstBad,
        headline: "A full SYN queue changes nothing for real clients",
        text:
          `At ${fullAt} s the SYN queue is full (${limit} half-open requests, all the attacker's). ` +
          `From then on the listener answers each SYN with a cookie instead of a queue entry (${n(real.counters.cookiesSent)} sent): the SYN-ACK's ISN encodes the connection, and a client that answers proves it with its ACK (${n(real.counters.cookiesRecv)} connections made that way). ` +
          `Legitimate clients during the flood: ${real.duringFlood.ok} of ${real.duringFlood.started} connected, median ${real.duringFlood.p50 ?? "—"} ms.`,
        source: "RFC 4987 §3.6 (SYN cookies); tcp_syn_flood_action() and cookie_v4_check() in net/ipv4/",
      },
    },
    altered: {
      ...altered,
      moment: {
        second: firstBad,
        headline: "Legitimate SYNs are dropped with the attacker's",
        text:
          `At ${fullAt} s the SYN queue is full and, without cookies, the listener drops every new SYN (TcpExtTCPReqQFullDrop ${n(altered.counters.reqQFullDrop)}): it cannot tell a client's SYN from a spoofed one. ` +
          `From second ${firstBad} legitimate clients' SYNs go unanswered; they retransmit their SYN (every second for the first four tries on Linux 6.5 and later, then backing off) and get in only when an old request times out and frees a slot. ` +
          `During the flood ${altered.duringFlood.ok} of ${altered.duringFlood.started} connected (median ${altered.duringFlood.p50 === null ? "—" : `${n(altered.duringFlood.p50)} ms`}); ${altered.totals.pending} were still retrying at ${controls.duration} s, and connect() gives up after about 131 s.`,
        source: "RFC 4987 §2 and §3.6; tcp_conn_request() (TCPReqQFullDrop) in net/ipv4/tcp_input.c",
      },
    },
  };
}
