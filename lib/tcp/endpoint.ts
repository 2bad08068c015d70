/**
 * A full TCP socket (Linux `struct tcp_sock`): the RFC 9293 state machine for
 * every state except LISTEN (listener.ts) and TIME-WAIT (timewait.ts, a
 * separate minisocket in Linux too).
 *
 * `onSegment` is the one function that processes an incoming segment: an
 * exhaustive switch on the state, each rule citing RFC 9293 or the Linux
 * function it follows. `output` and `xmit` produce outgoing segments.
 * Every state change goes through `setState`, which records the trace entry.
 */
import { ACK, FIN, PSH, RST, SYN, segSpace, type Segment } from "./segment";
import { seqAdd, seqAfter, seqBefore, seqBeforeEq, seqDiff } from "./seq";
import { TcpState, type TcpState as State } from "./state";
import {
  JIFFY,
  MSS,
  TCP_ATO_MIN,
  TCP_DELACK_MIN,
  TCP_INIT_CWND,
  TCP_INVALID_RATELIMIT,
  RATELIMIT_NEVER,
  TCP_MAX_QUICKACKS,
  TCP_RTO_MAX,
  TCP_RTO_MIN,
  TCP_TIMEOUT_FALLBACK,
  TCP_TIMEOUT_INIT,
  TCP_TIMEWAIT_LEN,
  TimerKind,
  US,
  tcpModelTimeout,
} from "./timers";
import type { SocketEngine, SocketHost } from "./socketContext";
import { Ev } from "./scheduler";

export const SOCK_FULL = 1;


/** Receive window we advertise and accept segments into (tcp_rmem default 131072, half usable). */
const RCV_WND = 65535;

/** Options a connection inherits or gets from the app call that created it. */
export interface SockOpts {
  keepalive?: { idle?: number; intvl?: number; cnt?: number };
}

/** Result callback for a blocking call (connect) that completes later. */
export type Completion = (result: string) => void;

/** What a full socket asks of its host (implemented by Host). */
export interface SockHost extends SocketHost {
  /** tcp_time_wait(): replace the socket with a TIME-WAIT (or orphaned FIN-WAIT-2) minisocket. */
  timeWait(s: Sock, substate: TcpState, tmo: number): void;
  /** Remove the socket from the established hash (its 4-tuple is free again). */
  unhash(s: Sock): void;
  /** A child of a listener reached ESTABLISHED: into the accept queue. */
  childEstablished(s: Sock): void;
}

export class Sock {
  readonly kind = SOCK_FULL;
  state: State = TcpState.CLOSED;
  key = -1;
  // sender
  iss = 0;
  sndUna = 0;
  sndNxt = 0;
  /** End of data the app has written (excludes FIN). */
  writeSeq = 0;
  finQueued = false;
  finSeq = 0;
  /** Ends of app writes still in flight: segments ending there carry PSH. */
  private pshMarks: number[] = [];
  /** Original transmit times of in-flight data, for Karn RTT samples and retrans_stamp. */
  private txEnds: number[] = [];
  private txTimes: number[] = [];
  private sndSml = 0;
  cwnd = TCP_INIT_CWND;
  /** Loss recovery after an RTO: next sequence to retransmit (go back to snd_una, Linux tcp_enter_loss). */
  private rtxNext = -1;
  // receiver
  irs = 0;
  rcvNxt = 0;
  rcvWup = 0;
  rcvQueue = 0;
  rcvFin = false;
  private ooo: Array<{ seq: number; len: number; fin: boolean }> = [];
  // retransmission timer (tcp_retransmit_timer)
  rto = TCP_TIMEOUT_INIT;
  retransmits = 0;
  totalRto = 0;
  retransStamp = -1;
  private srtt = 0;
  private mdev = 0;
  private everRetransmitted = false;
  // delayed ACK (struct inet_connection_sock icsk_ack)
  private ackPending = false;
  private ackNow = false;
  private quick = 0;
  private pingpong = false;
  private ato = 0;
  private lrcvtime = -1;
  private rcvMss = 536; // TCP_MSS_DEFAULT, tcp_initialize_rcv_mss()
  private lastOowAck = RATELIMIT_NEVER;
  // keepalive
  keepalive = false;
  kaIdle = -1;
  kaIntvl = -1;
  kaCnt = -1;
  probesOut = 0;
  private rcvTstamp = 0;
  /** TCP_USER_TIMEOUT in microseconds (0: off), icsk_user_timeout. */
  userTimeout = 0;
  // app side
  orphan = false;
  rcvShutdown = false;
  sndShutdown = false;
  err: string | null = null;
  onConnect: Completion | null = null;
  /**
   * A send() made in SYN-SENT, blocked in sk_stream_wait_connect() until the
   * handshake completes (RFC 9293 §3.10.2, SEND in SYN-SENT): its byte count
   * and completion.
   */
  private waitingSend: Completion | null = null;
  private waitingBytes = 0;
  /**
   * A recv() blocked in sk_wait_data() (tcp_recvmsg_locked(), net/ipv4/tcp.c):
   * woken by data, the peer's FIN or an error, then it reads.
   */
  private reader: Completion | null = null;
  /** O_NONBLOCK: the application never sleeps in connect() or recv() on this socket. */
  nonBlocking = false;
  /** Created by a valid syncookie ACK: its first trace entry is ESTABLISHED. */
  bornFromCookie = false;
  /** Handed over to a TIME-WAIT minisocket; the app's socket is closed in the kernel's eyes. */
  detached = false;
  /** Time the first SYN-ACK was sent (server child), for its RTT sample. */
  synackSentAt = -1;
  /** Time this socket last sent its SYN (SYN-SENT), for the timestamp RTT sample. */
  private lastSynAt = -1;
  // timers as data
  rtoAt = -1;
  /** The RTO slot holds a tail loss probe timer instead (ICSK_TIME_LOSS_PROBE). */
  private rtoIsProbe = false;
  /** snd_nxt when a loss probe went out (tp->tlp_high_seq), -1 when none is outstanding. */
  private tlpHigh = -1;
  /** Start of the most recent new segment: what a loss probe retransmits. */
  private lastSegStart = 0;
  delackAt = -1;
  kaAt = -1;
  private gen = [0, 0, 0, 0];

