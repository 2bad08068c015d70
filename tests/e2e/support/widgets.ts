// A lesson's widgets load their code only when the reader nears them (or
// focuses or touches them): until then they are server-rendered HTML that
// does not respond. Specs that drive a widget scroll it into view and wait
// for it to be ready first, as a reader's scrolling would.
import { expect, type Locator, type Page } from "@playwright/test";

/** Scrolls the widget into view and waits until its code has loaded and it has hydrated. */
export async function widgetReady(widget: Locator, timeout = 15_000): Promise<Locator> {
  await widget.scrollIntoViewIfNeeded();
  const island = widget.locator("xpath=ancestor::*[@data-island][1]");
  if ((await island.count()) > 0) await expect(island).toHaveAttribute("data-island", "ready", { timeout });
  return widget;
}

/** Scrolls a page from top to bottom a screen at a time, then waits until every widget on it is ready. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 400; step++) {
    // Two animation frames after each step, so the intersection observers see every screen passed.
    // About one page in thirty, headless Chromium stopped answering in the middle of this loop until
    // the test's 120 s ran out (it passed on retry; not reproduced in 12 runs alone), so a step that
    // takes over 10 s fails at once, naming the step, instead of using up the whole timeout.
    const oneStep = page.evaluate(async () => {
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      // Frames, or half a second if Chromium holds them back (a stalled frame alone must not stall the loop).
      await Promise.race([new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))), new Promise((resolve) => setTimeout(resolve, 500))]);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    oneStep.catch(() => {}); // if the step loses the race, its late failure is not an unhandled rejection
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`scrollThrough: the page did not answer within 10 s at step ${step} (${page.url()})`)), 10_000);
    });
    const atBottom = await Promise.race([oneStep, stalled]).finally(() => clearTimeout(timer));
    if (atBottom) break;
  }
  const islands = page.locator("[data-island]");
  const count = await islands.count();
  for (let i = 0; i < count; i++) await expect(islands.nth(i)).toHaveAttribute("data-island", "ready", { timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Brings `container` into view until `target` inside it shows: a widget that loads when near the
 * viewport may be pushed away again while the content above it grows (exercises loading their variants).
 */
export async function scrollUntilVisible(container: Locator, target: Locator, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await container.scrollIntoViewIfNeeded();
    await expect(target).toBeVisible({ timeout: 1_500 });
  }).toPass({ timeout });
}
