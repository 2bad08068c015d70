/**
 * A host: its socket tables (the kernel's ehash of full, request and
 * TIME-WAIT socks, and listeners by port), the demultiplexer that hands an
 * arriving segment to the right one (tcp_v4_rcv), the no-socket RST
 * (tcp_v4_send_reset), ephemeral ports, and the application calls.
 */
import { ACK, RST, segSpace, type Segment } from "./segment";
import { seqAdd } from "./seq";
import { TcpState } from "./state";
import { Sock, SOCK_FULL } from "./endpoint";
import { Listener, RequestSock, SOCK_REQ, type ListenerHost } from "./listener";
import { TimeWaitSock, type TwHost } from "./timewait";
import { TCP_TIMEWAIT_LEN, MS } from "./timers";
import type { Step } from "./scenario";
import { NO_CONN } from "./trace";
import { EHash } from "./ehash";
import type { Rng } from "./random";
import type { Lane } from "./scheduler";
import type { HostCounters, SocketEngine } from "./socketContext";

export type { HostCounters };

/**
 * The engine as a host sees it: what its sockets see (SocketEngine) plus the
 * application side (results of calls, other hosts, floods) and the
 * TIME-WAIT timer lanes. Implemented by Sim.
 */
export interface HostEngine extends SocketEngine {
  readonly rng: Rng;
  hostByName(name: string): Host;
  /** A new connection from host a to host b: its name code. */
  connCode(a: number, b: number): number;
  /** Records an application call's result (`calledAt` in microseconds). */
  appResult(step: Step, calledAt: number, result: string, conn: number | null): void;
  /** Records that the host's program makes this call now; returns the record's index (for callBlocked). */
  callMade(h: Host, step: Step): number;
  /**
   * The call of record `made` did not complete within the system call: the
   * program sleeps in it (asleep), or, on a non-blocking socket, goes on while it completes.
   */
  callBlocked(made: number, asleep: boolean): void;
  /** A blocked call returned: the host's program goes on with its held calls, after the kernel work that woke it. */
  resumeLater(h: Host): void;
  /**
   * Whether connect(), accept() and recv() block as on a default (blocking)
   * socket; false models O_NONBLOCK sockets (what the capture harness used).
   */
  readonly blockingCalls: boolean;
  startFlood(h: Host, step: Step): void;
  /** TCP_TIMEWAIT_LEN, or the RFC's 2*MSL when a lesson asks for it. */
  timeWaitLen(timeo: number): number;
  twLane(timeo: number): Lane<TimeWaitSock>;
}

