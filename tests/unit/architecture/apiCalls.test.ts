// Browser code reaches the API only through learnerFetch, which first awaits
// the one call that establishes the guest's identity (decision record 0012):
// a direct fetch("/api/...") on a page could mint a second learner id.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("API calls from the browser", () => {
  it("go through learnerFetch, never a bare fetch of /api", () => {
    const offenders: string[] = [];
    for (const file of [...sources(path.join(root, "app")), ...sources(path.join(root, "lib"))]) {
      const relative = path.relative(root, file);
      if (relative === path.join("app", "_components", "learnerFetch.ts")) continue;
      const text = readFileSync(file, "utf8");
      if (!/^["']use client["']/m.test(text) && !relative.startsWith(path.join("app", "_components"))) continue;
      text.split("\n").forEach((line, index) => {
        if (!/(?<![\w.])fetch\(/.test(line)) return;
        // A literal path outside /api (a static file such as the search index) needs no identity.
        const literal = line.match(/(?<![\w.])fetch\(\s*["'`]([^"'`$]*)["'`]/);
        if (literal && !literal[1]!.startsWith("/api")) return;
        offenders.push(`${relative}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
