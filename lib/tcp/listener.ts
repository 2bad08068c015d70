/**
 * A listening socket and its two queues, as Linux keeps them:
 * - the SYN (half-open) queue: request socks (struct request_sock, state
 *   TCP_NEW_SYN_RECV, shown by ss as SYN-RECV), each with its own SYN-ACK
 *   retransmission timer (reqsk_timer_handler);
 * - the accept queue: established children waiting for accept().
 * Both are bounded by sk_max_ack_backlog = min(backlog, somaxconn) (__sys_listen).
 */
import { ACK, FIN, RST, SYN, segSpace, type Segment } from "./segment";
import { seqAdd, seqAddI32, seqAfter, seqBefore } from "./seq";
import { TcpState } from "./state";
import { Lane } from "./scheduler";
import { cookieCheck, CookieMaker, TCP_SYNCOOKIE_VALID_US } from "./syncookie";
import { JIFFY, RATELIMIT_NEVER, TCP_INVALID_RATELIMIT, TCP_RTO_MAX, TCP_TIMEOUT_INIT } from "./timers";
import { NO_CONN } from "./trace";
import { Sock, type SockHost, type SockOpts } from "./endpoint";
import type { SocketEngine } from "./socketContext";

export const SOCK_REQ = 2;
export const SOCK_LISTENER = 3;

/** Event kind used by the listener's request-timer lanes. */
export const EV_REQ_LANE = 20;

/**
 * The SYN-ACK retry budget reqsk_timer_handler() (net/ipv4/inet_connection_sock.c) gives a
 * request whose timer fires: tcp_synack_retries, lowered towards 2 while the SYN queue holds
 * more than max(8, sk_max_ack_backlog) / 2 requests and fewer than half of them are young
 * (never timed out), then a quarter, an eighth... ("we reserve half of room for young
 * embrions; and abort old ones without pity, if old ones are about to clog our table"):
 *
 *   if ((qlen << 1) > max(8U, READ_ONCE(sk_listener->sk_max_ack_backlog))) {
 *       int young = reqsk_queue_len_young(queue) << 1;
 *       while (max_syn_ack_retries > 2) {
 *           if (qlen < young) break;
 *           max_syn_ack_retries--;
 *           young <<= 1;
 *       }
 *   }
 *
 * The request expires when its num_timeout (timeouts so far) has reached the budget.
 */
export function synAckRetryBudget(qlen: number, young: number, maxAckBacklog: number, synackRetries: number): number {
  let budget = synackRetries;
  if (qlen << 1 > Math.max(8, maxAckBacklog)) {
    let y = young << 1;
    while (budget > 2) {
      if (qlen < y) break;
      budget--;
      y <<= 1;
    }
  }
  return budget;
}

/**
 * A half-open connection: Linux's request sock (struct tcp_request_sock).
 * A listener reuses the request socks it dropped (Listener.spare): a flood
 * cycles tens of thousands of them through the SYN queue, and fresh ones
 * would each live long enough to be copied by the garbage collector twice.
 * References that outlive a request (its timer entries in the lanes, the
 * `due` list) carry a timer generation, and `timerGen` only grows across
 * reuses, so they never match the request that takes the object over.
 */
export class RequestSock {
  readonly kind = SOCK_REQ;
  key = -1;
  numTimeout = 0;
  numRetrans = 0;
  /** The final ACK arrived while the accept queue was full (inet_rsk(req)->acked). */
  acked = false;
  alive = true;
  timerGen = 0;
  expiresAt = -1;
  /** The timer wheel level its timer was armed in (see Listener.runDueTimers). */
  wheelLevel = 0;
  /** The generation of its timer when that timer fired and joined Listener.due. */
  dueGen = 0;
  lastOowAck = RATELIMIT_NEVER;
  sentAt = 0;
  /** Creation order among the listener's requests. */
  born = 0;
  raddr = 0;
  rport = 0;
  conn = 0;
  /**
   * Our ISN and the peer's, as int32 bit patterns: a uint32 above 2^31 in a
   * field costs every request sock a heap number (seqAdd() and `>>> 0` give
   * the uint32 back).
   */
  issI32 = 0;
  irsI32 = 0;

