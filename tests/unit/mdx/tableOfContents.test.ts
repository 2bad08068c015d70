import { getMDXComponent } from "mdx-bundler/client";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/mdx/compile";
import { tableOfContents } from "@/lib/mdx/tableOfContents";

const lesson = `---
title: A lesson
---

Intro paragraph with a # that is not a heading.

## Who enters TIME-WAIT

Text.

### The knobs

More text.

## \`tcp_fin_timeout\` and *FIN-WAIT-2*

## Check yourself

## Check yourself

#### Too deep for the table of contents

<Note>

## A heading inside a component

</Note>

\`\`\`text
## not a heading: inside a code block
\`\`\`

## Ports: 32768–60999 (28,232 of them)?
`;

describe("tableOfContents", () => {
  it("lists h2 and h3 headings in document order with their depth, id and plain-text title", () => {
    expect(tableOfContents(lesson)).toEqual([
      { depth: 2, id: "who-enters-time-wait", title: "Who enters TIME-WAIT" },
      { depth: 3, id: "the-knobs", title: "The knobs" },
      { depth: 2, id: "tcp_fin_timeout-and-fin-wait-2", title: "tcp_fin_timeout and FIN-WAIT-2" },
      { depth: 2, id: "check-yourself", title: "Check yourself" },
      { depth: 2, id: "check-yourself-1", title: "Check yourself" },
      { depth: 2, id: "a-heading-inside-a-component", title: "A heading inside a component" },
      { depth: 2, id: "ports-3276860999-28232-of-them", title: "Ports: 32768–60999 (28,232 of them)?" },
    ]);
  });

  it("gives a repeated title a numbered id, as GitHub does", () => {
    const ids = tableOfContents(lesson).map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("check-yourself-1");
  });

  it("returns no entries for a lesson without h2 or h3 headings", () => {
    expect(tableOfContents("# Title\n\nJust text.\n\n#### Small\n")).toEqual([]);
  });

  it("ignores the frontmatter, whether or not the source has one", () => {
    const body = lesson.slice(lesson.indexOf("---", 3) + 3);
    expect(tableOfContents(body)).toEqual(tableOfContents(lesson));
  });

  it(
    "names exactly the ids the compiled lesson gives its headings, each followed by a '#' link to itself",
    async () => {
      const code = await compileLesson(lesson, process.cwd());
      const Lesson = getMDXComponent(code);
      const Note = ({ children }: { children?: unknown }) => createElement("aside", null, children as never);
      const html = renderToStaticMarkup(createElement(Lesson, { components: { Note } }));

      const headingIds = [...html.matchAll(/<h[23] id="([^"]+)"/g)].map((match) => match[1]);
      expect(tableOfContents(lesson).map((entry) => entry.id)).toEqual(headingIds);

      for (const entry of tableOfContents(lesson)) {
        const anchor = new RegExp(`<a class="heading-anchor" aria-label="Link to section: ([^"]+)" href="#${entry.id}">`);
        const match = anchor.exec(html);
        expect(match, `a "#" link for ${entry.id}`).not.toBeNull();
        expect(match?.[1]?.replace(/&amp;/g, "&")).toBe(entry.title);
      }
      // h4 and deeper get an id but no "#" link.
      expect(html).toMatch(/<h4 id="too-deep-for-the-table-of-contents">Too deep for the table of contents<\/h4>/);
    },
    60_000,
  );
});
