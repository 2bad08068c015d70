import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/wire runs in the browser (the header explorer) as well as on the server,
// so it may not reach for Node built-ins, React, or the DOM.
const wireDir = path.resolve(import.meta.dirname, "..", "..", "..", "lib", "wire");
const files = readdirSync(wireDir).filter((f) => f.endsWith(".ts"));

describe("lib/wire stays pure", () => {
  it.each(files)("%s imports only its sibling modules", (file) => {
    const source = readFileSync(path.join(wireDir, file), "utf8");
    const imports = [...source.matchAll(/^\s*(?:import|export)[^"']*from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
    for (const specifier of imports) expect(specifier).toMatch(/^\.\//);
    expect(source).not.toMatch(/\b(document|window)\.[a-z]/i);
  });
});
