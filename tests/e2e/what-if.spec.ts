// The what-if sandbox (/interview/what-if): switch each counterfactual on,
// with the keyboard, and see its failure: the highlighted moment's words as
// lib/labs/what-if computes them. Axe-clean with every switch on; readable at
// 375 and 1280 px, light and dark (screenshots in test-results/screenshots/).
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { whatIfSections, WHAT_IF_IDS } from "../../lib/labs/what-if/model";

const sections = whatIfSections();
const screenshotDirectory = path.resolve("test-results", "screenshots");

/** The altered runs' headlines of one section, in page order. */
function failures(id: string): string[] {
  const s = sections.find((x) => x.meta.id === id)!;
  return s.kind === "sequence" ? s.comparisons.map((c) => c.altered.moment.headline) : [s.flood.altered.moment.headline];
}

async function switchOn(page: Page, id: string) {
  const section = page.locator(`section#${id}`);
  const widget = section.locator('[data-widget="what-if"]');
  const toggle = section.getByRole("switch");
  // keyboard: focus the switch and press Space (retried until React has hydrated)
  await expect(async () => {
    if ((await widget.getAttribute("data-switch")) !== "on") {
      await toggle.focus();
      await page.keyboard.press("Space");
    }
    await expect(widget).toHaveAttribute("data-switch", "on", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(toggle).toBeChecked();
  return section;
}

test("the page has one section per counterfactual, with the ids questions link to", async ({ page }) => {
  await page.goto("/interview/what-if");
  await expect(page.getByRole("heading", { level: 1, name: "What if TCP were designed differently?" })).toBeVisible();
  for (const id of WHAT_IF_IDS) await expect(page.locator(`section#${id}`)).toHaveCount(1);
});

for (const id of WHAT_IF_IDS) {
  test(`${id}: switched on, the altered run appears beside real TCP with its failure highlighted`, async ({ page }) => {
    await page.goto(`/interview/what-if#${id}`);
    const section = page.locator(`section#${id}`);
    // off: real TCP only, its moment explained
    await expect(section.getByTestId("real-run").first()).toBeVisible();
    await expect(section.getByTestId("altered-run")).toHaveCount(0);
    await expect(section.getByTestId("what-if-real").first()).toContainText("How real TCP handles it");
    await switchOn(page, id);
    const expected = failures(id);
    await expect(section.getByTestId("altered-run")).toHaveCount(expected.length);
    const notes = section.getByTestId("what-if-failure");
    for (let i = 0; i < expected.length; i++) await expect(notes.nth(i)).toContainText(expected[i]!);
    if (id !== "no-syn-cookies") {
      // the moment is marked in the altered diagram
      for (const run of await section.getByTestId("altered-run").all()) await expect(run.locator('[data-highlight="true"]')).toHaveCount(1);
    }
    // and off again, with the mouse on the switch's label
    await section.locator('[data-widget="what-if"] > label').click();
    await expect(section.getByTestId("altered-run")).toHaveCount(0);
  });
}

test("no axe-core violations with every switch on", async ({ page }) => {
  await page.goto("/interview/what-if");
  for (const id of WHAT_IF_IDS) await switchOn(page, id);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
});

for (const width of [375, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`renders at ${width} px in ${colorScheme} mode without page-wide horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto("/interview/what-if");
      for (const id of WHAT_IF_IDS) await switchOn(page, id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      fs.mkdirSync(screenshotDirectory, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDirectory, `what-if-${width}-${colorScheme}.png`), fullPage: true });
      await page.locator("section#no-time-wait").screenshot({ path: path.join(screenshotDirectory, `what-if-no-time-wait-${width}-${colorScheme}.png`) });
    });
  }
}
