// The interview track in Chromium: drilling a question (a wrong answer, "I
// did cover this", then a right one), a 5-question mock interview run to its
// report, the leak test (no model answer or rubric in the pages, API
// responses or client bundles before the learner submits), and the pages
// axe-clean and fitting at 375 and 1280 px, light and dark (screenshots in
// test-results/screenshots/interview-*).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { axeViolations, rulesFor } from "./support/a11y";
import { expect, test, type Page, type Response } from "@playwright/test";
import type { InterviewQuestion } from "../../lib/interview/question";

const bank = JSON.parse(
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("tests/e2e/support/interviewBank.ts")], { encoding: "utf8" }),
) as InterviewQuestion[];
const QUESTION = bank.find((q) => q.id === "why-time-wait-2msl") ?? bank[0]!;
const screenshots = path.resolve("test-results", "screenshots");

/** Texts that must not reach a browser before the learner answers: model answers, rubric wording, why-wrong explanations. */
function secrets(questions: InterviewQuestion[]): string[] {
  const texts = new Set<string>();
  for (const q of questions) {
    texts.add(q.modelAnswer.slice(0, 60));
    texts.add(q.modelAnswer.slice(-60));
    for (const idea of q.rubric.ideas) {
      texts.add(idea.idea);
      for (const phrasing of idea.phrasings) if (/\||\.\.|\*/.test(phrasing) && phrasing.length > 8) texts.add(phrasing);
    }
    for (const m of q.rubric.misconceptions ?? []) {
      texts.add(m.label);
      texts.add(m.whyWrong.slice(0, 60));
    }
    for (const wrong of q.wrongAnswers) texts.add(wrong.whyWrong.slice(0, 60));
  }
  // A rubric's wording that the question itself says is public already.
  const asked = questions.map((q) => q.question).join("\n");
  return [...texts].filter((t) => t.length >= 12 && !asked.includes(t));
}

const allSecrets = secrets(bank);

function expectNoSecrets(text: string, where: string) {
  // One expect per text (not per secret): hundreds of secrets times every bundle file.
  const found = allSecrets.filter((secret) => text.includes(secret));
  expect(found, `${where} contains answer or rubric text`).toEqual([]);
}

/** Every response body the page receives (documents, RSC payloads, API JSON, scripts). */
function recordResponses(page: Page) {
  const bodies: { url: string; text: Promise<string> }[] = [];
  page.on("response", (response: Response) => {
    if (response.status() >= 300 && response.status() < 400) return;
    bodies.push({ url: response.url(), text: response.text().catch(() => "") });
  });
  return async () => Promise.all(bodies.map(async (b) => ({ url: b.url, text: await b.text })));
}

/** axe on the whole page; in dark, after the same page passed whole in light, its colour rules. */
async function axe(page: Page, colorScheme: "light" | "dark" = "light") {
  expect(await axeViolations(page, rulesFor(colorScheme))).toEqual([]);
}

async function checkLayouts(page: Page, name: string, url: string, ready: (page: Page) => Promise<void>) {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await ready(page);
      fs.mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: path.join(screenshots, `interview-${name}-${width}-${colorScheme}.png`), fullPage: true });
      const overflow = await page.evaluate(() => {
        const wide = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3);
        return { by: document.documentElement.scrollWidth - window.innerWidth, wide: wide.map((e) => `${e.tagName}.${e.className}`.slice(0, 80)) };
      });
      expect(overflow.by, `${name} at ${width} px ${colorScheme}: ${overflow.wide.join(" | ")}`).toBeLessThanOrEqual(0);
      await axe(page, colorScheme);
    }
  }
}

async function startMock(page: Page, topics: "all" | string[] = "all") {
  await page.goto("/interview/mock");
  if (topics !== "all") {
    await page.getByRole("button", { name: "Clear" }).click();
    for (const topic of topics) await page.getByRole("checkbox", { name: new RegExp(topic) }).check();
  }
  await page.getByRole("radio", { name: "5", exact: true }).check();
  await page.getByRole("radio", { name: "1 minute" }).check();
  await page.getByRole("button", { name: "Start the interview" }).click();
  await expect(page.getByTestId("mock-runner")).toBeVisible();
}

