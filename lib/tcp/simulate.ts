/**
 * The simulator: hosts, links, the virtual clock, and the event loop that
 * runs a scenario to its end. Everything is deterministic: time is virtual
 * (integer microseconds) and randomness comes from one seeded PRNG.
 */
import { Host, type HostCounters, type HostEngine } from "./host";
import type { Sock } from "./endpoint";
import { EV_REQ_LANE, type Listener, type ListenerCounters, type RequestSock } from "./listener";
import { EV_LINK_LANE, NOT_OBSERVED, Network, OBSERVE_ON_ARRIVAL, OBSERVE_ON_ARRIVAL_DROPPED, type LinkLane } from "./network";
import { Rng } from "./random";
import { Ev, Lane, Scheduler } from "./scheduler";
import type { Scenario, Step } from "./scenario";
import { SYN, type Segment } from "./segment";
import { TcpState, isAllowedTransition, STATE_NAMES, type StateName } from "./state";
import { resolveSysctls, type Sysctls } from "./sysctl";
import { NO_COUNTERFACTUAL, type Counterfactual } from "./socketContext";
import { TimerKind, US, wheelDeadline } from "./timers";
import { EV_TW_LANE, type TimeWaitSock } from "./timewait";
import { NO_CONN, Recorder, recorderToTrace, usToSeconds, type Trace, type TraceSegment, type TraceState } from "./trace";

const EV_SAMPLE = 12;
/** A host's program wakes from a blocked call and goes on with its later calls. */
const EV_RESUME = 13;

/** Spoofed source addresses live above every real host index. */
const SPOOF_BASE = 1 << 13;
/** The server is host 0 (see the constructor); traces are observed at its interface. */
const SERVER = 0;
const SPOOF_PORTS = 60000;
/** Spoofed addresses from here on would alias in the ehash's remote key (address << 16 | port) and the trace record. */
const SPOOF_ADDR_LIMIT = 1 << 16;

export interface SimulateOptions {
  /** Seed for ISNs, ports and cookie secrets (default: scenario.seed ?? 1). */
  seed?: number;
  /**
   * Initial sequence numbers for a host's first connection, e.g. { client: 0xfffffff0 } to test wraparound;
   * a list gives the ISNs of its first connections in turn (then the PRNG's again).
   */
  isn?: Record<string, number | number[]>;
  /** Stop at this many seconds (default: last step + 10000 s, enough for every Linux timer to run out). */
  until?: number;
  /**
   * Fire kernel timers at their nominal times instead of where Linux's timer
   * wheel rounds them (later by up to 1/8 of their length). Lessons that show
   * "the RTO doubles: 1, 2, 4 s" may want this; conformance needs the wheel.
   */
  nominalTimers?: boolean;
  /** simulateDetailed: sample each host's socket table every this many seconds. */
  sampleEvery?: number;
  /** RFC behaviour instead of Linux where a lesson wants to show it. */
  rfc?: {
    /** RFC 9293 §3.3.2: TIME-WAIT lasts 2 MSL (MSL = 2 min) instead of Linux's fixed 60 s. */
    timeWaitSeconds?: number;
  };
  /**
   * Switch off a piece of TCP's design to show what it prevents (the
   * interview track's what-if sandbox; lessons never set these). Absent or
   * all false: Linux exactly, every trace unchanged.
   */
  counterfactual?: Counterfactual;
  /**
   * O_NONBLOCK sockets, as the capture harness (tools/capture) opened them:
   * connect(), accept() and recv() never hold back the program's later calls
   * (connect and accept are reported when they complete, recv returns at once
   * with what has arrived); only a send() in SYN-SENT waits. Without it every
   * socket blocks, as a plain socket() does.
   */
  nonBlocking?: boolean;
}

/** runScenario's options: simulate()'s, plus what to record. */
export interface RunOptions extends SimulateOptions {
  /**
   * false: segments are counted but not recorded, so a long flood does not
   * pay for records nobody reads (segments, detailed and events are then
   * unavailable; everything else is the same).
   */
  segments?: boolean;
}

export interface AppResult {
  /** when the call was made */
  t: number;
  /** when it returned (later than t for a blocking connect or accept) */
  returned: number;
  host: string;
  call: Step["call"];
  conn?: string;
  result: string;
}

/**
 * One application call as its program made it. A blocked program makes its
 * later calls only when the blocking call returns, so `t` may be later than
 * the step's own `t`.
 */
export interface CallMade {
  /** index of the step in scenario.steps */
  step: number;
  host: string;
  call: Step["call"];
  /** when the program made the call (null: never, its program was still blocked in an earlier call, or had crashed) */
  t: number | null;
  /** its result in `calls` (null: it had not returned when the run ended, or was never made) */
  result: number | null;
  /** it did not return within the system call: the program slept in it */
  blocked: boolean;
  /**
   * On a non-blocking socket: the call returned at once (EINPROGRESS, EAGAIN)
   * and what it started completed later; `result` is that completion, as a
   * program polling for it sees it.
   */
  inProgress?: boolean;
}

export interface HostSample {
  t: number;
  host: string;
  synQueue: number;
  acceptQueue: number;
  established: number;
  timeWait: number;
  closeWait: number;
  finWait2: number;
  listener: ListenerCounters | null;
  counters: HostCounters;
}

export interface DetailedSegment {
  t: number;
  from: string;
  to: string;
  flags: string;
  seq: number;
  ack: number | null;
  /** raw 32-bit numbers */
  absSeq: number;
  absAck: number | null;
  len: number;
  conn: string;
  dropped: boolean;
  srcPort: number;
  dstPort: number;
  /**
   * When the sender sent it, if earlier than `t`: a segment to the server over
   * a delayed link is stamped when it reaches the server's interface.
   */
  sentAt?: number;
}

/** A connection the kernel killed: a valid RST arrived, or a timer gave up (ETIMEDOUT). */
export interface Abort {
  t: number;
  host: string;
  conn: string;
  error: string;
}

export interface DetailedTrace extends Trace {
  /** every state change with its connection named (null: a listener), even with one connection */
  detailedStates: Array<{ t: number; host: string; state: StateName; conn: string | null }>;
  aborts: Abort[];
  detailed: DetailedSegment[];
  calls: AppResult[];
  samples: HostSample[];
  /** final counters per host */
  counters: Record<string, { host: HostCounters; listener: ListenerCounters | null }>;
  /** state changes that broke the RFC 9293 diagram (always empty unless the engine has a bug) */
  violations: string[];
  /** virtual time at which the simulation ended, seconds */
  endedAt: number;
}

