// Every lesson in content/ is complete and only uses what the pipeline provides.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/lessons";
import { exercises } from "@/lib/exercises/catalog";
import { lessonComponents } from "@/app/lessons/[slug]/lessonComponents";

const lessons = await loadLessons();

describe("lesson content", () => {
  it("has the six lessons of the course, in a strictly increasing order with unique ids", () => {
    expect(lessons.map((l) => l.slug)).toEqual(["header-fields", "three-way-handshake", "four-way-close", "time-wait", "syn-flood", "close-wait"]);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(lessons.map((l) => l.order)).toEqual([...lessons.map((l) => l.order)].sort((a, b) => a - b));
  });

  for (const lesson of lessons) {
    describe(lesson.slug, () => {
      const body = lesson.source.replace(/^---[\s\S]*?---/, "");
      const withoutCode = body.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");

      it("uses only components from the lesson component map", () => {
        const used = new Set([...withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)/g)].map((m) => m[1]));
        const known = Object.keys(lessonComponents);
        expect([...used].filter((name) => !known.includes(name!))).toEqual([]);
      });

      it("embeds a widget", () => {
        const widgets = Object.keys(lessonComponents).filter((name) => name !== "Exercise" && name !== "Callout");
        expect(widgets.some((name) => withoutCode.includes(`<${name}`))).toBe(true);
      });

      it("embeds at least five exercises, each existing and belonging to it", () => {
        const ids = [...withoutCode.matchAll(/<Exercise\s+id="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBeGreaterThanOrEqual(5);
        for (const id of ids) {
          const exercise = exercises.find((e) => e.id === id);
          expect(exercise, `exercise ${id}`).toBeDefined();
          expect(exercise?.lessonId).toBe(lesson.id);
        }
      });

      it("has every exercise defined for it embedded in the page", () => {
        const ids = new Set([...withoutCode.matchAll(/<Exercise\s+id="([^"]+)"/g)].map((m) => m[1]));
        const defined = exercises.filter((e) => e.lessonId === lesson.id).map((e) => e.id);
        expect(defined.filter((id) => !ids.has(id))).toEqual([]);
      });

      it("is a file whose name is its slug", () => {
        expect(fs.existsSync(lesson.file)).toBe(true);
        expect(lesson.file.endsWith(`${lesson.slug}.mdx`)).toBe(true);
      });
    });
  }
});
