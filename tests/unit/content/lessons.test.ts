// Every lesson of the course is complete, lives in its own folder, and only uses
// what the pipeline provides.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { course } from "@/content/lessons/course";
import { loadLessons } from "@/lib/content/lessons";
import { findImportsInMdx } from "@/lib/content/mdxImports";
import { exercisePosition, exercises } from "@/lib/exercises/catalog";
import { lessonComponents } from "@/app/lessons/[slug]/lessonComponents";

const lessons = await loadLessons();
const capturesDirectory = path.join(process.cwd(), "content", "captures");
const captureNames = fs.readdirSync(capturesDirectory).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
const NOT_WIDGETS = new Set(["Exercise", "Callout", "CaptureDownload"]);

describe("lesson content", () => {
  it("serves the lessons of the course index, in its order, numbered from 1, with unique ids", () => {
    expect(lessons.map((l) => l.slug)).toEqual(course.map((entry) => entry.folder.replace(/^\d\d-/, "")));
    expect(lessons.map((l) => l.order)).toEqual(course.map((_, index) => index + 1));
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  });

  it("keeps no lesson outside the course index", () => {
    const folders = fs
      .readdirSync(path.join(process.cwd(), "content", "lessons"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(course.map((entry) => entry.folder).sort());
  });

  it("refuses a lesson whose folder number is not its place in the course", async () => {
    await expect(loadLessons(path.join(process.cwd(), "content", "lessons"), [{ folder: "02-header-fields" }])).rejects.toThrow(
      /it is lesson 1 in content\/lessons\/course.ts/,
    );
  });

  for (const lesson of lessons) {
    describe(lesson.slug, () => {
      const body = lesson.source.replace(/^---[\s\S]*?---/, "");
      const withoutCode = body.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
      const embedded = [...withoutCode.matchAll(/<Exercise\s+id="([^"]+)"/g)].map((m) => m[1]!);
      const defined = exercises.filter((e) => e.lessonId === lesson.id).map((e) => e.id);

      it("is a folder named <NN>-<slug> holding index.mdx and exercises.ts", () => {
        expect(path.basename(lesson.directory)).toBe(`${String(lesson.order).padStart(2, "0")}-${lesson.slug}`);
        expect(fs.existsSync(path.join(lesson.directory, "index.mdx"))).toBe(true);
        expect(fs.existsSync(path.join(lesson.directory, "exercises.ts"))).toBe(true);
      });

      it("imports and exports nothing, so no exercise definition can reach a client bundle", () => {
        expect(findImportsInMdx(lesson.source)).toEqual([]);
      });

      it("uses only components from the lesson component map", () => {
        const used = new Set([...withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)/g)].map((m) => m[1]));
        const known = Object.keys(lessonComponents);
        expect([...used].filter((name) => !known.includes(name!))).toEqual([]);
      });

      it("embeds a widget", () => {
        const widgets = Object.keys(lessonComponents).filter((name) => !NOT_WIDGETS.has(name));
        expect(widgets.some((name) => withoutCode.includes(`<${name}`))).toBe(true);
      });

      it("embeds at least five exercises, each existing and belonging to it", () => {
        expect(new Set(embedded).size).toBeGreaterThanOrEqual(5);
        for (const id of embedded) {
          const exercise = exercises.find((e) => e.id === id);
          expect(exercise, `exercise ${id}`).toBeDefined();
          expect(exercise?.lessonId).toBe(lesson.id);
        }
      });

      it("offers every real capture it names for download, and names only captures that exist", () => {
        const offered = [...lesson.source.matchAll(/<CaptureDownload\s+name="([^"]+)"/g)].map((m) => m[1]!);
        for (const name of offered) expect(fs.existsSync(path.join(capturesDirectory, `${name}.pcap`)), `${name}.pcap`).toBe(true);
        const named = captureNames.filter((name) => lesson.source.includes(`\`${name}\``) || lesson.source.includes(`capture ${name}`));
        expect(named.filter((name) => !offered.includes(name))).toEqual([]);
      });

      it("embeds every exercise defined for it, once, in the order its exercises.ts lists them", () => {
        expect(embedded).toEqual(defined);
        expect(embedded.map((id) => exercisePosition(id))).toEqual(embedded.map((_, index) => index + 1));
      });
    });
  }
});

describe("the MDX import check", () => {
  it("finds import and export lines outside code fences, with their line numbers", () => {
    const source = ["---", "id: x", "---", "import { answers } from './exercises'", "", "```js", "import fs from 'fs'", "```", "export const a = 1", "Text that says import x."].join("\n");
    expect(findImportsInMdx(source)).toEqual([4, 9]);
  });
});
