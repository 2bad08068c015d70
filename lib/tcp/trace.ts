/**
 * Trace recording. Segments and state changes are appended to growable typed
 * arrays (struct of arrays): a 60 s SYN flood puts over a million segments on
 * the wire, and recording one must cost a few array stores, not an object.
 * Conversion to the FORMAT.md JSON shape happens once, at the end.
 */
import { ACK, SYN, flagString } from "./segment";
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

function growF64(a: Float64Array, n: number) {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function growI32(a: Int32Array, n: number) {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
function growU32(a: Uint32Array, n: number) {
  const b = new Uint32Array(n);
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, n: number) {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

interface SegBuffers {
  cap: number;
  t: Float64Array;
  meta: Int32Array;
  seq: Uint32Array;
  ack: Uint32Array;
  len: Int32Array;
  conn: Int32Array;
  srcAddr: Int32Array;
  dstAddr: Int32Array;
  ports: Uint32Array;
}

function newBuffers(cap: number): SegBuffers {
  return {
    cap,
    t: new Float64Array(cap),
    meta: new Int32Array(cap),
    seq: new Uint32Array(cap),
    ack: new Uint32Array(cap),
    len: new Int32Array(cap),
    conn: new Int32Array(cap),
    srcAddr: new Int32Array(cap),
    dstAddr: new Int32Array(cap),
    ports: new Uint32Array(cap),
  };
}

/**
 * Segment buffers handed back by finished simulations. Widgets re-simulate
 * on every slider move; reusing the buffers spares allocating and zeroing
 * tens of megabytes each time (fresh memory costs more than filling it).
 */
let pool: SegBuffers | null = null;

export class Recorder {
  // segments: packed to keep a million-segment flood cheap to record
  nSeg = 0;
  private capSeg: number;
  segT: Float64Array;
  /** from host (bits 0-15) | flags << 16 | dropped << 24 */
  segMeta: Int32Array;
  segSeq: Uint32Array;
  segAck: Uint32Array;
  segLen: Int32Array;
  segConn: Int32Array;
  segSrcAddr: Int32Array;
  segDstAddr: Int32Array;
  /** srcPort << 16 | dstPort */
  segPorts: Uint32Array;
  private released = false;

  constructor() {
    const b = pool ?? newBuffers(1 << 14);
    pool = null;
    this.capSeg = b.cap;
    this.segT = b.t;
    this.segMeta = b.meta;
    this.segSeq = b.seq;
    this.segAck = b.ack;
    this.segLen = b.len;
    this.segConn = b.conn;
    this.segSrcAddr = b.srcAddr;
    this.segDstAddr = b.dstAddr;
    this.segPorts = b.ports;
  }

  /** Gives the segment buffers back for the next simulation; the recorder must not be used afterwards. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (pool === null || pool.cap < this.capSeg) {
      pool = {
        cap: this.capSeg,
        t: this.segT,
        meta: this.segMeta,
        seq: this.segSeq,
        ack: this.segAck,
        len: this.segLen,
        conn: this.segConn,
        srcAddr: this.segSrcAddr,
        dstAddr: this.segDstAddr,
        ports: this.segPorts,
      };
    }
    this.nSeg = 0;
  }
  // states
  nState = 0;
  private capState = 256;
  stT = new Float64Array(256);
  stHost = new Int32Array(256);
  stState = new Uint8Array(256);
  stConn = new Int32Array(256);

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
    if (i === this.capSeg) this.growSeg();
    this.segT[i] = t;
    this.segMeta[i] = from | (flags << 16) | (dropped ? 1 << 24 : 0);
    this.segSeq[i] = seq;
    this.segAck[i] = ack;
    this.segLen[i] = len;
    this.segConn[i] = conn;
    this.segSrcAddr[i] = srcAddr;
    this.segDstAddr[i] = dstAddr;
    this.segPorts[i] = ((srcPort << 16) | dstPort) >>> 0;
  }

  from(i: number): number {
    return (this.segMeta[i] as number) & 0xffff;
  }
  flags(i: number): number {
    return ((this.segMeta[i] as number) >>> 16) & 0xff;
  }
  dropped(i: number): boolean {
    return ((this.segMeta[i] as number) & (1 << 24)) !== 0;
  }
  srcPort(i: number): number {
    return (this.segPorts[i] as number) >>> 16;
  }
  dstPort(i: number): number {
    return (this.segPorts[i] as number) & 0xffff;
  }

  state(t: number, host: number, state: number, conn: number): void {
    const i = this.nState++;
    if (i === this.capState) {
      const n = (this.capState *= 2);
      this.stT = growF64(this.stT, n);
      this.stHost = growI32(this.stHost, n);
      this.stState = growU8(this.stState, n);
      this.stConn = growI32(this.stConn, n);
    }
    this.stT[i] = t;
    this.stHost[i] = host;
    this.stState[i] = state;
    this.stConn[i] = conn;
  }

  private growSeg(): void {
    const n = (this.capSeg *= 4);
    this.segT = growF64(this.segT, n);
    this.segMeta = growI32(this.segMeta, n);
    this.segSeq = growU32(this.segSeq, n);
    this.segAck = growU32(this.segAck, n);
    this.segLen = growI32(this.segLen, n);
    this.segConn = growI32(this.segConn, n);
    this.segSrcAddr = growI32(this.segSrcAddr, n);
    this.segDstAddr = growI32(this.segDstAddr, n);
    this.segPorts = growU32(this.segPorts, n);
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
      const a = ((this.segSrcAddr[i] as number) << 16) | this.srcPort(i);
      const b = ((this.segDstAddr[i] as number) << 16) | this.dstPort(i);
      const f = this.flags(i);
      const s = this.segSeq[i] as number;
      if (f & SYN) {
        let m = isn.get(a);
        if (m === undefined) isn.set(a, (m = new Map()));
        m.set(b, s);
      }
      const mine = get(a, b);
      seq[i] = mine === undefined ? s : (s - mine) >>> 0;
      if (f & ACK) {
        const theirs = get(b, a);
        const k = this.segAck[i] as number;
        ack[i] = theirs === undefined ? k : (k - theirs) >>> 0;
      } else ack[i] = -1;
    }
    return { seq, ack };
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
      t: usToSeconds(rec.segT[i] as number),
      from: hostName(rec.from(i)),
      flags: flagString(rec.flags(i)),
      seq: rel.seq[i] as number,
      ack: a < 0 ? null : a,
      len: rec.segLen[i] as number,
    };
    if (connName) s.conn = connName(rec.segConn[i] as number);
    if (rec.dropped(i)) s.dropped = true;
    segments[i] = s;
  }
  const states: TraceState[] = new Array(rec.nState);
  for (let i = 0; i < rec.nState; i++) {
    const st: TraceState = {
      t: usToSeconds(rec.stT[i] as number),
      host: hostName(rec.stHost[i] as number),
      state: STATE_NAMES[rec.stState[i] as number] as StateName,
    };
    const c = rec.stConn[i] as number;
    if (connName && c !== NO_CONN) st.conn = connName(c);
    states[i] = st;
  }
  return { segments, states };
}

/** Conn code of a socket that belongs to no connection (a listener). */
export const NO_CONN = 0x7fffffff;
