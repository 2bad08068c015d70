// The counterfactual sandbox (interview track, decision record 0011): switch
// off a piece of TCP's design and watch the failure it exists to prevent, on
// the same engine. Each case is one scenario run twice: as Linux runs it, and
// with one engine switch (RunOptions.counterfactual) on. The moment things go
// wrong, and the moment real TCP avoids it, are found in the traces (never
// hard-coded), and explained in words with the numbers of the run.
import type { Counterfactual, DetailedSegment, DetailedTrace, Scenario, SimulateOptions } from "@/lib/tcp";
import { parseScenario } from "@/lib/tcp";
import { runOrdered, type EventOrder } from "../sequence-simulator/run";
import { buildTimeline, type TimelineEvent } from "../sequence-simulator/timeline";

/** The sandbox's switches, as interview questions link to them (/interview/what-if#<id>). */
export const WHAT_IF_IDS = ["two-way-handshake", "no-time-wait", "isn-zero", "no-syn-cookies"] as const;
export type WhatIfId = (typeof WHAT_IF_IDS)[number];

/** The highlighted moment of one run: which segment, and what happened, in words. */
export type Moment = {
  /** index into the run's trace.detailed */
  segment: number;
  headline: string;
  /** what the receiving host did, and why */
  text: string;
  /** where the rule comes from */
  source: string;
};

export type RunSide = {
  /** "Real TCP (Linux)" or the switch's name */
  label: string;
  trace: DetailedTrace;
  order: EventOrder | null;
  events: TimelineEvent[];
  moment: Moment;
};

export type Comparison = {
  caseId: string;
  title: string;
  /** the scenario in one or two sentences */
  setup: string;
  real: RunSide;
  altered: RunSide;
};

type CaseDef = {
  id: string;
  title: string;
  setup: string;
  scenario: Record<string, unknown>;
  options: SimulateOptions;
  counterfactual: Counterfactual;
  alteredLabel: string;
  real(t: DetailedTrace): Moment;
  altered(t: DetailedTrace): Moment;
};

// ----------------------------------------------------------------- helpers

function s3(t: number): string {
  return `${t.toFixed(3)} s`;
}

/** The first segment matching, or an error naming the case (a scenario that stopped showing its point). */
function find(t: DetailedTrace, what: string, pred: (s: DetailedSegment, i: number) => boolean, from = 0): number {
  for (let i = from; i < t.detailed.length; i++) if (pred(t.detailed[i]!, i)) return i;
  throw new Error(`what-if: no ${what} in the run`);
}

function findLast(t: DetailedTrace, what: string, pred: (s: DetailedSegment) => boolean): number {
  for (let i = t.detailed.length - 1; i >= 0; i--) if (pred(t.detailed[i]!)) return i;
  throw new Error(`what-if: no ${what} in the run`);
}

/** A segment that reached the server more than 0.5 s after it was sent: the held or duplicated one. */
function isLate(s: DetailedSegment): boolean {
  return s.sentAt !== undefined && s.t - s.sentAt > 0.5;
}

function call(t: DetailedTrace, host: string, name: string, nth = 0) {
  return t.calls.filter((c) => c.host === host && c.call === name)[nth];
}

function stateAt(t: DetailedTrace, host: string, state: string, conn?: string) {
  return t.detailedStates.find((s) => s.host === host && s.state === state && (conn === undefined || s.conn === conn));
}

// ------------------------------------------------------------------- cases