  constructor(
    readonly sim: SocketEngine,
    readonly host: SockHost,
    readonly lport: number,
    readonly raddr: number,
    readonly rport: number,
    readonly conn: number,
  ) {}

  // ---------------------------------------------------------------- state

  setState(s: State): void {
    let prev = this.state;
    this.state = s;
    if (this.bornFromCookie) {
      this.bornFromCookie = false;
      this.host.stateCounts[prev]!--;
      prev = TcpState.CLOSED;
    }
    this.sim.recordState(this.host, prev, s, this.conn);
  }

  /** Earliest pending timer deadline, or Infinity (poll_at() in smoltcp). */
  nextTimerAt(): number {
    let t = Infinity;
    if (this.rtoAt >= 0) t = Math.min(t, this.rtoAt);
    if (this.delackAt >= 0) t = Math.min(t, this.delackAt);
    if (this.kaAt >= 0) t = Math.min(t, this.kaAt);
    return t;
  }

  /** Arms a timer `delay` from now; the simulator decides when the kernel would really fire it. */
  private arm(kind: TimerKind, delay: number): void {
    const at = this.sim.timerDeadline(delay);
    const g = ++this.gen[kind]!;
    if (kind === TimerKind.RTO) this.rtoAt = at;
    else if (kind === TimerKind.DELACK) this.delackAt = at;
    else this.kaAt = at;
    const ev = new Ev(kind, this);
    ev.gen = g;
    this.sim.sched.atTimer(ev, at);
  }

  private disarm(kind: TimerKind): void {
    this.gen[kind]!++;
    if (kind === TimerKind.RTO) this.rtoAt = -1;
    else if (kind === TimerKind.DELACK) this.delackAt = -1;
    else this.kaAt = -1;
  }

  /** Called by the simulator when a timer event fires. */
  onTimer(kind: TimerKind, gen: number): void {
    if (gen !== this.gen[kind] || this.state === TcpState.CLOSED) return;
    if (kind === TimerKind.RTO) {
      this.rtoAt = -1;
      this.retransmitTimer();
    } else if (kind === TimerKind.DELACK) {
      this.delackAt = -1;
      this.delackTimer();
    } else {
      this.kaAt = -1;
      this.keepaliveTimer();
    }
  }

  // --------------------------------------------------------------- output

  private emit(flags: number, seq: number, ack: number, len: number): void {
    this.sim.emit(this.host.index, this.host.addr, this.lport, this.raddr, this.rport, flags, seq, ack, len, this.conn);
  }

  /** tcp_event_ack_sent(): any segment carrying our current ACK clears a pending one. */
  private ackSent(): void {
    if (this.ackPending) {
      // tcp_dec_quickack_mode()
      if (this.quick > 0) {
        if (this.quick <= 1) {
          this.quick = 0;
          this.ato = TCP_ATO_MIN;
        } else this.quick--;
      }
    }
    this.ackPending = false;
    this.ackNow = false;
    if (this.delackAt >= 0) this.disarm(TimerKind.DELACK);
    this.rcvWup = this.rcvNxt;
  }

  /** tcp_send_ack(): a pure ACK, seq = snd_nxt. */
  sendAck(): void {
    this.emit(ACK, this.sndNxt, this.rcvNxt, 0);
    this.ackSent();
  }

  /** tcp_send_active_reset(): RST+ACK with the current seq/ack. */
  sendActiveReset(): void {
    this.emit(RST | ACK, this.sndNxt, this.rcvNxt, 0);
    this.host.counters.OutRsts++;
  }

  /** tcp_send_challenge_ack() / tcp_send_dupack(), limited by tcp_invalid_ratelimit (__tcp_oow_rate_limited). */
  private oowAck(seg: Segment): void {
    const pure = seg.len === 0 || (seg.flags & SYN) !== 0;
    if (pure && this.sim.now - this.lastOowAck < TCP_INVALID_RATELIMIT) return;
    this.lastOowAck = this.sim.now;
    this.sendAck();
  }

  /** The SYN (SYN-SENT) or SYN-ACK (simultaneous open, SYN-RECV) of this socket. */
  private sendSyn(): void {
    if (this.state === TcpState.SYN_RECV) this.emit(SYN | ACK, this.iss, this.rcvNxt, 0);
    else this.emit(SYN, this.iss, 0, 0);
    this.lastSynAt = this.sim.now;
  }

  private inFlightSegments(): number {
    const upTo = this.rtxNext >= 0 ? this.rtxNext : this.sndNxt;
    return Math.ceil(seqDiff(upTo, this.sndUna) / MSS);
  }

  /** Builds and sends the segment that starts at `seq` (new data or a retransmission). */
  private sendDataAt(seq: number, retransmit: boolean): number {
    // A retransmission resends only what was sent before: Linux retransmits
    // skbs from the retransmit queue, and unsent data stays in the write queue
    // (tcp_retrans_try_collapse only merges segments already sent).
    const limit = retransmit ? this.sndNxt : this.writeSeq;
    const avail = Math.min(seqDiff(this.writeSeq, seq), seqDiff(limit, seq));
    const len = Math.max(0, Math.min(MSS, avail));
    const end = seqAdd(seq, len);
    let flags = ACK;
    for (const m of this.pshMarks) {
      if (seqAfter(m, seq) && seqBeforeEq(m, end)) {
        flags |= PSH;
        break;
      }
    }
    // The FIN rides on the last data; a retransmission carries it only if it was sent.
    if (this.finQueued && end === this.writeSeq && (!retransmit || seqAfter(this.sndNxt, this.writeSeq))) flags |= FIN;
    if (len === 0 && !(flags & FIN)) return 0;
    this.emit(flags, seq, this.rcvNxt, len);
    this.ackSent();
    const space = len + (flags & FIN ? 1 : 0);
    const segEnd = seqAdd(seq, space);
    if (!retransmit) {
      this.sndNxt = segEnd;
      this.txEnds.push(segEnd);
      this.txTimes.push(this.sim.now);
      if (len > 0 && len < MSS) this.sndSml = end;
      // tcp_event_data_sent(): replying within ato of the last received data -> interactive (pingpong) mode
      if (len > 0 && this.lrcvtime >= 0 && this.sim.now - this.lrcvtime < this.ato) this.pingpong = true;
    } else {
      this.everRetransmitted = true;
    }
    if (!retransmit) {
      this.lastSegStart = seq;
      // tcp_event_new_data_sent() -> tcp_schedule_loss_probe(), else the RTO
      if (!this.scheduleLossProbe() && this.rtoAt < 0) this.armRto(this.rto);
    } else if (this.rtoAt < 0) this.armRto(this.rto);
    return space;
  }

