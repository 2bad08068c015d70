// What search and the glossary need from a lesson's MDX source: its sections
// (each h2/h3 with its text, and the text before the first heading) and the
// glossary terms it links on first use. Pure: source in, data out.
//
// The source goes through the same parser, remark plugins, heading ids and
// glossary plugin as the compiled lesson (lib/mdx/compile.ts), so a section's
// id is the id of its heading on the page and a "first use" is the one linked there.
import { createProcessor } from "@mdx-js/mdx";
import matter from "gray-matter";
import type { Root } from "hast";
import { toString } from "hast-util-to-string";
import { glossary } from "@/content/glossary";
import { createTermMatcher } from "@/lib/glossary/match";
import { rehypeGlossaryLinks, type GlossaryUse } from "@/lib/mdx/glossaryLinks";
import { headingIdPlugins, lessonRemarkPlugins } from "@/lib/mdx/headingPlugins";

export type LessonSection = {
  /** The heading's id; none for the text before the first heading. */
  id?: string;
  /** The heading's text; none for the text before the first heading. */
  title?: string;
  text: string;
};

export type LessonAnalysis = {
  sections: LessonSection[];
  /** Terms linked on first use, in document order. */
  uses: GlossaryUse[];
  /**
   * Every term the lesson names anywhere, code blocks and commands included,
   * at its first section: the linked use where there is one.
   */
  mentions: GlossaryUse[];
};

/** Elements after which text continues as a new block: keep their words apart. */
const BLOCK = /^(p|li|ul|ol|pre|table|tr|td|th|div|blockquote|h[1-6])$/;

type Node = Root["children"][number] | Root;

function sectionsOf(tree: Root): LessonSection[] {
  const sections: { id?: string; title?: string; parts: string[] }[] = [{ parts: [] }];
  const visit = (node: Node) => {
    const current = sections[sections.length - 1]!;
    if (node.type === "text") {
      current.parts.push(node.value);
      return;
    }
    if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string") {
      sections.push({ id: node.properties.id, title: toString(node).replace(/\s+/g, " ").trim(), parts: [] });
      return;
    }
    // A callout's title is an attribute, but a learner reads it as text.
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      for (const attribute of node.attributes) {
        if (attribute.type === "mdxJsxAttribute" && attribute.name === "title" && typeof attribute.value === "string") current.parts.push(` ${attribute.value}. `);
      }
    }
    if ("children" in node) for (const child of node.children as Node[]) visit(child);
    if (node.type === "element" && BLOCK.test(node.tagName)) sections[sections.length - 1]!.parts.push(" ");
  };
  visit(tree);
  return sections
    .map(({ id, title, parts }) => ({ ...(id ? { id, title } : {}), text: parts.join("").replace(/\s+/g, " ").trim() }))
    .filter((section) => section.id !== undefined || section.text !== "");
}

const matcher = createTermMatcher(glossary);

function mentionsOf(sections: readonly LessonSection[], uses: readonly GlossaryUse[]): GlossaryUse[] {
  const mentions = new Map(uses.map((use) => [use.id, use]));
  for (const section of sections) {
    for (const { id } of matcher.find(section.text)) {
      if (!mentions.has(id)) mentions.set(id, section.id ? { id, section: { id: section.id, title: section.title ?? "" } } : { id });
    }
  }
  return [...mentions.values()];
}

const cache = new Map<string, LessonAnalysis>();

export function analyseLesson(source: string): LessonAnalysis {
  const cached = cache.get(source);
  if (cached) return cached;
  let uses: GlossaryUse[] = [];
  let sections: LessonSection[] = [];
  const processor = createProcessor({
    remarkPlugins: lessonRemarkPlugins,
    rehypePlugins: [
      ...headingIdPlugins,
      [rehypeGlossaryLinks, { entries: glossary, onUses: (found: GlossaryUse[]) => (uses = found) }],
      () => (tree: Root) => {
        sections = sectionsOf(tree);
      },
    ],
  });
  const body = matter(source).content;
  // createProcessor's type says run() takes the estree it ends with; it takes the mdast parse() returns.
  processor.runSync(processor.parse(body) as unknown as Parameters<typeof processor.runSync>[0]);
  const analysis = { sections, uses, mentions: mentionsOf(sections, uses) };
  cache.set(source, analysis);
  return analysis;
}