function emptyCounters(): HostCounters {
  return {
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
}

type Hashed = Sock | RequestSock | TimeWaitSock;

export class Host implements ListenerHost, TwHost {
  readonly addr: number;
  readonly counters = emptyCounters();
  /** The established hash: (local port, remote address << 16 | remote port) -> socket. */
  readonly table = new EHash<Hashed>();
  readonly listeners = new Map<number, Listener>();
  /** The same listeners as a list, for listenerOn(). */
  private listening: Listener[] = [];
  /** Peers with saved TCP metrics (tcp_peer_is_proven()): they completed a connection. */
  readonly provenPeers = new Set<number>();
  readonly cookieSecret: number;
  /** Sockets the application holds (from connect or accept), most recent last. */
  readonly owned: Sock[] = [];
  /** Sockets per state, for samples: index = TcpState. */
  readonly stateCounts = new Int32Array(11);
  twCount = 0;
  /** For the "after": "first-syn" fault. */
  sentFirstSyn = false;
  /** Crashed (scenario call "crash"): sends nothing, drops what arrives, its timers stand still. */
  down = false;
  /**
   * The program's later calls, held back while one of its calls blocks (null:
   * the program is not blocked). A program runs its calls one after another:
   * a blocking system call returns only when it completes, so nothing the
   * program would call later can run before (docs/scenario-format.md).
   */
  held: Step[] | null = null;
  /** Bumped when the host reboots: a call its old program was blocked in never returns. */
  private life = 0;

  constructor(
    readonly sim: HostEngine,
    readonly index: number,
    readonly name: string,
  ) {
    this.addr = index;
    this.cookieSecret = sim.rng.nextU32();
  }

  // ------------------------------------------------------------ tables

  lookup(lport: number, raddr: number, rport: number): Hashed | undefined {
    return this.table.get(lport, (raddr << 16) | rport);
  }

  private put(lport: number, raddr: number, rport: number, o: Hashed): void {
    this.table.set(lport, (raddr << 16) | rport, o);
    o.key = lport;
  }

  hashSock(s: Sock): void {
    this.put(s.lport, s.raddr, s.rport, s);
  }

  hashReq(r: RequestSock, lport: number): void {
    this.put(lport, r.raddr, r.rport, r);
  }

  unhash(o: Hashed): void {
    if (o.key < 0) return;
    this.table.delete(o.key, (o.raddr << 16) | o.rport, o);
  }

  /** Every hashed socket (for inspection and listener shutdown; not on any hot path). */
  allHashed(): Generator<Hashed> {
    return this.table.values();
  }

  /** The first listener opened and still open (samples and counters report one), without copying the map. */
  firstListener(): Listener | undefined {
    for (const l of this.listeners.values()) return l;
    return undefined;
  }

  unlisten(l: Listener): void {
    if (this.listeners.get(l.port) === l) {
      this.listeners.delete(l.port);
      this.listening.splice(this.listening.indexOf(l), 1);
    }
  }

  /** The listener's request socks, oldest first. */
  requestsOf(l: Listener): RequestSock[] {
    const reqs: RequestSock[] = [];
    for (const o of this.allHashed()) {
      if (o.kind === SOCK_REQ && o.listener === l) reqs.push(o);
    }
    return reqs.sort((a, b) => a.born - b.born);
  }

  rememberPeer(addr: number): void {
    this.provenPeers.add(addr);
  }

  /** A child socket reached ESTABLISHED. */
  childEstablished(s: Sock): void {
    const l = this.listeners.get(s.lport);
    if (l) {
      this.counters.PassiveOpens++;
      l.childReady(s);
    }
  }

  // --------------------------------------------------------- TIME-WAIT

  /** tcp_time_wait(): replace a full socket with a TIME-WAIT minisocket. */
  timeWait(s: Sock, substate: TcpState, tmo: number): void {
    const sys = this.sim.sysctl;
    this.rememberPeer(s.raddr); // tcp_update_metrics()
    if (substate === TcpState.TIME_WAIT && this.sim.counterfactual?.noTimeWait) {
      // what-if: no TIME-WAIT, the connection is forgotten at once (its 4-tuple free)
      s.done(null, false);
      return;
    }
    if (this.twCount >= sys.tcp_max_tw_buckets) {
      // inet_twsk_alloc() refuses: "TCP: time wait bucket table overflow", the socket just closes
      this.counters.TCPTimeWaitOverflow++;
      s.done(null, false);
      return;
    }
    // the TIME-WAIT timer: at least 3.5 RTO; a real TIME-WAIT is always TCP_TIMEWAIT_LEN
    let timeo = Math.max(tmo, s.rto * 4 - s.rto / 2);
    if (substate === TcpState.TIME_WAIT) timeo = TCP_TIMEWAIT_LEN;
    const tw = new TimeWaitSock(this.sim, this, s.lport, s.raddr, s.rport, s.conn, substate, s.sndNxt, s.rcvNxt);
    if (substate === TcpState.TIME_WAIT) s.setState(TcpState.TIME_WAIT);
    s.retire(substate);
    this.put(s.lport, s.raddr, s.rport, tw);
    this.twCount++;
    // __inet_twsk_schedule(): LINUX_MIB_TIMEWAITED when the timer is first armed above 4 s (TIMEWAITKILLED otherwise)
    if (timeo > 4000 * MS) this.counters.TW++;
    this.scheduleTw(tw, timeo);
  }

  scheduleTw(tw: TimeWaitSock, timeo: number): void {
    if (tw.substate === TcpState.TIME_WAIT) timeo = this.sim.timeWaitLen(timeo);
    tw.gen++;
    tw.expiresAt = this.sim.timerDeadline(timeo);
    this.sim.twLane(timeo).push(tw.expiresAt, tw, tw.gen);
  }

  onTwTimer(tw: TimeWaitSock, gen: number): void {
    if (!tw.alive || gen !== tw.gen) return;
    this.killTw(tw);
  }

  killTw(tw: TimeWaitSock): void {
    if (!tw.alive) return;
    tw.alive = false;
    tw.gen++;
    this.twCount--;
    this.unhash(tw);
    this.sim.recordState(this, tw.substate, TcpState.CLOSED, tw.conn);
  }

  // ------------------------------------------------------------- input

  /**
   * The listener on a port (__inet_lookup_listener). A host listens on one
   * port or a few: scanning them is cheaper than a Map lookup, and a SYN
   * flood asks once per SYN.
   */
  listenerOn(port: number): Listener | undefined {
    const ls = this.listening;
    for (let i = 0; i < ls.length; i++) if (ls[i]!.port === port) return ls[i];
    return undefined;
  }

  /** tcp_v4_rcv(): find the socket for a segment and hand it over. */
  receive(seg: Segment): void {
    if (this.down) return; // a crashed host answers nothing
    const o = this.lookup(seg.dstPort, seg.srcAddr, seg.srcPort);
    if (o !== undefined) {
      this.receiveHashed(o, seg);
      return;
    }
    const l = this.listenerOn(seg.dstPort);
    if (l !== undefined) {
      if (l.onSegment(seg)) this.sendReset(seg);
      return;
    }
    // no socket at all: RFC 9293 §3.10.7.1 (CLOSED), tcp_v4_send_reset()
    this.sendReset(seg);
  }

  /** A segment for a socket of the established hash: full, request or TIME-WAIT. */
  private receiveHashed(o: Hashed, seg: Segment): void {
    if (o.kind === SOCK_FULL) {
      if (o.onSegment(seg)) this.sendReset(seg);
    } else if (o.kind === SOCK_REQ) {
      if (o.listener.onReqSegment(o, seg)) this.sendReset(seg);
    } else {
      const v = o.onSegment(seg);
      if (v.action === "ack") this.twAck(o);
      else if (v.action === "rst") this.sendReset(seg);
      else if (v.action === "syn") {
        // TCP_TW_SYN: a listener takes the SYN over, with an ISN above the old connection's
        const l = this.listenerOn(seg.dstPort);
        if (l) {
          this.killTw(o);
          // (what-if "ISN always 0": no ISN above the old connection's either)
          l.connRequest(seg, this.sim.counterfactual?.isnZero ? 0 : v.isn);
        } else this.twAck(o);
      }
    }
  }

  /** tcp_v4_timewait_ack(). */
  private twAck(tw: TimeWaitSock): void {
    this.sim.emit(this.index, this.addr, tw.lport, tw.raddr, tw.rport, ACK, tw.sndNxt, tw.rcvNxt, 0, tw.conn);
  }

  /**
   * tcp_v4_send_reset(): never answer an RST; if the segment had ACK, the RST
   * takes its seq from that ACK and has no ACK itself; otherwise seq 0 and
   * ACK = SEG.SEQ + SEG.LEN (RFC 9293 §3.10.7.1).
   */
  sendReset(seg: Segment): void {
    if (seg.flags & RST) return;
    this.counters.OutRsts++;
    if (seg.flags & ACK) {
      this.sim.emit(this.index, this.addr, seg.dstPort, seg.srcAddr, seg.srcPort, RST, seg.ack, 0, 0, seg.conn);
    } else {
      const ack = seqAdd(seg.seq, segSpace(seg.flags, seg.len));
      this.sim.emit(this.index, this.addr, seg.dstPort, seg.srcAddr, seg.srcPort, RST | ACK, 0, ack, 0, seg.conn);
    }
  }

  // ------------------------------------------------------------- ports

  /**
   * __inet_hash_connect(): an ephemeral port whose 4-tuple is free. A
   * TIME-WAIT holding the tuple may be taken over when tcp_twsk_unique()
   * allows it: tcp_tw_reuse=1 (2 = loopback only, and hosts here are joined
   * by links, not loopback) and tcp_tw_reuse_delay has passed.
   */
  allocPort(raddr: number, rport: number, fixed?: number): { port: number; isn: number } | null {
    const [lo, hi] = this.sim.sysctl.ip_local_port_range;
    if (fixed !== undefined) {
      const r = this.portFree(fixed, raddr, rport);
      return r === "busy" ? null : r;
    }
    const n = hi - lo + 1;
    // even ports first for connect(), from a pseudo-random offset, then odd ones
    let offset = this.sim.rng.below(n) & ~1;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < n; i += 2) {
        const p = lo + ((offset + i) % n);
        const r = this.portFree(p, raddr, rport);
        if (r !== "busy" && r !== null) return r;
      }
      offset++;
    }
    return null;
  }

  /** Whether any socket of this host (listener, connection, request or TIME-WAIT) has local port p. */
  private portHeld(p: number): boolean {
    if (this.listeners.has(p)) return true;
    for (const o of this.allHashed()) if (o.key === p) return true;
    return false;
  }

  /** Whether local port p is free towards (raddr, rport): "busy", or the port with an ISN (non-zero after a TIME-WAIT takeover). */
  private portFree(p: number, raddr: number, rport: number): { port: number; isn: number } | "busy" {
    if (this.listeners.has(p)) return "busy";
    const o = this.lookup(p, raddr, rport);
    if (o === undefined) return { port: p, isn: 0 };
    if (o.kind === SOCK_FULL || o.kind === SOCK_REQ) return "busy";
    const reuse = this.sim.sysctl.tcp_tw_reuse === 1;
    if (reuse && this.sim.now - o.enteredAt > this.sim.sysctl.tcp_tw_reuse_delay * MS) {
      let isn = seqAdd(o.sndNxt, 65535 + 2);
      if (isn === 0) isn = 1;
      this.killTw(o);
      return { port: p, isn };
    }
    return "busy";
  }

  // ------------------------------------------------------ crash, reboot

  /**
   * The host crashes (power loss, kernel panic, a cut cable that stays cut):
   * nothing it would send reaches the wire and everything sent to it is lost.
   * Its sockets stay as they were, frozen: no timer of this host runs while
   * it is down (the simulator skips them).
   */
  crash(): void {
    this.down = true;
    // the program is gone with the machine: a call it was blocked in never returns, and
    // the calls it had not made yet are never made
    this.life++;
    this.held = null;
  }

  /**
   * The host comes back up with empty socket tables: every connection,
   * listener, request and TIME-WAIT is forgotten without a segment being
   * sent (the old kernel is gone), and from now on a segment for any of those
   * connections finds no socket and is answered with RST, as a closed port
   * answers (RFC 9293 §3.10.7.1; §3.5.1 on half-open connections).
   */
  reboot(): void {
    this.down = false;
    this.life++;
    this.held = null;
    for (const o of [...this.allHashed()]) {
      if (o.kind === SOCK_FULL) o.done(null, false);
      else if (o.kind === SOCK_REQ) o.listener.dropReq(o);
      else this.killTw(o);
    }
    for (const l of [...this.listening]) {
      l.state = TcpState.CLOSED;
      this.sim.recordState(this, TcpState.LISTEN, TcpState.CLOSED, NO_CONN);
      l.acceptQueue.length = 0;
      l.waiters.length = 0;
      this.unlisten(l);
    }
    this.owned.length = 0;
    this.provenPeers.clear();
  }

  // ---------------------------------------------------------- app calls

  private pick(step: Step): Sock | null {
    if (step.conn !== undefined) {
      for (let i = this.owned.length - 1; i >= 0; i--) {
        const s = this.owned[i]!;
        if (this.sim.connName(s.conn) === step.conn) return s;
      }
      return null;
    }
    return this.owned[this.owned.length - 1] ?? null;
  }

  private release(s: Sock): void {
    const i = this.owned.indexOf(s);
    if (i >= 0) this.owned.splice(i, 1);
  }

  // The calls that complete later get their own methods: the closures they
  // leave behind would otherwise make every call() allocate a context.

  private connectCall(step: Step, now: number, made: number): void {
    const sim = this.sim;
    const to = sim.hostByName(step.to ?? "server");
    const rport = step.port ?? 80;
    // bind() before connect(), without SO_REUSEADDR (scenarios have no such option): inet_csk_get_port()
    // refuses a port that any socket of this host holds, a TIME-WAIT one included (inet_csk_bind_conflict())
    if (step.localPort !== undefined && this.portHeld(step.localPort)) return sim.appResult(step, now, "error EADDRINUSE", null);
    const p = this.allocPort(to.addr, rport, step.localPort);
    if (p === null) return sim.appResult(step, now, "error EADDRNOTAVAIL", null);
    const conn = sim.connCode(this.index, to.index);
    const s = new Sock(sim, this, p.port, to.addr, rport, conn);
    if (step.keepalive) {
      s.keepalive = true;
      s.kaIdle = step.keepalive.idle ?? -1;
      s.kaIntvl = step.keepalive.intvl ?? -1;
      s.kaCnt = step.keepalive.cnt ?? -1;
    }
    if (step.userTimeout) s.userTimeout = step.userTimeout * MS;
    this.hashSock(s);
    this.owned.push(s);
    this.counters.ActiveOpens++;
    const isn = p.isn !== 0 ? p.isn : sim.nextIsn(this);
    // A blocking connect() sleeps in inet_wait_for_connect() while the socket is in SYN-SENT or
    // SYN-RECV (__inet_stream_connect(), net/ipv4/af_inet.c) and returns 0 once established, or
    // the socket's error: ECONNREFUSED on an RST, ETIMEDOUT after tcp_syn_retries (man 2 connect).
    if (step.nonBlocking) s.nonBlocking = true;
    this.blocking(step, made, (done) => s.connect(isn, (r) => done(r, conn)));
  }

  private acceptCall(step: Step, now: number, made: number): void {
    const sim = this.sim;
    const l = this.listening[0];
    if (!l) return sim.appResult(step, now, "error EINVAL", null);
    const c = l.accept();
    if (c) {
      this.take(c, step);
      return sim.appResult(step, now, "ok", c.conn);
    }
    // an empty accept queue: a blocking accept() sleeps in inet_csk_wait_for_connect() until a
    // connection is established and queued (inet_csk_accept(), net/ipv4/inet_connection_sock.c)
    this.blocking(step, made, (done) =>
      l.waiters.push((child) => {
        this.take(child, step);
        done("ok", child.conn);
      }),
    );
  }

  /**
   * A call that may block: `start` begins it and hands `done` to whatever
   * completes it. Done within the system call: an ordinary call. Otherwise
   * (with blocking sockets) the program sleeps in it: its result is recorded
   * when it returns, and the program's later calls wait in `held` until then.
   * With O_NONBLOCK sockets (blockingCalls false) the call is recorded when it
   * completes but holds nothing back, as a program polling for it would.
   */
  private blocking(step: Step, made: number, start: (done: (result: string, conn: number | null) => void) => void, sleeps = true): void {
    const sim = this.sim;
    const now = sim.now;
    const life = this.life;
    let returned = false;
    let asleep = false;
    start((result, conn) => {
      // a rebooted host's old program is gone: its call never returns
      if (returned || life !== this.life) return;
      returned = true;
      sim.appResult(step, now, result, conn);
      if (asleep) sim.resumeLater(this);
    });
    if (returned) return;
    if (sim.blockingCalls && sleeps && !step.nonBlocking) {
      asleep = true;
      this.held = [];
    }
    sim.callBlocked(made, asleep);
  }

  /** The blocked call returned: the program makes the calls it was held from, in order, until one blocks again. */
  resume(): void {
    const later = this.held;
    this.held = null;
    if (later === null) return;
    for (let i = 0; i < later.length; i++) this.call(later[i]!);
  }

  /** accept() returned c: the application owns it now. */
  private take(c: Sock, step: Step): void {
    if (step.nonBlocking) c.nonBlocking = true;
    if (step.userTimeout) c.userTimeout = step.userTimeout * MS;
    if (step.keepalive) {
      c.keepalive = true;
      c.kaIdle = step.keepalive.idle ?? -1;
      c.kaIntvl = step.keepalive.intvl ?? -1;
      c.kaCnt = step.keepalive.cnt ?? -1;
      c.startKeepalive();
    }
    this.owned.push(c);
  }

  /**
   * send() on a socket still in SYN-SENT: it waits in sk_stream_wait_connect() (RFC 9293
   * §3.10.2, SEND in SYN-SENT), and the program's later calls wait for it (also with O_NONBLOCK
   * sockets: the capture harness made this send blocking).
   */
  private blockedSend(s: Sock, step: Step, now: number, made: number): void {
    this.held = [];
    this.sim.callBlocked(made, true);
    const life = this.life;
    s.sendWhenConnected(step.bytes ?? 0, (r) => {
      if (life !== this.life) return;
      this.sim.appResult(step, now, r, s.conn);
      this.sim.resumeLater(this);
    });
  }

  /** recv() with nothing to read yet: sleeps until data, the peer's FIN or an error (tcp_recvmsg_locked()). */
  private blockedRecv(s: Sock, step: Step, made: number): void {
    this.blocking(step, made, (done) => s.recvWhenReadable((r) => done(r, s.conn)), !s.nonBlocking);
  }

  /** Runs one application call; the result is recorded when the call returns. */
  call(step: Step): void {
    const sim = this.sim;
    // crash, reboot and a flood are not calls of the host's program: they happen to the machine
    const program = step.call !== "crash" && step.call !== "reboot" && step.call !== "syn-flood";
    if (this.held !== null && program) {
      this.held.push(step);
      return;
    }
    const now = sim.now;
    const made = sim.callMade(this, step);
    switch (step.call) {
      case "listen": {
        const port = step.port ?? 80;
        if (this.listeners.has(port)) return sim.appResult(step, now, "error EADDRINUSE", null);
        // __sys_listen(): backlog capped by net.core.somaxconn
        const backlog = Math.min(step.backlog ?? 128, sim.sysctl.somaxconn);
        const l = new Listener(sim, this, port, backlog, { keepalive: step.keepalive });
        this.listeners.set(port, l);
        this.listening.push(l);
        sim.recordState(this, TcpState.CLOSED, TcpState.LISTEN, NO_CONN);
        return sim.appResult(step, now, "ok", null);
      }
      case "connect":
        return this.connectCall(step, now, made);
      case "accept":
        return this.acceptCall(step, now, made);
      case "send":
      case "recv":
      case "shutdown":
      case "abort":
      case "close": {
        const s = this.pick(step);
        if (!s) {
          if ((step.call === "close" || step.call === "abort") && this.listeners.size > 0 && step.conn === undefined) {
            for (const l of [...this.listeners.values()]) l.close();
            return sim.appResult(step, now, "ok", null);
          }
          return sim.appResult(step, now, step.call === "close" || step.call === "abort" ? "error EBADF" : "error ENOTCONN", null);
        }
        let r: string;
        if (step.call === "send" && s.state === TcpState.SYN_SENT && !s.err) return this.blockedSend(s, step, now, made);
        if (step.call === "recv" && sim.blockingCalls && !step.nonBlocking && !s.nonBlocking && s.recvWouldBlock()) return this.blockedRecv(s, step, made);
        if (step.call === "send") r = s.send(step.bytes ?? 0);
        else if (step.call === "recv") r = s.recv();
        else if (step.call === "shutdown") r = s.shutdown();
        else if (step.call === "abort") {
          r = s.abort();
          this.release(s);
        } else {
          r = s.close();
          this.release(s);
        }
        return sim.appResult(step, now, r, s.conn);
      }
      case "syn-flood":
        sim.startFlood(this, step);
        return sim.appResult(step, now, "ok", null);
      case "crash":
        this.crash();
        return sim.appResult(step, now, "ok", null);
      case "reboot":
        this.reboot();
        return sim.appResult(step, now, "ok", null);
    }
  }
}
