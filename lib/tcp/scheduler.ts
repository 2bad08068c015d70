/**
 * The virtual clock and event queue. Time is an integer number of
 * microseconds. Events are ordered by (time, insertion number), so equal-time
 * events run in the order they were scheduled and every run is identical.
 *
 * Three structures share one ordering:
 * - a binary heap of events;
 * - a FIFO for events scheduled at the current instant (no heap work for the
 *   common zero-delay case);
 * - lanes: FIFOs whose items are pushed in time order (a link with a constant
 *   delay; request-sock timers of one backoff step; TIME-WAIT timers). Only a
 *   lane's head sits in the heap, so a SYN flood with thousands of pending
 *   request timers keeps the heap tiny.
 */
export class Ev {
  t = 0;
  n = 0;
  kind = 0;
  gen = 0;
  target: unknown = null;
  constructor(kind = 0, target: unknown = null) {
    this.kind = kind;
    this.target = target;
  }
}

function less(a: Ev, b: Ev): boolean {
  return a.t < b.t || (a.t === b.t && a.n < b.n);
}

export class Scheduler {
  now = 0;
  private counter = 0;
  private heap: Ev[] = [];
  /** Events due now, in scheduling order: a reusable buffer (never shrunk) with a head and a tail. */
  private imm: Ev[] = [];
  private immHead = 0;
  private immTail = 0;

  nextN(): number {
    return ++this.counter;
  }

  /** Takes k insertion numbers at once (what k calls of nextN() would); returns the last. */
  takeN(k: number): number {
    return (this.counter += k);
  }

  /** Schedules ev at absolute time t (>= now). */
  at(ev: Ev, t: number): void {
    ev.t = t;
    ev.n = ++this.counter;
    if (t === this.now) this.imm[this.immTail++] = ev;
    else this.heapPush(ev);
  }

  /**
   * Schedules a kernel timer. Timers due at the same instant fire last-armed
   * first, as in the kernel's timer wheel (enqueue_timer() adds at the head of
   * the bucket, expire_timers() runs from the head).
   */
  atTimer(ev: Ev, t: number): void {
    ev.t = t;
    ev.n = -++this.counter;
    if (t === this.now) this.imm[this.immTail++] = ev;
    else this.heapPush(ev);
  }

  /** Re-inserts an event keeping its (t, n), e.g. a lane's new head. */
  reinsert(ev: Ev, t: number, n: number, fresh: boolean): void {
    ev.t = t;
    ev.n = n;
    if (fresh && t === this.now) this.imm[this.immTail++] = ev;
    else this.heapPush(ev);
  }

  /** The next event if it is due now and of the given kind (used to batch simultaneous app calls). */
  get size(): number {
    return this.heap.length + this.immTail - this.immHead;
  }

  /** Whether an event keyed (t, n) would run before everything queued. */
  precedes(t: number, n: number): boolean {
    if (this.immHead < this.immTail) {
      const i = this.imm[this.immHead] as Ev;
      if (i.t < t || (i.t === t && i.n < n)) return false;
    }
    const h = this.heap[0];
    return h === undefined || t < h.t || (t === h.t && n < h.n);
  }

  /** True when nothing is queued for the current instant: an event made now would run next. */
  idleNow(): boolean {
    if (this.immHead < this.immTail) return false;
    const h = this.heap[0];
    return h === undefined || h.t > this.now;
  }

  /** Time of the next event, or Infinity. */
  peekTime(): number {
    if (this.immHead < this.immTail) return this.now;
    const h = this.heap[0];
    return h ? h.t : Infinity;
  }

  pop(): Ev | null {
    const h = this.heap[0];
    if (this.immHead < this.immTail) {
      const i = this.imm[this.immHead] as Ev;
      if (h === undefined || !less(h, i)) {
        this.imm[this.immHead++] = undefined as unknown as Ev;
        if (this.immHead === this.immTail) this.immHead = this.immTail = 0;
        return i;
      }
    }
    if (h === undefined) return null;
    this.heapPop();
    this.now = h.t;
    return h;
  }