/**
 * A running SYN flood. Like the steps it is a source the loop merges in
 * directly (its next SYN is keyed (t, n) like any event) instead of
 * occupying the heap, since it fires 10,000 times a second.
 */
interface Flood {
  host: Host;
  target: Host;
  port: number;
  /** The attacker->target link, looked up once. */
  link: LinkLane;
  i: number;
  count: number;
  start: number;
  durationUs: number;
  /** Spoofed source of SYN i: SPOOF_BASE + floor(i / SPOOF_PORTS), port 1024 + i % SPOOF_PORTS, kept as an odometer. */
  srcAddr: number;
  srcPort: number;
  /**
   * SYN i is due at start + floor(i * durationUs / count). Without a division
   * per SYN: offset = that floor, advanced by q = floor(durationUs / count)
   * and r = durationUs % count with the remainder carried in rem. Exact while
   * count * durationUs is a safe integer; beyond that the division's
   * rounding is kept (exactStep false).
   */
  exactStep: boolean;
  q: number;
  r: number;
  rem: number;
  offset: number;
  t: number;
  n: number;
  /**
   * No delay and no fault touches its SYNs or the target's answers (the
   * scenario's delay is 0, neither host has a fault): what cookieRun() needs.
   */
  plain: boolean;
}

export class Sim implements HostEngine {
  readonly sched = new Scheduler();
  readonly rec: Recorder;
  readonly rng: Rng;
  readonly sysctl: Sysctls;
  readonly hosts: Host[] = [];
  private byName = new Map<string, Host>();
  readonly net: Network;
  readonly calls: AppResult[] = [];
  readonly samples: HostSample[] = [];
  readonly violations: string[] = [];
  readonly aborts: Abort[] = [];
  /** For calls[k]: segments and state changes recorded before it returned (2 numbers per call). */
  readonly callMarks: number[] = [];
  /** Calls in the order made. */
  readonly made: CallMade[] = [];
  /** For made[k]: segments, state changes and call results recorded before it was made (3 numbers per call). */
  readonly madeMarks: number[] = [];
  /** The made[] record of each step made so far. */
  private madeOf = new Map<Step, number>();
  readonly blockingCalls: boolean;
  /** Connection names: the client end's host name, "#k" for its k-th connection (as the capture tool names them). */
  private conns: string[] = [];
  private connsOf = new Map<number, number[]>();
  private twLanes = new Map<number, Lane<TimeWaitSock>>();
  private readonly nominalTimers: boolean;
  private isnGiven: Map<string, number | number[]>;
  /** How many ISNs of a host's options.isn list were used. */
  private isnListUsed = new Map<string, number>();
  /** options.counterfactual, or all off. */
  readonly counterfactual: Counterfactual;
  private untilUs: number;
  private sampleEveryUs: number;
  private floodCount = 0;
  /** Floods started so far: with one, a spoofed (address, port) never repeats. */
  private floodsStarted = 0;
  /** Hosts some fault applies to (as sender). */
  private faulted: Set<string>;
  private timeWaitUs: number | null;
  /**
   * Hosts inside an application call, with the segments that reached them
   * meanwhile. App calls due at the same instant run concurrently: each holds
   * its socket lock, so a segment arriving then waits in the socket backlog
   * (tcp_v4_rcv -> tcp_add_backlog) until release_sock() processes it, in the
   * order the calls return. This is how two FINs cross in a simultaneous close.
   */
  private busy: Map<number, Segment[]> | null = null;
  private readonly steps: Step[];
  /**
   * Their times in microseconds. A typed array: a plain array's elements kind
   * (small integers or doubles) could differ from one simulation to the next,
   * as the JIT-compiled map() below returns one or the other, and every hot
   * method that reads it would be deoptimized each time it changed.
   */
  private stepTimes: Float64Array;
  /** The host making each step's call, looked up once. */
  private readonly stepHosts: Host[];
  /** runCalls(): per host, the position of its last call in the batch being run. */
  private readonly lastCallOf: Int32Array;
  private stepIdx = 0;
  private floods: Flood[] = [];
  /** The segment being delivered: one reused object (handlers copy what they keep). */
  /** Send time (us) of each segment recorded on arrival at the server, by record index. */
  private sentAt = new Map<number, number>();
  private scratch: Segment = { srcAddr: 0, srcPort: 0, dstAddr: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, len: 0, conn: 0 };

  constructor(
    readonly scenario: Scenario,
    readonly options: RunOptions = {},
  ) {
    // each flood SYN is answered (a SYN-ACK or a cookie), and some answers are retransmitted
    let floodSyns = 0;
    for (const s of scenario.steps) if (s.call === "syn-flood") floodSyns += s.count ?? 0;
    this.rec = new Recorder(Math.ceil(floodSyns * 2.25), options.segments !== false);
    this.rng = new Rng(options.seed ?? scenario.seed ?? 1);
    this.counterfactual = options.counterfactual ?? NO_COUNTERFACTUAL;
    this.nominalTimers = options.nominalTimers === true;
    this.blockingCalls = options.nonBlocking !== true;
    this.sysctl = resolveSysctls(scenario.sysctl);
    this.isnGiven = new Map(Object.entries(options.isn ?? {}));
    this.faulted = new Set(scenario.faults.map((f) => f.from));
    this.timeWaitUs = options.rfc?.timeWaitSeconds !== undefined ? Math.round(options.rfc.timeWaitSeconds * US) : null;
    // hosts: server first, then every other name in order of appearance
    const names = ["server"];
    const seen = new Set(names);
    const add = (n: string | undefined) => {
      if (n !== undefined && !seen.has(n)) {
        seen.add(n);
        names.push(n);
      }
    };
    for (const s of scenario.steps) {
      add(s.host);
      add(s.to);
    }
    for (const f of scenario.faults) add(f.from);
    if (names.length >= SPOOF_BASE) throw new Error(`too many hosts (${names.length}, at most ${SPOOF_BASE - 1})`);
    for (const n of names) {
      const h = new Host(this, this.hosts.length, n);
      this.hosts.push(h);
      this.byName.set(n, h);
    }
    this.net = new Network(this.sched, this.hosts.length, Math.round(scenario.network.delay * US), scenario.faults, (n) =>
      this.hostByName(n).index,
    );
    const lastStep = scenario.steps.reduce((m, s) => Math.max(m, s.t), 0);
    this.untilUs = Math.round((options.until ?? lastStep + 10000) * US);
    this.sampleEveryUs = options.sampleEvery ? Math.round(options.sampleEvery * US) : 0;
    // steps in time order (stable). They stay out of the heap: the loop merges
    // them in, and at equal times they come first, as if scheduled before anything else.
    const all = scenario.steps;
    const order = all.map((_, i) => i).sort((a, b) => all[a]!.t - all[b]!.t || a - b);
    // pushed one by one, not map(): once the constructor is JIT-compiled, map() makes a
    // holey array, and the hot methods that check this array's hidden class would be
    // deoptimized in the next simulation
    this.steps = [];
    for (const i of order) this.steps.push(all[i]!);
    this.stepTimes = Float64Array.from(this.steps, (s) => Math.round(s.t * US));
    this.stepHosts = [];
    for (const s of this.steps) this.stepHosts.push(this.hostByName(s.host));
    this.lastCallOf = new Int32Array(this.hosts.length);
    if (this.sampleEveryUs > 0) this.sched.at(new Ev(EV_SAMPLE, null), 0);
  }