  /** tcp_write_xmit(): send what cwnd and Nagle (Minshall variant, tcp_nagle_check) allow. */
  xmit(): void {
    if (this.state !== TcpState.ESTABLISHED && this.state !== TcpState.CLOSE_WAIT &&
        this.state !== TcpState.FIN_WAIT_1 && this.state !== TcpState.CLOSING && this.state !== TcpState.LAST_ACK) {
      return;
    }
    // loss recovery first: retransmit from rtxNext as cwnd allows
    while (this.rtxNext >= 0) {
      if (!seqBefore(this.rtxNext, this.sndNxt)) {
        this.rtxNext = -1;
        break;
      }
      if (this.inFlightSegments() >= this.cwnd) return;
      const used = this.sendDataAt(this.rtxNext, true);
      if (used === 0) {
        this.rtxNext = -1;
        break;
      }
      this.rtxNext = seqAdd(this.rtxNext, used);
    }
    for (;;) {
      const unsent = seqDiff(this.writeSeq, this.sndNxt);
      const finPending = this.finQueued && this.sndNxt === this.writeSeq;
      if (unsent <= 0 && !finPending) return;
      if (unsent > 0) {
        if (this.inFlightSegments() >= this.cwnd) return;
        const partial = unsent < MSS;
        // Nagle/Minshall: hold a small segment while an earlier small one is unacked
        if (partial && !this.finQueued && seqAfter(this.sndSml, this.sndUna) && seqBeforeEq(this.sndSml, this.sndNxt)) {
          return;
        }
      }
      // a FIN alone is not held back by cwnd (tcp_cwnd_test special case)
      if (this.sendDataAt(this.sndNxt, false) === 0) return;
    }
  }

  private armRto(delay: number): void {
    this.rtoIsProbe = false;
    this.arm(TimerKind.RTO, delay);
  }

  /**
   * tcp_schedule_loss_probe() (RACK-TLP, RFC 8985; tcp_early_retrans=3): with
   * data outstanding, no probe in flight and no loss recovery, probe after
   * 2*SRTT (+ TCP_RTO_MIN when one segment is out, for a delayed ACK), but
   * never later than the RTO would fire.
   */
  private scheduleLossProbe(): boolean {
    const s = this.state;
    if (s === TcpState.SYN_SENT || s === TcpState.SYN_RECV) return false;
    if (this.tlpHigh >= 0 || this.rtxNext >= 0 || this.retransmits > 0 || this.sndUna === this.sndNxt) return false;
    let pto = TCP_TIMEOUT_INIT;
    if (this.srtt > 0) pto = 2 * this.srtt + (this.inFlightSegments() === 1 ? TCP_RTO_MIN : 2 * JIFFY);
    pto = Math.min(pto, this.rto);
    this.rtoIsProbe = true;
    this.arm(TimerKind.RTO, pto);
    return true;
  }

  /** tcp_send_loss_probe(): new data if the window allows, else the last segment again; then the RTO. */
  private sendLossProbe(): void {
    this.host.counters.TCPLossProbes++;
    if (seqAfter(this.writeSeq, this.sndNxt) && this.inFlightSegments() < this.cwnd) {
      this.sendDataAt(this.sndNxt, false);
    } else {
      this.sendDataAt(this.lastSegStart, true);
      this.host.counters.RetransSegs++;
    }
    this.tlpHigh = this.sndNxt;
    this.armRto(this.rto);
  }

  // ------------------------------------------------------------ app calls

  /** connect(): tcp_v4_connect() + tcp_connect(). */
  connect(iss: number, done: Completion): void {
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = seqAdd(iss, 1);
    this.writeSeq = this.sndNxt;
    this.sndSml = this.sndNxt;
    this.onConnect = done;
    this.setState(TcpState.SYN_SENT);
    this.sendSyn();
    this.retransStamp = this.sim.now;
    this.rto = TCP_TIMEOUT_INIT;
    this.armRto(this.rto);
  }

  /** send(): queue bytes and push (tcp_sendmsg_locked + tcp_push). */
  send(bytes: number): string {
    if (this.err) return `error ${this.err}`;
    if (this.sndShutdown || this.orphan) return "error EPIPE";
    const s = this.state;
    // the app's sockets are non-blocking once connect() was called: no waiting for the handshake
    if (s === TcpState.SYN_SENT || s === TcpState.SYN_RECV) return "error EAGAIN";
    if (s !== TcpState.ESTABLISHED && s !== TcpState.CLOSE_WAIT) return "error EPIPE";
    if (bytes === 0) return "ok 0";
    this.writeSeq = seqAdd(this.writeSeq, bytes);
    this.pshMarks.push(this.writeSeq);
    this.xmit();
    return `ok ${bytes}`;
  }

  /**
   * send() in SYN-SENT: blocks until the connection is established
   * (sk_stream_wait_connect()), then sends; `done` gets the result.
   */
  sendWhenConnected(bytes: number, done: Completion): void {
    this.waitingSend = done;
    this.waitingBytes = bytes;
  }

  /** recv(): read everything available. */
  recv(): string {
    if (this.err && this.rcvQueue === 0) return `error ${this.err}`;
    // nothing to read yet on a non-blocking socket (a blocking recv() sleeps instead: Host)
    if (this.recvWouldBlock()) return "error EAGAIN";
    const n = this.rcvQueue;
    this.rcvQueue = 0;
    return `${n} bytes${this.rcvFin ? " +EOF" : ""}`;
  }