const TWO_WAY: CaseDef = {
  id: "two-way-handshake",
  title: "An old SYN arrives after the client gave up",
  setup:
    "The client calls connect() on a non-blocking socket from port 40000 (ISN 90) and gives up half a second later (abort). Its SYN was held up in the network for 2 s and reaches the server long after. The server's program is blocked in accept() and sends a greeting as soon as it has a connection.",
  scenario: {
    sysctl: {},
    network: { delay: 0.05 },
    steps: [
      { t: 0, host: "server", call: "listen", backlog: 128 },
      { t: 0.1, host: "client", call: "connect", localPort: 40000, nonBlocking: true },
      { t: 0.2, host: "server", call: "accept" },
      { t: 0.5, host: "client", call: "abort" },
      { t: 2.2, host: "server", call: "send", bytes: 100 },
    ],
    faults: [{ from: "client", hold: 2, match: { flags: "S", nth: 1 } }],
  },
  options: { seed: 1, isn: { client: 90, server: 300 } },
  counterfactual: { twoWayHandshake: true },
  alteredLabel: "Two-way handshake",
  real(t) {
    const synAck = find(t, "SYN-ACK", (s) => s.flags === "S.");
    const rst = find(t, "RST", (s) => s.from === "client" && s.flags.startsWith("R"), synAck);
    const sa = t.detailed[synAck]!;
    const send = call(t, "server", "send");
    return {
      segment: rst,
      headline: "The client refuses the stale SYN-ACK: nothing is opened",
      text:
        `The server answers the old SYN with a SYN-ACK acknowledging ${sa.absAck}, but only puts a half-open request in its SYN queue. ` +
        `The client has no connection that sent seq ${(sa.absAck ?? 1) - 1}, so it answers with RST (seq ${t.detailed[rst]!.absSeq}), and the server drops the request. ` +
        `accept() never returns, so the program never gets to send its greeting${send ? ` (send() → ${send.result})` : ""}. ` +
        "The third segment is the client confirming that the SYN is a current one: only the side that sent it can tell.",
      source: "RFC 9293 §3.5 (figure 8, recovery from an old duplicate SYN); tcp_check_req() in net/ipv4/tcp_minisocks.c",
    };
  },
  altered(t) {
    const syn = find(t, "late SYN", (s) => s.flags === "S" && isLate(s));
    const s = t.detailed[syn]!;
    const accept = call(t, "server", "accept");
    const data = t.detailed.find((d) => d.from === "server" && d.len > 0);
    return {
      segment: syn,
      headline: "The stale SYN opens a connection nobody asked for",
      text:
        `This SYN (seq ${s.absSeq}) left the client at ${s3(s.sentAt ?? s.t)}, from a connect() abandoned at 0.500 s, and reaches the server ${(s.t - (s.sentAt ?? s.t)).toFixed(2)} s after it was sent. ` +
        "With a two-way handshake the server must commit as soon as it answers: it enters ESTABLISHED at once, " +
        `accept() returns at ${accept ? s3(accept.returned) : "—"} and the program sends ${data?.len ?? 0} bytes to a client that has no such connection (the client answers each segment with RST). ` +
        "A lone SYN cannot show that it is current, so every delayed duplicate becomes a connection and a request served twice.",
      source: "RFC 9293 §3.5: “The principal reason for the three-way handshake is to prevent old duplicate connection initiations from causing confusion.”",
    };
  },
};

/** The client closes first and ends in TIME-WAIT; the server closes half a second later. */
const CLOSE_STEPS = [
  { t: 0, host: "server", call: "listen", backlog: 128 },
  { t: 0.1, host: "client", call: "connect" },
  { t: 0.2, host: "server", call: "accept" },
  { t: 0.3, host: "client", call: "send", bytes: 100 },
  { t: 0.5, host: "server", call: "recv" },
  { t: 1, host: "client", call: "close" },
  { t: 1.5, host: "server", call: "close" },
];

