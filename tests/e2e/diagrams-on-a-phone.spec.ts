// The sequence diagrams on a phone (375 px), light and dark: both hosts' lanes
// on screen at once (no sideways scroll hiding the server), every text of the
// widgets whole inside its box (SVG text inside its SVG, HTML text not wider
// than its element), SVG text at least 11 px, axe-clean. The 1280 px look is
// screenshotted alongside (test-results/screenshots/diagrams-*.png).
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { WHAT_IF_IDS } from "../../lib/labs/what-if/model";
import { axeViolations, pageOverflow, rulesFor, textProblems } from "./support/phoneLayout";

const screenshotDirectory = path.resolve("test-results", "screenshots");

const PAGES = [
  { name: "three-way-handshake", url: "/lessons/three-way-handshake", widget: '[data-widget="sequence-simulator"]', diagram: '[data-testid="diagram-scroll"]' },
  { name: "four-way-close", url: "/lessons/four-way-close", widget: '[data-widget="sequence-simulator"]', diagram: '[data-testid="diagram-scroll"]' },
  { name: "what-if", url: "/interview/what-if", widget: '[data-widget="what-if"]', diagram: '[data-testid="run-diagram"]' },
] as const;

async function open(page: Page, p: (typeof PAGES)[number]) {
  await page.goto(p.url);
  if (p.name === "what-if") {
    for (const id of WHAT_IF_IDS) {
      const section = page.locator(`section#${id}`);
      const widget = section.locator('[data-widget="what-if"]');
      await expect(async () => {
        if ((await widget.getAttribute("data-switch")) !== "on") {
          await section.getByRole("switch").focus();
          await page.keyboard.press("Space");
        }
        await expect(widget).toHaveAttribute("data-switch", "on", { timeout: 1000 });
      }).toPass({ timeout: 20_000 });
    }
  } else {
    const widgets = page.locator('[data-widget="sequence-simulator"]');
    await expect(widgets.first()).toBeVisible();
    // simulators open at their start: show every event, so the checks below see the whole diagram
    for (const w of await widgets.all()) {
      await widgetReady(w);
      await expect(w).toHaveAttribute("data-hydrated", "true");
      await w.getByRole("button", { name: /End/ }).click();
    }
  }
}

for (const p of PAGES) {
  // Light and dark on one loaded page: the schemes differ only in CSS (prefers-color-scheme).
  test(`${p.name} at 375 px, light and dark: both lanes on screen, every text whole, axe-clean`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.emulateMedia({ colorScheme: "light" });
    await open(page, p);
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    for (const colorScheme of ["light", "dark"] as const) {
      await test.step(colorScheme, async () => {
        await page.emulateMedia({ colorScheme });
        const diagrams = page.locator(p.diagram);
        const count = await diagrams.count();
        expect(count).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
          const d = diagrams.nth(i);
          await d.scrollIntoViewIfNeeded();
          await expect(d).toHaveAttribute("data-layout", "narrow");
          const frame = (await d.boundingBox())!;
          for (const lane of ["client", "server"]) {
            const boxes = await d.locator(`[data-lane="${lane}"]`).evaluateAll((els) =>
              els.map((e) => {
                const r = e.getBoundingClientRect();
                return { left: r.left, right: r.right };
              }),
            );
            expect(boxes.length, `${p.name} diagram ${i}: ${lane} lane`).toBe(2);
            for (const b of boxes) {
              expect(b.left, `${p.name} diagram ${i}: ${lane} lane left edge`).toBeGreaterThanOrEqual(Math.max(0, frame.x));
              expect(b.right, `${p.name} diagram ${i}: ${lane} lane right edge`).toBeLessThanOrEqual(Math.min(375, frame.x + frame.width));
            }
          }
          // nothing to scroll to sideways
          expect(await d.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
        }
        const problems: string[] = [];
        for (const w of await page.locator(p.widget).all()) problems.push(...(await textProblems(w)));
        expect(problems).toEqual([]);
        expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
        await page.locator(p.widget).first().screenshot({ path: path.join(screenshotDirectory, `diagrams-${p.name}-375-${colorScheme}.png`) });
        // axe on the widgets (the lesson prose around them is lessons-a11y.spec.ts's)
        expect(await axeViolations(page, { include: p.widget, ...rulesFor(colorScheme) })).toEqual([]);
      });
    }

    if (p.name !== "what-if") {
      // random ISNs shown absolute make the longest labels (ten-digit numbers): they wrap onto a second line, whole
      const first = page.locator(p.widget).first();
      await first.getByRole("checkbox", { name: /Absolute sequence numbers/ }).check();
      await first.getByRole("button", { name: "Random ISNs" }).click();
      await expect(first.locator('[data-testid="segment"] tspan:nth-of-type(2)').first()).toBeAttached();
      expect(await textProblems(first)).toEqual([]);
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await first.locator(p.diagram).screenshot({ path: path.join(screenshotDirectory, `diagrams-${p.name}-375-${colorScheme}-absolute.png`) });
      }
    }
  });

  test(`${p.name} at 1280 px: every text whole (screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, p);
    const problems: string[] = [];
    for (const w of await page.locator(p.widget).all()) problems.push(...(await textProblems(w)));
    expect(problems.filter((x) => !x.includes(" rendered at "))).toEqual([]);
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    await page.locator(p.widget).first().screenshot({ path: path.join(screenshotDirectory, `diagrams-${p.name}-1280-light.png`) });
  });
}
