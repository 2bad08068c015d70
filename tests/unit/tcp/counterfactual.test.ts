/**
 * The what-if switches (RunOptions.counterfactual): each one switched on
 * shows the failure the piece of design it removes exists to prevent.
 */
import { describe, expect, it } from "vitest";
import { OPEN, run } from "./helpers";

const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe("twoWayHandshake", () => {
  it("a connect is two segments: the server is ESTABLISHED when it sends SYN-ACK, the client sends no third segment", () => {
    const steps = [...OPEN, { t: 0.3, host: "client", call: "send", bytes: 100 }, { t: 0.5, host: "server", call: "recv" }];
    const r = run(steps, { delay: 0.01, sim: { counterfactual: { twoWayHandshake: true }, until: 2 } });
    expect(r.wire).toEqual(["client S 0:- 0", "server S. 0:1 0", "client P. 1:1 100", "server . 1:101 0"]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "ESTABLISHED"]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED"]);
    expect(r.callResult("server", "accept")).toBe("ok");
    expect(r.callResult("server", "recv")).toBe("100 bytes");
    expect(r.violations).toEqual([]);
  });

  // RFC 9293 §3.5 figure 8 without the new connection: an abandoned attempt's SYN arrives late
  const stale = [
    { t: 0, host: "server", call: "listen", backlog: 128 },
    // a non-blocking connect(), so the client can give up while it is in progress
    { t: 0.1, host: "client", call: "connect", localPort: 40000, nonBlocking: true },
    { t: 0.2, host: "server", call: "accept" },
    { t: 0.5, host: "client", call: "abort" },
    { t: 2.2, host: "server", call: "send", bytes: 100 },
  ];
  const held = [{ from: "client", hold: 2, match: { flags: "S", nth: 1 } }];

  it("real TCP: the stale SYN gets a SYN-ACK, the client answers RST, the request is dropped and accept() never returns", () => {
    const r = run(stale, { delay: 0.05, faults: held, sim: { isn: { client: 90, server: 300 } } });
    expect(r.detailed.map((s) => `${s.from} ${s.flags} ${s.absSeq}:${s.absAck ?? "-"}`)).toEqual(["client S 90:-", "server S. 300:91", "client R 91:-"]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "SYN-RECV", "CLOSED"]);
    expect(r.calls.find((c) => c.host === "server" && c.call === "accept")).toBeUndefined();
    // the program is still blocked in accept(): it never gets to send
    expect(r.calls.find((c) => c.host === "server" && c.call === "send")).toBeUndefined();
  });

  it("two-way: the stale SYN opens a connection nobody asked for; the server's application sends into it", () => {
    const r = run(stale, { delay: 0.05, faults: held, sim: { isn: { client: 90, server: 300 }, counterfactual: { twoWayHandshake: true } } });
    expect(r.statesOf("server")).toEqual(["LISTEN", "ESTABLISHED", "CLOSED"]);
    const accept = r.calls.find((c) => c.host === "server" && c.call === "accept")!;
    expect([accept.result, r3(accept.returned)]).toEqual(["ok", 2.15]);
    expect(r.callResult("server", "send")).toBe("ok 100");
    expect(r.detailed.map((s) => `${s.from} ${s.flags} ${s.absSeq} ${s.len}`)).toEqual([
      "client S 90 0",
      "server S. 300 0",
      "server P. 301 100",
      "client R 91 0",
      // the data carried ACK 91, so its RST takes seq 91 too (no socket: RFC 9293 §3.10.7.1)
      "client R 91 0",
    ]);
    expect(r.aborts).toEqual([{ t: 2.25, host: "server", conn: "client", error: "ECONNRESET" }]);
  });
});