  get now(): number {
    return this.sched.now;
  }

  hostByName(name: string): Host {
    const h = this.byName.get(name);
    if (!h) throw new Error(`no host ${name}`);
    return h;
  }

  /** With several connections, segments and states carry `conn`. */
  get includeConn(): boolean {
    return this.floodCount > 0 || this.conns.length > 1;
  }

  /** The connection's name: its client end, or flood-N. */
  connName(code: number): string {
    if (code < 0) return `flood-${-code}`;
    return this.conns[code] ?? "?";
  }

  /**
   * A new connection from host a to host b. Its client end is the host that
   * is not the server; when the server connects out to a host that is itself
   * connecting (simultaneous open), both ends share that connection's name.
   */
  connCode(a: number, b: number): number {
    const clientEnd = this.hosts[a]!.name === "server" ? b : a;
    const list = this.connsOf.get(clientEnd) ?? [];
    if (clientEnd !== a) {
      const last = list[list.length - 1];
      if (last !== undefined) {
        const h = this.hosts[clientEnd]!;
        if (h.owned.some((s) => s.conn === last && s.state !== TcpState.CLOSED)) return last;
      }
    }
    const name = this.hosts[clientEnd]!.name + (list.length > 0 ? `#${list.length + 1}` : "");
    const code = this.conns.length;
    this.conns.push(name);
    list.push(code);
    this.connsOf.set(clientEnd, list);
    return code;
  }

  nextIsn(h: Host): number {
    if (this.counterfactual.isnZero) return 0;
    const given = this.isnGiven.get(h.name);
    if (given !== undefined) {
      if (typeof given === "number") {
        this.isnGiven.delete(h.name);
        return given >>> 0;
      }
      // a list: one per connection, in turn (the caller's array is left as it was)
      const k = this.isnListUsed.get(h.name) ?? 0;
      if (k < given.length) {
        this.isnListUsed.set(h.name, k + 1);
        return given[k]! >>> 0;
      }
    }
    return this.rng.nextU32();
  }

  /** Absolute time at which a kernel timer armed now for `delay` fires. */
  timerDeadline(delay: number): number {
    return this.nominalTimers ? this.now + delay : wheelDeadline(this.now, delay);
  }

  /** TCP_TIMEWAIT_LEN, or the RFC's 2*MSL when a lesson asks for it. */
  timeWaitLen(timeo: number): number {
    return this.timeWaitUs !== null && timeo === 60 * US ? this.timeWaitUs : timeo;
  }

  twLane(timeo: number): Lane<TimeWaitSock> {
    let l = this.twLanes.get(timeo);
    if (!l) {
      l = new Lane<TimeWaitSock>(this.sched, EV_TW_LANE);
      this.twLanes.set(timeo, l);
    }
    return l;
  }

  /** setState's single sink: records the trace entry and checks the transition. */
  recordState(host: Host, prev: TcpState, next: TcpState, conn: number): void {
    if (prev === next) return;
    if (!isAllowedTransition(prev, next)) {
      this.violations.push(
        `${usToSeconds(this.now)} ${host.name} ${this.connName(conn)}: ${STATE_NAMES[prev]} -> ${STATE_NAMES[next]}`,
      );
    }
    const c = host.stateCounts;
    if (prev !== TcpState.CLOSED) c[prev]!--;
    if (next !== TcpState.CLOSED) c[next]!++;
    this.rec.state(this.now, host.index, next, conn);
  }

  /**
   * Every segment a host puts on the wire goes through here. seq and ack may
   * be uint32 or their int32 bit patterns; they travel as int32 (no heap
   * allocation per segment) until a Segment is handed to a host, which sees
   * uint32 again.
   */
  emit(
    from: number,
    srcAddr: number,
    srcPort: number,
    dstAddr: number,
    dstPort: number,
    flags: number,
    seq: number,
    ack: number,
    len: number,
    conn: number,
  ): void {
    const h = this.hosts[from]!;
    let priorSyn = h.sentFirstSyn;
    if (flags & SYN) h.sentFirstSyn = true;
    else priorSyn = true;
    const faultDrops = this.net.drops(from, flags, len, priorSyn);
    seq |= 0;
    ack |= 0;
    // a hold or duplicate fault (cold: only hosts that have one ask)
    if (!faultDrops && this.net.hasLate(from) && dstAddr < this.hosts.length && this.net.lateMatch(from, flags, len)) {
      if (this.sendLate(from, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn)) return;
    }
    // A trace is observed at the server's interface (docs/scenario-format.md): a segment
    // to the server over a delayed link is recorded when it gets there, not when sent.
    // It still travels when a fault drops it: the server's input drops it after its
    // interface has seen it.
    if (dstAddr === SERVER && from !== SERVER && this.net.delayFrom(from) > 0) {
      this.net.deliver(from, SERVER, this.hosts[SERVER], srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn,
        faultDrops ? OBSERVE_ON_ARRIVAL_DROPPED : OBSERVE_ON_ARRIVAL);
      return;
    }
    // a segment to a crashed host is on the wire but lost there
    const dropped = faultDrops || (dstAddr < this.hosts.length && this.hosts[dstAddr]!.down);
    this.rec.segment(this.sched.now, from, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn, dropped);
    // a segment to a spoofed address (a SYN-ACK answering a flood) goes nowhere
    if (!dropped && dstAddr < this.hosts.length) this.transmit(from, dstAddr, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn);
  }

