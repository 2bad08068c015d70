// Progress and orientation: each lesson's progress on the lessons index, the
// home page and the lesson itself; "Continue" at the next unsolved exercise;
// the signed-in state the same on every page (the 404 included); the favicon;
// a distinct title and Open Graph title and description per page. Axe-clean
// and fitting at 375 and 1280 px, light and dark (screenshots in
// test-results/screenshots/orientation-*).
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { axeViolations, rulesFor } from "./support/a11y";
import { expect, test, type Page } from "@playwright/test";
import { parseHex } from "../../lib/wire/hex";
import { decodeTcpHeader } from "../../lib/wire/tcpHeader";

const screenshots = path.resolve("test-results", "screenshots");
const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const;

/** Solves the header lesson's first exercise, reading the bytes as a learner who knows the header would. */
async function solveHeaderBytes(page: Page) {
  const section = page.locator('[data-exercise="header-bytes-ack-flags"]');
  const hex = parseHex(await section.getByTestId("exercise-material").innerText());
  if (!hex.ok) throw new Error(hex.error);
  const decoded = decodeTcpHeader(hex.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  await section.getByLabel(/Acknowledgment number/).fill(String(decoded.header.ack));
  for (const flag of FLAG_ORDER) {
    const box = section.getByRole("checkbox", { name: flag.toUpperCase(), exact: true });
    if (decoded.header.flags[flag]) await box.check();
    else await box.uncheck();
  }
  await section.getByRole("button", { name: "Submit answer" }).click();
  await expect(section.getByTestId("attempt-feedback")).toContainText("Score 100%");
}

/** axe on the whole page; in dark, after the same page passed whole in light, its colour rules. */
async function axe(page: Page, colorScheme: "light" | "dark" = "light") {
  expect(await axeViolations(page, rulesFor(colorScheme))).toEqual([]);
}

async function checkLayouts(page: Page, name: string, url: string, ready: (page: Page) => Promise<void>, options: { axe?: boolean } = {}) {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await ready(page);
      fs.mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: path.join(screenshots, `orientation-${name}-${width}-${colorScheme}.png`), fullPage: name !== "lesson" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${width} px ${colorScheme}`).toBeLessThanOrEqual(0);
      if (options.axe !== false) await axe(page, colorScheme);
    }
  }
}

test("progress on the lesson, the lessons index and the home page; Continue leads to the next unsolved exercise", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  const exercises = await page.locator("[data-exercise]").evaluateAll((sections) => sections.map((s) => ({ exercise: s.getAttribute("data-exercise"), id: s.id })));
  expect(exercises.length).toBeGreaterThan(1);
  for (const { exercise, id } of exercises) expect(id).toBe(`exercise-${exercise}`);
  const total = exercises.length;
  await expect(page.getByTestId("lesson-solved")).toHaveText(`0 of ${total} exercises solved`);

  expect(exercises[0]!.exercise).toBe("header-bytes-ack-flags");
  await solveHeaderBytes(page);
  await page.reload();
  await expect(page.getByTestId("lesson-solved")).toHaveText(`1 of ${total} exercises solved`);

  await page.goto("/lessons");
  await expect(page.getByTestId("lesson-progress-header-fields")).toHaveText(`Read · 1 of ${total} exercises solved`);
  await expect(page.getByTestId("lesson-progress-three-way-handshake")).toContainText("Not opened yet · 0 of");

  // The next step: the lesson's first exercise not solved yet, by its anchor.
  const next = `/lessons/header-fields#${exercises[1]!.id}`;
  await page.goto("/");
  await expect(page.getByTestId("lesson-progress-header-fields")).toHaveText(`Read · 1 of ${total} exercises solved`);
  await expect(page.getByTestId("continue")).toHaveAttribute("href", next);
  await page.goto("/dashboard");
  const continueLink = page.getByTestId("continue");
  await expect(continueLink).toHaveAttribute("href", next);
  await expect(continueLink).toContainText("Continue where you left off");
  await continueLink.click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[#/]/g, "\\$&")}$`));
  await expect(page.locator(`#${exercises[1]!.id}`)).toBeInViewport();
});

test("a signed-in learner sees their account on the 404 page and no form on /signup or /login; form errors read as sentences", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not an email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toContainText("Enter an email address like you@example.com.");
  await expect(alert).toContainText("Use at least 12 characters for your password.");
  await expect(alert).not.toContainText("email:");
  await expect(alert).not.toContainText("password:");

  const email = `orientation-${Date.now()}@example.com`;
  expect((await page.request.post("/api/auth/signup", { data: { email, password: "a long enough password" } })).status()).toBe(201);

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign up" })).toHaveCount(0);

  for (const url of ["/signup", "/login"]) {
    await page.goto(url);
    await expect(page.getByTestId("signed-in-notice")).toContainText(`You are signed in as ${email}`);
    await expect(page.locator("form")).toHaveCount(0);
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  }
  await checkLayouts(page, "signup-signed-in", "/signup", async (p) => {
    await expect(p.getByTestId("signed-in-notice")).toBeVisible();
    await expect(p.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
  await checkLayouts(page, "not-found-signed-in", "/no-such-page", async (p) => {
    await expect(p.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});

test("the favicon and the app icon are served and linked", async ({ page, request }) => {
  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");
  const apple = await request.get("/apple-icon.png");
  expect(apple.status()).toBe(200);
  expect(apple.headers()["content-type"]).toContain("image/png");

  await page.goto("/");
  await expect(page.locator('head link[rel="icon"][href*="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="apple-touch-icon"][href*="/apple-icon.png"]')).toHaveCount(1);
});

test("each main page has a distinct title, and an Open Graph title and description of its own", async ({ page }) => {
  const urls = ["/", "/lessons", "/lessons/header-fields", "/lessons/time-wait", "/dashboard", "/review", "/interview", "/signup", "/login", "/no-such-page"];
  const seen = new Map<string, string>();
  for (const url of urls) {
    await page.goto(url);
    const title = await page.title();
    expect(title, url).not.toBe("");
    expect(seen.get(title), `${url} has the same title as ${seen.get(title)}`).toBeUndefined();
    seen.set(title, url);
    await expect(page.locator('head meta[property="og:title"]'), url).toHaveAttribute("content", title);
    await expect(page.locator('head meta[property="og:description"]'), url).toHaveAttribute("content", /\w/);
    await expect(page.locator('head meta[name="description"]'), url).toHaveAttribute("content", /\w/);
  }
  // Pages with something of their own to say describe themselves, not the course.
  await page.goto("/lessons/header-fields");
  const lessonDescription = await page.locator('head meta[property="og:description"]').getAttribute("content");
  await page.goto("/");
  expect(await page.locator('head meta[property="og:description"]').getAttribute("content")).not.toBe(lessonDescription);
});

test("home, lessons index and a lesson's header with progress: axe-clean and fitting at 375 and 1280 px, light and dark", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  await solveHeaderBytes(page);
  await checkLayouts(page, "home", "/", async (p) => {
    await expect(p.getByTestId("continue")).toBeVisible();
    await expect(p.getByTestId("lesson-progress-header-fields")).toContainText("1 of");
  });
  await checkLayouts(page, "lessons", "/lessons", async (p) => {
    await expect(p.getByTestId("lesson-progress-header-fields")).toContainText("1 of");
  });
  await checkLayouts(
    page,
    "lesson",
    "/lessons/header-fields",
    async (p) => {
      await expect(p.getByTestId("lesson-solved")).toContainText("1 of");
      const results = await new AxeBuilder({ page: p }).include("article > header").analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    },
    { axe: false },
  );
});
