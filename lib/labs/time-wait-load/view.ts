/**
 * What the TIME-WAIT load widget shows, as pure functions of the model's
 * result: the numbers at the cursor, the event log as text, the table rows.
 */
import { normalizeControls, type LoadControls, type LoadResult, type LoadSample } from "./model";

/** The sample at or just before t. */
export function sampleAt(result: LoadResult, t: number): LoadSample {
  const s = result.samples;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return s[lo]!;
}

export function formatSeconds(t: number): string {
  return `${Number.isInteger(t) ? t : t.toFixed(1)} s`;
}

/** The event log as copyable text, one event a line. */
export function eventLogText(result: LoadResult, upTo = Infinity): string {
  return result.events
    .filter((e) => e.t <= upTo)
    .map((e) => `t=${formatSeconds(e.t).padStart(7)}  ${e.text}`)
    .join("\n");
}

/** Rows for the text table: every `every` seconds, and the last one. */
export function tableRows(result: LoadResult, every: number): LoadSample[] {
  const rows = result.samples.filter((s) => s.t % every === 0);
  const last = result.samples[result.samples.length - 1];
  if (last && rows[rows.length - 1] !== last) rows.push(last);
  return rows;
}

/** A sentence that says what the chart shows, for its text alternative. */
export function chartSummary(result: LoadResult): string {
  const last = result.samples[result.samples.length - 1]!;
  const c = result.controls;
  const exhausted =
    result.exhaustedAt === null
      ? "connect() never fails"
      : `connect() starts failing with EADDRNOTAVAIL at ${formatSeconds(result.exhaustedAt)}`;
  return `Over ${c.duration} s at ${c.rate} connections per second with the ${c.closer} closing first: the client ends with ${last.clientTimeWait} TIME-WAIT sockets and ${last.freePorts} free ports, the server with ${last.serverTimeWait}; ${exhausted}.`;
}

/** Controls from the URL (anything missing or wrong falls back to defaults). */
export function controlsFromUrl(value: unknown): LoadControls | null {
  if (typeof value !== "object" || value === null) return null;
  return normalizeControls(value as Partial<LoadControls>);
}
