/**
 * npx tsx scripts/trace-fingerprint.ts: one sha256 per case of what the
 * simulator produces, to check that an engine change leaves every trace
 * byte-identical (decision record 0006). Run it on the commit before the
 * change and on the change, and compare the output (`diff`): every line must match.
 *
 * A case hashes the JSON of simulate() and simulateDetailed() and, from
 * runScenario(), the app call results, samples, counters, aborts, listener
 * queues, counts and the ordered event list. Cases: every content/captures
 * scenario, both `npm run bench` scenarios, SYN-flood variants (cookies
 * off / on overflow / always, small backlogs, other rates and counts,
 * several attackers, delays and faults, the listener closing, the server
 * crashing and rebooting mid-flood, `until` cutting a flood short), the SYN
 * flood lab's default run and control variants (lib/labs), and every
 * sequence-simulator preset with its default controls and with a drop.
 *
 * Options: --only <substring> runs the matching cases only; --list prints
 * case names.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, runScenario, simulate, simulateDetailed, type RunOptions, type Scenario } from "../lib/tcp/index";
import { runLab } from "../lib/labs/syn-flood-lab/runLab";
import { buildScenario as buildLabScenario, SAMPLE_EVERY } from "../lib/labs/syn-flood-lab/scenario";
import { DEFAULT_CONTROLS, type LabControls } from "../lib/labs/syn-flood-lab/controls";
import { PRESETS, type Preset } from "../lib/labs/sequence-simulator/presets";
import { buildScenario as buildPresetScenario, initialControls, type Controls } from "../lib/labs/sequence-simulator/controls";
import { runOrdered } from "../lib/labs/sequence-simulator/run";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Hash = ReturnType<typeof createHash>;

/**
 * Feeds x to the hash as JSON, array by array and object by object, since a
 * flood's trace is too long for one JSON string.
 */
function feed(h: Hash, x: unknown): void {
  if (Array.isArray(x)) {
    h.update("[");
    for (let i = 0; i < x.length; i++) {
      if (i > 0) h.update(",");
      feed(h, x[i]);
    }
    h.update("]");
  } else if (x !== null && typeof x === "object" && Object.values(x).some((v) => typeof v === "object" && v !== null)) {
    h.update("{");
    for (const [k, v] of Object.entries(x)) {
      if (v === undefined) continue;
      h.update(`${JSON.stringify(k)}:`);
      feed(h, v);
      h.update(",");
    }
    h.update("}");
  } else {
    h.update(JSON.stringify(x) ?? "undefined");
  }
}

function sha(x: unknown): string {
  const h = createHash("sha256");
  feed(h, x);
  return h.digest("hex");
}

function sc(json: unknown): Scenario {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(p.error);
  return p.scenario;
}

/** Everything runScenario() reports, the lazy parts included when segments are recorded. */
function runAll(s: Scenario, opts: RunOptions): unknown {
  const r = runScenario(s, opts);
  const out: Record<string, unknown> = {
    hosts: r.hosts,
    calls: r.calls,
    samples: r.samples,
    counters: r.counters,
    aborts: r.aborts,
    queues: r.queues,
    violations: r.violations,
    endedAt: r.endedAt,
    segmentCount: r.segmentCount,
    stateCount: r.stateCount,
  };
  if (opts.segments !== false) out.events = r.events;
  r.release();
  return out;
}

const cases: Array<[string, () => unknown]> = [];
const add = (name: string, f: () => unknown) => cases.push([name, f]);

/** A scenario under simulate(), simulateDetailed() and runScenario() (with and without segments). */
function scenarioCases(name: string, make: () => Scenario, opts: RunOptions = {}): void {
  add(`${name} simulate`, () => simulate(make(), opts));
  add(`${name} detailed`, () => simulateDetailed(make(), opts));
  add(`${name} run`, () => runAll(make(), opts));
  add(`${name} run-nosegs`, () => runAll(make(), { ...opts, segments: false }));
}

// ---------------------------------------------------------------- captures
const capDir = path.join(root, "content/captures");
for (const f of readdirSync(capDir).filter((f) => f.endsWith(".json")).sort()) {
  const make = () => sc(JSON.parse(readFileSync(path.join(capDir, f), "utf8")));
  scenarioCases(`capture ${f}`, make);
  add(`capture ${f} detailed sampled`, () => simulateDetailed(make(), { sampleEvery: 0.5 }));
}

// ------------------------------------------------------------ bench + floods
interface FloodOpts {
  count?: number;
  duration?: number;
  clients?: number;
  clientsPerSecond?: number;
  sysctl?: Record<string, number>;
  backlog?: number;
  delay?: number;
  faults?: unknown[];
  attackers?: number;
  floodAt?: number;
  extra?: unknown[];
  spoofed?: boolean;
  /** when the server listens (default 0) */
  listenAt?: number;
}

