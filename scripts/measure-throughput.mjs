#!/usr/bin/env node
// `node scripts/measure-throughput.mjs [--runs 3] [--seconds 10] [--connections 20] [--flood 28,100] [--port 3208] [--url http://127.0.0.1:PORT] [--app-dir DIR] [--out file.json]`
//
// Throughput and latency of the production server, measured the same way
// before and after a change (docs/performance-grading.md):
//   live      GET /api/health/live   the trivial route (no database): the reference
//   health    GET /api/health        one SELECT 1
//   missing   GET /api/no-such-route a 404: the floor every request pays
//   me        GET /api/auth/me       a guest's "who am I"
//   grading   POST a choice exercise's submission, each from a new guest;
//             stored rows are counted and must equal acknowledged responses
//   me+flood  /api/auth/me probed at 20 requests/s, alone and while
//             simulator-task submissions (each one a server-side replay) arrive
//             at each --flood rate
// Each scenario runs --runs times; the table shows medians, the JSON every run.
// For the trivial route and grading it also reads the CPU time the app and
// PostgreSQL spent per request (/proc), steadier than req/s on a busy machine.
//
// Without --url it builds (if the sources changed) and starts the app with
// scripts/start.mjs on --port, on a fresh SQLite file under .cache/measure/,
// unless DATABASE_URL is set: then that database is used (PostgreSQL too, once
// the app supports it), and it is not emptied first. With --url it measures a
// server someone already started (e.g. under `node --cpu-prof`).
// Loopback only.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { cpuMsBetween, cpuMsByProcess, listeners, postgresProcesses } from "./measureServer.mjs";

const root = path.resolve(import.meta.dirname, "..");
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1] ?? ""]] : pairs), []),
);
const runs = Number(args.runs ?? 3);
const seconds = Number(args.seconds ?? 10);
const connections = Number(args.connections ?? 20);
const floodRates = String(args.flood ?? "28,100").split(",").filter(Boolean).map(Number);
const port = Number(args.port ?? process.env.E2E_PORT ?? 3208);
const measureDir = path.join(root, ".cache", "measure");
// Another checkout of the app to start (e.g. an export of the commit before a change), measured with this checkout's script.
const appDir = path.resolve(args["app-dir"] ?? root);
fs.mkdirSync(measureDir, { recursive: true });
const out = path.resolve(args.out ?? path.join(measureDir, `throughput-${new Date().toISOString().replace(/[:.]/g, "-")}.json`));

const CHOICE_EXERCISE = "header-fields-syn-only-options";
const TASK_EXERCISE = "syn-flood-keep-clients";
const PROBE_RATE = 20;

// Every request comes from this one address: lift the per-address submission
// limit (600 per 10 s by default) so it measures grading, not the limit.
const env = { SUBMISSION_LIMIT_PER_ADDRESS: "100000000", ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
if (!env.DATABASE_URL) {
  const file = path.join(measureDir, "throughput.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  env.DATABASE_URL = `file:${file}`;
}
const databaseKind = env.DATABASE_URL.startsWith("postgres") ? "postgresql" : "sqlite";

const base = new URL(args.url ?? `http://127.0.0.1:${port}`);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) {
  console.error(`measure: refusing ${base.hostname}; this only targets this machine`);
  process.exit(2);
}

function fixtures(...command) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "measure-fixtures.ts"), ...command], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`measure-fixtures ${command.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer() {
  if (args.url) return undefined;
  const log = fs.openSync(path.join(measureDir, "server.log"), "w");
  console.log(`measure: starting the app in ${appDir} on port ${port} (${databaseKind}); server output in .cache/measure/server.log`);
  const server = spawn(process.execPath, [path.join(appDir, "scripts", "start.mjs")], { cwd: appDir, env, stdio: ["ignore", log, log] });
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode}); see .cache/measure/server.log`);
    try {
      if ((await fetch(new URL("/api/health/live", base))).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  server.kill("SIGTERM");
  throw new Error("the app did not answer within 15 minutes");
}

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base.origin, duration: seconds, timeout: 30, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * `load`'s result with the CPU time the app (every process listening on its
 * port) and PostgreSQL (all its processes here) spent per answered request
 * meanwhile: steadier than requests per second on a shared machine.
 */
