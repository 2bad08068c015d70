import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

// Debian's chromium: Playwright cannot download its own browsers here (ENVIRONMENT.md).
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // Spec files run two at a time (the tests inside one file in order): the
  // suite waits on the browser and the server about as much as it computes,
  // so two workers finish it in well under the time of one on two cores.
  // Each test has its own browser context, so its own guest. E2E_WORKERS=1
  // runs one file at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 2,
  // One retry in CI only: a few specs that scroll long lessons while exercises and
  // widgets load above the viewport have failed once under load and passed on rerun.
  // A retried test is still listed as flaky in the report, so it is seen, not hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The same path a user takes: prepare the database, build if needed, serve.
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/lessons`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${path.resolve("data", "e2e.db")}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
