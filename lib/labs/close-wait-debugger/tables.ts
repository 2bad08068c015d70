/**
 * What the simulated hosts' tools print at a moment of the trace: the
 * server's `ss -tan` and `netstat -nat | awk ...` output, the peers' socket
 * states, the server process's descriptor count, and the event log.
 * Formats follow iproute2's ss (state names ESTAB, CLOSE-WAIT, ...) and
 * net-tools' netstat (ESTABLISHED, CLOSE_WAIT, FIN_WAIT2, ...).
 */
import type { DetailedTrace, StateName } from "../../tcp";
import { SERVER_PORT, type PlannedConn } from "./scenario";

export const SERVER_ADDR = "10.0.0.10";

/** Documentation addresses (RFC 5737) for client1, client2, ... */
export function clientAddr(index: number): string {
  if (index <= 254) return `192.0.2.${index}`;
  if (index <= 508) return `198.51.100.${index - 254}`;
  return `203.0.113.${Math.min(254, index - 508)}`;
}

/** ss's names (iproute2 misc/ss.c sstate_name). */
const SS_NAME: Record<StateName, string> = {
  LISTEN: "LISTEN",
  "SYN-SENT": "SYN-SENT",
  "SYN-RECV": "SYN-RECV",
  ESTABLISHED: "ESTAB",
  "FIN-WAIT-1": "FIN-WAIT-1",
  "FIN-WAIT-2": "FIN-WAIT-2",
  "CLOSE-WAIT": "CLOSE-WAIT",
  CLOSING: "CLOSING",
  "LAST-ACK": "LAST-ACK",
  "TIME-WAIT": "TIME-WAIT",
  CLOSED: "UNCONN",
};

/** netstat's names (net-tools netstat.c tcp_state[]). */
export const NETSTAT_NAME: Record<StateName, string> = {
  LISTEN: "LISTEN",
  "SYN-SENT": "SYN_SENT",
  "SYN-RECV": "SYN_RECV",
  ESTABLISHED: "ESTABLISHED",
  "FIN-WAIT-1": "FIN_WAIT1",
  "FIN-WAIT-2": "FIN_WAIT2",
  "CLOSE-WAIT": "CLOSE_WAIT",
  CLOSING: "CLOSING",
  "LAST-ACK": "LAST_ACK",
  "TIME-WAIT": "TIME_WAIT",
  CLOSED: "CLOSE",
};

export interface SocketRow {
  state: StateName;
  local: string;
  peer: string;
  /** For LISTEN, ss shows the backlog in Send-Q. */
  sendQ: number;
  since: number;
}

/** Per connection and host: its state changes in time order, and the client's port. */
export interface TraceIndex {
  plan: PlannedConn[];
  byConn: Map<string, { server: { t: number; state: StateName }[]; client: { t: number; state: StateName }[]; clientPort: number | null }>;
  listenAt: number | null;
  trace: DetailedTrace;
}

export function indexTrace(trace: DetailedTrace, plan: PlannedConn[]): TraceIndex {
  const byConn: TraceIndex["byConn"] = new Map();
  for (const p of plan) byConn.set(p.name, { server: [], client: [], clientPort: null });
  let listenAt: number | null = null;
  for (const s of trace.states) {
    if (s.host === "server" && s.state === "LISTEN" && listenAt === null) listenAt = s.t;
    if (!s.conn) continue;
    const entry = byConn.get(s.conn);
    if (!entry) continue;
    (s.host === "server" ? entry.server : entry.client).push({ t: s.t, state: s.state });
  }
  for (const d of trace.detailed) {
    const entry = byConn.get(d.conn);
    if (entry && entry.clientPort === null && d.from !== "server") entry.clientPort = d.srcPort;
  }
  return { plan, byConn, listenAt, trace };
}

function stateAt(changes: { t: number; state: StateName }[], t: number): { state: StateName; since: number } | null {
  let found: { state: StateName; since: number } | null = null;
  for (const c of changes) {
    if (c.t > t) break;
    found = { state: c.state, since: c.t };
  }
  return found === null || found.state === "CLOSED" ? null : found;
}

/** The server's sockets at time t, oldest first, the listener on top. */
export function serverSockets(index: TraceIndex, t: number): SocketRow[] {
  const rows: SocketRow[] = [];
  if (index.listenAt !== null && index.listenAt <= t) {
    rows.push({ state: "LISTEN", local: `0.0.0.0:${SERVER_PORT}`, peer: "0.0.0.0:*", sendQ: 128, since: index.listenAt });
  }
  for (const p of index.plan) {
    if (p.start > t) break;
    const entry = index.byConn.get(p.name)!;
    const now = stateAt(entry.server, t);
    if (!now) continue;
    rows.push({ state: now.state, local: `${SERVER_ADDR}:${SERVER_PORT}`, peer: `${clientAddr(p.index)}:${entry.clientPort ?? 0}`, sendQ: 0, since: now.since });
  }
  return rows;
}

