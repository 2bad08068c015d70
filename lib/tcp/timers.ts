/**
 * Kernel time constants (include/net/tcp.h, HZ = 250 as on the capture
 * machine), in microseconds, and the timer kinds a socket can hold.
 * Timers are data: a socket stores `{ kind, expiresAt }` deadlines and the
 * simulator's scheduler fires them on the virtual clock.
 */
export const US = 1_000_000;
export const MS = 1_000;
/** TCP_TIMEOUT_INIT: initial RTO, RFC 6298 (1 s). */
export const TCP_TIMEOUT_INIT = 1 * US;
/** TCP_TIMEOUT_FALLBACK: RTO after a handshake with retransmissions (3 s). */
export const TCP_TIMEOUT_FALLBACK = 3 * US;
/** TCP_RTO_MAX: 120 s. */
export const TCP_RTO_MAX = 120 * US;
/** TCP_RTO_MIN: 200 ms (sysctl tcp_rto_min_us default 200000). */
export const TCP_RTO_MIN = 200 * MS;
/** TCP_TIMEWAIT_LEN: TIME-WAIT lasts 60 s, fixed, whatever tcp_fin_timeout says. */
export const TCP_TIMEWAIT_LEN = 60 * US;
/** TCP_DELACK_MIN = TCP_ATO_MIN = HZ/25: 40 ms. */
export const TCP_DELACK_MIN = 40 * MS;
export const TCP_ATO_MIN = 40 * MS;
/** TCP_DELACK_MAX = HZ/5: 200 ms. */
export const TCP_DELACK_MAX = 200 * MS;
/** One jiffy at HZ=250: a timer armed for "now" fires at the next tick. */
export const JIFFY = 4 * MS;
/** TCP_MAX_QUICKACKS: ACKs sent at once at the start of a transfer. */
export const TCP_MAX_QUICKACKS = 16;
/** sysctl tcp_invalid_ratelimit default: 500 ms between out-of-window ACKs. */
export const TCP_INVALID_RATELIMIT = 500 * MS;
/**
 * "Never sent": the initial time of a rate-limited reply, far enough back that
 * the limit never holds the first one (time is never negative). A small
 * integer rather than -Infinity: a field that holds a double costs each
 * socket a heap number, and a flood makes tens of thousands of request socks.
 */
export const RATELIMIT_NEVER = -TCP_INVALID_RATELIMIT;
/** Payload per segment: MSS 1460 less the 12-byte timestamp option (both ends use TS). */
export const MSS = 1448;
/** TCP_INIT_CWND (RFC 6928): 10 segments. */
export const TCP_INIT_CWND = 10;

export const TimerKind = {
  /** retransmission (SYN, SYN-ACK of a full socket, data, FIN) */
  RTO: 1,
  /** delayed ACK */
  DELACK: 2,
  /** keepalive, and the orphaned FIN-WAIT-2 timer that shares it in Linux */
  KEEPALIVE: 3,
} as const;
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind];

/**
 * tcp_model_timeout(): how long `boundary` exponentially backed-off
 * retransmissions starting at rtoBase take, with each RTO capped at
 * TCP_RTO_MAX (net/ipv4/tcp_timer.c). Used by retransmits_timed_out().
 */
export function tcpModelTimeout(boundary: number, rtoBase: number): number {
  const linearBackoffThresh = Math.floor(Math.log2(TCP_RTO_MAX / rtoBase));
  if (boundary <= linearBackoffThresh) return ((2 << boundary) - 1) * rtoBase;
  return ((2 << linearBackoffThresh) - 1) * rtoBase + (boundary - linearBackoffThresh) * TCP_RTO_MAX;
}

/**
 * Where the kernel's timer wheel actually fires a timer armed now for `delay`
 * (kernel/time/timer.c calc_wheel_index / calc_index): HZ=250 jiffies, and a
 * timer further out lands in a coarser level (64 buckets of 8^level jiffies)
 * and is rounded up to that level's granularity: a 1 s RTO fires up to 32 ms
 * late, 4-16 s timers up to 256 ms, TIME-WAIT's 60 s up to 2 s. The jiffies
 * phase at scenario time 0 is unknown; ticks are taken to fall 0.5 ms after
 * each 4 ms boundary.
 */
const JIFFY_PHASE = 3500;
/** LVL_START(n + 1) = 63 << (3 * n): the largest delta (in jiffies) each level takes. */
const LVL_LIMIT = [63, 504, 4032, 32256, 258048, 2064384, 16515072, 132120576];
/** LVL_GRAN(n) = 8^n jiffies */
const LVL_GRAN = [1, 8, 64, 512, 4096, 32768, 262144, 2097152, 16777216];
export function wheelDeadline(now: number, delay: number): number {
  const nowJ = Math.floor((now + JIFFY_PHASE) / JIFFY);
  const delta = Math.ceil(delay / JIFFY);
  const expJ = nowJ + delta;
  let lvl = 0;
  while (lvl < 8 && delta >= (LVL_LIMIT[lvl] as number)) lvl++;
  const g = LVL_GRAN[lvl] as number;
  // calc_index(): expires = (expires >> LVL_SHIFT(lvl)) + 1, bucket expiry = expires << LVL_SHIFT(lvl)
  const bucketJ = (Math.floor(expJ / g) + 1) * g;
  return Math.max(now, bucketJ * JIFFY - JIFFY_PHASE);
}
