// The instructors' story in Chromium (issue "Instructors", part 1): an
// instructor creates a class; a guest opens its join link, signs up (keeping
// their guest attempt) and joins; the instructor publishes an assignment with
// two exercises; the student sees it due on /classes and /dashboard, answers
// wrong then right on the assignment page, and the assignment says Done, 100 %.
// Every page on the way is checked with axe-core and screenshotted at 375 and
// 1280 px in light and dark (test-results/screenshots/teaching-*.png).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { scrollUntilVisible } from "./support/widgets";
import { parseHex } from "../../lib/wire/hex";
import { decodeTcpHeader } from "../../lib/wire/tcpHeader";

const password = "a long enough password";
const screenshotDirectory = path.resolve("test-results", "screenshots");
const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const;

/** The same command an administrator runs, against the e2e database (playwright.config.ts). */
function makeInstructor(email: string) {
  execFileSync("npm", ["run", "--silent", "user:role", "--", email, "instructor"], {
    env: { ...process.env, DATABASE_URL: `file:${path.resolve("data", "e2e.db")}` },
    stdio: "pipe",
  });
}

async function signUp(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** axe-core, then 375 and 1280 px in light and dark: no page-wide horizontal scrolling, and a screenshot to look at. */
async function checkPage(page: Page, name: string) {
  await expect(page).toHaveTitle(/TCP, connection by connection/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`), `axe on ${name}`).toEqual([]);
  fs.mkdirSync(screenshotDirectory, { recursive: true });
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.join(screenshotDirectory, `teaching-${name}-${width}-${colorScheme}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

/** A learner who knows the header reads the answer off the bytes. */
function headerAnswer(material: string) {
  const hex = parseHex(material);
  if (!hex.ok) throw new Error(hex.error);
  const decoded = decodeTcpHeader(hex.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return { ack: String(decoded.header.ack), flags: FLAG_ORDER.filter((flag) => decoded.header.flags[flag]) };
}

async function answerHeader(section: Locator, ack: string, flags: readonly string[]) {
  await section.getByLabel(/Acknowledgment number/).fill(ack);
  for (const flag of FLAG_ORDER) {
    const box = section.getByRole("checkbox", { name: flag.toUpperCase(), exact: true });
    if (flags.includes(flag)) await box.check();
    else await box.uncheck();
  }
  await section.getByRole("button", { name: "Submit answer" }).click();
}

test("an instructor sets an assignment; a guest joins by link, signs up, and completes it", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const teacherEmail = `teacher-${stamp}@example.com`;
  const studentEmail = `student-${stamp}@example.com`;
  const className = `Networks ${stamp}`;

  // The instructor: an account made an instructor with `npm run user:role`.
  const teacher = await (await browser.newContext()).newPage();
  await teacher.goto("/signup");
  await signUp(teacher, teacherEmail);
  await expect(teacher).toHaveURL(/\/dashboard$/);
  makeInstructor(teacherEmail);

  await teacher.goto("/teach");
  await expect(teacher.getByRole("link", { name: "Teach" })).toBeVisible();
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByLabel("Term").fill("Fall 2026");
  await teacher.getByLabel("Time zone").fill("Not/AZone");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.locator("main").getByRole("alert")).toContainText("timeZone: not an IANA time zone");
  await teacher.getByLabel("Time zone").fill("America/New_York");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const classUrl = teacher.url();
  const joinLink = (await teacher.getByTestId("join-link").innerText()).trim();
  expect(joinLink).toMatch(/\/join\/[23456789A-HJKMNP-Z]{8}$/);
  await checkPage(teacher, "class");

  // The student starts as a guest and answers an exercise in a lesson.
  const student = await (await browser.newContext()).newPage();
  await student.goto("/lessons/header-fields");
  const guestExercise = student.locator('[data-exercise="header-fields-syn-only-options"]');
  await guestExercise.getByRole("checkbox").first().check();
  await guestExercise.getByRole("button", { name: "Submit answer" }).click();
  await expect(guestExercise.getByTestId("attempt-feedback")).toContainText("Score");

  // The join link sends a guest to sign up, then back to the class.
  await student.goto(new URL(joinLink).pathname);
  await expect(student).toHaveURL(/\/signup\?next=%2Fjoin%2F/);
  await expect(student.getByText("Sign up or sign in to join the class")).toBeVisible();
  await signUp(student, studentEmail);
  await expect(student.getByRole("heading", { level: 1, name: `Join ${className}` })).toBeVisible();
  await student.getByRole("button", { name: `Join ${className}` }).click();
  await expect(student.getByRole("heading", { level: 1, name: className })).toBeVisible();
  await student.goto("/dashboard");
  await student.getByTestId("progress-header-fields").getByText("Exercises you have worked on").click();
  await expect(student.getByTestId("progress-header-fields")).toContainText("Options that only travel in a SYN");

  // The instructor sees the student and sets an assignment of two exercises.
  await teacher.goto(classUrl);
  await expect(teacher.getByTestId("roster")).toContainText(studentEmail);
  await teacher.getByRole("link", { name: "New assignment" }).click();
  await teacher.getByLabel("Title").fill("Week 1: headers and TIME-WAIT");
  await teacher.getByRole("checkbox", { name: /Read a header: acknowledgment number and flags/ }).check();
  await teacher.getByRole("checkbox", { name: /Leave the server in TIME-WAIT/ }).check();
  await teacher.getByRole("button", { name: /Preview Read a header: acknowledgment number and flags/ }).click();
  await expect(teacher.getByTestId("exercise-preview")).toContainText("Answer (only you see this)");
  await expect(teacher.getByTestId("preview-answer")).not.toBeEmpty();
  await teacher.getByRole("radio", { name: "At most" }).check();
  await teacher.getByLabel("Counted attempts per exercise").fill("3");
  await checkPage(teacher, "assignment-editor");
  // Due before it opens: refused with a sentence.
  const dueField = teacher.getByLabel("Due");
  const due = await dueField.inputValue();
  await dueField.fill("2020-01-01T09:00");
  await teacher.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.locator("main").getByRole("alert")).toContainText("the due time must come after the opening time");
  await dueField.fill(due);
  await teacher.getByRole("button", { name: "Publish" }).click();
  await expect(teacher).toHaveURL(classUrl);
  await expect(teacher.getByText("Week 1: headers and TIME-WAIT")).toBeVisible();
  await expect(teacher.getByText("Published", { exact: true })).toBeVisible();
  await teacher.goto("/teach");
  await expect(teacher.getByTestId("taught-classes")).toContainText(className);
  await checkPage(teacher, "teach");

  // The student sees it on /classes and on the dashboard, due in about a week.
  await student.goto("/classes");
  const listed = student.locator('[data-testid^="assignment-"]').filter({ hasText: "Week 1: headers and TIME-WAIT" });
  await expect(listed.getByTestId("assignment-due")).toContainText(/due in \d+ days/);
  await expect(listed.getByTestId("assignment-status")).toHaveText("Not started");
  await checkPage(student, "classes");
  await student.goto("/dashboard");
  const onDashboard = student.getByTestId("dashboard-assignments");
  await expect(onDashboard).toContainText("Week 1: headers and TIME-WAIT");
  await expect(onDashboard.getByTestId("assignment-due")).toContainText(/due in \d+ days/);
  await onDashboard.getByRole("link", { name: "Week 1: headers and TIME-WAIT" }).click();

  // On the assignment page: a wrong answer, then a right one, then the simulator task.
  await expect(student.getByRole("heading", { level: 1, name: "Week 1: headers and TIME-WAIT" })).toBeVisible();
  const headerItem = student.getByTestId("assignment-item-header-bytes-ack-flags");
  const header = headerItem.locator('[data-exercise="header-bytes-ack-flags"]');
  await expect(header.getByTestId("exercise-material")).toBeVisible();
  const right = headerAnswer(await header.getByTestId("exercise-material").innerText());
  await answerHeader(header, String((Number(right.ack) + 1) % 4294967296), right.flags);
  await expect(header.getByTestId("attempt-feedback")).toContainText("Score 50%");
  await expect(headerItem.getByTestId("item-progress")).toContainText("1 of 3 counted attempts used");
  await expect(student.getByTestId("assignment-summary").getByTestId("assignment-status")).toHaveText("In progress");
  await answerHeader(header, right.ack, right.flags);
  await expect(header.getByTestId("attempt-feedback")).toContainText("Score 100%");
  await expect(headerItem.getByTestId("item-progress")).toContainText("2 of 3 counted attempts used");
  await expect(headerItem.getByTestId("item-progress")).toContainText("solved");
  await expect(student.getByTestId("assignment-summary").getByTestId("assignment-score")).toHaveText("50%");

  const task = student.locator('[data-exercise="time-wait-leave-server"]');
  const widget = task.locator('[data-widget="simulator-task"]');
  await scrollUntilVisible(task, widget); // the simulator's code loads once the reader nears it
  await widget.getByLabel("Server calls close() at (s)").fill("0.8");
  await widget.getByRole("button", { name: "Run the simulator" }).click();
  await expect(widget.getByTestId("task-log")).toContainText("the server's connection is TIME-WAIT");
  await task.getByRole("button", { name: "Submit answer" }).click();
  await expect(task.getByTestId("attempt-feedback")).toContainText("Score 100%");
  const summary = student.getByTestId("assignment-summary");
  await expect(summary.getByTestId("assignment-status")).toHaveText("Done");
  await expect(summary.getByTestId("assignment-score")).toHaveText("100%");
  await checkPage(student, "assignment");

  await student.goto("/classes");
  await expect(listed.getByTestId("assignment-status")).toHaveText("Done");
  await expect(listed.getByTestId("assignment-score")).toHaveText("100%");
});

test("a student cannot open a class they are not in, and /teach sends a guest to sign in", async ({ page }) => {
  await page.goto("/teach");
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)teach$/);
  await page.goto("/join/ZZZZ-ZZZZ");
  await expect(page).toHaveURL(/\/signup\?next=/);
  await signUp(page, `nosy-${Date.now()}@example.com`);
  await expect(page.getByText("This link does not match a class")).toBeVisible();
  const response = await page.goto("/teach/classes/not-a-class-of-mine");
  expect(response?.status()).toBe(404);
  await page.goto("/teach");
  await expect(page.getByText("Only instructors can create classes")).toBeVisible();
});
