#!/usr/bin/env node
// `node scripts/measure-lesson-throughput.mjs [--rounds 5] [--seconds 8] [--connections 20] [--threads 2] [--route /lessons/x] [--port 3340] [--app-dir DIR] [--out file.json]`
//
// How close a lesson page comes to the framework's floor for a static page,
// measured side by side in one run (issue 14). Four pages answer GET on
// loopback, one after the other within each round, under the same wrk load:
//   nginx   the exact bytes and headers of the lesson page, saved from the app
//   lesson  the app itself (scripts/start.mjs: builds if the sources changed),
//           on a fresh SQLite file under .cache/lesson-throughput/
//   stock   a stock static Next.js page of the same Next version (a paragraph in
//           app/page.tsx, default next.config but for turbopack.root), built under
//           .cache/lesson-throughput/stock/ with a hard-linked copy of this
//           repository's node_modules
//   sized   the same stock app's second page, a static page of about the
//           lesson's size (the lesson's own text, as paragraphs): the floor for
//           a page of that size, since Next's cost per request grows with the
//           body and nginx's hardly does
// each twice: without Accept-Encoding and with `Accept-Encoding: gzip` (Next
// compresses per request; nginx serves the app's own gzip bytes, precompressed).
// Absolute figures swing with the machine's load, so the result that counts is
// the ratio to nginx in the same round: lesson/nginx against stock/nginx. On a
// busy machine req/s also depends on what else runs; the servers' own CPU time
// per request (from /proc, every process listening on the port) depends much
// less on it, so it is printed too.
// Before measuring it checks what issue 14 asks of a static page: 200, no
// Set-Cookie, and the same body for two different visitors.
// Prints medians over the rounds; the JSON holds every round.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { cpuMs, listeners, median } from "./measureServer.mjs";

const root = path.resolve(import.meta.dirname, "..");
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1] ?? ""]] : pairs), []),
);
const rounds = Number(args.rounds ?? 5);
const seconds = Number(args.seconds ?? 8);
const connections = Number(args.connections ?? 20);
const threads = Number(args.threads ?? 2);
const appPort = Number(args.port ?? process.env.E2E_PORT ?? 3340);
const stockPort = appPort + 1;
const nginxPort = appPort + 10;
// Another checkout of the app (e.g. an export of the commit before a change), measured with this script.
const appDir = path.resolve(args["app-dir"] ?? root);
const workDir = path.join(root, ".cache", "lesson-throughput");
const stockDir = path.join(workDir, "stock");
const nginxDir = path.join(workDir, "nginx");
fs.mkdirSync(workDir, { recursive: true });
const out = path.resolve(args.out ?? path.join(workDir, `result-${new Date().toISOString().replace(/[:.]/g, "-")}.json`));
// The stock page's own copy of next, so it and the page share one React.
const stockNextBin = path.join(stockDir, "node_modules", "next", "dist", "bin", "next");
const nextVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tool(name, candidates, install) {
  const found = candidates.find((candidate) => spawnSync("sh", ["-c", `command -v ${candidate} || test -x ${candidate}`]).status === 0);
  if (!found) {
    console.error(`measure: ${name} is missing; install it with: ${install}`);
    process.exit(1);
  }
  return found;
}
const wrkBin = tool("wrk", ["wrk"], "apt-get install -y wrk");
const nginxBin = tool("nginx", ["nginx", "/usr/sbin/nginx"], "apt-get install -y nginx");

/** One GET with the raw bytes (no decompression) and headers. */
function get(port, route, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: route, headers, agent: false }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function waitFor(port, route, child, label, logFile) {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited (${child.exitCode}); see ${path.relative(root, logFile)}`);
    try {
      if ((await get(port, route)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${label} did not answer within 15 minutes`);
}