/** The bench's case (a) shape: a listener, spoofed floods, clients that connect, get accepted and close. */
function flood(o: FloodOpts = {}): Scenario {
  const steps: unknown[] = [{ t: o.listenAt ?? 0, host: "server", call: "listen", backlog: o.backlog ?? 4096 }];
  const attackers = o.attackers ?? 1;
  for (let a = 0; a < attackers; a++) {
    const step: Record<string, unknown> = {
      t: (o.floodAt ?? 0) + a * 0.0003,
      host: attackers === 1 ? "attacker" : `attacker${a + 1}`,
      call: "syn-flood",
      count: o.count ?? 600_000,
      duration: o.duration ?? 60,
    };
    if (o.spoofed !== undefined) step.spoofed = o.spoofed;
    steps.push(step);
  }
  const perSecond = o.clientsPerSecond ?? 20;
  for (let i = 0; i < (o.clients ?? 1200); i++) {
    const t = i / perSecond;
    const host = `client${i + 1}`;
    steps.push({ t, host, call: "connect" });
    steps.push({ t: t + 0.01, host: "server", call: "accept" });
    steps.push({ t: t + 0.5, host, call: "close" });
    steps.push({ t: t + 0.6, host: "server", call: "close", conn: host });
  }
  steps.push(...(o.extra ?? []));
  return sc({ name: "flood", sysctl: o.sysctl ?? {}, network: { delay: o.delay ?? 0 }, steps, faults: o.faults ?? [] });
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
  return sc({ name: "bench-lifecycles", sysctl: {}, network: { delay: 0 }, steps, faults: [] });
}

scenarioCases("bench (a) syn flood", () => flood());
scenarioCases("bench (b) lifecycles", lifecycles);
add("bench (a) sampled", () => runAll(flood(), { sampleEvery: 1, until: 70, segments: false }));

const floodVariants: Array<[string, FloodOpts, RunOptions?]> = [
  ["odd count", { count: 77_777, clients: 300 }],
  ["cookies off", { count: 50_001, clients: 200, sysctl: { tcp_syncookies: 0 } }],
  ["cookies always", { count: 50_001, clients: 200, sysctl: { tcp_syncookies: 2 } }],
  ["cookies off small backlog", { count: 30_000, clients: 150, backlog: 16, sysctl: { tcp_syncookies: 0, tcp_max_syn_backlog: 128 } }],
  ["small backlog", { count: 40_000, clients: 300, backlog: 8, clientsPerSecond: 50 }],
  ["small backlog 2 s", { count: 4_000, duration: 2, clients: 100, backlog: 4, clientsPerSecond: 100 }],
  ["somaxconn 64", { count: 60_000, clients: 200, sysctl: { somaxconn: 64 } }],
  ["rate 1000/s", { count: 60_000, clients: 300 }],
  ["rate 100000/s", { count: 1_000_000, duration: 10, clients: 100, clientsPerSecond: 10 }],
  ["rate 3/s uneven", { count: 7, duration: 2.5, clients: 20, clientsPerSecond: 10 }],
  ["huge count beyond safe step", { count: 2_000_000, duration: 9_000_000, clients: 10 }, { until: 20 }],
  ["spoofed explicit", { count: 20_000, clients: 100, spoofed: true }],
  ["not spoofed", { count: 20_000, clients: 100, spoofed: false }],
  ["two attackers", { count: 30_000, clients: 200, attackers: 2 }],
  ["three attackers small backlog", { count: 10_000, clients: 100, attackers: 3, backlog: 32 }],
  ["delay 10 ms", { count: 40_000, clients: 200, delay: 0.01 }],
  ["delay 1 us", { count: 40_000, clients: 200, delay: 0.000001 }],
  ["synack retries 1", { count: 40_000, clients: 200, sysctl: { tcp_synack_retries: 1 } }],
  ["abort on overflow", { count: 40_000, clients: 400, clientsPerSecond: 100, backlog: 16, sysctl: { tcp_abort_on_overflow: 1 } }],
  ["attacker syn dropped", { count: 30_000, clients: 100, faults: [{ from: "attacker", drop: "syn", after: 1, until: 2 }] }],
  ["attacker all dropped", { count: 30_000, clients: 100, faults: [{ from: "attacker", drop: "all" }] }],
  ["server acks dropped", { count: 30_000, clients: 100, faults: [{ from: "server", drop: "syn", after: 2, until: 3 }] }],
  ["attacker delayed", { count: 30_000, clients: 100, faults: [{ from: "attacker", delay: 0.002, after: 1, until: 4 }] }],
  ["server delayed", { count: 30_000, clients: 100, faults: [{ from: "server", delay: 0.003, after: 1, until: 4 }] }],
  ["client delayed", { count: 30_000, clients: 100, faults: [{ from: "client3", delay: 0.5 }] }],
  ["flood before listen", { count: 20_000, clients: 50, listenAt: 0.7 }],
  ["listener closes mid-flood", { count: 30_000, clients: 100, extra: [{ t: 3.3, host: "server", call: "close" }] }],
  [
    "server crash and reboot",
    {
      count: 30_000,
      clients: 28,
      extra: [
        { t: 2, host: "server", call: "crash" },
        { t: 4, host: "server", call: "reboot" },
        { t: 4.5, host: "server", call: "listen", backlog: 64 },
        { t: 5, host: "client901", call: "connect" },
        { t: 5.2, host: "client902", call: "connect" },
      ],
    },
  ],
  ["flood at odd time", { count: 25_000, clients: 100, floodAt: 0.0123457 }],
  ["cut by until", { count: 600_000, clients: 1200 }, { until: 7.25 }],
  ["nominal timers", { count: 40_000, clients: 200 }, { nominalTimers: true }],
  ["seed 7", { count: 40_000, clients: 200 }, { seed: 7 }],
  ["sampled", { count: 40_000, clients: 200 }, { sampleEvery: 0.1, until: 30 }],
];
for (const [name, o, opts] of floodVariants) {
  if (o.spoofed === false) {
    // not modelled: the parse error is the result
    add(`flood ${name}`, () => {
      try {
        return simulate(flood(o), opts);
      } catch (e) {
        return String(e);
      }
    });
    continue;
  }
  scenarioCases(`flood ${name}`, () => flood(o), opts ?? {});
}
// no listener at all: every flood SYN is answered with RST|ACK to a spoofed address
scenarioCases("flood no listener", () =>
  sc({ name: "f", sysctl: {}, network: { delay: 0 }, steps: [{ t: 0, host: "attacker", call: "syn-flood", count: 5000, duration: 1 }], faults: [] }),
);

