// The TIME-WAIT load model: its kernel rules, its speed, its URL state, and
// agreement with the lib/tcp engine where both can run (small rates).
import { describe, expect, it } from "vitest";
import { parseScenario, simulateDetailed, type Scenario } from "@/lib/tcp";
import { normalizeControls, simulateLoad, TIME_WAIT_SECONDS, type LoadControls } from "@/lib/labs/time-wait-load/model";
import { decodeState, encodeState, readHashState, withHashState } from "@/lib/widgets/urlHashState";
import { chartSummary, controlsFromUrl, eventLogText, sampleAt, tableRows } from "@/lib/labs/time-wait-load/view";

describe("simulateLoad", () => {
  it("exhausts the default port range at ports / rate seconds when the client closes first", () => {
    const r = simulateLoad({ rate: 500, closer: "client", twReuse: 0, duration: 120 });
    expect(r.portCount).toBe(60999 - 32768 + 1);
    expect(r.exhaustedAt).toBeCloseTo(28232 / 500, 0);
    // After the first TIME-WAITs expire, successes run at ports / 60 s.
    // Over any 60 s window after that, as many succeed as ports free up: ports / 60 s.
    const a = sampleAt(r, 60);
    const b = sampleAt(r, 120);
    expect((b.succeeded - a.succeeded) / 60).toBeCloseTo(28232 / TIME_WAIT_SECONDS, 0);
    expect(r.sustainableRate).toBeCloseTo(470.5, 1);
  });

  it("never exhausts client ports when the server closes first; the server holds rate x 60 s TIME-WAITs", () => {
    const r = simulateLoad({ rate: 200, closer: "server", duration: 120 });
    expect(r.exhaustedAt).toBeNull();
    expect(sampleAt(r, 120).serverTimeWait).toBe(200 * 60);
    // Faster than that, one client host runs out of distinct 4-tuples (half its range, one parity) and SYNs take over TIME-WAITs.
    const busy = simulateLoad({ rate: 500, closer: "server", duration: 120 });
    expect(sampleAt(busy, 120).serverTimeWait).toBe(Math.ceil(28232 / 2));
    expect(sampleAt(r, 120).clientTimeWait).toBe(0);
    expect(sampleAt(r, 120).freePorts).toBe(r.portCount);
  });

  it("treats tcp_tw_reuse=2 as off between two hosts, and 1 as reuse after 1 s", () => {
    const two = simulateLoad({ rate: 1000, twReuse: 2, duration: 60 });
    const zero = simulateLoad({ rate: 1000, twReuse: 0, duration: 60 });
    expect(two.samples).toEqual(zero.samples);
    const one = simulateLoad({ rate: 1000, twReuse: 1, duration: 120 });
    expect(one.exhaustedAt).toBeNull();
    expect(sampleAt(one, 120).reused).toBeGreaterThan(0);
    expect(sampleAt(one, 120).clientTimeWait).toBeLessThanOrEqual(one.portCount);
    // Faster than ports per second even reuse cannot keep up: every port is < 1 s old.
    const tooFast = simulateLoad({ rate: 5000, twReuse: 1, portLow: 40000, portHigh: 40999, duration: 20 });
    expect(tooFast.exhaustedAt).not.toBeNull();
  });

  it("destroys sockets instead of keeping TIME-WAIT beyond tcp_max_tw_buckets, so ports never run out", () => {
    const r = simulateLoad({ rate: 1000, maxTwBuckets: 10000, duration: 60 });
    expect(r.exhaustedAt).toBeNull();
    expect(sampleAt(r, 60).clientTimeWait).toBe(10000);
    expect(sampleAt(r, 60).overflows).toBe(60 * 1000 - 10000);
    expect(r.events.some((e) => e.text.includes("tcp_max_tw_buckets"))).toBe(true);
  });

  it("re-simulates the largest load quickly enough for a slider", () => {
    simulateLoad({ rate: 4990, duration: 600, twReuse: 1 }); // warm up
    const started = performance.now();
    simulateLoad({ rate: 5000, duration: 600, twReuse: 1 });
    simulateLoad({ rate: 5000, duration: 600, closer: "server" });
    // Generous bound for a shared CI machine; typically a few milliseconds.
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("normalizes nonsense controls instead of failing", () => {
    const c = normalizeControls({ rate: -5, portLow: 70000, portHigh: 2000, twReuse: 7 as 0, duration: Number.NaN, closer: "x" as "client" });
    expect(c.rate).toBe(1);
    expect(c.portLow).toBe(2000);
    expect(c.portHigh).toBe(65535);
    expect(c.twReuse).toBe(2);
    expect(c.duration).toBe(180);
    expect(c.closer).toBe("client");
  });
});

/**
 * One client host making `rate` short connections per second to server:80
 * (what the model assumes). The engine names a host's k-th connection
 * "client#k"; a connect() that fails gets no name, so the server's calls are
 * written only for the first `served` connections, the ones that succeed
 * within the test's horizon.
 */
function engineLoad(
  c: Pick<LoadControls, "rate" | "closer" | "portLow" | "portHigh" | "twReuse" | "maxTwBuckets" | "duration">,
  served = Infinity,
): Scenario {
  const steps: unknown[] = [{ t: 0, host: "server", call: "listen", backlog: 4096 }];
  const n = Math.round(c.rate * c.duration);
  for (let k = 0; k < n; k++) {
    const t = Math.round((0.05 + k / c.rate) * 1000) / 1000;
    const conn = k === 0 ? "client" : `client#${k + 1}`;
    const clientClose = (at: number) => ({ t: at, host: "client", call: "close" });
    const serverClose = (at: number) => ({ t: at, host: "server", call: "close", conn });
    steps.push({ t, host: "client", call: "connect" });
    if (k < served) steps.push({ t, host: "server", call: "accept" });
    if (c.closer === "client") {
      steps.push(clientClose(t + 0.01));
      if (k < served) steps.push(serverClose(t + 0.05));
    } else {
      if (k < served) steps.push(serverClose(t + 0.01));
      steps.push(clientClose(t + 0.05));
    }
  }
  const parsed = parseScenario({
    sysctl: { ip_local_port_range: [c.portLow, c.portHigh], tcp_tw_reuse: c.twReuse, tcp_max_tw_buckets: c.maxTwBuckets },
    network: { delay: 0 },
    steps,
    faults: [],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

describe("the model agrees with lib/tcp at small rates", () => {
  const base = { rate: 5, closer: "client" as const, portLow: 40000, portHigh: 40099, twReuse: 0 as const, maxTwBuckets: 131072, duration: 40 };

  function compare(
    c: typeof base | (Omit<typeof base, "twReuse" | "closer" | "maxTwBuckets"> & Pick<LoadControls, "twReuse" | "closer" | "maxTwBuckets">),
    served = Infinity,
  ) {
    const trace = simulateDetailed(engineLoad(c, served), { until: c.duration, sampleEvery: 5 });
    const model = simulateLoad(c);
    const connects = trace.calls.filter((r) => r.call === "connect");
    const failed = connects.filter((r) => r.result === "error EADDRNOTAVAIL");
    const last = (host: string) => [...trace.samples].reverse().find((s) => s.host === host)!;
    const end = sampleAt(model, c.duration);
    return { trace, model, connects, failed, last, end };
  }

  it("client closes first, no reuse: 100 ports run out after 20 s and connect() fails", () => {
    // No TIME-WAIT expires within 40 s, so exactly the first 100 connections succeed.
    const { failed, last, end, trace, model } = compare(base, 100);
    expect(failed.length).toBe(end.failed);
    expect(end.failed).toBe(100);
    expect(last("client").timeWait).toBe(end.clientTimeWait);
    const firstFail = failed[0]!.t;
    expect(Math.abs(firstFail - model.exhaustedAt!)).toBeLessThanOrEqual(0.3);
    expect(trace.violations).toEqual([]);
  });

  it("tcp_tw_reuse=1: no failure, as in the model", () => {
    const c = { ...base, twReuse: 1 as const };
    const { failed, end } = compare(c);
    expect(failed.length).toBe(0);
    expect(end.failed).toBe(0);
  });

  it("tcp_max_tw_buckets below the port count: sockets close without TIME-WAIT, no failure", () => {
    const c = { ...base, maxTwBuckets: 50 };
    const { failed, end, trace } = compare(c);
    expect(failed.length).toBe(0);
    expect(end.failed).toBe(0);
    expect(trace.counters.client!.host.TCPTimeWaitOverflow).toBe(end.overflows);
  });

  it("server closes first: the server holds the TIME-WAITs and the client never runs out", () => {
    // The default range: 200 connections rarely land on the same client port twice.
    const c = { ...base, closer: "server" as const, portLow: 32768, portHigh: 60999 };
    const { failed, last, end } = compare(c);
    expect(failed.length).toBe(0);
    expect(end.serverTimeWait).toBe(200);
    // lib/tcp picks a random port of the first parity each time, so a few 4-tuples can repeat within 60 s.
    expect(last("server").timeWait).toBeGreaterThanOrEqual(end.serverTimeWait - 6);
    expect(last("server").timeWait).toBeLessThanOrEqual(end.serverTimeWait);
    expect(last("client").timeWait).toBe(0);
  });
});

describe("URL state and text views", () => {
  it("round-trips controls through the hash, keeping other widgets' keys", () => {
    const controls = normalizeControls({ rate: 1200, closer: "server", twReuse: 1 });
    const hash = withHashState("#other=abc", "time-wait-load", controls);
    expect(hash).toContain("other=abc");
    expect(controlsFromUrl(readHashState(hash, "time-wait-load"))).toEqual(controls);
    expect(decodeState(encodeState({ a: "ü" }))).toEqual({ a: "ü" });
    expect(decodeState("%%%")).toBeNull();
    expect(controlsFromUrl(null)).toBeNull();
  });

  it("writes a log, a table and a summary a screen reader can use", () => {
    const r = simulateLoad({ rate: 500, duration: 120 });
    expect(eventLogText(r)).toMatch(/EADDRNOTAVAIL/);
    expect(tableRows(r, 10).map((s) => s.t)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    expect(chartSummary(r)).toMatch(/starts failing with EADDRNOTAVAIL at 56.4 s/);
  });
});
