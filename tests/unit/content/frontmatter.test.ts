import { describe, expect, it } from "vitest";
import { parseLessonFrontmatter } from "@/lib/content/frontmatter";

const valid = {
  id: "lesson-header-fields",
  slug: "header-fields",
  title: "TCP header fields",
  summary: "What every field of the TCP header is for.",
  objectives: ["Read a TCP header from hex"],
};

describe("lesson frontmatter", () => {
  it("accepts a complete frontmatter", () => {
    expect(parseLessonFrontmatter(valid, "x.mdx")).toEqual({ ok: true, value: valid });
  });

  it("names every missing or wrong field with the file it is in", () => {
    const result = parseLessonFrontmatter({ ...valid, id: "Header", objectives: undefined }, "content/lessons/x.mdx");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("content/lessons/x.mdx");
    expect(result.error).toMatch(/id: must look like lesson-some-name/);
    expect(result.error).toMatch(/objectives:/);
  });

  it("refuses a field it does not know, such as an order that only the course index may set", () => {
    const result = parseLessonFrontmatter({ ...valid, order: 3 }, "x.mdx");
    expect(result.ok).toBe(false);
  });

  it("rejects a slug that is not lowercase words joined by dashes", () => {
    expect(parseLessonFrontmatter({ ...valid, slug: "Header Fields" }, "x.mdx").ok).toBe(false);
  });
});
