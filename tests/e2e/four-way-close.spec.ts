// The sequence simulator on the closing lesson, checked against the engine.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { parseScenario, simulateDetailed, type DetailedSegment } from "../../lib/tcp";
import { PRESETS } from "../../lib/labs/sequence-simulator/presets";

function expectedTrace(preset: keyof typeof PRESETS, faults: unknown[] = []) {
  const base = PRESETS[preset].scenario;
  const parsed = parseScenario({ ...base, faults: [...base.faults, ...faults] });
  if (!parsed.ok) throw new Error(parsed.error);
  return simulateDetailed(parsed.scenario, { seed: 1, isn: { client: 1000, server: 5000 } });
}

function line(s: DetailedSegment): string {
  return `${s.from} → ${s.to}  [${s.flags}] seq ${s.seq}${s.ack === null ? "" : ` ack ${s.ack}`} len ${s.len}${s.dropped ? "  DROPPED" : ""}`;
}

async function widget(page: Page, preset: string): Promise<Locator> {
  const w = page.locator(`[data-widget="sequence-simulator"][data-preset="${preset}"]`);
  await widgetReady(w);
  await expect(w).toHaveAttribute("data-hydrated", "true");
  return w;
}

async function segmentLines(w: Locator): Promise<string[]> {
  const items = await w.getByTestId("event-log").locator("li").allTextContents();
  return items.filter((t) => t.includes("] seq ")).map((t) => t.replace(/^t=\S+\s+/, ""));
}

test("client closes first: step to the FIN, then drop the final ACK and watch the FIN come again", async ({ page }) => {
  await page.goto("/lessons/four-way-close");
  const w = await widget(page, "close-client-first");
  const normal = expectedTrace("close-client-first");
  expect(await segmentLines(w)).toEqual(normal.detailed.map(line));
  await expect(w.getByTestId("capture-comparison")).toContainText("agree with the capture");
  // it opens at its start; End shows the whole run
  await expect(w.getByTestId("segment")).toHaveCount(0);
  await w.getByRole("button", { name: /End/ }).click();
  await expect(w.getByTestId("segment")).toHaveCount(normal.detailed.length);
  await expect(w.getByTestId("state-client")).toContainText("CLOSED");
  await expect(w.getByTestId("host-states")).toContainText("TIME-WAIT");

  // Rewind, then step until the client's FIN is on the wire: client in FIN-WAIT-1, server in CLOSE-WAIT after it arrives.
  await w.getByRole("button", { name: /Rewind/ }).click();
  const finIndex = normal.detailed.findIndex((s) => s.from === "client" && s.flags.includes("F"));
  const step = w.getByTestId("step-forward");
  while ((await w.getByTestId("segment").count()) < finIndex + 1) await step.click();
  await expect(w.getByTestId("state-client")).toContainText("FIN-WAIT-1");
  await step.click();
  await expect(w.getByTestId("state-server")).toContainText("CLOSE-WAIT");

  // Drop the client's final ACK (the last segment).
  await w.getByRole("button", { name: /End/ }).click();
  const last = normal.detailed.length - 1;
  const finalAck = normal.detailed[last]!;
  expect(finalAck.flags).toBe(".");
  await w.locator(`[data-testid="segment"][data-index="${last}"]`).click();
  await w.getByTestId("drop-toggle").check();
  const dropped = expectedTrace("close-client-first", [{ from: "client", drop: "ack", after: finalAck.t, until: finalAck.t + 0.000001 }]);
  await expect.poll(() => segmentLines(w)).toEqual(dropped.detailed.map(line));
  const serverFins = dropped.detailed.filter((s) => s.from === "server" && s.flags.includes("F"));
  expect(serverFins.length).toBeGreaterThan(1);
  await expect(w.getByTestId("capture-comparison")).toContainText("changed the scenario");
});

test("simultaneous close: both sides pass through CLOSING into TIME-WAIT", async ({ page }) => {
  await page.goto("/lessons/four-way-close");
  const w = await widget(page, "simultaneous-close");
  const expected = expectedTrace("simultaneous-close");
  expect(await segmentLines(w)).toEqual(expected.detailed.map(line));
  for (const host of ["client", "server"]) {
    const states = expected.states.filter((s) => s.host === host).map((s) => s.state);
    expect(states).toContain("CLOSING");
  }
  // the history at the end of the run (the simulator opens at its start)
  await w.getByRole("button", { name: /End/ }).click();
  await expect(w.getByTestId("host-states")).toContainText("CLOSING");
  await expect(w.getByTestId("capture-comparison")).toContainText("agree with the capture");
});

test("close with unread data: the log shows R. instead of F. and the client's recv() fails", async ({ page }) => {
  await page.goto("/lessons/four-way-close");
  const w = await widget(page, "close-with-unread-data");
  const expected = expectedTrace("close-with-unread-data");
  const rst = expected.detailed.find((s) => s.flags === "R.")!;
  await expect(w.getByTestId("event-log")).toContainText(line(rst));
  await expect(w.getByTestId("event-log")).toContainText("client  recv() → error ECONNRESET");
  expect(expected.detailed.some((s) => s.flags.includes("F"))).toBe(false);
});