const children = [];
function startLogged(label, command, commandArgs, options) {
  const logFile = path.join(workDir, `${label}.log`);
  const log = fs.openSync(logFile, "w");
  const child = spawn(command, commandArgs, { ...options, stdio: ["ignore", log, log] });
  children.push(child);
  return { child, logFile };
}
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

async function startApp() {
  const db = path.join(workDir, "app.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(db + suffix, { force: true });
  const env = { ...process.env, PORT: String(appPort), NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${db}` };
  console.log(`measure: starting the app in ${appDir} on port ${appPort} (builds if needed; output in .cache/lesson-throughput/lesson.log)`);
  const { child, logFile } = startLogged("lesson", process.execPath, [path.join(appDir, "scripts", "start.mjs")], { cwd: appDir, env });
  await waitFor(appPort, "/lessons", child, "the app", logFile);
}

/** The minimal app `create-next-app` would give, minus styling: the floor for a static page. */
function writeStockApp(sizedText) {
  const files = {
    "package.json": JSON.stringify({ name: "stock-next", private: true, type: "module" }, null, 2),
    // Defaults, except where the build looks: Turbopack would otherwise take this repository (the
    // outermost lockfile) as its root and build our proxy.ts into the stock page.
    "next.config.mjs": "export default { turbopack: { root: import.meta.dirname } };\n",
    "package-lock.json": JSON.stringify({ name: "stock-next", lockfileVersion: 3, requires: true, packages: {} }),
    "app/layout.tsx": `export const metadata = { title: "Stock" };\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`,
    "app/page.tsx": `export default function Page() {\n  return <p>A static page.</p>;\n}\n`,
    "app/sized/paragraphs.json": JSON.stringify(sizedText),
    "app/sized/page.tsx": `import paragraphs from "./paragraphs.json";\nexport default function Page() {\n  return <main>{paragraphs.map((text, i) => <p key={i}>{text}</p>)}</main>;\n}\n`,
    "tsconfig.json": JSON.stringify(
      {
        compilerOptions: { target: "ES2017", lib: ["dom", "dom.iterable", "esnext"], strict: true, noEmit: true, module: "esnext", moduleResolution: "bundler", jsx: "react-jsx", isolatedModules: true, esModuleInterop: true, skipLibCheck: true, allowJs: true, incremental: false, resolveJsonModule: true, plugins: [{ name: "next" }] },
        include: ["**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
        exclude: ["node_modules"],
      },
      null,
      2,
    ),
  };
  let changed = false;
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(stockDir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // next build adds its own entries to tsconfig.json: only a missing one counts as a change.
    if (!fs.existsSync(file) || (name !== "tsconfig.json" && fs.readFileSync(file, "utf8") !== text)) {
      fs.writeFileSync(file, text);
      changed = true;
    }
  }
  // A copy, not a symlink: Turbopack compiles nothing outside its root. Hard links make it instant.
  const modules = path.join(stockDir, "node_modules");
  const copied = path.join(modules, "next", "package.json");
  if (!fs.existsSync(copied) || JSON.parse(fs.readFileSync(copied, "utf8")).version !== nextVersion) {
    fs.rmSync(modules, { recursive: true, force: true });
    const copy = spawnSync("cp", ["-al", path.join(root, "node_modules"), modules]);
    if (copy.status !== 0) throw new Error(`could not copy node_modules: ${copy.stderr}`);
    changed = true;
  }
  return changed;
}

/**
 * The lesson's visible text cut into paragraphs, repeated or cut to fill a page of about
 * `bytes`: Next puts a page's text in the HTML and again in its inline RSC payload.
 */
function sizedParagraphs(html, bytes, stockBytes) {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  const target = Math.max(0, Math.round((bytes - stockBytes) / 2));
  const paragraphs = [];
  let length = 0;
  for (let at = 0; length < target; at = (at + 400) % Math.max(1, text.length - 400)) {
    const piece = text.slice(at, at + Math.min(400, target - length));
    paragraphs.push(piece);
    length += piece.length;
  }
  return paragraphs;
}

async function startStock(sizedText) {
  const changed = writeStockApp(sizedText);
  const stamp = path.join(stockDir, ".next", "built-with");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (changed || !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== nextVersion) {
    console.log(`measure: building the stock Next ${nextVersion} page in .cache/lesson-throughput/stock/…`);
    // --webpack is not given: the default bundler, as a new app would have.
    const build = spawnSync(process.execPath, [stockNextBin, "build"], { cwd: stockDir, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`the stock page's build failed:\n${build.stdout}\n${build.stderr}`);
    fs.writeFileSync(stamp, nextVersion);
  }
  const { child, logFile } = startLogged("stock", process.execPath, [stockNextBin, "start", "-p", String(stockPort), "-H", "127.0.0.1"], { cwd: stockDir, env });
  await waitFor(stockPort, "/", child, "the stock page", logFile);
}

// Headers that describe the connection or this one reply, which nginx writes itself.
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "content-type", "vary", "etag", "last-modified", "accept-ranges", "server"]);

