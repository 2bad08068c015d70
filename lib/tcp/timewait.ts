/**
 * TIME-WAIT (and orphaned FIN-WAIT-2) as Linux keeps them: a small
 * inet_timewait_sock that replaces the full socket (tcp_time_wait() in
 * net/ipv4/tcp_minisocks.c). `substate` is TIME_WAIT or FIN_WAIT_2; ss shows
 * the substate.
 */
import { ACK, FIN, RST, SYN, segSpace, type Segment } from "./segment";
import { seqAdd, seqAfter, seqBefore } from "./seq";
import { TcpState } from "./state";
import { RATELIMIT_NEVER, TCP_INVALID_RATELIMIT, TCP_TIMEWAIT_LEN } from "./timers";
import type { SocketEngine, SocketHost } from "./socketContext";

export const SOCK_TW = 4;
/** Event kind of TIME-WAIT timer lanes (one lane per timeout length). */
export const EV_TW_LANE = 21;

export type TwVerdict =
  | { action: "none" }
  | { action: "ack" }
  | { action: "rst" }
  | { action: "syn"; isn: number };

/** What a TIME-WAIT minisocket asks of its host (implemented by Host). */
export interface TwHost extends SocketHost {
  /** inet_twsk_kill(): unhash it and record the move to CLOSED. */
  killTw(tw: TimeWaitSock): void;
  /** inet_twsk_reschedule(): (re)arm its timer `timeo` from now. */
  scheduleTw(tw: TimeWaitSock, timeo: number): void;
  /** The engine: its timer fired (stale generations are ignored). */
  onTwTimer(tw: TimeWaitSock, gen: number): void;
}

const NONE: TwVerdict = { action: "none" };
const ACK_V: TwVerdict = { action: "ack" };
const RST_V: TwVerdict = { action: "rst" };

export class TimeWaitSock {
  readonly kind = SOCK_TW;
  key = -1;
  alive = true;
  gen = 0;
  expiresAt = -1;
  lastOowAck = RATELIMIT_NEVER;
  /** When TIME-WAIT was entered (tcp_tw_reuse_delay is counted from here). */
  readonly enteredAt: number;
  constructor(
    readonly sim: SocketEngine,
    readonly host: TwHost,
    readonly lport: number,
    readonly raddr: number,
    readonly rport: number,
    readonly conn: number,
    public substate: TcpState,
    readonly sndNxt: number,
    public rcvNxt: number,
  ) {
    this.enteredAt = sim.now;
  }

  get state(): TcpState {
    return this.substate;
  }

  private oowAck(seg: Segment): TwVerdict {
    // tcp_timewait_check_oow_rate_limit(): data segments are never limited
    if (seg.len === 0 || seg.flags & SYN) {
      if (this.sim.now - this.lastOowAck < TCP_INVALID_RATELIMIT) return NONE;
    }
    this.lastOowAck = this.sim.now;
    return ACK_V;
  }

  /** tcp_timewait_state_process() (net/ipv4/tcp_minisocks.c). */
  onSegment(seg: Segment): TwVerdict {
    const f = seg.flags;
    const end = seqAdd(seg.seq, segSpace(f, seg.len));
    const rcvNxt = this.rcvNxt;
    if (this.substate === TcpState.FIN_WAIT_2) {
      // "Just repeat all the checks of tcp_rcv_state_process()"
      const inWindow = !seqBefore(end, rcvNxt) && !seqAfter(seg.seq, seqAdd(rcvNxt, 65535));
      if (!inWindow) return this.oowAck(seg);
      if (f & RST) {
        this.host.killTw(this);
        return NONE;
      }
      if (f & SYN && !seqBefore(seg.seq, rcvNxt)) return RST_V;
      // duplicate ACK
      if (!(f & ACK) || !seqAfter(end, rcvNxt) || end === seg.seq) return NONE;
      // new data after a half-duplex close: reset
      if (!(f & FIN) || end !== seqAdd(rcvNxt, 1)) return RST_V;
      // FIN arrived: enter true TIME-WAIT for TCP_TIMEWAIT_LEN
      this.rcvNxt = end;
      if (this.sim.counterfactual?.noTimeWait) {
        // what-if: no TIME-WAIT, ACK the FIN and forget the connection
        this.host.killTw(this);
        return ACK_V;
      }
      this.sim.recordState(this.host, TcpState.FIN_WAIT_2, TcpState.TIME_WAIT, this.conn);
      this.substate = TcpState.TIME_WAIT;
      this.host.scheduleTw(this, TCP_TIMEWAIT_LEN);
      return ACK_V;
    }
    // real TIME-WAIT: an in-window segment may only be a bare ACK or an RST
    if (seg.seq === rcvNxt && (end === seg.seq || f & RST)) {
      if (f & RST) {
        // TIME-WAIT assassination (RFC 1337); Linux kills the socket unless tcp_rfc1337=1
        if (this.sim.sysctl.tcp_rfc1337 === 0) this.host.killTw(this);
      } else {
        this.host.scheduleTw(this, TCP_TIMEWAIT_LEN);
      }
      return NONE;
    }
    // a new SYN: accepted if its sequence number (or, with timestamps, its TSval) is newer.
    // Both ends use timestamps here and a later SYN always carries a larger TSval.
    if (f & SYN && !(f & RST) && !(f & ACK)) {
      let isn = seqAdd(this.sndNxt, 65535 + 2);
      if (isn === 0) isn = 1;
      return { action: "syn", isn };
    }
    if (!(f & RST)) {
      // "In this case we must reset the TIMEWAIT timer." (a retransmitted FIN restarts the 60 s)
      if (f & ACK) this.host.scheduleTw(this, TCP_TIMEWAIT_LEN);
      return this.oowAck(seg);
    }
    return NONE;
  }
}
