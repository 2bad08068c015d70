/**
 * Trace recording. Segments and state changes are appended as fixed-size
 * records to growable typed-array buffers: a 60 s SYN flood puts over a
 * million segments on the wire, and recording one must cost a few array
 * stores, not an object.
 * Conversion to the FORMAT.md JSON shape happens once, at the end.
 */
import { ACK, RST, SYN, flagString, segSpace } from "./segment";
import { STATE_NAMES, type StateName } from "./state";

export interface TraceSegment {
  t: number;
  from: string;
  flags: string;
  seq: number;
  ack: number | null;
  len: number;
  conn?: string;
  dropped?: true;
}
export interface TraceState {
  t: number;
  host: string;
  state: StateName;
  conn?: string;
}
export interface Trace {
  segments: TraceSegment[];
  states: TraceState[];
}

/**
 * A segment record: 8 32-bit words (32 bytes, two records per cache line),
 * written through an Int32Array and a Float64Array over the same buffer.
 * One interleaved record instead of one array per field: a flood writes over
 * a million of them, and one sequential stream of stores is what the memory
 * system does fastest. Numbers above 2^31 (seq, ack, ports) are stored as
 * their int32 bit patterns and read back with >>> 0.
 */
const SEG_WORDS = 8;
// words 0-1: time (float64, microseconds: scenarios run past 2^32 us)
const W_SEQ = 2;
const W_ACK = 3;
const W_CONN = 4;
/** srcPort << 16 | dstPort */
const W_PORTS = 5;
/** srcAddr << 16 | dstAddr (addresses stay below 2^14, see SPOOF_BASE) */
const W_ADDRS = 6;
/** from host (bits 0-12) | flags << 13 (5 bits) | dropped << 18 | len << 19 (13 bits) */
const W_META = 7;
const META_FLAGS_SHIFT = 13;
/** FIN | SYN | RST | PSH | ACK: the flags the model uses */
const META_FLAGS = 0x1f;
const META_DROPPED = 1 << 18;
const META_LEN_SHIFT = 19;
/** from (a host index, below SPOOF_BASE = 2^13) and len (at most MSS) must fit 13 bits. */
const META_LIMIT = 1 << 13;

/**
 * A state-change record: 6 words (24 bytes): time (float64), conn,
 * host << 8 | state, and the number of segments recorded before it (so
 * segments and state changes can be interleaved in the order they happened,
 * even within one microsecond), and one word unused (keeps the float64 aligned).
 */
const ST_WORDS = 6;
const W_ST_CONN = 2;
const W_ST_HOST_STATE = 3;
const W_ST_SEG_MARK = 4;

function tooWide(from: number, flags: number, len: number): never {
  throw new RangeError(`segment from host ${from} with flags ${flags} and len ${len} does not fit the trace record`);
}

interface RecBuffers {
  segCap: number;
  seg: ArrayBuffer;
  stCap: number;
  st: ArrayBuffer;
}

function grown(buf: ArrayBuffer, usedBytes: number, newBytes: number): ArrayBuffer {
  const b = new ArrayBuffer(newBytes);
  new Int32Array(b).set(new Int32Array(buf, 0, usedBytes >> 2));
  return b;
}

/**
 * Trace buffers handed back by finished simulations. Widgets re-simulate
 * on every slider move; reusing the buffers spares allocating and zeroing
 * tens of megabytes each time (fresh memory costs more than filling it).
 */
let pool: RecBuffers | null = null;

export class Recorder {
  /** Segments sent so far (counted even when their records are not kept). */
  nSeg = 0;
  /** False: segments are counted but not recorded (runScenario's `segments: false`). */
  readonly keepSegments: boolean;
  private segCap: number;
  private segBuf: ArrayBuffer;
  private segW: Int32Array;
  private segF: Float64Array;
  nState = 0;
  private stCap: number;
  private stBuf: ArrayBuffer;
  private stW: Int32Array;
  private stF: Float64Array;
  private released = false;

