// A peer that vanishes: the scenario calls "crash" and "reboot", the socket
// option TCP_USER_TIMEOUT ("userTimeout" on connect/accept), and the RTT
// sample a retransmitted SYN still gives with timestamps. Each behaviour is
// also in a real capture (content/captures: peer-reboot-rst,
// keepalive-after-reboot, cable-cut-user-timeout, syn-retransmit-then-rto).
import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/tcp";
import { OPEN, gaps, run, timesOf } from "./helpers";

const scenario = (steps: unknown[]) => ({ sysctl: {}, network: { delay: 0 }, steps, faults: [] });

describe("crash and reboot in scenarios", () => {
  it("accepts crash and reboot on a host, in that order", () => {
    const parsed = parseScenario(scenario([...OPEN, { t: 1, host: "server", call: "crash" }, { t: 2, host: "server", call: "reboot" }, { t: 3, host: "server", call: "listen" }]));
    expect(parsed.ok).toBe(true);
  });

  it("refuses a call on a crashed host, a second crash, and a crashing attacker, naming the step", () => {
    const call = parseScenario(scenario([...OPEN, { t: 1, host: "server", call: "crash" }, { t: 2, host: "server", call: "send", bytes: 1 }]));
    expect(call).toEqual({ ok: false, error: "steps[4].call: server has crashed and makes no calls until it reboots" });
    const twice = parseScenario(scenario([...OPEN, { t: 1, host: "client", call: "crash" }, { t: 2, host: "client", call: "crash" }]));
    expect(twice).toEqual({ ok: false, error: "steps[4].call: client has already crashed (reboot it first)" });
    const attacker = parseScenario(scenario([{ t: 1, host: "attacker", call: "crash" }]));
    expect(attacker.ok).toBe(false);
  });

  it("checks crash order by time, not by position in the list", () => {
    const parsed = parseScenario(scenario([...OPEN, { t: 2, host: "server", call: "reboot" }, { t: 1.5, host: "server", call: "send", bytes: 1 }, { t: 1, host: "server", call: "crash" }]));
    expect(parsed).toEqual({ ok: false, error: "steps[4].call: server has crashed and makes no calls until it reboots" });
  });

  it("takes userTimeout (TCP_USER_TIMEOUT, ms) on connect and accept only", () => {
    expect(parseScenario(scenario([{ t: 0, host: "client", call: "connect", userTimeout: 5000 }])).ok).toBe(true);
    expect(parseScenario(scenario([{ t: 0, host: "server", call: "listen", userTimeout: 5000 }]))).toEqual({
      ok: false,
      error: "steps[0].userTimeout: only valid on connect or accept",
    });
    expect(parseScenario(scenario([{ t: 0, host: "client", call: "connect", userTimeout: -1 }])).ok).toBe(false);
    expect(parseScenario(scenario([{ t: 0, host: "client", call: "connect", userTimeout: 1.5 }])).ok).toBe(false);
  });
});

describe("a crashed host", () => {
  const steps = [...OPEN, { t: 1, host: "server", call: "crash" }, { t: 2, host: "client", call: "send", bytes: 100 }];

  it("sends nothing and loses everything sent to it; the survivor retransmits until tcp_retries2's budget, then ETIMEDOUT without RST", () => {
    const r = run(steps, { sysctl: { tcp_retries2: 3 } });
    const after = r.segments.filter((s) => s.t >= 1);
    expect(after.every((s) => s.from === "client" && s.dropped)).toBe(true);
    expect(after.some((s) => s.flags.includes("R"))).toBe(false);
    // first RTO retransmission at about 2.4 s; budget ((2 << 3) - 1) x 200 ms = 3.0 s (tcp_model_timeout)
    const firstRto = after[2]!.t;
    const abort = r.aborts.find((a) => a.host === "client")!;
    expect(abort.error).toBe("ETIMEDOUT");
    expect(abort.t - firstRto).toBeGreaterThanOrEqual(3.0);
    expect(r.counters.client!.host.TCPAbortOnTimeout).toBe(1);
  });

  it("keeps its sockets as they were: no state change is recorded while it is down", () => {
    const r = run([...steps, { t: 1.5, host: "client", call: "close" }]);
    expect(r.detailedStates.filter((s) => s.host === "server" && s.t > 1)).toEqual([]);
  });
});

