/**
 * Seeded pseudo-random numbers (mulberry32). The simulator never touches
 * global randomness so the same scenario and seed always give the same trace.
 */
export class Rng {
  /**
   * The state as an int32 bit pattern: every operation on it works on its 32
   * bits, and an int32 field is stored in place where a uint32 above 2^31
   * would be boxed in a new heap number at every call.
   */
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }
  /** nextU32() as an int32 bit pattern (the same draw), for numbers that go straight into a record. */
  nextI32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  }
  /** Integer in [0, n). */
  below(n: number): number {
    return this.nextU32() % n;
  }
}

/**
 * A 32-bit mixing hash (murmur3 finalizer), used for syncookies, on and to
 * int32 bit patterns: the syncookie path hashes twice per
 * flood SYN, and a uint32 above 2^31 crossing a call that is not inlined is
 * boxed in a new heap number.
 */
export function mix32i(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
