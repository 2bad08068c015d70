// The SYN flood lab in a real browser: driven with the keyboard and the mouse,
// checked against the simulator (lib/tcp) run here on the same scenario.
import { expect, test, type Page } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { simulateDetailed } from "../../lib/tcp";
import { DEFAULT_CONTROLS, type LabControls } from "../../lib/labs/syn-flood-lab/controls";
import { decodeControls, encodeControls } from "../../lib/widgets/syn-flood-lab/urlState";
import { buildScenario, SAMPLE_EVERY } from "../../lib/labs/syn-flood-lab/scenario";

const small: LabControls = { ...DEFAULT_CONTROLS, attackRate: 500, legitRate: 5, duration: 10, backlog: 64 };

function engineCounters(controls: LabControls) {
  const d = simulateDetailed(buildScenario(controls), { sampleEvery: SAMPLE_EVERY, until: controls.duration });
  const l = d.counters.server?.listener;
  if (!l) throw new Error("no listener counters");
  const ok = d.calls.filter((c) => c.call === "connect" && c.result === "ok").length;
  return {
    ok,
    nstat: {
      TcpExtListenOverflows: l.ListenOverflows,
      TcpExtListenDrops: l.ListenDrops,
      TcpExtSyncookiesSent: l.SyncookiesSent,
      TcpExtSyncookiesRecv: l.SyncookiesRecv,
      TcpExtTCPReqQFullDoCookies: l.TCPReqQFullDoCookies,
      TcpExtTCPReqQFullDrop: l.TCPReqQFullDrop,
    } as Record<string, number>,
  };
}

async function lab(page: Page) {
  const widget = page.locator('[data-widget="syn-flood-lab"]');
  await expect(widget).toBeVisible();
  return widgetReady(widget);
}

async function settled(page: Page, expectHash?: (c: LabControls | null) => boolean) {
  if (expectHash) await expect.poll(async () => expectHash(decodeControls(await page.evaluate(() => window.location.hash))), { timeout: 10_000 }).toBe(true);
  await expect(page.getByTestId("syn-flood-status")).toHaveAttribute("data-busy", "false", { timeout: 15_000 });
}

async function expectCounters(page: Page, expected: Record<string, number>) {
  for (const [name, value] of Object.entries(expected)) {
    await expect(page.getByTestId(`nstat-${name}`), name).toHaveText(String(value));
  }
}

test("a flood against a listener with syncookies: the widget shows the engine's counters", async ({ page }) => {
  await page.goto(`/lessons/syn-flood#${encodeControls(small)}`);
  const widget = await lab(page);
  await settled(page);
  const expected = engineCounters(small);
  await expectCounters(page, expected.nstat);
  await expect(widget.getByTestId("syn-flood-status")).toContainText(`${expected.ok} of`);
  await expect(widget.getByTestId("syn-flood-log")).toContainText("Possible SYN flooding on port 0.0.0.0:80. Sending cookies.");
  await expect(widget.getByTestId("syn-flood-commands")).toContainText("ss -ltn");
});

test("turning syncookies off with the keyboard: SYNs are dropped and the URL remembers it", async ({ page }) => {
  await page.goto(`/lessons/syn-flood#${encodeControls(small)}`);
  const widget = await lab(page);
  await settled(page);
  const select = widget.getByLabel("net.ipv4.tcp_syncookies");
  await select.focus();
  await select.selectOption("0");
  await settled(page, (c) => c?.tcp_syncookies === 0);
  const controls = { ...small, tcp_syncookies: 0 };
  const expected = engineCounters(controls);
  expect(expected.nstat.TcpExtTCPReqQFullDrop).toBeGreaterThan(0);
  await expectCounters(page, expected.nstat);
  await expect(widget.getByTestId("syn-flood-log")).toContainText("Dropping request.");
  // the shared URL reproduces the same run
  await page.reload();
  await widgetReady(widget);
  await settled(page);
  await expect(widget.getByLabel("net.ipv4.tcp_syncookies")).toHaveValue("0");
  await expectCounters(page, expected.nstat);
});

test("the slow-application preset overflows the accept queue", async ({ page }) => {
  await page.goto("/lessons/syn-flood");
  const widget = await lab(page);
  await settled(page);
  const preset = widget.getByRole("button", { name: "Slow application, no attack" });
  await preset.focus();
  await page.keyboard.press("Enter");
  await settled(page, (c) => c?.acceptRate === 20 && c.attackRate === 0);
  const controls: LabControls = { ...DEFAULT_CONTROLS, attackRate: 0, legitRate: 50, acceptRate: 20, backlog: 64 };
  const expected = engineCounters(controls);
  expect(expected.nstat.TcpExtListenOverflows).toBeGreaterThan(0);
  await expectCounters(page, expected.nstat);
  await expect(widget.getByTestId("syn-flood-log")).toContainText("accept queue full");
});
