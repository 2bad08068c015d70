// From the engine's trace to the widget's timeline: one ordered list of
// events (application calls, state changes, segments), the hosts' states and
// the server's queues at any cursor position, why each segment was sent, and
// the text lines of the event log. Pure functions; no protocol logic: every
// number comes from the trace.
import type { AppResult, CallMade, DetailedSegment, DetailedTrace, StateName } from "@/lib/tcp";
import type { EventOrder, FlowEntry, OrderedRun } from "./run";

/**
 * A call where the program made it. `pending`: it did not return within the
 * system call (the program slept in it); its result then comes with a
 * ReturnEvent, and `returnsAt` is that event's index in the timeline (null:
 * it had not returned when the run ended).
 */
export type CallEvent = {
  kind: "call";
  t: number;
  host: string;
  call: string;
  result: string;
  returned: number;
  pending?: boolean;
  returnsAt?: number | null;
};
export type ReturnEvent = { kind: "return"; t: number; host: string; call: string; result: string; madeAt?: number };
export type StateEvent = { kind: "state"; t: number; host: string; from: StateName | "CLOSED"; to: StateName; conn?: string; listener: boolean };
export type SegmentEvent = { kind: "segment"; t: number; host: string; index: number; segment: DetailedSegment };
export type TimelineEvent = CallEvent | ReturnEvent | StateEvent | SegmentEvent;

/**
 * State changes as arrows from one state to the next, per socket (a
 * listener, or a connection's end); a record that changes nothing is no
 * change and is left out (null).
 */
function stateEvents(trace: DetailedTrace): Array<StateEvent | null> {
  const previous = new Map<string, StateName | "CLOSED">();
  return trace.states.map((s, i) => {
    const conn = trace.detailedStates[i]?.conn;
    // a listening socket has no connection (detailedStates' conn is null); older callers without it go by LISTEN
    const listener = conn === undefined ? s.state === "LISTEN" : conn === null;
    const key = `${s.host}/${listener ? "listener" : (conn ?? s.conn ?? "")}`;
    const from = previous.get(key) ?? "CLOSED";
    previous.set(key, s.state);
    if (from === s.state) return null;
    const e: StateEvent = { kind: "state", t: s.t, host: s.host, from, to: s.state, listener };
    if (s.conn !== undefined) e.conn = s.conn;
    return e;
  });
}

/** Merges segments and states in the engine's own order (or by time when it is unknown). */
function mergeWireEvents(trace: DetailedTrace, order: EventOrder | null): Array<StateEvent | SegmentEvent> {
  const out: Array<StateEvent | SegmentEvent> = [];
  const states = stateEvents(trace);
  const push = (e: StateEvent | SegmentEvent | null) => {
    if (e !== null) out.push(e);
  };
  const segmentEvent = (i: number): SegmentEvent => {
    const segment = trace.detailed[i]!;
    return { kind: "segment", t: segment.t, host: segment.from, index: i, segment };
  };
  let si = 0;
  let gi = 0;
  if (order) {
    for (const kind of order) push(kind === "state" ? states[si++]! : segmentEvent(gi++));
    return out;
  }
  while (si < trace.states.length || gi < trace.detailed.length) {
    const st = trace.states[si];
    const sg = trace.detailed[gi];
    if (st && (!sg || st.t <= sg.t)) push(states[si++]!);
    else out.push(segmentEvent(gi++));
  }
  return out;
}

/** A step of the scenario: when and who called what. */
export type ScenarioCall = { t: number; host: string; call: string };

/**
 * Every event in the order it happened. With the engine's flow (runOrdered),
 * a call appears where its program made it, and a call that blocked is
 * pending until its ReturnEvent, with whatever happened meanwhile between:
 * the program's later calls come after it returned, as they were made.
 */
