// Every colour the syntax highlighter gives the lessons' code, in the light and
// the dark scheme, is readable on that scheme's code background: at least
// 4.5:1, WCAG 1.4.3 (AA) for normal-size text. The code the lessons really
// contain is tokenised with the themes the compiler uses (lib/mdx/compile.ts).
import { codeToTokensWithThemes, getSingletonHighlighter, type BundledLanguage, type BundledTheme } from "shiki";
import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/lessons";
import { SHIKI_THEMES } from "@/lib/mdx/compile";

/** WCAG 2 relative luminance of #rgb / #rrggbb (alpha ignored). */
function luminance(hex: string): number {
  let digits = hex.replace("#", "");
  if (digits.length === 3 || digits.length === 4) digits = [...digits.slice(0, 3)].map((d) => d + d).join("");
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(digits.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

type Block = { lang: string; code: string };

async function lessonCodeBlocks(): Promise<Block[]> {
  const blocks: Block[] = [];
  for (const lesson of await loadLessons()) {
    for (const match of lesson.source.matchAll(/^```([a-z]*)[^\n]*\n([\s\S]*?)^```/gm)) blocks.push({ lang: match[1] || "text", code: match[2]! });
  }
  return blocks;
}

/** Each distinct colour under `contrast` against the theme's background, with a sample of its text. */
async function lowContrastTokens(blocks: Block[], themes: Record<"light" | "dark", BundledTheme>, minimum: number) {
  const highlighter = await getSingletonHighlighter({ themes: Object.values(themes), langs: [...new Set(blocks.map((b) => b.lang))].filter((l) => l !== "text") });
  const failures = new Map<string, string>();
  for (const block of blocks) {
    const lines = await codeToTokensWithThemes(block.code, { lang: block.lang as BundledLanguage, themes });
    for (const token of lines.flat()) {
      if (token.content.trim() === "") continue;
      for (const scheme of ["light", "dark"] as const) {
        const theme = highlighter.getTheme(themes[scheme]);
        const colour = token.variants[scheme]?.color ?? theme.fg;
        const ratio = contrast(colour, theme.bg);
        if (ratio < minimum) failures.set(`${scheme} ${colour} on ${theme.bg} (${ratio.toFixed(2)}:1)`, token.content.trim());
      }
    }
  }
  return [...failures].map(([what, sample]) => `${what}: "${sample}"`);
}

describe("syntax colours of the lessons' code", () => {
  it("reach 4.5:1 against the code background for every token, in light and dark", async () => {
    const blocks = await lessonCodeBlocks();
    expect(blocks.length).toBeGreaterThan(20);
    expect(await lowContrastTokens(blocks, SHIKI_THEMES, 4.5)).toEqual([]);
  });

  it("would catch the themes used before: github-dark's comments are about 3:1", async () => {
    const blocks = await lessonCodeBlocks();
    const failures = await lowContrastTokens(blocks, { light: "github-light", dark: "github-dark" }, 4.5);
    expect(failures).toContainEqual(expect.stringMatching(/^dark #6a737d on #24292e \(3\.0\d:1\)/i));
  });
});
