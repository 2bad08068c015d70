/**
 * Every modelled sysctl changes what goes on the wire the way the Linux
 * source says (files and functions named per test).
 */
import { describe, expect, it } from "vitest";
import { LINUX_DEFAULTS } from "@/lib/tcp";
import { OPEN, gaps, run, timesOf } from "./helpers";

const synsOf = (r: ReturnType<typeof run>, host = "client") => timesOf(r, (s) => s.from === host && s.flags === "S");

describe("sysctl defaults are Linux 6.18's (read from /proc/sys on a 6.18.44 kernel)", () => {
  it("matches the kernel", () => {
    expect(LINUX_DEFAULTS).toMatchObject({
      tcp_syn_retries: 6,
      tcp_synack_retries: 5,
      tcp_syn_linear_timeouts: 4,
      tcp_fin_timeout: 60,
      tcp_max_tw_buckets: 131072,
      tcp_tw_reuse: 2,
      tcp_syncookies: 1,
      tcp_max_syn_backlog: 2048,
      somaxconn: 4096,
      tcp_abort_on_overflow: 0,
      tcp_retries2: 15,
      tcp_keepalive_time: 7200,
      tcp_keepalive_intvl: 75,
      tcp_keepalive_probes: 9,
      ip_local_port_range: [32768, 60999],
    });
  });
});

describe("tcp_syn_retries and tcp_syn_linear_timeouts (tcp_retransmit_timer, tcp_write_timeout)", () => {
  const lost = { faults: [{ from: "client", drop: "all" }] };
  it("by default the first 4 SYN retransmissions are 1 s apart, then the RTO doubles; connect() fails after 131 s", () => {
    const r = run([{ t: 0, host: "client", call: "connect" }], lost);
    // tcp_syn_retries (6) + tcp_syn_linear_timeouts (4) = 10 retransmissions
    expect(gaps(synsOf(r))).toEqual([1, 1, 1, 1, 1, 2, 4, 8, 16, 32]);
    const c = r.calls.find((x) => x.call === "connect")!;
    expect(c.result).toBe("error ETIMEDOUT");
    expect(c.returned).toBeCloseTo(131, 3);
  });

  it("with tcp_syn_linear_timeouts=0 it is the classic 1, 2, 4 ... 32 s backoff and a 127 s timeout", () => {
    const r = run([{ t: 0, host: "client", call: "connect" }], { ...lost, sysctl: { tcp_syn_linear_timeouts: 0 } });
    expect(gaps(synsOf(r))).toEqual([1, 2, 4, 8, 16, 32]);
    expect(r.calls[0]!.returned).toBeCloseTo(127, 3);
  });

  it("tcp_syn_retries=2 gives up after the second retransmission's timeout", () => {
    const r = run([{ t: 0, host: "client", call: "connect" }], { ...lost, sysctl: { tcp_syn_retries: 2, tcp_syn_linear_timeouts: 0 } });
    expect(gaps(synsOf(r))).toEqual([1, 2]);
    expect(r.calls[0]!.returned).toBeCloseTo(7, 3);
  });
});

describe("tcp_synack_retries (reqsk_timer_handler)", () => {
  const steps = [
    { t: 0, host: "server", call: "listen" },
    { t: 0.1, host: "client", call: "connect" },
  ];
  const faults = [{ from: "client", drop: "all", after: "first-syn" }];
  it("by default a request retransmits its SYN-ACK 5 times and is dropped silently after 63 s", () => {
    const r = run(steps, { faults, sim: { until: 100 } });
    expect(gaps(timesOf(r, (s) => s.from === "server" && s.flags === "S."))).toEqual([1, 2, 4, 8, 16]);
    const closed = r.states.find((s) => s.host === "server" && s.state === "CLOSED")!;
    expect(closed.t - 0.1).toBeCloseTo(63, 3);
    expect(r.segments.some((s) => s.from === "server" && s.flags.includes("R"))).toBe(false);
  });

  it("tcp_synack_retries=2 drops the request after 1 + 2 + 4 = 7 s", () => {
    const r = run(steps, { faults, sysctl: { tcp_synack_retries: 2 }, sim: { until: 100 } });
    expect(gaps(timesOf(r, (s) => s.from === "server" && s.flags === "S."))).toEqual([1, 2]);
    const closed = r.states.find((s) => s.host === "server" && s.state === "CLOSED")!;
    expect(closed.t - 0.1).toBeCloseTo(7, 3);
  });
});