async function withCpu(load) {
  const app = () => cpuMsByProcess(listeners(base.port || 80));
  const database = () => cpuMsByProcess(databaseKind === "postgresql" ? postgresProcesses() : []);
  const before = [app(), database()];
  const result = await load();
  const spent = [cpuMsBetween(before[0], app()), cpuMsBetween(before[1], database())];
  const answered = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  const per = (ms) => (answered > 0 ? Math.round((ms / answered) * 1000) / 1000 : undefined);
  result.cpu = { appMsPerRequest: per(spent[0]), databaseMsPerRequest: databaseKind === "postgresql" ? per(spent[1]) : undefined };
  return result;
}

function summary(result) {
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  return {
    requestsPerSecond: Math.round((result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"]) / result.duration),
    okPerSecond: Math.round(result["2xx"] / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result["2xx"],
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(result.cpu ? { cpu: result.cpu } : {}),
  };
}

/** A POST per learner, each learner used once, in order. */
function submissions(exerciseId, learners) {
  let next = 0;
  return [
    {
      method: "POST",
      path: `/api/exercises/${exerciseId}/attempts`,
      setupRequest(request) {
        const learner = learners[next++ % learners.length];
        return { ...request, headers: { ...request.headers, "content-type": "application/json", cookie: learner.cookie }, body: learner.body };
      },
    },
  ];
}

/** Runs the load and checks that stored rows equal acknowledged (2xx) responses, give or take those in flight at the end. */
async function storedAgainstAcknowledged(exerciseId, load, inFlightAtMost) {
  const before = fixtures("count", exerciseId);
  const result = await load();
  // Let the requests still in flight land (and the server drain its queue) before the next scenario starts.
  let stored = fixtures("count", exerciseId) - before;
  for (let settled = 0; settled < 2; ) {
    await sleep(1_000);
    const now = fixtures("count", exerciseId) - before;
    settled = now === stored ? settled + 1 : 0;
    stored = now;
  }
  const inFlight = stored - result["2xx"];
  return { result, stored, inFlight, lost: inFlight < 0 || inFlight > inFlightAtMost };
}

const guest = `tcp_learner=${crypto.randomUUID()}`;
const perRunChoiceLearners = Math.max(5_000, 3_000 * seconds);
const perRunFloodLearners = floodRates.map((rate) => Math.ceil(rate * seconds * 1.5) + 50);

const server = await startServer();
let exitCode = 0;
try {
  const health = await fetch(new URL("/api/health", base));
  console.log(`measure: /api/health → ${health.status} ${await health.text()}`);
  console.log(`measure: preparing learners (${runs} × ${perRunChoiceLearners} for grading, ${runs} × ${perRunFloodLearners.join("+")} for the floods)…`);
  const choiceLearners = fixtures("learners", CHOICE_EXERCISE, String(runs * perRunChoiceLearners + 3_000), "first-option");
  const floodLearners = fixtures("learners", TASK_EXERCISE, String(runs * perRunFloodLearners.reduce((a, b) => a + b, 0) + 20), "correct");

  // Warm up every route (first requests compile and cache); not measured.
  const warm = { duration: 3, connections: 4 };
  await cannon({ ...warm, requests: [{ method: "GET", path: "/api/health/live" }, { method: "GET", path: "/api/health" }, { method: "GET", path: "/api/no-such-route" }] });
  await cannon({ ...warm, headers: { cookie: guest }, requests: [{ method: "GET", path: "/api/auth/me" }] });
  await cannon({ ...warm, amount: 2_000, requests: submissions(CHOICE_EXERCISE, choiceLearners.splice(0, 3_000)) });
  await cannon({ ...warm, amount: 20, requests: submissions(TASK_EXERCISE, floodLearners.splice(0, 20)) });

  const rows = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`measure: run ${run} of ${runs}`);
    const record = (scenario, data) => rows.push({ run, scenario, ...data });
    record("live", summary(await withCpu(() => cannon({ connections, requests: [{ method: "GET", path: "/api/health/live" }] }))));
    record("health", summary(await cannon({ connections, requests: [{ method: "GET", path: "/api/health" }] })));
    record("missing", summary(await cannon({ connections, requests: [{ method: "GET", path: "/api/no-such-route" }] })));
    record("me", summary(await cannon({ connections, headers: { cookie: guest }, requests: [{ method: "GET", path: "/api/auth/me" }] })));
    const grading = await storedAgainstAcknowledged(
      CHOICE_EXERCISE,
      () => withCpu(() => cannon({ connections, requests: submissions(CHOICE_EXERCISE, choiceLearners.splice(0, perRunChoiceLearners)) })),
      connections,
    );
    record("grading", { ...summary(grading.result), stored: grading.stored, inFlight: grading.inFlight, lost: grading.lost });
    if (grading.lost) exitCode = 1;

    const probe = () => cannon({ connections: 1, overallRate: PROBE_RATE, headers: { cookie: guest }, requests: [{ method: "GET", path: "/api/auth/me" }] });
    record("me@20/s", summary(await probe()));
    for (const [index, rate] of floodRates.entries()) {
      const floodConnections = Math.min(64, Math.max(4, Math.ceil(rate / 2)));
      const flood = () =>
        cannon({ connections: floodConnections, overallRate: rate, requests: submissions(TASK_EXERCISE, floodLearners.splice(0, perRunFloodLearners[index])) });
      let floodResult;
      const checked = await storedAgainstAcknowledged(
        TASK_EXERCISE,
        async () => {
          const [probeResult, floodRun] = await Promise.all([probe(), flood()]);
          floodResult = floodRun;
          record(`me@20/s+flood${rate}`, summary(probeResult));
          return floodRun;
        },
        floodConnections,
      );
      record(`flood${rate}`, { ...summary(floodResult), stored: checked.stored, inFlight: checked.inFlight, lost: checked.lost });
      if (checked.lost) exitCode = 1;
    }
  }

  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  };
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const medians = Object.fromEntries(
    scenarios.map((scenario) => {
      const of = rows.filter((r) => r.scenario === scenario);
      return [
        scenario,
        {
          requestsPerSecond: median(of.map((r) => r.requestsPerSecond)),
          okPerSecond: median(of.map((r) => r.okPerSecond)),
          p50: median(of.map((r) => r.p50)),
          p99: median(of.map((r) => r.p99)),
          non2xx: of.map((r) => Object.entries(r.statuses).filter(([code]) => !code.startsWith("2")).map(([code, n]) => `${code}×${n}`).join(" ") || "0").join(" | "),
          lost: of.some((r) => r.lost),
        },
      ];
    }),
  );
  const ratios = rows.filter((r) => r.scenario === "grading").map((g) => g.okPerSecond / rows.find((r) => r.run === g.run && r.scenario === "live").okPerSecond);
  const gradingToLive = Math.round(median(ratios) * 100) / 100;

  console.log(`\nmeasure: medians of ${runs} runs, ${seconds} s each, ${connections} connections (floods: their own rate), ${databaseKind}`);
  console.log(["scenario".padEnd(22), "req/s".padStart(7), "2xx/s".padStart(7), "p50 ms".padStart(7), "p99 ms".padStart(7), "  non-2xx per run"].join(" "));
  for (const [scenario, m] of Object.entries(medians)) {
    console.log([scenario.padEnd(22), String(m.requestsPerSecond).padStart(7), String(m.okPerSecond).padStart(7), String(m.p50).padStart(7), String(m.p99).padStart(7), `  ${m.non2xx}${m.lost ? "  LOST ROWS" : ""}`].join(" "));
  }
  console.log(`grading / live (graded and stored per second against the trivial route, median of runs): ${gradingToLive}`);
  for (const scenario of ["live", "grading"]) {
    const of = rows.filter((r) => r.scenario === scenario && r.cpu);
    const app = median(of.map((r) => r.cpu.appMsPerRequest));
    const database = of.some((r) => r.cpu.databaseMsPerRequest !== undefined) ? median(of.map((r) => r.cpu.databaseMsPerRequest)) : undefined;
    if (of.length) console.log(`CPU ms per ${scenario} request (median of runs): app ${app}${database !== undefined ? `, PostgreSQL ${database}` : ""}`);
  }
  for (const row of rows.filter((r) => "stored" in r)) {
    console.log(`  run ${row.run} ${row.scenario}: ${row.ok} acknowledged, ${row.stored} stored (${row.inFlight} in flight at the end): ${row.lost ? "MISMATCH" : "none lost"}`);
  }
  const report = { appDir, measuredAt: new Date().toISOString(), database: databaseKind, runs, seconds, connections, floodRates, probeRate: PROBE_RATE, medians, gradingToLive, rows };
  fs.writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`measure: wrote ${path.relative(root, out)}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (server) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}
process.exit(exitCode);
