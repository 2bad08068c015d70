/**
 * One socket, tested directly in each state of RFC 9293 figure 5 (smoltcp
 * style): a fixture builds the socket in the state through its own
 * transitions, against a recording context; the test feeds it one segment
 * (a template with overrides) or one app call or lets one timer fire, and
 * asserts what it emits, which state it records and which timers it arms.
 * The scenario tests (transitions, retransmission, ...) stay as the journeys.
 *
 * Numbers: our ISS is 1000, the peer's 5000; the RTT is 10 ms, so the RTO
 * after the handshake is srtt + max(4 * rttvar, 200 ms) = 210 ms.
 */
import { describe, expect, it } from "vitest";
import { Sock } from "@/lib/tcp/endpoint";
import { ACK, FIN, RST, SYN } from "@/lib/tcp/segment";
import { TcpState } from "@/lib/tcp/state";
import { MS, TCP_TIMEWAIT_LEN, US } from "@/lib/tcp/timers";
import { TimeWaitSock } from "@/lib/tcp/timewait";
import { ME, PEER, RecordingContext, seg } from "./recordingContext";

const ISS = 1000;
const PEER_ISS = 5000;
const RTT = 10 * MS;

interface Fixture {
  ctx: RecordingContext;
  sock: Sock;
}

interface Options {
  sysctl?: Record<string, unknown>;
  keepalive?: { idle?: number; intvl?: number; cnt?: number };
}

function fresh(o: Options = {}): Fixture {
  const ctx = new RecordingContext(o.sysctl);
  const sock = new Sock(ctx, ctx, ME.port, PEER.addr, PEER.port, 0);
  if (o.keepalive) {
    sock.keepalive = true;
    sock.kaIdle = o.keepalive.idle ?? -1;
    sock.kaIntvl = o.keepalive.intvl ?? -1;
    sock.kaCnt = o.keepalive.cnt ?? -1;
  }
  return { ctx, sock };
}

function done(f: Fixture, state: TcpState): Fixture {
  expect(f.sock.state).toBe(state);
  f.ctx.clear();
  return f;
}

/** connect() sent our SYN. */
function synSent(o?: Options): Fixture {
  const f = fresh(o);
  f.sock.connect(ISS, f.ctx.completion);
  return done(f, TcpState.SYN_SENT);
}

/** Simultaneous open: the peer's SYN crossed ours. */
function synReceived(o?: Options): Fixture {
  const f = synSent(o);
  f.sock.onSegment(seg({ flags: SYN, seq: PEER_ISS }));
  return done(f, TcpState.SYN_RECV);
}

/** The SYN-ACK arrived one RTT after our SYN. */
function established(o?: Options): Fixture {
  const f = synSent(o);
  f.ctx.advance(RTT);
  f.sock.onSegment(seg({ flags: SYN | ACK, seq: PEER_ISS, ack: ISS + 1 }));
  return done(f, TcpState.ESTABLISHED);
}

/** The app called close(): our FIN (seq 1001) is out. */
function finWait1(o?: Options): Fixture {
  const f = established(o);
  f.sock.close();
  return done(f, TcpState.FIN_WAIT_1);
}

/** shutdown(SHUT_WR) and the FIN was acknowledged: the app still holds the socket. */
function finWait2(o?: Options): Fixture {
  const f = established(o);
  f.sock.shutdown();
  f.sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 2 }));
  return done(f, TcpState.FIN_WAIT_2);
}

/** The peer's FIN (seq 5001) arrived. */
function closeWait(o?: Options): Fixture {
  const f = established(o);
  f.sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 1 }));
  return done(f, TcpState.CLOSE_WAIT);
}

/** Simultaneous close: the peer's FIN crossed ours and does not acknowledge it. */
function closing(o?: Options): Fixture {
  const f = finWait1(o);
  f.sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 1 }));
  return done(f, TcpState.CLOSING);
}

/** close() in CLOSE-WAIT: our FIN (seq 1001) is out. */
function lastAck(o?: Options): Fixture {
  const f = closeWait(o);
  f.sock.close();
  return done(f, TcpState.LAST_ACK);
}

/** The TIME-WAIT minisocket the host puts in place of the socket (tcp_time_wait). */
function timeWait(o: Options = {}): { ctx: RecordingContext; tw: TimeWaitSock } {
  const ctx = new RecordingContext(o.sysctl);
  const tw = new TimeWaitSock(ctx, ctx, ME.port, PEER.addr, PEER.port, 0, TcpState.TIME_WAIT, ISS + 2, PEER_ISS + 2);
  ctx.scheduleTw(tw, TCP_TIMEWAIT_LEN);
  ctx.clear();
  return { ctx, tw };
}

