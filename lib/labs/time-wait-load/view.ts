/**
 * What the TIME-WAIT load widget shows, as pure functions of the model's
 * result: the numbers at the cursor, the event log as text, the table rows.
 */
import { checkWholeNumber, formatCount, type FieldCheck, type WholeNumberRule } from "../fieldCheck";
import { LIMITS, normalizeControls, TIME_WAIT_SECONDS, TW_REUSE_DELAY_MS, type Closer, type LoadControls, type LoadResult, type LoadSample } from "./model";

/** The sample at or just before t. */
export function sampleAt(result: LoadResult, t: number): LoadSample {
  const s = result.samples;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return s[lo]!;
}

export function formatSeconds(t: number): string {
  return `${Number.isInteger(t) ? t : t.toFixed(1)} s`;
}

/** The event log as copyable text, one event a line. */
export function eventLogText(result: LoadResult, upTo = Infinity): string {
  return result.events
    .filter((e) => e.t <= upTo)
    .map((e) => `t=${formatSeconds(e.t).padStart(7)}  ${e.text}`)
    .join("\n");
}

/** Rows for the text table: every `every` seconds, and the last one. */
export function tableRows(result: LoadResult, every: number): LoadSample[] {
  const rows = result.samples.filter((s) => s.t % every === 0);
  const last = result.samples[result.samples.length - 1];
  if (last && rows[rows.length - 1] !== last) rows.push(last);
  return rows;
}

/** A sentence that says what the chart shows, for its text alternative. */
export function chartSummary(result: LoadResult): string {
  const last = result.samples[result.samples.length - 1]!;
  const c = result.controls;
  const exhausted =
    result.exhaustedAt === null
      ? "connect() never fails"
      : `connect() starts failing with EADDRNOTAVAIL at ${formatSeconds(result.exhaustedAt)}`;
  return `Over ${c.duration} s at ${c.rate} connections per second with the ${c.closer} closing first: the client ends with ${last.clientTimeWait} TIME-WAIT sockets and ${last.freePorts} free ports, the server with ${last.serverTimeWait}; ${exhausted}.`;
}

/** Controls from the URL (anything missing or wrong falls back to defaults). */
export function controlsFromUrl(value: unknown): LoadControls | null {
  if (typeof value !== "object" || value === null) return null;
  return normalizeControls(value as Partial<LoadControls>);
}

// ------------------------------------------------------------------ the controls' rules

/** What ip_local_port_range accepts, as the kernel checks a write (ipv4_local_port_range() in net/ipv4/sysctl_net_ipv4.c). */
export const PORT_RULE: WholeNumberRule = { min: LIMITS.port.min, max: LIMITS.port.max, why: "ports from ip_unprivileged_port_start, 1024, to 65535" };
/** The widget's own range for tcp_max_tw_buckets (the kernel takes up to 2147483647). */
export const BUCKETS_RULE: WholeNumberRule = { min: LIMITS.maxTwBuckets.min, max: LIMITS.maxTwBuckets.max, why: "this widget's range" };

export interface PortRangeCheck {
  /** What is wrong with each end on its own, or null. */
  low: string | null;
  high: string | null;
  /** What is wrong with the pair (low above high), or null. */
  pair: string | null;
  /** The range to simulate, when both ends pass. */
  range: { portLow: number; portHigh: number } | null;
}

/**
 * Both ends of ip_local_port_range as typed. The kernel refuses, with EINVAL,
 * a range whose high end is below its low end or whose low end is below
 * ip_unprivileged_port_start (ipv4_local_port_range()); so does the widget,
 * rather than swapping the ends.
 */
export function checkPortRange(lowText: string, highText: string): PortRangeCheck {
  const low = checkWholeNumber(lowText, PORT_RULE);
  const high = checkWholeNumber(highText, PORT_RULE);
  const out: PortRangeCheck = { low: low.ok ? null : low.message, high: high.ok ? null : high.message, pair: null, range: null };
  if (!low.ok || !high.ok) return out;
  if (low.value > high.value) {
    out.pair = `The low end (${low.value}) is above the high end (${high.value}): the kernel refuses such a range (EINVAL). Make the low end at most the high end.`;
    return out;
  }
  out.range = { portLow: low.value, portHigh: high.value };
  return out;
}

export function checkMaxTwBuckets(text: string): FieldCheck<number> {
  return checkWholeNumber(text, BUCKETS_RULE);
}

// ------------------------------------------------------------------ why a number differs from rate × 60 s