  /**
   * A late fault matched the segment being sent (network.ts lateMatch): the
   * segment (hold) or a copy of it (duplicate) travels on a lane of its own,
   * arriving that much later than the link would bring it, so later segments
   * overtake it. Stamped where every trace is: a segment to the server when it
   * reaches the server's interface (so a client's copy appears twice), one the
   * server sends when it leaves (its copy, made beyond that interface, is not
   * recorded again). True when the segment itself was held (emit is done).
   */
  private sendLate(
    from: number,
    srcAddr: number,
    srcPort: number,
    dstAddr: number,
    dstPort: number,
    flags: number,
    seq: number,
    ack: number,
    len: number,
    conn: number,
  ): boolean {
    const net = this.net;
    const held = net.lateHold > 0;
    const at = this.now + net.delayFrom(from) + (held ? net.lateHold : net.lateDup);
    const toServer = dstAddr === SERVER && from !== SERVER;
    if (held && !toServer) this.rec.segment(this.now, from, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn, false);
    const to = this.hosts[dstAddr]!;
    net.lateLane(from, to).push(at, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn, toServer ? OBSERVE_ON_ARRIVAL : NOT_OBSERVED);
    return held;
  }

  /** Hands a segment to the link towards host `to` (or, inside concurrent calls, to its socket backlog). */
  private transmit(
    from: number,
    to: number,
    srcAddr: number,
    srcPort: number,
    dstAddr: number,
    dstPort: number,
    flags: number,
    seq: number,
    ack: number,
    len: number,
    conn: number,
  ): void {
    if (this.busy !== null && this.net.delayFrom(from) === 0) {
      const backlog = this.busy.get(to);
      if (backlog !== undefined) {
        backlog.push({ srcAddr, srcPort, dstAddr, dstPort, seq: seq >>> 0, ack: ack >>> 0, flags, len, conn });
        return;
      }
      // a veth with no delay: the receiver's TCP handles the segment inside the sending call
      // (netif_rx(), then the softirq at local_bh_enable() on the same CPU), behind anything
      // still on that link
      // (a fresh Segment: the receiver may send, and so re-enter, meanwhile)
      if (this.net.link(from, to, this.hosts[to]).empty) {
        this.hosts[to]!.receive({ srcAddr, srcPort, dstAddr, dstPort, seq: seq >>> 0, ack: ack >>> 0, flags, len, conn });
        return;
      }
    }
    this.net.deliver(from, to, this.hosts[to], srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn);
  }

  callMade(h: Host, step: Step): number {
    const k = this.made.length;
    this.made.push({ step: -1, host: h.name, call: step.call, t: usToSeconds(this.now), result: null, blocked: false });
    this.madeMarks.push(this.rec.nSeg, this.rec.nState, this.calls.length);
    this.madeOf.set(step, k);
    return k;
  }

  callBlocked(made: number, asleep: boolean): void {
    if (asleep) this.made[made]!.blocked = true;
    else this.made[made]!.inProgress = true;
  }

  resumeLater(h: Host): void {
    this.sched.at(new Ev(EV_RESUME, h), this.now);
  }

  /** made[], with each record's step index, and the steps a blocked or crashed program never made. */
  callsMade(): CallMade[] {
    const index = new Map<Step, number>();
    this.scenario.steps.forEach((s, i) => index.set(s, i));
    for (const [step, k] of this.madeOf) this.made[k]!.step = index.get(step) ?? -1;
    const out = this.made.slice();
    // steps whose time came (the loop reached them) but that their program never made
    for (let k = 0; k < this.stepIdx; k++) {
      const s = this.steps[k]!;
      if (!this.madeOf.has(s)) out.push({ step: index.get(s) ?? -1, host: s.host, call: s.call, t: null, result: null, blocked: false });
    }
    return out;
  }

  appResult(step: Step, calledAt: number, result: string, conn: number | null): void {
    const k = this.madeOf.get(step);
    if (k !== undefined) this.made[k]!.result = this.calls.length;
    const r: AppResult = {
      t: usToSeconds(calledAt),
      returned: usToSeconds(this.now),
      host: step.host,
      call: step.call,
      result,
    };
    if (conn !== null && this.includeConn) r.conn = this.connName(conn);
    this.calls.push(r);
    this.callMarks.push(this.rec.nSeg, this.rec.nState);
  }

  startFlood(h: Host, step: Step): void {
    const target = this.hostByName("server");
    const count = step.count ?? 0;
    const durationUs = Math.round((step.duration ?? 0) * US);
    const f: Flood = {
      host: h,
      target,
      port: 80,
      link: this.net.link(h.index, target.index, target),
      i: 0,
      count,
      start: this.now,
      durationUs,
      srcAddr: SPOOF_BASE,
      srcPort: 1024,
      exactStep: count > 0 && Number.isSafeInteger(count * durationUs),
      q: count > 0 ? Math.floor(durationUs / count) : 0,
      r: count > 0 ? durationUs % count : 0,
      rem: 0,
      offset: 0,
      t: this.now,
      n: this.sched.nextN(),
      plain: Math.round(this.scenario.network.delay * US) === 0 && !this.faulted.has(h.name) && !this.faulted.has(target.name),
    };
    this.floodsStarted++;
    this.floods.push(f);
  }

