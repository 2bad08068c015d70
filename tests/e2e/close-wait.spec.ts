// Lesson 6: drive the CLOSE-WAIT debugger (advance time, pick the leaking
// line, deploy the fix) and check what it shows against lib/tcp's trace of
// the same scenario.
import { expect, test } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { simulateDetailed } from "../../lib/tcp";
import { buildScenario, DURATION } from "../../lib/labs/close-wait-debugger/scenario";
import { awkSummary, countByState, indexTrace, serverSockets } from "../../lib/labs/close-wait-debugger/tables";

function expectedAt(fixAt: number | null, t: number) {
  const { scenario, plan } = buildScenario({ rate: 1, emptyEvery: 4, fixAt });
  const index = indexTrace(simulateDetailed(scenario, { until: DURATION }), plan);
  const rows = serverSockets(index, t);
  return { closeWait: countByState(rows).get("CLOSE-WAIT") ?? 0, awk: awkSummary(rows) };
}

test("CLOSE-WAIT grows, the right line is found, and the fix drains it", async ({ page }) => {
  await page.goto("/lessons/close-wait");
  const widget = page.locator('[data-widget="close-wait-debugger"]');
  await expect(widget).toBeVisible();
  await widgetReady(widget);

  const plus60 = widget.getByRole("button", { name: "+60 s" });
  await plus60.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(widget.getByTestId("cw-time")).toHaveText("120 s");

  const before = expectedAt(null, 120);
  expect(before.closeWait).toBeGreaterThan(20);
  await expect(widget.getByTestId("netstat-output")).toContainText(`CLOSE_WAIT ${before.closeWait}`);
  await expect(widget.getByTestId("netstat-output")).toContainText(before.awk.split("\n").find((l) => l.startsWith("TIME_WAIT"))!);
  await expect(widget.getByTestId("ss-output")).toContainText("CLOSE-WAIT");

  const lines = widget.getByTestId("listing").locator("label");
  await lines.nth(11).click(); // line 12: the happy-path close()
  await widget.getByRole("button", { name: "This line leaks" }).click();
  await expect(widget.getByTestId("line-verdict")).toContainText("happy path");
  await expect(widget.getByTestId("deploy-fix")).toBeDisabled();

  await lines.nth(7).click(); // line 8: the early return
  await widget.getByRole("button", { name: "This line leaks" }).click();
  await expect(widget.getByTestId("line-verdict")).toContainText("Found it");
  await widget.getByTestId("deploy-fix").click();
  await widget.getByRole("button", { name: "+10 s" }).click();
  await expect(widget.getByTestId("cw-time")).toHaveText("130 s");

  const after = expectedAt(120, 130);
  expect(after.closeWait).toBe(0);
  await expect(widget.getByTestId("netstat-output")).not.toContainText("CLOSE_WAIT");
  await expect(widget.getByTestId("close-wait-count")).toContainText("fix was deployed at 120 s");
  // Leaked sockets whose peers had already forgotten them (> tcp_fin_timeout ago) drew RSTs.
  await expect(widget.getByTestId("peer-view")).toContainText(/RSTs sent to the server so far: [1-9]/);
  expect(page.url()).toContain("close-wait=");
});