/** A valid RST (seq = RCV.NXT) in a synchronized state kills the socket without a reply. */
function itIsResetBy(make: () => Fixture, rcvNxt: number, error: string): void {
  it(`is closed by an RST at RCV.NXT, silently, with ${error}`, () => {
    const { ctx, sock } = make();
    expect(sock.onSegment(seg({ flags: RST, seq: rcvNxt }))).toBe(false);
    expect(ctx.out).toEqual([]);
    expect(ctx.states).toEqual([`${ctx.states[0]!.split(" ")[0]} -> CLOSED`]);
    expect(sock.state).toBe(TcpState.CLOSED);
    expect(ctx.aborts.map((a) => a.error)).toEqual([error]);
    expect(ctx.calls).toEqual(["unhash"]);
  });
  it("answers an in-window RST that is not at RCV.NXT with a challenge ACK (RFC 5961 §3.2) and stays", () => {
    const { ctx, sock } = make();
    const before = sock.state;
    sock.onSegment(seg({ flags: RST, seq: rcvNxt + 100 }));
    expect(ctx.out).toEqual([`. ${sock.sndNxt}:${rcvNxt} 0`]);
    expect(sock.state).toBe(before);
  });
}

describe("SYN-SENT", () => {
  it("sent a SYN with our ISS and armed the retransmission timer for 1 s", () => {
    const f = fresh();
    f.sock.connect(ISS, f.ctx.completion);
    expect(f.ctx.out).toEqual(["S 1000:- 0"]);
    expect(f.ctx.states).toEqual(["CLOSED -> SYN-SENT"]);
    expect(f.ctx.timers).toEqual(["rto +1000000"]);
  });

  it("goes to ESTABLISHED on a SYN-ACK acknowledging our SYN, ACKs it at once and completes connect()", () => {
    const { ctx, sock } = synSent();
    sock.onSegment(seg({ flags: SYN | ACK, seq: PEER_ISS, ack: ISS + 1 }));
    expect(ctx.states).toEqual(["SYN-SENT -> ESTABLISHED"]);
    expect(ctx.out).toEqual([". 1001:5001 0"]);
    expect(ctx.results).toEqual(["ok"]);
    expect(sock.rtoAt).toBe(-1);
  });

  it("goes to SYN-RECEIVED on a bare SYN (simultaneous open) and sends SYN-ACK with its own ISS", () => {
    const { ctx, sock } = synSent();
    sock.onSegment(seg({ flags: SYN, seq: PEER_ISS }));
    expect(ctx.states).toEqual(["SYN-SENT -> SYN-RECV"]);
    expect(ctx.out).toEqual(["S. 1000:5001 0"]);
  });

  it("is refused by an RST acknowledging its SYN: CLOSED, connect() fails with ECONNREFUSED, nothing sent", () => {
    const { ctx, sock } = synSent();
    sock.onSegment(seg({ flags: RST | ACK, seq: 0, ack: ISS + 1 }));
    expect(ctx.states).toEqual(["SYN-SENT -> CLOSED"]);
    expect(ctx.out).toEqual([]);
    expect(ctx.results).toEqual(["error ECONNREFUSED"]);
    expect(ctx.counters.AttemptFails).toBe(1);
  });

  it("ignores an RST without ACK and asks for a reset of a SYN-ACK acknowledging something else", () => {
    const { ctx, sock } = synSent();
    expect(sock.onSegment(seg({ flags: RST, seq: PEER_ISS }))).toBe(false);
    expect(sock.onSegment(seg({ flags: SYN | ACK, seq: PEER_ISS, ack: ISS + 7 }))).toBe(true);
    expect(ctx.states).toEqual([]);
    expect(sock.state).toBe(TcpState.SYN_SENT);
  });

  it("closes at once on close(), sending nothing", () => {
    const { ctx, sock } = synSent();
    expect(sock.close()).toBe("ok");
    expect(ctx.states).toEqual(["SYN-SENT -> CLOSED"]);
    expect(ctx.out).toEqual([]);
  });

  it("retransmits the SYN when the retransmission timer fires, 1 s apart for the first tcp_syn_linear_timeouts (4) tries", () => {
    const { ctx } = synSent();
    ctx.advance(4 * US);
    expect(ctx.out).toEqual(["S 1000:- 0", "S 1000:- 0", "S 1000:- 0", "S 1000:- 0"]);
    expect(ctx.timers).toEqual(["rto +1000000", "rto +1000000", "rto +1000000", "rto +1000000"]);
    ctx.advance(1 * US);
    expect(ctx.timers.at(-1)).toBe("rto +2000000"); // then exponential backoff
    expect(ctx.counters.RetransSegs).toBe(5);
  });

  it("gives up after tcp_syn_retries + tcp_syn_linear_timeouts retransmissions: CLOSED with ETIMEDOUT, no RST", () => {
    const { ctx, sock } = synSent({ sysctl: { tcp_syn_retries: 1, tcp_syn_linear_timeouts: 0 } });
    ctx.advance(1 * US); // retransmission 1
    ctx.advance(2 * US); // expired
    expect(ctx.out).toEqual(["S 1000:- 0"]);
    expect(ctx.states).toEqual(["SYN-SENT -> CLOSED"]);
    expect(ctx.results).toEqual(["error ETIMEDOUT"]);
    expect(sock.state).toBe(TcpState.CLOSED);
  });
});

