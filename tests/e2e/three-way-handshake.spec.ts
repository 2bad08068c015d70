// The sequence simulator on the handshake lesson, driven like a learner would,
// checked against the engine itself (lib/tcp) run on the same scenario.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { widgetReady } from "./support/widgets";
import { parseScenario, simulateDetailed, type DetailedSegment, type SimulateOptions } from "../../lib/tcp";
import { PRESETS } from "../../lib/labs/sequence-simulator/presets";

function expectedTrace(preset: keyof typeof PRESETS, extra: { sysctl?: Record<string, number>; faults?: unknown[] }, options: SimulateOptions) {
  const base = PRESETS[preset].scenario;
  const parsed = parseScenario({ ...base, sysctl: { ...base.sysctl, ...extra.sysctl }, faults: [...base.faults, ...(extra.faults ?? [])] });
  if (!parsed.ok) throw new Error(parsed.error);
  return simulateDetailed(parsed.scenario, options);
}

/** The text-log line of a segment: "client → server  [S.] seq 0 ack 1 len 0". */
function line(s: DetailedSegment): string {
  // a segment the link held up says when it was sent (its t is where the server sees it)
  const sent = s.sentAt === undefined ? "" : `  (sent at t=${s.sentAt.toFixed(4)}, ${Math.round((s.t - s.sentAt) * 1000)} ms on the way)`;
  return `${s.from} → ${s.to}  [${s.flags}] seq ${s.seq}${s.ack === null ? "" : ` ack ${s.ack}`} len ${s.len}${s.dropped ? "  DROPPED" : ""}${sent}`;
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

test("handshake: drop the SYN-ACK with the keyboard and watch Linux retransmit it", async ({ page }) => {
  await page.goto("/lessons/three-way-handshake");
  const w = await widget(page, "handshake");
  const isn = { client: 1000, server: 5000 };

  const normal = expectedTrace("handshake", {}, { seed: 1, isn });
  expect(await segmentLines(w)).toEqual(normal.detailed.map(line));
  // it opens at its start: nothing drawn, the first control steps to the first event
  await expect(w.getByTestId("segment")).toHaveCount(0);
  await expect(w.getByTestId("state-client")).toContainText("CLOSED");
  await expect(w.getByTestId("step-forward")).toHaveText(/Step ▶ first event/);
  await w.getByRole("button", { name: /End/ }).click();
  await expect(w.getByTestId("segment")).toHaveCount(normal.detailed.length);
  await expect(w.getByTestId("state-client")).toContainText("ESTABLISHED");

  // Rewind and step: after the first few events the client is in SYN-SENT.
  await w.getByRole("button", { name: /Rewind/ }).click();
  await expect(w.getByTestId("segment")).toHaveCount(0);
  const step = w.getByTestId("step-forward");
  while ((await w.getByTestId("segment").count()) < 1) await step.click();
  await expect(w.getByTestId("state-client")).toContainText("SYN-SENT");

  // Select the SYN-ACK (second segment) with Tab + Enter, then drop it.
  const synAck = normal.detailed[1]!;
  expect(synAck.flags).toBe("S.");
  await w.getByRole("button", { name: /End/ }).click();
  const target = w.locator('[data-testid="segment"][data-index="1"]');
  await target.focus();
  await page.keyboard.press("Enter");
  await expect(w.getByTestId("inspector")).toContainText(`${synAck.absSeq} absolute`);
  await w.getByTestId("drop-toggle").check();

  const dropped = expectedTrace("handshake", { faults: [{ from: "server", drop: "syn", after: synAck.t, until: synAck.t + 0.000001 }] }, { seed: 1, isn });
  await expect.poll(() => segmentLines(w)).toEqual(dropped.detailed.map(line));
  const synAcks = dropped.detailed.filter((s) => s.flags === "S.");
  expect(synAcks[0]!.dropped).toBe(true);
  expect(synAcks[1]!.t - synAcks[0]!.t).toBeGreaterThanOrEqual(1);
  expect(synAcks[1]!.t - synAcks[0]!.t).toBeLessThan(1.13);
  await expect(w.getByTestId("segment")).toHaveCount(dropped.detailed.length);

  // The link reproduces the scenario.
  expect(page.url()).toContain("seq-handshake=");
  await page.reload();
  const again = await widget(page, "handshake");
  await expect.poll(() => segmentLines(again)).toEqual(dropped.detailed.map(line));
});

test("every SYN lost: tcp_syn_retries=2 gives six SYNs and ETIMEDOUT 7 s after the first", async ({ page }) => {
  await page.goto("/lessons/three-way-handshake");
  const w = await widget(page, "handshake-lost-syn");
  await w.getByLabel(/tcp_syn_retries/).fill("2");
  const expected = expectedTrace("handshake-lost-syn", { sysctl: { tcp_syn_retries: 2 } }, { seed: 1 });
  await expect.poll(() => segmentLines(w)).toEqual(expected.detailed.map(line));
  expect(expected.detailed).toHaveLength(6);
  const connect = expected.calls.find((c) => c.call === "connect")!;
  expect(connect.result).toBe("error ETIMEDOUT");
  await expect(w.getByTestId("event-log")).toContainText(`t=${connect.returned.toFixed(4)}  client  connect() returns error ETIMEDOUT`);
  await expect(w.getByTestId("state-client")).toContainText("CLOSED");
  await expect(w.getByTestId("capture-comparison")).toContainText("changed the scenario");
});

test("old duplicate SYN: the client answers the stale SYN-ACK with RST", async ({ page }) => {
  await page.goto("/lessons/three-way-handshake");
  const w = await widget(page, "handshake-old-duplicate-syn");
  const expected = expectedTrace("handshake-old-duplicate-syn", {}, { seed: 1, isn: { client: 90, server: 300 } });
  const rst = expected.detailed.find((s) => s.from === "client" && s.flags === "R")!;
  expect(rst.absSeq).toBe(91);
  await expect(w.getByTestId("event-log")).toContainText("client → server  [R] seq 91 len 0");
  await w.getByRole("button", { name: /End/ }).click();
  await expect(w.getByTestId("state-client")).toContainText("ESTABLISHED");
});
