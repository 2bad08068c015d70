// Spaced review in Chromium. A guest misses two exercises in a lesson: each
// becomes a card that FSRS's first learning step (1 minute, ts-fsrs's
// default, the shortest it allows) puts due a minute later. Rather than wait
// that minute, the test moves the guest's cards a minute into the past in the
// database (their due time and last review, as if the minute had passed; no
// test-only route, the server's clock untouched), then reviews both on
// /review, oldest due first, on fresh variants through the lessons' Exercise
// component: the first answered right from the header bytes (back in 10
// minutes), the second missed again (back in 1 minute); after each, when the
// card comes back. Then the empty state with the next due time, and the
// dashboard's due count and streak. Keyboard only on /review. axe-clean and screenshotted at 375 and
// 1280 px in light and dark (test-results/screenshots/review-*.png).
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parseHex } from "../../lib/wire/hex";
import { decodeTcpHeader } from "../../lib/wire/tcpHeader";

const screenshotDirectory = path.resolve("test-results", "screenshots");
const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const;
const EXERCISE = "header-bytes-ack-flags";
const NUMERIC = "header-fields-data-offset";

async function checkPage(page: Page, name: string) {
  await expect(page).toHaveTitle(/TCP, connection by connection/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`), `axe on ${name}`).toEqual([]);
  fs.mkdirSync(screenshotDirectory, { recursive: true });
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.join(screenshotDirectory, `review-${name}-${width}-${colorScheme}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

/**
 * As if `ms` had passed for this guest's review cards: their due time and
 * last review move that much earlier in the database the server reads
 * (DateTimes stored as Prisma's SQLite adapter writes them).
 */
async function moveCardsBack(page: Page, ms: number) {
  const cookie = (await page.context().cookies()).find((c) => c.name === "tcp_learner");
  if (!cookie) throw new Error("no guest cookie");
  const learnerId = cookie.value.split(".")[0];
  const db = new Database(path.resolve("data", "e2e.db"), { timeout: 5_000 });
  try {
    const earlier = (text: string | null) => text && new Date(new Date(text).getTime() - ms).toISOString().replace("Z", "+00:00");
    const cards = db.prepare(`SELECT "id", "due", "lastReview" FROM "ReviewCard" WHERE "learnerId" = ?`).all(learnerId) as { id: string; due: string; lastReview: string | null }[];
    expect(cards.length, "the guest's cards").toBe(2);
    const update = db.prepare(`UPDATE "ReviewCard" SET "due" = ?, "lastReview" = ? WHERE "id" = ?`);
    for (const card of cards) update.run(earlier(card.due), earlier(card.lastReview), card.id);
  } finally {
    db.close();
  }
}

/** A learner who knows the header reads the answer off the bytes. */
function headerAnswer(material: string) {
  const hex = parseHex(material);
  if (!hex.ok) throw new Error(hex.error);
  const decoded = decodeTcpHeader(hex.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return { ack: String(decoded.header.ack), flags: FLAG_ORDER.filter((flag) => decoded.header.flags[flag]) };
}

/** Fills the header exercise with the keyboard: type the number, Space on the flags that should be ticked. */
async function answerHeaderByKeyboard(page: Page, section: Locator, ack: string, flags: readonly string[]) {
  await section.getByLabel(/Acknowledgment number/).focus();
  await page.keyboard.type(ack);
  for (const flag of FLAG_ORDER) {
    const box = section.getByRole("checkbox", { name: flag.toUpperCase(), exact: true });
    if ((await box.isChecked()) !== flags.includes(flag)) {
      await box.focus();
      await page.keyboard.press("Space");
    }
  }
  await section.getByRole("button", { name: "Submit answer" }).focus();
  await page.keyboard.press("Enter");
}

test("missed exercises come back on /review, are reviewed on fresh variants, and are scheduled again", async ({ page }) => {
  test.setTimeout(120_000);

  // Nothing yet.
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  await expect(page.getByTestId("review-empty")).toContainText("You have no cards yet");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" })).toBeVisible();
  await checkPage(page, "no-cards");

  // A wrong answer in the lesson: the exercise's card, due in a minute.
  await page.goto("/lessons/header-fields");
  const lessonExercise = page.locator(`[data-exercise="${EXERCISE}"]`);
  await lessonExercise.getByLabel(/Acknowledgment number/).fill("1");
  await lessonExercise.getByRole("button", { name: "Submit answer" }).click();
  await expect(lessonExercise.getByTestId("attempt-feedback")).toContainText("Score");
  const missedSeed = await page.evaluate(async (id) => (await (await fetch(`/api/exercises/${id}`)).json()).variantSeed, EXERCISE);

  // And a second one.
  const numeric = page.locator(`[data-exercise="${NUMERIC}"]`);
  await numeric.getByLabel(/Data offset/).fill("1");
  await numeric.getByRole("button", { name: "Submit answer" }).click();
  await expect(numeric.getByTestId("attempt-feedback")).toContainText("Score 0%");

  await page.goto("/review");
  await expect(page.getByTestId("review-empty")).toContainText(/next card is due in 1 minute/);
  await expect(page.getByTestId("review-empty")).toContainText("2 cards in all");
  await checkPage(page, "nothing-due");

  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-review")).toContainText("2 due today");
  await expect(page.getByTestId("dashboard-review")).toContainText("streak 1 day");

  // The first learning step is one minute: let it pass.
  await moveCardsBack(page, 60_000);
  await page.goto("/review");
  await expect(page.getByTestId("review-card")).toBeVisible();
  await expect(page.getByTestId("review-summary")).toContainText("2 due now");

  // The exercise first (it fell due first), on a fresh variant.
  const card = page.getByTestId("review-card");
  await expect(card).toHaveAttribute("data-card-kind", "exercise");
  await expect(card.getByRole("heading", { name: /Card 1 of 2 due/ })).toBeVisible();
  const exercise = card.locator(`[data-exercise="${EXERCISE}"]`);
  await expect(exercise.getByTestId("exercise-material")).toBeVisible();
  const freshSeed = await page.evaluate(async (id) => (await (await fetch(`/api/exercises/${id}`)).json()).variantSeed, EXERCISE);
  expect(freshSeed).not.toBe(missedSeed);
  await checkPage(page, "exercise-card");
  const right = headerAnswer(await exercise.getByTestId("exercise-material").innerText());
  await answerHeaderByKeyboard(page, exercise, right.ack, right.flags);
  await expect(exercise.getByTestId("attempt-feedback")).toContainText("Score 100%");
  // A right answer on a learning card: the second step, 10 minutes.
  await expect(page.getByTestId("review-next-due")).toContainText("This card comes back in 10 minutes");
  await checkPage(page, "exercise-reviewed");

  // Next card, by keyboard: the other exercise, missed again.
  await page.getByTestId("review-next-card").focus();
  await page.keyboard.press("Enter");
  const second = page.locator(`[data-exercise="${NUMERIC}"]`);
  await expect(page.getByRole("heading", { name: /Card 1 of 1 due/ })).toBeFocused();
  await expect(second.getByLabel(/Data offset/)).toBeVisible();
  await second.getByLabel(/Data offset/).focus();
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await expect(second.getByTestId("attempt-feedback")).toContainText("Score 0%");
  await expect(page.getByTestId("review-next-due")).toContainText("This card comes back in 1 minute");

  // Nothing left: the empty state names the next due time.
  await page.getByTestId("review-next-card").click();
  await expect(page.getByTestId("review-empty")).toContainText(/Nothing is due/);
  await expect(page.getByTestId("review-empty")).toContainText(/next card is due in 1 minute/);
  await expect(page.getByTestId("review-summary")).toContainText("0 due now");

  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-review")).toContainText("2 due today");
  await expect(page.getByTestId("dashboard-review")).toContainText("streak 1 day");
  await checkPage(page, "dashboard");
});