describe("SYN-RECEIVED (simultaneous open; a listener's child is a request sock until the handshake completes)", () => {
  it("goes to ESTABLISHED on the peer's SYN-ACK that acknowledges our SYN, and completes connect()", () => {
    const { ctx, sock } = synReceived();
    sock.onSegment(seg({ flags: SYN | ACK, seq: PEER_ISS, ack: ISS + 1 }));
    expect(ctx.states).toEqual(["SYN-RECV -> ESTABLISHED"]);
    expect(ctx.results).toEqual(["ok"]);
    expect(ctx.calls).toEqual(["childEstablished"]);
  });

  it("goes to ESTABLISHED on a plain ACK of our SYN", () => {
    const { ctx, sock } = synReceived();
    sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 1 }));
    expect(ctx.states).toEqual(["SYN-RECV -> ESTABLISHED"]);
  });

  it("asks for a reset of an ACK that does not acknowledge our SYN", () => {
    const { ctx, sock } = synReceived();
    expect(sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 9 }))).toBe(true);
    expect(ctx.states).toEqual([]);
  });

  it("goes to FIN-WAIT-1 on close() and sends FIN", () => {
    const { ctx, sock } = synReceived();
    sock.close();
    expect(ctx.states).toEqual(["SYN-RECV -> FIN-WAIT-1"]);
    expect(ctx.out).toEqual(["F. 1001:5001 0"]);
  });

  it("is closed by any in-window RST (RFC 9293 §3.10.7.4: SYN-RECEIVED accepts it), with ECONNRESET", () => {
    const { ctx, sock } = synReceived();
    sock.onSegment(seg({ flags: RST, seq: PEER_ISS + 5 }));
    expect(ctx.states).toEqual(["SYN-RECV -> CLOSED"]);
    expect(ctx.aborts.map((a) => a.error)).toEqual(["ECONNRESET"]);
  });

  it("retransmits its SYN-ACK when the retransmission timer fires", () => {
    const { ctx } = synReceived();
    ctx.advance(1 * US);
    expect(ctx.out).toEqual(["S. 1000:5001 0"]);
  });
});

