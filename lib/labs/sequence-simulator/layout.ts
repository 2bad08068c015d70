// Diagram geometry: two vertical lanes (client left, server right), one row per
// event, top to bottom in event order. Rows are laid out for the whole
// timeline so the diagram does not jump while stepping; the component draws
// only the events before the cursor.
import type { TimelineEvent } from "./timeline";

export const DIAGRAM = {
  width: 640,
  timeX: 4,
  leftLane: 190,
  rightLane: 540,
  top: 40,
  bottomPadding: 16,
  /** How far an arrow drops between sender and receiver, so it reads as travelling. */
  slant: 16,
} as const;

const ROW_HEIGHT = { segment: 40, state: 22, call: 22, return: 22 } as const;

export type Row = { y: number; height: number; gapBefore: number | null };

/** x of a host's lane: the server on the right, everything else on the left. */
export function laneX(host: string): number {
  return host === "server" ? DIAGRAM.rightLane : DIAGRAM.leftLane;
}

export function layoutRows(events: readonly TimelineEvent[]): { rows: Row[]; height: number } {
  const rows: Row[] = [];
  let y = DIAGRAM.top;
  let lastT: number | null = null;
  for (const e of events) {
    // A quiet stretch of a second or more gets a marker, so 64 s of silence reads as such.
    const gap = lastT !== null && e.t - lastT >= 1 ? e.t - lastT : null;
    if (gap !== null) y += 18;
    const height = ROW_HEIGHT[e.kind];
    rows.push({ y, height, gapBefore: gap });
    y += height;
    lastT = e.t;
  }
  return { rows, height: y + DIAGRAM.bottomPadding };
}

/** Arrow end points of a segment row; a dropped segment stops halfway. */
export function arrowFor(from: string, row: Row, dropped: boolean) {
  const x1 = laneX(from);
  const x2 = from === "server" ? DIAGRAM.leftLane : DIAGRAM.rightLane;
  const y1 = row.y + 12;
  const y2 = y1 + DIAGRAM.slant;
  if (!dropped) return { x1, y1, x2, y2, lossX: null };
  const mx = (x1 + x2) / 2;
  return { x1, y1, x2: mx, y2: (y1 + y2) / 2, lossX: mx };
}

// ---------------------------------------------------------------------------
// Responsive geometry. A diagram is drawn 1:1 (one SVG unit = one CSS pixel)
// at its wide size when the container allows it, and otherwise at the
// container's width with a narrow arrangement: a tight time column, the lanes
// close to the edges, and the hosts' state and call labels between the lanes
// (where the wide layout puts them outside). Labels that do not fit their
// room wrap onto more lines (whole words, nothing cut); rows grow to match.

/** Height of one extra label line. */
export const LINE_HEIGHT = 13;
/** Estimated advance of a monospace glyph, per px of font size (0.6 in DejaVu/Liberation/SF Mono; a little spare). */
const MONO_ADVANCE = 0.62;
/** The narrowest diagram drawn; a narrower container scrolls. */
export const NARROW_MIN_WIDTH = 280;

export type WideShape = { width: number; leftLane: number; rightLane: number; timeFont: number; labelFont: number };
export const WIDE_SHAPE: WideShape = { width: DIAGRAM.width, leftLane: DIAGRAM.leftLane, rightLane: DIAGRAM.rightLane, timeFont: 10, labelFont: 11 };

export type Geometry = {
  narrow: boolean;
  width: number;
  timeX: number;
  timeFont: number;
  leftLane: number;
  rightLane: number;
  /** font size of the host (state and call) labels */
  labelFont: number;
  /** where a host's state/call label goes: beside its lane, outside (wide) or inside (narrow) */
  hostLabel: (host: string) => { x: number; anchor: "start" | "end"; room: number };
  /** centre and room of a segment's label */
  segmentLabel: { x: number; room: number };
};

function monoWidth(chars: number, font: number): number {
  return chars * font * MONO_ADVANCE;
}