  constructor(
    readonly listener: Listener,
    born: number,
    raddr: number,
    rport: number,
    conn: number,
    iss: number,
    irs: number,
    now: number,
  ) {
    this.init(born, raddr, rport, conn, iss, irs, now);
  }

  /** A new request in this object: every field as a fresh one has, except the timer generation, which keeps growing. */
  init(born: number, raddr: number, rport: number, conn: number, iss: number, irs: number, now: number): void {
    this.key = -1;
    this.numTimeout = 0;
    this.numRetrans = 0;
    this.acked = false;
    this.alive = true;
    this.expiresAt = -1;
    this.wheelLevel = 0;
    this.lastOowAck = RATELIMIT_NEVER;
    this.sentAt = now;
    this.born = born;
    this.raddr = raddr;
    this.rport = rport;
    this.conn = conn;
    this.issI32 = iss | 0;
    this.irsI32 = irs | 0;
  }
}

export interface ListenerCounters {
  /** LINUX_MIB_LISTENOVERFLOWS: accept queue full (SYN or final ACK dropped). */
  ListenOverflows: number;
  /** LINUX_MIB_LISTENDROPS: every SYN or ACK the listener dropped (tcp_listendrop). */
  ListenDrops: number;
  SyncookiesSent: number;
  SyncookiesRecv: number;
  SyncookiesFailed: number;
  /** LINUX_MIB_TCPREQQFULLDOCOOKIES / TCPREQQFULLDROP (tcp_syn_flood_action). */
  TCPReqQFullDoCookies: number;
  TCPReqQFullDrop: number;
  /** request socks dropped by their timer (tcp_synack_retries or pruning) */
  ReqTimeouts: number;
  /** SYN-ACK retransmissions (TcpExtTCPSynRetrans) */
  TCPSynRetrans: number;
  EmbryonicRsts: number;
}

export function emptyListenerCounters(): ListenerCounters {
  return {
    ListenOverflows: 0,
    ListenDrops: 0,
    SyncookiesSent: 0,
    SyncookiesRecv: 0,
    SyncookiesFailed: 0,
    TCPReqQFullDoCookies: 0,
    TCPReqQFullDrop: 0,
    ReqTimeouts: 0,
    TCPSynRetrans: 0,
    EmbryonicRsts: 0,
  };
}

/** What a listener asks of its host (implemented by Host); its children are full sockets of that host. */
export interface ListenerHost extends SockHost {
  hashReq(r: RequestSock, lport: number): void;
  hashSock(s: Sock): void;
  unhash(o: Sock | RequestSock): void;
  /** The listener's request socks, oldest first. */
  requestsOf(l: Listener): RequestSock[];
  unlisten(l: Listener): void;
}

export class Listener {
  readonly kind = SOCK_LISTENER;
  state: TcpState = TcpState.LISTEN;
  /** reqsk_queue_len(): request socks in the SYN queue. */
  qlen = 0;
  /** reqsk_queue_len_young(): requests whose SYN-ACK has not timed out yet. */
  young = 0;
  readonly acceptQueue: Sock[] = [];
  readonly counters = emptyListenerCounters();
  /** tcp_synq_overflow() timestamp: last time a cookie was sent. */
  lastOverflow = -Infinity;
  private cookieMaker: CookieMaker | null = null;
  /** One lane per backoff step: all timers of step k have the same length, so they stay in time order. */
  private lanes: Lane<RequestSock>[] = [];
  /** Request socks created so far (their `born` stamps). */
  private reqsMade = 0;
  /** Dropped request socks, for the next requests to reuse (see RequestSock). */
  private readonly spare: RequestSock[] = [];
  /** Blocked accept() calls, oldest first. */
  readonly waiters: Array<(s: Sock) => void> = [];
  /** Request timers due at `dueAt`, in the order they were armed, and their lowest and highest wheel levels. */
  private due: RequestSock[] = [];
  private dueCount = 0;
  private dueAt = -1;
  private dueLo = 0;
  private dueHi = 0;
  /** The wheel level of each lane's timers (one timeout per lane). */
  private laneLevels: number[] = [];
  /** Fires once all the request timers due at an instant have been collected. */
  private dueLane: Lane<RequestSock> | null = null;
  private readonly dueToken: RequestSock = new RequestSock(this, 0, 0, 0, NO_CONN, 0, 0, 0);

