// Reading a long lesson: the table of contents (sticky beside the text from xl
// up, collapsible below), the section-in-view highlight, the reading time
// and the headings' copyable "#" links.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const LESSON = "/lessons/time-wait"; // long, with h2 sections and an h3

/** Every lesson the course lists, read from the lessons index the way a reader finds them. */
async function lessonPaths(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get("/lessons")).text();
  return [...new Set([...html.matchAll(/href="(\/lessons\/[a-z0-9-]+)"/g)].map((match) => match[1]!))];
}

const desktopToc = (page: Page) => page.locator("[data-lesson-toc] > nav");
const phoneToc = (page: Page) => page.locator("[data-lesson-toc] > details");
const content = (page: Page) => page.locator("[data-lesson-content]");

/** The lesson's own h2 and h3 headings (from its MDX), not the titles inside exercises and widgets. */
const lessonHeadings = (page: Page) =>
  content(page).evaluate((root) =>
    Array.from(root.querySelectorAll("h2, h3"))
      .filter((heading) => !heading.closest("[data-exercise], [data-widget]"))
      .map((heading) => ({ id: heading.id, tag: heading.tagName, title: (heading as HTMLElement).innerText.trim() })),
  );

test("every lesson's table of contents lists its h2 and h3 headings in order, and each link's target exists", async ({ page, request }) => {
  const paths = await lessonPaths(request);
  expect(paths.length).toBeGreaterThanOrEqual(6);
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const lessonPath of paths) {
    await page.goto(lessonPath);
    const hrefs = await desktopToc(page).getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs.length, lessonPath).toBeGreaterThan(2);
    const headings = await lessonHeadings(page);
    // The same ids, in the same order: nothing missing from the TOC, nothing in it that is not a heading.
    expect(hrefs, lessonPath).toEqual(headings.map((heading) => `#${heading.id}`));
    for (const href of hrefs) {
      const target = await page.evaluate((id) => document.getElementById(id)?.tagName ?? null, href!.slice(1));
      expect(["H2", "H3"], `${lessonPath}${href}`).toContain(target);
    }
    // The phone TOC is the same list.
    const phoneHrefs = await phoneToc(page).locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(phoneHrefs, lessonPath).toEqual(hrefs);
  }
});

test("every heading's '#' link is named after its section and its address is the section's URL", async ({ page, request, baseURL }) => {
  for (const lessonPath of await lessonPaths(request)) {
    await page.goto(lessonPath);
    const headings = await lessonHeadings(page);
    expect(headings.length, lessonPath).toBeGreaterThan(2);
    for (const { id, title } of headings) {
      expect(id, `${lessonPath}: ${title}`).toMatch(/^[a-z0-9_-]+$/);
      const link = content(page).getByRole("link", { name: `Link to section: ${title}`, exact: true });
      await expect(link, `${lessonPath}: ${title}`).toHaveCount(1);
      expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${baseURL}${lessonPath}#${id}`);
      // The heading's own accessible name is just its title (the link sits beside it, not inside).
      await expect(content(page).getByRole("heading", { name: title, exact: true }), `${lessonPath}: ${title}`).toHaveCount(1);
    }
  }
});

test("a heading's '#' link shows on hover and on keyboard focus", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(LESSON);
  const link = content(page).getByRole("link", { name: "Link to section: TIME-WAIT under load" });
  await expect(link).toHaveCSS("opacity", "0");
  await content(page).getByRole("heading", { name: "TIME-WAIT under load" }).hover();
  await expect(link).toHaveCSS("opacity", "1");
  await page.mouse.move(0, 0);
  await expect(link).toHaveCSS("opacity", "0");
  await link.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await expect(link).toHaveCSS("opacity", "1");
});

test("opening a section's URL lands on that section", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${LESSON}#time-wait-under-load`);
  await expect(content(page).getByRole("heading", { name: "TIME-WAIT under load" })).toBeInViewport();
});