  /** expectedSegments: a capacity hint, so a large run need not grow its buffer several times. */
  constructor(expectedSegments = 0, keepSegments = true) {
    this.keepSegments = keepSegments;
    const want = Math.max(keepSegments ? expectedSegments : 0, 1 << 14);
    let b = pool;
    pool = null;
    if (b === null) {
      b = { segCap: want, seg: new ArrayBuffer(want * SEG_WORDS * 4), stCap: 256, st: new ArrayBuffer(256 * ST_WORDS * 4) };
    } else if (b.segCap < want) {
      b.segCap = want;
      b.seg = new ArrayBuffer(want * SEG_WORDS * 4);
    }
    this.segCap = b.segCap;
    this.segBuf = b.seg;
    this.segW = new Int32Array(b.seg);
    this.segF = new Float64Array(b.seg);
    this.stCap = b.stCap;
    this.stBuf = b.st;
    this.stW = new Int32Array(b.st);
    this.stF = new Float64Array(b.st);
  }

  /** Gives the buffers back for the next simulation; the recorder must not be used afterwards. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (pool === null || pool.segCap < this.segCap) {
      pool = { segCap: this.segCap, seg: this.segBuf, stCap: this.stCap, st: this.stBuf };
    }
    this.nSeg = 0;
    this.nState = 0;
  }

  /** Records a segment; seq and ack as uint32 or int32 bit patterns (stored as 32 bits either way). */
  segment(
    t: number,
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
    dropped: boolean,
  ): void {
    const i = this.nSeg++;
    if (!this.keepSegments) return;
    if (i === this.segCap) this.growSeg();
    if (from >= META_LIMIT || len >= META_LIMIT || flags > META_FLAGS) tooWide(from, flags, len);
    const w = i * SEG_WORDS;
    this.segF[i * (SEG_WORDS >> 1)] = t;
    const W = this.segW;
    W[w + W_SEQ] = seq;
    W[w + W_ACK] = ack;
    W[w + W_CONN] = conn;
    W[w + W_PORTS] = (srcPort << 16) | dstPort;
    W[w + W_ADDRS] = (srcAddr << 16) | dstAddr;
    W[w + W_META] = from | (flags << META_FLAGS_SHIFT) | (dropped ? META_DROPPED : 0) | (len << META_LEN_SHIFT);
  }

  /**
   * Records a flood SYN and the SYN-ACK a listener answers it with at the
   * same instant, exactly as two calls of segment() would (Sim.cookieRun
   * sends hundreds of thousands): one capacity check, and no width check,
   * as both hosts are real ones (below META_LIMIT) with no payload.
   */
  synAndSynAck(
    t: number,
    from: number,
    to: number,
    srcAddr: number,
    srcPort: number,
    dstAddr: number,
    dstPort: number,
    seq: number,
    synAckSeq: number,
    conn: number,
  ): void {
    const i = this.nSeg;
    this.nSeg = i + 2;
    if (!this.keepSegments) return;
    if (i + 2 > this.segCap) this.growSeg();
    const F = this.segF;
    const W = this.segW;
    const w = i * SEG_WORDS;
    F[i * (SEG_WORDS >> 1)] = t;
    W[w + W_SEQ] = seq;
    W[w + W_ACK] = 0;
    W[w + W_CONN] = conn;
    W[w + W_PORTS] = (srcPort << 16) | dstPort;
    W[w + W_ADDRS] = (srcAddr << 16) | dstAddr;
    W[w + W_META] = from | (SYN << META_FLAGS_SHIFT);
    const v = w + SEG_WORDS;
    F[(i + 1) * (SEG_WORDS >> 1)] = t;
    W[v + W_SEQ] = synAckSeq;
    W[v + W_ACK] = (seq + 1) | 0;
    W[v + W_CONN] = conn;
    W[v + W_PORTS] = (dstPort << 16) | srcPort;
    W[v + W_ADDRS] = (dstAddr << 16) | srcAddr;
    W[v + W_META] = to | ((SYN | ACK) << META_FLAGS_SHIFT);
  }

