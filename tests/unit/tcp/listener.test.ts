/**
 * Listener queues like Linux: the SYN queue and the accept queue, both bounded
 * by min(backlog, somaxconn); syncookies; tcp_abort_on_overflow; pruning of
 * old requests under a flood (net/ipv4/tcp_input.c tcp_conn_request,
 * net/ipv4/tcp_minisocks.c tcp_check_req, net/ipv4/inet_connection_sock.c
 * reqsk_timer_handler, net/ipv4/syncookies.c).
 */
import { describe, expect, it } from "vitest";
import { cookieCheck, cookieInitSequence } from "@/lib/tcp";
import { run, timesOf } from "./helpers";

const flood = (count: number, duration = 0.1, t = 0.5) => ({ t, host: "attacker", call: "syn-flood", count, duration, spoofed: true });
const synRecv = (r: ReturnType<typeof run>) => r.states.filter((s) => s.host === "server" && s.state === "SYN-RECV").length;

describe("the SYN queue", () => {
  it("holds backlog + 1 requests (inet_csk_reqsk_queue_is_full uses '>'); with syncookies=1 the rest get cookie SYN-ACKs", () => {
    const r = run([{ t: 0, host: "server", call: "listen", backlog: 8 }, flood(50)], { sim: { until: 2 } });
    expect(synRecv(r)).toBe(9);
    const l = r.counters.server!.listener!;
    expect(l.SyncookiesSent).toBe(41);
    expect(r.segments.filter((s) => s.from === "server" && s.flags === "S." && s.t < 0.7)).toHaveLength(50);
  });

  it("with syncookies=0 a SYN that finds the queue full is dropped (TCPReqQFullDrop)", () => {
    const r = run([{ t: 0, host: "server", call: "listen", backlog: 8 }, flood(50)], { sysctl: { tcp_syncookies: 0 }, sim: { until: 0.7 } });
    expect(synRecv(r)).toBe(9);
    expect(r.counters.server!.listener!.TCPReqQFullDrop).toBe(41);
    expect(r.segments.filter((s) => s.from === "server")).toHaveLength(9);
  });

  it("with syncookies=0, tcp_max_syn_backlog keeps its last quarter for proven peers", () => {
    const r = run([{ t: 0, host: "server", call: "listen", backlog: 128 }, flood(50)], {
      sysctl: { tcp_syncookies: 0, tcp_max_syn_backlog: 16 },
      sim: { until: 0.7 },
    });
    // accepted while max_syn_backlog - qlen >= max_syn_backlog / 4: qlen 0..12
    expect(synRecv(r)).toBe(13);
  });

  it("with syncookies=2 every SYN gets a cookie and no request is queued", () => {
    const r = run([{ t: 0, host: "server", call: "listen", backlog: 8 }, flood(20)], { sysctl: { tcp_syncookies: 2 }, sim: { until: 2 } });
    expect(synRecv(r)).toBe(0);
    expect(r.counters.server!.listener!.SyncookiesSent).toBe(20);
  });

  it("a legitimate client completes through a cookie during a flood, with no SYN-RECV entry (cookie_v4_check)", () => {
    const r = run(
      [
        { t: 0, host: "server", call: "listen", backlog: 8 },
        flood(100, 1),
        { t: 1, host: "client1", call: "connect" },
        { t: 1.1, host: "server", call: "accept" },
        { t: 1.2, host: "client1", call: "send", bytes: 100 },
        { t: 1.3, host: "server", call: "recv" },
      ],
      { sim: { until: 3 } },
    );
    expect(r.callResult("client1", "connect")).toBe("ok");
    expect(r.callResult("server", "recv")).toBe("100 bytes");
    expect(r.statesOf("server", "client1")).toEqual(["ESTABLISHED"]);
    expect(r.counters.server!.listener!.SyncookiesRecv).toBe(1);
    const wire = r.segments.filter((s) => s.conn === "client1").map((s) => `${s.from} ${s.flags} ${s.seq}:${s.ack}`);
    expect(wire.slice(0, 3)).toEqual(["client1 S 0:null", "server S. 0:1", "client1 . 1:1"]);
  });

  it("old requests are pruned under a flood: retries drop towards 2 when the queue is half full of old entries", () => {
    const one = run([{ t: 0, host: "server", call: "listen", backlog: 16 }, flood(1)], { sim: { until: 100 } });
    const many = run([{ t: 0, host: "server", call: "listen", backlog: 16 }, flood(100, 0.01)], { sim: { until: 100 } });
    const life = (r: ReturnType<typeof run>, conn: string) => {
      const s = r.states.filter((x) => x.conn === conn);
      return s.at(-1)!.t - s[0]!.t;
    };
    expect(life(one, "flood-1")).toBeCloseTo(63, 3); // tcp_synack_retries = 5: 1+2+4+8+16+32
    expect(life(many, "flood-1")).toBeCloseTo(7, 3); // thresh reduced to 2: 1+2+4
  });
});