  /**
   * Whether a blocking recv() sleeps: tcp_recvmsg_locked() (net/ipv4/tcp.c)
   * returns at once with data, at EOF (the peer's FIN: SOCK_DONE), with a
   * pending error (sock_error()) or on a closed socket; otherwise it waits in
   * sk_wait_data(), in any state that may still receive (man 2 recv: "If no
   * messages are available at the socket, the receive calls wait for a
   * message to arrive").
   */
  recvWouldBlock(): boolean {
    return this.rcvQueue === 0 && !this.rcvFin && this.err === null && !this.rcvShutdown && !this.detached && this.state !== TcpState.CLOSED;
  }

  /** A recv() that blocks: `done` gets what recv() returns once data, EOF or an error is there. */
  recvWhenReadable(done: Completion): void {
    this.reader = done;
  }

  /** sk_data_ready(): wakes a blocked reader once there is something to return. */
  private wakeReader(): void {
    const r = this.reader;
    if (r === null || this.recvWouldBlock()) return;
    this.reader = null;
    r(this.recv());
  }

  /** shutdown(SHUT_WR): tcp_shutdown() -> tcp_close_state() + tcp_send_fin(). */
  shutdown(): string {
    if (this.err) return `error ${this.err}`;
    if (this.detached) return "error ENOTCONN";
    if (this.sndShutdown) return "ok";
    this.sndShutdown = true;
    const s = this.state;
    if (s === TcpState.ESTABLISHED || s === TcpState.SYN_RECV) {
      this.setState(TcpState.FIN_WAIT_1);
      this.sendFin();
    } else if (s === TcpState.CLOSE_WAIT) {
      this.setState(TcpState.LAST_ACK);
      this.sendFin();
    } else if (s === TcpState.SYN_SENT) {
      this.done(null);
    }
    return "ok";
  }

  private sendFin(): void {
    this.finQueued = true;
    this.finSeq = this.writeSeq;
    this.xmit();
  }

  /** close(): tcp_close() in net/ipv4/tcp.c. */
  close(): string {
    if (this.detached) return "ok";
    this.orphan = true;
    this.rcvShutdown = true;
    this.sndShutdown = true;
    const s = this.state;
    if (s === TcpState.CLOSED) return "ok";
    if (this.rcvQueue > 0) {
      // "Unread data was tossed, zap the connection": RST, not FIN (RFC 2525 §2.17)
      this.sendActiveReset();
      this.done(null, false);
      return "ok";
    }
    // tcp_close_state(): which states send a FIN
    if (s === TcpState.ESTABLISHED || s === TcpState.SYN_RECV) {
      this.setState(TcpState.FIN_WAIT_1);
      this.sendFin();
    } else if (s === TcpState.CLOSE_WAIT) {
      this.setState(TcpState.LAST_ACK);
      this.sendFin();
    } else if (s === TcpState.SYN_SENT) {
      this.done(null, false);
      return "ok";
    }
    if (this.state === TcpState.FIN_WAIT_2) {
      // close() after shutdown(): orphaned FIN-WAIT-2 (tcp_close, linger2 >= 0 branch)
      const tmo = this.finTime();
      if (tmo > TCP_TIMEWAIT_LEN) this.arm(TimerKind.KEEPALIVE, tmo - TCP_TIMEWAIT_LEN);
      else this.host.timeWait(this, TcpState.FIN_WAIT_2, tmo);
    }
    return "ok";
  }

  /** close() with SO_LINGER {on, 0}: tcp_disconnect() sends RST in tcp_need_reset() states. */
  abort(): string {
    if (this.detached) return "ok";
    const s = this.state;
    if (s === TcpState.CLOSED) return "ok";
    this.orphan = true;
    if (
      s === TcpState.ESTABLISHED || s === TcpState.CLOSE_WAIT || s === TcpState.FIN_WAIT_1 ||
      s === TcpState.FIN_WAIT_2 || s === TcpState.SYN_RECV ||
      ((s === TcpState.CLOSING || s === TcpState.LAST_ACK) && this.sndNxt !== this.writeSeq)
    ) {
      this.sendActiveReset();
    }
    this.done(null, false);
    return "ok";
  }

  /** tcp_fin_time(): tcp_fin_timeout, but at least 3.5 RTO. */
  private finTime(): number {
    const ft = this.sim.sysctl.tcp_fin_timeout * US;
    const min = this.rto * 4 - this.rto / 2;
    return Math.max(ft, min);
  }

  /** tcp_done(): forget the socket. err is reported to a blocked connect or later calls. */
  done(err: string | null, notify = true): void {
    if (err) {
      this.err = err;
      this.sim.aborts.push({ t: this.sim.now / US, host: this.host.name, conn: this.sim.connName(this.conn), error: err });
    }
    this.disarm(TimerKind.RTO);
    this.disarm(TimerKind.DELACK);
    this.disarm(TimerKind.KEEPALIVE);
    if (this.state !== TcpState.CLOSED) this.setState(TcpState.CLOSED);
    this.host.unhash(this);
    if (this.onConnect && notify) {
      const cb = this.onConnect;
      this.onConnect = null;
      cb(`error ${err ?? "ECONNABORTED"}`);
    }
    this.onConnect = null;
    if (this.waitingSend !== null) {
      // sk_stream_wait_connect() returns the socket error (EPIPE without one)
      const w = this.waitingSend;
      this.waitingSend = null;
      w(`error ${err ?? this.err ?? "EPIPE"}`);
    }
    if (this.reader !== null) {
      // tcp_done() wakes a sleeping reader (sk_state_change()): it returns the error, or EOF
      const r = this.reader;
      this.reader = null;
      r(this.err !== null ? `error ${this.err}` : `${this.rcvQueue} bytes +EOF`);
    }
  }

  /** The socket hands over to a TIME-WAIT minisocket (tcp_time_wait): silent, no CLOSED entry. */
  retire(substate: State): void {
    this.disarm(TimerKind.RTO);
    this.disarm(TimerKind.DELACK);
    this.disarm(TimerKind.KEEPALIVE);
    this.state = substate;
    this.onConnect = null;
    this.detached = true;
  }

  // -------------------------------------------------------------- timers