const NO_TW_LOST_ACK: CaseDef = {
  id: "no-time-wait-lost-ack",
  title: "(a) The final ACK is lost",
  setup:
    "The client closes first, the server half a second later. The client's ACK of the server's FIN, the last segment of the close, is lost in the network.",
  scenario: {
    sysctl: {},
    network: { delay: 0.01 },
    steps: CLOSE_STEPS,
    faults: [{ from: "client", drop: "ack", after: 1.4, until: 1.6 }],
  },
  options: { seed: 1, isn: { client: 1000, server: 5000 } },
  counterfactual: { noTimeWait: true },
  alteredLabel: "No TIME-WAIT",
  real(t) {
    const fins = t.detailed.map((s, i) => [s, i] as const).filter(([s]) => s.from === "server" && s.flags.includes("F"));
    const refin = fins[1]?.[1] ?? find(t, "retransmitted FIN", (s) => s.from === "server" && s.flags.includes("F"));
    const ack = find(t, "ACK of the retransmitted FIN", (s) => s.from === "client" && s.flags === "." && !s.dropped, refin);
    const tw = stateAt(t, "client", "TIME-WAIT");
    return {
      segment: ack,
      headline: "TIME-WAIT answers the retransmitted FIN",
      text:
        `The client's ACK was lost, so the server, in LAST-ACK, retransmits its FIN at ${s3(t.detailed[refin]!.t)}. ` +
        `The client has been in TIME-WAIT since ${tw ? s3(tw.t) : "its ACK"}: it still knows the connection, ACKs the FIN again and restarts its 60 s. ` +
        "The server closes cleanly. Keeping the state to repeat the last ACK is the first job of TIME-WAIT.",
      source: "RFC 9293 §3.3.2 (TIME-WAIT) and §3.10.7.4 (TIME-WAIT: acknowledge a retransmitted FIN, restart the 2 MSL timeout); TCP_TIMEWAIT_LEN in include/net/tcp.h",
    };
  },
  altered(t) {
    const rst = find(t, "RST", (s) => s.from === "client" && s.flags.startsWith("R"));
    const closed = t.detailedStates.find((s) => s.host === "client" && s.state === "CLOSED");
    const abort = t.aborts.find((a) => a.host === "server");
    return {
      segment: rst,
      headline: "The retransmitted FIN finds no socket and gets an RST",
      text:
        `The client forgot the connection the moment it sent its final ACK (CLOSED at ${closed ? s3(closed.t) : "—"}, no TIME-WAIT). ` +
        `That ACK was lost, so the server's retransmitted FIN reaches a port with no connection, and the client's kernel answers as for any stray segment: RST (seq ${t.detailed[rst]!.absSeq}). ` +
        `The server's connection ends in a reset (${abort?.error ?? "ECONNRESET"}) instead of an orderly close: for all it knows, its last data never arrived.`,
      source: "RFC 9293 §3.3.2 and §3.10.7.1 (a segment for no connection is answered with RST)",
    };
  },
};