  private floodNext(f: Flood): void {
    f.i++;
    const n = ++this.floodCount;
    // distinct spoofed sources: a fresh (address, port) pair per SYN, never answering
    const addr = f.srcAddr;
    const port = f.srcPort;
    if (++f.srcPort === 1024 + SPOOF_PORTS) {
      f.srcPort = 1024;
      f.srcAddr++;
    }
    const seq = this.rng.nextU32();
    const from = f.host.index;
    // Fast path, same order as the general one: sending the SYN is the generator's last act,
    // so when the link is empty and nothing else is due now, its arrival is simply the next event.
    if (this.busy === null && this.floods.length === 1 && this.sched.idleNow() && f.link.empty && this.net.zeroDelayFrom(from)) {
      f.host.sentFirstSyn = true;
      const dropped = this.net.drops(from, SYN, 0, true);
      this.rec.segment(this.sched.now, from, addr, port, f.target.addr, f.port, SYN, seq | 0, 0, 0, -n, dropped);
      if (!dropped) {
        const seg = this.scratch;
        seg.srcAddr = addr;
        seg.srcPort = port;
        seg.dstAddr = f.target.addr;
        seg.dstPort = f.port;
        seg.seq = seq;
        seg.ack = 0;
        seg.flags = SYN;
        seg.len = 0;
        seg.conn = -n;
        this.sched.nextN(); // the arrival's place in the order
        f.target.receive(seg);
      }
    } else {
      this.emit(from, addr, port, f.target.addr, f.port, SYN, seq | 0, 0, 0, -n);
    }
    if (f.i < f.count) {
      this.floodAdvance(f);
      f.n = this.sched.nextN();
    } else {
      this.floodDone(f);
    }
  }

  /** f.t becomes the time of SYN f.i (the next one): start + floor(i * durationUs / count). */
  private floodAdvance(f: Flood): void {
    if (f.exactStep) {
      f.offset += f.q;
      f.rem += f.r;
      if (f.rem >= f.count) {
        f.rem -= f.count;
        f.offset++;
      }
      f.t = f.start + f.offset;
    } else {
      f.t = f.start + Math.floor((f.i * f.durationUs) / f.count);
    }
  }

  /**
   * A run of flood SYNs that the target answers with SYN cookies, sent with
   * no pass through the host and its listener per SYN: the flood's share of
   * the loop in one tight loop. It writes exactly what floodNext() and the
   * target would, SYN by SYN: the SYN record, then the SYN-ACK record
   * (tcp_v4_rcv -> tcp_conn_request -> cookie_v4_init_sequence, with the
   * cookie made at the SYN's time), the same random draws, counters and
   * insertion numbers. It is exact because while nothing else runs nothing
   * changes what the target does with the next SYN:
   * - the run stops before any event, app call or the end is due (the first
   *   SYN is what step() chose; a later one at time t precedes an event only
   *   when t is earlier, as its insertion number is newer than the event's);
   * - no delay and no fault (flood.plain), so every SYN arrives when sent,
   *   with its link empty, through floodNext()'s fast path, undropped, and the
   *   SYN-ACK to a spoofed address goes nowhere;
   * - a cookie keeps no state, so the listener's answer (answersWithCookie)
   *   holds for the whole run;
   * - with one flood ever started, a spoofed (address, port) is fresh, so the
   *   ehash lookup tcp_v4_rcv() starts with misses (addresses stay below 2^16,
   *   where the ehash's remote key is exact).
   * Floods whose SYN times need the division (exactStep false) take the usual way.
   * Returns false when it sent nothing (floodNext() then sends the SYN).
   * The flood's last SYN always goes through floodNext(), which ends it.
   */
  private cookieRun(f: Flood): boolean {
    const target = f.target;
    if (!f.plain || !f.exactStep || this.floodsStarted !== 1 || this.floods.length !== 1 || target.down || !f.link.empty) return false;
    const sched = this.sched;
    // peekTime() is `now` (= f.t) while an event is due now: no run then
    let limit = sched.peekTime();
    if (this.stepIdx < this.steps.length && this.stepTimes[this.stepIdx]! < limit) limit = this.stepTimes[this.stepIdx]!;
    if (this.untilUs < limit) limit = this.untilUs + 1;
    const last = f.count - 1;
    if (!(f.t < limit) || f.i >= last || f.srcAddr >= SPOOF_ADDR_LIMIT) return false;
    const l = target.listenerOn(f.port);
    if (l === undefined || !l.answersWithCookie()) return false;
    const rec = this.rec;
    const rng = this.rng;
    const cookies = l.cookies;
    const from = f.host.index;
    const server = target.index;
    const dst = target.addr;
    const dport = f.port;
    // the flood's odometer and clock in locals (floodNext() and floodAdvance() step the same way)
    const { q, r, count, start } = f;
    let { i, srcAddr, srcPort, offset, rem } = f;
    let n = this.floodCount;
    let t = f.t;
    let sentAt = t;
    const first = i;
    do {
      sentAt = t;
      i++;
      n++;
      const seq = rng.nextI32();
      rec.synAndSynAck(t, from, server, srcAddr, srcPort, dst, dport, seq, cookies.cookieI32(t, srcAddr, srcPort, seq), -n);
      if (++srcPort === 1024 + SPOOF_PORTS) {
        srcPort = 1024;
        srcAddr++;
      }
      offset += q;
      rem += r;
      if (rem >= count) {
        rem -= count;
        offset++;
      }
      t = start + offset;
    } while (t < limit && i < last && srcAddr < SPOOF_ADDR_LIMIT);
    f.i = i;
    f.srcAddr = srcAddr;
    f.srcPort = srcPort;
    f.offset = offset;
    f.rem = rem;
    f.t = t;
    const sent = i - first;
    sched.now = sentAt;
    this.floodCount = n;
    // per SYN, floodNext() numbers the arrival and then the next SYN
    f.n = sched.takeN(2 * sent);
    f.host.sentFirstSyn = true;
    target.sentFirstSyn = true;
    l.cookiesSent(sent, sentAt);
    return true;
  }

  private floodDone(f: Flood): void {
    this.floods.splice(this.floods.indexOf(f), 1);
  }

  /** The flood whose next SYN is due first. */
  private nextFlood(): Flood {
    let best = this.floods[0]!;
    for (let i = 1; i < this.floods.length; i++) {
      const f = this.floods[i]!;
      if (f.t < best.t || (f.t === best.t && f.n < best.n)) best = f;
    }
    return best;
  }

  private sample(): void {
    for (const h of this.hosts) {
      if (h.name.startsWith("attacker")) continue;
      const l = h.firstListener() ?? null;
      const c = h.stateCounts;
      this.samples.push({
        t: usToSeconds(this.now),
        host: h.name,
        synQueue: l ? l.qlen : 0,
        acceptQueue: l ? l.acceptQueue.length : 0,
        established: c[TcpState.ESTABLISHED]!,
        timeWait: c[TcpState.TIME_WAIT]!,
        closeWait: c[TcpState.CLOSE_WAIT]!,
        finWait2: c[TcpState.FIN_WAIT_2]!,
        listener: l ? { ...l.counters } : null,
        counters: { ...h.counters },
      });
    }
  }

