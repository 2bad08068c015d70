/**
 * TIME-WAIT under load: how many TIME-WAIT sockets each side holds over time
 * when a client opens and closes short connections to one server address and
 * port, and when the client runs out of ephemeral ports.
 *
 * Why a model and not the engine: the widget's slider goes up to 5000
 * connections per second for several minutes (over a million connections);
 * lib/tcp simulates every segment and takes hundreds of milliseconds for a few
 * thousand connections, so re-simulating on every slider move is out of reach.
 * This module follows the same kernel rules the engine follows, and
 * tests/unit/widgets/time-wait-load.test.ts checks it against lib/tcp at small
 * rates:
 *
 * - TIME-WAIT lasts TCP_TIMEWAIT_LEN = 60 s, fixed (include/net/tcp.h); only
 *   the side that closed first enters it (RFC 9293 §3.6).
 * - A client's TIME-WAIT keeps its 4-tuple, so the local port cannot be given
 *   to a new connection to the same server address and port
 *   (__inet_hash_connect in net/ipv4/inet_hashtables.c). connect() fails with
 *   EADDRNOTAVAIL when every port of ip_local_port_range is taken.
 * - A server's TIME-WAIT sockets all share the server's one listening port and
 *   differ by the client's port: they use no port of the server's range. One
 *   client host reaches the server from at most its own ephemeral ports, and
 *   connect() tries ports of the range's first port's parity first ("In first
 *   pass we try ports of @low parity", __inet_hash_connect), so with nothing
 *   held on the client it cycles through half the range. A SYN for a 4-tuple
 *   the server still holds in TIME-WAIT takes that TIME-WAIT over
 *   (tcp_timewait_state_process() returns TCP_TW_SYN when the SYN's sequence
 *   number or timestamp is newer).
 * - tcp_tw_reuse=1 lets connect() take over a TIME-WAIT whose connection used
 *   timestamps once it is tcp_tw_reuse_delay (1000 ms) old
 *   (tcp_twsk_unique in net/ipv4/tcp_ipv4.c). 2, the default, means loopback
 *   only; these two hosts talk over a network, so 2 behaves like 0 here.
 * - tcp_max_tw_buckets caps the TIME-WAIT sockets of a host: beyond it the
 *   closing socket is destroyed at once instead (inet_twsk_alloc() returns
 *   NULL; tcp_time_wait() counts TCPTimeWaitOverflow).
 *
 * Connections are short (open, one request, close within milliseconds), so
 * outside TIME-WAIT a connection holds its port for a negligible time.
 */
import { LINUX_DEFAULTS } from "@/lib/tcp";

/** TCP_TIMEWAIT_LEN (include/net/tcp.h). */
export const TIME_WAIT_SECONDS = 60;
/** tcp_tw_reuse_delay default, milliseconds (Documentation/networking/ip-sysctl.rst, Linux >= 6.13). */
export const TW_REUSE_DELAY_MS = 1000;
/** Model resolution: 0.1 s ticks. */
const TICKS_PER_SECOND = 10;

export type Closer = "client" | "server";

export interface LoadControls {
  /** New connections per second the client attempts. */
  rate: number;
  /** Which side calls close() first, and so holds the TIME-WAIT. */
  closer: Closer;
  portLow: number;
  portHigh: number;
  /** net.ipv4.tcp_tw_reuse: 0 off, 1 on, 2 loopback only (default). */
  twReuse: 0 | 1 | 2;
  /** net.ipv4.tcp_max_tw_buckets, per host. */
  maxTwBuckets: number;
  /** Seconds to run. */
  duration: number;
}

export const DEFAULT_CONTROLS: LoadControls = {
  rate: 500,
  closer: "client",
  portLow: LINUX_DEFAULTS.ip_local_port_range[0],
  portHigh: LINUX_DEFAULTS.ip_local_port_range[1],
  twReuse: LINUX_DEFAULTS.tcp_tw_reuse as LoadControls["twReuse"],
  // ehash entries / 2 (tcp_set_hashinfo in net/ipv4/tcp_ipv4.c): 131072 in a new network namespace on the
  // machine that made the captures (half its 262144-bucket table).
  maxTwBuckets: LINUX_DEFAULTS.tcp_max_tw_buckets,
  duration: 180,
};