describe("ESTABLISHED", () => {
  it("goes to FIN-WAIT-1 on close() and sends FIN at once, armed with a loss probe at the RTO (210 ms)", () => {
    const { ctx, sock } = established();
    expect(sock.close()).toBe("ok");
    expect(ctx.states).toEqual(["ESTABLISHED -> FIN-WAIT-1"]);
    expect(ctx.out).toEqual(["F. 1001:5001 0"]);
    expect(ctx.timers).toEqual(["rto +210000"]);
  });

  it("goes to FIN-WAIT-1 on shutdown() too, the app keeping the socket", () => {
    const { ctx, sock } = established();
    sock.shutdown();
    expect(ctx.states).toEqual(["ESTABLISHED -> FIN-WAIT-1"]);
    expect(ctx.out).toEqual(["F. 1001:5001 0"]);
  });

  it("goes to CLOSE-WAIT on the peer's FIN and delays its ACK (tcp_fin enters pingpong mode), with no data received the timer is armed for now", () => {
    const { ctx, sock } = established();
    sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 1 }));
    expect(ctx.states).toEqual(["ESTABLISHED -> CLOSE-WAIT"]);
    expect(ctx.out).toEqual([]);
    expect(ctx.timers).toEqual(["delack +0"]);
    ctx.advance(0);
    expect(ctx.out).toEqual([". 1001:5002 0"]);
    expect(sock.recv()).toBe("0 bytes +EOF");
  });

  it("after data, ACKs the peer's FIN 40 ms later (TCP_ATO_MIN): a peer closing at once would send one FIN-ACK", () => {
    const { ctx, sock } = established();
    for (let i = 0; i < 16; i++) sock.onSegment(seg({ seq: PEER_ISS + 1 + i * 10, ack: ISS + 1, len: 10 })); // quick ACKs used up
    ctx.clear();
    sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 161, ack: ISS + 1 }));
    expect(ctx.out).toEqual([]);
    expect(ctx.timers).toEqual(["delack +40000"]);
    ctx.advance(40 * MS);
    expect(ctx.out).toEqual([". 1001:5162 0"]);
  });

  it("sends data on send() and retransmits it when the loss probe then the RTO find it unacknowledged", () => {
    const { ctx, sock } = established();
    expect(sock.send(100)).toBe("ok 100");
    expect(ctx.out).toEqual(["P. 1001:5001 100"]);
    ctx.advance(210 * MS); // tail loss probe: the last segment again
    ctx.advance(210 * MS); // RTO
    expect(ctx.out).toEqual(["P. 1001:5001 100", "P. 1001:5001 100", "P. 1001:5001 100"]);
    expect(ctx.counters.TCPLossProbes).toBe(1);
    expect(ctx.timers.at(-1)).toBe("rto +420000");
  });

  it("sends keepalive probes (seq = SND.UNA - 1) after the idle time, then RST and ETIMEDOUT when cnt go unanswered", () => {
    const { ctx, sock } = established({ keepalive: { idle: 10, intvl: 2, cnt: 2 } });
    ctx.advance(10 * US);
    expect(ctx.out).toEqual([". 1000:5001 0"]);
    ctx.advance(2 * US);
    expect(ctx.out).toEqual([". 1000:5001 0", ". 1000:5001 0"]);
    ctx.advance(2 * US);
    expect(ctx.out.at(-1)).toBe("R. 1001:5001 0");
    expect(ctx.states).toEqual(["ESTABLISHED -> CLOSED"]);
    expect(ctx.aborts.map((a) => a.error)).toEqual(["ETIMEDOUT"]);
    expect(sock.state).toBe(TcpState.CLOSED);
  });

  it("restarts the keepalive count when a probe is answered", () => {
    const { ctx, sock } = established({ keepalive: { idle: 10, intvl: 2, cnt: 2 } });
    ctx.advance(10 * US);
    sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 1 }));
    expect(sock.probesOut).toBe(0);
    ctx.advance(9 * US);
    expect(ctx.out).toEqual([". 1000:5001 0"]);
    expect(sock.state).toBe(TcpState.ESTABLISHED);
  });

  it("answers a SYN with a challenge ACK (RFC 5961 §4.2) and stays", () => {
    const { ctx, sock } = established();
    sock.onSegment(seg({ flags: SYN, seq: PEER_ISS + 77 }));
    expect(ctx.out).toEqual([". 1001:5001 0"]);
    expect(ctx.counters.TCPChallengeACK).toBe(1);
    expect(sock.state).toBe(TcpState.ESTABLISHED);
  });

  itIsResetBy(established, PEER_ISS + 1, "ECONNRESET");
});

