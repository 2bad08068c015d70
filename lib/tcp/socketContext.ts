/**
 * The narrow context a socket sees (smoltcp style), instead of the whole
 * simulation: the engine's clock, timers, output and state log
 * (`SocketEngine`, implemented by `Sim`) and the services of the host it
 * lives on (`SocketHost`, implemented by `Host`).
 *
 * The socket files (endpoint.ts, listener.ts, timewait.ts) import this file
 * and never simulate.ts or host.ts, so the import graph has no circle:
 * socketContext <- endpoint <- listener <- host <- simulate (timewait beside
 * endpoint). What a socket asks of its host with itself as argument (hash it,
 * hand it to TIME-WAIT, ...) is declared next to the socket, as an interface
 * extending `SocketHost` (`SockHost` in endpoint.ts, `ListenerHost` in
 * listener.ts, `TwHost` in timewait.ts), so this file imports no socket.
 *
 * Types only: the objects behind them are the same classes as before, so the
 * hot path is unchanged (decision 0006). Unit tests implement both with a
 * recording fake (tests/unit/tcp/socketStates.test.ts).
 */
import type { Scheduler } from "./scheduler";
import type { TcpState } from "./state";
import type { Sysctls } from "./sysctl";

export interface HostCounters {
  ActiveOpens: number;
  PassiveOpens: number;
  AttemptFails: number;
  EstabResets: number;
  OutRsts: number;
  RetransSegs: number;
  TCPAbortOnTimeout: number;
  TCPAbortOnData: number;
  TCPKeepAlive: number;
  TCPChallengeACK: number;
  /** tail loss probes sent (TcpExtTCPLossProbes) */
  TCPLossProbes: number;
  /**
   * TIME-WAIT sockets (and orphaned FIN-WAIT-2 ones) handed to a timewait socket
   * with a timer above 4 s (TcpExtTW): counted when the timer is first set, by
   * __inet_twsk_schedule() in net/ipv4/inet_timewait_sock.c, not when it expires
   */
  TW: number;
  /** tcp_max_tw_buckets reached: the socket closed without TIME-WAIT (TcpExtTCPTimeWaitOverflow) */
  TCPTimeWaitOverflow: number;
}

/**
 * Pieces of TCP's design switched off, to show the failure each prevents
 * (the interview track's what-if sandbox, lib/labs/what-if). Lessons never
 * set them; all off is Linux, trace for trace.
 */
export interface Counterfactual {
  /**
   * A two-way handshake: a listener that receives a SYN answers SYN-ACK and
   * is ESTABLISHED at once (no request sock waiting for the ACK), and a
   * client sends no third segment. An old duplicate SYN opens a connection.
   */
  twoWayHandshake?: boolean;
  /**
   * No TIME-WAIT: the active closer forgets the connection as soon as it has
   * ACKed the peer's FIN (CLOSED instead of TIME-WAIT), so the 4-tuple is
   * free at once and a retransmitted FIN finds no socket.
   */
  noTimeWait?: boolean;
  /** Every initial sequence number is 0 (also the one TIME-WAIT picks for a new SYN it hands over). */
  isnZero?: boolean;
}

/** All switches off. */
export const NO_COUNTERFACTUAL: Readonly<Counterfactual> = Object.freeze({});

/** A connection the kernel killed (the shape of simulate.ts's `Abort`). */
export interface AbortRecord {
  t: number;
  host: string;
  conn: string;
  error: string;
}

/** The engine as a socket sees it: clock, timers, output, state log. Implemented by `Sim`. */
export interface SocketEngine {
  /** Virtual time, microseconds. */
  readonly now: number;
  readonly sysctl: Sysctls;
  /** Where sockets arm their timers (`atTimer`) and listeners keep their timer lanes. */
  readonly sched: Scheduler;
  /** Connections killed by an RST or a timer, with their error. */
  readonly aborts: AbortRecord[];
  /** Absolute time at which a kernel timer armed now for `delay` fires. */
  timerDeadline(delay: number): number;
  /** Puts a segment on the wire (seq and ack as uint32 or their int32 bit patterns). */
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
  ): void;
  /** The single sink of state changes (`A => B` in the trace). */
  recordState(host: SocketHost, prev: TcpState, next: TcpState, conn: number): void;
  connName(conn: number): string;
  /** A new initial sequence number for a connection of `host`. */
  nextIsn(host: SocketHost): number;
  /** Design switched off (what-if sandbox); absent or all false in every lesson. */
  readonly counterfactual?: Readonly<Counterfactual>;
}

/** The host as every socket sees it. Implemented by `Host`. */
export interface SocketHost {
  readonly index: number;
  readonly addr: number;
  readonly name: string;
  readonly counters: HostCounters;
  /** Sockets per state (index = TcpState), kept by `recordState`. */
  readonly stateCounts: Int32Array;
  /** Crashed: the engine runs none of its sockets' timers. */
  readonly down: boolean;
  readonly cookieSecret: number;
  /** Peers with saved TCP metrics (tcp_peer_is_proven()). */
  readonly provenPeers: ReadonlySet<number>;
  /** tcp_update_metrics(): the peer completed a connection. */
  rememberPeer(addr: number): void;
}