export const LIMITS = {
  rate: { min: 1, max: 5000 },
  port: { min: 1024, max: 65535 },
  maxTwBuckets: { min: 0, max: 262144 },
  duration: { min: 10, max: 600 },
} as const;

export interface LoadSample {
  /** seconds */
  t: number;
  clientTimeWait: number;
  serverTimeWait: number;
  /** Ephemeral ports the client could still use to reach this server address and port. */
  freePorts: number;
  /** Cumulative totals up to t. */
  attempted: number;
  succeeded: number;
  failed: number;
  /** Connections that closed without TIME-WAIT because tcp_max_tw_buckets was reached. */
  overflows: number;
  /** Client TIME-WAITs taken over by connect() (tcp_tw_reuse=1). */
  reused: number;
}

export interface LoadEvent {
  t: number;
  text: string;
}

export interface LoadResult {
  controls: LoadControls;
  portCount: number;
  samples: LoadSample[];
  /** First moment connect() failed with EADDRNOTAVAIL, or null. */
  exhaustedAt: number | null;
  events: LoadEvent[];
  /** Connections per second one client can sustain to one server address:port without reuse: ports / 60 s. */
  sustainableRate: number;
  /** Distinct 4-tuples one client reaches the server from while it holds no port itself: the first-parity half of the range. */
  serverTupleCap: number;
  /** First moments each limit bound, or null if it never did. */
  overflowAt: number | null;
  reuseAt: number | null;
  takeoverAt: number | null;
  /** The most TIME-WAIT sockets each side held at once (at a sample). */
  peakClientTimeWait: number;
  peakServerTimeWait: number;
}

/** Clamps and rounds controls to what the widget and the kernel accept. */
export function normalizeControls(input: Partial<LoadControls>): LoadControls {
  const d = DEFAULT_CONTROLS;
  const int = (v: unknown, fallback: number, min: number, max: number) => {
    const n = typeof v === "number" && Number.isFinite(v) ? Math.round(v) : fallback;
    return Math.min(max, Math.max(min, n));
  };
  let portLow = int(input.portLow, d.portLow, LIMITS.port.min, LIMITS.port.max);
  let portHigh = int(input.portHigh, d.portHigh, LIMITS.port.min, LIMITS.port.max);
  if (portLow > portHigh) [portLow, portHigh] = [portHigh, portLow];
  const reuse = input.twReuse === 0 || input.twReuse === 1 || input.twReuse === 2 ? input.twReuse : d.twReuse;
  return {
    rate: int(input.rate, d.rate, LIMITS.rate.min, LIMITS.rate.max),
    closer: input.closer === "server" ? "server" : input.closer === "client" ? "client" : d.closer,
    portLow,
    portHigh,
    twReuse: reuse,
    maxTwBuckets: int(input.maxTwBuckets, d.maxTwBuckets, LIMITS.maxTwBuckets.min, LIMITS.maxTwBuckets.max),
    duration: int(input.duration, d.duration, LIMITS.duration.min, LIMITS.duration.max),
  };
}

/**
 * TIME-WAIT sockets of one host, bucketed by the tick they were created in,
 * so they expire exactly TIME_WAIT_SECONDS later and the oldest can be taken
 * over first.
 */
