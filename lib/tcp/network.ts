/**
 * Links between hosts and the faults applied to them. Every link has the
 * scenario's one-way delay plus any per-sender extra delay; a link never
 * reorders (each direction is a FIFO lane). Faults are data: a segment they
 * drop is still recorded, marked dropped, because it was on the wire.
 * The one exception to FIFO: a "hold" or "duplicate" fault (late faults)
 * takes the segments it matches, or a copy of them, off the lane, to arrive
 * later on a lane of their own, so later segments overtake them.
 */
import { ACK, FIN, PSH, RST, SYN, isPureAck, type Segment } from "./segment";
import type { Fault } from "./scenario";
import { Ev, type Scheduler } from "./scheduler";
import { US } from "./timers";

export const EV_LINK_LANE = 22;

/** How a segment in flight is recorded (see Sim.emit): already, at send time... */
export const NOT_OBSERVED = 0;
/** ...or when it reaches the server's interface, */
export const OBSERVE_ON_ARRIVAL = 1;
/** ...marked dropped (a fault drops it at the server's input). */
export const OBSERVE_ON_ARRIVAL_DROPPED = 2;

interface CompiledFault {
  drop: number; // 0 none, 1 all, 2 syn, 3 rst, 4 ack
  afterFirstSyn: boolean;
  after: number;
  until: number;
  delay: number;
}

/** A "hold" or "duplicate" fault, compiled. */
interface LateFault {
  /** microseconds late: the segment itself (hold) or a copy of it (duplicate) */
  hold: number;
  dup: number;
  /** flag bits to match (-1: any), payload length (-1: any), n-th match (0: every one) */
  flags: number;
  len: number;
  nth: number;
  after: number;
  until: number;
  /** matches so far */
  seen: number;
}

/** tcpdump flag notation -> flag bits, for "match". */
function flagBits(flags: string): number {
  let b = 0;
  if (flags.includes("S")) b |= SYN;
  if (flags.includes("F")) b |= FIN;
  if (flags.includes("R")) b |= RST;
  if (flags.includes("P")) b |= PSH;
  if (flags.includes(".")) b |= ACK;
  return b;
}

export class Network {
  /** Faults by sender; a host without faults shares one empty list. */
  private faults: CompiledFault[][];
  /** Late (hold, duplicate) faults by sender; null for a host without any. */
  private late: Array<LateFault[] | null>;
  /** What the last matching lateMatch() asked for: microseconds late for the segment (hold) or a copy (dup). */
  lateHold = 0;
  lateDup = 0;
  /** Links by from * nHosts + to (a Map: with a thousand hosts an array would be sparse and slow). */
  private lanes = new Map<number, LinkLane>();