export function buildTimeline(trace: DetailedTrace, order: EventOrder | null, steps: readonly ScenarioCall[] = [], run?: OrderedRun): TimelineEvent[] {
  if (run?.flow && run.made) return timelineFromFlow(trace, run.flow, run.made);
  const events: TimelineEvent[] = mergeWireEvents(trace, order);
  const reported = [...trace.calls];
  const unanswered: AppResult[] = [];
  for (const step of steps) {
    const i = reported.findIndex((c) => c.host === step.host && c.call === step.call && Math.abs(c.t - step.t) < 5e-7);
    if (i >= 0) reported.splice(i, 1);
    else unanswered.push({ t: step.t, returned: step.t, host: step.host, call: step.call as AppResult["call"], result: "(never returned)" });
  }
  const calls = [...trace.calls, ...unanswered].sort((a, b) => a.t - b.t);
  for (const call of calls) {
    let at = events.findIndex((e) => e.t > call.t || (e.t === call.t && e.host === call.host && e.kind !== "call" && e.kind !== "return"));
    if (at < 0) at = events.length;
    events.splice(at, 0, callEvent(call));
  }
  for (const call of calls) {
    if (call.returned <= call.t) continue;
    // A blocking call returns right after the event that unblocked it.
    let at = events.length;
    for (let i = events.length - 1; i >= 0; i--) {
      if (events[i]!.t <= call.returned) {
        at = i + 1;
        break;
      }
    }
    events.splice(at, 0, { kind: "return", t: call.returned, host: call.host, call: call.call, result: call.result });
  }
  events.forEach((e, i) => {
    if (e.kind !== "call" || !e.pending || e.result === "(never returned)") return;
    const r = events.findIndex((x, j) => j > i && x.kind === "return" && x.host === e.host && x.call === e.call && x.t === e.returned);
    e.returnsAt = r >= 0 ? r : null;
  });
  return events;
}

function timelineFromFlow(trace: DetailedTrace, flow: readonly FlowEntry[], made: readonly CallMade[]): TimelineEvent[] {
  const states = stateEvents(trace);
  const out: TimelineEvent[] = [];
  /** made[] index -> its CallEvent, while it is pending */
  const open = new Map<number, CallEvent>();
  const madeOfResult = new Map<number, number>();
  made.forEach((m, k) => {
    if (m.result !== null) madeOfResult.set(m.result, k);
  });
  let si = 0;
  let gi = 0;
  for (const f of flow) {
    if (f === "segment") {
      const segment = trace.detailed[gi]!;
      out.push({ kind: "segment", t: segment.t, host: segment.from, index: gi++, segment });
    } else if (f === "state") {
      const e = states[si++];
      if (e) out.push(e);
    } else if ("made" in f) {
      const m = made[f.made]!;
      const r = m.result === null ? null : trace.calls[m.result]!;
      const e: CallEvent = { kind: "call", t: m.t ?? 0, host: m.host, call: m.call, result: r?.result ?? "", returned: r?.returned ?? Infinity };
      if (m.inProgress) {
        // a non-blocking socket: the call itself returned at once (connect: EINPROGRESS, man 2 connect)
        e.result = m.call === "connect" ? "error EINPROGRESS" : "error EAGAIN";
        e.returned = e.t;
      } else if (m.blocked || r === null) {
        e.pending = true;
        e.returnsAt = null;
        open.set(f.made, e);
      }
      out.push(e);
    } else {
      const k = madeOfResult.get(f.returned);
      const call = k === undefined ? undefined : open.get(k);
      if (call === undefined) continue; // returned within the call: shown on the call's own row
      open.delete(k!);
      const r = trace.calls[f.returned]!;
      call.returnsAt = out.length;
      out.push({ kind: "return", t: r.returned, host: r.host, call: r.call, result: r.result, madeAt: out.indexOf(call) });
    }
  }
  return out;
}

/**
 * The scenario's calls that their program never made: it was still blocked
 * in an earlier call (or its host had crashed) when they were due.
 */
export function callsNeverMade(run: OrderedRun, steps: readonly ScenarioCall[]): Array<ScenarioCall & { blockedIn: string | null }> {
  if (!run.made) return [];
  return run.made
    .filter((m) => m.t === null)
    .map((m) => {
      const step = steps[m.step] ?? { t: 0, host: m.host, call: m.call };
      const blocker = [...run.made!].reverse().find((b) => b.host === m.host && b.t !== null && b.t <= step.t && b.blocked && b.result === null);
      return { t: step.t, host: m.host, call: m.call, blockedIn: blocker ? `${blocker.call}()` : null };
    });
}

function callEvent(call: AppResult): CallEvent {
  const e: CallEvent = { kind: "call", t: call.t, host: call.host, call: call.call, result: call.result, returned: call.returned };
  if (call.returned > call.t || call.result === "(never returned)") {
    e.pending = true;
    e.returnsAt = null;
  }
  return e;
}

/** Whether a call is shown pending at the cursor: made, and its return not shown yet. */
export function pendingAt(e: CallEvent, cursor: number): boolean {
  return e.pending === true && (e.returnsAt === null || e.returnsAt === undefined || e.returnsAt >= cursor);
}

export type HostView = { listening: boolean; state: StateName | "CLOSED"; history: Array<{ t: number; state: StateName | "CLOSED" }> };