  /** Runs the app calls due at one instant, steps[lo..hi), as concurrent system calls (see `busy`). */
  private runCalls(lo: number, hi: number): void {
    const steps = this.steps;
    const hosts = this.stepHosts;
    if (hi - lo === 1) {
      hosts[lo]!.call(steps[lo]!);
      return;
    }
    const busy = new Map<number, Segment[]>();
    const order: Host[] = [];
    // each host's last call of the batch
    const last = this.lastCallOf;
    for (let k = lo; k < hi; k++) {
      const h = hosts[k]!;
      if (!busy.has(h.index)) {
        busy.set(h.index, []);
        order.push(h);
      }
      last[h.index] = k;
    }
    this.busy = busy;
    for (let k = lo; k < hi; k++) {
      const s = steps[k]!;
      const h = hosts[k]!;
      const queue = busy.get(h.index)!;
      // a recv waits for data (sk_wait_data() releases the socket lock while it sleeps):
      // what reached the host so far is processed before it reads
      if (s.call === "recv") this.releaseBacklog(h, queue);
      h.call(s);
      // the program's next call comes after this one returned, and so after its release_sock()
      if (last[h.index] !== k) this.releaseBacklog(h, queue);
    }
    // release_sock() of each host's last call, in call order: each host then processes its backlog
    for (const h of order) {
      const queue = busy.get(h.index)!;
      busy.delete(h.index);
      for (let i = 0; i < queue.length; i++) h.receive(queue[i]!);
    }
    this.busy = null;
  }

  private releaseBacklog(h: Host, queue: Segment[]): void {
    for (let i = 0; i < queue.length; i++) h.receive(queue[i]!);
    queue.length = 0;
  }

  /** Runs the event loop to the end (or options.until). */
  run(): void {
    // In slices: runSlice() is called hundreds of times per simulation, so the JIT compiles
    // it once and every later simulation reuses it; one long loop here would instead be
    // recompiled on the fly (on-stack replacement) each time a simulation starts.
    while (this.runSlice(1024)) {}
  }

  /** Runs up to n steps; false when the simulation is over. */
  private runSlice(n: number): boolean {
    for (let i = 0; i < n; i++) if (!this.step()) return false;
    return true;
  }

  /** Runs whatever is due next: app calls, a flood SYN or an event. False when the simulation is over. */
  private step(): boolean {
    const sched = this.sched;
    const f = this.floods.length > 0 ? this.nextFlood() : null;
    if (this.stepIdx < this.steps.length) {
      // app calls come first at equal times, as if scheduled before anything else
      const st = this.stepTimes[this.stepIdx]!;
      if ((f === null || st <= f.t) && st <= sched.peekTime()) {
        if (st > this.untilUs) return false;
        sched.now = st;
        this.runStepsAt(st);
        return true;
      }
    }
    if (f !== null && sched.precedes(f.t, f.n)) {
      if (f.t > this.untilUs) return false;
      this.floodBurst(f);
      return true;
    }
    const ev = sched.pop();
    if (ev === null) return false;
    if (ev.t > this.untilUs) {
      sched.now = this.untilUs;
      return false;
    }
    this.dispatch(ev);
    return true;
  }

  /**
   * Sends SYNs of flood f for as long as each is what step() would run next:
   * usually nothing else happens between two SYNs, and this loop spares a
   * pass through step() for each of them. It stops where step() would choose
   * otherwise (an app call due, an event first, another flood, the end).
   */
  private floodBurst(f: Flood): void {
    const sched = this.sched;
    do {
      sched.now = f.t;
      if (!this.cookieRun(f)) this.floodNext(f);
    } while (
      this.floods.length === 1 &&
      this.floods[0] === f &&
      (this.stepIdx >= this.steps.length || this.stepTimes[this.stepIdx]! > f.t) &&
      f.t <= this.untilUs &&
      sched.precedes(f.t, f.n)
    );
  }

  /** The app calls due at time st, run as one batch. */
  private runStepsAt(st: number): void {
    const lo = this.stepIdx;
    while (this.stepIdx < this.steps.length && this.stepTimes[this.stepIdx] === st) this.stepIdx++;
    this.runCalls(lo, this.stepIdx);
    if (this.sampleEveryUs > 0) this.sample();
  }

  private dispatch(ev: Ev): void {
    switch (ev.kind) {
      case EV_LINK_LANE: {
        const lane = ev.target as LinkLane;
        const seg = this.scratch;
        const observe = lane.shiftInto(seg);
        const to = lane.owner as Host;
        if (observe === NOT_OBSERVED) {
          to.receive(seg);
        } else {
          // reaches the server's interface now (see emit); a crashed server's input drops it
          const dropped = observe === OBSERVE_ON_ARRIVAL_DROPPED || to.down;
          if (this.rec.keepSegments && lane.headSentAt < this.now) this.sentAt.set(this.rec.nSeg, lane.headSentAt);
          this.rec.segment(this.now, lane.from, seg.srcAddr, seg.srcPort, seg.dstAddr, seg.dstPort, seg.flags, seg.seq | 0, seg.ack | 0, seg.len, seg.conn, dropped);
          if (!dropped) to.receive(seg);
        }
        lane.rearm();
        break;
      }
      case EV_REQ_LANE:
        this.reqTimers(ev.target as Lane<RequestSock>);
        break;
      case EV_TW_LANE: {
        const lane = ev.target as Lane<TimeWaitSock>;
        lane.shift();
        const tw = lane.item!;
        if (!tw.host.down) tw.host.onTwTimer(tw, lane.gen);
        lane.rearm();
        break;
      }
      case TimerKind.RTO:
      case TimerKind.DELACK:
      case TimerKind.KEEPALIVE: {
        const sock = ev.target as Sock;
        // a crashed host's timers stand still (its kernel is not running)
        if (!sock.host.down) sock.onTimer(ev.kind as TimerKind, ev.gen);
        break;
      }
      case EV_RESUME:
        (ev.target as Host).resume();
        break;
      case EV_SAMPLE:
        this.sample();
        if (this.sched.size > 0 || this.stepIdx < this.steps.length) this.sched.at(ev, this.now + this.sampleEveryUs);
        break;
      default:
        throw new Error(`unknown event kind ${ev.kind}`);
    }
  }