  /** tcp_retransmit_timer() + tcp_write_timeout() (net/ipv4/tcp_timer.c). */
  private retransmitTimer(): void {
    const s = this.state;
    const sys = this.sim.sysctl;
    const nothingOut = this.sndUna === this.sndNxt && s !== TcpState.SYN_SENT && s !== TcpState.SYN_RECV;
    if (nothingOut) return;
    if (this.rtoIsProbe) {
      this.rtoIsProbe = false;
      this.sendLossProbe();
      return;
    }
    this.tlpHigh = -1;
    let expired: boolean;
    if (s === TcpState.SYN_SENT || s === TcpState.SYN_RECV) {
      const retryUntil = sys.tcp_syn_retries;
      // Linux >= 6.5: SYN-SENT gets tcp_syn_linear_timeouts extra tries on top of tcp_syn_retries
      const maxRetransmits = retryUntil + (s === TcpState.SYN_SENT ? sys.tcp_syn_linear_timeouts : 0);
      expired =
        this.retransmits >= maxRetransmits ||
        (this.retransmits > 0 &&
          this.sim.now - this.retransStamp >= (this.userTimeout > 0 ? this.userTimeout : tcpModelTimeout(retryUntil, TCP_TIMEOUT_INIT)));
    } else {
      let retryUntil = sys.tcp_retries2;
      if (this.orphan) {
        // tcp_orphan_retries(): 0 means 8 while the RTO is still below TCP_RTO_MAX
        const alive = this.rto < TCP_RTO_MAX;
        retryUntil = sys.tcp_orphan_retries;
        if (retryUntil === 0 && alive) retryUntil = 8;
      }
      // retransmits_timed_out(): TCP_USER_TIMEOUT, when set, replaces the modelled budget
      const budget = this.userTimeout > 0 ? this.userTimeout : tcpModelTimeout(retryUntil, TCP_RTO_MIN);
      expired = this.retransmits > 0 && this.sim.now - this.retransStamp >= budget;
    }
    if (expired) {
      // tcp_write_err(): no RST, the app sees ETIMEDOUT
      this.host.counters.TCPAbortOnTimeout++;
      this.done("ETIMEDOUT");
      return;
    }
    this.retransmits++;
    this.totalRto++;
    this.host.counters.RetransSegs++;
    if (s === TcpState.SYN_SENT || s === TcpState.SYN_RECV) {
      this.sendSyn();
      this.everRetransmitted = true;
    } else {
      // tcp_enter_loss(): cwnd 1, retransmit the head, the rest as ACKs come back
      this.cwnd = 1;
      this.rtxNext = this.sndUna;
      this.rtoAt = -1;
      const used = this.sendDataAt(this.sndUna, true);
      this.rtxNext = used > 0 ? seqAdd(this.sndUna, used) : -1;
      // tcp_retransmit_skb(): retrans_stamp is the time of the first RTO retransmission
      if (this.retransStamp < 0) this.retransStamp = this.sim.now;
    }
    // exponential backoff, except the first tcp_syn_linear_timeouts SYN retransmissions
    if (s !== TcpState.SYN_SENT || this.totalRto > sys.tcp_syn_linear_timeouts) {
      this.rto = Math.min(this.rto * 2, TCP_RTO_MAX);
    }
    this.armRto(this.clampRtoToUserTimeout());
  }

  /** tcp_clamp_rto_to_user_timeout(): with TCP_USER_TIMEOUT the next RTO fires no later than the timeout's end. */
  private clampRtoToUserTimeout(): number {
    if (this.userTimeout === 0) return this.rto;
    const remaining = this.userTimeout - (this.sim.now - this.retransStamp);
    if (remaining <= 0) return JIFFY; // "user timeout has passed; fire ASAP"
    return Math.min(this.rto, remaining);
  }

  /** tcp_delack_timer_handler(). */
  private delackTimer(): void {
    if (!this.ackPending) return;
    if (!this.pingpong) this.ato = Math.min(this.ato * 2, this.rto);
    else {
      // "Delayed ACK missed: leave pingpong mode and deflate ATO"
      this.pingpong = false;
      this.ato = TCP_ATO_MIN;
    }
    this.sendAck();
  }

  /** tcp_keepalive_timer(): keepalive probes, and the orphaned FIN-WAIT-2 timer. */
  private keepaliveTimer(): void {
    const s = this.state;
    if (s === TcpState.FIN_WAIT_2 && this.orphan) {
      const tmo = this.finTime() - TCP_TIMEWAIT_LEN;
      if (tmo > 0) {
        this.host.timeWait(this, TcpState.FIN_WAIT_2, tmo);
        return;
      }
      this.sendActiveReset();
      this.done(null);
      return;
    }
    if (!this.keepalive || s === TcpState.SYN_SENT) return;
    const sys = this.sim.sysctl;
    const kaTime = (this.kaIdle > 0 ? this.kaIdle : sys.tcp_keepalive_time) * US;
    const kaIntvl = (this.kaIntvl > 0 ? this.kaIntvl : sys.tcp_keepalive_intvl) * US;
    const kaProbes = this.kaCnt > 0 ? this.kaCnt : sys.tcp_keepalive_probes;
    // data in flight or queued: the retransmission timer is in charge ("resched")
    if (this.sndNxt !== this.sndUna || seqAfter(this.writeSeq, this.sndNxt)) {
      this.arm(TimerKind.KEEPALIVE, kaTime);
      return;
    }
    const lastHeard = Math.max(this.lrcvtime, this.rcvTstamp);
    const elapsed = this.sim.now - lastHeard;
    if (elapsed >= kaTime) {
      // with TCP_USER_TIMEOUT, that timeout decides instead of the probe count
      const giveUp = this.userTimeout > 0 ? elapsed >= this.userTimeout && this.probesOut > 0 : this.probesOut >= kaProbes;
      if (giveUp) {
        // tcp_send_active_reset() + tcp_write_err(): counted as TCPAbortOnTimeout, not as a probe
        this.sendActiveReset();
        this.host.counters.TCPAbortOnTimeout++;
        this.done("ETIMEDOUT");
        return;
      }
      // tcp_write_wakeup() -> tcp_xmit_probe_skb(): an ACK with seq = snd_una - 1
      this.emit(ACK, seqAdd(this.sndUna, -1), this.rcvNxt, 0);
      this.probesOut++;
      this.host.counters.TCPKeepAlive++;
      this.arm(TimerKind.KEEPALIVE, kaIntvl);
    } else {
      this.arm(TimerKind.KEEPALIVE, kaTime - elapsed);
    }
  }

