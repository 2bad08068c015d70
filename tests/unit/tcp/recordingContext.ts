/**
 * A recording context for testing one socket directly (smoltcp style): it
 * implements the narrow interfaces a socket sees (lib/tcp/socketContext.ts,
 * SockHost, TwHost) and records what the socket does: segments emitted,
 * state changes, timers armed, handovers to TIME-WAIT, app results. The
 * clock moves only when a test advances it; timers are nominal (a timer armed
 * for d fires exactly d later, as with `nominalTimers`).
 */
import type { SockHost, Sock } from "@/lib/tcp/endpoint";
import { ACK, flagString, type Segment } from "@/lib/tcp/segment";
import { Ev, Scheduler } from "@/lib/tcp/scheduler";
import type { AbortRecord, HostCounters, SocketEngine, SocketHost } from "@/lib/tcp/socketContext";
import { STATE_NAMES, TcpState } from "@/lib/tcp/state";
import { resolveSysctls, type Sysctls } from "@/lib/tcp/sysctl";
import { TimerKind } from "@/lib/tcp/timers";
import type { TimeWaitSock, TwHost } from "@/lib/tcp/timewait";

/** Our end: address 0, port 40000. The peer: address 1, port 80. */
export const ME = { addr: 0, port: 40000 };
export const PEER = { addr: 1, port: 80 };

/** Event kind the fake uses for a TIME-WAIT minisocket's timer (the real host keeps lanes). */
const EV_TW = 99;

const TIMER_NAMES: Record<number, string> = { [TimerKind.RTO]: "rto", [TimerKind.DELACK]: "delack", [TimerKind.KEEPALIVE]: "keepalive" };

export class RecordingContext implements SocketEngine, SockHost, TwHost {
  // ------------------------------------------------------ SocketEngine
  readonly sched = new Scheduler();
  readonly sysctl: Sysctls;
  readonly aborts: AbortRecord[] = [];
  /** Segments the socket put on the wire: "flags seq:ack len", flags as in captures (F S R P .). */
  readonly out: string[] = [];
  /** State changes: "A -> B". */
  readonly states: string[] = [];
  /** Timers armed: "rto +200000" (kind and delay in microseconds from the time it was armed). */
  readonly timers: string[] = [];
  /** Host services the socket asked for: "timeWait FIN-WAIT-2 60000000", "unhash", "childEstablished", ... */
  readonly calls: string[] = [];
  /** Results of blocking app calls (connect, send in SYN-SENT). */
  readonly results: string[] = [];

  constructor(sysctl: Record<string, unknown> = {}) {
    this.sysctl = resolveSysctls(sysctl);
    // name the socket timers as they are armed
    const sched = this.sched;
    const atTimer = sched.atTimer.bind(sched);
    sched.atTimer = (ev: Ev, t: number) => {
      this.timers.push(`${TIMER_NAMES[ev.kind] ?? ev.kind} +${t - sched.now}`);
      atTimer(ev, t);
    };
  }

  get now(): number {
    return this.sched.now;
  }

  timerDeadline(delay: number): number {
    return this.now + delay;
  }

  emit(_from: number, _sa: number, _sp: number, _da: number, _dp: number, flags: number, seq: number, ack: number, len: number): void {
    this.out.push(`${flagString(flags)} ${seq >>> 0}:${flags & ACK ? ack >>> 0 : "-"} ${len}`);
  }

  recordState(_host: SocketHost, prev: TcpState, next: TcpState): void {
    if (prev !== next) this.states.push(`${STATE_NAMES[prev]} -> ${STATE_NAMES[next]}`);
  }

  connName(): string {
    return "c";
  }

  nextIsn(): number {
    return 1000;
  }

  // ------------------------------------------------------------ host
  readonly index = ME.addr;
  readonly addr = ME.addr;
  readonly name = "me";
  readonly counters: HostCounters = {
    ActiveOpens: 0,
    PassiveOpens: 0,
    AttemptFails: 0,
    EstabResets: 0,
    OutRsts: 0,
    RetransSegs: 0,
    TCPAbortOnTimeout: 0,
    TCPAbortOnData: 0,
    TCPKeepAlive: 0,
    TCPChallengeACK: 0,
    TCPLossProbes: 0,
    TW: 0,
    TCPTimeWaitOverflow: 0,
  };
  readonly stateCounts = new Int32Array(11);
  readonly down = false;
  readonly cookieSecret = 0;
  readonly provenPeers = new Set<number>();

  rememberPeer(addr: number): void {
    this.provenPeers.add(addr);
  }

  /** As Host.timeWait: the socket is retired (TIME-WAIT recorded, FIN-WAIT-2 silent); the test sees the request. */
  timeWait(s: Sock, substate: TcpState, tmo: number): void {
    this.calls.push(`timeWait ${STATE_NAMES[substate]} ${tmo}`);
    if (substate === TcpState.TIME_WAIT) s.setState(TcpState.TIME_WAIT);
    s.retire(substate);
  }

  unhash(): void {
    this.calls.push("unhash");
  }

  childEstablished(): void {
    this.calls.push("childEstablished");
  }

  /** As Host.killTw. */
  killTw(tw: TimeWaitSock): void {
    if (!tw.alive) return;
    this.calls.push("killTw");
    tw.alive = false;
    tw.gen++;
    this.recordState(this, tw.substate, TcpState.CLOSED);
  }

  /** As Host.scheduleTw, with one event per arming instead of lanes. */
  scheduleTw(tw: TimeWaitSock, timeo: number): void {
    this.calls.push(`scheduleTw ${timeo}`);
    tw.gen++;
    tw.expiresAt = this.now + timeo;
    const ev = new Ev(EV_TW, tw);
    ev.gen = tw.gen;
    this.sched.at(ev, tw.expiresAt);
  }

  onTwTimer(tw: TimeWaitSock, gen: number): void {
    if (!tw.alive || gen !== tw.gen) return;
    this.killTw(tw);
  }

  // ----------------------------------------------------------- driving

  /** A completion for connect() that records its result. */
  readonly completion = (r: string): void => {
    this.results.push(r);
  };

  /** Runs every timer due up to `us` microseconds from now, then sets the clock there. */
  advance(us: number): void {
    const until = this.now + us;
    while (this.sched.peekTime() <= until) {
      const ev = this.sched.pop()!;
      if (ev.kind === EV_TW) this.onTwTimer(ev.target as TimeWaitSock, ev.gen);
      else (ev.target as Sock).onTimer(ev.kind as TimerKind, ev.gen);
    }
    this.sched.now = until;
  }

  /** Forgets what was recorded so far (after a fixture has built its state). */
  clear(): void {
    this.out.length = 0;
    this.states.length = 0;
    this.timers.length = 0;
    this.calls.length = 0;
    this.results.length = 0;
    this.aborts.length = 0;
  }

}

/** A segment from the peer: a template with overrides. */
export function seg(o: Partial<Segment> = {}): Segment {
  return { srcAddr: PEER.addr, srcPort: PEER.port, dstAddr: ME.addr, dstPort: ME.port, seq: 0, ack: 0, flags: ACK, len: 0, conn: 0, ...o };
}