describe("noTimeWait", () => {
  const close = [
    ...OPEN,
    { t: 0.3, host: "client", call: "send", bytes: 100 },
    { t: 0.5, host: "server", call: "recv" },
    { t: 1, host: "client", call: "close" },
    { t: 1.5, host: "server", call: "close" },
  ];
  const lostLastAck = [{ from: "client", drop: "ack", after: 1.4, until: 1.6 }];

  it("the active closer goes from FIN-WAIT-2 to CLOSED, not TIME-WAIT (an orphaned FIN-WAIT-2 minisocket)", () => {
    const r = run(close, { delay: 0.01, sim: { counterfactual: { noTimeWait: true } } });
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSED"]);
    expect(r3(r.states.find((s) => s.host === "client" && s.state === "CLOSED")!.t)).toBe(1.51);
    // the FIN is still ACKed
    expect(r.wire.at(-1)).toBe("client . 102:2 0");
    expect(r.violations).toEqual([]);
  });

  it("real TCP: a lost final ACK is repaired by TIME-WAIT, which ACKs the retransmitted FIN", () => {
    const r = run(close, { delay: 0.01, faults: lostLastAck, sim: { nominalTimers: false } });
    expect(r.wire.slice(-3)).toEqual(["client . 102:2 0 dropped", "server F. 1:102 0", "client . 102:2 0"]);
    expect(r.statesOf("server").at(-1)).toBe("CLOSED");
    expect(r.aborts).toEqual([]);
  });

  it("no TIME-WAIT: the retransmitted FIN finds no socket and is answered with RST; the peer's connection ends in a reset", () => {
    const r = run(close, { delay: 0.01, faults: lostLastAck, sim: { nominalTimers: false, counterfactual: { noTimeWait: true } } });
    expect(r.wire.slice(-3)).toEqual(["client . 102:2 0 dropped", "server F. 1:102 0", "client R 102:- 0"]);
    expect(r.aborts.map((a) => [a.host, a.error])).toEqual([["server", "ECONNRESET"]]);
  });

  it("a full socket in FIN-WAIT-2 (shutdown, not closed) and one in CLOSING skip TIME-WAIT too", () => {
    const halfClose = [
      ...OPEN,
      { t: 0.3, host: "client", call: "shutdown" },
      { t: 0.6, host: "server", call: "close" },
    ];
    expect(run(halfClose, { delay: 0.01 }).statesOf("client")).toContain("TIME-WAIT");
    const alt = run(halfClose, { delay: 0.01, sim: { counterfactual: { noTimeWait: true } } });
    expect(alt.statesOf("client").slice(-2)).toEqual(["FIN-WAIT-2", "CLOSED"]);
    expect(alt.wire.at(-1)).toBe("client . 2:2 0");
    // simultaneous close: both FINs cross, both ends in CLOSING, then CLOSED at once
    const both = [...OPEN, { t: 0.5, host: "client", call: "close" }, { t: 0.5, host: "server", call: "close" }];
    const sim = run(both, { delay: 0.01, sim: { counterfactual: { noTimeWait: true } } });
    for (const h of ["client", "server"]) expect(sim.statesOf(h).slice(-2)).toEqual(["CLOSING", "CLOSED"]);
    expect(sim.violations).toEqual([]);
  });

  // The same 4-tuple again at once: two ephemeral ports, so the kernel picks 40000 whenever it is free.
  const reuse = [
    ...OPEN,
    { t: 0.3, host: "client", call: "send", bytes: 100 },
    { t: 0.4, host: "client", call: "send", bytes: 100 },
    { t: 0.5, host: "server", call: "recv" },
    { t: 1, host: "client", call: "close" },
    { t: 1.2, host: "server", call: "close" },
    { t: 1.5, host: "client", call: "connect" },
    { t: 1.6, host: "server", call: "accept" },
    { t: 2, host: "server", call: "recv", nonBlocking: true },
    { t: 2.2, host: "client", call: "send", bytes: 100 },
    { t: 2.5, host: "server", call: "recv", nonBlocking: true },
  ];
  const opts = {
    delay: 0.01,
    sysctl: { ip_local_port_range: [40000, 40001] },
    faults: [{ from: "client", duplicate: 1.5, match: { flags: "P.", nth: 2 } }],
  };
  const isn = { client: [1000, 1100], server: [5000, 9000] };

  it("real TCP: TIME-WAIT holds the 4-tuple, the new connection gets another port, the stale copy is refused", () => {
    const r = run(reuse, { ...opts, sim: { isn, nominalTimers: false, until: 5 } });
    expect(r.detailed.filter((s) => s.flags === "S").map((s) => s.srcPort)).toEqual([40000, 40001]);
    const stale = r.detailed.findIndex((s) => s.sentAt === 0.4 && r3(s.t) === 1.91);
    expect(r.detailed[stale + 1]).toMatchObject({ from: "server", flags: "R", dstPort: 40000 });
    expect(r.callResult("server", "recv", 1)).toBe("error EAGAIN");
    expect(r.callResult("server", "recv", 2)).toBe("100 bytes");
  });

  it("no TIME-WAIT: the new connection reuses the 4-tuple and takes the old connection's delayed segment as its data", () => {
    const r = run(reuse, { ...opts, sim: { isn, nominalTimers: false, until: 5, counterfactual: { noTimeWait: true } } });
    expect(r.detailed.filter((s) => s.flags === "S").map((s) => s.srcPort)).toEqual([40000, 40000]);
    // the copy (seq 1101, sent at 0.4 in the first connection) is exactly what the second expects next
    const stale = r.detailed.find((s) => s.sentAt === 0.4 && r3(s.t) === 1.91)!;
    expect([stale.absSeq, stale.len]).toEqual([1101, 100]);
    expect(r.callResult("server", "recv", 1)).toBe("100 bytes");
    // the client's real 100 bytes then look like a retransmission: acknowledged, and thrown away
    expect(r.callResult("client", "send", 2)).toBe("ok 100");
    expect(r.callResult("server", "recv", 2)).toBe("error EAGAIN");
  });
});

