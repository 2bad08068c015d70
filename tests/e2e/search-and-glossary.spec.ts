// Search and the glossary in Chromium: a learner types tcp_tw_reuse or
// CLOSE_WAIT and lands on the section that explains it; a lesson's first use
// of a term leads to its glossary entry; search's code and index load on the
// search page only; both pages are static, axe-clean and fit 375 and 1280 px,
// light and dark (screenshots in test-results/screenshots/).
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import matter from "gray-matter";
import { axeViolations, pageOverflow, rulesFor, textProblems } from "./support/phoneLayout";

const screenshotDirectory = path.resolve("test-results", "screenshots");

const lessonSlugs = fs
  .readdirSync(path.resolve("content", "lessons"))
  .filter((folder) => /^\d\d-/.test(folder))
  .sort()
  .map((folder) => (matter(fs.readFileSync(path.resolve("content", "lessons", folder, "index.mdx"), "utf8")).data as { slug: string }).slug);

async function openSearch(page: Page, url = "/search") {
  await page.goto(url);
  await expect(page.locator("[data-search-state]")).toHaveAttribute("data-search-state", "ready");
}

test.describe("search", () => {
  test("typing tcp_tw_reuse lists the TIME-WAIT lesson's section on it, and its link lands on that section", async ({ page }) => {
    await openSearch(page);
    const box = page.getByLabel("Search the lessons and the glossary");
    await box.pressSequentially("tcp_tw_reuse");
    await expect(page.getByRole("status")).toHaveText(/results? for “tcp_tw_reuse”/);
    await expect(page).toHaveURL(/\/search\?q=tcp_tw_reuse$/);

    const results = page.getByRole("list", { name: "Search results" });
    const section = results.locator('a[href="/lessons/time-wait#the-knobs"]');
    await expect(section).toContainText("Lesson 4: TIME-WAIT and 2MSL");
    await expect(section).toContainText("The knobs");
    await expect(results.locator('a[href="/glossary#tcp_tw_reuse"]')).toBeVisible();
    // the snippet marks the name
    await expect(section.locator("xpath=ancestor::li").locator("mark").first()).toHaveText(/tcp_tw_reuse/);

    await section.click();
    await expect(page).toHaveURL(/\/lessons\/time-wait#the-knobs$/);
    await expect(page.getByRole("heading", { level: 3, name: "The knobs" })).toBeInViewport();
  });

  test("CLOSE_WAIT from a shared link, CLOSE-WAIT and close wait all lead to the CLOSE-WAIT lesson", async ({ page }) => {
    await openSearch(page, "/search?q=CLOSE_WAIT");
    const box = page.getByLabel("Search the lessons and the glossary");
    await expect(box).toHaveValue("CLOSE_WAIT");
    const firstLessonResult = page.locator('[data-result-kind="section"] a[data-result]').first();
    for (const query of ["CLOSE_WAIT", "CLOSE-WAIT", "close wait"]) {
      if (query !== "CLOSE_WAIT") await box.fill(query);
      await expect(page.getByRole("status")).toHaveText(new RegExp(`results? for “${query}”`));
      await expect(firstLessonResult).toHaveAttribute("href", /^\/lessons\/close-wait(#|$)/);
      await expect(page.locator('a[data-result][href="/glossary#close-wait"]')).toBeVisible();
    }
    // reload keeps the query and the results
    await expect(page).toHaveURL(/\?q=close%20wait$/);
    await page.reload();
    await expect(page.locator("[data-search-state]")).toHaveAttribute("data-search-state", "ready");
    await expect(box).toHaveValue("close wait");
    await expect(firstLessonResult).toHaveAttribute("href", /^\/lessons\/close-wait(#|$)/);
    await firstLessonResult.click();
    await expect(page).toHaveURL(/\/lessons\/close-wait/);
  });

  test("works from the keyboard: the header link opens it, the down arrow moves into the results, Enter opens one", async ({ page }) => {
    await page.goto("/lessons");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search$/);
    await expect(page.locator("[data-search-state]")).toHaveAttribute("data-search-state", "ready");
    await page.getByLabel("Search the lessons and the glossary").focus();
    await page.keyboard.type("ListenOverflows");
    await expect(page.getByRole("status")).toHaveText(/results? for “ListenOverflows”/);
    await page.keyboard.press("ArrowDown");
    const first = page.locator("a[data-result]").first();
    await expect(first).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("a[data-result]").nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(first).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByLabel("Search the lessons and the glossary")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    const href = await first.getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href!.replace(/[#.]/g, "\\$&")}$`));
  });

  test("says so when nothing matches", async ({ page }) => {
    await openSearch(page, "/search?q=blorptastic");
    await expect(page.getByRole("status")).toHaveText(/No results for “blorptastic”/);
    await expect(page.locator("a[data-result]")).toHaveCount(0);
  });

  test("loads its code and index on the search page only", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    for (const url of ["/", "/lessons/time-wait", "/glossary"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
    }
    expect(requested.filter((url) => url.includes("/search"))).toEqual([]);
    const scripts = requested.filter((url) => url.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(await (await page.request.get(url)).text(), url).not.toContain("MiniSearch: ");

    await openSearch(page);
    expect(requested.filter((url) => url.endsWith("/search/index.json"))).toHaveLength(1);
  });
});

test.describe("glossary", () => {
  test("a lesson's first use of a term links to its glossary entry, and the entry links back", async ({ page }) => {
    await page.goto("/lessons/time-wait");
    const prose = page.locator("[data-lesson-content]");
    const termLinks = prose.locator('a[href="/glossary#tcp_tw_reuse"]');
    await expect(termLinks).toHaveCount(1);
    await expect(prose.locator('a[href="/glossary#time-wait"]')).toHaveCount(1);
    await termLinks.click();
    await expect(page).toHaveURL(/\/glossary#tcp_tw_reuse$/);
    const entry = page.locator('[id="tcp_tw_reuse"]');
    await expect(entry).toBeInViewport();
    await expect(entry).toContainText("Default: 2 (loopback traffic only)");
    await expect(entry).toContainText("tcp_twsk_unique()");
    await entry.getByRole("link", { name: "TIME-WAIT and 2MSL" }).click();
    // back to the section of the lesson's first use
    await expect(page).toHaveURL(/\/lessons\/time-wait#reason-2-old-duplicates-of-an-earlier-incarnation$/);
  });

  test("every glossary link in every lesson leads to an entry that exists", async ({ page }) => {
    const targets = new Set<string>();
    for (const slug of lessonSlugs) {
      await page.goto(`/lessons/${slug}`);
      const hrefs = await page.locator("[data-lesson-content] a.glossary-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length, slug).toBeGreaterThan(10);
      expect(new Set(hrefs).size, `${slug}: one link per term`).toBe(hrefs.length);
      for (const href of hrefs) targets.add(href);
    }
    await page.goto("/glossary");
    for (const href of targets) {
      expect(href).toMatch(/^\/glossary#/);
      await expect(page.locator(`[id="${href.slice("/glossary#".length)}"]`), href).toHaveCount(1);
    }
  });

  test("groups states, sysctls, counters, socket options and terms, each with a jump link", async ({ page }) => {
    await page.goto("/glossary");
    await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
    const groups = ["TCP states", "Sysctls", "Counters", "Socket options", "Terms"];
    for (const name of groups) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Glossary groups" }).getByRole("link", { name })).toBeVisible();
    }
    await expect(page.locator('[data-glossary-entry="state"]')).toHaveCount(11);
    await expect(page.locator('[id="close-wait"]')).toContainText("RFC 9293 §3.3.2");
  });
});

test("the glossary, the search page and the search index are generated at build time", () => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next", "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  for (const route of ["/glossary", "/search", "/search/index.json"]) expect(Object.keys(manifest.routes), route).toContain(route);
});

const PAGES = [
  { name: "glossary", url: "/glossary", ready: async (page: Page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible() },
  {
    name: "search",
    url: "/search?q=tcp_tw_reuse",
    ready: async (page: Page) => expect(page.locator("a[data-result]").first()).toBeVisible(),
  },
] as const;

for (const p of PAGES) {
  for (const width of [375, 1280]) {
    // Light and dark on one loaded page: the schemes differ only in CSS (prefers-color-scheme).
    test(`${p.name} at ${width} px, light and dark: axe-clean, fits the width, every text whole`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(p.url);
      await p.ready(page);
      fs.mkdirSync(screenshotDirectory, { recursive: true });
      for (const colorScheme of ["light", "dark"] as const) {
        await test.step(colorScheme, async () => {
          await page.emulateMedia({ colorScheme });
          expect(await pageOverflow(page), colorScheme).toBeLessThanOrEqual(0);
          expect(await textProblems(page.locator("main")), colorScheme).toEqual([]);
          expect(await axeViolations(page, rulesFor(colorScheme)), colorScheme).toEqual([]);
          await page.screenshot({ path: path.join(screenshotDirectory, `${p.name}-${width}-${colorScheme}.png`), fullPage: p.name === "search" });
        });
      }
    });
  }
}
