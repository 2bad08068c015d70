// The HTML tree of a lesson as the compiled page has it (same parser, remark
// plugins, heading ids and glossary links), and its text in reading order,
// each piece tagged with where it sits. For the glossary tests.
import { createProcessor } from "@mdx-js/mdx";
import matter from "gray-matter";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { glossary } from "@/content/glossary";
import { rehypeGlossaryLinks } from "@/lib/mdx/glossaryLinks";
import { headingIdPlugins, lessonRemarkPlugins } from "@/lib/mdx/headingPlugins";

export function lessonTree(source: string): Root {
  let tree: Root | undefined;
  const processor = createProcessor({
    remarkPlugins: lessonRemarkPlugins,
    rehypePlugins: [...headingIdPlugins, [rehypeGlossaryLinks, { entries: glossary }], () => (t: Root) => void (tree = t)],
  });
  processor.runSync(processor.parse(matter(source).content) as unknown as Parameters<typeof processor.runSync>[0]);
  return tree!;
}

export type Piece = {
  /** Text, or the whole text of an inline code span. */
  text: string;
  code: boolean;
  /** Inside a heading, a code block or a link that is not a glossary link: never a "use". */
  excluded: boolean;
  /** The glossary term this piece is linked to, if it sits in a glossary link. */
  glossaryLink?: string;
};

/** Every text and inline code span of the tree, in reading order. */
export function piecesOf(tree: Root): Piece[] {
  const pieces: Piece[] = [];
  const visit = (node: Root | Element, context: { excluded: boolean; glossaryLink?: string }) => {
    for (const child of node.children) {
      if (child.type === "text") pieces.push({ text: child.value, code: false, ...context });
      else if (child.type === "element") {
        const glossaryTerm = child.tagName === "a" ? child.properties.dataGlossaryTerm : undefined;
        if (child.tagName === "code" && !context.excluded) {
          pieces.push({ text: toString(child), code: true, ...context });
          continue;
        }
        const excluded = context.excluded || /^(h[1-6]|pre)$/.test(child.tagName) || (child.tagName === "a" && glossaryTerm === undefined);
        visit(child, { excluded, ...(typeof glossaryTerm === "string" ? { glossaryLink: glossaryTerm } : context.glossaryLink ? { glossaryLink: context.glossaryLink } : {}) });
      } else if ("children" in child && Array.isArray(child.children)) visit(child as unknown as Element, context);
    }
  };
  visit(tree, { excluded: false });
  return pieces;
}

/** Every glossary link element of the tree, with its ancestors' tag names. */
export function glossaryLinksOf(tree: Root): { id: string; href: string; ancestors: string[] }[] {
  const links: { id: string; href: string; ancestors: string[] }[] = [];
  const visit = (node: Root | Element, ancestors: string[]) => {
    for (const child of node.children) {
      if (child.type === "element") {
        if (child.tagName === "a" && typeof child.properties.dataGlossaryTerm === "string") links.push({ id: child.properties.dataGlossaryTerm, href: String(child.properties.href), ancestors });
        visit(child, [...ancestors, child.tagName]);
      } else if ("children" in child && Array.isArray(child.children)) visit(child as unknown as Element, ancestors);
    }
  };
  visit(tree, []);
  return links;
}