const NO_TW_STALE: CaseDef = {
  id: "no-time-wait-stale-segment",
  title: "(b) A segment from the previous connection arrives late",
  setup:
    "The client sends two 100-byte segments and closes first. The network delivers a copy of the second one again 1.5 s later. Meanwhile the client connects again; it has only two ephemeral ports (40000 and 40001), and the kernel takes 40000 whenever it is free. Its ISNs are 1000, then 1100; the server's 5000, then 9000.",
  scenario: {
    sysctl: { ip_local_port_range: [40000, 40001] },
    network: { delay: 0.01 },
    steps: [
      { t: 0, host: "server", call: "listen", backlog: 128 },
      { t: 0.1, host: "client", call: "connect" },
      { t: 0.2, host: "server", call: "accept" },
      { t: 0.3, host: "client", call: "send", bytes: 100 },
      { t: 0.4, host: "client", call: "send", bytes: 100 },
      { t: 0.5, host: "server", call: "recv" },
      { t: 1, host: "client", call: "close" },
      { t: 1.2, host: "server", call: "close" },
      { t: 1.5, host: "client", call: "connect" },
      { t: 1.6, host: "server", call: "accept" },
      // MSG_DONTWAIT: what has arrived by then, without waiting
      { t: 2, host: "server", call: "recv", nonBlocking: true },
      { t: 2.2, host: "client", call: "send", bytes: 100 },
      { t: 2.5, host: "server", call: "recv", nonBlocking: true },
    ],
    faults: [{ from: "client", duplicate: 1.5, match: { flags: "P.", nth: 2 } }],
  },
  options: { seed: 1, isn: { client: [1000, 1100], server: [5000, 9000] }, until: 5 },
  counterfactual: { noTimeWait: true },
  alteredLabel: "No TIME-WAIT",
  real(t) {
    const late = find(t, "late copy", isLate);
    const s = t.detailed[late]!;
    const ports = t.detailed.filter((d) => d.flags === "S").map((d) => d.srcPort);
    return {
      segment: late,
      headline: "The late copy belongs to no connection",
      text:
        `A copy of the first connection's data (seq ${s.absSeq}, ${s.len} bytes, sent at ${s3(s.sentAt ?? s.t)}) arrives at ${s3(s.t)}. ` +
        `The client's TIME-WAIT still holds port ${ports[0]}, so its new connect() took port ${ports[1]}: the copy matches no connection, the server answers it with RST, and the TIME-WAIT ignores that RST (its seq is not the one expected). ` +
        `The new connection is untouched: the server reads the client's real 100 bytes (recv() → ${call(t, "server", "recv", 2)?.result ?? "—"}).`,
      source: "RFC 9293 §3.3.2 and §3.4.3 (TIME-WAIT lasts until old segments have died: 2 MSL; Linux 60 s)",
    };
  },
  altered(t) {
    const late = find(t, "late copy", isLate);
    const s = t.detailed[late]!;
    const syns = t.detailed.filter((d) => d.flags === "S");
    const oldEnd = t.detailed.filter((d) => d.from === "client" && d.srcPort === syns[0]?.srcPort && d.flags.includes("F"))[0];
    return {
      segment: late,
      headline: "The new connection takes the old data as its own",
      text:
        `Without TIME-WAIT port ${syns[1]?.srcPort ?? 40000} was free at once, so the new connection has the same 4-tuple as the old one. ` +
        `Its ISN, ${syns[1]?.absSeq ?? "—"}, is above the old one (${syns[0]?.absSeq ?? "—"}), as a clock-driven ISN is, but below where the old connection had got to (${oldEnd?.absSeq ?? "—"}). ` +
        `The late copy (seq ${s.absSeq}, ${s.len} bytes) is exactly what the new connection expects next: the server accepts it, and recv() returns “${call(t, "server", "recv", 1)?.result ?? "—"}” that the new client never sent. ` +
        `When the client sends its real 100 bytes at 2.200 s the server takes them for a retransmission, ACKs and discards them (recv() → ${call(t, "server", "recv", 2)?.result ?? "—"}). ` +
        "Linux's ISN clock ticks every 64 ns (15.6 million a second), so any connection that sent faster than that leaves its successor's ISN behind; TIME-WAIT keeps the 4-tuple out of use until old segments have died. (Linux's timestamps, PAWS, are a second defence the simulator does not model.)",
      source: "RFC 9293 §3.3.2, §3.4.1 and §3.4.3; RFC 7323 §5 (PAWS); secure_tcp_seq() in net/core/secure_seq.c",
    };
  },
};

