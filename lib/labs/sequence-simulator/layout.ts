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
