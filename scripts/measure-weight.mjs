#!/usr/bin/env node
// `npm run measure:weight`: how much JavaScript each page makes a browser
// download, per route, from a production build.
//
//   node scripts/measure-weight.mjs [--no-build] [--out file.json] [--route /path ...] [--url http://127.0.0.1:PORT]
//
// Builds with `next build` (unless --no-build), serves the build with
// `next start` on a free loopback port, opens each route in Debian's Chromium
// (a fresh context each, so nothing is cached) and sums the gzip size of
// every script the page loads:
//   - first load: everything fetched until the network is quiet after `load`,
//     with no interaction (what `next build` calls "First Load JS", measured);
//   - after scroll: what scrolling to the bottom adds (lazily loaded widgets).
// Each script body is gzipped here with zlib at level 9, so the number does
// not depend on whether or how the server compresses.
// --url measures a server already running instead (e.g. the stock Next page
// that scripts/measure-lesson-throughput.mjs builds: the framework's floor),
// with --route naming its pages.
// Budgets: 100 KB for pages without widgets, 170 KB for a lesson (or another
// widget page) before its widgets load. Exits 1 if a route is over its budget.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { OTHER_WIDGET_ROUTES, PLAIN_ROUTES, chromiumPath, cli, lessonRoutes, prepareBuild, root, startServer, table } from "./measureServer.mjs";

const { flag, option } = cli();
export const BUDGET_KB = { page: 100, widgets: 170 };
const outFile = path.resolve(root, option("--out")[0] ?? path.join("test-results", "page-weight.json"));
// Lighthouse's mobile screen, so "before any interaction" means the same first screen in both scripts.
const VIEWPORT = { width: 412, height: 823 };

const kb = (bytes) => bytes / 1024;

async function measure(browser, base, route) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const scripts = new Map(); // url -> { gzip, raw, phase }
  let phase = "first";
  const pending = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const url = response.url();
    if (scripts.has(url)) return;
    const entry = { gzip: 0, raw: 0, phase };
    scripts.set(url, entry);
    pending.push(
      response.body().then(
        (body) => {
          entry.raw = body.length;
          entry.gzip = gzipSync(body, { level: 9 }).length;
        },
        () => undefined,
      ),
    );
  });
  const response = await page.goto(base + route, { waitUntil: "load" });
  const status = response?.status() ?? 0;
  const finalPath = new URL(page.url()).pathname;
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await Promise.all(pending);

  // Then scroll down a screen at a time, letting each screen's lazy code arrive.
  phase = "scroll";
  for (let i = 0; i < 200; i++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (atBottom) break;
  }
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await Promise.all(pending);
  await context.close();

  const sum = (which) => [...scripts.values()].filter((s) => s.phase === which).reduce((total, s) => total + s.gzip, 0);
  return {
    route,
    status,
    redirectedTo: finalPath !== route ? finalPath : undefined,
    firstLoadGzip: sum("first"),
    afterScrollGzip: sum("scroll"),
    scripts: [...scripts.entries()].map(([url, s]) => ({ url: new URL(url).pathname, phase: s.phase, gzip: s.gzip, raw: s.raw })),
  };
}

async function main() {
  const url = option("--url")[0];
  if (!url) prepareBuild({ build: !flag("--no-build") });
  const { base, stop } = url ? { base: new URL(url).origin, stop: () => undefined } : await startServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = [];
  try {
    const only = option("--route");
    const planned = [
      ...(url ? [] : lessonRoutes()).map((route) => ({ route, kind: "lesson", budgetKB: BUDGET_KB.widgets })),
      ...OTHER_WIDGET_ROUTES.map((route) => ({ route, kind: "widgets", budgetKB: BUDGET_KB.widgets })),
      ...PLAIN_ROUTES.map((route) => ({ route, kind: "page", budgetKB: BUDGET_KB.page })),
    ].filter((p) => only.length === 0 || only.includes(p.route));
    for (const p of planned) {
      const result = await measure(browser, base, p.route);
      if (result.status === 404) continue; // a route this build does not have
      results.push({ ...p, ...result, overBudget: kb(result.firstLoadGzip) > p.budgetKB });
    }
  } finally {
    await browser.close();
    stop();
  }

  console.log(`\nJavaScript per route, gzip level 9 of each script body (viewport ${VIEWPORT.width}x${VIEWPORT.height}):\n`);
  console.log(
    table(
      ["route", "first load KB gz", "+ after scroll KB gz", "budget KB", ""],
      results.map((r) => [
        r.route + (r.redirectedTo ? ` (→ ${r.redirectedTo})` : ""),
        kb(r.firstLoadGzip).toFixed(1),
        kb(r.afterScrollGzip).toFixed(1),
        r.budgetKB,
        r.overBudget ? "OVER" : "ok",
      ]),
    ),
  );
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify({ measuredAt: new Date().toISOString(), gzipLevel: 9, viewport: VIEWPORT, budgetsKB: BUDGET_KB, routes: results }, null, 2));
  console.log(`\nwrote ${path.relative(root, outFile)}`);
  const over = results.filter((r) => r.overBudget);
  if (over.length > 0) {
    console.error(`\nover budget: ${over.map((r) => `${r.route} ${kb(r.firstLoadGzip).toFixed(1)} KB > ${r.budgetKB} KB`).join("; ")}`);
    process.exit(1);
  }
}

await main();