// Known problem in lib/widgets (not this feature's code): the sequence simulator writes its state into the
// hash when it mounts, through URLSearchParams, which turns "#time-wait-under-load" into
// "#time-wait-under-load=&seq-…=…"; the address bar then no longer holds a link to the section.
test("opening a section's URL keeps that URL in the address bar once the widgets have loaded", async ({ page, baseURL }) => {
  await page.goto(`${LESSON}#time-wait-under-load`);
  await expect(page.locator("[data-widget]").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(page.url()).toBe(`${baseURL}${LESSON}#time-wait-under-load`);
});

test("the lesson header shows the reading time", async ({ page }) => {
  await page.goto(LESSON);
  const header = page.locator("article header").first();
  await expect(header).toContainText(/Lesson \d+ · \d+ min read/);
  const minutes = Number(/(\d+) min read/.exec(await header.innerText())![1]);
  const words = Number(await header.locator("[data-prose-words]").getAttribute("data-prose-words"));
  expect(minutes).toBe(Math.max(1, Math.round(words / 200)));
  expect(minutes).toBeGreaterThanOrEqual(5); // a long lesson, prose only
});

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the table of contents sits beside the text and stays in view while the reader scrolls", async ({ page }) => {
    await page.goto(LESSON);
    const toc = desktopToc(page);
    await expect(toc).toBeVisible();
    await expect(phoneToc(page)).toBeHidden();
    const tocBox = (await toc.boundingBox())!;
    const proseBox = (await content(page).boundingBox())!;
    expect(tocBox.x).toBeGreaterThanOrEqual(proseBox.x + proseBox.width);
    // The lesson column keeps the width its widgets' lg layouts need (the page widens instead).
    expect(proseBox.width).toBeGreaterThanOrEqual(960);
    // Header, lesson and footer share their left edge.
    const logo = (await page.getByRole("link", { name: "TCP, connection by connection" }).boundingBox())!;
    expect(Math.abs(logo.x - proseBox.x)).toBeLessThanOrEqual(1);
    await content(page).getByRole("heading", { name: "In production" }).scrollIntoViewIfNeeded();
    await expect(toc).toBeInViewport();
  });

  test("a table of contents link jumps to its section and puts it in the address bar", async ({ page, baseURL }) => {
    await page.goto(LESSON);
    // Once the widgets have hydrated (they write their own state into the hash when they mount).
    await expect(page.locator("[data-widget]").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await desktopToc(page).getByRole("link", { name: "The knobs" }).click();
    const heading = content(page).getByRole("heading", { name: "The knobs", exact: true });
    await expect(heading).toBeInViewport();
    await expect(page).toHaveURL(`${baseURL}${LESSON}#the-knobs`);
    await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(200);
  });

  test("the entry of the section in view is highlighted, and the highlight moves as the reader scrolls", async ({ page }) => {
    await page.goto(LESSON);
    const toc = desktopToc(page);
    const current = toc.locator('a[aria-current="location"]');
    const entry = (name: string) => toc.getByRole("link", { name, exact: true });

    const scrollTo = (id: string) =>
      page.evaluate((target) => window.scrollTo({ top: document.getElementById(target)!.getBoundingClientRect().top + window.scrollY - 100, behavior: "instant" }), id);

    await scrollTo("reason-1-a-lost-final-ack");
    await expect(current).toHaveCount(1);
    await expect(entry("Reason 1: a lost final ACK")).toHaveAttribute("aria-current", "location");

    const before = (await entry("TIME-WAIT under load").boundingBox())!;
    await scrollTo("time-wait-under-load");
    await expect(entry("TIME-WAIT under load")).toHaveAttribute("aria-current", "location");
    await expect(entry("Reason 1: a lost final ACK")).not.toHaveAttribute("aria-current", /.*/);
    await expect(current).toHaveCount(1);
    // Highlighting changes colours only: the entry keeps its size and place in the (sticky) list.
    const after = (await entry("TIME-WAIT under load").boundingBox())!;
    expect(after.width).toBe(before.width);
    expect(after.height).toBe(before.height);

    // Deep inside a long section, far from any heading, its entry stays highlighted.
    await page.evaluate(() => {
      const from = document.getElementById("check-yourself")!.getBoundingClientRect().top + window.scrollY;
      const to = document.getElementById("in-production")!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: (from + to) / 2, behavior: "instant" });
    });
    await expect(entry("Check yourself")).toHaveAttribute("aria-current", "location");

    // And back up.
    await scrollTo("who-enters-time-wait");
    await expect(entry("Who enters TIME-WAIT")).toHaveAttribute("aria-current", "location");
    await expect(current).toHaveCount(1);
  });
});