  constructor(
    readonly sim: SocketEngine,
    readonly host: ListenerHost,
    readonly port: number,
    /** sk_max_ack_backlog */
    readonly backlog: number,
    readonly opts: SockOpts,
  ) {}

  private get sysctl() {
    return this.sim.sysctl;
  }

  // ----------------------------------------------------------- segments

  /**
   * A segment for the listener itself: tcp_v4_do_rcv() -> tcp_v4_cookie_check()
   * -> tcp_rcv_state_process(), case TCP_LISTEN. Returns true to answer with RST.
   */
  onSegment(seg: Segment): boolean {
    const f = seg.flags;
    if (f & ACK) return this.onAck(seg);
    if (f & RST) return false;
    if (!(f & SYN) || f & FIN) return false;
    this.connRequest(seg, 0);
    return false;
  }

  /** An ACK (or RST|ACK) for the listener: a syncookie ACK makes a connection, anything else is reset. */
  private onAck(seg: Segment): boolean {
    const f = seg.flags;
    if (!(f & (SYN | RST))) {
      // cookie_v4_check(): only while a cookie was sent recently (tcp_synq_no_recent_overflow)
      if (this.sysctl.tcp_syncookies > 0 && this.sim.now - this.lastOverflow <= TCP_SYNCOOKIE_VALID_US) {
        const ok = cookieCheck(
          this.host.cookieSecret,
          this.sim.now,
          seg.srcAddr,
          seg.srcPort,
          this.host.addr,
          this.port,
          seqAdd(seg.seq, -1),
          seqAdd(seg.ack, -1),
        );
        if (ok) {
          this.counters.SyncookiesRecv++;
          this.cookieChild(seg);
          return false;
        }
        this.counters.SyncookiesFailed++;
      }
    }
    // "if (th->ack) return 1": an ACK for no connection is answered with RST
    return (f & RST) === 0;
  }

  /** tcp_conn_request() (net/ipv4/tcp_input.c). twIsn != 0 when a TIME-WAIT socket handed the SYN over. */
  connRequest(seg: Segment, twIsn: number): void {
    const sys = this.sysctl;
    let wantCookie = false;
    // inet_csk_reqsk_queue_is_full(): qlen > sk_max_ack_backlog ('>' since Linux 6.13, commit 3479c7549fb1)
    if ((sys.tcp_syncookies === 2 || this.qlen > this.backlog) && twIsn === 0) {
      // tcp_syn_flood_action()
      if (sys.tcp_syncookies > 0) {
        wantCookie = true;
        this.counters.TCPReqQFullDoCookies++;
      } else {
        this.counters.TCPReqQFullDrop++;
        this.counters.ListenDrops++;
        return;
      }
    }
    // sk_acceptq_is_full(): sk_ack_backlog > sk_max_ack_backlog, so backlog + 1 children fit
    if (this.acceptQueue.length > this.backlog) {
      this.counters.ListenOverflows++;
      this.counters.ListenDrops++;
      return;
    }
    if (!wantCookie && twIsn === 0 && sys.tcp_syncookies === 0) {
      // "Without syncookies last quarter of backlog is filled with destinations proven to be alive"
      const max = sys.tcp_max_syn_backlog;
      if (max - this.qlen < max >> 2 && !this.host.provenPeers.has(seg.srcAddr)) {
        this.counters.ListenDrops++;
        return;
      }
    }
    if (wantCookie) this.sendCookie(seg);
    else if (this.sim.counterfactual?.twoWayHandshake) this.twoWayOpen(seg);
    else this.queueRequest(seg, twIsn);
  }

  /** Stateless: the SYN-ACK's ISN encodes the connection (cookie_v4_init_sequence); no queue entry. */
  private sendCookie(seg: Segment): void {
    const now = this.sim.now;
    // the int32 bit pattern of the client ISN: no heap number for the call (see h0 in syncookie.ts)
    const isn = this.cookieIsnI32(now, seg.srcAddr, seg.srcPort, seg.seq | 0);
    this.lastOverflow = now;
    this.counters.SyncookiesSent++;
    this.sim.emit(this.host.index, this.host.addr, this.port, seg.srcAddr, seg.srcPort, SYN | ACK, isn, seqAddI32(seg.seq, 1), 0, seg.conn);
  }

