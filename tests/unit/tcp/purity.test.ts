import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "..", "..", "..", "lib", "tcp");

describe("lib/tcp is pure (DESIGN.md)", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it("has source files", () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(`${f} uses no Node modules, React, DOM, wall clock or global randomness`, () => {
      const src = readFileSync(path.join(dir, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect(src).not.toMatch(/from\s+["'](node:|fs|path|os|crypto|child_process|react)/);
      expect(src).not.toMatch(/require\(/);
      expect(src).not.toMatch(/\bDate\.now\b|\bnew Date\b|\bperformance\.now\b/);
      expect(src).not.toMatch(/\bMath\.random\b/);
      expect(src).not.toMatch(/\b(window|document|process)\./);
    });
  }
});
