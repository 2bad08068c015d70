import { describe, expect, it } from "vitest";
import { buildScenario, initialControls } from "@/lib/labs/sequence-simulator/controls";
import { charsThatFit, geometryFor, layoutRows, layoutRowsWrapped, LINE_HEIGHT, WIDE_SHAPE, wrapWords } from "@/lib/labs/sequence-simulator/layout";
import { PRESETS, type Preset } from "@/lib/labs/sequence-simulator/presets";
import { runOrdered } from "@/lib/labs/sequence-simulator/run";
import { buildTimeline } from "@/lib/labs/sequence-simulator/timeline";

describe("diagram geometry", () => {
  it("keeps the wide shape when the container has room, or before it is measured", () => {
    for (const available of [null, 640, 900]) {
      const g = geometryFor(available, ["0.0000"]);
      expect(g).toMatchObject({ narrow: false, width: 640, leftLane: WIDE_SHAPE.leftLane, rightLane: WIDE_SHAPE.rightLane });
    }
  });

  it("fits a phone's container 1:1, both lanes inside, text at 11 px", () => {
    const g = geometryFor(307, ["0.0000", "63.4845"]);
    expect(g.narrow).toBe(true);
    expect(g.width).toBe(307);
    expect(g.leftLane).toBeGreaterThan(0);
    expect(g.rightLane).toBeLessThan(307);
    expect(g.timeFont).toBeGreaterThanOrEqual(11);
    expect(g.labelFont).toBeGreaterThanOrEqual(11);
    // the host labels sit between the lanes, on each lane's inner side
    expect(g.hostLabel("client")).toMatchObject({ x: g.leftLane + 8, anchor: "start" });
    expect(g.hostLabel("server")).toMatchObject({ x: g.rightLane - 8, anchor: "end" });
    // the longest time label ends before the client lane
    expect(g.timeX + 7 * 11 * 0.6).toBeLessThan(g.leftLane);
  });

  it("never goes below its minimum width (a narrower container scrolls)", () => {
    expect(geometryFor(200, ["0.0000"]).width).toBe(280);
  });
});

describe("label wrapping", () => {
  it("wraps at spaces, keeps every word whole and loses no text", () => {
    const text = "[R.] seq 4213581822 ack 4159151404 len 0 (lost)";
    const lines = wrapWords(text, 24);
    expect(lines.every((l) => l.length <= 24)).toBe(true);
    expect(lines.join(" ")).toBe(text);
    expect(wrapWords("send() → ok 100", 40)).toEqual(["send() → ok 100"]);
    expect(wrapWords("averyveryverylongword", 5)).toEqual(["averyveryverylongword"]);
  });

  it("counts how many monospace characters fit", () => {
    expect(charsThatFit(100, 10)).toBe(16);
  });

  it("grows each wrapped row by a line and pushes the rows below down", () => {
    const preset = PRESETS.handshake as Preset;
    const built = buildScenario(preset, initialControls(preset));
    if (!built.ok) throw new Error(built.error);
    const run = runOrdered(built.scenario, built.options);
    const events = buildTimeline(run.trace, run.order, built.scenario.steps);
    const plain = layoutRows(events);
    expect(layoutRowsWrapped(events, events.map(() => 1))).toEqual(plain);
    const lines = events.map((_, i) => (i === 2 ? 3 : 1));
    const wrapped = layoutRowsWrapped(events, lines);
    expect(wrapped.rows[2]!.height).toBe(plain.rows[2]!.height + 2 * LINE_HEIGHT);
    expect(wrapped.rows[3]!.y).toBe(plain.rows[3]!.y + 2 * LINE_HEIGHT);
    expect(wrapped.height).toBe(plain.height + 2 * LINE_HEIGHT);
  });
});
