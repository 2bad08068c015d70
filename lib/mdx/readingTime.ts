// How long a lesson takes to read: the words of its prose at about 200 words a
// minute. Pure: MDX source in, a number out, computed on the server at build time.
//
// Prose is what a reader reads as text: paragraphs, headings, lists, tables,
// blockquotes, inline code inside sentences and the text inside components such
// as <Callout>. Not prose: fenced code blocks (terminal output, traces), the
// frontmatter, import/export lines, {expressions} and component attributes.
// Widgets and exercises take as long as the reader plays with them; they are
// not counted.
import { createProcessor } from "@mdx-js/mdx";
import matter from "gray-matter";
import type { Nodes, Root } from "mdast";
import { lessonRemarkPlugins } from "./headingPlugins";

export const WORDS_PER_MINUTE = 200;

/** Node types whose content is not read as prose. */
const notProse = new Set(["code", "yaml", "toml", "html", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);

/** A word is a run of non-space characters with at least one letter or digit ("→" and "—" are not words). */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words += 1;
  return words;
}

/** The prose of an mdast tree as text, one space between the pieces so words never run together. */
function proseText(node: Nodes, out: string[]): void {
  if (notProse.has(node.type)) return;
  if (node.type === "text" || node.type === "inlineCode") {
    out.push(node.value);
    return;
  }
  if ("children" in node) for (const child of node.children) proseText(child as Nodes, out);
}

/** The number of words of prose in a lesson's MDX source (frontmatter allowed). */
export function countProseWords(source: string): number {
  const processor = createProcessor({ remarkPlugins: lessonRemarkPlugins });
  const tree: Root = processor.parse(matter(source).content);
  const out: string[] = [];
  proseText(tree, out);
  return countWords(out.join(" "));
}

/** Whole minutes to read `words` at `wordsPerMinute`, rounded to the nearest minute and never less than 1. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

export type ReadingTime = { words: number; minutes: number; label: string };

/** A lesson's reading time, e.g. `{ words: 2810, minutes: 14, label: "14 min read" }`. */
export function readingTime(source: string, wordsPerMinute = WORDS_PER_MINUTE): ReadingTime {
  const words = countProseWords(source);
  const minutes = readingMinutes(words, wordsPerMinute);
  return { words, minutes, label: `${minutes} min read` };
}
