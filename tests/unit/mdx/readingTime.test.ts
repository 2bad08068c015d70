import { describe, expect, it } from "vitest";
import { countProseWords, countWords, readingMinutes, readingTime } from "@/lib/mdx/readingTime";

describe("countWords", () => {
  it("counts runs of characters that contain a letter or a digit", () => {
    expect(countWords("The client's ACK (ack 52) is the last segment.")).toBe(9);
  });

  it("does not count dashes, arrows or other lone symbols as words", () => {
    expect(countWords("ESTABLISHED → FIN-WAIT-1 — then | done")).toBe(4);
  });

  it("counts nothing in blank text", () => {
    expect(countWords("  \n\t ")).toBe(0);
  });
});

describe("countProseWords", () => {
  it("counts paragraphs, headings, list items, table cells and inline code", () => {
    const source = "## Two words\n\nOne two `three`.\n\n- four five\n\n| six | seven |\n| --- | --- |\n| eight | nine |\n";
    expect(countProseWords(source)).toBe(11);
  });

  it("leaves out the frontmatter, fenced code blocks, expressions and component attributes", () => {
    const source = [
      "---",
      "title: Many many many words in the frontmatter",
      "---",
      "",
      "Only these four words.",
      "",
      "```text",
      "t=1.0001  client > server  [F.]  seq 101  ack 51",
      "```",
      "",
      "{1 + 2}",
      "",
      '<SequenceSimulator preset="time-wait-lost-final-ack" />',
    ].join("\n");
    expect(countProseWords(source)).toBe(4);
  });

  it("counts the text inside a component such as a callout", () => {
    const source = '<Callout kind="note" title="Not counted">\nThe body is prose.\n</Callout>\n';
    expect(countProseWords(source)).toBe(4);
  });

  it("never joins the last word of one block to the first word of the next", () => {
    expect(countProseWords("# Title\n\nBody")).toBe(2);
  });
});

describe("readingMinutes", () => {
  it("divides the words by 200 a minute and rounds to the nearest minute", () => {
    expect(readingMinutes(2800)).toBe(14);
    expect(readingMinutes(2899)).toBe(14);
    expect(readingMinutes(2900)).toBe(15);
  });

  it("says at least one minute, even for a very short text", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(50)).toBe(1);
  });

  it("accepts another reading speed", () => {
    expect(readingMinutes(3000, 250)).toBe(12);
  });
});

describe("readingTime", () => {
  it("labels a lesson of 2,800 words of prose as a 14 min read", () => {
    const source = `---\ntitle: x\n---\n\n${"word ".repeat(2800)}\n`;
    expect(readingTime(source)).toEqual({ words: 2800, minutes: 14, label: "14 min read" });
  });
});
