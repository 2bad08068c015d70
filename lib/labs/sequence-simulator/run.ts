// The engine's run with the one thing a diagram needs beyond simulateDetailed():
// the global order of segments and state changes. Several events often share
// one microsecond (a veth has no delay), and a diagram must know whether the
// server entered SYN-RECV before or after the client's SYN was sent;
// runScenario's `events` gives that order.
import { runScenario, type DetailedTrace, type Scenario, type SimulateOptions } from "@/lib/tcp";

export type EventOrder = Array<"segment" | "state">;

export type OrderedRun = { trace: DetailedTrace; order: EventOrder | null };

export function runOrdered(scenario: Scenario, options: SimulateOptions): OrderedRun {
  const run = runScenario(scenario, options);
  const trace = run.detailedTrace();
  const order: EventOrder = [];
  for (const e of run.events) if (e.kind !== "call") order.push(e.kind);
  run.release();
  return { trace, order };
}
