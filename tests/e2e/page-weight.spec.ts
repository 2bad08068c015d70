// How much JavaScript pages load, in bytes (gzip level 9 of each script body,
// as scripts/measure-weight.mjs counts): a lesson's first load carries none
// of its widgets' code and stays within 170 KB; a widget's code arrives only
// on the lessons that use it, once the reader scrolls near it; pages without
// widgets add only a few KB to what every page shares.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import matter from "gray-matter";
import { scrollThrough } from "./support/widgets";

const lessons = fs
  .readdirSync(path.resolve("content", "lessons"))
  .filter((folder) => /^\d\d-/.test(folder))
  .sort()
  .map((folder) => matter(fs.readFileSync(path.resolve("content", "lessons", folder, "index.mdx"), "utf8")).data as { slug: string });

const KB = 1024;
const LESSON_FIRST_LOAD_BUDGET = 170 * KB;

/** The data-widget value each widget's root carries: present in that widget's code and no other's. */
const WIDGET_MARKERS = {
  HeaderExplorer: "header-explorer",
  SequenceSimulator: "sequence-simulator",
  SynFloodLab: "syn-flood-lab",
  TimeWaitLoad: "time-wait-load",
  CloseWaitDebugger: "close-wait-debugger",
  PeerVanishes: "peer-vanishes",
} as const;
type Widget = keyof typeof WIDGET_MARKERS;

type Script = { url: string; text: string; gzip: number };

/** Starts recording every script the page loads; `settled()` waits for the bodies fetched so far and returns them all. */
function recordScripts(page: Page) {
  const scripts = new Map<string, Script>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || scripts.has(response.url())) return;
    const entry: Script = { url: new URL(response.url()).pathname, text: "", gzip: 0 };
    scripts.set(response.url(), entry);
    pending.push(
      response.body().then(
        (body) => {
          entry.text = body.toString("utf8");
          entry.gzip = gzipSync(body, { level: 9 }).length;
        },
        () => undefined,
      ),
    );
  });
  return {
    async settled(): Promise<Script[]> {
      await Promise.all(pending);
      return [...scripts.values()];
    },
  };
}

/** The scripts a page loads until the network is quiet with no interaction; with `scroll`, also those scrolling to the bottom brings. */
async function scriptsOf(page: Page, url: string, { scroll }: { scroll: boolean }): Promise<Script[]> {
  const recording = recordScripts(page);
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  if (scroll) {
    await scrollThrough(page);
    await page.waitForLoadState("networkidle");
  }
  return recording.settled();
}

function widgetsIn(scripts: Script[]): Widget[] {
  return (Object.keys(WIDGET_MARKERS) as Widget[]).filter((widget) => scripts.some((s) => s.text.includes(`"data-widget":"${WIDGET_MARKERS[widget]}"`)));
}

const total = (scripts: Script[]) => scripts.reduce((sum, s) => sum + s.gzip, 0);

function widgetsUsedBy(slug: string): Widget[] {
  const folder = fs.readdirSync(path.resolve("content", "lessons")).find((f) => f.endsWith(`-${slug}`))!;
  const source = fs.readFileSync(path.resolve("content", "lessons", folder, "index.mdx"), "utf8").replace(/```[\s\S]*?```/g, "");
  return (Object.keys(WIDGET_MARKERS) as Widget[]).filter((widget) => source.includes(`<${widget}`));
}

test("the markers find a widget's code when it is loaded", async ({ page }) => {
  const scripts = await scriptsOf(page, "/lessons/syn-flood", { scroll: true });
  expect(widgetsIn(scripts)).toContain("SynFloodLab");
});

/** The widgets whose code should come with the first load: those within reach (600 px) of the first screen. */
async function widgetsNearTheFirstScreen(page: Page): Promise<Widget[]> {
  const names = await page.locator("[data-island-widget]").evaluateAll((islands) =>
    islands.filter((island) => island.getBoundingClientRect().top < window.innerHeight + 600).map((island) => island.getAttribute("data-island-widget")!),
  );
  return [...new Set(names as Widget[])];
}

test.describe("on a phone (Lighthouse's mobile screen)", () => {
  test.use({ viewport: { width: 412, height: 823 } });

  for (const lesson of lessons) {
    test(`${lesson.slug}: the first load has only the code of widgets near the first screen and is within 170 KB without them; scrolling brings exactly its own widgets`, async ({ page }) => {
      test.setTimeout(90_000);
      const recording = recordScripts(page);
      await page.goto(`/lessons/${lesson.slug}`);
      await page.waitForLoadState("networkidle");
      const first = await recording.settled();
      const near = await widgetsNearTheFirstScreen(page);
      expect(widgetsIn(first).sort()).toEqual(near.sort());
      expect(total(first.filter((s) => widgetsIn([s]).length === 0))).toBeLessThanOrEqual(LESSON_FIRST_LOAD_BUDGET);
      await scrollThrough(page);
      await page.waitForLoadState("networkidle");
      await expect.poll(async () => widgetsIn(await recording.settled()).sort()).toEqual(widgetsUsedBy(lesson.slug).sort());
    });
  }
});

test("the header-fields lesson never loads the SYN-flood lab's code, even scrolled to the end", async ({ page }) => {
  const scripts = await scriptsOf(page, "/lessons/header-fields", { scroll: true });
  expect(widgetsIn(scripts)).not.toContain("SynFloodLab");
  expect(scripts.some((s) => s.text.includes("Possible SYN flooding"))).toBe(false);
});

// Every page of the app shares React, the Next.js router and the layout's account menu, about 130 KB;
// a page without widgets must add almost nothing to that.
for (const url of ["/", "/lessons"]) {
  test(`${url} adds at most 3 KB of its own to the scripts every page shares, and no widget code`, async ({ browser }) => {
    const load = async (target: string) => {
      const context = await browser.newContext();
      const scripts = await scriptsOf(await context.newPage(), target, { scroll: false });
      await context.close();
      return scripts;
    };
    const [own, ...others] = await Promise.all([load(url), load("/login"), load("/lessons/header-fields"), load(url === "/" ? "/lessons" : "/")]);
    const shared = new Set(others.map((scripts) => scripts.map((s) => s.url)).reduce((a, b) => a.filter((u) => b.includes(u))));
    const extra = own.filter((s) => !shared.has(s.url));
    expect(widgetsIn(own)).toEqual([]);
    expect(total(extra)).toBeLessThanOrEqual(3 * KB);
  });
}
