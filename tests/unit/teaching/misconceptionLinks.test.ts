// Every link of the misconceptions view lands somewhere real: the lesson
// exists, the anchor is the id rehype-slug gives one of its headings (read
// with the same plugins as the compiled page, lib/mdx/tableOfContents.ts), and
// the widget and preset are in that lesson's MDX.
import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/lessons";
import { tableOfContents } from "@/lib/mdx/tableOfContents";
import { lessonHref, misconceptionLink, MISCONCEPTION_LINKS } from "@/lib/teaching/misconceptionLinks";
import { MISCONCEPTION_IDS } from "@/lib/exercises/misconceptions";

const lessons = new Map((await loadLessons()).map((lesson) => [lesson.slug, lesson]));

describe("misconception links", () => {
  for (const [id, link] of Object.entries(MISCONCEPTION_LINKS)) {
    it(`${id} -> ${lessonHref(link)}${link.widget ? ` (${link.widget.component}${link.widget.preset ? ` ${link.widget.preset}` : ""})` : ""}`, () => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const lesson = lessons.get(link.lesson);
      expect(lesson, `no lesson ${link.lesson}`).toBeDefined();
      const anchors = tableOfContents(lesson!.source).map((entry) => entry.id);
      expect(anchors).toContain(link.anchor);
      if (link.widget) {
        expect(lesson!.source).toContain(`<${link.widget.component}`);
        if (link.widget.preset) expect(lesson!.source).toMatch(new RegExp(`<${link.widget.component}\\s+preset="${link.widget.preset}"`));
      }
    });
  }

  it("links every misconception the graders can tag to the lesson section that addresses it", () => {
    for (const id of MISCONCEPTION_IDS) expect(MISCONCEPTION_LINKS, id).toHaveProperty(id);
  });

  it("finds nothing for an unknown id or an inherited property name", () => {
    expect(misconceptionLink("no-such-misconception")).toBeUndefined();
    expect(misconceptionLink("constructor")).toBeUndefined();
    expect(misconceptionLink("fin-timeout-sets-time-wait")?.lesson).toBe("time-wait");
  });
});
