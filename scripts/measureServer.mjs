// What the measuring scripts (measure-weight.mjs, lighthouse.mjs) share:
// build, serve the build on a free loopback port, list the routes to measure.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
export const chromiumPath = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";
// Its own database, so measuring never touches prisma/dev.db or the e2e one.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${path.join(root, "data", "measure.db")}` };

/** Pages without widgets; the ones a build does not have (404) are skipped by the callers. */
export const PLAIN_ROUTES = ["/", "/lessons", "/dashboard", "/interview", "/review", "/login", "/signup", "/teach", "/glossary", "/search"];
/** Pages with widgets other than the lessons. */
export const OTHER_WIDGET_ROUTES = ["/interview/what-if"];

/** Command-line helpers: `flag("--no-build")`, `option("--route")` (every value given). */
export function cli(argv = process.argv.slice(2)) {
  return {
    flag: (name) => argv.includes(name),
    option: (name) => argv.flatMap((arg, i) => (arg === name && argv[i + 1] ? [argv[i + 1]] : [])),
  };
}

function run(script, label, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

/** Prepares the measuring database and builds (unless `build` is false); exits if there is no build to serve. */
export function prepareBuild({ build }) {
  if (!fs.existsSync(chromiumPath)) {
    console.error(`No Chromium at ${chromiumPath}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  run(path.join(root, "scripts", "prepare-db.mjs"), "preparing the database", []);
  if (build) run(nextBin, "next build", ["build"]);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No build in .next: run without --no-build.");
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves the build with `next start` on a free port; resolves once it answers. */
export async function startServer() {
  // MEASURE_PORT pins the port (a shared machine gives each engineer a range); otherwise any free one.
  const port = Number(process.env.MEASURE_PORT) || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
  const stop = () => server.kill("SIGTERM");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/lessons`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error("next start did not answer within 60 s");
}

/** Every lesson route the build prerendered. */
export function lessonRoutes() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "prerender-manifest.json"), "utf8"));
  return Object.keys(manifest.routes)
    .filter((route) => /^\/lessons\/[^/]+$/.test(route))
    .sort();
}

/** The middle value (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A plain-text table, the first column left-aligned and the others right-aligned. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** The processes listening on a port (nginx's master and worker; next-server). */
export function listeners(port) {
  const out = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout ?? "";
  return [...new Set([...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
}

/** The PostgreSQL server's processes on this machine (postmaster, backends, background workers). */
export function postgresProcesses() {
  const out = spawnSync("pgrep", ["-x", "postgres"], { encoding: "utf8" }).stdout ?? "";
  return out.split("\n").filter(Boolean).map(Number);
}

/** User + system CPU time of each of those processes, in milliseconds (one that has ended is left out). */
export function cpuMsByProcess(pids) {
  const tick = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
  const times = new Map();
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      times.set(pid, (Number(fields[11]) + Number(fields[12])) * tick); // utime, stime (fields 14, 15)
    } catch {
      // ended
    }
  }
  return times;
}

/** Their total CPU time, in milliseconds. */
export function cpuMs(pids) {
  return [...cpuMsByProcess(pids).values()].reduce((a, b) => a + b, 0);
}

/**
 * CPU time spent between two readings of `cpuMsByProcess`: a process started
 * meanwhile counts whole, one that ended meanwhile is lost (so read the
 * processes again just before the second reading).
 */
export function cpuMsBetween(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
