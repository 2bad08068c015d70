// Each lesson links every glossary term it uses, once, at its first use in
// prose (inline code that is just the term counts; headings, links and code
// blocks do not), and every link leads to an entry that exists.
import { getMDXComponent } from "mdx-bundler/client";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { glossary } from "@/content/glossary";
import { loadLessons } from "@/lib/content/lessons";
import { createTermMatcher } from "@/lib/glossary/match";
import { compileLesson } from "@/lib/mdx/compile";
import { glossaryLinksOf, lessonTree, piecesOf, type Piece } from "./lessonTree";

const matcher = createTermMatcher(glossary);
const ids = new Set(glossary.map((entry) => entry.id));

/** The terms a piece uses: every term in prose text; in inline code, the term it is exactly. */
function termsUsedIn(piece: Piece): string[] {
  if (piece.excluded) return [];
  if (piece.code) {
    const id = matcher.codeTerm(piece.text);
    return id ? [id] : [];
  }
  return matcher.find(piece.text).map((match) => match.id);
}

function links(mdx: string): { id: string; text: string }[] {
  return piecesOf(lessonTree(mdx))
    .filter((piece) => piece.glossaryLink)
    .map((piece) => ({ id: piece.glossaryLink!, text: piece.text }));
}

describe("glossary links in a lesson", () => {
  it("link the first prose use of a term and no later one", () => {
    expect(links("A socket in TIME-WAIT waits. Then TIME-WAIT ends.\n\nAnother TIME-WAIT.")).toEqual([{ id: "time-wait", text: "TIME-WAIT" }]);
  });

  it("skip headings, ordinary links and code blocks, and link the first use after them", () => {
    const mdx = "## Who enters TIME-WAIT\n\nSee [the TIME-WAIT lesson](/lessons/time-wait).\n\n```sh\nss -tan state time-wait # TIME-WAIT\n```\n\nThen TIME-WAIT, in prose.";
    const tree = lessonTree(mdx);
    expect(glossaryLinksOf(tree)).toEqual([{ id: "time-wait", href: "/glossary#time-wait", ancestors: ["p"] }]);
  });

  it("link inline code that is exactly the term, or the term set to a value, but not a command that contains it", () => {
    expect(links("Run `sysctl -w net.ipv4.tcp_tw_reuse=1` after reading about `tcp_tw_reuse`.")).toEqual([{ id: "tcp_tw_reuse", text: "tcp_tw_reuse" }]);
    expect(links("With `tcp_syncookies = 0` nothing is sent.")).toEqual([{ id: "tcp_syncookies", text: "tcp_syncookies = 0" }]);
    expect(links("Read `net.core.somaxconn`.")).toEqual([{ id: "somaxconn", text: "net.core.somaxconn" }]);
  });

  it("find whole names only: SYN is not in SYN-ACK, FIN not in FIN-WAIT-2, a sysctl not in a longer one", () => {
    expect(links("The SYN-ACK and FIN-WAIT-2, then `tcp_tw_reuse_delay`.").map((l) => l.id)).toEqual(["syn-ack", "fin-wait-2", "tcp_tw_reuse_delay"]);
    expect(links("SYN cookies, then a SYN.").map((l) => l.id)).toEqual(["syn-cookie", "syn"]);
  });

  it("treat CLOSE_WAIT and CLOSE-WAIT as one term", () => {
    expect(links("netstat says CLOSE_WAIT where ss says CLOSE-WAIT.")).toEqual([{ id: "close-wait", text: "CLOSE_WAIT" }]);
  });

  it("link inside callouts and tables, where prose also lives", () => {
    const mdx = '<Callout kind="note" title="About TIME-WAIT">\nA callout on TIME-WAIT.\n</Callout>\n\n| State | Meaning |\n| --- | --- |\n| CLOSE-WAIT | waiting |\n';
    expect(glossaryLinksOf(lessonTree(mdx)).map((l) => [l.id, l.ancestors.at(-1)])).toEqual([
      ["time-wait", "p"],
      ["close-wait", "td"],
    ]);
  });

  it(
    "come out of the real lesson compiler as links to /glossary#<id>",
    async () => {
      const code = await compileLesson("## Closing\n\nThe passive closer sits in `CLOSE_WAIT` until it calls close().\n", process.cwd());
      const html = renderToStaticMarkup(createElement(getMDXComponent(code)));
      expect(html).toContain('<a href="/glossary#passive-closer" class="glossary-link decoration-dotted" data-glossary-term="passive-closer">passive closer</a>');
      expect(html).toContain('<a href="/glossary#close-wait" class="glossary-link decoration-dotted" data-glossary-term="close-wait"><code>CLOSE_WAIT</code></a>');
      expect(html).not.toMatch(/<h2[^>]*>[^<]*<a href="\/glossary/);
    },
    // One esbuild compile: seconds alone, a minute on a loaded 2-core machine.
    120_000,
  );
});

const lessons = await loadLessons();

describe("every lesson", () => {
  for (const lesson of lessons) {
    it(`${lesson.slug}: links each glossary term it uses at its first use in prose, and only there`, () => {
      const tree = lessonTree(lesson.source);
      const pieces = piecesOf(tree);
      const firstUse = new Map<string, Piece>();
      for (const piece of pieces) for (const id of termsUsedIn(piece)) if (!firstUse.has(id)) firstUse.set(id, piece);
      expect(firstUse.size).toBeGreaterThan(10);

      const unlinked = [...firstUse].filter(([id, piece]) => piece.glossaryLink !== id).map(([id, piece]) => `${id}: "${piece.text.slice(0, 80)}"`);
      expect(unlinked).toEqual([]);

      const linkIds = glossaryLinksOf(tree).map((link) => link.id);
      expect(linkIds.filter((id, i) => linkIds.indexOf(id) !== i)).toEqual([]);
      expect(new Set(linkIds)).toEqual(new Set(firstUse.keys()));
    });

    it(`${lesson.slug}: puts glossary links only in prose, never in headings, code blocks or other links, and only to entries that exist`, () => {
      for (const link of glossaryLinksOf(lessonTree(lesson.source))) {
        expect(link.ancestors.filter((tag) => /^(h[1-6]|pre|a)$/.test(tag)), link.id).toEqual([]);
        expect(ids.has(link.id), link.id).toBe(true);
        expect(link.href).toBe(`/glossary#${link.id}`);
      }
    });
  }
});
