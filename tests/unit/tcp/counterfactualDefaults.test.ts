/**
 * The what-if switches and the late faults leave every default trace as it
 * was: with no counterfactual set (or every switch false), each capture and
 * a few pinned scenarios give the same detailed trace, bit for bit, as
 * before they existed (the fingerprints below were taken on the engine
 * without them; the conformance suite checks the captures against Linux).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario, runScenario, type RunOptions, type Scenario } from "@/lib/tcp";

const capturesDirectory = path.resolve(import.meta.dirname, "..", "..", "..", "content", "captures");

function fingerprint(scenario: Scenario, options: RunOptions): string {
  const run = runScenario(scenario, { ...options, sampleEvery: 0.5 });
  const json = JSON.stringify({ trace: run.detailedTrace(), events: run.events });
  run.release();
  return createHash("sha256").update(json).digest("hex").slice(0, 16);
}

function parse(json: unknown): Scenario {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(p.error);
  return p.scenario;
}

const OFF = { twoWayHandshake: false, noTimeWait: false, isnZero: false };

describe("default traces with the what-if switches present", () => {
  const files = readdirSync(capturesDirectory).filter((f) => f.endsWith(".json")).sort();
  it("every capture: no counterfactual, an empty one and all switches off give the same trace", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const scenario = parse(JSON.parse(readFileSync(path.join(capturesDirectory, f), "utf8")));
      const plain = fingerprint(scenario, {});
      expect(fingerprint(scenario, { counterfactual: {} }), f).toBe(plain);
      expect(fingerprint(scenario, { counterfactual: OFF }), f).toBe(plain);
    }
  });

  // Three sequence-simulator presets as they were when the switches were added (copied, so a later
  // edit of a preset does not move the pin), with the options the widget passes.
  const pinned: Array<[string, unknown, RunOptions, string]> = [
    [
      "handshake",
      {
        sysctl: {},
        network: { delay: 0.01 },
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect" },
          { t: 0.2, host: "server", call: "accept" },
          { t: 0.3, host: "client", call: "send", bytes: 100 },
          { t: 0.5, host: "server", call: "recv" },
        ],
        faults: [],
      },
      { seed: 1, isn: { client: 1000, server: 5000 } },
      "21d873222b9ddcc1",
    ],
    [
      "handshake-old-duplicate-syn",
      {
        sysctl: {},
        network: { delay: 0.05 },
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect", localPort: 40000, nonBlocking: true },
          { t: 0.5, host: "client", call: "abort" },
          { t: 2, host: "client", call: "connect", localPort: 40000 },
          { t: 3.5, host: "server", call: "accept" },
        ],
        faults: [{ from: "client", delay: 2, until: 0.2 }],
      },
      { seed: 1, isn: { client: 90, server: 300 } },
      "0129209ef3428109",
    ],
    [
      "close-client-first",
      {
        sysctl: { tcp_fin_timeout: 60, tcp_max_tw_buckets: 512 },
        network: { delay: 0 },
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect" },
          { t: 0.2, host: "server", call: "accept" },
          { t: 0.3, host: "client", call: "send", bytes: 100 },
          { t: 0.51, host: "server", call: "recv" },
          { t: 0.6, host: "server", call: "send", bytes: 50 },
          { t: 0.8, host: "client", call: "recv" },
          { t: 1, host: "client", call: "close" },
          { t: 1.501, host: "server", call: "close" },
        ],
        faults: [],
      },
      { seed: 1, isn: { client: 1000, server: 5000 } },
      "a5a0d59b1a79f8a2",
    ],
  ];
  for (const [name, json, options, expected] of pinned) {
    it(`${name}: the same trace as before the switches existed`, () => {
      const scenario = parse(json);
      const got = fingerprint(scenario, options);
      expect(got).toBe(expected);
      expect(fingerprint(scenario, { ...options, counterfactual: OFF })).toBe(expected);
    });
  }
});