// --------------------------------------------------------------- flood lab
const labOpts: RunOptions = { sampleEvery: SAMPLE_EVERY, until: DEFAULT_CONTROLS.duration };
const labVariants: Array<Partial<LabControls>> = [
  {},
  { tcp_syncookies: 0 },
  { tcp_syncookies: 2 },
  { attackRate: 10000, duration: 60 },
  { attackRate: 0 },
  { attackRate: 100, legitRate: 100 },
  { acceptRate: 5, tcp_abort_on_overflow: 1 },
  { acceptRate: 5 },
  { tcp_syncookies: 0, tcp_max_syn_backlog: 128, backlog: 4096 },
  { backlog: 16, somaxconn: 8, tcp_synack_retries: 1 },
];
for (const v of labVariants) {
  const controls: LabControls = { ...DEFAULT_CONTROLS, ...v };
  const name = `lab ${JSON.stringify(v)}`;
  add(`${name} runLab`, () => runLab(controls));
  add(`${name} detailed`, () => simulateDetailed(buildLabScenario(controls), { ...labOpts, until: controls.duration }));
  add(`${name} run-nosegs`, () => runAll(buildLabScenario(controls), { ...labOpts, until: controls.duration, segments: false }));
}

// ------------------------------------------------- sequence-simulator presets
for (const [name, p] of Object.entries(PRESETS) as Array<[string, Preset]>) {
  const variants: Array<[string, Controls]> = [["default", initialControls(p)]];
  const c = initialControls(p);
  variants.push(["random isn seed 3", { ...c, isnMode: "random", seed: 3 }]);
  variants.push(["nominal timers", { ...c, nominalTimers: true }]);
  variants.push(["drop server syn at 0.1", { ...c, drops: [{ from: "server", kind: "syn", t: 0.1 }] }]);
  for (const [vn, controls] of variants) {
    add(`preset ${name} ${vn}`, () => {
      const built = buildPresetScenario(p, controls);
      if (!built.ok) return built.error;
      const { trace, order } = runOrdered(built.scenario, built.options);
      return { trace, order, simulate: simulate(built.scenario, built.options) };
    });
  }
}

// ------------------------------------------------------------------- output
const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
if (args.includes("--list")) {
  for (const [name] of cases) console.log(name);
} else {
  const all = createHash("sha256");
  let n = 0;
  for (const [name, f] of cases) {
    if (only !== undefined && !name.includes(only)) continue;
    const h = sha(f());
    all.update(`${name} ${h}\n`);
    n++;
    console.log(`${h}  ${name}`);
  }
  console.log(`${all.digest("hex")}  all ${n} cases`);
}
