/**
 * Every transition of the RFC 9293 state diagram (§3.3.2, figure 5), each as
 * a scenario whose expected trace comes from the RFC text or, where Linux
 * differs, from the kernel function named in the test.
 */
import { describe, expect, it } from "vitest";
import { OPEN, run } from "./helpers";

describe("RFC 9293 §3.3.2 state diagram", () => {
  it("CLOSED -> LISTEN: passive OPEN (listen) creates a listener", () => {
    const r = run([{ t: 0, host: "server", call: "listen", backlog: 5 }]);
    expect(r.statesOf("server")).toEqual(["LISTEN"]);
    expect(r.segments).toEqual([]);
  });

  it("CLOSED -> SYN-SENT -> ESTABLISHED, LISTEN -> SYN-RECEIVED -> ESTABLISHED: the three-way handshake (§3.5 figure 6)", () => {
    const r = run(OPEN);
    expect(r.wire).toEqual(["client S 0:- 0", "server S. 0:1 0", "client . 1:1 0"]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED"]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "SYN-RECV", "ESTABLISHED"]);
    expect(r.callResult("client", "connect")).toBe("ok");
  });

  it("a SYN to a closed port is answered with RST-ACK, seq 0, ack ISN+1 (§3.10.7.1, tcp_v4_send_reset)", () => {
    const r = run([{ t: 0.1, host: "client", call: "connect" }]);
    expect(r.wire).toEqual(["client S 0:- 0", "server R. 0:1 0"]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "CLOSED"]);
    expect(r.callResult("client", "connect")).toBe("error ECONNREFUSED");
  });

  it("SYN-SENT -> SYN-RECEIVED -> ESTABLISHED: simultaneous open (§3.5 figure 8) answers a SYN with SYN-ACK", () => {
    const r = run([
      { t: 0.1, host: "client", call: "connect", port: 5000, localPort: 6000 },
      { t: 0.1, host: "server", call: "connect", to: "client", port: 6000, localPort: 5000 },
    ]);
    expect(r.wire).toEqual(["client S 0:- 0", "server S 0:- 0", "client S. 0:1 0", "server S. 0:1 0"]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "SYN-RECV", "ESTABLISHED"]);
    expect(r.statesOf("server")).toEqual(["SYN-SENT", "SYN-RECV", "ESTABLISHED"]);
    expect(r.callResult("client", "connect")).toBe("ok");
    expect(r.callResult("server", "connect")).toBe("ok");
  });

  it("SYN-RECEIVED -> FIN-WAIT-1: CLOSE after a simultaneous open sends FIN", () => {
    const r = run([
      { t: 0.1, host: "client", call: "connect", port: 5000, localPort: 6000 },
      { t: 0.1, host: "server", call: "connect", to: "client", port: 6000, localPort: 5000, },
      { t: 1, host: "client", call: "close" },
    ]);
    expect(r.statesOf("client")).toContain("FIN-WAIT-1");
    expect(r.wire).toContain("client F. 1:1 0");
  });

  it("SYN-RECEIVED -> LISTEN on RST: Linux drops the request sock, the listener stays (tcp_check_req)", () => {
    // The client gives up (abort in SYN-SENT sends nothing); the server's delayed SYN-ACK then
    // reaches a client with no socket, which answers RST (seq = the SYN-ACK's ack).
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        // a non-blocking connect(): the program may give up while the handshake is in progress
        { t: 0.1, host: "client", call: "connect", nonBlocking: true },
        { t: 0.3, host: "client", call: "abort" },
      ],
      { faults: [{ from: "server", delay: 0.5 }] },
    );
    expect(r.wire).toEqual(["client S 0:- 0", "server S. 0:1 0", "client R 1:- 0"]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "SYN-RECV", "CLOSED"]);
    expect(r.counters.server!.listener!.EmbryonicRsts).toBe(1);
  });

  it("SYN-SENT -> CLOSED: CLOSE before the handshake completes sends nothing", () => {
    const r = run([{ t: 0.1, host: "client", call: "connect", nonBlocking: true }, { t: 0.5, host: "client", call: "close" }], {
      faults: [{ from: "client", drop: "all" }],
    });
    expect(r.wire).toEqual(["client S 0:- 0 dropped"]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "CLOSED"]);
  });

  it("LISTEN -> CLOSED: closing the listener", () => {
    const r = run([{ t: 0, host: "server", call: "listen" }, { t: 1, host: "server", call: "close" }]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "CLOSED"]);
  });

  it("LISTEN -> SYN-SENT (send on a listener) does not exist in Linux: connect() needs a fresh socket", () => {
    // RFC 9293 allows SEND in LISTEN; Linux returns EISCONN/EINVAL, so a host that connects
    // while listening uses a new socket and the listener stays in LISTEN.
    const r = run([
      { t: 0, host: "server", call: "listen" },
      { t: 0.1, host: "server", call: "connect", to: "client" },
    ]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "SYN-SENT", "CLOSED"]);
  });

  it("ESTABLISHED -> FIN-WAIT-1 -> FIN-WAIT-2 -> TIME-WAIT -> CLOSED and ESTABLISHED -> CLOSE-WAIT -> LAST-ACK -> CLOSED: the four-way close (§3.6)", () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "close" }, { t: 1.5, host: "server", call: "close" }]);
    expect(r.wire.slice(3)).toEqual(["client F. 1:1 0", "server . 1:2 0", "server F. 1:2 0", "client . 2:2 0"]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED"]);
    expect(r.statesOf("server")).toEqual(["LISTEN", "SYN-RECV", "ESTABLISHED", "CLOSE-WAIT", "LAST-ACK", "CLOSED"]);
    // TIME-WAIT lasts TCP_TIMEWAIT_LEN = 60 s (include/net/tcp.h), not 2*MSL
    const tw = r.states.filter((s) => s.host === "client");
    expect(tw[5]!.t - tw[4]!.t).toBeCloseTo(60, 3);
  });

  it("the passive closer delays the ACK of a FIN by about 40 ms (tcp_fin enters pingpong mode, TCP_ATO_MIN)", () => {
    const r = run([
      ...OPEN,
      { t: 0.3, host: "client", call: "send", bytes: 100 },
      { t: 0.5, host: "server", call: "recv" },
      { t: 1, host: "client", call: "close" },
    ]);
    const fin = r.segments.find((s) => s.flags === "F.")!;
    const ack = r.segments.find((s) => s.from === "server" && s.t > fin.t)!;
    expect(ack.t - fin.t).toBeCloseTo(0.04, 3);
  });

  it("a peer that closes at once sends one FIN-ACK: a 3-segment close", () => {
    const r = run([
      ...OPEN,
      { t: 0.3, host: "client", call: "send", bytes: 100 },
      { t: 0.5, host: "server", call: "recv" },
      { t: 1, host: "client", call: "close" },
      { t: 1.001, host: "server", call: "close" },
    ]);
    expect(r.wire.slice(5)).toEqual(["client F. 101:1 0", "server F. 1:102 0", "client . 102:2 0"]);
  });

  it("simultaneous close passes through CLOSING to TIME-WAIT on both sides (§3.6 figure 13)", () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "close" }, { t: 1, host: "server", call: "close" }]);
    expect(r.wire.slice(3)).toEqual(["client F. 1:1 0", "server F. 1:1 0", "client . 2:2 0", "server . 2:2 0"]);
    for (const h of ["client", "server"]) {
      expect(r.statesOf(h)).toEqual(expect.arrayContaining(["FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED"]));
      const s = r.statesOf(h);
      expect(s.indexOf("CLOSING")).toBeLessThan(s.indexOf("TIME-WAIT"));
    }
  });

  it("FIN-WAIT-1 -> TIME-WAIT when the peer's FIN also acknowledges ours", () => {
    // the server answers the FIN with FIN-ACK at once (3-segment close): the client goes
    // FIN-WAIT-1 -> FIN-WAIT-2 -> TIME-WAIT on that one segment
    const r = run([
      ...OPEN,
      { t: 0.3, host: "client", call: "send", bytes: 10 },
      { t: 0.4, host: "server", call: "recv" },
      { t: 1, host: "client", call: "close" },
      { t: 1.001, host: "server", call: "close" },
    ]);
    const cs = r.states.filter((s) => s.host === "client");
    const fw2 = cs.find((s) => s.state === "FIN-WAIT-2")!;
    const tw = cs.find((s) => s.state === "TIME-WAIT")!;
    expect(tw.t).toBe(fw2.t);
  });

  it("half-close: after shutdown(SHUT_WR) the closer keeps receiving data in FIN-WAIT-2", () => {
    const r = run([
      ...OPEN,
      { t: 0.4, host: "client", call: "shutdown" },
      { t: 1, host: "server", call: "send", bytes: 100 },
      { t: 1.1, host: "client", call: "recv" },
      { t: 2, host: "server", call: "close" },
    ]);
    expect(r.wire.slice(3)).toEqual([
      "client F. 1:1 0",
      "server . 1:2 0",
      "server P. 1:2 100",
      "client . 2:101 0",
      "server F. 101:2 0",
      "client . 2:102 0",
    ]);
    expect(r.callResult("client", "recv")).toBe("100 bytes");
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED"]);
  });

  it("ESTABLISHED -> CLOSED on abort: SO_LINGER 0 sends RST-ACK with the current seq/ack (tcp_disconnect)", () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "abort" }]);
    expect(r.wire[3]).toBe("client R. 1:1 0");
    expect(r.statesOf("client").at(-1)).toBe("CLOSED");
    expect(r.statesOf("server").at(-1)).toBe("CLOSED");
  });

  it("close with unread received data sends RST instead of FIN (tcp_close, RFC 2525 §2.17)", () => {
    const r = run([...OPEN, { t: 0.3, host: "client", call: "send", bytes: 100 }, { t: 1, host: "server", call: "close" }]);
    expect(r.wire.slice(3)).toEqual(["client P. 1:1 100", "server . 1:101 0", "server R. 1:101 0"]);
    expect(r.statesOf("client").at(-1)).toBe("CLOSED");
  });

  it("a segment for a forgotten connection is answered with RST (seq = its ACK field)", () => {
    // the server's SYN-RECV request expires (no ACK ever arrives); later data from the client gets RST
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect" },
        { t: 80, host: "client", call: "send", bytes: 10 },
      ],
      { faults: [{ from: "client", drop: "all", after: "first-syn", until: 70 }] },
    );
    const last = r.wire.slice(-2);
    expect(last).toEqual(["client P. 1:1 10", "server R 1:- 0"]);
    expect(r.statesOf("client").at(-1)).toBe("CLOSED");
  });

  it("data arriving after close() in FIN-WAIT-2 is answered with RST (tcp_rcv_state_process, TCPAbortOnData)", () => {
    const r = run(
      [...OPEN, { t: 1, host: "client", call: "close" }, { t: 2, host: "server", call: "send", bytes: 10 }],
      { sysctl: { tcp_fin_timeout: 90 } },
    );
    expect(r.wire.slice(-2)).toEqual(["server P. 1:2 10", "client R 2:- 0"]);
  });
});
