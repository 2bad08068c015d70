#!/usr/bin/env node
// `npm run test:e2e`: a fresh end-to-end database every run, then Playwright
// (whose webServer builds if needed and serves the app on port 3100).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(`test:e2e: no Chromium at ${chromium}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const dataDirectory = path.join(root, "data");
fs.mkdirSync(dataDirectory, { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(path.join(dataDirectory, `e2e.db${suffix}`), { force: true });

const playwright = path.join(root, "node_modules", "@playwright", "test", "cli.js");
const result = spawnSync(process.execPath, [playwright, "test", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
