// Lesson 7: drive the PeerVanishes widget (pick the event, the app's action and
// keepalive settings, by keyboard and pointer) and check what it shows against
// lib/tcp's run of the same scenario; the settings survive a reload through
// the URL hash.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { DEFAULT_CONTROLS, formatTime, outcomeHeadline, runPeerVanishes } from "../../lib/labs/peer-vanishes/model";

const screenshotDirectory = path.resolve("test-results", "screenshots");

test("a rebooting peer: the widget shows the engine's RST and ECONNRESET; keepalive on an idle connection", async ({ page }) => {
  await page.goto("/lessons/peer-vanishes");
  const widget = page.locator('[data-widget="peer-vanishes"]');
  await expect(widget).toBeVisible();
  await widgetReady(widget);

  // Defaults: the host crashes, the app sends 5 s later, tcp_retries2 = 15: ETIMEDOUT after the 924.6 s budget.
  const defaults = runPeerVanishes(DEFAULT_CONTROLS);
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(defaults));
  expect(defaults.outcome.how).toBe("ETIMEDOUT");

  // Keyboard: move from "Its host crashes" to "Its host reboots" with the arrow keys.
  await widget.getByRole("radio", { name: /Its host crashes/ }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(widget.getByRole("radio", { name: /Its host reboots/ })).toBeChecked();

  const reboot = runPeerVanishes({ ...DEFAULT_CONTROLS, event: "reboot" });
  expect(reboot.outcome.how).toBe("ECONNRESET");
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(reboot));
  await expect(widget.getByTestId("pv-timeline").locator("li")).toHaveCount(reboot.rows.length);
  const rst = reboot.rows.find((r) => r.role === "reset")!;
  const rstRow = widget.getByTestId("pv-timeline").locator("li", { hasText: "[R]" });
  await expect(rstRow).toHaveCount(1);
  await expect(rstRow).toContainText(formatTime(rst.t));
  const lost = reboot.rows.filter((r) => r.lost).length;
  await expect(widget.locator('[data-lost="true"]')).toHaveCount(lost);
  await expect(widget.getByTestId("pv-log")).toContainText("# Your app learns: ECONNRESET");

  // Idle app with keepalive 30 / 5 / 3: the probe after the reboot draws the RST.
  await widget.getByRole("radio", { name: /stays idle/ }).check();
  await widget.getByRole("checkbox", { name: /SO_KEEPALIVE/ }).check();
  await widget.getByLabel("TCP_KEEPIDLE (s)").fill("30");
  await widget.getByLabel("TCP_KEEPINTVL (s)").fill("5");
  await widget.getByLabel("TCP_KEEPCNT").fill("3");
  const keepalive = runPeerVanishes({ ...DEFAULT_CONTROLS, event: "reboot", activity: "idle", keepalive: true, keepIdle: 30, keepIntvl: 5, keepCnt: 3 });
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(keepalive));
  await expect(widget.getByTestId("pv-nstat")).toContainText(`TcpExtTCPKeepAlive ${keepalive.probes}`);

  // The link restores the same settings.
  expect(page.url()).toContain("peer-vanishes=");
  await page.reload();
  await widgetReady(widget);
  await expect(widget.getByRole("radio", { name: /Its host reboots/ })).toBeChecked();
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(keepalive));
});

test("TCP_USER_TIMEOUT on a cut cable: ETIMEDOUT where the engine says", async ({ page }) => {
  await page.goto("/lessons/peer-vanishes");
  const widget = page.locator('[data-widget="peer-vanishes"]');
  await widgetReady(widget);
  await widget.getByRole("radio", { name: /The cable is cut/ }).check();
  await widget.getByRole("radio", { name: "TCP_USER_TIMEOUT" }).check();
  await widget.getByLabel("TCP_USER_TIMEOUT (s)").fill("10");
  const run = runPeerVanishes({ ...DEFAULT_CONTROLS, event: "cable-cut", giveUp: "user-timeout", userTimeout: 10 });
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(run));
  await expect(widget.getByTestId("pv-your-state")).toContainText(`${run.retransmissions} retransmissions`);
});

for (const width of [375, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the widget fits ${width} px in ${colorScheme} mode`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.goto("/lessons/peer-vanishes");
      const widget = page.locator('[data-widget="peer-vanishes"]');
      await widget.scrollIntoViewIfNeeded();
      await expect(widget).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const box = await widget.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      fs.mkdirSync(screenshotDirectory, { recursive: true });
      await widget.screenshot({ path: path.join(screenshotDirectory, `peer-vanishes-widget-${width}-${colorScheme}.png`) });
    });
  }
}
