import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Sockets see a narrow context (lib/tcp/socketContext.ts), not the
 * simulation: the socket files import neither simulate.ts nor host.ts, and
 * the imports inside lib/tcp, type-only ones included, form no circle.
 */
const dir = path.resolve(import.meta.dirname, "..", "..", "..", "lib", "tcp");

/** The lib/tcp modules a file imports (value or type), by base name. */
function importsOf(file: string): string[] {
  const src = readFileSync(path.join(dir, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const out = new Set<string>();
  for (const m of src.matchAll(/\b(?:import|export)\b[^;]*?\bfrom\s+["']\.\/([\w.]+)["']/g)) out.add(m[1]!.replace(/\.ts$/, ""));
  for (const m of src.matchAll(/\bimport\s*\(\s*["']\.\/([\w.]+)["']\s*\)/g)) out.add(m[1]!.replace(/\.ts$/, ""));
  return [...out].sort();
}

const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
const graph = new Map(files.map((f) => [f.replace(/\.ts$/, ""), importsOf(f)]));

describe("lib/tcp import graph", () => {
  it("reads the imports of the socket files", () => {
    expect(graph.get("endpoint")).toContain("socketContext");
    expect(graph.get("host")).toContain("endpoint");
    expect(graph.get("simulate")).toContain("host");
  });

  for (const sock of ["endpoint", "listener", "timewait"]) {
    it(`${sock}.ts imports neither simulate.ts nor host.ts, only the socket context`, () => {
      const imports = graph.get(sock)!;
      expect(imports).not.toContain("simulate");
      expect(imports).not.toContain("host");
      expect(imports).toContain("socketContext");
    });
  }

  it("socketContext.ts imports no socket, host or engine file", () => {
    const imports = graph.get("socketContext")!;
    for (const f of ["endpoint", "listener", "timewait", "host", "simulate"]) expect(imports).not.toContain(f);
  });

  it("has no circle, type-only imports included", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, pathSoFar: string[]): void => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "visiting") {
        cycles.push([...pathSoFar.slice(pathSoFar.indexOf(f)), f].join(" -> "));
        return;
      }
      state.set(f, "visiting");
      for (const g of graph.get(f) ?? []) if (graph.has(g)) visit(g, [...pathSoFar, f]);
      state.set(f, "done");
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
