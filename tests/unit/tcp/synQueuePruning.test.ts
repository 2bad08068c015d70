/**
 * Pruning of old half-open requests in a SYN flood without syncookies, as
 * reqsk_timer_handler() (net/ipv4/inet_connection_sock.c, Linux 6.18) does it:
 * each time a request's timer fires, its SYN-ACK retry budget is recomputed from
 * the queue as it is then (qlen requests, `young` of them never timed out), and
 * the request expires once its timeouts reach that budget. Numbers below are
 * worked out by hand from the kernel code quoted on synAckRetryBudget().
 */
import { describe, expect, it } from "vitest";
import { synAckRetryBudget } from "@/lib/tcp/listener";
import { run, type Run } from "./helpers";

const listen = { t: 0, host: "server", call: "listen", backlog: 8 };
const flood = (count: number, t: number, duration = 0.006) => ({ t, host: "attacker", call: "syn-flood", count, duration, spoofed: true });
const noCookies = (maxSynBacklog: number) => ({ tcp_syncookies: 0, tcp_max_syn_backlog: maxSynBacklog });

/** For each flood entry: SYN-ACK retransmissions, and seconds from SYN-RECV to CLOSED. */
function entries(r: Run, n: number): Array<{ retrans: number; life: number }> {
  return Array.from({ length: n }, (_, i) => {
    const conn = `flood-${i + 1}`;
    const synAcks = r.segments.filter((s) => s.conn === conn && s.from === "server" && s.flags === "S.").length;
    const s = r.states.filter((x) => x.conn === conn && x.host === "server");
    return { retrans: synAcks - 1, life: Math.round((s.at(-1)!.t - s[0]!.t) * 1000) / 1000 };
  });
}

describe("the SYN-ACK retry budget of reqsk_timer_handler()", () => {
  it("stays tcp_synack_retries while the queue holds no more than max(8, backlog) / 2 requests", () => {
    expect(synAckRetryBudget(4, 0, 8, 5)).toBe(5); // 4 << 1 = 8 is not > max(8, 8)
    expect(synAckRetryBudget(3, 0, 1, 5)).toBe(5); // a backlog below 8 still counts as 8
    expect(synAckRetryBudget(64, 0, 128, 5)).toBe(5); // 128 is not > 128
  });

  it("drops to 2 when more than half of the room is taken and no request is young", () => {
    expect(synAckRetryBudget(5, 0, 8, 5)).toBe(2);
    expect(synAckRetryBudget(65, 0, 128, 5)).toBe(2);
  });

  it("loses one retry for each halving until the young requests are more than half, a quarter, an eighth of the queue", () => {
    // qlen 7: young 1 -> 2, 4 are <= 7 (budget 3), 8 > 7 stops; young 2 -> 4 <= 7, 8 stops (budget 4)
    expect(synAckRetryBudget(7, 1, 8, 5)).toBe(3);
    expect(synAckRetryBudget(7, 2, 8, 5)).toBe(4);
    expect(synAckRetryBudget(7, 3, 8, 5)).toBe(4);
    expect(synAckRetryBudget(7, 4, 8, 5)).toBe(5); // 8 > 7 at once
    // qlen 65 of backlog 128: young 9 -> 18, 36 (budget 3), 72 stops; young 17 -> 34 (budget 4), 68 stops
    expect(synAckRetryBudget(65, 9, 128, 5)).toBe(3);
    expect(synAckRetryBudget(65, 17, 128, 5)).toBe(4);
    // tcp_synack_retries=10, qlen 100, young 1: 2, 4, 8, 16, 32, 64 are <= 100 (budget 4), 128 stops
    expect(synAckRetryBudget(100, 1, 8, 10)).toBe(4);
  });

  it("never lowers a budget of 2 or less", () => {
    expect(synAckRetryBudget(9, 0, 8, 2)).toBe(2);
    expect(synAckRetryBudget(9, 0, 8, 1)).toBe(1);
  });
});

describe("pruning in a flood without syncookies", () => {
  // backlog 8, tcp_max_syn_backlog 8: SYNs from unproven peers are dropped once 8 - qlen < 2,
  // so 7 requests are queued; after their first timeout none is young.
  it("is recomputed at every timer: three old requests expire at their third timeout, then the queue is no longer more than half full and the other four keep all five retries", () => {
    const r = run([listen, flood(7, 0.5)], { sysctl: noCookies(8), sim: { until: 70 } });
    // timers fire in time order (nominal timers): flood-1 first, with qlen 7, 6, 5 > 4 and no young request
    expect(entries(r, 7)).toEqual([
      { retrans: 2, life: 7 }, // 1 + 2 + 4
      { retrans: 2, life: 7 },
      { retrans: 2, life: 7 },
      { retrans: 5, life: 63 }, // qlen 4: 4 << 1 = 8 is not > 8, tcp_synack_retries=5 again
      { retrans: 5, life: 63 },
      { retrans: 5, life: 63 },
      { retrans: 5, life: 63 },
    ]);
    expect(r.counters.server!.listener!.TCPSynRetrans).toBe(26);
  });

  it("young requests lift the budget of the old ones, which is cut again once those have aged", () => {
    // Two clients connect at 7.3 and everything they send after their SYN is lost, so their requests
    // stay queued (tcp_max_syn_backlog 16 leaves them room). At 7.5 the seven flood requests reach
    // their third timeout with qlen 9 and 2 young: budget 3, so they retransmit instead of expiring.
    // The clients' requests time out at 8.3 (budget 3, then 2 once one of them is old) and 10.3
    // (budget 2) and expire at 14.3; at 15.5 the seven meet qlen 7 and none young: flood-1..3 go
    // (qlen 7, 6, 5), and flood-4..7, with qlen 4, get tcp_synack_retries=5 again.
    const lossy = (host: string) => ({ from: host, drop: "all", after: "first-syn" });
    const r = run(
      [listen, flood(7, 0.5), { t: 7.3, host: "client1", call: "connect" }, { t: 7.3, host: "client2", call: "connect" }],
      { sysctl: noCookies(16), faults: [lossy("client1"), lossy("client2")], sim: { until: 80 } },
    );
    expect(entries(r, 7)).toEqual([
      { retrans: 3, life: 15 }, // 1 + 2 + 4 + 8
      { retrans: 3, life: 15 },
      { retrans: 3, life: 15 },
      { retrans: 5, life: 63 },
      { retrans: 5, life: 63 },
      { retrans: 5, life: 63 },
      { retrans: 5, life: 63 },
    ]);
    for (const client of ["client1", "client2"]) {
      expect(r.segments.filter((s) => s.conn === client && s.from === "server" && s.flags === "S.").map((s) => s.t)).toEqual([7.3, 8.3, 10.3]);
      expect(r.states.find((s) => s.conn === client && s.host === "server" && s.state === "CLOSED")?.t).toBe(14.3);
    }
  });

  it("runs the timers of one wheel tick last-armed first, so the requests armed last are the ones pruned", () => {
    // kernel timers: the seven 1 s timers share a 32 ms bucket and fire 7..1, re-arm 7..1 and
    // fire 1..7 at the second timeout, re-arm 1..7 and fire 7..1 at the third: flood-7, 6, 5 go
    // (as in content/captures/syn-flood-no-cookies-pruning.json)
    const r = run([listen, flood(7, 0.2)], { sysctl: noCookies(8), sim: { until: 70, nominalTimers: false } });
    expect(entries(r, 7).map((e) => e.retrans)).toEqual([5, 5, 5, 5, 2, 2, 2]);
  });
});