  /**
   * Fires the head of a request-timer lane, then its next timers for as long
   * as each is what step() would run next: a flood's requests are armed a
   * few per jiffy, so their timers come due in runs at the same instants,
   * and the lane then leaves and re-enters the scheduler's heap once per run
   * instead of once per timer. A timer is next when no app call is due at or
   * before it, no flood SYN and no queued event comes first (by time, then
   * insertion number) and the simulation has not ended; a push onto the lane
   * meanwhile (it re-enters the scheduler itself) also stops the run.
   */
  private reqTimers(lane: Lane<RequestSock>): void {
    const sched = this.sched;
    for (;;) {
      lane.shift();
      const req = lane.item!;
      if (!req.listener.host.down) req.listener.onReqTimer(req, lane.gen);
      if (lane.scheduled || lane.length === 0) break;
      const t = lane.headT;
      const n = lane.headN;
      if (t > this.untilUs || !sched.precedes(t, n)) break;
      if (this.stepIdx < this.steps.length && this.stepTimes[this.stepIdx]! <= t) break;
      if (this.floods.length > 0) {
        const f = this.nextFlood();
        if (f.t < t || (f.t === t && f.n < n)) break;
      }
      sched.now = t;
    }
    lane.rearm();
  }

  trace(): Trace {
    return recorderToTrace(this.rec, (i) => this.hosts[i]!.name, this.includeConn ? (c) => this.connName(c) : null);
  }

  /** Per-segment detail over trace() (same indices). */
  detailedSegments(base: Trace): DetailedSegment[] {
    const rec = this.rec;
    const detailed: DetailedSegment[] = new Array(rec.nSeg);
    for (let i = 0; i < rec.nSeg; i++) {
      const s = base.segments[i]!;
      const to = rec.dstAddr(i) < this.hosts.length ? rec.dstAddr(i) : -1;
      detailed[i] = {
        t: s.t,
        from: s.from,
        to: to >= 0 ? this.hosts[to]!.name : "spoofed",
        flags: s.flags,
        seq: s.seq,
        ack: s.ack,
        absSeq: rec.seq(i),
        absAck: s.ack === null ? null : rec.ack(i),
        len: s.len,
        conn: this.connName(rec.conn(i)),
        dropped: rec.dropped(i),
        srcPort: rec.srcPort(i),
        dstPort: rec.dstPort(i),
      };
      const sentAt = this.sentAt.get(i);
      if (sentAt !== undefined) detailed[i]!.sentAt = usToSeconds(sentAt);
    }
    return detailed;
  }

  /** Every state change with its connection named (same indices as trace().states). */
  detailedStates(states: TraceState[]): DetailedTrace["detailedStates"] {
    const rec = this.rec;
    const detailedStates: DetailedTrace["detailedStates"] = [];
    for (let i = 0; i < rec.nState; i++) {
      const c = rec.stateConn(i);
      detailedStates.push({
        t: states[i]!.t,
        host: states[i]!.host,
        state: states[i]!.state,
        conn: c === NO_CONN ? null : this.connName(c),
      });
    }
    return detailedStates;
  }

  /** Final counters per host. */
  counters(): DetailedTrace["counters"] {
    const counters: DetailedTrace["counters"] = {};
    for (const h of this.hosts) {
      const l: Listener | undefined = h.firstListener();
      counters[h.name] = { host: { ...h.counters }, listener: l ? { ...l.counters } : null };
    }
    return counters;
  }

  /** Each host's listener queues at the end (null: the host has no listener). */
  queues(): Record<string, QueueReading | null> {
    const out: Record<string, QueueReading | null> = {};
    for (const h of this.hosts) {
      const l: Listener | undefined = h.firstListener();
      out[h.name] = l ? { synQueue: l.qlen, acceptQueue: l.acceptQueue.length } : null;
    }
    return out;
  }
}

/** A listener's queues: request socks in the SYN queue, established connections waiting for accept(). */
export interface QueueReading {
  synQueue: number;
  acceptQueue: number;
}

/** One entry of ScenarioRun.events: an index into segments (and detailed), states (and detailedStates) or calls. */
export type RunEvent = { kind: "segment"; index: number } | { kind: "state"; index: number } | { kind: "call"; index: number };

/** One entry of ScenarioRun.timeline: a RunEvent (a "call" entry is where the call returned), or where a call was made (an index into callsMade). */
export type TimelineEntry = RunEvent | { kind: "made"; index: number };

/**
 * The result of runScenario(). The cheap parts are plain fields, computed
 * when the simulation ends; segments, states and their ordering are
 * converted from the engine's records only when read (a flood records over
 * a million segments). Call release() when done to hand the record buffers
 * to the next simulation; parts not read before then can no longer be.
 */
export interface ScenarioRun {
  /** Host names, server first. */
  readonly hosts: string[];
  /** App call results, in the order the calls returned. */
  readonly calls: AppResult[];
  /**
   * Every call in the order the programs made them (when, whether it blocked,
   * its result in `calls`), then the steps a program never made because it
   * was still blocked in an earlier call (or had crashed) when they were due.
   */
  readonly callsMade: CallMade[];
  /** Socket-table samples (options.sampleEvery, and after each batch of app calls when sampling). */
  readonly samples: HostSample[];
  readonly aborts: Abort[];
  /** Final counters per host. */
  readonly counters: DetailedTrace["counters"];
  /** Each host's listener queues at the end. */
  readonly queues: Record<string, QueueReading | null>;
  /** state changes that broke the RFC 9293 diagram (always empty unless the engine has a bug) */
  readonly violations: string[];
  /** virtual time at which the simulation ended, seconds */
  readonly endedAt: number;
  /** How many segments were sent (known even with options.segments false). */
  readonly segmentCount: number;
  readonly stateCount: number;
  /** Lazy: the FORMAT.md segments (throws when options.segments was false). */
  readonly segments: TraceSegment[];
  /** Lazy: the FORMAT.md state changes. */
  readonly states: TraceState[];
  /** Lazy: per-segment raw numbers, ports, receiver, connection, dropped (same indices as segments). */
  readonly detailed: DetailedSegment[];
  /** Lazy: every state change with its connection named (same indices as states). */
  readonly detailedStates: DetailedTrace["detailedStates"];
  /**
   * Lazy: segments, state changes and app call results interleaved in the
   * order they happened, including within one microsecond (a call comes
   * before whatever happened after it returned).
   */
  readonly events: RunEvent[];
  /**
   * Lazy: `events` with a "made" entry where each call was made, so a call
   * that blocked reads as made ... returned, with what happened meanwhile between.
   */
  readonly timeline: TimelineEntry[];
  /** Lazy: { segments, states } exactly as simulate() returns. */
  trace(): Trace;
  /** Lazy: exactly what simulateDetailed() returns. */
  detailedTrace(): DetailedTrace;
  /** Hands the record buffers back for the next simulation. */
  release(): void;
}

