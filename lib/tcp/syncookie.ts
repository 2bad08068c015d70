/**
 * SYN cookies, shaped like net/ipv4/syncookies.c secure_tcp_syn_cookie() /
 * check_tcp_syn_cookie():
 *   ISN = H0(4-tuple) + client ISN + (count << 24) + ((H1(4-tuple, count) + mssind) & 0xffffff)
 * where count advances once a minute (tcp_cookie_time(), TCP_SYNCOOKIE_PERIOD
 * = 60 s) and a cookie is accepted while count has advanced by less than
 * MAX_SYNCOOKIE_AGE (2) since it was made: more than 60 s, at most 120 s.
 * The hash is a seeded 32-bit mix rather than SipHash: the
 * point is the arithmetic, not the cryptography.
 */
import { mix32i } from "./random";

/** The counter sits in the top 8 bits, the MSS index (plus H1) in the low 24. */
export const COOKIEBITS = 24;
export const COOKIEMASK = (1 << COOKIEBITS) - 1;
export const TCP_SYNCOOKIE_PERIOD_US = 60_000_000;
export const MAX_SYNCOOKIE_AGE = 2;
/** tcp_synq_no_recent_overflow(): cookies are checked for 2 minutes after the last overflow. */
export const TCP_SYNCOOKIE_VALID_US = MAX_SYNCOOKIE_AGE * TCP_SYNCOOKIE_PERIOD_US;

/** msstab[] in net/ipv4/syncookies.c (sorted; a cookie can only say which of these four). */
export const MSSTAB: readonly number[] = Object.freeze([536, 1300, 1440, 1460]);
/** MSS table index 3 = 1460 in msstab[] (syncookies.c): the simulator's hosts all offer MSS 1460. */
const MSS_INDEX_1460 = 3;
const MSSTAB_SIZE = 4;

/** The largest msstab entry not above the client's MSS (its index): __cookie_v4_init_sequence(). */
export function mssIndex(mss: number): number {
  for (let i = MSSTAB_SIZE - 1; i > 0; i--) if (mss >= MSSTAB[i]!) return i;
  return 0;
}

/**
 * The two keyed hashes of secure_tcp_syn_cookie(): h0 over the 4-tuple, h1
 * also over the minute counter. They return int32 bit patterns: the cookie is
 * arithmetic modulo 2^32, and a uint32 above 2^31 returned from a call that is
 * not inlined costs a heap allocation (once per flood SYN).
 */
function h0(saddr: number, sport: number, daddr: number, dport: number, secret: number): number {
  return h0From(h0ListenerTerm(daddr, dport, secret), saddr, sport);
}
function h1(base: number, count: number, secret: number): number {
  return mix32i(base ^ h1CountTerm(count, secret));
}
// The hashes' inputs are XORed together before one mix, so the terms fixed
// for a listener (its address, port and secret) or for a minute (the
// counter) can be computed once for many cookies (CookieMaker).
// (sport << 16) ^ dport is (sport << 16) | dport: a port has 16 bits.
function h0ListenerTerm(daddr: number, dport: number, secret: number): number {
  return secret ^ Math.imul(daddr + 1, 0x85ebca77) ^ dport;
}
function h0From(listenerTerm: number, saddr: number, sport: number): number {
  return mix32i(listenerTerm ^ Math.imul(saddr + 1, 0x9e3779b1) ^ (sport << 16));
}
function h1CountTerm(count: number, secret: number): number {
  return Math.imul(count + 1, 0xc2b2ae3d) ^ secret ^ 0x5bd1e995;
}

export function cookieTime(nowUs: number): number {
  return Math.floor(nowUs / TCP_SYNCOOKIE_PERIOD_US);
}

export function cookieInitSequence(
  secret: number,
  nowUs: number,
  saddr: number,
  sport: number,
  daddr: number,
  dport: number,
  clientIsn: number,
): number {
  return cookieInitSequenceI32(secret, nowUs, saddr, sport, daddr, dport, clientIsn) >>> 0;
}

/** cookieInitSequence() as an int32 bit pattern, for the SYN-flood path (see h0). */
export function cookieInitSequenceI32(
  secret: number,
  nowUs: number,
  saddr: number,
  sport: number,
  daddr: number,
  dport: number,
  clientIsn: number,
): number {
  const count = cookieTime(nowUs);
  const base = h0(saddr, sport, daddr, dport, secret);
  return compose(base, clientIsn, count, h1(base, count, secret), MSS_INDEX_1460);
}

/**
 * cookieInitSequenceI32() for many SYNs to one listener (a SYN flood): the
 * hash terms of the listener and of the current minute are kept, so a cookie
 * costs the two mixes and the sum. Same numbers as cookieInitSequenceI32().
 */
export class CookieMaker {
  private readonly listenerTerm: number;
  /** The minute counter the kept terms are for, and the microseconds it covers. */
  private count = -1;
  private from = 0;
  private until = 0;
  private countTerm = 0;

  private readonly secret: number;

  constructor(secret: number, daddr: number, dport: number) {
    this.secret = secret | 0; // its bit pattern: an int32 field holds no heap number
    this.listenerTerm = h0ListenerTerm(daddr, dport, secret);
  }