test("the bank has questions to test with", () => {
  expect(bank.length).toBeGreaterThanOrEqual(5);
});

test("drill a question: a wrong answer, I did cover this, then a right one; past answers newest first", async ({ page }) => {
  await page.goto("/interview");
  await expect(page.getByRole("heading", { level: 1, name: "Interview preparation" })).toBeVisible();
  await page.getByRole("navigation", { name: "Topic" }).getByRole("link", { name: "TIME-WAIT and 2MSL" }).click();
  await expect(page).toHaveURL(/\/interview\?topic=time-wait/);
  await expect(page.getByRole("navigation", { name: "Topic" }).getByRole("link", { name: "TIME-WAIT and 2MSL" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: QUESTION.question }).click();
  await expect(page.getByTestId("interview-question")).toHaveText(QUESTION.question);
  await expect(page.getByTestId("model-answer")).toHaveCount(0);

  // Wrong: one of the listed wrong answers.
  const wrong = QUESTION.wrongAnswers.find((w) => w.claim.length > 20)?.claim ?? QUESTION.wrongAnswers[0]!.claim;
  await page.getByLabel("Your answer").fill(wrong);
  await page.getByRole("button", { name: "Submit answer" }).click();
  const grade = page.getByTestId("latest-grade");
  await expect(grade).toContainText(/Score (\d|[1-4]\d|50)%/);
  await expect(page.getByTestId("model-answer")).toHaveText(QUESTION.modelAnswer);
  await expect(page.getByRole("link", { name: /TIME-WAIT/ }).first()).toBeVisible();
  const missing = grade.locator('[data-status="missing"]').first();
  await missing.getByRole("button", { name: /I did cover this/ }).click();
  await expect(missing).toContainText("You said you covered this");

  // Right: the model answer.
  await page.getByLabel("Your answer").fill(QUESTION.modelAnswer);
  await page.getByRole("button", { name: "Submit another answer" }).click();
  await expect(grade).toContainText(/Score (9\d|100)%/);
  const past = page.getByTestId("past-answers").getByRole("listitem");
  await expect(past).toHaveCount(2);
  await expect(past.first()).toContainText(/score (9\d|100)%/);

  // After a reload the server lists them, newest first, with the reveal.
  await page.reload();
  await expect(page.getByTestId("past-answers").getByRole("listitem").first()).toContainText(/score (9\d|100)%/);
  await expect(page.getByTestId("model-answer")).toBeVisible();
  await page.goto("/interview?topic=time-wait");
  await expect(page.getByText(/last score (9\d|100)% \(2 answers\)/)).toBeVisible();
});

test("a 5-question mock interview on the shortest time, answered quickly, ends in its report", async ({ page }) => {
  await startMock(page);
  const asked: string[] = [];
  for (let i = 0; i < 5; i++) {
    await expect(page.getByTestId("mock-progress")).toHaveText(`Question ${i + 1} of 5`);
    await expect(page.getByTestId("mock-countdown")).toContainText(/\d:\d\d/);
    const text = (await page.getByTestId("mock-question").innerText()).trim();
    asked.push(text);
    const question = bank.find((q) => q.question === text)!;
    expect(question, text).toBeDefined();
    // Two right answers, one wrong, one empty, one short.
    const answer = i < 2 ? question.modelAnswer : i === 2 ? question.wrongAnswers[0]!.claim : i === 3 ? "" : "I am not sure about this one, sorry.";
    await page.getByLabel("Your answer").fill(answer);
    await page.getByRole("button", { name: i === 4 ? "Submit and finish" : "Submit and go on" }).click();
  }
  const report = page.getByTestId("mock-report");
  await expect(report).toBeVisible();
  expect(new Set(asked).size).toBe(5);
  await expect(page.getByTestId("mock-score")).toContainText(/Score \d+%/);
  await expect(page.getByTestId("mock-score")).toContainText("5 of 5 answered");
  const topicRows = page.getByTestId("topic-scores").locator("tbody tr");
  expect(await topicRows.count()).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("missed-ideas").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByTestId("review-lessons").getByRole("link").first()).toHaveAttribute("href", /^\/lessons\/[a-z0-9-]+#/);

  // Listed among past interviews.
  await page.goto("/interview/mock");
  await expect(page.getByTestId("past-mocks").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("past-mocks")).toContainText("5 of 5");
});

test("no model answer or rubric reaches the browser before the learner submits", async ({ browser }) => {
  expect(allSecrets.length).toBeGreaterThan(bank.length * 3);
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = recordResponses(page);

  await page.goto("/interview");
  await page.goto(`/interview/questions/${QUESTION.id}`);
  await expect(page.getByLabel("Your answer")).toBeVisible();
  expectNoSecrets(await page.content(), "the question page");

  await startMock(page);
  await expect(page.getByTestId("mock-question")).toBeVisible();
  expectNoSecrets(await page.content(), "the mock interview page");
  // Answer the first question: the next one arrives, still without answers.
  await page.getByLabel("Your answer").fill("Something short about the question.");
  await page.getByRole("button", { name: "Submit and go on" }).click();
  await expect(page.getByTestId("mock-progress")).toHaveText("Question 2 of 5");
  await page.reload();
  await expect(page.getByTestId("mock-question")).toBeVisible();
  expectNoSecrets(await page.content(), "the mock interview page after a reload");

  const bodies = await responses();
  expect(bodies.some((b) => b.url.includes("/api/interview/mocks"))).toBe(true);
  for (const body of bodies) expectNoSecrets(body.text, body.url);
  await context.close();

  // Nor in any file the browser can download.
  const staticDirectory = path.resolve(".next", "static");
  const files = fs.readdirSync(staticDirectory, { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|json|html|css)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expectNoSecrets(fs.readFileSync(path.join(staticDirectory, file), "utf8"), file);
});

test("the interview pages are keyboard-operable, axe-clean and fit at 375 and 1280 px, light and dark", async ({ page }) => {
  test.setTimeout(240_000);
  // A graded answer, so the question page shows its grade, reveal and history.
  await page.goto(`/interview/questions/${QUESTION.id}`);
  // Keyboard only: type, then Tab to the button and press Enter.
  await page.getByLabel("Your answer").focus();
  await page.keyboard.type("The side that closes first holds TIME-WAIT for 60 seconds on Linux.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Submit answer" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("latest-grade")).toContainText("Score");
  await axe(page);
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, "interview-graded-1280-light.png"), fullPage: true });

  await checkLayouts(page, "index", "/interview", async (p) => {
    await expect(p.getByRole("heading", { level: 1, name: "Interview preparation" })).toBeVisible();
  });
  await checkLayouts(page, "question", `/interview/questions/${QUESTION.id}`, async (p) => {
    await expect(p.getByTestId("model-answer")).toBeVisible();
    await p.getByTestId("past-answers").locator("summary").first().click();
  });

  // A running interview, then its report after ending it early.
  await startMock(page, ["TIME-WAIT and 2MSL", "The four-way close"]);
  const running = page.url();
  await checkLayouts(page, "mock-running", running, async (p) => {
    await expect(p.getByTestId("mock-question")).toBeVisible();
  });
  await page.goto(running);
  await page.getByLabel("Your answer").fill(QUESTION.modelAnswer);
  await page.getByRole("button", { name: "Submit and go on" }).click();
  await expect(page.getByTestId("mock-progress")).toHaveText("Question 2 of 5");
  await page.getByRole("button", { name: "End the interview now" }).click();
  await expect(page.getByTestId("mock-report")).toBeVisible();
  await checkLayouts(page, "mock-report", running, async (p) => {
    await expect(p.getByTestId("mock-report")).toBeVisible();
    await p.locator("details summary").first().click();
  });

  // Two interviews in the past: the list shows the trend.
  await startMock(page);
  await page.getByRole("button", { name: "End the interview now" }).click();
  await expect(page.getByTestId("mock-report")).toBeVisible();
  await checkLayouts(page, "mock-setup", "/interview/mock", async (p) => {
    await expect(p.getByTestId("mock-trend")).toBeVisible();
  });
});
