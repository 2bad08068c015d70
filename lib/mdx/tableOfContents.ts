// A lesson's table of contents: its h2 and h3 headings with the ids the
// compiled lesson gives them. Pure: MDX source in, entries out, no I/O.
//
// The ids are not recomputed by a second slugger: the source goes through the
// same MDX parser, remark plugins and rehype-slug as lib/mdx/compile.ts (both
// take them from ./headingPlugins), and the entries are read off the resulting
// HTML tree. A heading's id and its TOC link cannot disagree.
import { createProcessor } from "@mdx-js/mdx";
import matter from "gray-matter";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { headingIdPlugins, lessonRemarkPlugins, linkedHeadingTags } from "./headingPlugins";

export type TocEntry = {
  /** 2 for an h2 (a section), 3 for an h3 (a subsection). */
  depth: 2 | 3;
  /** The heading's id in the page: link to `#${id}`. */
  id: string;
  /** The heading's text, without markup. */
  title: string;
};

/** The h2 and h3 entries of an HTML tree whose headings already have ids, in document order. */
export function tocEntriesFromTree(tree: Root): TocEntry[] {
  const entries: TocEntry[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") {
        // MDX JSX elements (<Callout>…</Callout>) pass through as their own node type and may hold markdown headings.
        if ("children" in child && Array.isArray(child.children)) visit(child as unknown as Element);
        continue;
      }
      const tag = child.tagName as (typeof linkedHeadingTags)[number];
      if (linkedHeadingTags.includes(tag) && typeof child.properties.id === "string") {
        entries.push({ depth: tag === "h2" ? 2 : 3, id: child.properties.id, title: toString(child).replace(/\s+/g, " ").trim() });
      } else {
        visit(child);
      }
    }
  };
  visit(tree);
  return entries;
}

/**
 * The table of contents of a lesson's MDX source (with or without its YAML
 * frontmatter, which mdx-bundler strips the same way before compiling).
 */
export function tableOfContents(source: string): TocEntry[] {
  let entries: TocEntry[] = [];
  const collect = () => (tree: Root) => {
    entries = tocEntriesFromTree(tree);
  };
  const processor = createProcessor({
    remarkPlugins: lessonRemarkPlugins,
    rehypePlugins: [...headingIdPlugins, collect],
  });
  const body = matter(source).content;
  // createProcessor's type says run() takes the estree it ends with; it takes the mdast parse() returns.
  processor.runSync(processor.parse(body) as unknown as Parameters<typeof processor.runSync>[0]);
  return entries;
}
