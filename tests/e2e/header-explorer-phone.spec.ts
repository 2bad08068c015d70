// The header explorer on a phone (375 px) and a desktop (1280 px), light and
// dark: every text whole inside its box and on screen or in a scroll region
// that says it scrolls and takes keyboard focus, axe-clean, an invalid value
// explained beside its box; and the lesson's exercise bytes are not decoded
// for the learner while the exercise is open. Screenshots in
// test-results/screenshots/header-explorer-*.png.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations as widgetAxeViolations, scrollRegionProblems, textProblems } from "./support/phoneLayout";

const screenshotDirectory = path.resolve("test-results", "screenshots");
const WIDGET = '[data-widget="header-explorer"]';

async function open(page: Page) {
  await page.goto("/lessons/header-fields");
  const widget = page.locator(WIDGET);
  await expect(widget).toBeVisible();
  // Hydrated once a click on a field selects it.
  await expect(async () => {
    await widget.locator('button[data-cell="field:checksum"]').click();
    await expect(widget.getByTestId("field-details")).toContainText("Checksum", { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  return widget;
}

const axeViolations = (page: Page) => widgetAxeViolations(page, WIDGET);

for (const colorScheme of ["light", "dark"] as const) {
  test(`header explorer at 375 px, ${colorScheme}: every text whole and reachable, scroll regions named and hinted, axe-clean`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.emulateMedia({ colorScheme });
    const widget = await open(page);
    // An out-of-range value: its message sits beside the box and fits too.
    const window = widget.getByLabel("Window", { exact: true });
    await window.fill("70000");
    await expect(window).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await window.getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(
      "Window must be a whole number from 0 to 65535 (16 bits); got 70000. The header keeps 64240.",
    );
    expect(await textProblems(widget, { viewport: true })).toEqual([]);
    expect(await scrollRegionProblems(widget)).toEqual([]);
    // The bit diagram and the dump scroll sideways here, and say so.
    await expect(widget.getByTestId("scroll-hint")).toHaveCount(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - globalThis.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    await widget.screenshot({ path: path.join(screenshotDirectory, `header-explorer-375-${colorScheme}.png`) });
    // The parts the issue named, one picture each: easier to look at than the whole tall widget.
    await widget.locator('[role="group"][aria-label^="Header bits"]').screenshot({ path: path.join(screenshotDirectory, `header-explorer-375-${colorScheme}-bits.png`) });
    await widget.getByTestId("header-hex").screenshot({ path: path.join(screenshotDirectory, `header-explorer-375-${colorScheme}-hex.png`) });
    await widget.locator("fieldset").first().screenshot({ path: path.join(screenshotDirectory, `header-explorer-375-${colorScheme}-fields.png`) });
    expect(await axeViolations(page)).toEqual([]);
  });
}

test("header explorer at 1280 px: every text whole, nothing to scroll sideways (screenshot)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await open(page);
  expect(await textProblems(widget, { viewport: true })).toEqual([]);
  expect(await scrollRegionProblems(widget)).toEqual([]);
  await expect(widget.getByTestId("scroll-hint")).toHaveCount(0);
  fs.mkdirSync(screenshotDirectory, { recursive: true });
  await widget.screenshot({ path: path.join(screenshotDirectory, `header-explorer-1280-light.png`) });
  expect(await axeViolations(page)).toEqual([]);
});

test("the checksum reads 0x15c1 (5569) in the diagram, the field details, the editor and the status alike", async ({ page }) => {
  const widget = await open(page);
  await expect(widget.locator('button[data-cell="field:checksum"]')).toContainText("0x15c1 (5569)");
  await expect(widget.getByTestId("field-details")).toContainText("0x15c1 (5569)");
  await expect(widget.getByTestId("checksum-status")).toContainText("Checksum 0x15c1 (5569) does not verify (a finished one would be 0x749f (29855))");
  await expect(widget.locator("fieldset", { hasText: "Fields" }).first()).toContainText("0x15c1 (5569)");
});

test("pasting the open exercise's bytes into the explorer does not decode them, and the lesson does not send learners there", async ({ page }) => {
  const widget = await open(page);
  const exercise = page.locator('[data-exercise="header-bytes-ack-flags"]');
  const material = exercise.getByTestId("exercise-material");
  await expect(material).toBeVisible();
  const bytes = await material.innerText();
  await expect(page.locator("article, main").first()).not.toContainText("check your reading in the explorer by pasting");
  const ackBefore = await widget.getByLabel("Acknowledgment number", { exact: true }).inputValue();
  await widget.getByLabel("Paste header bytes (hex or tcpdump -x output)").fill(bytes);
  await widget.getByRole("button", { name: "Decode" }).click();
  await expect(widget.getByRole("alert")).toContainText("bytes of an exercise on this page that you have not solved yet");
  await expect(widget.getByLabel("Acknowledgment number", { exact: true })).toHaveValue(ackBefore);
  // Anything else still decodes.
  await widget.getByLabel("Paste header bytes (hex or tcpdump -x output)").fill("01bb 9f3a 1c2d 3e4f 0a0b 0c0d 5010 ffff 1234 0000");
  await widget.getByRole("button", { name: "Decode" }).click();
  await expect(widget.getByLabel("Acknowledgment number", { exact: true })).toHaveValue(String(0x0a0b0c0d));
});
