#!/usr/bin/env node
// The browser main thread's work while a page loads, per route: what
// Lighthouse's Total Blocking Time comes from, without its simulation.
// Lighthouse's scores on this shared 2-core machine swing by ten points
// between runs of one build; Chromium's own counters of the main thread's
// task and script time per load are much steadier, so a change to how pages
// hydrate is judged by them, and Lighthouse confirms the end result.
//
//   node scripts/measure-main-thread.mjs [--no-build] [--loads 8] [--cpu 4] [--route /path ...] [--dist-dir DIR ...]
//
// Each load is a fresh browser context (nothing cached), CPU slowed down --cpu
// times as in Lighthouse's mobile profile, and lasts until the network is idle
// and two more seconds have passed (widgets near the first screen load then).
// With several --dist-dir (copies of .next from different builds), each is
// served in turn, round after round, so that the machine's drift falls on all
// of them alike. Prints medians per route and build; writes
// test-results/main-thread.json.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumPath, cli, lessonRoutes, median, prepareBuild, root, startServer, table } from "./measureServer.mjs";

const { flag, option } = cli();
const loads = Number(option("--loads")[0] ?? 8);
const cpuSlowdown = Number(option("--cpu")[0] ?? 4);
const distDirs = option("--dist-dir").map((dir) => path.resolve(dir));
prepareBuild({ build: !flag("--no-build") && distDirs.length === 0 });
const routes = option("--route").length > 0 ? option("--route") : lessonRoutes();

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(2000);
  const { metrics } = await cdp.send("Performance.getMetrics");
  await context.close();
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { taskMs: Math.round(metric("TaskDuration") * 1000), scriptMs: Math.round(metric("ScriptDuration") * 1000), layoutMs: Math.round(metric("LayoutDuration") * 1000) };
}

/** Serves `.next` as it is, or each --dist-dir in turn moved into its place (and moved back after). */
const builds = distDirs.length > 0 ? distDirs : [null];
const nextDir = path.join(root, ".next");
const results = new Map(builds.map((build) => [build, new Map(routes.map((route) => [route, []]))]));
const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const parked = `${nextDir}.parked-by-measure`;
if (distDirs.length > 0) fs.renameSync(nextDir, parked);
try {
  for (let round = 0; round < loads; round++) {
    for (const build of builds) {
      if (build) fs.renameSync(build, nextDir);
      const server = await startServer();
      try {
        for (const route of routes) results.get(build).get(route).push(await loadOnce(browser, `${server.base}${route}`));
      } finally {
        server.stop();
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (build) fs.renameSync(nextDir, build);
      }
    }
    process.stderr.write(`round ${round + 1}/${loads} done\n`);
  }
} finally {
  await browser.close();
  if (distDirs.length > 0) fs.renameSync(parked, nextDir);
}

const rows = [];
const json = [];
for (const build of builds) {
  for (const route of routes) {
    const runs = results.get(build).get(route);
    const summary = { build: build ?? ".next", route, taskMs: median(runs.map((r) => r.taskMs)), scriptMs: median(runs.map((r) => r.scriptMs)), layoutMs: median(runs.map((r) => r.layoutMs)), runs };
    json.push(summary);
    rows.push([`${path.basename(summary.build)} ${route}`, summary.taskMs, summary.scriptMs, summary.layoutMs]);
  }
}
console.log(`\nMain thread per load, CPU slowed ${cpuSlowdown}x, median of ${loads}:\n`);
console.log(table(["build route", "task ms", "script ms", "layout ms"], rows));
const out = path.join(root, "test-results", "main-thread.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), cpuSlowdown, loads, results: json }, null, 2));
console.log(`\nwrote ${path.relative(root, out)}`);
