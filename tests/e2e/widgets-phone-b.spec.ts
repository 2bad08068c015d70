// The TIME-WAIT, CLOSE-WAIT and peer-vanishes widgets and the trace fill-in
// exercise on a phone (375 px) and a desktop (1280 px), light and dark: no
// text wider than its box or outside the viewport (wide terminal output
// scrolls inside a keyboard-reachable, named region that says it scrolls),
// axe-clean; the CLOSE-WAIT debugger keeps its answer hidden until the learner
// has guessed or given up; bad numbers are refused beside their field while
// the run keeps the last valid value; the TIME-WAIT widget says which limit
// keeps its count below rate × 60 s; its timeline opens at 0 s.
// Screenshots: test-results/screenshots/phone-b-*.png.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { simulateLoad } from "../../lib/labs/time-wait-load/model";
import { DEFAULT_CONTROLS as PV_DEFAULTS, outcomeHeadline, runPeerVanishes } from "../../lib/labs/peer-vanishes/model";
import { axeViolations, pageOverflow, rulesFor, textProblems } from "./support/phoneLayout";
import { widgetReady } from "./support/widgets";

const screenshotDirectory = path.resolve("test-results", "screenshots");

interface Target {
  name: string;
  url: string;
  selector: string;
  /** Brings the widget into the state worth looking at (outputs filled, tables open). */
  prepare: (widget: Locator, page: Page) => Promise<void>;
}

const TARGETS: Target[] = [
  {
    name: "time-wait-load",
    url: "/lessons/time-wait",
    selector: '[data-widget="time-wait-load"]',
    prepare: async (widget) => {
      await widgetReady(widget);
      await expect(widget).toHaveAttribute("data-hydrated", "true");
      await widget.getByRole("button", { name: "+10 s" }).click();
      await widget.getByText("The chart as a table").click();
      await expect(widget.getByTestId("load-table")).toBeVisible();
      await expect(widget.getByTestId("limit-explanation")).toBeVisible();
    },
  },
  {
    name: "close-wait-debugger",
    url: "/lessons/close-wait",
    selector: '[data-widget="close-wait-debugger"]',
    prepare: async (widget) => {
      await widgetReady(widget);
      await expect(widget).toHaveAttribute("data-hydrated", "true");
      await widget.getByRole("button", { name: "+60 s", exact: true }).click();
      await widget.getByRole("button", { name: "+60 s", exact: true }).click();
      await expect(widget.getByTestId("cw-time")).toHaveText("120 s");
      await widget.getByTestId("listing").locator("label").nth(7).click(); // line 8
      await widget.getByRole("button", { name: "This line leaks" }).click();
      await widget.getByTestId("deploy-fix").click();
    },
  },
  {
    name: "peer-vanishes",
    url: "/lessons/peer-vanishes",
    selector: '[data-widget="peer-vanishes"]',
    prepare: async (widget) => {
      await widgetReady(widget);
      await expect(widget).toHaveAttribute("data-hydrated", "true");
      await widget.getByRole("radio", { name: /Its host reboots/ }).check();
    },
  },
  {
    name: "trace-fill-in-four-way-close",
    url: "/lessons/four-way-close",
    selector: '[data-exercise="four-way-close-fill-trace"]',
    prepare: async (section) => {
      await expect(section.getByTestId("trace-field")).toBeVisible();
    },
  },
  {
    name: "trace-fill-in-peer-vanishes",
    url: "/lessons/peer-vanishes",
    selector: '[data-exercise="peer-vanishes-reboot-rst"]',
    prepare: async (section) => {
      await expect(section.getByTestId("trace-field")).toBeVisible();
    },
  },
];

async function openTarget(page: Page, t: Target): Promise<Locator> {
  await page.goto(t.url);
  const widget = page.locator(t.selector);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toBeVisible();
  await t.prepare(widget, page);
  return widget;
}

