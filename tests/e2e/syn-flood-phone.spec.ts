// The SYN flood lab on a phone (375 px) and a desktop (1280 px), light and
// dark: counters, charts, chart tables and the cookie panel with every text
// whole and reachable, scroll regions named, focusable and hinted, axe-clean;
// typed values out of range explained beside their box; and the simulation
// in a Web Worker, the controls usable while it runs. Screenshots in
// test-results/screenshots/syn-flood-lab-*.png.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_CONTROLS, type LabControls } from "../../lib/labs/syn-flood-lab/controls";
import { runLab } from "../../lib/labs/syn-flood-lab/runLab";
import { decodeControls, encodeControls } from "../../lib/widgets/syn-flood-lab/urlState";
import { axeViolations as widgetAxeViolations, scrollRegionProblems, textProblems } from "./support/phoneLayout";
import { widgetReady } from "./support/widgets";

const screenshotDirectory = path.resolve("test-results", "screenshots");
const WIDGET = '[data-widget="syn-flood-lab"]';
const small: LabControls = { ...DEFAULT_CONTROLS, attackRate: 500, legitRate: 5, duration: 10, backlog: 64 };

async function open(page: Page, controls: LabControls = small) {
  await page.goto(`/lessons/syn-flood#${encodeControls(controls)}`);
  const widget = page.locator(WIDGET);
  await expect(widget).toBeVisible();
  await widgetReady(widget);
  await expect(widget.getByTestId("syn-flood-status")).toHaveAttribute("data-busy", "false", { timeout: 20_000 });
  return widget;
}

async function openEverything(page: Page) {
  const widget = page.locator(WIDGET);
  // Charts are drawn when scrolled near; bring each into view so its text is checked too.
  for (const chart of await widget.locator('[role="img"][data-drawn]').all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute("data-drawn", "true");
    await expect(chart.locator("svg").first()).toBeVisible();
  }
  for (const summary of ["Chart data as tables", "How a SYN cookie is built"]) {
    await widget.locator("summary", { hasText: summary }).click();
  }
  await expect(widget.getByTestId("syn-cookie-steps")).toBeVisible();
  await expect(widget.getByTestId("syn-flood-client-table")).toBeVisible();
}

const axeViolations = (page: Page) => widgetAxeViolations(page, WIDGET);

for (const colorScheme of ["light", "dark"] as const) {
  test(`SYN flood lab at 375 px, ${colorScheme}: counters, charts and cookie panel whole and reachable, axe-clean`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.emulateMedia({ colorScheme });
    const widget = await open(page);
    await openEverything(page);
    // Invalid values beside their boxes, so their messages are laid out and checked too.
    await widget.getByRole("spinbutton", { name: /^Attacker SYN rate/ }).fill("12345");
    await widget.getByLabel("MSS option in the SYN").fill("0");
    await expect(widget.getByTestId("control-error-attackRate")).toBeVisible();
    await expect(widget.getByTestId("cookie-error-mss")).toBeVisible();
    expect(await textProblems(widget, { viewport: true })).toEqual([]);
    expect(await scrollRegionProblems(widget)).toEqual([]);
    // The counter table reflows: no sideways scrolling for it.
    const table = widget.getByTestId("syn-flood-nstat");
    const box = (await table.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - globalThis.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    await widget.screenshot({ path: path.join(screenshotDirectory, `syn-flood-lab-375-${colorScheme}.png`) });
    await widget.locator("fieldset").first().screenshot({ path: path.join(screenshotDirectory, `syn-flood-lab-375-${colorScheme}-controls.png`) });
    await table.screenshot({ path: path.join(screenshotDirectory, `syn-flood-lab-375-${colorScheme}-counters.png`) });
    await widget.getByTestId("syn-cookie-panel").screenshot({ path: path.join(screenshotDirectory, `syn-flood-lab-375-${colorScheme}-cookie.png`) });
    await widget.locator("details").first().screenshot({ path: path.join(screenshotDirectory, `syn-flood-lab-375-${colorScheme}-tables.png`) });
    expect(await axeViolations(page)).toEqual([]);
  });
}

test("SYN flood lab at 1280 px: every text whole (screenshot), axe-clean", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await open(page);
  await openEverything(page);
  expect(await textProblems(widget, { viewport: true })).toEqual([]);
  expect(await scrollRegionProblems(widget)).toEqual([]);
  fs.mkdirSync(screenshotDirectory, { recursive: true });
  await widget.screenshot({ path: path.join(screenshotDirectory, `syn-flood-lab-1280-light.png`) });
  expect(await axeViolations(page)).toEqual([]);
});

test("a value typed out of range is explained beside its box, and the simulation keeps the last valid one", async ({ page }) => {
  const widget = await open(page);
  const rate = widget.getByRole("spinbutton", { name: /^Attacker SYN rate/ });
  await rate.fill("10050");
  await expect(rate).toHaveAttribute("aria-invalid", "true");
  const message = widget.getByTestId("control-error-attackRate");
  await expect(message).toHaveText("10,050 is out of range. Allowed: 0 to 10,000 SYN/s in steps of 100. The simulation keeps 500.");
  expect((await rate.getAttribute("aria-describedby"))?.split(" ")).toContain(await message.getAttribute("id"));
  await page.waitForTimeout(600);
  expect(decodeControls(await page.evaluate(() => location.hash))?.attackRate).toBe(500);
  await expect(widget.getByTestId("syn-flood-status")).toHaveAttribute("data-busy", "false");
  await rate.fill("150");
  await expect(message).toHaveText("150 is between steps. Allowed: 0 to 10,000 SYN/s in steps of 100. The simulation keeps 500.");
  await rate.fill("600");
  await expect(rate).not.toHaveAttribute("aria-invalid", "true");
  await expect(message).toHaveCount(0);
  await expect.poll(async () => decodeControls(await page.evaluate(() => location.hash))?.attackRate).toBe(600);
});

test("the flood is simulated in a Web Worker, and the controls work while a long run is in flight", async ({ page }) => {
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  const widget = await open(page);
  expect(workers.length).toBeGreaterThan(0);
  // A long run (60 s at 10,000 SYN/s), then a change while it runs: the newer controls win.
  const rate = widget.getByRole("spinbutton", { name: /^Attacker SYN rate/ });
  const duration = widget.getByRole("spinbutton", { name: /^Duration/ });
  await rate.fill("10000");
  await duration.fill("60");
  await expect(widget.getByTestId("syn-flood-status")).toHaveAttribute("data-busy", "true");
  await expect(widget.getByTestId("syn-flood-progress")).toBeVisible();
  // The page answers input meanwhile: the select changes at once.
  const cookies = widget.getByLabel("net.ipv4.tcp_syncookies");
  await cookies.selectOption("0");
  await expect(cookies).toHaveValue("0");
  const final: LabControls = { ...small, attackRate: 10000, duration: 60, tcp_syncookies: 0 };
  await expect.poll(async () => decodeControls(await page.evaluate(() => location.hash))).toEqual(final);
  await expect(widget.getByTestId("syn-flood-status")).toHaveAttribute("data-busy", "false", { timeout: 60_000 });
  const expected = runLab(final);
  for (const row of expected.nstat) await expect(widget.getByTestId(`nstat-${row.name}`), row.name).toHaveText(String(row.value));
});