describe("FIN-WAIT-1", () => {
  it("goes to FIN-WAIT-2 on the ACK of its FIN, the socket kept while the app holds it (after shutdown)", () => {
    const f = established();
    f.sock.shutdown();
    f.ctx.clear();
    f.sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 2 }));
    expect(f.ctx.states).toEqual(["FIN-WAIT-1 -> FIN-WAIT-2"]);
    expect(f.ctx.out).toEqual([]);
    expect(f.ctx.calls).toEqual([]);
    expect(f.sock.rtoAt).toBe(-1);
  });

  it("after close(), goes to FIN-WAIT-2 and hands over to a FIN-WAIT-2 minisocket for tcp_fin_timeout (60 s)", () => {
    const { ctx, sock } = finWait1();
    sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 2 }));
    expect(ctx.states).toEqual(["FIN-WAIT-1 -> FIN-WAIT-2"]);
    expect(ctx.calls).toEqual(["timeWait FIN-WAIT-2 60000000"]);
    expect(sock.detached).toBe(true);
  });

  it("goes to CLOSING on the peer's FIN that does not acknowledge ours, ACKing it at once", () => {
    const { ctx, sock } = finWait1();
    sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 1 }));
    expect(ctx.states).toEqual(["FIN-WAIT-1 -> CLOSING"]);
    expect(ctx.out).toEqual([". 1002:5002 0"]);
  });

  it("goes to TIME-WAIT on a FIN that acknowledges ours (FIN-WAIT-2 passed through), ACKing it", () => {
    const { ctx, sock } = finWait1();
    sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 2 }));
    expect(ctx.states).toEqual(["FIN-WAIT-1 -> FIN-WAIT-2", "FIN-WAIT-2 -> TIME-WAIT"]);
    expect(ctx.out).toEqual([". 1002:5002 0"]);
    expect(ctx.calls).toEqual(["timeWait TIME-WAIT 0"]);
  });

  it("retransmits its FIN when nothing acknowledges it: a loss probe at 210 ms, then the RTO", () => {
    const { ctx } = finWait1();
    ctx.advance(210 * MS);
    ctx.advance(210 * MS);
    expect(ctx.out).toEqual(["F. 1001:5001 0", "F. 1001:5001 0"]);
  });

  it("answers new data after close() with RST (RFC 1122 via tcp_rcv_state_process) and closes", () => {
    const { ctx, sock } = finWait1();
    expect(sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 1, len: 10 }))).toBe(true);
    expect(ctx.states).toEqual(["FIN-WAIT-1 -> CLOSED"]);
    expect(ctx.counters.TCPAbortOnData).toBe(1);
  });

  itIsResetBy(finWait1, PEER_ISS + 1, "ECONNRESET");
});

describe("FIN-WAIT-2", () => {
  it("goes to TIME-WAIT on the peer's FIN, ACKing it at once", () => {
    const { ctx, sock } = finWait2();
    sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 2 }));
    expect(ctx.out).toEqual([". 1002:5002 0"]);
    expect(ctx.states).toEqual(["FIN-WAIT-2 -> TIME-WAIT"]);
    expect(ctx.calls).toEqual(["timeWait TIME-WAIT 0"]);
  });

  it("still receives data (half-close) while the app holds the socket", () => {
    const { ctx, sock } = finWait2();
    sock.onSegment(seg({ seq: PEER_ISS + 1, ack: ISS + 2, len: 10 }));
    expect(sock.recv()).toBe("10 bytes");
    expect(ctx.states).toEqual([]);
  });

  // tcp_close() arms the keepalive timer for tcp_fin_time() - TCP_TIMEWAIT_LEN; when it fires,
  // tcp_keepalive_timer() calls tcp_time_wait() with that same difference, not the 60 s
  it("orphaned with tcp_fin_timeout 90 s: arms the FIN-WAIT-2 timer for 30 s, then hands over to a minisocket for 30 s more (as tcp_keepalive_timer does)", () => {
    const { ctx, sock } = finWait2({ sysctl: { tcp_fin_timeout: 90 } });
    sock.close();
    expect(ctx.timers).toEqual(["keepalive +30000000"]);
    expect(ctx.calls).toEqual([]);
    ctx.advance(30 * US);
    expect(ctx.calls).toEqual(["timeWait FIN-WAIT-2 30000000"]);
    expect(ctx.out).toEqual([]);
  });

  it("orphaned with the default tcp_fin_timeout (60 s): handed over at once", () => {
    const { ctx, sock } = finWait2();
    sock.close();
    expect(ctx.calls).toEqual(["timeWait FIN-WAIT-2 60000000"]);
  });

  itIsResetBy(finWait2, PEER_ISS + 1, "ECONNRESET");
});

describe("CLOSE-WAIT", () => {
  it("goes to LAST-ACK on close() and sends FIN (carrying the pending ACK of the peer's FIN)", () => {
    const { ctx, sock } = closeWait();
    sock.close();
    expect(ctx.states).toEqual(["CLOSE-WAIT -> LAST-ACK"]);
    expect(ctx.out).toEqual(["F. 1001:5002 0"]);
    expect(sock.delackAt).toBe(-1);
  });

  it("can still send data", () => {
    const { ctx, sock } = closeWait();
    expect(sock.send(10)).toBe("ok 10");
    expect(ctx.out).toEqual(["P. 1001:5002 10"]);
  });

  it("ACKs a retransmitted FIN at once", () => {
    const { ctx, sock } = closeWait();
    ctx.advance(0); // the delayed ACK of the first FIN
    ctx.clear();
    sock.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 1 }));
    expect(ctx.out).toEqual([". 1001:5002 0"]);
  });

  itIsResetBy(closeWait, PEER_ISS + 2, "EPIPE");
});

