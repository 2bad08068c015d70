// The plugins that give lesson headings their ids and "#" links. Shared by the
// compiler (lib/mdx/compile.ts) and the table of contents
// (lib/mdx/tableOfContents.ts), so a TOC link and its heading's id always come
// from the same slugger over the same tree.
import type { ProcessorOptions } from "@mdx-js/mdx";
import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";

type PluggableList = NonNullable<ProcessorOptions["rehypePlugins"]>;

/** Markdown syntax lessons use beyond MDX's defaults. Appended to the defaults, never replacing them. */
export const lessonRemarkPlugins: PluggableList = [remarkGfm];

/** Ids on every heading (GitHub's slugs: "TIME-WAIT under load" → "time-wait-under-load"). */
export const headingIdPlugins: PluggableList = [rehypeSlug];

/** The heading levels that get a "#" link and appear in the table of contents. */
export const linkedHeadingTags = ["h2", "h3"] as const;

/**
 * A "#" link after each h2 and h3, wrapped with its heading in a
 * `.heading-anchored` div (app/globals.css shows the "#" on hover and focus).
 * The link is a sibling of the heading, not a child, so the heading's accessible
 * name stays its title; the link's own name says where it goes.
 */
export const headingLinkPlugins: PluggableList = [
  [
    rehypeAutolinkHeadings,
    {
      behavior: "after",
      test: [...linkedHeadingTags],
      group: { type: "element", tagName: "div", properties: { className: ["heading-anchored"] }, children: [] },
      properties: (heading: Readonly<Element>) => ({
        className: ["heading-anchor"],
        ariaLabel: `Link to section: ${toString(heading).trim()}`,
      }),
      content: { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
    },
  ],
];
