import { describe, expect, it } from "vitest";
import { compareTrace, gapAgrees, type Trace } from "@/lib/tcp";

const captured: Trace = {
  segments: [
    { t: 0.1, from: "client", flags: "S", seq: 0, ack: null, len: 0 },
    { t: 0.1, from: "server", flags: "S.", seq: 0, ack: 1, len: 0 },
    { t: 0.1, from: "client", flags: ".", seq: 1, ack: 1, len: 0 },
    { t: 1.0, from: "client", flags: "F.", seq: 1, ack: 1, len: 0 },
    { t: 1.041, from: "server", flags: ".", seq: 1, ack: 2, len: 0 },
  ],
  states: [
    { t: 0.1, host: "client", state: "ESTABLISHED" },
    { t: 1.0, host: "client", state: "FIN-WAIT-1" },
    { t: 1.05, host: "client", state: "FIN-WAIT-2" },
  ],
};

function clone(t: Trace): Trace {
  return JSON.parse(JSON.stringify(t)) as Trace;
}

describe("compareTrace (FORMAT.md comparison rules)", () => {
  it("accepts an identical trace and extra simulated states", () => {
    const sim = clone(captured);
    sim.states.unshift({ t: 0.1, host: "client", state: "SYN-SENT" });
    expect(compareTrace(sim, captured)).toEqual({ ok: true, errors: [] });
  });

  it("fails a trace whose flags differ", () => {
    const sim = clone(captured);
    sim.segments[3]!.flags = "R.";
    const r = compareTrace(sim, captured);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatch(/segments\[3\]/);
  });

  it("fails a trace whose seq, ack or len differ", () => {
    for (const field of ["seq", "ack", "len"] as const) {
      const sim = clone(captured);
      (sim.segments[4] as unknown as Record<string, number>)[field] = 7;
      expect(compareTrace(sim, captured).ok).toBe(false);
    }
  });

  it("fails a trace with a missing or an extra segment", () => {
    const fewer = clone(captured);
    fewer.segments.pop();
    expect(compareTrace(fewer, captured).errors[0]).toMatch(/missing/);
    const more = clone(captured);
    more.segments.push({ t: 2, from: "client", flags: ".", seq: 2, ack: 1, len: 0 });
    expect(compareTrace(more, captured).errors[0]).toMatch(/extra/);
  });

  it("fails a gap that is off by more than 30 ms and 13%", () => {
    const sim = clone(captured);
    sim.segments[4]!.t = 1.2; // 200 ms instead of 41 ms
    expect(compareTrace(sim, captured).ok).toBe(false);
  });

  it("accepts a gap within 30 ms, or within 13% of a long gap", () => {
    expect(gapAgrees(0.04, 0.065)).toBe(true);
    expect(gapAgrees(0.04, 0.08)).toBe(false);
    expect(gapAgrees(16, 17.9)).toBe(true); // 13% of 17.9 s
    expect(gapAgrees(16, 19)).toBe(false);
  });

  it("fails when a captured state is missing or out of order", () => {
    const sim = clone(captured);
    sim.states = [sim.states[0]!, sim.states[2]!, sim.states[1]!];
    expect(compareTrace(sim, captured).ok).toBe(false);
    const none = clone(captured);
    none.states = none.states.filter((s) => s.state !== "FIN-WAIT-2");
    expect(compareTrace(none, captured).errors[0]).toMatch(/FIN-WAIT-2/);
  });

  it("compares segments per connection, so interleaving between connections does not matter", () => {
    const two: Trace = {
      segments: [
        { t: 0, from: "client1", flags: "S", seq: 0, ack: null, len: 0, conn: "client1" },
        { t: 0, from: "client2", flags: "S", seq: 0, ack: null, len: 0, conn: "client2" },
      ],
      states: [],
    };
    const swapped = clone(two);
    swapped.segments.reverse();
    expect(compareTrace(swapped, two).ok).toBe(true);
    const wrong = clone(two);
    wrong.segments[1]!.conn = "client1";
    expect(compareTrace(wrong, two).ok).toBe(false);
  });
});
