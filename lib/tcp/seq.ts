/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4). Values are kept as
 * unsigned 32-bit numbers; comparisons use the signed difference, as the
 * kernel's before()/after() do (include/net/tcp.h).
 */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/**
 * seqAdd() as an int32 bit pattern, for numbers handed straight to
 * Sim.emit() on hot paths: a uint32 above 2^31 passed to a function that is
 * not inlined is boxed in a heap allocation; an int32 is not.
 */
export function seqAddI32(a: number, n: number): number {
  return (a + n) | 0;
}

/** Signed distance a - b in the circular space. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** before(a, b) in include/net/tcp.h. */
export function seqBefore(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

/** after(a, b) in include/net/tcp.h. */
export function seqAfter(a: number, b: number): boolean {
  return ((b - a) | 0) < 0;
}

export function seqBeforeEq(a: number, b: number): boolean {
  return ((a - b) | 0) <= 0;
}
