/**
 * A host's established hash (the kernel's ehash, __inet_lookup_established):
 * full, request and TIME-WAIT socks by (local port, remote address, remote
 * port). Open addressing with linear probing over flat typed arrays, as the
 * kernel's own table is a flat array of buckets: every segment a host
 * receives looks here first, and a SYN flood misses here once per SYN while
 * thousands of request socks are hashed. A miss reads only the remote keys,
 * 4 bytes a slot, so the part of the table a flood touches stays in cache
 * (a Map of Maps took two hash lookups and chain walks through memory).
 *
 * Iteration order is the slot order, not insertion order: callers that need
 * an order (listener shutdown) sort by their own stamps.
 */

/**
 * Marks a free slot. A remote key is remote address << 16 | remote port, so
 * -1 would be address 0xffff, port 65535; addresses stay far below (real
 * hosts under 2^13, spoofed ones just above).
 */
const EMPTY = -1;
const MIN_CAPACITY = 16;

export class EHash<T> {
  /** Remote key of each slot, EMPTY for a free slot. */
  private rkeys: Int32Array;
  /** Local port of each slot. */
  private lports: Uint16Array;
  private vals: Array<T | undefined>;
  private mask: number;
  /** 32 - log2(capacity): the hash takes the top bits of a multiplicative mix (Fibonacci hashing). */
  private shift: number;
  size = 0;

  constructor() {
    this.rkeys = new Int32Array(MIN_CAPACITY).fill(EMPTY);
    this.lports = new Uint16Array(MIN_CAPACITY);
    this.vals = new Array<T | undefined>(MIN_CAPACITY).fill(undefined);
    this.mask = MIN_CAPACITY - 1;
    this.shift = 32 - Math.log2(MIN_CAPACITY);
  }

  private home(lport: number, rkey: number): number {
    return Math.imul(rkey ^ Math.imul(lport, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  /** The slot holding this key, or -1. */
  private find(lport: number, rkey: number): number {
    const rkeys = this.rkeys;
    const mask = this.mask;
    for (let i = this.home(lport, rkey); ; i = (i + 1) & mask) {
      const r = rkeys[i] as number;
      if (r === rkey && this.lports[i] === lport) return i;
      if (r === EMPTY) return -1;
    }
  }

  get(lport: number, rkey: number): T | undefined {
    const i = this.find(lport, rkey);
    return i < 0 ? undefined : this.vals[i];
  }

  /** Inserts, or replaces the value already under this key. */
  set(lport: number, rkey: number, v: T): void {
    const found = this.find(lport, rkey);
    if (found >= 0) {
      this.vals[found] = v;
      return;
    }
    const mask = this.mask;
    let i = this.home(lport, rkey);
    while (this.rkeys[i] !== EMPTY) i = (i + 1) & mask;
    this.rkeys[i] = rkey;
    this.lports[i] = lport;
    this.vals[i] = v;
    // keep the table at most half full: probe sequences stay short
    if (++this.size * 2 > mask + 1) this.resize((mask + 1) * 2);
  }

  /** Removes the entry if it holds v. */
  delete(lport: number, rkey: number, v: T): void {
    let i = this.find(lport, rkey);
    if (i < 0 || this.vals[i] !== v) return;
    this.size--;
    const mask = this.mask;
    // backward-shift deletion (Knuth 6.4, algorithm R): move later entries of
    // the probe run into the hole, so no tombstones lengthen later probes
    for (let j = i; ; ) {
      j = (j + 1) & mask;
      const r = this.rkeys[j] as number;
      if (r === EMPTY) break;
      const h = this.home(this.lports[j] as number, r);
      // the entry at j may move to i unless its home lies cyclically in (i, j]
      if (i <= j ? i < h && h <= j : i < h || h <= j) continue;
      this.rkeys[i] = r;
      this.lports[i] = this.lports[j] as number;
      this.vals[i] = this.vals[j];
      i = j;
    }
    this.rkeys[i] = EMPTY;
    this.vals[i] = undefined;
  }

  private resize(capacity: number): void {
    const { rkeys, lports, vals } = this;
    this.rkeys = new Int32Array(capacity).fill(EMPTY);
    this.lports = new Uint16Array(capacity);
    this.vals = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    for (let j = 0; j < rkeys.length; j++) {
      const r = rkeys[j] as number;
      if (r === EMPTY) continue;
      const p = lports[j] as number;
      let i = this.home(p, r);
      while (this.rkeys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.rkeys[i] = r;
      this.lports[i] = p;
      this.vals[i] = vals[j];
    }
  }

  /** Every value, in slot order. */
  *values(): Generator<T> {
    for (let i = 0; i <= this.mask; i++) if (this.rkeys[i] !== EMPTY) yield this.vals[i] as T;
  }
}