  constructor(
    private sched: Scheduler,
    private nHosts: number,
    private delayUs: number,
    faults: Fault[],
    hostIndex: (name: string) => number,
  ) {
    const none: CompiledFault[] = [];
    this.faults = new Array<CompiledFault[]>(nHosts).fill(none);
    this.late = new Array<LateFault[] | null>(nHosts).fill(null);
    for (const f of faults) {
      const i = hostIndex(f.from);
      if (f.hold !== undefined || f.duplicate !== undefined) {
        const m = f.match ?? {};
        (this.late[i] ??= []).push({
          hold: f.hold === undefined ? 0 : Math.round(f.hold * US),
          dup: f.duplicate === undefined ? 0 : Math.round(f.duplicate * US),
          flags: m.flags === undefined ? -1 : flagBits(m.flags),
          len: m.len ?? -1,
          nth: m.nth ?? 0,
          after: typeof f.after === "number" ? Math.round(f.after * US) : 0,
          until: f.until === undefined ? Infinity : Math.round(f.until * US),
          seen: 0,
        });
        continue;
      }
      if (this.faults[i] === none) this.faults[i] = [];
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
    // kept small so it inlines into every sender: most hosts have no faults
    const fs = this.faults[from];
    return fs !== undefined && fs.length > 0 && this.faultDrops(fs, flags, len, priorSyn);
  }

  private faultDrops(fs: CompiledFault[], flags: number, len: number, priorSyn: boolean): boolean {
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

  /** Whether the host has late (hold, duplicate) faults: then Sim.emit asks lateMatch(). */
  hasLate(from: number): boolean {
    return this.late[from] !== null;
  }

  /**
   * Whether a late fault takes this segment, sent now: sets lateHold (the
   * segment arrives that much later, off its FIFO lane) or lateDup (it
   * arrives as usual and a copy that much later). The first fault that
   * matches decides. Every fault counts its matches for "nth".
   */
  lateMatch(from: number, flags: number, len: number): boolean {
    const fs = this.late[from];
    if (fs === null || fs === undefined) return false;
    const now = this.sched.now;
    let hit: LateFault | null = null;
    for (const f of fs) {
      if (now < f.after || now >= f.until) continue;
      if (f.flags >= 0 && f.flags !== (flags & (SYN | FIN | RST | PSH | ACK))) continue;
      if (f.len >= 0 && f.len !== len) continue;
      f.seen++;
      if (hit === null && (f.nth === 0 || f.nth === f.seen)) hit = f;
    }
    if (hit === null) return false;
    this.lateHold = hit.hold;
    this.lateDup = hit.dup;
    return true;
  }

  /** A lane of its own for one late segment (or copy): nothing queues behind it. */
  lateLane(from: number, owner: unknown): LinkLane {
    return new LinkLane(this.sched, owner, from);
  }

  /** A segment the host sends now has no delay: with its link empty, it arrives now, next. */
  zeroDelayFrom(from: number): boolean {
    if (this.delayUs !== 0 || this.late[from] !== null) return false;
    const fs = this.faults[from];
    return fs === undefined || fs.length === 0 || this.extraDelay(from) === 0;
  }

  /** The from->to link (created empty on first use). */
  link(from: number, to: number, owner: unknown): LinkLane {
    const idx = from * this.nHosts + to;
    let lane = this.lanes.get(idx);
    if (lane === undefined) {
      lane = new LinkLane(this.sched, owner, from);
      this.lanes.set(idx, lane);
    }
    return lane;
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
    observe = NOT_OBSERVED,
  ): void {
    const lane = this.link(from, to, owner);
    const fs = this.faults[from];
    const delay = fs === undefined || fs.length === 0 ? this.delayUs : this.delayUs + this.extraDelay(from);
    // FIFO: a segment never overtakes an earlier one on the same link
    let at = this.sched.now + delay;
    if (at < lane.lastArrival) at = lane.lastArrival;
    lane.lastArrival = at;
    lane.push(at, srcAddr, srcPort, dstAddr, dstPort, flags, seq, ack, len, conn, observe);
  }
}

/** Words per segment in flight on a link: t, n, src, dst, ports, seq, ack, flags | len << 8 | observe << 24, conn, sent at. */
const LINK_STRIDE = 10;
/** len sits in bits 8-23 (at most an MSS), the observe mark above it. */
const LEN_MASK = 0xffff;
const OBSERVE_SHIFT = 24;

/**
 * One direction of a link: a queue of segments in flight, stored field by
 * field in one plain array (no object per segment; one allocation per link,
 * and a scenario has a link per connection). seq and ack are kept as int32
 * bit patterns. Its head sits in the scheduler as one event.
 */
export class LinkLane {
  readonly ev: Ev;
  lastArrival = 0;
  /** When the segment last taken by shiftInto was sent (microseconds). */
  headSentAt = 0;
  private q: number[] = [];
  /** Index of the head segment's first word, and one past the last segment. */
  private head = 0;
  private tail = 0;
  private registered = false;

  constructor(
    private sched: Scheduler,
    readonly owner: unknown,
    /** The sending host's index. */
    readonly from: number,
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
    observe: number,
  ): void {
    const j = this.tail;
    this.tail += LINK_STRIDE;
    const n = this.sched.nextN();
    const q = this.q;
    q[j] = at;
    q[j + 1] = n;
    q[j + 2] = srcAddr;
    q[j + 3] = dstAddr;
    q[j + 4] = (srcPort << 16) | dstPort;
    q[j + 5] = seq | 0;
    q[j + 6] = ack | 0;
    q[j + 7] = flags | (len << 8) | (observe << OBSERVE_SHIFT);
    q[j + 8] = conn;
    q[j + 9] = this.sched.now;
    if (!this.registered) {
      this.registered = true;
      this.sched.reinsert(this.ev, at, n, this.tail - this.head === LINK_STRIDE);
    }
  }

  /** Removes the head segment into `seg` (a scratch object the caller reuses); returns how to record it. */
  shiftInto(seg: Segment): number {
    this.registered = false;
    const h = this.head;
    this.head += LINK_STRIDE;
    const q = this.q;
    seg.srcAddr = q[h + 2] as number;
    seg.dstAddr = q[h + 3] as number;
    const p = q[h + 4] as number;
    seg.srcPort = p >>> 16;
    seg.dstPort = p & 0xffff;
    seg.seq = (q[h + 5] as number) >>> 0;
    seg.ack = (q[h + 6] as number) >>> 0;
    const fl = q[h + 7] as number;
    seg.flags = fl & 0xff;
    seg.len = (fl >>> 8) & LEN_MASK;
    seg.conn = q[h + 8] as number;
    this.headSentAt = q[h + 9] as number;
    if (this.head === this.tail) this.head = this.tail = 0;
    return fl >>> OBSERVE_SHIFT;
  }

  get empty(): boolean {
    return this.head === this.tail;
  }

  rearm(): void {
    if (this.registered || this.head === this.tail) return;
    this.registered = true;
    this.sched.reinsert(this.ev, this.q[this.head] as number, this.q[this.head + 1] as number, false);
  }
}
