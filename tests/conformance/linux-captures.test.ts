/**
 * Real Linux 6.18 captures as conformance tests: every *.json under
 * ../shared/scenarios/linux/ and tests/conformance/captures/ is simulated and
 * compared with its `expect` block by the FORMAT.md rules (lib/tcp/compareTrace.ts).
 * Expected traces are never edited; a kernel behaviour that is out of scope
 * goes in SKIP with the reason.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareTrace, parseScenario, simulate, type Trace } from "@/lib/tcp";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const dirs = [
  path.resolve(projectRoot, "..", "shared", "scenarios", "linux"),
  path.resolve(projectRoot, "tests", "conformance", "captures"),
];

/** file name -> why the simulator does not model it (none so far). */
const SKIP: Record<string, string> = {};

const files = dirs.flatMap((d) =>
  existsSync(d)
    ? readdirSync(d)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => path.join(d, f))
    : [],
);

describe("real Linux captures", () => {
  it("finds the shared captures", () => {
    expect(files.filter((f) => f.includes(`${path.sep}shared${path.sep}`)).length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    const name = path.basename(file);
    const skip = SKIP[name];
    (skip ? it.skip : it)(`${path.basename(path.dirname(file))}/${name} is reproduced${skip ? ` (skipped: ${skip})` : ""}`, () => {
      const json = JSON.parse(readFileSync(file, "utf8")) as { expect?: Trace };
      expect(json.expect, "capture has an expect block").toBeDefined();
      const parsed = parseScenario(json);
      if (!parsed.ok) throw new Error(parsed.error);
      const trace = simulate(parsed.scenario);
      const result = compareTrace(trace, json.expect!);
      expect(result.errors).toEqual([]);
    });
  }
});