  /** cookie_v4_init_sequence() for a SYN from (saddr, sport) at `now`, as an int32 bit pattern. */
  cookieIsnI32(now: number, saddr: number, sport: number, clientIsnI32: number): number {
    return this.cookies.cookieI32(now, saddr, sport, clientIsnI32);
  }

  /** The cookie arithmetic with this listener's terms kept (a flood asks once per SYN). */
  get cookies(): CookieMaker {
    return (this.cookieMaker ??= new CookieMaker(this.host.cookieSecret, this.host.addr, this.port));
  }

  /**
   * Whether a SYN arriving now for no socket of the ehash would be answered
   * with a cookie and leave nothing behind: tcp_conn_request() with
   * syncookies on, the SYN queue full (inet_csk_reqsk_queue_is_full) or
   * tcp_syncookies=2, and room in the accept queue (sk_acceptq_is_full).
   * Sending a cookie changes none of these, so the answer holds for every SYN
   * until something else happens (Sim.cookieRun relies on it).
   */
  answersWithCookie(): boolean {
    const sys = this.sysctl;
    return sys.tcp_syncookies > 0 && (sys.tcp_syncookies === 2 || this.qlen > this.backlog) && this.acceptQueue.length <= this.backlog;
  }

  /** The bookkeeping of `n` cookies sent as sendCookie() sends them, the last one at `lastAt`. */
  cookiesSent(n: number, lastAt: number): void {
    this.counters.TCPReqQFullDoCookies += n;
    this.counters.SyncookiesSent += n;
    this.lastOverflow = lastAt;
  }

  /** A request sock joins the SYN queue and answers with a SYN-ACK. */
  private queueRequest(seg: Segment, twIsn: number): void {
    const iss = twIsn !== 0 ? twIsn : this.sim.nextIsn(this.host);
    const spare = this.spare.pop();
    let req: RequestSock;
    if (spare !== undefined) {
      req = spare;
      req.init(++this.reqsMade, seg.srcAddr, seg.srcPort, seg.conn, iss, seg.seq, this.sim.now);
    } else req = new RequestSock(this, ++this.reqsMade, seg.srcAddr, seg.srcPort, seg.conn, iss, seg.seq, this.sim.now);
    // inet_csk_reqsk_queue_hash_add(): into the ehash and the SYN queue, timer at TCP_TIMEOUT_INIT
    this.host.hashReq(req, this.port);
    this.qlen++;
    this.young++;
    this.sim.recordState(this.host, TcpState.CLOSED, TcpState.SYN_RECV, req.conn);
    this.sendSynAck(req);
    this.armReq(req, TCP_TIMEOUT_INIT);
  }

  private sendSynAck(req: RequestSock): void {
    this.sim.emit(this.host.index, this.host.addr, this.port, req.raddr, req.rport, SYN | ACK, req.issI32, seqAddI32(req.irsI32, 1), 0, req.conn);
  }

  private armReq(req: RequestSock, timeout: number): void {
    const idx = Math.min(req.numTimeout, 7);
    let lane = this.lanes[idx];
    if (!lane) {
      // room for a full SYN queue's timers from the start (a flood fills it within a second),
      // so the lane does not grow by doubling in every simulation
      lane = new Lane<RequestSock>(this.sim.sched, EV_REQ_LANE, laneCapacity(this.backlog));
      lane.ev.target = lane;
      this.lanes[idx] = lane;
      this.laneLevels[idx] = wheelLevel(timeout);
    }
    req.expiresAt = this.sim.timerDeadline(timeout);
    req.wheelLevel = this.laneLevels[idx]!;
    lane.push(req.expiresAt, req, ++req.timerGen);
  }

