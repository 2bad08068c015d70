// The dark scheme may change colours only: no size, spacing, display or visibility. The lessons'
// accessibility spec relies on it. It checks each page whole in light, and in dark only the axe rules
// that depend on colour. A `dark:` class that hid, moved or resized something would escape that check,
// so this test keeps every `dark:` utility and every dark media rule to colours.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SOURCE_FOLDERS = ["app", "lib"];
const COLOUR_NAMES =
  "(?:inherit|current|transparent|black|white|(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\\d{2,3}(?:/\\d{1,3})?)";
const COLOUR_UTILITY = new RegExp(
  `^(?:text|bg|border(?:-[trblxy])?|divide|outline|ring|ring-offset|fill|stroke|accent|caret|decoration|placeholder|shadow|from|via|to)-${COLOUR_NAMES}$`,
);
/** CSS properties a dark media rule may set. */
const COLOUR_PROPERTIES = new Set(["color", "background-color", "background", "border-color", "fill", "stroke", "outline-color", "color-scheme", "caret-color", "accent-color"]);

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|css|mdx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every `dark:` class in the sources, with its variants (hover:, aria-pressed: …) taken off. */
function darkUtilities(): { file: string; utility: string }[] {
  const found: { file: string; utility: string }[] = [];
  for (const file of SOURCE_FOLDERS.flatMap(sourceFiles)) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(/(?<![\w-])dark:([^\s"'`;{}]+)/g)) {
      found.push({ file, utility: (match[1] ?? "").split(":").at(-1)! });
    }
  }
  return found;
}

/** The properties set inside each `@media (prefers-color-scheme: dark)` block of a stylesheet. */
function darkMediaProperties(css: string): string[] {
  const properties: string[] = [];
  for (const match of css.matchAll(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/g)) {
    let depth = 1;
    let end = match.index! + match[0].length;
    while (depth > 0 && end < css.length) {
      if (css[end] === "{") depth++;
      if (css[end] === "}") depth--;
      end++;
    }
    const block = css.slice(match.index! + match[0].length, end - 1);
    for (const declaration of block.matchAll(/([a-z-]+)\s*:[^;{}]+;/g)) properties.push(declaration[1] ?? "");
  }
  return properties;
}

describe("the dark scheme", () => {
  it("is used somewhere, so the checks below look at something", () => {
    expect(darkUtilities().length).toBeGreaterThan(100);
  });

  it("changes only colours through dark: classes", () => {
    const others = darkUtilities().filter(({ utility }) => !COLOUR_UTILITY.test(utility));
    expect(others.map(({ file, utility }) => `${file}: dark:${utility}`)).toEqual([]);
  });

  it("sets only colour properties in dark media rules", () => {
    const stylesheets = SOURCE_FOLDERS.flatMap(sourceFiles).filter((file) => file.endsWith(".css"));
    const others = stylesheets.flatMap((file) => darkMediaProperties(fs.readFileSync(file, "utf8")).filter((property) => !COLOUR_PROPERTIES.has(property)).map((property) => `${file}: ${property}`));
    expect(others).toEqual([]);
  });

  it("would catch a dark: class that hides something, and a dark rule that resizes", () => {
    expect(COLOUR_UTILITY.test("hidden")).toBe(false);
    expect(COLOUR_UTILITY.test("text-lg")).toBe(false);
    expect(COLOUR_UTILITY.test("border-2")).toBe(false);
    expect(COLOUR_UTILITY.test("bg-slate-950/40")).toBe(true);
    expect(darkMediaProperties("@media (prefers-color-scheme: dark) { .a { color: red; font-size: 2rem; } }")).toEqual(["color", "font-size"]);
  });
});