describe("TIME-WAIT: TCP_TIMEWAIT_LEN, tcp_max_tw_buckets, tcp_tw_reuse", () => {
  const close = [...OPEN, { t: 1, host: "client", call: "close" }, { t: 1.5, host: "server", call: "close" }];

  it("TIME-WAIT lasts 60 s whatever tcp_fin_timeout says", () => {
    const r = run(close, { sysctl: { tcp_fin_timeout: 5 } });
    const cs = r.states.filter((s) => s.host === "client");
    expect(cs.at(-1)!.t - cs.at(-2)!.t).toBeCloseTo(60, 3);
  });

  it("the RFC option shows 2*MSL (240 s) instead", () => {
    const r = run(close, { sim: { rfc: { timeWaitSeconds: 240 } } });
    const cs = r.states.filter((s) => s.host === "client");
    expect(cs.at(-1)!.t - cs.at(-2)!.t).toBeCloseTo(240, 3);
  });

  it("tcp_max_tw_buckets=0: the socket closes without TIME-WAIT (inet_twsk_alloc fails)", () => {
    const r = run(close, { sysctl: { tcp_max_tw_buckets: 0 } });
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSED"]);
    expect(r.counters.client!.host.TCPTimeWaitOverflow).toBe(1);
  });

  const again = [
    { t: 0, host: "server", call: "listen" },
    { t: 0.1, host: "client", call: "connect" },
    { t: 0.2, host: "server", call: "accept" },
    { t: 1, host: "client", call: "close" },
    { t: 1.01, host: "server", call: "close" },
    { t: 5, host: "client", call: "connect" },
  ];
  it("with one ephemeral port (ip_local_port_range) and tcp_tw_reuse=2, connect() fails while TIME-WAIT holds it", () => {
    const r = run(again, { sysctl: { ip_local_port_range: [40000, 40000] } });
    expect(r.callResult("client", "connect", 1)).toBe("error EADDRNOTAVAIL");
  });

  it("tcp_tw_reuse=1 takes the TIME-WAIT tuple over after tcp_tw_reuse_delay, with a higher ISN (tcp_twsk_unique)", () => {
    const r = run(again, { sysctl: { ip_local_port_range: [40000, 40000], tcp_tw_reuse: 1 } });
    expect(r.callResult("client", "connect", 1)).toBe("ok");
    const second = r.detailed.filter((s) => s.conn === "client#2");
    const first = r.detailed.filter((s) => s.conn === "client");
    // ISN = tw_snd_nxt + 65535 + 2
    expect(second[0]!.absSeq).toBe((first.at(-1)!.absSeq + 65537) >>> 0);
  });
});

describe("tcp_fin_timeout: orphaned FIN-WAIT-2 (tcp_rcv_state_process, tcp_keepalive_timer)", () => {
  it("a closed socket whose peer never closes leaves FIN-WAIT-2 after tcp_fin_timeout", () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "close" }], { sysctl: { tcp_fin_timeout: 5 } });
    const cs = r.states.filter((s) => s.host === "client");
    expect(cs.map((s) => s.state).slice(-2)).toEqual(["FIN-WAIT-2", "CLOSED"]);
    expect(cs.at(-1)!.t - cs.at(-2)!.t).toBeCloseTo(5, 1);
  });

  it("after shutdown() alone (not orphaned) FIN-WAIT-2 has no timer", () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "shutdown" }], { sysctl: { tcp_fin_timeout: 5 }, sim: { until: 500 } });
    expect(r.statesOf("client").at(-1)).toBe("FIN-WAIT-2");
  });
});