/** Saves the lesson page's bytes (plain and the app's own gzip) and serves them with nginx, headers included. */
async function startNginx(route) {
  const plain = await get(appPort, route);
  const gzip = await get(appPort, route, { "accept-encoding": "gzip" });
  const htmlDir = path.join(nginxDir, "html");
  fs.mkdirSync(path.join(nginxDir, "tmp"), { recursive: true });
  fs.mkdirSync(htmlDir, { recursive: true });
  fs.writeFileSync(path.join(htmlDir, "page.html"), plain.body);
  const gzipped = gzip.headers["content-encoding"] === "gzip";
  if (gzipped) fs.writeFileSync(path.join(htmlDir, "page.html.gz"), gzip.body);
  else fs.rmSync(path.join(htmlDir, "page.html.gz"), { force: true });
  const copied = Object.entries(plain.headers).filter(([name]) => !OWN_HEADERS.has(name));
  const quote = (value) => `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const conf = `
daemon off;
worker_processes 1;
pid ${path.join(nginxDir, "nginx.pid")};
error_log ${path.join(nginxDir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path ${path.join(nginxDir, "tmp")};
  proxy_temp_path ${path.join(nginxDir, "tmp")};
  fastcgi_temp_path ${path.join(nginxDir, "tmp")};
  uwsgi_temp_path ${path.join(nginxDir, "tmp")};
  scgi_temp_path ${path.join(nginxDir, "tmp")};
  keepalive_requests 1000000;
  etag off;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${htmlDir};
    location = ${route} {
      default_type ${quote(plain.headers["content-type"] ?? "text/html; charset=utf-8")};
      ${gzipped ? "gzip_static on;\n      gzip_vary on;" : ""}
      ${copied.map(([name, value]) => `add_header ${name} ${quote(Array.isArray(value) ? value.join(", ") : value)} always;`).join("\n      ")}
      try_files /page.html =404;
    }
  }
}
`;
  const confFile = path.join(nginxDir, "nginx.conf");
  fs.writeFileSync(confFile, conf);
  // nginx run as root drops its worker to "nobody", which must be able to read the page.
  for (const dir of [workDir, nginxDir, htmlDir]) fs.chmodSync(dir, 0o755);
  const { child, logFile } = startLogged("nginx", nginxBin, ["-c", confFile, "-p", nginxDir, "-e", path.join(nginxDir, "error.log")], { cwd: nginxDir });
  await waitFor(nginxPort, route, child, "nginx", logFile);
  return { plainBytes: plain.body.length, gzipBytes: gzipped ? gzip.body.length : undefined, headers: Object.fromEntries(copied) };
}

/** What a static page owes every visitor: 200, no cookie, the same body whoever asks. */
async function staticChecks(label, port, route) {
  const first = await get(port, route);
  const second = await get(port, route, { cookie: `tcp_learner=${crypto.randomUUID()}`, "user-agent": "another visitor" });
  const gzip = await get(port, route, { "accept-encoding": "gzip" });
  const problems = [];
  for (const response of [first, second, gzip]) {
    if (response.status !== 200) problems.push(`status ${response.status}`);
    if (response.headers["set-cookie"]) problems.push(`Set-Cookie: ${response.headers["set-cookie"]}`);
  }
  if (!first.body.equals(second.body)) problems.push("two visitors got different bodies");
  const gzipBody = gzip.headers["content-encoding"] === "gzip" ? gunzipSync(gzip.body) : gzip.body;
  if (!gzipBody.equals(first.body)) problems.push("the gzip body differs from the plain one");
  return {
    label,
    ok: problems.length === 0,
    problems,
    bytes: first.body.length,
    gzipBytes: gzip.headers["content-encoding"] === "gzip" ? gzip.body.length : undefined,
    cacheControl: first.headers["cache-control"],
    xNextjsCache: first.headers["x-nextjs-cache"],
  };
}

function wrk(port, route, encoding) {
  const headerArgs = encoding === "gzip" ? ["-H", "Accept-Encoding: gzip"] : [];
  const pids = listeners(port);
  const cpuBefore = cpuMs(pids);
  const result = spawnSync(wrkBin, ["-t", String(threads), "-c", String(connections), "-d", `${seconds}s`, ...headerArgs, `http://127.0.0.1:${port}${route}`], { encoding: "utf8" });
  const cpu = cpuMs(pids) - cpuBefore;
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const number = (pattern) => Number(result.stdout.match(pattern)?.[1] ?? NaN);
  const requests = number(/(\d+) requests in/);
  const notOk = number(/Non-2xx or 3xx responses:\s+(\d+)/);
  const errors = result.stdout.match(/Socket errors:.*/)?.[0];
  return { requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/), requests, cpuMsPerRequest: pids.length ? cpu / requests : NaN, non2xx: Number.isNaN(notOk) ? 0 : notOk, socketErrors: errors ?? null };
}

