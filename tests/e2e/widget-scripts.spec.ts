// Pages that are not lessons ship none of the widgets' JavaScript: their code
// (lib/widgets, recharts) reaches the browser only on a lesson page.
import { expect, test, type Page } from "@playwright/test";
import { scrollThrough } from "./support/widgets";

// Strings that only the widgets' code contains: every widget root carries a data-widget attribute,
// and recharts names its SVG wrappers. The lesson-page test below shows they are found when present.
const WIDGET_MARKERS = ["data-widget", "recharts-wrapper"];

/** The text of every script the page loads, including the ones the router prefetches once it is idle. */
async function scriptsLoadedBy(page: Page, url: string): Promise<Map<string, string>> {
  const scripts = new Map<string, string>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response
        .text()
        .then((text) => void scripts.set(response.url(), text))
        .catch(() => undefined),
    );
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Give link prefetching (in view, and on hover) its chance to pull in lesson code.
  for (const link of (await page.locator('a[href^="/lessons/"]').all()).slice(0, 3)) await link.hover();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await Promise.all(pending);
  return scripts;
}

function widgetCodeIn(scripts: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [url, text] of scripts) for (const marker of WIDGET_MARKERS) if (text.includes(marker)) found.push(`${marker} in ${url}`);
  return found;
}

for (const url of ["/", "/lessons", "/dashboard", "/login", "/signup"]) {
  test(`${url} loads no widget code`, async ({ page }) => {
    const scripts = await scriptsLoadedBy(page, url);
    expect(scripts.size).toBeGreaterThan(0);
    expect(widgetCodeIn(scripts)).toEqual([]);
  });
}

test("a lesson page does load its widgets' code once the reader scrolls to them, so the markers above would catch it elsewhere", async ({ page }) => {
  const scripts = await scriptsLoadedBy(page, "/lessons/time-wait");
  await scrollThrough(page);
  // The listener keeps collecting the scripts scrolling brings in.
  await expect.poll(() => widgetCodeIn(scripts).some((hit) => hit.startsWith("data-widget"))).toBe(true);
  await expect.poll(() => widgetCodeIn(scripts).some((hit) => hit.startsWith("recharts-wrapper"))).toBe(true);
});