  private heapPush(ev: Ev): void {
    const a = this.heap;
    let i = a.length;
    a.push(ev);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = a[p] as Ev;
      if (!less(ev, pe)) break;
      a[i] = pe;
      i = p;
    }
    a[i] = ev;
  }

  private heapPop(): void {
    const a = this.heap;
    const last = a.pop() as Ev;
    const n = a.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && less(a[r] as Ev, a[l] as Ev)) c = r;
      if (!less(a[c] as Ev, last)) break;
      a[i] = a[c] as Ev;
      i = c;
    }
    a[i] = last;
  }
}

/**
 * A FIFO of timed items pushed in non-decreasing time order. Its head is
 * represented in the scheduler by one reusable event of kind `kind`.
 * Stored as a ring buffer so a lane that empties and refills (a zero-delay
 * link under a flood) never reallocates.
 */
export class Lane<T> {
  readonly ev: Ev;
  /** Whatever the lane serves (a destination host, a listener), for the dispatcher. */
  owner: unknown = null;
  private ts: Float64Array;
  private ns: Float64Array;
  private gens: Float64Array;
  private items: Array<T | undefined>;
  private head = 0;
  private count = 0;
  private mask: number;
  private registered = false;
  /** Filled by shift(): the item and the generation it was pushed with. */
  item: T | undefined = undefined;
  gen = 0;

  constructor(
    private sched: Scheduler,
    kind: number,
    capacity = 16,
  ) {
    this.ev = new Ev(kind, this);
    this.ts = new Float64Array(capacity);
    this.ns = new Float64Array(capacity);
    this.gens = new Float64Array(capacity);
    this.items = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.count;
  }

  /** Whether its head is in the scheduler (false between shift() and rearm(), unless a push put it back). */
  get scheduled(): boolean {
    return this.registered;
  }

  /** The head's time and insertion number (the lane must not be empty). */
  get headT(): number {
    return this.ts[this.head] as number;
  }
  get headN(): number {
    return this.ns[this.head] as number;
  }

  private grow(): void {
    const cap = this.mask + 1;
    const n = cap * 2;
    const ts = new Float64Array(n);
    const ns = new Float64Array(n);
    const gens = new Float64Array(n);
    const items = new Array<T | undefined>(n).fill(undefined);
    for (let i = 0; i < this.count; i++) {
      const j = (this.head + i) & this.mask;
      ts[i] = this.ts[j] as number;
      ns[i] = this.ns[j] as number;
      gens[i] = this.gens[j] as number;
      items[i] = this.items[j];
    }
    this.ts = ts;
    this.ns = ns;
    this.gens = gens;
    this.items = items;
    this.head = 0;
    this.mask = n - 1;
  }

  push(t: number, item: T, gen = 0): void {
    if (this.count > this.mask) this.grow();
    const n = this.sched.nextN();
    const j = (this.head + this.count) & this.mask;
    this.ts[j] = t;
    this.ns[j] = n;
    this.gens[j] = gen;
    this.items[j] = item;
    this.count++;
    if (!this.registered) {
      this.registered = true;
      const h = this.head;
      this.sched.reinsert(this.ev, this.ts[h] as number, this.ns[h] as number, this.count === 1);
    }
  }

  /** Called when the lane's event fires: removes the head into `item` and `gen`. */
  shift(): void {
    this.registered = false;
    const h = this.head;
    this.item = this.items[h];
    this.gen = this.gens[h] as number;
    this.items[h] = undefined;
    this.head = (h + 1) & this.mask;
    this.count--;
  }

  /** After the handler ran: put the new head (if any) back in the scheduler. */
  rearm(): void {
    if (this.registered || this.count === 0) return;
    this.registered = true;
    this.sched.reinsert(this.ev, this.ts[this.head] as number, this.ns[this.head] as number, false);
  }
}
