// The gradebook in Chromium: an instructor's class (through the class API),
// a student who answers one exercise wrong then right and writes a wrong idea
// in an explanation, then: the gradebook shows the scores, the downloaded CSV
// parses and matches it, the misconceptions view lists the wrong idea, and the
// results pages are axe-clean and fit at 375 and 1280 px, light and dark
// (screenshots in test-results/screenshots/gradebook-*).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { parseCsv } from "../support/csvParse";

const PASSWORD = "correct horse battery";
const NUMERIC = "header-fields-data-offset";
const EXPLAIN = "header-fields-why-pseudo-header";
const ROUTERS = "The checksum includes the IP addresses so that routers along the path can verify the packet at every hop.";
const ZONE = "Europe/Berlin";
const run = Date.now().toString(36);
const owner = `owner-${run}@example.com`;
const student = `student-${run}@example.com`;
const screenshots = path.resolve("test-results", "screenshots");

function helper(...args: string[]): any {
  const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("tests/e2e/support/gradebookHelper.ts"), ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.resolve("data", "e2e.db")}` },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

/** A wall-clock time in the class's zone, as the assignment form sends it ("2026-12-01T09:30"). */
function wallClock(date: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(date)
    .replace(" ", "T");
}

async function ok(response: Awaited<ReturnType<APIRequestContext["get"]>>, status = [200, 201]): Promise<any> {
  expect(status, `${response.url()}: ${await response.text()}`).toContain(response.status());
  return response.json();
}

async function answer(request: APIRequestContext, exerciseId: string, value: unknown): Promise<number> {
  const view = await ok(await request.get(`/api/exercises/${exerciseId}`));
  const graded = await ok(await request.post(`/api/exercises/${exerciseId}/attempts`, { data: { variantSeed: view.variantSeed, answer: value } }));
  return graded.attempt?.score ?? graded.score;
}

let ownerContext: BrowserContext;
let classId = "";
let assignmentId = "";
let explainScore = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  ownerContext = await browser.newContext({ baseURL });
  const studentContext = await browser.newContext({ baseURL });
  const teacher = ownerContext.request;
  const learner = studentContext.request;
  await ok(await teacher.post("/api/auth/signup", { data: { email: owner, password: PASSWORD } }));
  helper("role", owner);
  classId = (await ok(await teacher.post("/api/classes", { data: { name: "Networks 101", term: "Fall 2026", timeZone: ZONE } }))).class.id;
  const joinCode = (await ok(await teacher.get(`/api/classes/${classId}`))).class.joinCode;
  const now = Date.now();
  assignmentId = (
    await ok(
      await teacher.post(`/api/classes/${classId}/assignments`, {
        data: {
          title: "Week 1: the header",
          exerciseIds: [NUMERIC, EXPLAIN],
          opensAt: wallClock(new Date(now - 86_400_000)),
          dueAt: wallClock(new Date(now + 7 * 86_400_000)),
          maxAttempts: null,
          counts: "best",
          latePolicy: "refuse",
          published: true,
        },
      }),
    )
  ).assignment.id;

  await ok(await learner.post("/api/auth/signup", { data: { email: student, password: PASSWORD } }));
  await ok(await learner.post("/api/classes/join", { data: { code: joinCode } }));
  const seed = (await ok(await learner.get(`/api/exercises/${NUMERIC}`))).variantSeed;
  const { right, wrong } = helper("answers", NUMERIC, String(seed));
  expect(await answer(learner, NUMERIC, wrong)).toBeLessThan(1);
  expect(await answer(learner, NUMERIC, right)).toBe(1);
  explainScore = await answer(learner, EXPLAIN, { text: ROUTERS });
  expect(explainScore).toBeLessThan(1);
  await studentContext.close();
});

test.afterAll(async () => {
  await ownerContext?.close();
});

const percent = (x: number) => `${Math.round(x * 100)}%`;

test("the gradebook shows the student's scores under the assignment's policy", async () => {
  const page = await ownerContext.newPage();
  await page.goto(`/teach/classes/${classId}/gradebook`);
  await expect(page.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
  const expected = (1 + explainScore) / 2; // best of the numeric attempts (1), the explanation's only attempt
  const cell = page.getByTestId(`cell-${student}-${assignmentId}`);
  await expect(cell).toContainText(percent(expected));
  await expect(page.getByTestId(`total-${student}`)).toHaveText(percent(expected));

  // Sorting is a link: by total, highest first, then back.
  await page.getByRole("link", { name: /Sort by total score/ }).click();
  await expect(page).toHaveURL(/sort=total&dir=desc/);

  // A cell opens the attempts, answers in words, times in the class's zone.
  await page.getByTestId(`cell-${student}-${assignmentId}`).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(student);
  const numeric = page.getByTestId(`attempts-${NUMERIC}`);
  await expect(numeric.getByRole("listitem").filter({ hasText: "Attempt" })).toHaveCount(2);
  await expect(numeric).toContainText(/CET|CEST|GMT\+1|GMT\+2/);
  await expect(page.getByTestId(`attempts-${EXPLAIN}`)).toContainText("routers along the path");
  await page.close();
});

test("the downloaded gradebook CSV parses and matches the page", async () => {
  const page = await ownerContext.newPage();
  await page.goto(`/teach/classes/${classId}/gradebook`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-gradebook").click()]);
  expect(download.suggestedFilename()).toBe("Networks-101-Fall-2026-gradebook.csv");
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString("utf8").slice(1));
  expect(rows[0]).toEqual(["student", "Week 1: the header (%)", "total (%)"]);
  const row = rows.find((r) => r[0] === student)!;
  const pageScore = Number(await page.getByTestId(`cell-${student}-${assignmentId}`).getAttribute("data-score"));
  expect(Number(row[1])).toBeCloseTo(pageScore * 100, 2);
  expect(Number(row[2])).toBeCloseTo(Number(await page.getByTestId(`total-${student}`).getAttribute("data-score")) * 100, 2);

  const attempts = await page.request.get(`/teach/classes/${classId}/attempts.csv`);
  expect(attempts.status()).toBe(200);
  const attemptRows = parseCsv((await attempts.text()).replace(/^\uFEFF/, ""));
  expect(attemptRows).toHaveLength(1 + 3);
  await page.close();
});

test("the misconceptions view lists the wrong idea, and the item analysis its exercise", async () => {
  const page = await ownerContext.newPage();
  await page.goto(`/teach/classes/${classId}/misconceptions`);
  await expect(page.getByRole("heading", { level: 1, name: "Misconceptions" })).toBeVisible();
  // Tagged by the grader (a misconception id) or not yet: either way the grader's explanation is listed.
  await expect(page.getByText(/Routers do not check the TCP checksum/).first()).toBeVisible();
  await page.goto(`/teach/classes/${classId}/analysis`);
  await expect(page.getByTestId(`analysis-row-${NUMERIC}`)).toContainText("1");
  await page.close();
});

for (const view of ["gradebook", "analysis", "misconceptions"]) {
  test(`${view}: no axe-core violations, and it fits at 375 and 1280 px in light and dark`, async () => {
    const page = await ownerContext.newPage();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/teach/classes/${classId}/${view}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        for (const details of await page.locator("details").all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`), `${view} ${width} ${colorScheme}`).toEqual([]);
        // The page itself never scrolls sideways; wide tables scroll inside their own box.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${view} ${width} ${colorScheme}`).toBeLessThanOrEqual(0);
        fs.mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: path.join(screenshots, `gradebook-${view}-${width}-${colorScheme}.png`), fullPage: true });
      }
    }
    await page.close();
  });
}