let exitCode = 0;
try {
  await startApp();
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, ".next", "prerender-manifest.json"), "utf8"));
  const route = args.route ?? Object.keys(manifest.routes).filter((r) => /^\/lessons\/[^/]+$/.test(r)).sort()[0];
  const lessonPage = await get(appPort, route);
  // 4,500 bytes: about what the stock page's HTML is without the paragraphs.
  await startStock(sizedParagraphs(lessonPage.body.toString("utf8"), lessonPage.body.length, 4_500));
  const saved = await startNginx(route);
  const checks = [await staticChecks("lesson", appPort, route), await staticChecks("stock", stockPort, "/"), await staticChecks("sized", stockPort, "/sized")];
  for (const check of checks) {
    console.log(`measure: ${check.label}: ${check.ok ? "200, no Set-Cookie, the same body for two visitors" : `NOT STATIC: ${check.problems.join("; ")}`} (${check.bytes} B, gzip ${check.gzipBytes ?? "—"} B, Cache-Control ${check.cacheControl}, x-nextjs-cache ${check.xNextjsCache ?? "—"})`);
    if (!check.ok) exitCode = 1;
  }
  const targets = [
    { name: "nginx", port: nginxPort, route },
    { name: "lesson", port: appPort, route },
    { name: "stock", port: stockPort, route: "/" },
    { name: "sized", port: stockPort, route: "/sized" },
  ];
  // Warm-up: the first requests fill caches and JIT the server; not measured.
  for (const target of targets) spawnSync(wrkBin, ["-t", "1", "-c", "4", "-d", "2s", `http://127.0.0.1:${target.port}${target.route}`]);

  const loadBefore = os.loadavg();
  const runs = [];
  for (let round = 1; round <= rounds; round++) {
    for (const encoding of ["identity", "gzip"]) {
      const row = { round, encoding };
      for (const target of targets) {
        row[target.name] = wrk(target.port, target.route, encoding);
        if (row[target.name].non2xx > 0) exitCode = 1;
      }
      row.lessonToNginx = row.lesson.requestsPerSecond / row.nginx.requestsPerSecond;
      row.stockToNginx = row.stock.requestsPerSecond / row.nginx.requestsPerSecond;
      row.sizedToNginx = row.sized.requestsPerSecond / row.nginx.requestsPerSecond;
      runs.push(row);
      console.log(
        `measure: round ${round} ${encoding.padEnd(8)} nginx ${row.nginx.requestsPerSecond.toFixed(0)}  lesson ${row.lesson.requestsPerSecond.toFixed(0)}  stock ${row.stock.requestsPerSecond.toFixed(0)}  sized ${row.sized.requestsPerSecond.toFixed(0)} req/s  (of nginx: lesson 1/${(1 / row.lessonToNginx).toFixed(1)}, stock 1/${(1 / row.stockToNginx).toFixed(1)}, sized 1/${(1 / row.sizedToNginx).toFixed(1)})`,
      );
    }
  }
  const loadAfter = os.loadavg();
  const summary = Object.fromEntries(
    ["identity", "gzip"].map((encoding) => {
      const mine = runs.filter((r) => r.encoding === encoding);
      return [
        encoding,
        {
          nginx: median(mine.map((r) => r.nginx.requestsPerSecond)),
          lesson: median(mine.map((r) => r.lesson.requestsPerSecond)),
          stock: median(mine.map((r) => r.stock.requestsPerSecond)),
          sized: median(mine.map((r) => r.sized.requestsPerSecond)),
          lessonToNginx: median(mine.map((r) => r.lessonToNginx)),
          stockToNginx: median(mine.map((r) => r.stockToNginx)),
          sizedToNginx: median(mine.map((r) => r.sizedToNginx)),
          cpuMsPerRequest: Object.fromEntries(["nginx", "lesson", "stock", "sized"].map((name) => [name, median(mine.map((r) => r[name].cpuMsPerRequest))])),
        },
      ];
    }),
  );
  console.log(`\nMedians of ${rounds} rounds, wrk -t${threads} -c${connections} -d${seconds}s, ${route} (${saved.plainBytes} B; gzip ${saved.gzipBytes ?? "—"} B), load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")} → ${loadAfter.map((l) => l.toFixed(2)).join(" ")}:\n`);
  for (const [encoding, s] of Object.entries(summary)) {
    const cpu = s.cpuMsPerRequest;
    console.log(`${encoding.padEnd(8)}  server CPU ms per request: nginx ${cpu.nginx.toFixed(3)}  lesson ${cpu.lesson.toFixed(3)}  stock ${cpu.stock.toFixed(3)}  sized ${cpu.sized.toFixed(3)}`);
    console.log(
      `${encoding.padEnd(8)}  nginx ${s.nginx.toFixed(0).padStart(6)}  lesson ${s.lesson.toFixed(0).padStart(5)} (1/${(1 / s.lessonToNginx).toFixed(1)})  stock ${s.stock.toFixed(0).padStart(5)} (1/${(1 / s.stockToNginx).toFixed(1)})  sized ${s.sized.toFixed(0).padStart(5)} (1/${(1 / s.sizedToNginx).toFixed(1)})  lesson÷stock ${(s.lessonToNginx / s.stockToNginx).toFixed(2)}  lesson÷sized ${(s.lessonToNginx / s.sizedToNginx).toFixed(2)}`,
    );
  }
  const result = { measuredAt: new Date().toISOString(), nextVersion, route, rounds, seconds, connections, threads, cpus: os.cpus().length, loadBefore, loadAfter, saved, checks, summary, runs, appDir };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`\nwrote ${path.relative(root, out)}`);
} catch (error) {
  console.error(`measure: ${error.message}`);
  exitCode = 1;
} finally {
  stopAll();
}
process.exit(exitCode);