/** The clients' sockets for this server at time t. */
export function peerSockets(index: TraceIndex, t: number): SocketRow[] {
  const rows: SocketRow[] = [];
  for (const p of index.plan) {
    if (p.start > t) break;
    const entry = index.byConn.get(p.name)!;
    const now = stateAt(entry.client, t);
    if (!now) continue;
    rows.push({ state: now.state, local: `${clientAddr(p.index)}:${entry.clientPort ?? 0}`, peer: `${SERVER_ADDR}:${SERVER_PORT}`, sendQ: 0, since: now.since });
  }
  return rows;
}

export function countByState(rows: SocketRow[]): Map<StateName, number> {
  const counts = new Map<StateName, number>();
  for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  return counts;
}

/** `ss -tan` as iproute2 prints it (at most `limit` socket lines, then a note). */
export function ssOutput(rows: SocketRow[], limit = Infinity): string {
  const head = `${"State".padEnd(11)}${"Recv-Q".padEnd(7)}${"Send-Q".padEnd(7)}${"Local Address:Port".padStart(22)} ${"Peer Address:Port".padStart(22)} Process`;
  const lines = rows.slice(0, limit).map(
    (r) => `${SS_NAME[r.state].padEnd(11)}${"0".padEnd(7)}${String(r.sendQ).padEnd(7)}${r.local.padStart(22)} ${r.peer.padStart(22)}`,
  );
  const more = rows.length > limit ? [`... ${rows.length - limit} more lines (${rows.length} sockets in all)`] : [];
  return [head, ...lines, ...more].join("\n");
}

/** `netstat -nat` as net-tools prints it. */
export function netstatOutput(rows: SocketRow[]): string {
  const head = ["Active Internet connections (servers and established)", "Proto Recv-Q Send-Q Local Address           Foreign Address         State      "];
  return [
    ...head,
    ...rows.map((r) => `tcp        0      0 ${r.local.padEnd(23)} ${r.peer.padEnd(23)} ${NETSTAT_NAME[r.state]}`),
  ].join("\n");
}

/**
 * What `netstat -nat | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'`
 * prints: one line per state name. awk's `for (a in S)` order is unspecified;
 * this prints them in a fixed order so the display does not jump around.
 */
export function awkSummary(rows: SocketRow[]): string {
  const order: StateName[] = ["LISTEN", "ESTABLISHED", "SYN-RECV", "CLOSE-WAIT", "LAST-ACK", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSING", "TIME-WAIT"];
  const counts = countByState(rows);
  return order
    .filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => `${NETSTAT_NAME[s]} ${counts.get(s)}`)
    .join("\n");
}

/** Descriptors the server process holds: 0, 1, 2, the listener, and every accepted socket it has not closed. */
export function serverFdCount(index: TraceIndex, t: number, fixAt: number | null): number {
  let open = 0;
  for (const p of index.plan) {
    if (p.start > t) break;
    if (fixAt !== null && t >= fixAt && p.start < fixAt) continue; // the old process is gone
    if (p.leaks) {
      open++;
      continue;
    }
    // Other connections are held only for the few milliseconds handle() runs.
    if (t >= p.start && t < p.start + 0.04) open++;
  }
  return 4 + open;
}

/** RSTs the clients sent to the server up to t (answers to segments for connections they had forgotten). */
export function clientResets(index: TraceIndex, t: number): number {
  let n = 0;
  for (const d of index.trace.detailed) {
    if (d.t > t) break;
    if (d.from !== "server" && d.flags.startsWith("R")) n++;
  }
  return n;
}

export interface LogLine {
  t: number;
  text: string;
}

function fmt(t: number): string {
  return t.toFixed(3).padStart(8);
}

/** Every segment, state change and server call up to t, in time order. */
export function eventLog(index: TraceIndex, t: number): LogLine[] {
  const lines: LogLine[] = [];
  const tr = index.trace;
  for (const d of tr.detailed) {
    if (d.t > t) break;
    const ack = d.ack === null ? "" : ` ack ${d.ack}`;
    lines.push({ t: d.t, text: `${fmt(d.t)}  ${d.from.padEnd(10)} > ${d.to.padEnd(10)} [${d.flags}] seq ${d.seq}${ack} len ${d.len}${d.dropped ? " (dropped)" : ""}` });
  }
  for (const s of tr.states) {
    if (s.t > t) continue;
    lines.push({ t: s.t, text: `${fmt(s.t)}  ${s.host.padEnd(10)} ${s.conn ? `${s.conn}: ` : ""}-> ${s.state}` });
  }
  for (const c of tr.calls) {
    if (c.t > t || c.host !== "server") continue;
    lines.push({ t: c.t, text: `${fmt(c.t)}  server     ${c.call}(${c.conn ?? ""}) = ${c.result}` });
  }
  lines.sort((a, b) => a.t - b.t);
  return lines;
}
