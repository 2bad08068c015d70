/**
 * Compares a simulated trace with a captured one by the rules at the end of
 * docs/scenario-format.md:
 * - segments: per connection, the same sequence of (from, flags, seq, ack,
 *   len); the gap between consecutive segments of a connection agrees within
 *   30 ms or 13% of the captured gap (Linux timers fire late by up to ~1/8 at HZ=250);
 * - states: the captured states of each host appear, in order, among the
 *   simulated ones. States of different sockets (different `conn`) are
 *   matched separately: a 10 ms poll cannot order two sockets' changes.
 * Pure; returns every difference found, empty when the traces agree.
 */
import type { Trace, TraceSegment, TraceState } from "./trace";

export const GAP_ABS_TOLERANCE = 0.03;
export const GAP_REL_TOLERANCE = 0.13;

export interface CompareResult {
  ok: boolean;
  errors: string[];
}

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    let a = m.get(k);
    if (!a) m.set(k, (a = []));
    a.push(x);
  }
  return m;
}

function fmt(s: TraceSegment): string {
  return `${s.from} ${s.flags} seq=${s.seq} ack=${s.ack} len=${s.len} @${s.t}`;
}

export function gapAgrees(simGap: number, capGap: number): boolean {
  const tol = Math.max(GAP_ABS_TOLERANCE, GAP_REL_TOLERANCE * Math.abs(capGap));
  return Math.abs(simGap - capGap) <= tol + 1e-9;
}

export function compareTrace(simulated: Trace, captured: Trace, maxErrors = 20): CompareResult {
  const errors: string[] = [];
  const simByConn = groupBy(simulated.segments, (s) => s.conn ?? "");
  const capByConn = groupBy(captured.segments, (s) => s.conn ?? "");
  for (const [conn, cap] of capByConn) {
    const sim = simByConn.get(conn) ?? [];
    const label = conn === "" ? "segments" : `conn ${conn}`;
    const n = Math.max(cap.length, sim.length);
    for (let i = 0; i < n && errors.length < maxErrors; i++) {
      const c = cap[i];
      const s = sim[i];
      if (!c) {
        errors.push(`${label}[${i}]: extra simulated segment ${fmt(s!)}`);
        break;
      }
      if (!s) {
        errors.push(`${label}[${i}]: missing segment, captured ${fmt(c)}`);
        break;
      }
      if (s.from !== c.from || s.flags !== c.flags || s.seq !== c.seq || s.ack !== c.ack || s.len !== c.len) {
        errors.push(`${label}[${i}]: simulated ${fmt(s)}, captured ${fmt(c)}`);
        break;
      }
      if (i > 0) {
        const simGap = s.t - sim[i - 1]!.t;
        const capGap = c.t - cap[i - 1]!.t;
        if (!gapAgrees(simGap, capGap)) {
          errors.push(
            `${label}[${i}]: gap ${simGap.toFixed(4)} s after the previous segment, captured ${capGap.toFixed(4)} s (${fmt(c)})`,
          );
        }
      }
    }
  }
  for (const [conn, sim] of simByConn) {
    if (!capByConn.has(conn) && errors.length < maxErrors) {
      errors.push(`${conn === "" ? "segments" : `conn ${conn}`}: ${sim.length} simulated segments, none captured (first ${fmt(sim[0]!)})`);
    }
  }
  // states: captured subsequence of simulated, per host (and per socket when conns are named)
  const key = (s: TraceState) => `${s.host}\u0000${s.conn ?? ""}`;
  const simStates = groupBy(simulated.states, key);
  for (const [k, cap] of groupBy(captured.states, key)) {
    const sim = simStates.get(k) ?? [];
    let j = 0;
    for (const c of cap) {
      while (j < sim.length && sim[j]!.state !== c.state) j++;
      if (j >= sim.length) {
        const [host, conn] = k.split("\u0000");
        errors.push(
          `states of ${host}${conn ? ` (${conn})` : ""}: captured ${c.state} @${c.t} not found in order among simulated [${sim
            .map((s) => `${s.state}@${s.t}`)
            .join(", ")}]`,
        );
        break;
      }
      j++;
    }
  }
  return { ok: errors.length === 0, errors };
}