class TimeWaitRing {
  private readonly created: Float64Array;
  private readonly len: number;
  count = 0;
  /** No live socket was created before this tick (a hint for removeOldest). */
  private oldest = 0;
  constructor(lifetimeTicks: number) {
    this.len = lifetimeTicks;
    this.created = new Float64Array(lifetimeTicks);
  }
  /** Drops the bucket created lifetimeTicks ago (call at the start of each tick). */
  expire(tick: number): number {
    const i = tick % this.len;
    const gone = this.created[i]!;
    this.created[i] = 0;
    this.count -= gone;
    return gone;
  }
  add(tick: number, n: number): void {
    this.created[tick % this.len]! += n;
    this.count += n;
  }
  /** Sockets created within the last `ticks` ticks, this one included. */
  youngerThan(tick: number, ticks: number): number {
    let sum = 0;
    for (let k = 0; k < ticks && k <= tick; k++) sum += this.created[(tick - k) % this.len]!;
    return sum;
  }
  /** Removes n sockets, oldest first (tcp_tw_reuse takes over old TIME-WAITs). */
  removeOldest(tick: number, n: number): void {
    let left = n;
    // Start at the oldest bucket still alive; earlier removals leave empty buckets behind it.
    let k = Math.max(this.oldest, tick - this.len + 1, 0);
    for (; k <= tick && left > 0; k++) {
      const i = k % this.len;
      const take = Math.min(left, this.created[i]!);
      this.created[i]! -= take;
      left -= take;
      if (this.created[i]! > 0) break;
    }
    this.oldest = k;
    this.count -= n - left;
  }
}

