/** Small builders for simulator tests: a scenario from steps, and views of its trace. */
import { parseScenario, simulateDetailed, type DetailedTrace, type SimulateOptions } from "@/lib/tcp";

export interface Run extends DetailedTrace {
  /** "from flags seq:ack len" lines, e.g. "client S 0:- 0" */
  wire: string[];
  /** state names of one host, in order */
  statesOf(host: string, conn?: string): string[];
  callResult(host: string, call: string, nth?: number): string | undefined;
}

export function run(
  steps: unknown[],
  opts: { sysctl?: Record<string, unknown>; faults?: unknown[]; delay?: number; sim?: SimulateOptions } = {},
): Run {
  const parsed = parseScenario({
    sysctl: opts.sysctl ?? {},
    network: { delay: opts.delay ?? 0 },
    steps,
    faults: opts.faults ?? [],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  // nominal timer times keep expectations exact; the timer wheel has its own test
  const d = simulateDetailed(parsed.scenario, { nominalTimers: true, ...opts.sim });
  return {
    ...d,
    wire: d.segments.map((s) => `${s.from} ${s.flags} ${s.seq}:${s.ack ?? "-"} ${s.len}${s.dropped ? " dropped" : ""}`),
    statesOf: (host, conn) => d.states.filter((s) => s.host === host && (conn === undefined || s.conn === conn)).map((s) => s.state),
    callResult: (host, call, nth = 0) => d.calls.filter((c) => c.host === host && c.call === call)[nth]?.result,
  };
}

/** listen, connect, accept: the usual start. */
export const OPEN = [
  { t: 0, host: "server", call: "listen", backlog: 128 },
  { t: 0.1, host: "client", call: "connect" },
  { t: 0.2, host: "server", call: "accept" },
];

export function timesOf(r: Run, pred: (s: Run["segments"][number]) => boolean): number[] {
  return r.segments.filter(pred).map((s) => s.t);
}

export function gaps(ts: number[]): number[] {
  return ts.slice(1).map((t, i) => Math.round((t - ts[i]!) * 1000) / 1000);
}