/** Characters of monospace text at `font` px that fit in `room` px. */
export function charsThatFit(room: number, font: number): number {
  return Math.max(1, Math.floor(room / (font * MONO_ADVANCE)));
}

/**
 * The geometry for a container `available` px wide (null before it is
 * measured: the wide shape). `timeLabels` are the time column's texts, to size
 * the narrow column.
 */
export function geometryFor(available: number | null, timeLabels: readonly string[], wide: WideShape = WIDE_SHAPE): Geometry {
  const timeX = DIAGRAM.timeX;
  if (available === null || available >= wide.width) {
    const timeRight = timeX + monoWidth(Math.max(6, ...timeLabels.map((t) => t.length)), wide.timeFont) + 6;
    return {
      narrow: false,
      width: wide.width,
      timeX,
      timeFont: wide.timeFont,
      leftLane: wide.leftLane,
      rightLane: wide.rightLane,
      labelFont: wide.labelFont,
      hostLabel: (host) =>
        host === "server"
          ? { x: wide.rightLane + 8, anchor: "start", room: wide.width - wide.rightLane - 10 }
          : { x: wide.leftLane - 8, anchor: "end", room: wide.leftLane - 8 - timeRight },
      segmentLabel: { x: (wide.leftLane + wide.rightLane) / 2, room: wide.rightLane - wide.leftLane + 40 },
    };
  }
  const width = Math.max(NARROW_MIN_WIDTH, Math.floor(available));
  const timeFont = 11;
  const timeRight = timeX + monoWidth(Math.max(6, ...timeLabels.map((t) => t.length)), timeFont);
  // the lane's own name ("client", 13 px) is centred on it, at the top where no time label is
  const leftLane = Math.max(30, Math.round(timeRight + 8));
  const rightLane = width - 30;
  const centre = (leftLane + rightLane) / 2;
  const half = Math.min(centre - (timeRight + 4), width - 2 - centre);
  return {
    narrow: true,
    width,
    timeX,
    timeFont,
    leftLane,
    rightLane,
    labelFont: 11,
    hostLabel: (host) =>
      host === "server"
        ? { x: rightLane - 8, anchor: "end", room: rightLane - leftLane - 16 }
        : { x: leftLane + 8, anchor: "start", room: rightLane - leftLane - 16 },
    // between the lanes, so a label never runs over a lane line
    segmentLabel: { x: centre, room: Math.min(2 * half, rightLane - leftLane - 6) },
  };
}

/** x of a host's lane in a geometry. */
export function laneXIn(g: Geometry, host: string): number {
  return host === "server" ? g.rightLane : g.leftLane;
}

/** Greedy word wrap to at most `max` characters a line; a longer word keeps its own line, whole. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** Rows for a geometry whose labels wrapped: `lines[i]` is event i's label line count. */
export function layoutRowsWrapped(events: readonly TimelineEvent[], lines: readonly number[]): { rows: Row[]; height: number } {
  const base = layoutRows(events);
  let shift = 0;
  const rows = base.rows.map((r, i) => {
    const row = { ...r, y: r.y + shift, height: r.height + LINE_HEIGHT * ((lines[i] ?? 1) - 1) };
    shift += row.height - r.height;
    return row;
  });
  return { rows, height: base.height + shift };
}

/** Arrow end points of a segment row in a geometry, below a label of `labelLines` lines. */
export function arrowIn(g: Geometry, from: string, row: Row, dropped: boolean, labelLines = 1) {
  const x1 = laneXIn(g, from);
  const x2 = from === "server" ? g.leftLane : g.rightLane;
  const y1 = row.y + 12 + LINE_HEIGHT * (labelLines - 1);
  const y2 = y1 + DIAGRAM.slant;
  if (!dropped) return { x1, y1, x2, y2, lossX: null };
  const mx = (x1 + x2) / 2;
  return { x1, y1, x2: mx, y2: (y1 + y2) / 2, lossX: mx };
}
