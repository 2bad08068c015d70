// A host's program makes its calls one after another, on plain (blocking)
// sockets: connect() sleeps until the handshake completes or fails
// (__inet_stream_connect() / inet_wait_for_connect(), net/ipv4/af_inet.c;
// man 2 connect), accept() until a connection is queued (inet_csk_accept() /
// inet_csk_wait_for_connect(), net/ipv4/inet_connection_sock.c), recv() until
// there is data, the peer's FIN (0) or an error (tcp_recvmsg_locked() /
// sk_wait_data(), net/ipv4/tcp.c). Each call is recorded when it is made and
// its result when it returns; the program's later calls wait for it.
import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "@/lib/tcp";
import { OPEN, run } from "./helpers";

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function made(steps: unknown[], faults: unknown[] = [], options: Record<string, unknown> = {}) {
  const parsed = parseScenario({ sysctl: {}, network: { delay: 0 }, steps, faults });
  if (!parsed.ok) throw new Error(parsed.error);
  const r = runScenario(parsed.scenario, { nominalTimers: true, ...options });
  const out = { callsMade: r.callsMade, calls: r.calls, timeline: r.timeline, segments: r.segments };
  r.release();
  return out;
}

describe("connect() blocks until the handshake completes", () => {
  const steps = [...OPEN, { t: 0.3, host: "client", call: "send", bytes: 100 }, { t: 0.5, host: "server", call: "recv" }];
  const lostSyn = [{ from: "client", drop: "syn", until: 0.15 }];

  it("is pending while its SYN is lost, and the program's send waits for it instead of failing with EAGAIN", () => {
    const r = run(steps, { faults: lostSyn });
    const connect = r.calls.find((c) => c.call === "connect")!;
    expect([connect.result, connect.t, r3(connect.returned)]).toEqual(["ok", 0.1, 1.1]);
    const send = r.calls.find((c) => c.call === "send")!;
    // made when connect() returned, not at its step's 0.3 s
    expect([send.result, r3(send.t)]).toEqual(["ok 100", 1.1]);
    expect(r.calls.map((c) => c.result)).not.toContain("error EAGAIN");
    // the handshake's ACK first, then the data the program sent once connect() returned
    expect(r.wire.slice(0, 5)).toEqual(["client S 0:- 0 dropped", "client S 0:- 0", "server S. 0:1 0", "client . 1:1 0", "client P. 1:1 100"]);
  });

  it("records the call when it is made and its result when it returns, with what happened meanwhile between", () => {
    const m = made(steps, lostSyn);
    const k = m.callsMade.findIndex((c) => c.call === "connect");
    expect(m.callsMade[k]).toMatchObject({ host: "client", t: 0.1, blocked: true });
    const madeAt = m.timeline.findIndex((e) => e.kind === "made" && e.index === k);
    const returnedAt = m.timeline.findIndex((e) => e.kind === "call" && e.index === m.callsMade[k]!.result);
    expect(madeAt).toBeGreaterThanOrEqual(0);
    const between = m.timeline.slice(madeAt + 1, returnedAt);
    // the lost SYN, its retransmission, the SYN-ACK and the client's ACK went by while connect()
    // was pending (tcp_rcv_synsent_state_process() sends the ACK before waking the program),
    // and the client made no other call meanwhile
    expect(between.filter((e) => e.kind === "segment")).toHaveLength(4);
    const clientCalls = between.filter((e) => e.kind === "made" && m.callsMade[e.index]!.host === "client");
    expect(clientCalls).toEqual([]);
  });

  it("fails with ETIMEDOUT after tcp_syn_retries, and only then does the program go on", () => {
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.5, host: "client", call: "send", bytes: 10 },
      ],
      { faults: [{ from: "client", drop: "syn" }], sysctl: { tcp_syn_retries: 2 } },
    );
    const connect = r.calls.find((c) => c.call === "connect")!;
    expect([connect.result, r3(connect.returned)]).toEqual(["error ETIMEDOUT", 7.1]);
    const send = r.calls.find((c) => c.call === "send")!;
    expect(r3(send.t)).toBe(7.1);
    expect(send.result).toMatch(/^error (ETIMEDOUT|EPIPE)$/);
  });

  it("fails with ECONNREFUSED on the RST of a closed port, in the same instant on a veth", () => {
    const m = made([{ t: 0.1, host: "client", call: "connect" }]);
    expect(m.calls[0]).toMatchObject({ result: "error ECONNREFUSED", t: 0.1, returned: 0.1 });
  });

  it("does not hold the program back on a non-blocking socket (nonBlocking on the step)", () => {
    const r = run([{ t: 0.1, host: "client", call: "connect", nonBlocking: true }, { t: 0.5, host: "client", call: "close" }], {
      faults: [{ from: "client", drop: "all" }],
    });
    expect(r.calls.find((c) => c.call === "close")!.t).toBe(0.5);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "CLOSED"]);
  });
});