describe("CLOSING", () => {
  it("goes to TIME-WAIT on the ACK of its FIN, sending nothing", () => {
    const { ctx, sock } = closing();
    sock.onSegment(seg({ seq: PEER_ISS + 2, ack: ISS + 2 }));
    expect(ctx.states).toEqual(["CLOSING -> TIME-WAIT"]);
    expect(ctx.out).toEqual([]);
    expect(ctx.calls).toEqual(["timeWait TIME-WAIT 0"]);
  });

  it("retransmits its FIN when the retransmission timer fires", () => {
    const { ctx } = closing();
    ctx.advance(1 * US);
    expect(ctx.out[0]).toBe("F. 1001:5002 0");
  });

  itIsResetBy(closing, PEER_ISS + 2, "ECONNRESET");
});

describe("LAST-ACK", () => {
  it("goes to CLOSED on the ACK of its FIN, remembering the peer and leaving the hash", () => {
    const { ctx, sock } = lastAck();
    sock.onSegment(seg({ seq: PEER_ISS + 2, ack: ISS + 2 }));
    expect(ctx.states).toEqual(["LAST-ACK -> CLOSED"]);
    expect(ctx.out).toEqual([]);
    expect(ctx.calls).toEqual(["unhash"]);
    expect(ctx.provenPeers.has(PEER.addr)).toBe(true);
    expect(ctx.aborts).toEqual([]);
  });

  it("retransmits its FIN when the retransmission timer fires", () => {
    const { ctx } = lastAck();
    ctx.advance(1 * US);
    expect(ctx.out[0]).toBe("F. 1001:5002 0");
  });

  itIsResetBy(lastAck, PEER_ISS + 2, "ECONNRESET");
});

describe("TIME-WAIT (the minisocket)", () => {
  it("goes to CLOSED when its 60 s timer fires", () => {
    const { ctx, tw } = timeWait();
    ctx.advance(TCP_TIMEWAIT_LEN - 1);
    expect(ctx.states).toEqual([]);
    ctx.advance(1);
    expect(ctx.states).toEqual(["TIME-WAIT -> CLOSED"]);
    expect(tw.alive).toBe(false);
  });

  it("ACKs a retransmitted FIN and restarts its timer", () => {
    const { ctx, tw } = timeWait();
    ctx.advance(30 * US);
    expect(tw.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 2 }))).toEqual({ action: "ack" });
    expect(ctx.calls).toEqual(["scheduleTw 60000000"]);
    ctx.advance(59 * US);
    expect(ctx.states).toEqual([]);
    ctx.advance(1 * US);
    expect(ctx.states).toEqual(["TIME-WAIT -> CLOSED"]);
  });

  it("is killed by an RST at RCV.NXT (TIME-WAIT assassination, tcp_rfc1337=0)", () => {
    const { ctx, tw } = timeWait();
    expect(tw.onSegment(seg({ flags: RST, seq: PEER_ISS + 2 }))).toEqual({ action: "none" });
    expect(ctx.states).toEqual(["TIME-WAIT -> CLOSED"]);
  });

  it("ignores that RST with tcp_rfc1337=1", () => {
    const { ctx, tw } = timeWait({ sysctl: { tcp_rfc1337: 1 } });
    tw.onSegment(seg({ flags: RST, seq: PEER_ISS + 2 }));
    expect(ctx.states).toEqual([]);
    expect(tw.alive).toBe(true);
  });

  it("hands a new SYN to the listener with an ISN above the old connection's", () => {
    const { tw } = timeWait();
    expect(tw.onSegment(seg({ flags: SYN, seq: PEER_ISS + 100 }))).toEqual({ action: "syn", isn: ISS + 2 + 65537 });
  });

  it("as an orphaned FIN-WAIT-2 minisocket, goes to TIME-WAIT on the peer's FIN and ACKs it", () => {
    const ctx = new RecordingContext();
    const tw = new TimeWaitSock(ctx, ctx, ME.port, PEER.addr, PEER.port, 0, TcpState.FIN_WAIT_2, ISS + 2, PEER_ISS + 1);
    expect(tw.onSegment(seg({ flags: FIN | ACK, seq: PEER_ISS + 1, ack: ISS + 2 }))).toEqual({ action: "ack" });
    expect(ctx.states).toEqual(["FIN-WAIT-2 -> TIME-WAIT"]);
    expect(ctx.calls).toEqual(["scheduleTw 60000000"]);
  });
});