  /** The cookie for a SYN from (saddr, sport) with this client ISN, at nowUs (int32 bit pattern). */
  cookieI32(nowUs: number, saddr: number, sport: number, clientIsn: number): number {
    if (nowUs >= this.until || nowUs < this.from) this.enterMinute(nowUs);
    const base = h0From(this.listenerTerm, saddr, sport);
    return compose(base, clientIsn, this.count, mix32i(base ^ this.countTerm), MSS_INDEX_1460);
  }

  private enterMinute(nowUs: number): void {
    const count = cookieTime(nowUs);
    this.count = count;
    this.from = count * TCP_SYNCOOKIE_PERIOD_US;
    this.until = this.from + TCP_SYNCOOKIE_PERIOD_US;
    this.countTerm = h1CountTerm(count, this.secret);
  }
}

/** secure_tcp_syn_cookie()'s sum, as an int32 bit pattern: H0 + client ISN + (count << 24) + ((H1 + mssind) mod 2^24). */
function compose(base: number, clientIsn: number, count: number, hash1: number, mssind: number): number {
  return (base + clientIsn + (count << COOKIEBITS) + ((hash1 + mssind) & COOKIEMASK)) | 0;
}

/**
 * __cookie_v4_check(): given the ACK's seq-1 (client ISN) and ack-1 (the
 * cookie), true when the cookie is genuine and fresh.
 */
export function cookieCheck(
  secret: number,
  nowUs: number,
  saddr: number,
  sport: number,
  daddr: number,
  dport: number,
  clientIsn: number,
  cookie: number,
): boolean {
  return checkedMssIndex(secret, nowUs, saddr, sport, daddr, dport, clientIsn, cookie) >= 0;
}

/** __cookie_v4_check()'s arithmetic: the MSS index the cookie carries, or -1 (too old or forged). */
function checkedMssIndex(
  secret: number,
  nowUs: number,
  saddr: number,
  sport: number,
  daddr: number,
  dport: number,
  clientIsn: number,
  cookie: number,
): number {
  const count = cookieTime(nowUs);
  const base = h0(saddr, sport, daddr, dport, secret);
  let c = (cookie - base - clientIsn) >>> 0;
  const diff = cookieAge(count, c);
  if (diff >= MAX_SYNCOOKIE_AGE) return -1;
  c = (c - h1(base, count - diff, secret)) & COOKIEMASK;
  return c < MSSTAB_SIZE ? c : -1;
}

/** Minute-counter ticks since the cookie was made, from (cookie - H0 - client ISN)'s top 8 bits. */
function cookieAge(count: number, peeled: number): number {
  return (count - (peeled >>> COOKIEBITS)) & (0xffffffff >>> COOKIEBITS);
}

/** Every intermediate value of one cookie, made and checked with the simulator's arithmetic (for lessons and labs). */
export interface CookieWorking {
  /** minute counter when the SYN arrived */
  count: number;
  mssind: number;
  /** H0(4-tuple, secret), uint32 */
  h0: number;
  /** H1(H0, count, secret), uint32 */
  h1: number;
  /** count << 24, uint32 */
  countPart: number;
  /** (H1 + mssind) mod 2^24 */
  low: number;
  /** the cookie (the SYN-ACK's sequence number), uint32 */
  isn: number;
  check: {
    /** minute counter when the ACK arrives */
    count: number;
    /** cookie - H0 - client ISN, uint32 */
    peeled: number;
    /** counter ticks since the cookie was made */
    age: number;
    /** H1 at the counter the cookie was made with (null when too old) */
    h1: number | null;
    /** (low 24 bits - H1) mod 2^24 (null when too old) */
    mssind: number | null;
    valid: boolean;
  };
}

/**
 * secure_tcp_syn_cookie() and check_tcp_syn_cookie() with their working
 * shown: the cookie for a SYN at synUs with the given MSS index, and its check
 * when the ACK arrives at ackUs. Same hashes and sums as the engine's cookies.
 */
export function cookieWorking(
  secret: number,
  synUs: number,
  ackUs: number,
  saddr: number,
  sport: number,
  daddr: number,
  dport: number,
  clientIsn: number,
  mssind: number,
): CookieWorking {
  const count = cookieTime(synUs);
  const base = h0(saddr, sport, daddr, dport, secret);
  const hash1 = h1(base, count, secret);
  const isn = compose(base, clientIsn, count, hash1, mssind) >>> 0;
  const nowCount = cookieTime(ackUs);
  const peeled = (isn - base - clientIsn) >>> 0;
  const age = cookieAge(nowCount, peeled);
  let checkH1: number | null = null;
  let decoded: number | null = null;
  if (age < MAX_SYNCOOKIE_AGE) {
    checkH1 = h1(base, nowCount - age, secret) >>> 0;
    decoded = (peeled - checkH1) & COOKIEMASK;
  }
  return {
    count,
    mssind,
    h0: base >>> 0,
    h1: hash1 >>> 0,
    countPart: (count << COOKIEBITS) >>> 0,
    low: (hash1 + mssind) & COOKIEMASK,
    isn,
    check: { count: nowCount, peeled, age, h1: checkH1, mssind: decoded, valid: decoded !== null && decoded < MSSTAB_SIZE },
  };
}
