// Lesson 4: the TIME-WAIT load widget, driven like a learner would, checked
// against the same model the widget uses (itself checked against lib/tcp in
// tests/unit/widgets/time-wait-load.test.ts), and the two TIME-WAIT presets
// of the sequence simulator are on the page.
import { expect, test } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { simulateLoad } from "../../lib/labs/time-wait-load/model";

test("the load widget shows port exhaustion, and none when the server closes first or tcp_tw_reuse=1", async ({ page }) => {
  await page.goto("/lessons/time-wait");
  const widget = page.locator('[data-widget="time-wait-load"]');
  await expect(widget).toBeVisible();
  await widgetReady(widget);

  const defaults = simulateLoad({ rate: 500 });
  await expect(widget.getByTestId("exhaustion-status")).toContainText(`t = ${defaults.exhaustedAt} s`);
  await expect(widget.getByTestId("event-log")).toContainText("connect() fails with EADDRNOTAVAIL");

  // Keyboard: move the time cursor to 30 s.
  const time = widget.getByLabel(/^Time:/);
  await time.focus();
  await time.press("Home");
  for (let i = 0; i < 3; i++) await widget.getByRole("button", { name: "+10 s" }).click();
  await expect(widget.getByTestId("cursor-time")).toHaveText("30 s");
  const at30 = defaults.samples.find((s) => s.t === 30)!;
  await expect(widget.getByTestId("cursor-summary")).toContainText(String(at30.clientTimeWait));

  await widget.getByRole("radio", { name: "Server" }).check();
  await expect(widget.getByTestId("exhaustion-status")).toContainText("never fails");
  expect(page.url()).toContain("time-wait-load=");

  await widget.getByRole("radio", { name: "Client" }).check();
  await widget.getByLabel("tcp_tw_reuse").selectOption("1");
  const reuse = simulateLoad({ rate: 500, twReuse: 1 });
  expect(reuse.exhaustedAt).toBeNull();
  await expect(widget.getByTestId("exhaustion-status")).toContainText("never fails");
  await expect(widget.getByTestId("event-log")).toContainText("tcp_tw_reuse=1");
});

test("a shared link restores the scenario", async ({ page }) => {
  await page.goto("/lessons/time-wait");
  const widget = page.locator('[data-widget="time-wait-load"]');
  await widgetReady(widget);
  await widget.getByLabel("ip_local_port_range low").fill("40000");
  await widget.getByLabel("high", { exact: true }).fill("40999");
  const expected = simulateLoad({ rate: 500, portLow: 40000, portHigh: 40999 });
  await expect(widget.getByTestId("exhaustion-status")).toContainText(`t = ${expected.exhaustedAt} s`);
  const url = page.url();
  await page.goto("about:blank");
  await page.goto(url);
  await widgetReady(page.locator('[data-widget="time-wait-load"]'));
  await expect(page.locator('[data-widget="time-wait-load"]').getByTestId("exhaustion-status")).toContainText(`t = ${expected.exhaustedAt} s`);
});

test("both TIME-WAIT presets of the sequence simulator are embedded", async ({ page }) => {
  await page.goto("/lessons/time-wait");
  const simulators = page.locator('[data-widget="sequence-simulator"]');
  await expect(simulators).toHaveCount(2);
  await expect(simulators.nth(0)).toContainText("the final ACK is lost");
  await expect(simulators.nth(1)).toContainText("no new incarnation");
});