class Run implements ScenarioRun {
  readonly hosts: string[];
  readonly calls: AppResult[];
  readonly callsMade: CallMade[];
  readonly samples: HostSample[];
  readonly aborts: Abort[];
  readonly counters: DetailedTrace["counters"];
  readonly queues: Record<string, QueueReading | null>;
  readonly violations: string[];
  readonly endedAt: number;
  readonly segmentCount: number;
  readonly stateCount: number;
  private sim: Sim | null;
  private readonly keepSegments: boolean;
  private tr: Trace | null = null;
  private det: DetailedSegment[] | null = null;
  private detSt: DetailedTrace["detailedStates"] | null = null;
  private ev: RunEvent[] | null = null;
  private tl: TimelineEntry[] | null = null;
  private stMarks: Int32Array | null = null;

  constructor(sim: Sim) {
    this.sim = sim;
    this.hosts = sim.hosts.map((h) => h.name);
    this.calls = sim.calls;
    this.callsMade = sim.callsMade();
    this.samples = sim.samples;
    this.aborts = sim.aborts;
    this.counters = sim.counters();
    this.queues = sim.queues();
    this.violations = sim.violations;
    this.endedAt = usToSeconds(sim.now);
    this.segmentCount = sim.rec.nSeg;
    this.stateCount = sim.rec.nState;
    this.keepSegments = sim.rec.keepSegments;
  }

  private live(what: string): Sim {
    if (this.sim === null) throw new Error(`runScenario: ${what} read after release()`);
    return this.sim;
  }

  private needSegments(what: string): void {
    if (!this.keepSegments) throw new Error(`runScenario: ${what} not recorded (options.segments was false)`);
  }

  trace(): Trace {
    if (this.tr === null) {
      this.needSegments("segments");
      this.tr = this.live("the trace").trace();
    }
    return this.tr;
  }

  get segments(): TraceSegment[] {
    return this.trace().segments;
  }

  get states(): TraceState[] {
    return this.trace().states;
  }

  get detailed(): DetailedSegment[] {
    if (this.det === null) {
      const base = this.trace();
      this.det = this.live("detailed").detailedSegments(base);
    }
    return this.det;
  }

  get detailedStates(): DetailedTrace["detailedStates"] {
    if (this.detSt === null) {
      const base = this.trace();
      this.detSt = this.live("detailedStates").detailedStates(base.states);
    }
    return this.detSt;
  }

  get events(): RunEvent[] {
    if (this.ev === null) {
      this.needSegments("events");
      const sim = this.live("events");
      const rec = sim.rec;
      const nSeg = rec.nSeg;
      const nState = rec.nState;
      const marks = sim.callMarks;
      const nCall = marks.length >> 1;
      const out: RunEvent[] = [];
      let g = 0;
      let si = 0;
      let ci = 0;
      while (g < nSeg || si < nState || ci < nCall) {
        // a call returned once everything recorded before it had happened; a state change
        // was recorded after the segments counted in its mark
        if (ci < nCall && marks[2 * ci]! <= g && marks[2 * ci + 1]! <= si) out.push({ kind: "call", index: ci++ });
        else if (si < nState && rec.stateSegMark(si) <= g) out.push({ kind: "state", index: si++ });
        else if (g < nSeg) out.push({ kind: "segment", index: g++ });
        else if (si < nState) out.push({ kind: "state", index: si++ });
        else out.push({ kind: "call", index: ci++ });
      }
      this.ev = out;
    }
    return this.ev;
  }

  get timeline(): TimelineEntry[] {
    if (this.tl === null) {
      const events = this.events;
      const marks = this.live("timeline").madeMarks;
      const nMade = marks.length / 3;
      const out: TimelineEntry[] = [];
      let k = 0;
      const count = { segment: 0, state: 0, call: 0 };
      for (const e of events) {
        // a call was made before everything recorded after its marks
        while (k < nMade && marks[3 * k]! <= count.segment && marks[3 * k + 1]! <= count.state && marks[3 * k + 2]! <= count.call) {
          out.push({ kind: "made", index: k++ });
        }
        out.push(e);
        count[e.kind]++;
      }
      while (k < nMade) out.push({ kind: "made", index: k++ });
      this.tl = out;
    }
    return this.tl;
  }

  detailedTrace(): DetailedTrace {
    const base = this.trace();
    return {
      ...base,
      detailed: this.detailed,
      detailedStates: this.detailedStates,
      calls: this.calls,
      aborts: this.aborts,
      samples: this.samples,
      counters: this.counters,
      violations: this.violations,
      endedAt: this.endedAt,
    };
  }

  release(): void {
    if (this.sim === null) return;
    this.sim.rec.release();
    this.sim = null;
  }
}

/**
 * Runs a parsed scenario. App call results, samples, counters, aborts and
 * queue readings are ready at once; segments, states and the ordered event
 * list are converted when first read (see ScenarioRun).
 */
export function runScenario(scenario: Scenario, options?: RunOptions): ScenarioRun {
  const sim = new Sim(scenario, options);
  sim.run();
  return new Run(sim);
}

/** Runs a parsed scenario and returns its trace in the FORMAT.md shape. */
export function simulate(scenario: Scenario, options?: SimulateOptions): Trace {
  const run = runScenario(scenario, options);
  const trace = run.trace();
  run.release();
  return trace;
}

/** Like simulate(), plus what widgets need: raw numbers, app call results, socket-table samples, counters. */
export function simulateDetailed(scenario: Scenario, options?: SimulateOptions): DetailedTrace {
  const run = runScenario(scenario, options);
  const d = run.detailedTrace();
  run.release();
  return d;
}

export type { StateName };