export interface LimitNote {
  /** Which limit bound: one client's ports seen by the server, the client's port range, reuse, the bucket cap. */
  kind: "one-client" | "port-range" | "tw-reuse" | "buckets";
  text: string;
}

export interface LimitExplanation {
  side: Closer;
  /** Little's law: connections closed per second × 60 s, what the lesson's text computes. */
  expected: number;
  /** The most TIME-WAIT sockets the closing side held in this run. */
  shown: number;
  notes: LimitNote[];
}

/**
 * Why the closing side's TIME-WAIT count stops below rate × 60 s (Little's
 * law, TCP_TIMEWAIT_LEN = 60 s), naming each limit that bound and its value;
 * null when none did (the count reaches rate × 60 s, or the run ends first).
 */
export function explainLimits(result: LoadResult): LimitExplanation | null {
  const c = result.controls;
  const side = c.closer;
  const expected = c.rate * TIME_WAIT_SECONDS;
  const shown = side === "client" ? result.peakClientTimeWait : result.peakServerTimeWait;
  const range = `ip_local_port_range = ${c.portLow} ${c.portHigh}`;
  const notes: LimitNote[] = [];
  if (side === "client" && (result.exhaustedAt !== null || result.reuseAt !== null)) {
    notes.push({
      kind: "port-range",
      text: `${range} gives connect() ${formatCount(result.portCount)} ports to reach this one server address and port, and each client TIME-WAIT holds one of them for 60 s (__inet_hash_connect() skips a port whose 4-tuple is in TIME-WAIT).`,
    });
    if (result.reuseAt !== null) {
      notes.push({
        kind: "tw-reuse",
        text:
          `tcp_tw_reuse = 1: from t = ${formatSeconds(result.reuseAt)} connect() takes over TIME-WAIT sockets older than ${TW_REUSE_DELAY_MS} ms (tcp_twsk_unique()), ` +
          (result.exhaustedAt === null
            ? "so the count stays at the port count and no connect() fails."
            : `but at ${formatCount(c.rate)} connections per second some ports' TIME-WAITs are younger than that: from t = ${formatSeconds(result.exhaustedAt)} some connect() calls fail with EADDRNOTAVAIL.`),
      });
    } else {
      notes.push({
        kind: "port-range",
        text: `From t = ${formatSeconds(result.exhaustedAt!)} every port is taken: the other connect() calls fail with EADDRNOTAVAIL, and only about ${formatCount(Math.floor(result.sustainableRate))} connections per second (${formatCount(result.portCount)} / 60 s) get through.`,
      });
    }
  }
  if (side === "server" && result.takeoverAt !== null) {
    notes.push({
      kind: "one-client",
      text: `All the connections come from one client host. While it holds no port itself, its connect() takes ports of one parity only ("In first pass we try ports of @low parity", __inet_hash_connect()): ${formatCount(result.serverTupleCap)} of the ${formatCount(result.portCount)} ports of its ${range}. So the server sees at most ${formatCount(result.serverTupleCap)} different 4-tuples, and a SYN on a 4-tuple it still holds in TIME-WAIT takes that TIME-WAIT over (RFC 9293 §3.6.1; tcp_timewait_state_process() returns TCP_TW_SYN). Linux also skips a few ports at random between connects, so a real single client reaches somewhat fewer; clients on many hosts bring the server to rate × 60 s.`,
    });
  }
  if (result.overflowAt !== null) {
    notes.push({
      kind: "buckets",
      text: `tcp_max_tw_buckets = ${formatCount(c.maxTwBuckets)} caps the ${side}'s TIME-WAIT sockets: from t = ${formatSeconds(result.overflowAt)} a closing socket finds no free bucket (inet_twsk_alloc() returns NULL) and is destroyed at once, without TIME-WAIT. ${formatCount(result.samples[result.samples.length - 1]!.overflows)} connections ended that way; Linux counts them in TcpExtTCPTimeWaitOverflow (older kernels also logged "TCP: time wait bucket table overflow").`,
    });
  }
  if (notes.length === 0 || shown >= expected) return null;
  return { side, expected, shown, notes };
}

/** The heading of the explanation: the number the text computes beside the one the widget shows. */
export function limitHeadline(e: LimitExplanation, rate: number): string {
  const who = e.side === "client" ? "client" : "server";
  return `Why the ${who} holds at most ${formatCount(e.shown)} TIME-WAIT sockets, not ${formatCount(rate)} × 60 s = ${formatCount(e.expected)}`;
}
