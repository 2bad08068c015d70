// The engine's run with what a diagram needs beyond simulateDetailed(): the
// global order of segments, state changes and calls. Several events often
// share one microsecond (a veth has no delay), and a diagram must know whether
// the server entered SYN-RECV before or after the client's SYN was sent, and
// what happened while a call was blocked; runScenario's `timeline` gives that
// order, with where each call was made and where it returned.
import { runScenario, type CallMade, type DetailedTrace, type Scenario, type SimulateOptions } from "@/lib/tcp";

export type EventOrder = Array<"segment" | "state">;

/** The run in order: a segment, a state change, a call made (index into `made`) or returned (index into trace.calls). */
export type FlowEntry = "segment" | "state" | { made: number } | { returned: number };

export type OrderedRun = { trace: DetailedTrace; order: EventOrder | null; made?: CallMade[]; flow?: FlowEntry[] };

export function runOrdered(scenario: Scenario, options: SimulateOptions): OrderedRun {
  const run = runScenario(scenario, options);
  const trace = run.detailedTrace();
  const order: EventOrder = [];
  for (const e of run.events) if (e.kind !== "call") order.push(e.kind);
  const flow: FlowEntry[] = run.timeline.map((e) =>
    e.kind === "made" ? { made: e.index } : e.kind === "call" ? { returned: e.index } : e.kind,
  );
  const made = run.callsMade;
  run.release();
  return { trace, order, made, flow };
}