describe("a rebooted host", () => {
  it("forgets every socket (CLOSED at the reboot, nothing on the wire) and answers the next segment with RST: ECONNRESET", () => {
    const r = run([...OPEN, { t: 1, host: "server", call: "crash" }, { t: 2, host: "client", call: "send", bytes: 100 }, { t: 4, host: "server", call: "reboot" }]);
    const atReboot = r.detailedStates.filter((s) => s.host === "server" && s.t === 4);
    expect(atReboot.map((s) => s.state)).toEqual(["CLOSED", "CLOSED"]); // the connection and the listener
    expect(r.segments.filter((s) => s.t >= 4 && s.t < 4.001)).toEqual([]);
    const rst = r.segments.find((s) => s.from === "server" && s.flags === "R")!;
    const before = r.segments[r.segments.indexOf(rst) - 1]!;
    expect(before).toMatchObject({ from: "client", flags: "P.", seq: 1, len: 100 });
    expect(before.dropped).toBeUndefined();
    // RFC 9293 §3.10.7.1: the reset takes its sequence number from the segment's ACK field
    expect(rst.seq).toBe(before.ack);
    expect(rst.t).toBeGreaterThan(4);
    expect(r.aborts).toEqual([{ t: rst.t, host: "client", conn: "client", error: "ECONNRESET" }]);
  });

  it("answers an idle connection's keepalive probe with RST", () => {
    const r = run([
      OPEN[0],
      { t: 0.1, host: "client", call: "connect", keepalive: { idle: 2, intvl: 1, cnt: 3 } },
      OPEN[2],
      { t: 1, host: "server", call: "crash" },
      { t: 2.5, host: "server", call: "reboot" },
    ]);
    expect(r.wire.slice(3)).toEqual(["client . 0:1 0 dropped", "client . 0:1 0", "server R 1:- 0"]);
    expect(r.aborts.map((a) => a.error)).toEqual(["ECONNRESET"]);
  });

  it("serves new connections once its program listens again", () => {
    const r = run([
      ...OPEN,
      { t: 1, host: "server", call: "reboot" },
      { t: 1, host: "server", call: "listen" },
      { t: 2, host: "client", call: "connect" },
    ]);
    expect(r.calls.filter((c) => c.call === "connect").map((c) => c.result)).toEqual(["ok", "ok"]);
  });
});

describe("TCP_USER_TIMEOUT", () => {
  const cut = [
    { from: "client", drop: "all", after: 1 },
    { from: "server", drop: "all", after: 1 },
  ];

  it("replaces the tcp_retries2 budget: the connection dies userTimeout after the first RTO retransmission, the last RTO clamped to end there", () => {
    const r = run([OPEN[0], { t: 0.1, host: "client", call: "connect", userTimeout: 3000 }, OPEN[2], { t: 1.5, host: "client", call: "send", bytes: 100 }], { faults: cut });
    const data = timesOf(r, (s) => s.from === "client" && s.len > 0);
    // send, tail loss probe, then RTOs of 0.2, 0.4, 0.8, 1.6 s
    expect(gaps(data)).toEqual([0.2, 0.2, 0.4, 0.8, 1.6]);
    const abort = r.aborts.find((a) => a.host === "client")!;
    expect(abort.error).toBe("ETIMEDOUT");
    expect(abort.t - data[2]!).toBeCloseTo(3.0, 2);
  });

  it("ends keepalive probing once that much time has passed since the peer was last heard, with at least one probe out", () => {
    const r = run(
      [OPEN[0], { t: 0.1, host: "client", call: "connect", keepalive: { idle: 2, intvl: 1, cnt: 9 }, userTimeout: 4000 }, OPEN[2]],
      { faults: cut },
    );
    const probes = timesOf(r, (s) => s.from === "client" && s.flags === ".");
    // last heard at 0.1 s (the handshake); probes at idle 2 s, then every 1 s; at 4.1 s, 4 s have passed
    expect(probes.slice(1)).toEqual([2.1, 3.1]);
    expect(r.aborts[0]).toMatchObject({ host: "client", error: "ETIMEDOUT" });
    expect(r.aborts[0]!.t).toBeCloseTo(4.1, 3);
  });
});

describe("keepalive give-up counters", () => {
  it("counts the probes as TCPKeepAlive and the reset as TCPAbortOnTimeout, as nstat does", () => {
    const r = run([OPEN[0], { t: 0.1, host: "client", call: "connect", keepalive: { idle: 2, intvl: 1, cnt: 3 } }, OPEN[2]], {
      faults: [{ from: "server", drop: "all", after: 1 }],
    });
    expect(r.counters.client!.host.TCPKeepAlive).toBe(3);
    expect(r.counters.client!.host.TCPAbortOnTimeout).toBe(1);
  });
});

describe("the RTO after a retransmitted SYN", () => {
  it("comes from the timestamp RTT sample (about 200 ms on a LAN), not RFC 6298's 3 s fallback", () => {
    const r = run([...OPEN, { t: 2.5, host: "client", call: "send", bytes: 100 }], {
      faults: [
        { from: "client", drop: "syn", until: 0.5 },
        { from: "server", drop: "all", after: 2 },
      ],
    });
    expect(timesOf(r, (s) => s.from === "client" && s.flags === "S")).toEqual([0.1, 1.1]);
    const data = timesOf(r, (s) => s.from === "client" && s.len > 0);
    expect(gaps(data).slice(0, 3)).toEqual([0.2, 0.2, 0.4]);
  });
});