/** Each host's state after the first `cursor` events. */
export function hostsAt(events: readonly TimelineEvent[], cursor: number, hosts: readonly string[]): Record<string, HostView> {
  const view: Record<string, HostView> = {};
  for (const h of hosts) view[h] = { listening: false, state: "CLOSED", history: [] };
  for (const e of events.slice(0, cursor)) {
    if (e.kind !== "state") continue;
    const v = (view[e.host] ??= { listening: false, state: "CLOSED", history: [] });
    if (e.listener) v.listening = e.to === "LISTEN";
    else v.state = e.to;
    v.history.push({ t: e.t, state: e.to });
  }
  return view;
}

export type Queues = { synQueue: number; acceptQueue: number };

/**
 * The server's queues after `cursor` events, counted from the trace: a
 * request in SYN-RECV sits in the SYN (half-open) queue; a connection that
 * reached ESTABLISHED from there waits in the accept queue until accept()
 * returns it (inet_csk_reqsk_queue_add / inet_csk_accept).
 */
export function queuesAt(events: readonly TimelineEvent[], cursor: number, server = "server"): Queues {
  const conn = new Map<string, StateName | "CLOSED">();
  let established = 0;
  let accepted = 0;
  for (const e of events.slice(0, cursor)) {
    if (e.kind === "state" && e.host === server && !e.listener) {
      const key = e.conn ?? "";
      if (conn.get(key) === "SYN-RECV" && e.to === "ESTABLISHED") established++;
      conn.set(key, e.to);
    } else if (e.kind === "call" && e.host === server && e.call === "accept" && !e.pending && e.result.startsWith("ok")) {
      accepted++;
    } else if (e.kind === "return" && e.host === server && e.call === "accept" && e.result.startsWith("ok")) {
      accepted++;
    }
  }
  const synQueue = [...conn.values()].filter((s) => s === "SYN-RECV").length;
  return { synQueue, acceptQueue: Math.max(0, established - accepted) };
}

/** The numbers to show: relative to each side's ISN (tcpdump's default) or the raw 32-bit values (tcpdump -S). */
export function shownNumbers(segment: DetailedSegment, absolute: boolean): { seq: number; ack: number | null } {
  return absolute ? { seq: segment.absSeq, ack: segment.absAck } : { seq: segment.seq, ack: segment.ack };
}

export function segmentLabel(segment: DetailedSegment, absolute: boolean): string {
  const { seq, ack } = shownNumbers(segment, absolute);
  return `[${segment.flags}] seq ${seq}${ack === null ? "" : ` ack ${ack}`} len ${segment.len}`;
}

function seconds(t: number): string {
  return t.toFixed(4);
}

/** Flag letters spelled out. */
export function flagNames(flags: string): string[] {
  const names: string[] = [];
  if (flags.includes("S")) names.push("SYN");
  if (flags.includes("F")) names.push("FIN");
  if (flags.includes("R")) names.push("RST");
  if (flags.includes("P")) names.push("PSH");
  if (flags.includes(".")) names.push("ACK");
  return names;
}

/** Sequence space a segment occupies: its payload, plus one for SYN and one for FIN (RFC 9293 §3.4). */
export function sequenceSpace(segment: DetailedSegment): number {
  return segment.len + (segment.flags.includes("S") ? 1 : 0) + (segment.flags.includes("F") ? 1 : 0);
}

/**
 * Why each segment was sent, in words. Retransmissions are recognised on the
 * wire the way a capture reader would: the same sender, ports, flags, seq and
 * length as an earlier segment that occupied sequence space.
 */