test("a submission after the due time follows the assignment's late policy: refused earns nothing, accepted counts and is marked late", async () => {
  // Two assignments whose window closed yesterday, over the exercise the student solved today (before, in beforeAll).
  const teacher = ownerContext.request;
  const now = Date.now();
  const closed = (latePolicy: "refuse" | "accept") =>
    teacher.post(`/api/classes/${classId}/assignments`, {
      data: {
        title: `Closed, late work ${latePolicy === "accept" ? "accepted" : "refused"}`,
        exerciseIds: [NUMERIC],
        opensAt: wallClock(new Date(now - 3 * 86_400_000)),
        dueAt: wallClock(new Date(now - 86_400_000)),
        maxAttempts: null,
        counts: "best",
        latePolicy,
        published: true,
      },
    });
  const refused = (await ok(await closed("refuse"))).assignment.id as string;
  const accepted = (await ok(await closed("accept"))).assignment.id as string;
  const page = await ownerContext.newPage();
  await page.goto(`/teach/classes/${classId}/gradebook`);
  const refusedCell = page.getByTestId(`cell-${student}-${refused}`);
  await expect(refusedCell).toHaveAttribute("data-score", "0");
  await expect(refusedCell).toHaveAttribute("data-late", "false");
  await expect(refusedCell.getByRole("link")).toHaveAccessibleName(/nothing counted yet/);
  const acceptedCell = page.getByTestId(`cell-${student}-${accepted}`);
  await expect(acceptedCell).toHaveAttribute("data-score", "1");
  await expect(acceptedCell).toHaveAttribute("data-late", "true");
  await expect(acceptedCell.getByRole("link")).toHaveAccessibleName(/100%, late/);
  await page.close();
});
