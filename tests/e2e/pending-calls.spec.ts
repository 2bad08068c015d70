// A dropped segment on the handshake lesson, stepped through with the keyboard:
// connect() is drawn pending (with its bar down the client's lane) until it
// returns, none of the client's later calls appears before that, and no
// impossible result or non-change of state is shown. At 375 px and 1280 px,
// light and dark (screenshots in test-results/screenshots/pending-*.png).
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

const screenshotDirectory = path.resolve("test-results", "screenshots");

async function handshake(page: Page): Promise<Locator> {
  await page.goto("/lessons/three-way-handshake");
  const w = page.locator('[data-widget="sequence-simulator"][data-preset="handshake"]');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute("data-hydrated", "true");
  return w;
}

const connectCall = (w: Locator) => w.locator('[data-testid="call"][data-call="connect"]');
const connectReturn = (w: Locator) => w.locator('[data-testid="call-return"][data-call="connect"]');

for (const [width, colorScheme] of [
  [375, "light"],
  [375, "dark"],
  [1280, "light"],
  [1280, "dark"],
] as const) {
  test(`handshake at ${width} px, ${colorScheme}: with the SYN-ACK dropped, connect() is pending until it returns and nothing impossible is shown`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    const w = await handshake(page);

    // Show the run, select the SYN-ACK from the keyboard and drop it.
    await w.getByRole("button", { name: /End/ }).click();
    await w.locator('[data-testid="segment"][data-index="1"]').focus();
    await page.keyboard.press("Enter");
    await expect(w.getByTestId("inspector")).toContainText("[S.]");
    await w.getByTestId("drop-toggle").check();
    await expect(w.getByTestId("event-log")).toContainText("DROPPED");

    // Back to the start, then step with the keyboard.
    await w.getByRole("button", { name: /Rewind/ }).click();
    const step = w.getByTestId("step-forward");
    await step.focus();
    while ((await connectCall(w).count()) === 0) await page.keyboard.press("Enter");
    await expect(connectCall(w)).toHaveAttribute("data-pending", "true");
    await expect(connectCall(w)).toContainText("connect() … pending");
    // the bar down the client's lane (an SVG line: attached, with a length)
    const bar = w.locator('[data-testid="pending-marker"][data-open="true"]').first();
    await expect(bar).toBeAttached();
    expect((await bar.boundingBox())!.height).toBeGreaterThan(8);

    // Step on: until connect() returns, the client makes no other call.
    let steps = 0;
    while ((await connectReturn(w).count()) === 0) {
      await expect(w.locator('[data-testid="call"][data-host="client"]:not([data-call="connect"])')).toHaveCount(0);
      await expect(w.locator('[data-testid="call-return"][data-host="client"]')).toHaveCount(0);
      // the lost SYN-ACK is on the wire while connect() waits
      if (steps === 3) {
        fs.mkdirSync(screenshotDirectory, { recursive: true });
        await w.getByTestId("diagram-scroll").screenshot({ path: path.join(screenshotDirectory, `pending-${width}-${colorScheme}.png`) });
      }
      await page.keyboard.press("Enter");
      steps++;
      expect(steps).toBeLessThan(40);
    }
    await expect(connectReturn(w)).toContainText("connect() → ok");
    await expect(connectCall(w)).toHaveAttribute("data-pending", "false");
    await expect(w.getByTestId("state-client")).toContainText("ESTABLISHED");

    // The client's send() comes after; the whole log has no impossible result and no non-change.
    await w.getByRole("button", { name: /End/ }).click();
    await expect(w.locator('[data-testid="call"][data-host="client"][data-call="send"]')).toHaveCount(1);
    const log = (await w.getByTestId("event-log").textContent()) ?? "";
    expect(log).toMatch(/client {2}connect\(\) … pending/);
    expect(log).not.toMatch(/EAGAIN|ENOTCONN/);
    expect(log).not.toMatch(/([A-Z-]+) → \1(?![A-Z-])/);
    expect(log).not.toContain("4294962296");
    // both lanes stay on screen at 375 px
    const frame = (await w.getByTestId("diagram-scroll").boundingBox())!;
    for (const lane of ["client", "server"]) {
      const box = (await w.locator(`line[data-lane="${lane}"]`).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(frame.x);
      expect(box.x + box.width).toBeLessThanOrEqual(Math.min(width, frame.x + frame.width));
    }
    const results = await new AxeBuilder({ page }).include('[data-widget="sequence-simulator"][data-preset="handshake"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
