/**
 * Which way imports may point (docs/decisions/0008-layers.md and DESIGN.md's
 * picture). Every .ts/.tsx/.mts/.mjs file under app, lib, content, scripts and
 * tests is read; each import, export-from, dynamic import() and require() is
 * resolved ("@/..." from the project root, "./..." from the file) and checked.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const SCANNED = ["app", "lib", "content", "scripts", "tests"];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

type Import = { file: string; spec: string; target: string };

/** Project-relative path of what a specifier points to, without extension or trailing /index; or the package name. */
function resolve(file: string, spec: string): string {
  let abs: string;
  if (spec.startsWith("@/")) abs = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) abs = path.resolve(path.dirname(file), spec);
  else return spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  return path
    .relative(root, abs)
    .split(path.sep)
    .join("/")
    .replace(/\.(ts|tsx|mts|mjs|js)$/, "")
    .replace(/\/index$/, "");
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|(?:^|[\s;])import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g;

const files = SCANNED.flatMap((d) => walk(path.join(root, d), []));
const imports: Import[] = files.flatMap((file) => {
  const text = readFileSync(file, "utf8");
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (spec) out.push({ file: path.relative(root, file).split(path.sep).join("/"), spec, target: resolve(file, spec) });
  }
  return out;
});

function within(p: string, dir: string): boolean {
  return p === dir || p.startsWith(`${dir}/`);
}

function show(list: Import[]): string[] {
  return list.map((i) => `${i.file} imports "${i.spec}"`);
}

describe("import directions", () => {
  it("reads the project's imports (the scan itself works)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.target === "lib/tcp")).toBe(true);
    expect(imports.some((i) => i.target === "react")).toBe(true);
    expect(imports.some((i) => within(i.file, "lib/db") && within(i.target, "lib/generated"))).toBe(true);
  });

  it("only lib/tcp/index.ts is imported from outside lib/tcp (tests/unit/tcp exempt)", () => {
    // Exempt: tests/unit/tcp holds white-box tests of the engine's own parts
    // (a listener's retry budget, the import graph inside lib/tcp, per-state
    // socket tests). They are lib/tcp's tests and move with its internals;
    // every other test, like every other module, uses the public door.
    const bad = imports.filter(
      (i) =>
        within(i.target, "lib/tcp") &&
        i.target !== "lib/tcp" &&
        !within(i.file, "lib/tcp") &&
        !within(i.file, "tests/unit/tcp"),
    );
    expect(show(bad)).toEqual([]);
  });

  it("lib/tcp imports nothing of ours outside lib/tcp, and no packages", () => {
    const bad = imports.filter((i) => within(i.file, "lib/tcp") && !within(i.target, "lib/tcp"));
    expect(show(bad)).toEqual([]);
  });

  it("lib/labs imports only lib/tcp (its index), lib/wire, the shipped captures and itself: never React, lib/widgets or lib/exercises", () => {
    const allowed = (t: string) =>
      t === "lib/tcp" || within(t, "lib/wire") || within(t, "lib/labs") || within(t, "content/captures");
    const bad = imports.filter((i) => within(i.file, "lib/labs") && !allowed(i.target));
    expect(show(bad)).toEqual([]);
  });

  it("lib/exercises never imports lib/widgets (graders replay lib/labs models, not React components)", () => {
    const bad = imports.filter((i) => within(i.file, "lib/exercises") && within(i.target, "lib/widgets"));
    expect(show(bad)).toEqual([]);
  });

  it("lib/widgets holds only client components, hooks and URL-state codecs (models live in lib/labs)", () => {
    // a .ts file in lib/widgets is a hook (use*.ts), a URL-state codec (urlState.ts, urlHashState.ts)
    // or a Web Worker entry (*Worker.ts) that only passes messages to a lib/labs function
    const models = files
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .filter((f) => within(f, "lib/widgets") && f.endsWith(".ts"))
      .filter((f) => !/\/(use[A-Z][^/]*|urlState|urlHashState|[a-z][A-Za-z]*Worker)\.ts$/.test(f));
    expect(models).toEqual([]);
  });

  it("only lib/db imports Prisma", () => {
    const isPrisma = (t: string) => t === "@prisma/client" || t.startsWith("@prisma/") || t === "prisma" || within(t, "lib/generated");
    const bad = imports.filter((i) => isPrisma(i.target) && !within(i.file, "lib/db") && !within(i.file, "lib/generated"));
    expect(show(bad)).toEqual([]);
  });
});
