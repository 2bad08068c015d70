// A rehype plugin that links the first use of each glossary term in a lesson
// to its entry on /glossary. "Use" means prose text, or an inline code span
// that is exactly the term (`tcp_tw_reuse`, `tcp_syncookies = 0`): never a
// heading, a link, a code block or a command in inline code. Exercises are
// rendered from their definitions, not from the MDX, so their answer options
// are never touched.
//
// It runs after the heading-id plugins, so it knows the section each first use
// sits in (the glossary's back-links point there).
import type { Element, ElementContent, Root, Text } from "hast";
import { toString } from "hast-util-to-string";
import { createTermMatcher } from "@/lib/glossary/match";
import type { GlossaryEntry } from "@/lib/glossary/types";

export type GlossaryUse = {
  id: string;
  /** The id and title of the h2/h3 section the first use sits in; none before the first heading. */
  section?: { id: string; title: string };
};

export type GlossaryLinkOptions = {
  entries: readonly GlossaryEntry[];
  /** Called once per lesson with the terms linked, in document order. */
  onUses?: (uses: GlossaryUse[]) => void;
};

export function glossaryHref(id: string): string {
  return `/glossary#${id}`;
}

/** Elements whose text is never a "use": headings, links, code blocks and interactive or graphic content. */
const SKIPPED = new Set(["a", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "select", "textarea", "svg", "script", "style", "kbd"]);

type Parent = { children: unknown[] };

function link(id: string, children: ElementContent[]): Element {
  return {
    type: "element",
    tagName: "a",
    // Dotted underline: a definition to look up, not a place the lesson sends you.
    properties: { href: glossaryHref(id), className: ["glossary-link", "decoration-dotted"], dataGlossaryTerm: id },
    children,
  };
}

export function rehypeGlossaryLinks(options: GlossaryLinkOptions) {
  const matcher = createTermMatcher(options.entries);
  return (tree: Root) => {
    const linked = new Set<string>();
    const uses: GlossaryUse[] = [];
    let section: GlossaryUse["section"];

    const use = (id: string) => {
      linked.add(id);
      uses.push(section ? { id, section } : { id });
    };

    const linkText = (node: Text): ElementContent[] | undefined => {
      const pieces: ElementContent[] = [];
      let from = 0;
      for (const match of matcher.find(node.value)) {
        if (linked.has(match.id)) continue;
        use(match.id);
        if (match.start > from) pieces.push({ type: "text", value: node.value.slice(from, match.start) });
        pieces.push(link(match.id, [{ type: "text", value: node.value.slice(match.start, match.end) }]));
        from = match.end;
      }
      if (pieces.length === 0) return undefined;
      if (from < node.value.length) pieces.push({ type: "text", value: node.value.slice(from) });
      return pieces;
    };

    const visit = (parent: Parent) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i] as Root["children"][number];
        if (node.type === "text") {
          const pieces = linkText(node);
          if (pieces) {
            parent.children.splice(i, 1, ...pieces);
            i += pieces.length - 1;
          }
        } else if (node.type === "element") {
          if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string") {
            section = { id: node.properties.id, title: toString(node).replace(/\s+/g, " ").trim() };
          }
          if (SKIPPED.has(node.tagName)) continue;
          if (node.tagName === "code") {
            const id = matcher.codeTerm(toString(node));
            if (id && !linked.has(id)) {
              use(id);
              parent.children[i] = link(id, [node]);
            }
            continue;
          }
          visit(node);
        } else if ("children" in node && Array.isArray(node.children)) {
          // MDX JSX elements (<Callout>…</Callout>) hold prose too.
          visit(node as Parent);
        }
      }
    };

    visit(tree);
    options.onUses?.(uses);
  };
}
