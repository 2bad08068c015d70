/**
 * Links between hosts and the faults applied to them. Every link has the
 * scenario's one-way delay plus any per-sender extra delay; a link never
 * reorders (each direction is a FIFO lane). Faults are data: a segment they
 * drop is still recorded, marked dropped, because it was on the wire.
 */
import { RST, SYN, isPureAck, type Segment } from "./segment";
import type { Fault } from "./scenario";
import { Ev, type Scheduler } from "./scheduler";
import { US } from "./timers";

export const EV_LINK_LANE = 22;

interface CompiledFault {
  drop: number; // 0 none, 1 all, 2 syn, 3 rst, 4 ack
  afterFirstSyn: boolean;
  after: number;
  until: number;
  delay: number;
}

export class Network {
  private faults: CompiledFault[][];
  /** Links by from * nHosts + to (a Map: with a thousand hosts an array would be sparse and slow). */
  private lanes = new Map<number, LinkLane>();

  constructor(
    private sched: Scheduler,
    private nHosts: number,
    private delayUs: number,
    faults: Fault[],
    hostIndex: (name: string) => number,
  ) {
    this.faults = Array.from({ length: nHosts }, () => []);
    for (const f of faults) {
      const i = hostIndex(f.from);
      this.faults[i]!.push({
        drop: f.drop === "all" ? 1 : f.drop === "syn" ? 2 : f.drop === "rst" ? 3 : f.drop === "ack" ? 4 : 0,
        afterFirstSyn: f.after === "first-syn",
        after: typeof f.after === "number" ? Math.round(f.after * US) : 0,
        until: f.until === undefined ? Infinity : Math.round(f.until * US),
        delay: f.delay === undefined ? 0 : Math.round(f.delay * US),
      });
    }
  }

  /** Whether a fault drops this segment. `priorSyn`: the sender had already sent a SYN. */
  drops(from: number, flags: number, len: number, priorSyn: boolean): boolean {
    const fs = this.faults[from];
    if (fs === undefined || fs.length === 0) return false;
    const now = this.sched.now;
    for (const f of fs) {
      if (f.drop === 0) continue;
      if (now < f.after || now >= f.until) continue;
      if (f.afterFirstSyn && !priorSyn) continue;
      if (
        f.drop === 1 ||
        (f.drop === 2 && flags & SYN) ||
        (f.drop === 3 && flags & RST) ||
        (f.drop === 4 && isPureAck(flags, len))
      ) {
        return true;
      }
    }
    return false;
  }

  private extraDelay(from: number): number {
    const fs = this.faults[from];
    if (fs === undefined) return 0;
    let d = 0;
    const now = this.sched.now;
    for (const f of fs) {
      if (f.delay > 0 && now >= f.after && now < f.until) d += f.delay;
    }
    return d;
  }

  /** The from->to link is empty and without delay: a segment put on it now would arrive now, next. */
  idleZeroDelay(from: number, to: number): boolean {
    if (this.delayUs !== 0) return false;
    const fs = this.faults[from];
    if (fs !== undefined && fs.length > 0 && this.extraDelay(from) !== 0) return false;
    const lane = this.lanes.get(from * this.nHosts + to);
    return lane === undefined || lane.empty;
  }

  /** One-way delay of a segment the host sends now. */
  delayFrom(from: number): number {
    return this.delayUs + this.extraDelay(from);
  }

  /** Puts a segment on the from->to link; it arrives after the link's delay. */
  deliver(
    from: number,
    to: number,
    owner: unknown,
    srcAddr: number,
    srcPort: number,
    dstAddr: number,
    dstPort: number,
    flags: number,
    seq: number,
    ack: number,
    len: number,
    conn: number,
  ): void {
    const idx = from * this.nHosts + to;
    let lane = this.lanes.get(idx);
    if (lane === undefined) {
      lane = new LinkLane(this.sched, owner);
      this.lanes.set(idx, lane);
    }
    const fs = this.faults[from];
    const delay = fs === undefined || fs.length === 0 ? this.delayUs : this.delayUs + this.extraDelay(from);
    // FIFO: a segment never overtakes an earlier one on the same link
    let at = this.sched.now + delay;
    if (at < lane.lastArrival) at = lane.lastArrival;
    lane.lastArrival = at;
    lane.push(at, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn);
  }
}

/**
 * One direction of a link: a ring buffer of segments in flight, stored field
 * by field (no object per segment). Its head sits in the scheduler as one event.
 */
export class LinkLane {
  readonly ev: Ev;
  lastArrival = 0;
  // plain arrays: a host pair's link is created per connection, and typed arrays are slow to allocate
  private t: number[] = [];
  private n: number[] = [];
  private src: number[] = [];
  private dst: number[] = [];
  private ports: number[] = [];
  private seqs: number[] = [];
  private acks: number[] = [];
  private flagsLen: number[] = [];
  private conns: number[] = [];
  private head = 0;
  private tail = 0;
  private registered = false;

  constructor(
    private sched: Scheduler,
    readonly owner: unknown,
  ) {
    this.ev = new Ev(EV_LINK_LANE, this);
  }

  push(
    at: number,
    srcAddr: number,
    srcPort: number,
    dstAddr: number,
    dstPort: number,
    flags: number,
    seq: number,
    ack: number,
    len: number,
    conn: number,
  ): void {
    const j = this.tail++;
    const n = this.sched.nextN();
    this.t[j] = at;
    this.n[j] = n;
    this.src[j] = srcAddr;
    this.dst[j] = dstAddr;
    this.ports[j] = (srcPort << 16) | dstPort;
    this.seqs[j] = seq;
    this.acks[j] = ack;
    this.flagsLen[j] = flags | (len << 8);
    this.conns[j] = conn;
    if (!this.registered) {
      this.registered = true;
      this.sched.reinsert(this.ev, at, n, this.tail - this.head === 1);
    }
  }

  /** Removes the head segment into `seg` (a scratch object the caller reuses). */
  shiftInto(seg: Segment): void {
    this.registered = false;
    const h = this.head++;
    seg.srcAddr = this.src[h] as number;
    seg.dstAddr = this.dst[h] as number;
    const p = this.ports[h] as number;
    seg.srcPort = p >>> 16;
    seg.dstPort = p & 0xffff;
    seg.seq = this.seqs[h] as number;
    seg.ack = this.acks[h] as number;
    const fl = this.flagsLen[h] as number;
    seg.flags = fl & 0xff;
    seg.len = fl >>> 8;
    seg.conn = this.conns[h] as number;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  get empty(): boolean {
    return this.head === this.tail;
  }

  rearm(): void {
    if (this.registered || this.head === this.tail) return;
    this.registered = true;
    this.sched.reinsert(this.ev, this.t[this.head] as number, this.n[this.head] as number, false);
  }
}
