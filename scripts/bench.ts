/**
 * npm run bench: simulator speed on two workloads, through the same engine
 * that passes the conformance tests (lib/tcp runScenario, no shortcut model).
 *   (a) 60 s SYN flood at 10,000 SYN/s from spoofed sources against a listener
 *       with default queues (listen(4096) capped by somaxconn 4096,
 *       tcp_max_syn_backlog 2048, tcp_syncookies=1), plus 20 legitimate
 *       clients per second that connect, get accepted and close;
 *   (b) 1,000 sequential connection lifecycles: handshake, 10 KB each way,
 *       close, TIME-WAIT expiry.
 * Each case runs 3 times to warm up the JIT (a widget re-simulating on every
 * slider move is in that steady state), then 9 times; the median is reported,
 * with the fastest run and the first, cold one beside it.
 * The time covers building and running the simulation (the trace is recorded
 * in full, into buffers reused from the previous run as simulate() reuses
 * them), as decision record 0006 measures it; converting a million segments
 * to JSON objects (runScenario's lazy trace()) is reported apart.
 * Case (a) is then timed once more with runScenario's `segments: false`
 * (segments counted, not recorded), as the SYN flood lab runs it.
 * Last line: {"synFlood": {"ms", "segments"}, "lifecycles": {"ms", "segments"}}.
 */
import { performance } from "node:perf_hooks";
import { parseScenario, runScenario, type RunOptions, type Scenario, type ScenarioRun } from "../lib/tcp/index";

function scenario(json: unknown): Scenario {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(p.error);
  return p.scenario;
}

function synFlood(): Scenario {
  const steps: unknown[] = [
    { t: 0, host: "server", call: "listen", backlog: 4096 },
    { t: 0, host: "attacker", call: "syn-flood", count: 600_000, duration: 60, spoofed: true },
  ];
  for (let i = 0; i < 1200; i++) {
    const t = i / 20;
    const host = `client${i + 1}`;
    steps.push({ t, host, call: "connect" });
    steps.push({ t: t + 0.01, host: "server", call: "accept" });
    steps.push({ t: t + 0.5, host, call: "close" });
    steps.push({ t: t + 0.6, host: "server", call: "close", conn: host });
  }
  return scenario({ name: "bench-syn-flood", sysctl: {}, network: { delay: 0 }, steps, faults: [] });
}

function lifecycles(): Scenario {
  const steps: unknown[] = [{ t: 0, host: "server", call: "listen", backlog: 128 }];
  for (let i = 0; i < 1000; i++) {
    const t = 0.1 + i * 61;
    steps.push({ t, host: "client", call: "connect" });
    steps.push({ t: t + 0.01, host: "server", call: "accept" });
    steps.push({ t: t + 0.02, host: "client", call: "send", bytes: 10240 });
    steps.push({ t: t + 0.02, host: "server", call: "send", bytes: 10240 });
    steps.push({ t: t + 0.05, host: "server", call: "recv" });
    steps.push({ t: t + 0.05, host: "client", call: "recv" });
    steps.push({ t: t + 0.1, host: "client", call: "close" });
    steps.push({ t: t + 0.2, host: "server", call: "close" });
  }
  return scenario({ name: "bench-lifecycles", sysctl: {}, network: { delay: 0 }, steps, faults: [] });
}

function measure(name: string, make: () => Scenario, options: RunOptions = {}): { ms: number; segments: number } {
  const sc = make();
  let prev: ScenarioRun | null = null;
  const runOnce = () => {
    // as simulate() does: a finished simulation hands its trace buffers to the next one
    prev?.release();
    const t0 = performance.now();
    const run = runScenario(sc, options);
    const ms = performance.now() - t0;
    prev = run;
    return { ms, run };
  };
  const first = runOnce();
  runOnce();
  let last = runOnce();
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    last = runOnce();
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  const median = times[4]!;
  const segments = last.run.segmentCount;
  if (last.run.violations.length > 0) throw new Error(`${name}: ${last.run.violations[0]}`);
  const median1 = median.toFixed(1);
  const fastest = times[0]!.toFixed(1);
  const cold = first.ms.toFixed(1);
  if (options.segments === false) {
    console.log(`${name}: ${median1} ms median of 9 warm runs (fastest ${fastest} ms; first, cold run ${cold} ms), ${segments.toLocaleString("en-US")} segments counted`);
    return { ms: Math.round(median * 10) / 10, segments };
  }
  const t1 = performance.now();
  const trace = last.run.trace();
  const convMs = performance.now() - t1;
  const states = trace.states.length;
  console.log(
    `${name}: ${median1} ms median of 9 warm runs (fastest ${fastest} ms; first, cold run ${cold} ms), ` +
      `${segments.toLocaleString("en-US")} segments, ${states.toLocaleString("en-US")} state changes; ` +
      `JSON-shaped trace conversion ${convMs.toFixed(0)} ms`,
  );
  return { ms: Math.round(median * 10) / 10, segments };
}

const a = measure("(a) 60 s SYN flood, 10,000 SYN/s + 20 clients/s", synFlood);
const b = measure("(b) 1,000 connection lifecycles (10 KB each way)", lifecycles);
measure("(a) again with segments: false (counted, not recorded)", synFlood, { segments: false });
console.log(JSON.stringify({ synFlood: a, lifecycles: b }));