  startKeepalive(): void {
    if (!this.keepalive) return;
    const idle = (this.kaIdle > 0 ? this.kaIdle : this.sim.sysctl.tcp_keepalive_time) * US;
    this.rcvTstamp = this.sim.now;
    this.arm(TimerKind.KEEPALIVE, idle);
  }

  // ------------------------------------------------------------ receiving

  /** tcp_event_data_recv(): ato estimation and quick-ack credit. */
  private eventDataRecv(len: number): void {
    const now = this.sim.now;
    if (this.ato === 0) {
      // "The _first_ data packet received, initialize delayed ACK engine."
      this.quick = Math.max(this.quick, TCP_MAX_QUICKACKS);
      this.ato = TCP_ATO_MIN;
    } else {
      const m = now - this.lrcvtime;
      if (m <= TCP_ATO_MIN / 2) this.ato = this.ato / 2 + TCP_ATO_MIN / 2;
      else if (m < this.ato) this.ato = Math.min(this.ato / 2 + m, this.rto);
      else if (m > this.rto) this.quick = Math.max(this.quick, TCP_MAX_QUICKACKS);
    }
    this.lrcvtime = now;
    // tcp_measure_rcv_mss()
    if (len >= this.rcvMss) this.rcvMss = Math.min(len, 1460);
  }

  /** tcp_enter_quickack_mode(). */
  private enterQuickack(): void {
    this.quick = Math.max(this.quick, TCP_MAX_QUICKACKS);
    this.pingpong = false;
    this.ato = TCP_ATO_MIN;
  }

  /** __tcp_ack_snd_check(): ACK now, or arm the delayed-ACK timer. */
  private ackSndCheck(): void {
    if (!this.ackPending) return;
    const inQuickack = this.quick > 0 && !this.pingpong;
    if (this.ackNow || inQuickack || seqDiff(this.rcvNxt, this.rcvWup) > this.rcvMss || this.ooo.length > 0) {
      this.sendAck();
      return;
    }
    // tcp_send_delayed_ack()
    let ato = this.ato;
    if (ato > TCP_DELACK_MIN) {
      let maxAto = US / 2;
      if (this.pingpong) maxAto = 200_000; // TCP_DELACK_MAX
      if (this.srtt > 0) maxAto = Math.min(maxAto, Math.max(this.srtt, TCP_DELACK_MIN));
      ato = Math.min(ato, maxAto);
    }
    // with no data received yet ato is 0: the timer is armed for "now" and fires on the next tick
    let timeout = this.sim.timerDeadline(ato);
    if (this.delackAt >= 0) {
      if (this.delackAt <= this.sim.now + (ato >> 2)) {
        this.sendAck();
        return;
      }
      if (timeout >= this.delackAt) return; // "Use new timeout only if there wasn't a older one earlier."
    }
    this.arm(TimerKind.DELACK, ato);
  }

  private rttSample(m: number): void {
    m = Math.max(m, 1);
    if (this.srtt === 0) {
      this.srtt = m;
      this.mdev = m / 2;
    } else {
      this.mdev = (3 * this.mdev) / 4 + Math.abs(this.srtt - m) / 4;
      this.srtt = (7 * this.srtt) / 8 + m / 8;
    }
    // __tcp_set_rto(): srtt + max(4 * rttvar, tcp_rto_min)
    this.rto = Math.min(Math.round(this.srtt + Math.max(4 * this.mdev, TCP_RTO_MIN)), TCP_RTO_MAX);
  }

  /** After the handshake: RFC 6298 §5.7 fallback RTO when there was no RTT sample (tcp_init_transfer). */
  initTransfer(rttSample: number | null): void {
    if (rttSample !== null) this.rttSample(rttSample);
    else this.rto = this.everRetransmitted ? TCP_TIMEOUT_FALLBACK : TCP_TIMEOUT_INIT;
    this.retransmits = 0;
    this.retransStamp = -1;
    this.rcvTstamp = this.sim.now;
  }

  /** tcp_ack(): process the acknowledgment field. Returns false for an ACK of unsent data. */
  private processAck(seg: Segment): boolean {
    const ack = seg.ack;
    if (seqAfter(ack, this.sndNxt)) return false;
    this.probesOut = 0;
    this.rcvTstamp = this.sim.now;
    if (!seqAfter(ack, this.sndUna)) return true; // duplicate or old ACK
    let acked = 0;
    while (this.txEnds.length > 0 && seqBeforeEq(this.txEnds[0]!, ack)) {
      const t = this.txTimes.shift()!;
      this.txEnds.shift();
      acked++;
      // Karn: only time segments that were never retransmitted
      if (this.txEnds.length === 0 || seqBefore(ack, this.txEnds[0]!)) {
        if (this.retransmits === 0) this.rttSample(this.sim.now - t);
      }
    }
    this.sndUna = ack;
    while (this.pshMarks.length > 0 && seqBeforeEq(this.pshMarks[0]!, ack)) this.pshMarks.shift();
    if (this.rtxNext >= 0 && seqBefore(this.rtxNext, ack)) this.rtxNext = ack;
    this.cwnd += Math.max(1, acked);
    this.retransmits = 0;
    this.retransStamp = -1;
    if (this.tlpHigh >= 0 && !seqBefore(ack, this.tlpHigh)) this.tlpHigh = -1;
    // tcp_set_xmit_timer(): a loss probe if eligible, else tcp_rearm_rto()
    if (this.sndUna === this.sndNxt) this.disarm(TimerKind.RTO);
    else if (!this.scheduleLossProbe()) this.armRto(this.rto);
    return true;
  }

  private finAcked(): boolean {
    return this.finQueued && seqAfter(this.sndUna, this.finSeq);
  }

