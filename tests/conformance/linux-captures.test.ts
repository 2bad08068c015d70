/**
 * Real Linux 6.18 captures as conformance tests: every *.json under
 * content/captures/ (the course's one home for captures) is simulated and
 * compared with its `expect` block by the FORMAT.md rules (lib/tcp/compareTrace.ts).
 * Expected traces are never edited; a kernel behaviour that is out of scope
 * goes in SKIP with the reason.
 *
 * The capture harness opened its sockets with O_NONBLOCK (only a send() in
 * SYN-SENT blocked), so each capture is simulated with `nonBlocking`. With
 * plain blocking sockets, the simulator's default, a program sleeps in
 * connect(), accept() and recv(); the trace is the same wherever the
 * program made no call while such a call would have slept.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareTrace, parseScenario, simulate, type Trace } from "@/lib/tcp";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const capturesDirectory = path.resolve(projectRoot, "content", "captures");

/** file name -> why the simulator does not model it (none so far). */
const SKIP: Record<string, string> = {};

/**
 * Captures whose program calls while a blocking call would still sleep, so a
 * blocking program makes a different trace: file name -> why.
 */
const ONLY_NONBLOCKING: Record<string, string> = {
  "send-before-handshake-queued.json":
    "send() at 0.2 s is made while connect() is still in SYN-SENT; a blocking program makes it only once connect() returns, so the data no longer carries the ACK of the SYN-ACK",
};

const files = readdirSync(capturesDirectory)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => path.join(capturesDirectory, f));

describe("real Linux captures", () => {
  it("finds every capture the course ships, each with its pcap", () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
    for (const file of files) expect(existsSync(file.replace(/\.json$/, ".pcap")), path.basename(file)).toBe(true);
  });

  for (const file of files) {
    const name = path.basename(file);
    const skip = SKIP[name];
    (skip ? it.skip : it)(`${name} is reproduced${skip ? ` (skipped: ${skip})` : ""}`, () => {
      const json = JSON.parse(readFileSync(file, "utf8")) as { expect?: Trace };
      expect(json.expect, "capture has an expect block").toBeDefined();
      const parsed = parseScenario(json);
      if (!parsed.ok) throw new Error(parsed.error);
      const trace = simulate(parsed.scenario, { nonBlocking: true });
      const result = compareTrace(trace, json.expect!);
      expect(result.errors).toEqual([]);
    });
  }

  for (const file of files) {
    const name = path.basename(file);
    const why = ONLY_NONBLOCKING[name];
    it(`${name} ${why ? "differs" : "is reproduced too"} when its program's sockets block${why ? ` (${why})` : ""}`, () => {
      const json = JSON.parse(readFileSync(file, "utf8")) as { expect?: Trace };
      const parsed = parseScenario(json);
      if (!parsed.ok) throw new Error(parsed.error);
      const result = compareTrace(simulate(parsed.scenario), json.expect!);
      if (why) expect(result.ok).toBe(false);
      else expect(result.errors).toEqual([]);
    });
  }
});