describe("keepalive: tcp_keepalive_time / _intvl / _probes and TCP_KEEPIDLE/KEEPINTVL/KEEPCNT (tcp_keepalive_timer)", () => {
  it("probes an idle peer that stopped answering, then resets the connection", () => {
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect", keepalive: {} },
        { t: 0.2, host: "server", call: "accept" },
      ],
      { sysctl: { tcp_keepalive_time: 10, tcp_keepalive_intvl: 2, tcp_keepalive_probes: 3 }, faults: [{ from: "server", drop: "all", after: 5 }] },
    );
    const probes = r.segments.filter((s) => s.from === "client" && s.flags === "." && s.seq === 0);
    expect(probes.map((s) => Math.round(s.t * 10) / 10)).toEqual([10.1, 12.1, 14.1]);
    expect(r.wire.at(-1)).toBe("client R. 1:1 0");
    expect(r.segments.at(-1)!.t).toBeCloseTo(16.1, 3);
  });

  it("per-socket options override the sysctls, and an answered probe keeps the connection", () => {
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect", keepalive: { idle: 2, intvl: 1, cnt: 3 } },
        { t: 0.2, host: "server", call: "accept" },
      ],
      { sim: { until: 7 } },
    );
    // probe (seq = snd_una - 1) and the peer's duplicate ACK, every idle period
    expect(r.wire.slice(3, 7)).toEqual(["client . 0:1 0", "server . 1:1 0", "client . 0:1 0", "server . 1:1 0"]);
    expect(timesOf(r, (s) => s.from === "client" && s.seq === 0 && s.flags === ".")).toEqual([2.1, 4.1, 6.1]);
  });
});

describe("tcp_retries2: data retransmission (tcp_write_timeout, retransmits_timed_out)", () => {
  it("a tail loss probe, then RTOs doubling from ~200 ms, then ETIMEDOUT after tcp_model_timeout(retries2, 200 ms)", () => {
    const r = run([...OPEN, { t: 0.5, host: "client", call: "send", bytes: 100 }, { t: 20, host: "client", call: "recv" }], {
      sysctl: { tcp_retries2: 3 },
      faults: [{ from: "server", drop: "all", after: 0.3 }],
    });
    const data = timesOf(r, (s) => s.from === "client" && s.len === 100);
    expect(data).toHaveLength(6); // original + probe + 4 RTOs
    const g = gaps(data);
    expect(g[0]).toBeCloseTo(0.2, 1);
    expect(g[1]).toBeCloseTo(0.2, 1);
    expect(g[2]).toBeCloseTo(0.4, 1);
    expect(g[4]).toBeCloseTo(1.6, 1);
    expect(r.callResult("client", "recv")).toBe("error ETIMEDOUT");
    expect(r.statesOf("client").at(-1)).toBe("CLOSED");
  });

  it("the default (15) keeps retransmitting for about 924.6 s", () => {
    const r = run([...OPEN, { t: 0.5, host: "client", call: "send", bytes: 100 }], { faults: [{ from: "server", drop: "all", after: 0.3 }] });
    const closed = r.states.filter((s) => s.host === "client").at(-1)!;
    expect(closed.state).toBe("CLOSED");
    expect(closed.t).toBeGreaterThan(924);
    expect(closed.t).toBeLessThan(1100);
  });
});

describe("ip_local_port_range and somaxconn", () => {
  it("a one-port range allows one connection to a destination at a time", () => {
    const r = run(
      [
        { t: 0, host: "server", call: "listen" },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "client", call: "connect" },
      ],
      { sysctl: { ip_local_port_range: "50000 50000" } },
    );
    expect(r.callResult("client", "connect", 0)).toBe("ok");
    expect(r.callResult("client", "connect", 1)).toBe("error EADDRNOTAVAIL");
    expect(r.detailed[0]!.srcPort).toBe(50000);
  });

  it("listen(backlog) is capped by somaxconn (__sys_listen): somaxconn=1 lets 2 connections wait for accept()", () => {
    const steps: unknown[] = [{ t: 0, host: "server", call: "listen", backlog: 128 }];
    for (let i = 1; i <= 4; i++) steps.push({ t: 0.1 * i, host: `client${i}`, call: "connect" });
    const r = run(steps, { sysctl: { somaxconn: 1 }, sim: { until: 0.9 } });
    expect(r.statesOf("server").filter((s) => s === "ESTABLISHED")).toHaveLength(2);
    expect(r.counters.server!.listener!.ListenOverflows).toBe(2);
  });
});

describe("the timer wheel (kernel/time/timer.c calc_index)", () => {
  it("fires timers late by up to 1/8 of their length, as the captures show", () => {
    const r = run([{ t: 0.8, host: "client", call: "connect" }], { faults: [{ from: "client", drop: "all" }], sim: { nominalTimers: false } });
    const g = gaps(synsOf(r));
    // 250 jiffies round up to the 8-jiffy granularity of level 1: 1.024 s (the captures: 1.024)
    expect(g.slice(1, 4)).toEqual([1.024, 1.024, 1.024]);
    for (const x of g) expect(x).toBeGreaterThanOrEqual(1);
  });
});
