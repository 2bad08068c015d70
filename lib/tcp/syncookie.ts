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

const COOKIEBITS = 24;
const COOKIEMASK = (1 << COOKIEBITS) - 1;
export const TCP_SYNCOOKIE_PERIOD_US = 60_000_000;
export const MAX_SYNCOOKIE_AGE = 2;
/** tcp_synq_no_recent_overflow(): cookies are checked for 2 minutes after the last overflow. */
export const TCP_SYNCOOKIE_VALID_US = MAX_SYNCOOKIE_AGE * TCP_SYNCOOKIE_PERIOD_US;

/** MSS table index 3 = 1460 in msstab[] (syncookies.c). */
const MSS_INDEX_1460 = 3;
const MSSTAB_SIZE = 4;

/**
 * The two keyed hashes of secure_tcp_syn_cookie(): h0 over the 4-tuple, h1
 * also over the minute counter. They return int32 bit patterns: the cookie is
 * arithmetic modulo 2^32, and a uint32 above 2^31 returned from a call that is
 * not inlined costs a heap allocation (once per flood SYN).
 */
function h0(saddr: number, sport: number, daddr: number, dport: number, secret: number): number {
  return mix32i(secret ^ Math.imul(saddr + 1, 0x9e3779b1) ^ Math.imul(daddr + 1, 0x85ebca77) ^ ((sport << 16) | dport));
}
function h1(base: number, count: number, secret: number): number {
  return mix32i(base ^ Math.imul(count + 1, 0xc2b2ae3d) ^ secret ^ 0x5bd1e995);
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
  return (base + clientIsn + (count << COOKIEBITS) + ((h1(base, count, secret) + MSS_INDEX_1460) & COOKIEMASK)) | 0;
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
  const count = cookieTime(nowUs);
  const base = h0(saddr, sport, daddr, dport, secret);
  let c = (cookie - base - clientIsn) >>> 0;
  const diff = (count - (c >>> COOKIEBITS)) & (0xffffffff >>> COOKIEBITS);
  if (diff >= MAX_SYNCOOKIE_AGE) return false;
  c = (c - h1(base, count - diff, secret)) & COOKIEMASK;
  return c < MSSTAB_SIZE;
}