  /**
   * Processes one incoming segment. Returns true when the caller must answer
   * with tcp_v4_send_reset() (the kernel's "return 1 -> reset" convention).
   */
  onSegment(seg: Segment): boolean {
    switch (this.state) {
      case TcpState.SYN_SENT:
        return this.rcvSynSent(seg);
      case TcpState.SYN_RECV:
      case TcpState.ESTABLISHED:
      case TcpState.FIN_WAIT_1:
      case TcpState.FIN_WAIT_2:
      case TcpState.CLOSE_WAIT:
      case TcpState.CLOSING:
      case TcpState.LAST_ACK:
        return this.rcvSynchronized(seg);
      case TcpState.CLOSED:
        // a socket that is gone is no longer hashed; tcp_v4_rcv answers with RST (RFC 9293 §3.10.7.1)
        return (seg.flags & RST) === 0;
      case TcpState.LISTEN:
      case TcpState.TIME_WAIT:
        // handled by Listener and TimeWaitSock
        return false;
    }
  }

  /** tcp_rcv_synsent_state_process(), RFC 9293 §3.10.7.3. */
  private rcvSynSent(seg: Segment): boolean {
    const f = seg.flags;
    if (f & ACK) {
      // "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset" (unless RST)
      if (!seqAfter(seg.ack, this.iss) || seqAfter(seg.ack, this.sndNxt)) {
        return (f & RST) === 0;
      }
      if (f & RST) {
        // tcp_reset() in SYN-SENT: connect() fails with ECONNREFUSED
        this.host.counters.AttemptFails++;
        this.done("ECONNREFUSED");
        return false;
      }
      if (!(f & SYN)) return false;
      // SYN-ACK: tcp_finish_connect()
      this.irs = seg.seq;
      this.rcvNxt = seqAdd(seg.seq, 1);
      this.rcvWup = this.rcvNxt;
      this.sndUna = seg.ack;
      // Both ends use timestamps: even after a retransmitted SYN the SYN-ACK's TSecr, the TSval of
      // the SYN it answers, gives an RTT sample (tcp_ack_update_rtt(), the RTTM rule), so
      // tcp_init_metrics() finds srtt set and the RFC 6298 §5.7 3 s fallback does not apply.
      const rtt = this.sim.now - (this.totalRto === 0 ? this.retransStamp : this.lastSynAt);
      this.disarm(TimerKind.RTO);
      this.setState(TcpState.ESTABLISHED);
      this.initTransfer(rtt);
      const writer = this.waitingSend;
      // sk_write_pending: "Save one ACK. Data will be ready after several ticks": the blocked
      // sender's data carries the ACK of the SYN-ACK (tcp_rcv_synsent_state_process)
      // (what-if "two-way handshake": no third segment)
      if ((writer === null || this.waitingBytes === 0) && !this.sim.counterfactual?.twoWayHandshake) this.sendAck();
      this.startKeepalive();
      const cb = this.onConnect;
      this.onConnect = null;
      if (cb) cb("ok");
      if (writer !== null) {
        this.waitingSend = null;
        writer(this.send(this.waitingBytes));
      }
      this.xmit();
      return false;
    }
    if (f & RST) return false;
    if (f & SYN) {
      // simultaneous open (RFC 9293 §3.5 figure 8): enter SYN-RECEIVED, send SYN,ACK with our ISN
      this.irs = seg.seq;
      this.rcvNxt = seqAdd(seg.seq, 1);
      this.rcvWup = this.rcvNxt;
      this.setState(TcpState.SYN_RECV);
      this.sendSyn();
      this.ackSent();
      return false;
    }
    return false;
  }

  /** tcp_validate_incoming() + tcp_rcv_state_process() / tcp_rcv_established(). */
  private rcvSynchronized(seg: Segment): boolean {
    const f = seg.flags;
    const end = seqAdd(seg.seq, segSpace(f, seg.len));
    // 1. sequence check, tcp_sequence(): RFC 9293 §3.10.7.4 first check
    const acceptable = !seqBefore(end, this.rcvWup) && !seqAfter(seg.seq, seqAdd(this.rcvNxt, RCV_WND));
    if (!acceptable) {
      if (!(f & RST)) this.oowAck(seg); // tcp_send_dupack(), rate limited
      return false;
    }
    // 2. RST, RFC 5961 §3.2: exact match resets, anything else in window draws a challenge ACK
    if (f & RST) {
      if (seg.seq === this.rcvNxt || this.state === TcpState.SYN_RECV) {
        this.tcpReset();
      } else {
        this.oowAck(seg);
      }
      return false;
    }
    // 4. SYN in a synchronized state: challenge ACK, RFC 5961 §4.2 (tcp_validate_incoming "syn_challenge")
    if (f & SYN) {
      const simOpenSynAck =
        this.state === TcpState.SYN_RECV && (f & ACK) !== 0 && seqAdd(seg.seq, 1) === this.rcvNxt && seg.ack === this.sndNxt;
      if (!simOpenSynAck) {
        this.host.counters.TCPChallengeACK++;
        this.oowAck(seg);
        return false;
      }
    }
    // 5. ACK field, RFC 9293 §3.10.7.4 fifth check
    if (!(f & ACK)) return false;
    if (this.state === TcpState.SYN_RECV) {
      // "If SND.UNA < SEG.ACK =< SND.NXT then enter ESTABLISHED" else reset
      if (!seqAfter(seg.ack, this.sndUna) || seqAfter(seg.ack, this.sndNxt)) return true;
      this.sndUna = seg.ack;
      this.disarm(TimerKind.RTO);
      this.setState(TcpState.ESTABLISHED);
      this.initTransfer(this.synackSentAt >= 0 && this.retransmits === 0 ? this.sim.now - this.synackSentAt : null);
      this.startKeepalive();
      const cb = this.onConnect;
      this.onConnect = null;
      if (cb) cb("ok");
      this.host.childEstablished(this);
    } else if (!this.processAck(seg)) {
      // ACK of unsent data: drop (tcp_ack returns < 0); outside ESTABLISHED also a challenge ACK
      if (this.state !== TcpState.ESTABLISHED) this.oowAck(seg);
      return false;
    }
    switch (this.state) {
      case TcpState.FIN_WAIT_1:
        if (this.finAcked()) {
          this.setState(TcpState.FIN_WAIT_2);
          if (this.orphan) {
            // orphaned FIN-WAIT-2 (tcp_rcv_state_process, case TCP_FIN_WAIT1)
            const tmo = this.finTime();
            if (tmo > TCP_TIMEWAIT_LEN) {
              this.arm(TimerKind.KEEPALIVE, tmo - TCP_TIMEWAIT_LEN);
            } else if (f & FIN) {
              this.arm(TimerKind.KEEPALIVE, tmo);
            } else {
              this.host.timeWait(this, TcpState.FIN_WAIT_2, tmo);
              return false;
            }
          }
        }
        break;
      case TcpState.CLOSING:
        if (this.finAcked()) {
          this.host.timeWait(this, TcpState.TIME_WAIT, 0);
          return false;
        }
        break;
      case TcpState.LAST_ACK:
        if (this.finAcked()) {
          this.host.rememberPeer(this.raddr); // tcp_update_metrics()
          this.done(null);
          return false;
        }
        break;
      default:
        break;
    }
    // 7. segment text and 8. FIN (RFC 9293 §3.10.7.4)
    switch (this.state) {
      case TcpState.CLOSE_WAIT:
      case TcpState.CLOSING:
      case TcpState.LAST_ACK:
        // the peer already sent FIN: new data is ignored; retransmissions still get an ACK
        if (!seqBefore(seg.seq, this.rcvNxt)) break;
        this.dataQueue(seg);
        break;
      case TcpState.FIN_WAIT_1:
      case TcpState.FIN_WAIT_2:
        // "RFC 793 says to queue data in these states, RFC 1122 says we MUST send a reset":
        // after close() new data gets RST (tcp_rcv_state_process, TCPAbortOnData)
        if (this.rcvShutdown && seg.len > 0 && seqAfter(seqAdd(seg.seq, seg.len), this.rcvNxt)) {
          this.host.counters.TCPAbortOnData++;
          this.tcpReset();
          return true;
        }
        this.dataQueue(seg);
        break;
      case TcpState.ESTABLISHED:
        this.dataQueue(seg);
        break;
      default:
        break;
    }
    if (this.state !== TcpState.CLOSED && this.state !== TcpState.TIME_WAIT) {
      this.xmit(); // tcp_data_snd_check()
      this.ackSndCheck(); // tcp_ack_snd_check()
    }
    return false;
  }

