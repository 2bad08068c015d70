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

  it("network.delay and a per-sender extra delay add up, one way, and a trace is stamped at the server's interface", () => {
    // client SYN sent 0.1, reaches the server 0.11; the SYN-ACK leaves the server at once
    // and takes 0.01 + 0.1 to the client (0.22), whose ACK reaches the server at 0.23
    const r = run(OPEN, { delay: 0.01, faults: [{ from: "server", delay: 0.1 }] });
    const t = r.segments.map((s) => Math.round(s.t * 1000) / 1000);
    expect(t).toEqual([0.11, 0.11, 0.23]);
  });

  it("a delayed client's segments appear when they reach the server, after anything the server sent meanwhile", () => {
    const steps = [
      ...OPEN,
      { t: 1, host: "server", call: "send", bytes: 10 },
      { t: 1, host: "client", call: "send", bytes: 20 },
    ];
    const r = run(steps, { faults: [{ from: "client", delay: 0.1, after: 0.5 }] });
    // both sent at t = 1: the server's data passes its interface at once, the client's 0.1 s later
    const data = r.segments.filter((s) => s.len > 0).map((s) => [s.from, Math.round(s.t * 1000) / 1000]);
    expect(data).toEqual([["server", 1], ["client", 1.1]]);
    // the detailed trace keeps when the client sent it
    const clientData = r.detailed.find((s) => s.from === "client" && s.len > 0)!;
    expect(clientData.sentAt).toBeCloseTo(1, 6);
    expect(r.detailed.find((s) => s.from === "server" && s.len > 0)!.sentAt).toBeUndefined();
    // the handshake before the delay window is stamped with no shift
    expect(r.segments[0]!.t).toBeCloseTo(0.1, 6);
  });

  it("a segment a fault drops on a delayed link is stamped when it reaches the server, marked dropped", () => {
    const r = run(OPEN, { faults: [{ from: "client", delay: 0.05 }, { from: "client", drop: "syn", until: 0.5 }] });
    expect(r.wire[0]).toBe("client S 0:- 0 dropped");
    expect(r.segments[0]!.t).toBeCloseTo(0.15, 6);
  });

  it('"after": "first-syn" spares the first SYN only', () => {
    const r = run(OPEN, { faults: [{ from: "client", drop: "all", after: "first-syn" }], sim: { until: 0.5 } });
    expect(r.wire).toEqual(["client S 0:- 0", "server S. 0:1 0", "client . 1:1 0 dropped"]);
  });
});