  private growSeg(): void {
    const n = this.segCap * 2;
    this.segBuf = grown(this.segBuf, this.segCap * SEG_WORDS * 4, n * SEG_WORDS * 4);
    this.segCap = n;
    this.segW = new Int32Array(this.segBuf);
    this.segF = new Float64Array(this.segBuf);
  }

  // segment fields, by index
  t(i: number): number {
    return this.segF[i * (SEG_WORDS >> 1)] as number;
  }
  from(i: number): number {
    return (this.segW[i * SEG_WORDS + W_META] as number) & (META_LIMIT - 1);
  }
  flags(i: number): number {
    return ((this.segW[i * SEG_WORDS + W_META] as number) >>> META_FLAGS_SHIFT) & META_FLAGS;
  }
  dropped(i: number): boolean {
    return ((this.segW[i * SEG_WORDS + W_META] as number) & META_DROPPED) !== 0;
  }
  len(i: number): number {
    return (this.segW[i * SEG_WORDS + W_META] as number) >>> META_LEN_SHIFT;
  }
  seq(i: number): number {
    return (this.segW[i * SEG_WORDS + W_SEQ] as number) >>> 0;
  }
  ack(i: number): number {
    return (this.segW[i * SEG_WORDS + W_ACK] as number) >>> 0;
  }
  conn(i: number): number {
    return this.segW[i * SEG_WORDS + W_CONN] as number;
  }
  srcAddr(i: number): number {
    return (this.segW[i * SEG_WORDS + W_ADDRS] as number) >>> 16;
  }
  dstAddr(i: number): number {
    return (this.segW[i * SEG_WORDS + W_ADDRS] as number) & 0xffff;
  }
  srcPort(i: number): number {
    return (this.segW[i * SEG_WORDS + W_PORTS] as number) >>> 16;
  }
  dstPort(i: number): number {
    return (this.segW[i * SEG_WORDS + W_PORTS] as number) & 0xffff;
  }

  state(t: number, host: number, state: number, conn: number): void {
    const i = this.nState++;
    if (i === this.stCap) {
      const n = this.stCap * 2;
      this.stBuf = grown(this.stBuf, this.stCap * ST_WORDS * 4, n * ST_WORDS * 4);
      this.stCap = n;
      this.stW = new Int32Array(this.stBuf);
      this.stF = new Float64Array(this.stBuf);
    }
    this.stF[i * (ST_WORDS >> 1)] = t;
    this.stW[i * ST_WORDS + W_ST_CONN] = conn;
    this.stW[i * ST_WORDS + W_ST_HOST_STATE] = (host << 8) | state;
    this.stW[i * ST_WORDS + W_ST_SEG_MARK] = this.nSeg;
  }

  // state-change fields, by index
  stateT(i: number): number {
    return this.stF[i * (ST_WORDS >> 1)] as number;
  }
  stateHost(i: number): number {
    return (this.stW[i * ST_WORDS + W_ST_HOST_STATE] as number) >>> 8;
  }
  stateOf(i: number): number {
    return (this.stW[i * ST_WORDS + W_ST_HOST_STATE] as number) & 0xff;
  }
  stateConn(i: number): number {
    return this.stW[i * ST_WORDS + W_ST_CONN] as number;
  }
  /** How many segments had been sent when state change i was recorded. */
  stateSegMark(i: number): number {
    return this.stW[i * ST_WORDS + W_ST_SEG_MARK] as number;
  }

