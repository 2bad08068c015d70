// Every lesson: accessible (axe-core), and readable on a phone and a desktop,
// in light and dark. Screenshots land in test-results/screenshots/.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import matter from "gray-matter";

// Every lesson folder (content/lessons/<NN-slug>/index.mdx); the content test checks they are exactly the course's.
const lessons = fs
  .readdirSync(path.resolve("content", "lessons"))
  .filter((folder) => /^\d\d-/.test(folder))
  .sort()
  .map((folder) => matter(fs.readFileSync(path.resolve("content", "lessons", folder, "index.mdx"), "utf8")).data as { slug: string; title: string });

test("finds the course's lessons to check", () => {
  expect(lessons.length).toBeGreaterThanOrEqual(6);
});

const screenshotDirectory = path.resolve("test-results", "screenshots");

for (const lesson of lessons) {
  test.describe(`lesson ${lesson.slug}`, () => {
    test("has no axe-core violations once its widgets and exercises have loaded", async ({ page }) => {
      await page.goto(`/lessons/${lesson.slug}`);
      await expect(page.locator("[data-widget]").first()).toBeVisible();
      await expect(page.locator("[data-exercise]").first().getByRole("button", { name: "Submit answer" })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
    });

    for (const width of [375, 1280]) {
      for (const colorScheme of ["light", "dark"] as const) {
        test(`renders at ${width} px in ${colorScheme} mode without page-wide horizontal scrolling`, async ({ page }) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          await page.goto(`/lessons/${lesson.slug}`);
          await expect(page.getByRole("heading", { level: 1, name: lesson.title })).toBeVisible();
          await expect(page.locator("[data-widget]").first()).toBeVisible();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          fs.mkdirSync(screenshotDirectory, { recursive: true });
          await page.screenshot({ path: path.join(screenshotDirectory, `${lesson.slug}-${width}-${colorScheme}.png`), fullPage: true });
        });
      }
    }
  });
}