test("below xl the table of contents stays collapsible above the text, leaving the lesson its full width", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(LESSON);
  await expect(desktopToc(page)).toBeHidden();
  await expect(phoneToc(page).locator("summary")).toBeVisible();
  expect((await content(page).boundingBox())!.width).toBeGreaterThanOrEqual(960);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("the table of contents starts collapsed and opens and closes from the keyboard", async ({ page }) => {
    await page.goto(LESSON);
    await expect(desktopToc(page)).toBeHidden();
    const details = phoneToc(page);
    const summary = details.locator("summary");
    const firstLink = details.getByRole("link", { name: "Who enters TIME-WAIT" });
    await expect(summary).toBeVisible();
    await expect(firstLink).toBeHidden();

    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(details).toHaveJSProperty("open", true);
    await expect(firstLink).toBeVisible();
    // Opened, it still fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await page.keyboard.press("Space");
    await expect(details).toHaveJSProperty("open", false);
    await expect(firstLink).toBeHidden();

    // Open again, Tab to an entry and follow it: the section is on screen and the list folds away.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(firstLink).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const target = content(page).getByRole("heading", { name: "Worked example: one connection, its final ACK" });
    await expect(target).toBeInViewport();
    await expect(page).toHaveURL(/#worked-example-one-connection-its-final-ack$/);
    await expect(details).toHaveJSProperty("open", false);
    await expect.poll(() => target.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(200);
  });
});

test("jumps are instant, whatever the reader's motion preference", async ({ page }) => {
  // Smooth scrolling raced the browser's own focus scrolling: Tab to an entry and Enter within
  // about 200 ms, and the page stopped at the entry instead of the section.
  for (const reducedMotion of ["no-preference", "reduce"] as const) {
    await page.emulateMedia({ reducedMotion });
    await page.goto(LESSON);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
  }
});

const screenshotDirectory = path.resolve("test-results", "screenshots");
for (const width of [375, 1024, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`screenshots the table of contents at ${width} px in ${colorScheme} mode`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.goto("/lessons/header-fields");
      await expect(page.locator("[data-widget]").first()).toBeVisible();
      fs.mkdirSync(screenshotDirectory, { recursive: true });
      const name = (what: string) => path.join(screenshotDirectory, `toc-header-fields-${width}-${colorScheme}-${what}.png`);
      if (width < 1280) {
        await phoneToc(page).locator("summary").click();
        await page.screenshot({ path: name("top") });
        await page.mouse.move(0, 0);
      } else {
        await page.screenshot({ path: name("top") });
      }
      // Part-way down: the highlight, and (wide) the sticky list beside the text.
      await page.evaluate(() => {
        const heading = document.getElementById("the-eight-flags-byte-13")!;
        window.scrollTo({ top: heading.getBoundingClientRect().top + window.scrollY - 120, behavior: "instant" });
      });
      await page.locator("#the-eight-flags-byte-13").hover();
      await expect(page.locator('[data-lesson-toc] a[aria-current="location"]').first()).toBeAttached();
      await page.screenshot({ path: name("scrolled") });
    });
  }
}
