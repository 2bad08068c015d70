// The course search: kernel names found as written, states found however they
// are spelled, results pointing at sections that exist, the index surviving
// its trip through JSON, and snippets marking what matched.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { glossary } from "@/content/glossary";
import { loadLessons } from "@/lib/content/lessons";
import { tableOfContents } from "@/lib/mdx/tableOfContents";
import { analyseLesson } from "@/lib/search/analyseLesson";
import { courseDocuments } from "@/lib/search/documents";
import { createSearchIndex, loadSearchIndex, search } from "@/lib/search/engine";
import { snippet } from "@/lib/search/snippet";
import { tokenize } from "@/lib/search/tokenize";

const lessons = await loadLessons();
const documents = courseDocuments(lessons, glossary, analyseLesson);
const index = loadSearchIndex(JSON.stringify(createSearchIndex(documents)));
const lessonHits = (query: string) => search(index, query).filter((hit) => hit.kind === "section");

describe("tokenize", () => {
  it("keeps a kernel name whole and also splits it into words", () => {
    expect(tokenize("Set tcp_tw_reuse.")).toEqual(["set", "tcp_tw_reuse", "tcp", "tw", "reuse"]);
    expect(tokenize("net.ipv4.tcp_tw_reuse")).toEqual(["net.ipv4.tcp_tw_reuse", "tcp_tw_reuse", "net", "ipv4", "tcp", "tw", "reuse"]);
  });

  it("spells CLOSE-WAIT, CLOSE_WAIT and close wait with the same words", () => {
    expect(tokenize("CLOSE-WAIT")).toEqual(["close_wait", "close", "wait"]);
    expect(tokenize("CLOSE_WAIT")).toEqual(["close_wait", "close", "wait"]);
    expect(tokenize("close wait")).toEqual(["close", "wait"]);
  });
});

describe("searching the course", () => {
  it("finds the TIME-WAIT lesson's section that explains tcp_tw_reuse, and its glossary entry", () => {
    expect(lessonHits("tcp_tw_reuse")[0]?.url).toBe("/lessons/time-wait#the-knobs");
    expect(search(index, "tcp_tw_reuse").slice(0, 3).map((hit) => hit.url)).toContain("/glossary#tcp_tw_reuse");
    expect(search(index, "net.ipv4.tcp_tw_reuse")[0]?.url).toBe("/glossary#tcp_tw_reuse");
  });

  it("finds the CLOSE-WAIT lesson for CLOSE_WAIT, CLOSE-WAIT and close wait alike", () => {
    for (const query of ["CLOSE_WAIT", "CLOSE-WAIT", "close wait"]) {
      const hits = lessonHits(query);
      expect(hits.slice(0, 3).every((hit) => hit.url.startsWith("/lessons/close-wait")), query).toBe(true);
      expect(search(index, query)[0]?.url, query).toBe("/glossary#close-wait");
    }
  });

  it("finds counters by their short name and netstat's wording by its words", () => {
    expect(search(index, "ListenOverflows")[0]?.url).toBe("/glossary#TcpExtListenOverflows");
    expect(search(index, "listen queue overflowed")[0]?.url).toBe("/glossary#TcpExtListenOverflows");
  });

  it("finds a name from its first letters, as the learner types", () => {
    expect(search(index, "tcp_tw_re").map((hit) => hit.url)).toContain("/glossary#tcp_tw_reuse");
  });

  it("returns nothing for an empty query and for words the course never uses", () => {
    expect(search(index, "  ")).toEqual([]);
    expect(search(index, "zzqx blorptastic")).toEqual([]);
  });

  it("links every lesson result to a heading the lesson has (or to the lesson itself)", () => {
    for (const lesson of lessons) {
      const ids = new Set(tableOfContents(lesson.source).map((entry) => entry.id));
      for (const doc of documents.filter((d) => d.url.startsWith(`/lessons/${lesson.slug}`))) {
        const fragment = doc.url.split("#")[1];
        if (fragment !== undefined) expect(ids.has(fragment), doc.url).toBe(true);
      }
      expect(ids.size).toBeGreaterThan(3);
    }
  });

  it("gives every glossary entry a result of its own", () => {
    for (const entry of glossary) expect(search(index, entry.forms[0] ?? entry.formsAnyCase![0]!).map((h) => h.url), entry.id).toContain(`/glossary#${entry.id}`);
  });

  it("is imported only by the search page and the index route, so no other page loads it", () => {
    const root = process.cwd();
    const offenders: string[] = [];
    for (const dir of ["app", "lib"]) {
      for (const file of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })) {
        if (!/\.tsx?$/.test(file)) continue;
        const rel = `${dir}/${file.split(path.sep).join("/")}`;
        if (rel.startsWith("app/search/") || rel.startsWith("lib/search/")) continue;
        const text = fs.readFileSync(path.join(root, rel), "utf8");
        if (/from\s+["'](minisearch|@\/lib\/search\/engine)["']/.test(text)) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("snippet", () => {
  const text = "Many guides say so. The knob tcp_tw_reuse lets connect() take over a TIME-WAIT; tcp_tw_reuse_delay sets how old it must be.";

  it("marks the name searched for, not every word of it", () => {
    const pieces = snippet(text, ["tcp_tw_reuse", "tcp", "tw", "reuse"], ["tcp_tw_reuse", "tcp", "tw", "reuse"]);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(["tcp_tw_reuse"]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it("starts near the first match in a long text, on a word boundary, with an ellipsis", () => {
    const long = `${"word ".repeat(100)}the CLOSE-WAIT state ${"more ".repeat(100)}`;
    const pieces = snippet(long, ["close_wait", "close", "wait"], ["close_wait", "close", "wait"]);
    const joined = pieces.map((p) => p.text).join("");
    expect(joined.startsWith("… word")).toBe(true);
    expect(joined.endsWith("more …")).toBe(true);
    expect(pieces.find((p) => p.mark)?.text).toBe("CLOSE-WAIT");
  });
});