for (const t of TARGETS) {
  // Light and dark on one loaded page: the schemes differ only in CSS (prefers-color-scheme).
  test(`${t.name} at 375 px, light and dark: every text whole and on screen, wide output in a named keyboard scroll region, axe-clean`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
    const widget = await openTarget(page, t);
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    for (const colorScheme of ["light", "dark"] as const) {
      await test.step(colorScheme, async () => {
        await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
        expect(await textProblems(widget, { viewport: true }), colorScheme).toEqual([]);
        expect(await pageOverflow(page), colorScheme).toBeLessThanOrEqual(0);
        await widget.screenshot({ path: path.join(screenshotDirectory, `phone-b-${t.name}-375-${colorScheme}.png`) });
        expect(await axeViolations(page, { include: t.selector, ...rulesFor(colorScheme) }), colorScheme).toEqual([]);
      });
    }
  });

  test(`${t.name} at 1280 px: every text whole and on screen, axe-clean (screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
    const widget = await openTarget(page, t);
    expect(await textProblems(widget, { viewport: true })).toEqual([]);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    await widget.screenshot({ path: path.join(screenshotDirectory, `phone-b-${t.name}-1280-light.png`) });
    expect(await axeViolations(page, t.selector)).toEqual([]);
  });
}

test("on a phone the ss output scrolls sideways by keyboard and says so; on a desktop it fits and says nothing", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const widget = await openTarget(page, TARGETS[1]!);
  const ss = widget.getByTestId("ss-output");
  await expect(ss).toHaveAttribute("data-overflowing", "true");
  await expect(ss).toHaveAccessibleDescription(/swipe sideways|arrow keys/);
  await ss.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => ss.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(ss).toHaveAttribute("data-overflowing", "false");
  await expect(widget.locator("[data-scroll-hint]")).toHaveCount(0);
});

test("the CLOSE-WAIT debugger shows no diagnosis until the learner guesses or gives up on purpose", async ({ page }) => {
  await page.goto("/lessons/close-wait");
  const widget = page.locator('[data-widget="close-wait-debugger"]');
  await widgetReady(widget);
  await expect(widget).toHaveAttribute("data-hydrated", "true");
  await widget.getByRole("button", { name: "+60 s" }).click();
  await expect(widget.getByTestId("close-wait-count")).toContainText(/\d+ sockets? in CLOSE-WAIT\.$/);
  // Nothing in the widget names the missing close() or the leaking line before the learner acts.
  await expect(widget).not.toContainText("never called close()");
  await expect(widget).not.toContainText("Found it");
  await expect(widget).not.toContainText("This is the leak");
  await expect(widget.getByTestId("deploy-fix")).toBeDisabled();
  // Nor does the lesson's text right under it, until the learner opens it.
  await expect(page.getByText("The bug in the listing is the classic one")).toBeHidden();

  // A wrong guess: a hint, and now the diagnosis, but not the line.
  await widget.getByTestId("listing").locator("label").nth(11).click(); // line 12
  await widget.getByRole("button", { name: "This line leaks" }).click();
  await expect(widget.getByTestId("line-verdict")).toContainText("happy path");
  await expect(widget.getByTestId("close-wait-count")).toContainText("never called close()");
  await expect(widget.getByTestId("deploy-fix")).toBeDisabled();

  // Giving up is a deliberate press; it shows the line and lets the fix be deployed.
  await widget.getByRole("button", { name: "Give up: show the leaking line" }).click();
  await expect(widget.getByTestId("line-verdict")).toContainText("Line 8: This is the leak");
  await expect(widget.getByRole("radio", { name: /^Line 8:/ })).toBeChecked();
  await expect(widget.getByTestId("deploy-fix")).toBeEnabled();
});

test("the TIME-WAIT widget refuses a port range with its low end above its high end, beside the field, and keeps simulating the last valid range", async ({ page }) => {
  await page.goto("/lessons/time-wait");
  const widget = page.locator('[data-widget="time-wait-load"]');
  await widgetReady(widget);
  await expect(widget).toHaveAttribute("data-hydrated", "true");
  const low = widget.getByLabel("ip_local_port_range low");
  const high = widget.getByLabel("high", { exact: true });
  await low.fill("40000");
  await high.fill("40999");
  const valid = simulateLoad({ rate: 500, portLow: 40000, portHigh: 40999 });
  await expect(widget.getByTestId("exhaustion-status")).toContainText(`t = ${valid.exhaustedAt} s`);

  await low.fill("50000");
  await expect(low).toHaveAttribute("aria-invalid", "true");
  await expect(high).toHaveAttribute("aria-invalid", "true");
  await expect(low).toHaveAccessibleDescription(/low end \(50000\) is above the high end \(40999\)/);
  await expect(widget.getByTestId("port-range-error")).toBeVisible();
  await expect(widget.getByTestId("port-range-kept")).toContainText("40000 40999");
  // No silent swap or clamp: the field keeps what was typed, the run keeps the last valid range.
  await expect(low).toHaveValue("50000");
  await low.blur();
  await expect(low).toHaveValue("50000");
  await expect(widget.getByTestId("exhaustion-status")).toContainText(`t = ${valid.exhaustedAt} s`);

  await low.fill("80");
  await expect(low).toHaveAccessibleDescription(/1,024 to 65,535/);
  await low.fill("40000");
  await expect(low).not.toHaveAttribute("aria-invalid");
  await expect(widget.getByTestId("port-range-error")).toHaveCount(0);

  const buckets = widget.getByLabel("tcp_max_tw_buckets");
  await buckets.fill("-5");
  await expect(buckets).toHaveAttribute("aria-invalid", "true");
  await expect(buckets).toHaveAccessibleDescription(/whole number from 0 to 262,144.*Still simulating 131,072/);
});

test("PeerVanishes says what a keepalive field accepts instead of clamping it, and the run keeps the last valid value", async ({ page }) => {
  await page.goto("/lessons/peer-vanishes");
  const widget = page.locator('[data-widget="peer-vanishes"]');
  await widgetReady(widget);
  await expect(widget).toHaveAttribute("data-hydrated", "true");
  await widget.getByRole("radio", { name: /stays idle/ }).check();
  await widget.getByRole("checkbox", { name: /SO_KEEPALIVE/ }).check();
  const idle = widget.getByLabel("TCP_KEEPIDLE (s)");
  await idle.fill("30");
  const at30 = runPeerVanishes({ ...PV_DEFAULTS, activity: "idle", keepalive: true, keepIdle: 30 });
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(at30));

  await idle.fill("99999");
  await expect(idle).toHaveAttribute("aria-invalid", "true");
  await expect(idle).toHaveAccessibleDescription(/from 1 to 32,767 seconds.*still uses 30/);
  await idle.blur();
  await expect(idle).toHaveValue("99999");
  await expect(widget.getByTestId("pv-headline")).toHaveText(outcomeHeadline(at30));
});

test("the TIME-WAIT widget opens at 0 s and says why its counts stop below rate × 60 s, naming the limit and its value", async ({ page }) => {
  await page.goto("/lessons/time-wait");
  const widget = page.locator('[data-widget="time-wait-load"]');
  await widgetReady(widget);
  await expect(widget).toHaveAttribute("data-hydrated", "true");
  await expect(widget.getByTestId("cursor-time")).toHaveText("0 s");
  await expect(widget.getByTestId("cursor-start-hint")).toBeVisible();
  await expect(widget.getByRole("button", { name: "Play" })).toBeVisible();

  // The client closes first: the port range binds.
  const explanation = widget.getByTestId("limit-explanation");
  await expect(explanation).toContainText("not 500 × 60 s = 30,000");
  await expect(explanation).toContainText("ip_local_port_range = 32768 60999");
  await expect(explanation).toContainText("EADDRNOTAVAIL");

  // The server closes first: one client host reaches it from 14,116 4-tuples (the lesson's 30,000 assumes many).
  await widget.getByRole("radio", { name: "Server" }).check();
  const server = simulateLoad({ rate: 500, closer: "server" });
  expect(server.peakServerTimeWait).toBe(14116);
  await expect(explanation).toContainText("at most 14,116 TIME-WAIT sockets, not 500 × 60 s = 30,000");
  await expect(explanation.locator('[data-kind="one-client"]')).toContainText("one parity");

  // A bucket cap below that: tcp_max_tw_buckets is named with its value and what happens at the cap.
  await widget.getByLabel("tcp_max_tw_buckets").fill("10000");
  await expect(explanation).toContainText("at most 10,000 TIME-WAIT sockets");
  await expect(explanation.locator('[data-kind="buckets"]')).toContainText("tcp_max_tw_buckets = 10,000");
  await expect(explanation.locator('[data-kind="buckets"]')).toContainText("without TIME-WAIT");
  await expect(explanation.locator('[data-kind="buckets"]')).toContainText("TcpExtTCPTimeWaitOverflow");

  // A load the port range can carry: no limit binds, nothing to explain.
  await widget.getByRole("radio", { name: "Client" }).check();
  await widget.getByLabel("tcp_max_tw_buckets").fill("131072");
  await widget.getByLabel(/^New connections per second/).fill("100");
  await expect(explanation).toHaveCount(0);
});