  /**
   * A request timer fired (the simulator's request-timer lanes call this in arming order).
   * The handlers of all the timers due at one instant run together once they are collected,
   * in the order the kernel's timer wheel runs them (runDueTimers): the order matters under
   * pruning, which decides from the queue as the earlier handlers of the same tick left it.
   */
  onReqTimer(req: RequestSock, gen: number): void {
    if (req === this.dueToken) {
      this.runDueTimers();
      return;
    }
    if (!req.alive || gen !== req.timerGen) return;
    const now = this.sim.now;
    const lvl = req.wheelLevel;
    if (this.dueAt !== now) {
      // the first timer of this instant (a batch left over from a crash is forgotten, as its timers were)
      this.dueCount = 0;
      this.dueAt = now;
      this.dueLo = this.dueHi = lvl;
      let lane = this.dueLane;
      if (!lane) lane = this.dueLane = new Lane<RequestSock>(this.sim.sched, EV_REQ_LANE);
      lane.push(now, this.dueToken, 0);
    } else if (lvl > this.dueHi) this.dueHi = lvl;
    else if (lvl < this.dueLo) this.dueLo = lvl;
    req.dueGen = gen;
    this.due[this.dueCount++] = req;
  }

  /**
   * __run_timers() (kernel/time/timer.c) expires the buckets of one tick from the highest
   * wheel level down (`while (levels--) expire_timers(base, heads + levels)`), and each
   * bucket from its head, where enqueue_timer() adds: last armed first. Requests flooded in
   * together keep sharing buckets, so each round runs in the reverse order of the last one.
   */
  private runDueTimers(): void {
    const due = this.due;
    const n = this.dueCount;
    for (let lvl = this.dueHi; lvl >= this.dueLo; lvl--) {
      for (let i = n - 1; i >= 0; i--) {
        const req = due[i]!;
        // a timer re-armed (a retransmitted SYN) or a request gone since it fired is skipped
        if (req.wheelLevel === lvl && req.alive && req.dueGen === req.timerGen) this.reqTimer(req);
      }
    }
    // emptied by its count: the array keeps its room for the next instant (length = 0 would free it)
    this.dueCount = 0;
    this.dueAt = -1;
  }

  /** reqsk_timer_handler() (net/ipv4/inet_connection_sock.c). */
  private reqTimer(req: RequestSock): void {
    if (this.state !== TcpState.LISTEN) {
      this.dropReq(req);
      return;
    }
    // recomputed at every firing, from the queue as the handlers before this one left it
    const maxSynAckRetries = synAckRetryBudget(this.qlen, this.young, this.backlog, this.sysctl.tcp_synack_retries);
    // syn_ack_recalc(): expire = num_timeout >= max retries (no TCP_DEFER_ACCEPT)
    if (req.numTimeout >= maxSynAckRetries) {
      // silently: no RST goes to the peer
      this.counters.ReqTimeouts++;
      this.dropReq(req);
      return;
    }
    this.sendSynAck(req);
    req.numRetrans++;
    this.counters.TCPSynRetrans++;
    this.host.counters.RetransSegs++;
    if (req.numTimeout++ === 0) this.young--;
    this.armReq(req, Math.min(TCP_TIMEOUT_INIT * 2 ** req.numTimeout, TCP_RTO_MAX));
  }

  /** inet_csk_reqsk_queue_drop(): forget a request; the trace shows it as gone (CLOSED). */
  dropReq(req: RequestSock): void {
    if (!req.alive) return;
    req.alive = false;
    req.timerGen++;
    this.qlen--;
    if (req.numTimeout === 0) this.young--;
    this.host.unhash(req);
    this.sim.recordState(this.host, TcpState.SYN_RECV, TcpState.CLOSED, req.conn);
    this.spare.push(req);
  }