export function explainSegments(trace: DetailedTrace): string[] {
  const copies = new Map<string, { count: number; lastT: number }>();
  const segs = trace.detailed;
  return segs.map((s, i) => {
    const space = sequenceSpace(s);
    const key = `${s.from}:${s.srcPort}>${s.dstPort} ${s.flags} ${s.absSeq} ${s.len}`;
    const seen = space > 0 ? copies.get(key) : undefined;
    if (space > 0) copies.set(key, { count: (seen?.count ?? 0) + 1, lastT: s.t });
    const before = segs.slice(0, i);
    if (seen) {
      const gap = formatGap(s.t - seen.lastT);
      if (s.flags === "S") {
        return `Retransmission #${seen.count} of the SYN, ${gap} after the previous copy: no SYN-ACK came back before the retransmission timer expired (tcp_retransmit_timer, net/ipv4/tcp_timer.c).`;
      }
      if (s.flags === "S.") {
        return `Retransmission #${seen.count} of the SYN-ACK, ${gap} after the previous copy: the request's timer expired without the final ACK, or a retransmitted SYN asked for it again (net/ipv4/inet_connection_sock.c, tcp_minisocks.c).`;
      }
      return `Retransmission #${seen.count}, ${gap} after the previous copy: the retransmission timer expired before an ACK came back.`;
    }
    if (s.flags.includes("R")) {
      if (s.flags === "R." && s.absSeq === 0 && s.seq === 0) {
        return "RST+ACK from a port with no socket: the kernel refuses the SYN. The SYN carried no ACK field, so the reset takes sequence number 0 and acknowledges the SYN's seq + 1 (RFC 9293 §3.10.7.1: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>).";
      }
      const answered = [...before].reverse().find((p) => p.from === s.to && p.flags.includes(".") && p.absAck === s.absSeq);
      if (s.flags === "R" && answered) {
        return "RST answering a segment that belongs to no connection this side has: that segment carried ACK, so the reset takes its seq from that ACK number and carries no ACK itself (RFC 9293 §3.5.2, §3.10.7.1; figure 8 of §3.5).";
      }
      return "Reset: the connection is aborted at once, without FIN. An RST takes no sequence space and is never answered.";
    }
    if (s.flags === "S") return `SYN: connect() asks to open a connection. Its seq is the client's ISN (${s.absSeq}); the SYN takes one sequence number.`;
    if (s.flags === "S.") {
      return `SYN-ACK: the server's own SYN (ISN ${s.absSeq}) and an ACK of the client's ISN + 1 (${s.absAck}). One segment carries both.`;
    }
    if (s.flags.includes("F")) {
      return `FIN${s.len > 0 ? ` with ${s.len} bytes of data` : ""}: this side will send no more data (close() or shutdown(SHUT_WR)). The FIN takes one sequence number.`;
    }
    if (s.len > 0) return `Data: ${s.len} bytes, sequence numbers ${s.seq} to ${s.seq + s.len - 1} relative to the sender's ISN.`;
    // A pure ACK: say what it acknowledges, found by its ack number.
    const fromPeer = before.filter((p) => p.from === s.to && p.srcPort === s.dstPort);
    const fin = fromPeer.find((p) => p.flags.includes("F") && ((p.absSeq + p.len + 1) >>> 0) === s.absAck);
    if (fin) return "ACK of the peer's FIN: the FIN counts as one sequence number, so ack = the FIN's seq + 1.";
    const synAck = fromPeer.find((p) => p.flags === "S." && ((p.absSeq + 1) >>> 0) === s.absAck);
    if (synAck) {
      const mineBefore = before.filter((p) => p.from === s.from && p.srcPort === s.srcPort && !p.flags.includes("S"));
      return mineBefore.length === 0
        ? "ACK of the SYN-ACK: the third segment of the handshake. The client's connect() returns as it is sent, before the server has even received it."
        : "ACK of the SYN-ACK again: a copy of the SYN-ACK arrived, so the client repeats its ACK.";
    }
    const lastFromPeer = fromPeer[fromPeer.length - 1];
    if (lastFromPeer?.flags === "S") {
      return "ACK answering a SYN that does not match the pending request (another sequence number): the server re-sends its ACK instead of starting over (tcp_check_req, net/ipv4/tcp_minisocks.c).";
    }
    return `A pure ACK: everything before ack ${s.ack} has arrived. It takes no sequence space.`;
  });
}

function formatGap(gap: number): string {
  return gap >= 10 ? `${gap.toFixed(1)} s` : gap >= 1 ? `${gap.toFixed(2)} s` : `${Math.round(gap * 1000)} ms`;
}

/** One line of the text event log. */
export function eventLine(e: TimelineEvent, absolute: boolean): string {
  const t = `t=${seconds(e.t)}`;
  switch (e.kind) {
    case "call":
      if (!e.pending) return `${t}  ${e.host}  ${e.call}() → ${e.result}`;
      return `${t}  ${e.host}  ${e.call}() … pending: the program waits in it${e.returnsAt === null || e.returnsAt === undefined ? " (it has not returned when the run ends)" : ` until t=${seconds(e.returned)}`}`;
    case "return":
      return `${t}  ${e.host}  ${e.call}() returns ${e.result}`;
    case "state":
      return e.listener
        ? `${t}  ${e.host}  ${e.to === "LISTEN" ? "LISTEN (listening socket)" : `LISTEN → ${e.to} (listening socket)`}`
        : `${t}  ${e.host}  ${e.from} → ${e.to}`;
    case "segment": {
      const s = e.segment;
      // stamped where a capture on the server sees it; say so when the link held it up
      const sent = s.sentAt === undefined ? "" : `  (sent at t=${seconds(s.sentAt)}, ${formatGap(e.t - s.sentAt)} on the way)`;
      return `${t}  ${s.from} → ${s.to}  ${segmentLabel(s, absolute)}${s.dropped ? "  DROPPED" : ""}${sent}`;
    }
  }
}

/** The whole log as text, for copying. */
export function eventLogText(events: readonly TimelineEvent[], absolute: boolean): string {
  return events.map((e) => eventLine(e, absolute)).join("\n");
}
