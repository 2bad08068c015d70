// send() before the handshake completes (RFC 9293 §3.10.2, SEND in SYN-SENT).
//
// Linux blocks the send in sk_stream_wait_connect() until the connection is
// established, and the program's later calls wait behind it. With a writer
// waiting (sk_write_pending), tcp_rcv_synsent_state_process() saves the pure
// ACK of the SYN-ACK: the queued data carries it. The capture
// send-before-handshake-queued shows the real kernel doing this. The program
// there made its connect() non-blocking (O_NONBLOCK), so it could call send()
// while the handshake was in progress; with a blocking connect() the send would
// wait for connect() to return (tests/unit/tcp/blockingCalls.test.ts).
import { describe, expect, it } from "vitest";
import { run } from "./helpers";

const LOST_SYN = [
  { t: 0, host: "server", call: "listen", backlog: 128 },
  { t: 0.1, host: "client", call: "connect", nonBlocking: true },
  { t: 0.2, host: "client", call: "send", bytes: 100 },
  { t: 0.3, host: "server", call: "accept" },
];

describe("send() while connect() is still in SYN-SENT", () => {
  it("queues the data, which goes out right after the handshake completes and carries the ACK of the SYN-ACK", () => {
    const r = run(LOST_SYN, { faults: [{ from: "client", drop: "syn", until: 0.15 }], sim: { until: 3 } });
    expect(r.wire.slice(0, 5)).toEqual(["client S 0:- 0 dropped", "client S 0:- 0", "server S. 0:1 0", "client P. 1:1 100", "server . 1:101 0"]);
    const data = r.segments.find((s) => s.flags === "P.")!;
    expect(data.t).toBeCloseTo(1.1, 3);
    expect(r.callResult("client", "send")).toBe("ok 100");
    expect(r.calls.find((c) => c.call === "send")!.returned).toBeCloseTo(1.1, 3);
  });

  it("holds back the program's later calls until the send returns", () => {
    const r = run([...LOST_SYN, { t: 0.5, host: "client", call: "close" }], {
      faults: [{ from: "client", drop: "syn", until: 0.15 }],
      sim: { until: 3 },
    });
    // the close waited for the send: data first, then the FIN, nothing is lost. The program
    // wakes after the kernel work that woke it: on a veth the server has taken (and, in
    // quick-ack mode, acknowledged) the data inside the send, before the program calls close()
    expect(r.wire.slice(3, 6)).toEqual(["client P. 1:1 100", "server . 1:101 0", "client F. 101:1 0"]);
    expect(r.segments.find((s) => s.from === "client" && s.flags.includes("F"))!.seq).toBe(101);
    expect(r.calls.find((c) => c.call === "close")!.returned).toBeCloseTo(1.1, 3);
  });

  it("fails with the connection's error when the handshake fails", () => {
    const r = run([
      { t: 0.1, host: "client", call: "connect" },
      { t: 0.1, host: "client", call: "send", bytes: 100 },
    ]);
    expect(r.callResult("client", "connect")).toBe("error ECONNREFUSED");
    expect(r.callResult("client", "send")).toBe("error ECONNREFUSED");
    expect(r.segments.some((s) => s.len > 0)).toBe(false);
  });
});