  /**
   * Relative seq/ack exactly as a capture converter computes them from the
   * wire: a direction's ISN is the seq of the last SYN seen in that direction
   * of the same 4-tuple; with no SYN seen (an RST from a port with no socket),
   * the raw number is reported.
   */
  relative(): { seq: Float64Array; ack: Float64Array } {
    const seq = new Float64Array(this.nSeg);
    const ack = new Float64Array(this.nSeg);
    // direction key: (address << 16 | port) of each end; addresses stay below 2^14
    const isn = new Map<number, Map<number, number>>();
    const get = (a: number, b: number) => isn.get(a)?.get(b);
    for (let i = 0; i < this.nSeg; i++) {
      const a = (this.srcAddr(i) << 16) | this.srcPort(i);
      const b = (this.dstAddr(i) << 16) | this.dstPort(i);
      const f = this.flags(i);
      const s = this.seq(i);
      if (f & SYN) {
        let m = isn.get(a);
        if (m === undefined) isn.set(a, (m = new Map()));
        m.set(b, s);
      }
      const mine = get(a, b);
      seq[i] = mine === undefined || this.unsequencedReset(i, a, b) ? s : (s - mine) >>> 0;
      if (f & ACK) {
        const theirs = get(b, a);
        const k = this.ack(i);
        ack[i] = theirs === undefined ? k : (k - theirs) >>> 0;
      } else ack[i] = -1;
    }
    return { seq, ack };
  }

  /**
   * Whether segment i (direction a -> b) is the reset that answers a segment
   * without ACK: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (RFC 9293
   * §3.10.7.1; tcp_v4_send_reset()). Its 0 is no number of the sender's
   * sequence space, even when the sender had an ISN on this 4-tuple before (a
   * request or listener that is gone), so it is reported as sent, never as
   * 0 - ISN (mod 2^32). Found from the wire, as a capture reader would: an
   * R. with seq 0 whose ack covers the last segment the other way, which
   * carried no ACK. Cold: only resets with seq 0 look back.
   */
  private unsequencedReset(i: number, a: number, b: number): boolean {
    const f = this.flags(i);
    if ((f & (RST | ACK)) !== (RST | ACK) || this.seq(i) !== 0) return false;
    for (let j = i - 1; j >= 0 && j >= i - 100_000; j--) {
      if (((this.srcAddr(j) << 16) | this.srcPort(j)) !== b || ((this.dstAddr(j) << 16) | this.dstPort(j)) !== a) continue;
      const g = this.flags(j);
      return (g & ACK) === 0 && ((this.seq(j) + segSpace(g, this.len(j))) >>> 0) === this.ack(i);
    }
    return false;
  }
}

/** Seconds with microsecond precision, as a plain number. */
export function usToSeconds(us: number): number {
  return Math.round(us) / 1e6;
}

export function recorderToTrace(
  rec: Recorder,
  hostName: (i: number) => string,
  connName: ((code: number) => string) | null,
): Trace {
  const rel = rec.relative();
  const segments: TraceSegment[] = new Array(rec.nSeg);
  for (let i = 0; i < rec.nSeg; i++) {
    const a = rel.ack[i] as number;
    const s: TraceSegment = {
      t: usToSeconds(rec.t(i)),
      from: hostName(rec.from(i)),
      flags: flagString(rec.flags(i)),
      seq: rel.seq[i] as number,
      ack: a < 0 ? null : a,
      len: rec.len(i),
    };
    if (connName) s.conn = connName(rec.conn(i));
    if (rec.dropped(i)) s.dropped = true;
    segments[i] = s;
  }
  const states: TraceState[] = new Array(rec.nState);
  for (let i = 0; i < rec.nState; i++) {
    const st: TraceState = {
      t: usToSeconds(rec.stateT(i)),
      host: hostName(rec.stateHost(i)),
      state: STATE_NAMES[rec.stateOf(i)] as StateName,
    };
    const c = rec.stateConn(i);
    if (connName && c !== NO_CONN) st.conn = connName(c);
    states[i] = st;
  }
  return { segments, states };
}

/** Conn code of a socket that belongs to no connection (a listener). */
export const NO_CONN = 0x7fffffff;