  /** tcp_check_req() (net/ipv4/tcp_minisocks.c): a segment for a request sock. Returns true to send RST. */
  onReqSegment(req: RequestSock, seg: Segment): boolean {
    const f = seg.flags;
    const rcvNxt = seqAdd(req.irsI32, 1);
    // a retransmitted SYN: resend the SYN-ACK (rate limited), restart the timer
    if ((seg.seq | 0) === req.irsI32 && (f & (SYN | ACK | RST | FIN)) === SYN) {
      if (this.sim.now - req.lastOowAck >= TCP_INVALID_RATELIMIT) {
        req.lastOowAck = this.sim.now;
        this.sendSynAck(req);
        req.numRetrans++;
        this.armReq(req, Math.min(TCP_TIMEOUT_INIT * 2 ** req.numTimeout, TCP_RTO_MAX));
      }
      return false;
    }
    // "ACK sequence verified above, just make sure ACK is set. If ACK not set, just silently drop."
    if (f & ACK && seg.ack !== seqAdd(req.issI32, 1)) {
      // wrong ACK: the listener resets it
      return (f & RST) === 0;
    }
    const end = seqAdd(seg.seq, segSpace(f, seg.len));
    const inWindow = !seqBefore(end, rcvNxt) && !seqAfter(seg.seq, seqAdd(rcvNxt, 65535));
    if (!inWindow) {
      if (!(f & RST) && this.sim.now - req.lastOowAck >= TCP_INVALID_RATELIMIT) {
        req.lastOowAck = this.sim.now;
        this.sim.emit(this.host.index, this.host.addr, this.port, req.raddr, req.rport, ACK, seqAdd(req.issI32, 1), rcvNxt, 0, req.conn);
      }
      return false;
    }
    if (f & (RST | SYN)) {
      // embryonic reset: RST (or a new SYN in window) kills the request; RFC 9293: SYN-RECEIVED -> LISTEN
      this.counters.EmbryonicRsts++;
      this.dropReq(req);
      return (f & RST) === 0;
    }
    if (!(f & ACK)) return false;
    // the handshake completes: inet_csk(sk)->icsk_af_ops->syn_recv_sock() -> tcp_v4_syn_recv_sock()
    if (this.acceptQueue.length > this.backlog) {
      this.counters.ListenOverflows++;
      this.counters.ListenDrops++;
      if (this.sysctl.tcp_abort_on_overflow === 0) {
        // drop the ACK; the SYN-ACK timer will try again (tcp_check_req "listen_overflow")
        req.acked = true;
        return false;
      }
      // tcp_abort_on_overflow=1: "embryonic_reset" answers the ACK with RST
      this.counters.EmbryonicRsts++;
      this.dropReq(req);
      return true;
    }
    const rtt = req.numRetrans === 0 ? this.sim.now - req.sentAt : null;
    this.dropReqForChild(req);
    // (req is spare from here on, but nothing makes a new request before its fields are read)
    const child = this.makeChild(req.raddr, req.rport, req.conn, req.issI32 >>> 0, req.irsI32 >>> 0);
    child.synackSentAt = this.sim.now - (rtt ?? 0);
    if (rtt === null) child.retransmits = 1;
    return this.deliverToChild(child, seg);
  }

  /** The request becomes a full socket: leave the SYN queue without a CLOSED trace entry. */
  private dropReqForChild(req: RequestSock): void {
    req.alive = false;
    req.timerGen++;
    this.qlen--;
    if (req.numTimeout === 0) this.young--;
    this.host.unhash(req);
    this.spare.push(req);
  }

  private makeChild(raddr: number, rport: number, conn: number, iss: number, irs: number): Sock {
    const child = new Sock(this.sim, this.host, this.port, raddr, rport, conn);
    // tcp_create_openreq_child(): born in SYN-RECV with the request's numbers
    child.state = TcpState.SYN_RECV;
    child.iss = iss;
    child.sndUna = iss;
    child.sndNxt = seqAdd(iss, 1);
    child.writeSeq = child.sndNxt;
    child.irs = irs;
    child.rcvNxt = seqAdd(irs, 1);
    child.rcvWup = child.rcvNxt;
    const ka = this.opts.keepalive;
    if (ka) {
      child.keepalive = true;
      child.kaIdle = ka.idle ?? -1;
      child.kaIntvl = ka.intvl ?? -1;
      child.kaCnt = ka.cnt ?? -1;
    }
    this.host.hashSock(child);
    return child;
  }

  private deliverToChild(child: Sock, seg: Segment): boolean {
    // tcp_child_process() -> tcp_rcv_state_process(): SYN-RECV + ACK -> ESTABLISHED
    this.acceptQueue.push(child);
    const rst = child.onSegment(seg);
    return rst;
  }