  /** tcp_reset(): a valid RST kills the connection. */
  private tcpReset(): void {
    const s = this.state;
    const err = s === TcpState.SYN_SENT ? "ECONNREFUSED" : s === TcpState.CLOSE_WAIT ? "EPIPE" : "ECONNRESET";
    if (s === TcpState.ESTABLISHED || s === TcpState.CLOSE_WAIT) this.host.counters.EstabResets++;
    this.done(err);
  }

  /** tcp_data_queue(): in-order data, out-of-order queue, duplicates. */
  private dataQueue(seg: Segment): void {
    const fin = (seg.flags & FIN) !== 0;
    if (seg.len === 0 && !fin) return;
    let seq = seg.seq;
    let len = seg.len;
    const end = seqAdd(seq, len + (fin ? 1 : 0));
    if (!seqAfter(end, this.rcvNxt)) {
      // "A retransmit, 2nd most common case. Force an immediate ack."
      this.enterQuickack();
      this.ackPending = true;
      this.ackNow = true;
      return;
    }
    if (seqAfter(seq, this.rcvNxt)) {
      // out of order: keep it, ACK at once (duplicate ACK)
      this.ooo.push({ seq, len, fin });
      this.ackPending = true;
      this.ackNow = true;
      return;
    }
    // trim what we already have
    const have = seqDiff(this.rcvNxt, seq);
    if (have > 0) {
      seq = this.rcvNxt;
      len -= have;
    }
    this.acceptInOrder(len, fin);
    // pull from the out-of-order queue (tcp_ofo_queue)
    let progressed = true;
    const hadOoo = this.ooo.length > 0;
    while (progressed && this.ooo.length > 0 && !this.rcvFin) {
      progressed = false;
      for (let i = 0; i < this.ooo.length; i++) {
        const o = this.ooo[i]!;
        const oEnd = seqAdd(o.seq, o.len + (o.fin ? 1 : 0));
        if (!seqAfter(oEnd, this.rcvNxt)) {
          this.ooo.splice(i, 1);
          progressed = true;
          break;
        }
        if (!seqAfter(o.seq, this.rcvNxt)) {
          this.ooo.splice(i, 1);
          this.acceptInOrder(o.len - seqDiff(this.rcvNxt, o.seq), o.fin);
          progressed = true;
          break;
        }
      }
    }
    // RFC 5681 §4.2: ACK at once when a gap is filled
    if (hadOoo && this.ooo.length === 0) this.ackNow = true;
  }

  private acceptInOrder(len: number, fin: boolean): void {
    if (len > 0) {
      this.rcvNxt = seqAdd(this.rcvNxt, len);
      if (!this.rcvShutdown) this.rcvQueue += len;
      this.eventDataRecv(len);
      this.ackPending = true;
    }
    if (fin) {
      this.rcvNxt = seqAdd(this.rcvNxt, 1);
      this.tcpFin();
    }
    if (this.reader !== null) this.wakeReader();
  }

  /** tcp_fin(): the peer's FIN is in sequence. */
  private tcpFin(): void {
    this.ackPending = true;
    this.rcvFin = true;
    switch (this.state) {
      case TcpState.SYN_RECV:
      case TcpState.ESTABLISHED:
        // Move to CLOSE_WAIT; inet_csk_enter_pingpong_mode(): the ACK of a FIN is delayed,
        // so a peer that closes at once sends one FIN-ACK (a 3-segment close)
        this.setState(TcpState.CLOSE_WAIT);
        this.pingpong = true;
        break;
      case TcpState.FIN_WAIT_1:
        // "Received a FIN -- send ACK and enter CLOSING" (simultaneous close)
        this.sendAck();
        this.setState(TcpState.CLOSING);
        break;
      case TcpState.FIN_WAIT_2:
        // "Received a FIN -- send ACK and enter TIME-WAIT"
        this.sendAck();
        this.host.timeWait(this, TcpState.TIME_WAIT, 0);
        break;
      default:
        // CLOSE_WAIT, CLOSING, LAST_ACK: a retransmitted FIN, just ACK it
        break;
    }
  }
}