const ISN_ZERO: CaseDef = {
  id: "isn-zero",
  title: "A segment from the previous connection, and a new ISN",
  setup:
    "The client sends 100 bytes; the network delivers a copy of that segment again 1.6 s later. The server closes first, so the TIME-WAIT is on the server, and Linux lets a new SYN on the same 4-tuple take it over at once: the client reconnects from the same port (40000) at 1.5 s.",
  scenario: {
    sysctl: { ip_local_port_range: [40000, 40001] },
    network: { delay: 0.01 },
    steps: [
      { t: 0, host: "server", call: "listen", backlog: 128 },
      { t: 0.1, host: "client", call: "connect" },
      { t: 0.2, host: "server", call: "accept" },
      { t: 0.3, host: "client", call: "send", bytes: 100 },
      { t: 0.5, host: "server", call: "recv" },
      { t: 1, host: "server", call: "close" },
      { t: 1.2, host: "client", call: "close" },
      { t: 1.5, host: "client", call: "connect" },
      { t: 1.6, host: "server", call: "accept" },
      // MSG_DONTWAIT: what has arrived by then, without waiting
      { t: 2, host: "server", call: "recv", nonBlocking: true },
      { t: 2.2, host: "client", call: "send", bytes: 100 },
      { t: 2.5, host: "server", call: "recv", nonBlocking: true },
    ],
    faults: [{ from: "client", duplicate: 1.6, match: { flags: "P.", nth: 1 } }],
  },
  options: { seed: 1, isn: { client: 1000, server: 5000 }, until: 5 },
  counterfactual: { isnZero: true },
  alteredLabel: "ISN always 0",
  real(t) {
    const late = find(t, "late copy", isLate);
    const s = t.detailed[late]!;
    const syns = t.detailed.filter((d) => d.flags === "S");
    return {
      segment: late,
      headline: "The late copy is far outside the new window",
      text:
        `A copy of the first connection's data (seq ${s.absSeq}, sent at ${s3(s.sentAt ?? s.t)}) arrives at ${s3(s.t)}, inside a new connection on the same 4-tuple. ` +
        `That connection's client ISN is ${syns[1]?.absSeq ?? "—"}, a number chosen from a keyed hash and a clock, so seq ${s.absSeq} lies outside the window the server accepts: it answers with a duplicate ACK and drops the segment. ` +
        `The server reads only the client's real 100 bytes (recv() → ${call(t, "server", "recv", 2)?.result ?? "—"}).`,
      source: "RFC 9293 §3.4.1 (ISN selection, RFC 6528) and §3.10.7.4 (an unacceptable segment draws an ACK and is dropped)",
    };
  },
  altered(t) {
    const late = find(t, "late copy", isLate);
    const s = t.detailed[late]!;
    return {
      segment: late,
      headline: "The old segment fits the new connection exactly",
      text:
        "Every connection now starts at 0, so the old and the new connection use the same sequence numbers. " +
        `The late copy (seq ${s.absSeq}, ${s.len} bytes) is exactly what the new connection expects first: the server accepts it and recv() returns “${call(t, "server", "recv", 1)?.result ?? "—"}” of the previous connection's data. ` +
        `The client's real 100 bytes then look like a retransmission and are ACKed and thrown away (recv() → ${call(t, "server", "recv", 2)?.result ?? "—"}). ` +
        "Varying the ISN, with a clock and a per-4-tuple secret, keeps each incarnation's sequence numbers away from the last one's (and makes them hard to guess for an attacker).",
      source: "RFC 9293 §3.4.1; RFC 6528 (defending against sequence number attacks); secure_tcp_seq() in net/core/secure_seq.c",
    };
  },
};

/** The sequence-diagram cases of each switch (no-syn-cookies is the flood lab's, see flood.ts). */
export const CASES: Record<Exclude<WhatIfId, "no-syn-cookies">, CaseDef[]> = {
  "two-way-handshake": [TWO_WAY],
  "no-time-wait": [NO_TW_LOST_ACK, NO_TW_STALE],
  "isn-zero": [ISN_ZERO],
};

function parse(json: Record<string, unknown>): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`what-if: invalid scenario: ${parsed.error}`);
  return parsed.scenario;
}

function side(label: string, scenario: Scenario, options: SimulateOptions, moment: (t: DetailedTrace) => Moment): RunSide {
  const run = runOrdered(scenario, options);
  const { trace, order } = run;
  const events = buildTimeline(trace, order, scenario.steps, run);
  return { label, trace, order, events, moment: moment(trace) };
}

/** Runs one case both ways. */
export function compareCase(def: CaseDef): Comparison {
  const scenario = parse(def.scenario);
  return {
    caseId: def.id,
    title: def.title,
    setup: def.setup,
    real: side("Real TCP (Linux)", scenario, def.options, def.real),
    altered: side(def.alteredLabel, scenario, { ...def.options, counterfactual: def.counterfactual }, def.altered),
  };
}

/** Every comparison of one switch. */
export function comparisons(id: Exclude<WhatIfId, "no-syn-cookies">): Comparison[] {
  return CASES[id].map(compareCase);
}
