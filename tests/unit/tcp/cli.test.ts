import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const tmp = mkdtempSync(path.join(tmpdir(), "simulate-cli-"));

function cli(file: string) {
  const r = spawnSync(tsx, ["scripts/simulate.ts", file], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr.trim() };
}
function write(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}
const base = { sysctl: {}, network: { delay: 0 }, faults: [] };

describe("npm run simulate", () => {
  it("prints a trace as JSON for a valid scenario", () => {
    const f = path.resolve(root, "content", "captures", "connection-refused.json");
    const r = cli(f);
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.out) as { segments: Array<{ flags: string }> };
    expect(trace.segments.map((s) => s.flags)).toEqual(["S", "R."]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ["unknown call", JSON.stringify({ ...base, steps: [{ t: 0, host: "client", call: "sned" }] }), /steps\[0\]\.call: unknown call "sned"/],
    ["unknown sysctl", JSON.stringify({ ...base, sysctl: { tcp_fin_timeoot: 3 }, steps: [] }), /sysctl: unknown sysctl "tcp_fin_timeoot"/],
    ["negative time", JSON.stringify({ ...base, steps: [{ t: -1, host: "client", call: "connect" }] }), /steps\[0\]\.t: must be >= 0/],
    ["malformed JSON", "{ not json", /not valid JSON/],
  ];
  for (const [what, text, msg] of bad) {
    it(`rejects ${what} with one line naming the field and exit code 2`, () => {
      const r = cli(write(`${what.replace(/ /g, "-")}.json`, text));
      expect(r.code).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
      expect(r.out).toBe("");
    });
  }

  it("rejects a missing file with a clear line", () => {
    const r = cli(path.join(tmp, "nope.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.json: cannot read file: no such file/);
  });
});
