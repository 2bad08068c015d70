/** Faults as data (FORMAT.md): drops by sender, kind and time window; extra delay; dropped segments stay in the trace. */
import { describe, expect, it } from "vitest";
import { OPEN, run } from "./helpers";

describe("faults and links", () => {
  it('"drop": "syn" loses only SYN segments, which stay in the trace marked dropped', () => {
    const r = run(OPEN, { faults: [{ from: "client", drop: "syn", until: 0.5 }] });
    expect(r.wire.slice(0, 4)).toEqual(["client S 0:- 0 dropped", "client S 0:- 0", "server S. 0:1 0", "client . 1:1 0"]);
    expect(r.segments[1]!.t).toBeCloseTo(1.1, 3);
  });

  it('"drop": "rst" loses RSTs, so an aborted peer is never told', () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "abort" }], { faults: [{ from: "client", drop: "rst" }] });
    expect(r.wire.at(-1)).toBe("client R. 1:1 0 dropped");
    expect(r.statesOf("server").at(-1)).toBe("ESTABLISHED");
  });

  it('"drop": "ack" loses pure ACKs only', () => {
    const r = run([...OPEN, { t: 0.5, host: "client", call: "send", bytes: 10 }], { faults: [{ from: "server", drop: "ack", after: 0.4 }] });
    expect(r.wire.slice(3, 5)).toEqual(["client P. 1:1 10", "server . 1:11 0 dropped"]);
  });

  it("network.delay and a per-sender extra delay add up, one way", () => {
    const r = run(OPEN, { delay: 0.01, faults: [{ from: "server", delay: 0.1 }] });
    const t = r.segments.map((s) => Math.round(s.t * 1000) / 1000);
    expect(t).toEqual([0.1, 0.11, 0.22]);
  });

  it('"after": "first-syn" spares the first SYN only', () => {
    const r = run(OPEN, { faults: [{ from: "client", drop: "all", after: "first-syn" }], sim: { until: 0.5 } });
    expect(r.wire).toEqual(["client S 0:- 0", "server S. 0:1 0", "client . 1:1 0 dropped"]);
  });
});
