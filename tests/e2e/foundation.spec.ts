// The walking skeleton, as a learner meets it in a real browser.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { headerBytesAckFlags } from "../../lib/exercises/kinds/headerBytesAckFlags";
import { parseHex } from "../../lib/wire/hex";
import { decodeTcpHeader } from "../../lib/wire/tcpHeader";

const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const;

function answerFromMaterial(material: string) {
  const hex = parseHex(material);
  if (!hex.ok) throw new Error(hex.error);
  const decoded = decodeTcpHeader(hex.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return { ack: String(decoded.header.ack), flags: FLAG_ORDER.filter((flag) => decoded.header.flags[flag]) };
}

async function exerciseSection(page: Page) {
  const section = page.locator('[data-exercise="header-bytes-ack-flags"]');
  await expect(section.getByTestId("exercise-material")).toBeVisible();
  return section;
}

test("the home page, the lessons index and the first lesson are served", async ({ page, request }) => {
  for (const url of ["/", "/lessons", "/lessons/header-fields"]) {
    expect((await request.get(url)).status(), url).toBe(200);
  }
  expect((await request.get("/lessons/no-such-lesson")).status()).toBe(404);
  await page.goto("/lessons");
  await page.getByRole("link", { name: /TCP header fields/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "TCP header fields" })).toBeVisible();
});

test("editing the acknowledgment number in the header explorer updates the hex bytes", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  const explorer = page.locator('[data-widget="header-explorer"]');
  await expect(explorer).toBeVisible();
  await widgetReady(explorer);
  await explorer.getByRole("button", { name: /Acknowledgment number/i }).first().click();
  const ackInput = explorer.getByLabel(/Acknowledgment number/i).first();
  await ackInput.fill("16909060"); // 0x01020304
  await ackInput.press("Tab");
  await expect(explorer.getByTestId("header-hex")).toContainText("0102 0304");
  await expect(explorer.getByTestId("event-log")).toContainText("Acknowledgment number set to 16909060");

  // The link reproduces the edited header.
  await expect(page).toHaveURL(/#header-explorer=/);
  await page.reload();
  await widgetReady(page.locator('[data-widget="header-explorer"]'));
  await expect(page.locator('[data-widget="header-explorer"]').getByTestId("header-hex")).toContainText("0102 0304");
});

test("a learner submits the exercise, is graded, and sees the attempt after a reload", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  let section = await exerciseSection(page);
  const material = await section.getByTestId("exercise-material").innerText();
  const answer = answerFromMaterial(material);

  // First a wrong acknowledgment number with the right flags: half marks.
  await section.getByLabel(/Acknowledgment number/).fill(String((Number(answer.ack) + 1) % 4294967296));
  for (const flag of answer.flags) await section.getByRole("checkbox", { name: flag.toUpperCase(), exact: true }).check();
  await section.getByRole("button", { name: "Submit answer" }).click();
  await expect(section.getByTestId("attempt-feedback")).toContainText("Score 50%");

  // Then the right one.
  await section.getByLabel(/Acknowledgment number/).fill(answer.ack);
  await section.getByRole("button", { name: "Submit answer" }).click();
  await expect(section.getByTestId("attempt-feedback")).toContainText("Score 100%");

  // Back later: the solve first, then the history behind "practise another variant".
  await page.reload();
  await page.locator('[data-exercise="header-bytes-ack-flags"]').getByRole("button", { name: "Practise another variant" }).click();
  section = await exerciseSection(page);
  await section.getByText("Your previous attempts (2)").click();
  const history = section.getByTestId("attempt-history");
  await expect(history.locator(":scope > li")).toHaveCount(2);
  await expect(history).toContainText("score 100%");
  await expect(history).toContainText("score 50%");
});

test("a malformed answer is explained and keeps what the learner typed", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  const section = await exerciseSection(page);
  await section.getByLabel(/Acknowledgment number/).fill("twelve");
  await section.getByRole("button", { name: "Submit answer" }).click();
  await expect(section.getByRole("alert")).toContainText("not a 32-bit unsigned number");
  await expect(section.getByLabel(/Acknowledgment number/)).toHaveValue("twelve");
});

test("the correct answer reaches neither the page nor the client bundles before submission", async ({ browser }) => {
  // New visitors until one gets a variant whose acknowledgment number is long
  // enough to search for (a SYN's is 0, a digit any page contains).
  let ack = "";
  for (let visitor = 0; visitor < 20 && ack.length < 5; visitor++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const variantResponse = page.waitForResponse((response) => response.url().includes("/api/exercises/header-bytes-ack-flags"));
    await page.goto("/lessons/header-fields");
    const variant = await (await variantResponse).json();
    const candidate = (headerBytesAckFlags.correctAnswer(variant.variantSeed) as { ack: string }).ack;
    if (candidate.length >= 5) {
      ack = candidate;
      expect(JSON.stringify(variant)).not.toContain(ack);
      await expect(page.getByTestId("exercise-material")).toBeVisible();
      expect(await page.content()).not.toContain(ack);
      const html = await (await page.request.get("/lessons/header-fields")).text();
      expect(html).not.toContain(ack);
    }
    await context.close();
  }
  expect(ack.length).toBeGreaterThanOrEqual(5);

  // Neither the answer nor the grader's code is in any file the browser can download.
  const staticDirectory = path.resolve(".next", "static");
  const files = fs.readdirSync(staticDirectory, { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|json|html|css)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = fs.readFileSync(path.join(staticDirectory, file), "utf8");
    expect(text, file).not.toContain(ack);
    expect(text, file).not.toContain("The acknowledgment number is the 32 bits at byte offset 8");
    expect(text, file).not.toContain("SEGMENT_SHAPES");
  }
});
