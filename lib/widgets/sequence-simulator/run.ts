// Adapter over the engine: simulateDetailed() plus the one thing the public
// API does not give yet, the global order of segments and state changes.
// Segments and states come back as two lists; several events often share one
// microsecond (a veth has no delay), and a diagram must know whether the
// server entered SYN-RECV before or after the client's SYN was sent. The
// engine records both through one Recorder, so we watch that recorder.
// If the engine's internals change, runOrdered falls back to ordering by time
// (states before segments at equal times), which is right whenever the link
// delay is above zero.
import { simulateDetailed, type DetailedTrace, type Scenario, type SimulateOptions } from "@/lib/tcp";
import { Sim } from "@/lib/tcp/simulate";

export type EventOrder = Array<"segment" | "state">;

export type OrderedRun = { trace: DetailedTrace; order: EventOrder | null };

export function runOrdered(scenario: Scenario, options: SimulateOptions): OrderedRun {
  try {
    const sim = new Sim(scenario, options);
    const rec = sim.rec as unknown as {
      segment: (...args: unknown[]) => void;
      state: (...args: unknown[]) => void;
    };
    if (typeof rec?.segment !== "function" || typeof rec.state !== "function") throw new Error("recorder changed");
    const order: EventOrder = [];
    const segment = rec.segment.bind(rec);
    const state = rec.state.bind(rec);
    rec.segment = (...args) => {
      order.push("segment");
      segment(...args);
    };
    rec.state = (...args) => {
      order.push("state");
      state(...args);
    };
    sim.run();
    const trace = sim.detailed();
    const segments = order.filter((kind) => kind === "segment").length;
    if (segments !== trace.detailed.length || order.length - segments !== trace.states.length) return { trace, order: null };
    return { trace, order };
  } catch {
    return { trace: simulateDetailed(scenario, options), order: null };
  }
}