/** Runs the load for controls.duration seconds; samples once per second. */
export function simulateLoad(input: Partial<LoadControls>): LoadResult {
  const c = normalizeControls(input);
  const portCount = c.portHigh - c.portLow + 1;
  const lifetime = TIME_WAIT_SECONDS * TICKS_PER_SECOND;
  const reuseTicks = Math.ceil((TW_REUSE_DELAY_MS / 1000) * TICKS_PER_SECOND);
  // tcp_twsk_unique(): 2 means loopback only, and client and server are different hosts here.
  const reuseOn = c.twReuse === 1;
  const clientTw = new TimeWaitRing(lifetime);
  const serverTw = new TimeWaitRing(lifetime);
  const totalTicks = c.duration * TICKS_PER_SECOND;
  const samples: LoadSample[] = [];
  const events: LoadEvent[] = [];
  let attempted = 0;
  let succeeded = 0;
  let failed = 0;
  let overflows = 0;
  let reused = 0;
  let exhaustedAt: number | null = null;
  let firstOverflowAt: number | null = null;
  let firstReuseAt: number | null = null;
  let firstTakeoverAt: number | null = null;
  // Distinct client ports one client host uses while it holds none itself: the first-parity half of the range.
  const serverTupleCap = Math.ceil(portCount / 2);
  let recoveredLogged = false;
  const sample = (tick: number) => {
    samples.push({
      t: tick / TICKS_PER_SECOND,
      clientTimeWait: Math.round(clientTw.count),
      serverTimeWait: Math.round(serverTw.count),
      freePorts: Math.max(0, portCount - Math.round(clientTw.count)),
      attempted,
      succeeded,
      failed,
      overflows,
      reused,
    });
  };
  events.push({
    t: 0,
    text: `Start: ${c.rate} connections/s, the ${c.closer} closes first; ${portCount} ephemeral ports (${c.portLow}-${c.portHigh}); tcp_tw_reuse=${c.twReuse}; tcp_max_tw_buckets=${c.maxTwBuckets}.`,
  });
  sample(0);
  for (let tick = 0; tick < totalTicks; tick++) {
    const t = tick / TICKS_PER_SECOND;
    const expiredClient = clientTw.expire(tick);
    serverTw.expire(tick);
    if (tick === lifetime) {
      events.push({ t, text: `The first TIME-WAIT sockets expire, ${TIME_WAIT_SECONDS} s after they were created (TCP_TIMEWAIT_LEN).` });
    }
    // Arrivals in this tick, spread evenly: floor((k+1)·rate·dt) - floor(k·rate·dt).
    const n = Math.floor(((tick + 1) * c.rate) / TICKS_PER_SECOND) - Math.floor((tick * c.rate) / TICKS_PER_SECOND);
    attempted += n;
    // The TIME-WAIT holder decides who runs out of what.
    let ok = n;
    if (c.closer === "client") {
      // A port is busy while the client holds a TIME-WAIT on it (one destination: one TIME-WAIT per port).
      const free = portCount - clientTw.count;
      ok = Math.max(0, Math.min(n, free));
      let rest = n - ok;
      if (rest > 0 && reuseOn) {
        const reusable = clientTw.count - clientTw.youngerThan(tick, reuseTicks);
        const take = Math.max(0, Math.min(rest, reusable));
        if (take > 0) {
          clientTw.removeOldest(tick, take);
          reused += take;
          ok += take;
          rest -= take;
          if (firstReuseAt === null) {
            firstReuseAt = t;
            events.push({ t, text: `Every port is in TIME-WAIT; tcp_tw_reuse=1 lets connect() take over TIME-WAIT sockets older than ${TW_REUSE_DELAY_MS} ms (tcp_twsk_unique).` });
          }
        }
      }
      if (rest > 0) {
        failed += rest;
        if (exhaustedAt === null) {
          exhaustedAt = t;
          events.push({ t, text: `connect() fails with EADDRNOTAVAIL: all ${portCount} ports hold a TIME-WAIT to this server address and port.` });
        }
      } else if (exhaustedAt !== null && !recoveredLogged && expiredClient > 0 && n > 0 && failed > 0) {
        recoveredLogged = true;
        events.push({ t, text: `Old TIME-WAIT sockets expire and free ports: about ${(portCount / TIME_WAIT_SECONDS).toFixed(0)} connect() calls per second succeed from now on.` });
      }
    }
    succeeded += ok;
    if (c.closer === "server") {
      // New SYNs on 4-tuples the server still holds in TIME-WAIT take those over (oldest first).
      const excess = serverTw.count + ok - serverTupleCap;
      if (excess > 0) {
        serverTw.removeOldest(tick, Math.min(excess, serverTw.count));
        if (firstTakeoverAt === null) {
          firstTakeoverAt = t;
          events.push({
            t,
            text: `The client has cycled through its ${serverTupleCap} ports of the first parity: each new SYN arrives on a 4-tuple the server still holds in TIME-WAIT, and takes it over (TCP_TW_SYN).`,
          });
        }
      }
    }
    // Each successful connection closes: the first closer's socket enters TIME-WAIT if a bucket is free.
    const holder = c.closer === "client" ? clientTw : serverTw;
    const room = Math.max(0, c.maxTwBuckets - holder.count);
    const created = Math.min(ok, room);
    holder.add(tick, created);
    const over = ok - created;
    if (over > 0) {
      overflows += over;
      if (firstOverflowAt === null) {
        firstOverflowAt = t;
        events.push({
          t,
          text: `tcp_max_tw_buckets (${c.maxTwBuckets}) reached on the ${c.closer}: closing sockets are destroyed without TIME-WAIT (TcpExtTCPTimeWaitOverflow).`,
        });
      }
    }
    if ((tick + 1) % TICKS_PER_SECOND === 0) sample(tick + 1);
  }
  events.push({
    t: c.duration,
    text: `End: ${succeeded} connections made, ${failed} connect() calls failed, ${overflows} closed without TIME-WAIT, ${reused} TIME-WAIT sockets reused.`,
  });
  events.sort((a, b) => a.t - b.t);
  return {
    controls: c,
    portCount,
    samples,
    exhaustedAt,
    events,
    sustainableRate: portCount / TIME_WAIT_SECONDS,
    serverTupleCap,
    overflowAt: firstOverflowAt,
    reuseAt: firstReuseAt,
    takeoverAt: firstTakeoverAt,
    peakClientTimeWait: Math.max(...samples.map((x) => x.clientTimeWait)),
    peakServerTimeWait: Math.max(...samples.map((x) => x.serverTimeWait)),
  };
}