describe("the accept queue", () => {
  const steps = (n: number, extra: unknown[] = []) => [
    { t: 0, host: "server", call: "listen", backlog: 1 },
    ...Array.from({ length: n }, (_, i) => ({ t: 0.1, host: `client${i + 1}`, call: "connect" })),
    ...extra,
  ];
  // backlog 2: one child waits, then three handshakes run at once: all three SYNs find room in
  // the SYN queue (qlen 0, 1, 2 are not > 2), but only two children fit (sk_acceptq_is_full uses '>')
  const overflow = [
    { t: 0, host: "server", call: "listen", backlog: 2 },
    { t: 0.1, host: "client1", call: "connect" },
    { t: 0.2, host: "client2", call: "connect" },
    { t: 0.2, host: "client3", call: "connect" },
    { t: 0.2, host: "client4", call: "connect" },
  ];

  it("holds backlog + 1 children; a final ACK beyond that is dropped and the SYN-ACK retried (tcp_check_req listen_overflow)", () => {
    const r = run(overflow, { sim: { until: 2 } });
    expect(r.statesOf("server").filter((s) => s === "ESTABLISHED")).toHaveLength(3);
    // the first ACK and the re-ACK after the retransmitted SYN-ACK both overflow
    expect(r.counters.server!.listener!.ListenOverflows).toBe(2);
    // client4 thinks it is connected; the server retransmits its SYN-ACK after 1 s and client4 re-ACKs
    expect(r.callResult("client4", "connect")).toBe("ok");
    expect(timesOf(r, (s) => s.conn === "client4" && s.from === "server" && s.flags === "S.")).toEqual([0.2, 1.2]);
    expect(r.segments.filter((s) => s.conn === "client4").map((s) => `${s.from} ${s.flags}`)).toEqual([
      "client4 S",
      "server S.",
      "client4 .",
      "server S.",
      "client4 .",
    ]);
  });

  it("tcp_abort_on_overflow=1 answers that final ACK with RST", () => {
    const r = run(overflow, { sysctl: { tcp_abort_on_overflow: 1 }, sim: { until: 2 } });
    const c4 = r.segments.filter((s) => s.conn === "client4").map((s) => `${s.from} ${s.flags}`);
    expect(c4).toEqual(["client4 S", "server S.", "client4 .", "server R"]);
    expect(r.statesOf("client4").at(-1)).toBe("CLOSED");
  });

  it("with backlog 1 the third simultaneous SYN already finds the SYN queue full and gets a cookie; its ACK then overflows silently", () => {
    const r = run(steps(3), { sim: { until: 2 } });
    const l = r.counters.server!.listener!;
    expect([l.SyncookiesSent, l.SyncookiesRecv, l.ListenOverflows]).toEqual([1, 1, 1]);
    expect(r.segments.filter((s) => s.conn === "client3")).toHaveLength(3);
  });

  it("a SYN that finds the accept queue full is dropped (tcp_conn_request ListenOverflows) and the client retransmits", () => {
    const r = run([...steps(2), { t: 0.5, host: "client3", call: "connect" }, { t: 1.2, host: "server", call: "accept" }], { sim: { until: 3 } });
    expect(timesOf(r, (s) => s.conn === "client3" && s.flags === "S")).toEqual([0.5, 1.5]);
    expect(r.callResult("client3", "connect")).toBe("ok");
  });

  it("accept() blocks until a connection is established", () => {
    const r = run([
      { t: 0, host: "server", call: "listen" },
      { t: 0.1, host: "server", call: "accept" },
      { t: 0.5, host: "client", call: "connect" },
    ]);
    const a = r.calls.find((c) => c.call === "accept")!;
    expect(a.result).toBe("ok");
    expect(a.returned).toBe(0.5);
  });
});

describe("syncookie arithmetic (net/ipv4/syncookies.c)", () => {
  const args = [42, 1, 1000, 2, 80] as const;
  it("accepts its own cookie for up to two minutes, then rejects it (MAX_SYNCOOKIE_AGE)", () => {
    const isn = 0xfffffff0;
    const c = cookieInitSequence(args[0], 5e6, args[1], args[2], args[3], args[4], isn);
    expect(cookieCheck(args[0], 5e6, args[1], args[2], args[3], args[4], isn, c)).toBe(true);
    expect(cookieCheck(args[0], 100e6, args[1], args[2], args[3], args[4], isn, c)).toBe(true);
    expect(cookieCheck(args[0], 200e6, args[1], args[2], args[3], args[4], isn, c)).toBe(false);
  });
  it("rejects a cookie for another connection or a forged value", () => {
    const c = cookieInitSequence(args[0], 5e6, args[1], args[2], args[3], args[4], 7);
    expect(cookieCheck(args[0], 5e6, args[1], args[2] + 1, args[3], args[4], 7, c)).toBe(false);
    expect(cookieCheck(args[0], 5e6, args[1], args[2], args[3], args[4], 7, (c + 12345) >>> 0)).toBe(false);
  });
});

describe("sequence numbers are 32-bit and wrap (RFC 9293 §3.4)", () => {
  it("a connection whose ISNs sit just below 2^32 transfers data across the wrap", () => {
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 5000 },
        { t: 0.4, host: "server", call: "recv" },
        { t: 0.5, host: "server", call: "send", bytes: 300 },
        { t: 0.6, host: "client", call: "recv" },
        { t: 1, host: "client", call: "close" },
        { t: 1.1, host: "server", call: "close" },
      ],
      { sim: { isn: { client: 0xfffffff0, server: 0xffffff00 } } },
    );
    expect(r.callResult("server", "recv")).toBe("5000 bytes");
    const lastAck = r.detailed.filter((s) => s.from === "server" && s.absAck !== null).at(-1)!;
    expect(lastAck.ack).toBe(5002);
    expect(lastAck.absAck).toBe((0xfffffff0 + 5002) % 2 ** 32);
    expect(lastAck.absSeq).toBe((0xffffff00 + 301) % 2 ** 32);
    expect(r.statesOf("client").at(-2)).toBe("TIME-WAIT");
    expect(r.statesOf("server").at(-1)).toBe("CLOSED");
  });
});