describe("isnZero", () => {
  it("every SYN starts at sequence number 0, on both sides", () => {
    const r = run(OPEN, { sim: { counterfactual: { isnZero: true }, isn: { client: 77 } } });
    expect(r.detailed.filter((s) => s.flags.includes("S")).map((s) => s.absSeq)).toEqual([0, 0]);
  });

  // The server closes first; its TIME-WAIT hands the 4-tuple to the client's new SYN at once (TCP_TW_SYN).
  const steps = [
    ...OPEN,
    { t: 0.3, host: "client", call: "send", bytes: 100 },
    { t: 0.5, host: "server", call: "recv" },
    { t: 1, host: "server", call: "close" },
    { t: 1.2, host: "client", call: "close" },
    { t: 1.5, host: "client", call: "connect" },
    { t: 1.6, host: "server", call: "accept" },
    { t: 2, host: "server", call: "recv", nonBlocking: true },
    { t: 2.2, host: "client", call: "send", bytes: 100 },
    { t: 2.5, host: "server", call: "recv", nonBlocking: true },
  ];
  const opts = {
    delay: 0.01,
    sysctl: { ip_local_port_range: [40000, 40001] },
    faults: [{ from: "client", duplicate: 1.6, match: { flags: "P.", nth: 1 } }],
  };

  it("real TCP: the old segment's seq is far outside the new connection's window: a duplicate ACK, and it is dropped", () => {
    const r = run(steps, { ...opts, sim: { nominalTimers: false, until: 5 } });
    expect(r.detailed.filter((s) => s.flags === "S").map((s) => s.srcPort)).toEqual([40000, 40000]);
    const i = r.detailed.findIndex((s) => s.sentAt === 0.3 && r3(s.t) === 1.91);
    expect(r.detailed[i + 1]).toMatchObject({ from: "server", flags: ".", len: 0 });
    expect(r.callResult("server", "recv", 1)).toBe("error EAGAIN");
    expect(r.callResult("server", "recv", 2)).toBe("100 bytes");
  });

  it("ISN always 0: the old segment (seq 1) is exactly what the new connection expects, and is read as its data", () => {
    const r = run(steps, { ...opts, sim: { nominalTimers: false, until: 5, counterfactual: { isnZero: true } } });
    expect(r.detailed.filter((s) => s.flags.includes("S")).map((s) => s.absSeq)).toEqual([0, 0, 0, 0]);
    expect(r.callResult("server", "recv", 1)).toBe("100 bytes");
    expect(r.callResult("server", "recv", 2)).toBe("error EAGAIN");
  });
});

describe("options.isn as a list", () => {
  it("gives a host's connections their ISNs in turn, then the PRNG's, and leaves the caller's list alone", () => {
    const isn = { client: [10, 20] };
    const steps = [
      { t: 0, host: "server", call: "listen", backlog: 128 },
      { t: 0.1, host: "client", call: "connect" },
      { t: 0.2, host: "client", call: "connect" },
      { t: 0.3, host: "client", call: "connect" },
    ];
    const r = run(steps, { sim: { isn } });
    const syns = r.detailed.filter((s) => s.flags === "S").map((s) => s.absSeq);
    expect(syns.slice(0, 2)).toEqual([10, 20]);
    expect(syns[2]).not.toBe(30);
    expect(isn.client).toEqual([10, 20]);
  });
});