  /** A valid cookie ACK: the connection is born with no queue entry (cookie_v4_check -> tcp_get_cookie_sock). */
  private cookieChild(seg: Segment): void {
    if (this.acceptQueue.length > this.backlog) {
      this.counters.ListenOverflows++;
      this.counters.ListenDrops++;
      return;
    }
    const child = this.makeChild(seg.srcAddr, seg.srcPort, seg.conn, seqAdd(seg.ack, -1), seqAdd(seg.seq, -1));
    // born straight into ESTABLISHED in the trace: there never was a SYN-RECV entry
    this.host.stateCounts[TcpState.SYN_RECV]!++;
    child.bornFromCookie = true;
    child.retransmits = 1; // no RTT sample from a stateless handshake
    this.deliverToChild(child, seg);
  }

  /** A child finished its handshake (called from Sock when it reaches ESTABLISHED). */
  childReady(child: Sock): void {
    if (!this.acceptQueue.includes(child)) return;
    const w = this.waiters.shift();
    if (w) {
      this.removeFromQueue(child);
      w(child);
    }
  }

  removeFromQueue(child: Sock): void {
    const i = this.acceptQueue.indexOf(child);
    if (i >= 0) this.acceptQueue.splice(i, 1);
  }

  /** accept(): the oldest established child, or null to block. */
  accept(): Sock | null {
    for (let i = 0; i < this.acceptQueue.length; i++) {
      const c = this.acceptQueue[i]!;
      if (c.state !== TcpState.SYN_RECV) {
        this.acceptQueue.splice(i, 1);
        return c;
      }
    }
    return null;
  }

  /** close() on the listener: inet_csk_listen_stop(). Requests vanish; queued children are reset. */
  close(): void {
    this.state = TcpState.CLOSED;
    this.sim.recordState(this.host, TcpState.LISTEN, TcpState.CLOSED, NO_CONN);
    for (const req of this.host.requestsOf(this)) this.dropReq(req);
    for (const child of this.acceptQueue.splice(0)) {
      // inet_child_forget() -> tcp_disconnect(): RST for established children
      child.abort();
    }
    this.host.unlisten(this);
  }

  /**
   * What-if "two-way handshake" (never in a lesson): the SYN alone opens the
   * connection. The child is ESTABLISHED before its SYN-ACK leaves, takes its
   * own SYN as acknowledged (no third segment will come) and waits in the
   * accept queue; nothing checks that the SYN was a current one (RFC 9293 §3.5).
   */
  private twoWayOpen(seg: Segment): void {
    const iss = this.sim.nextIsn(this.host);
    const child = this.makeChild(seg.srcAddr, seg.srcPort, seg.conn, iss, seg.seq);
    child.sndUna = child.sndNxt;
    // born straight into ESTABLISHED in the trace, as a cookie child is
    this.host.stateCounts[TcpState.SYN_RECV]!++;
    child.bornFromCookie = true;
    this.acceptQueue.push(child);
    child.setState(TcpState.ESTABLISHED);
    child.initTransfer(null);
    child.startKeepalive();
    this.host.childEstablished(child);
    this.sim.emit(this.host.index, this.host.addr, this.port, seg.srcAddr, seg.srcPort, SYN | ACK, iss, seqAdd(seg.seq, 1), 0, seg.conn);
  }
}

/** A power of two above a SYN queue of this backlog (qlen may reach backlog + 1), at least 16, at most 4096. */
function laneCapacity(backlog: number): number {
  let c = 16;
  while (c <= backlog + 1 && c < 4096) c *= 2;
  return c;
}

/** LVL_START(n + 1) (kernel/time/timer.c): the largest delta in jiffies that wheel level n takes. */
const WHEEL_LEVEL_LIMIT = [63, 504, 4032, 32256, 258048, 2064384, 16515072, 132120576];

/** calc_wheel_index(): the level a timer armed for `delay` microseconds goes to (1 s: 1, 4 s: 2, 32 s: 3). */
function wheelLevel(delay: number): number {
  const delta = Math.ceil(delay / JIFFY);
  let lvl = 0;
  while (lvl < 8 && delta >= WHEEL_LEVEL_LIMIT[lvl]!) lvl++;
  return lvl;
}