describe("accept() blocks until a connection is queued", () => {
  it("waits while the SYN-ACK is lost; the program's recv waits behind it instead of failing with ENOTCONN", () => {
    const r = run([...OPEN, { t: 0.3, host: "client", call: "send", bytes: 100 }, { t: 0.5, host: "server", call: "recv" }], {
      faults: [{ from: "server", drop: "syn", until: 0.15 }],
    });
    const accept = r.calls.find((c) => c.call === "accept")!;
    expect([accept.result, accept.t, r3(accept.returned)]).toEqual(["ok", 0.2, 1.1]);
    const recv = r.calls.find((c) => c.call === "recv")!;
    expect(r3(recv.t)).toBe(1.1);
    expect(recv.result).toBe("100 bytes");
    expect(r.calls.map((c) => c.result)).not.toContain("error ENOTCONN");
  });

  it("never returns when no connection comes, and the program's later calls are never made", () => {
    const m = made([
      { t: 0, host: "server", call: "listen" },
      { t: 0.2, host: "server", call: "accept" },
      { t: 0.5, host: "server", call: "send", bytes: 10 },
    ]);
    expect(m.callsMade.map((c) => [c.call, c.t, c.result === null, c.blocked])).toEqual([
      ["listen", 0, false, false],
      ["accept", 0.2, true, true],
      ["send", null, true, false],
    ]);
  });
});

describe("recv() blocks until data, EOF or an error", () => {
  it("returns the data when it arrives", () => {
    const r = run([...OPEN, { t: 0.3, host: "server", call: "recv" }, { t: 0.5, host: "client", call: "send", bytes: 100 }]);
    const recv = r.calls.find((c) => c.call === "recv")!;
    expect([recv.result, recv.t, recv.returned]).toEqual(["100 bytes", 0.3, 0.5]);
  });

  it("returns 0 (EOF) when the peer's FIN arrives, and the program's close comes after it", () => {
    const r = run([
      ...OPEN,
      { t: 0.3, host: "server", call: "recv" },
      { t: 0.4, host: "server", call: "close" },
      { t: 1, host: "client", call: "close" },
    ]);
    const recv = r.calls.find((c) => c.host === "server" && c.call === "recv")!;
    expect([recv.result, recv.returned]).toEqual(["0 bytes +EOF", 1]);
    const close = r.calls.find((c) => c.host === "server" && c.call === "close")!;
    expect(close.t).toBe(1);
    // the server was in CLOSE-WAIT, not ESTABLISHED, when it closed: a passive close (LAST-ACK)
    expect(r.statesOf("server")).toContain("LAST-ACK");
    expect(r.statesOf("server")).not.toContain("FIN-WAIT-1");
  });

  it("returns the error when the peer resets the connection", () => {
    const r = run([...OPEN, { t: 0.3, host: "server", call: "recv" }, { t: 1, host: "client", call: "abort" }]);
    const recv = r.calls.find((c) => c.call === "recv")!;
    expect([recv.result, recv.returned]).toEqual(["error ECONNRESET", 1]);
  });

  it("with MSG_DONTWAIT (nonBlocking) returns at once: EAGAIN when nothing has arrived", () => {
    const r = run([...OPEN, { t: 0.3, host: "server", call: "recv", nonBlocking: true }]);
    expect(r.callResult("server", "recv")).toBe("error EAGAIN");
  });
});

describe("O_NONBLOCK sockets for every call (options.nonBlocking, as the capture harness ran)", () => {
  it("holds nothing back: the recv made while accept() waits fails at once", () => {
    const r = run([...OPEN, { t: 0.5, host: "server", call: "recv" }], {
      faults: [{ from: "server", drop: "syn", until: 0.15 }],
      sim: { nonBlocking: true },
    });
    expect(r.calls.find((c) => c.call === "recv")).toMatchObject({ t: 0.5, result: "error ENOTCONN" });
    expect(r3(r.calls.find((c) => c.call === "accept")!.returned)).toBe(1.1);
  });
});

describe("crash and reboot are not calls of the program", () => {
  it("a crash ends the call the program was blocked in: it never returns, and the old program's held calls are never made", () => {
    const m = made([
      ...OPEN,
      { t: 0.3, host: "server", call: "recv" },
      { t: 0.4, host: "server", call: "close" },
      { t: 1, host: "server", call: "crash" },
      { t: 2, host: "server", call: "reboot" },
      { t: 3, host: "server", call: "listen" },
    ]);
    const byCall = (name: string) => m.callsMade.find((c) => c.call === name)!;
    expect(byCall("recv")).toMatchObject({ t: 0.3, result: null, blocked: true });
    expect(byCall("close").t).toBeNull();
    expect(byCall("crash").t).toBe(1);
    expect(m.callsMade.filter((c) => c.call === "listen").map((c) => c.t)).toEqual([0, 3]);
  });
});

describe("relative sequence numbers of an RST", () => {
  it("an RST+ACK answering a SYN (no ACK) shows seq 0, even after the same port sent a SYN-ACK on that 4-tuple", () => {
    // the listener closes while the client's first SYN-ACK is lost; the client's SYN
    // retransmission then meets a closed port: <SEQ=0><ACK=SEG.SEQ+1><CTL=RST,ACK> (RFC 9293 §3.10.7.1)
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.3, host: "server", call: "close" },
      ],
      { faults: [{ from: "server", drop: "syn" }], sim: { isn: { server: 5000 } } },
    );
    const rst = r.detailed.find((s) => s.flags === "R.")!;
    expect([rst.from, rst.absSeq, rst.seq, rst.ack]).toEqual(["server", 0, 0, 1]);
    expect(r.callResult("client", "connect")).toBe("error ECONNREFUSED");
  });

  it("an RST a socket sends keeps its relative seq when its raw seq wraps to 0", () => {
    // client ISN 0xffffffff: after the SYN, snd_nxt is raw 0, relative 1
    const r = run([...OPEN, { t: 1, host: "client", call: "abort" }], { sim: { isn: { client: 0xffffffff } } });
    const rst = r.detailed.find((s) => s.from === "client" && s.flags.startsWith("R"))!;
    expect([rst.absSeq, rst.seq]).toEqual([0, 1]);
  });
});
