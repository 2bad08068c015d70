// Text a learner reads never names the course's internals: the articles it was
// inspired by (by number), the workbench beside the repository, test files or
// repository paths. A wrong claim is stated as a claim, a capture is offered by
// its download link.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/lessons";
import { exercises } from "@/lib/exercises/catalog";

const INTERNAL_NAMES: [RegExp, string][] = [
  [/seed articles?/i, "a seed article"],
  [/\barticles? (?:#?\d{3})\b/i, "an article by number"],
  [/\barticles? \d{3}(?: and \d{3})?/i, "articles by number"],
  [/\.\.\/shared|shared\/scenarios|\/work\//, "the workbench beside the repository"],
  [/\btests\/(?:conformance|unit|integration|e2e|support)\b/, "a test folder"],
  [/\.test\.tsx?\b|\.spec\.ts\b/, "a test file"],
  [/\bcontent\/(?:captures|lessons)\b/, "a repository path"],
  [/\blib\/(?:tcp|wire|widgets|labs|exercises|db)\b/, "a repository path"],
  [/\bFORMAT\.md\b|\bDESIGN\.md\b|\bENVIRONMENT\.md\b/, "a workbench document"],
];

export function internalNamesIn(text: string): string[] {
  return INTERNAL_NAMES.flatMap(([pattern, what]) => {
    const match = pattern.exec(text);
    return match ? [`${what}: "${text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40).replace(/\s+/g, " ")}"`] : [];
  });
}

/** String literals and JSX text of a source file, without comments or import specifiers. */
function learnerStringsOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
    .replace(/^\s*import\b[^;]*;/gm, "")
    .replace(/import\(\s*"[^"]*"\s*\)/g, "");
}

function filesUnder(directory: string, pattern: RegExp): string[] {
  return fs.readdirSync(directory, { recursive: true, encoding: "utf8" }).filter((name) => pattern.test(name)).map((name) => path.join(directory, name));
}

const root = process.cwd();
const lessons = await loadLessons();

describe("learner-facing text", () => {
  it("recognises the internal names it is meant to catch", () => {
    expect(internalNamesIn("Seed article 000 says so")).not.toEqual([]);
    expect(internalNamesIn("Article 004 is right")).not.toEqual([]);
    expect(internalNamesIn(`(${[".."].join("")}/shared/scenarios/linux)`)).not.toEqual([]);
    expect(internalNamesIn("see tests/conformance/captures/x.json")).not.toEqual([]);
    expect(internalNamesIn("A widely copied article says 2MSL is 4 minutes; RFC 9293 §3.4.2 says MSL is 2 minutes.")).toEqual([]);
    expect(internalNamesIn("net/ipv4/tcp_timer.c and include/net/tcp.h")).toEqual([]);
  });

  for (const lesson of lessons) {
    it(`in the lesson ${lesson.slug} names no internals`, () => {
      expect(internalNamesIn(lesson.source)).toEqual([]);
    });
  }

  it("in exercise prompts, hints, feedback and solutions names no internals", () => {
    const found: string[] = [];
    for (const exercise of exercises) {
      for (const seed of [1, 2, 3]) {
        const texts = [JSON.stringify(exercise.publicVariant(seed)), exercise.title];
        const graded = (raw: unknown) => {
          const parsed = exercise.parse(raw);
          if (parsed.ok) texts.push(JSON.stringify(exercise.grade(seed, parsed.value).feedback));
        };
        graded(exercise.correctAnswer(seed));
        for (const wrong of exercise.testAnswers?.incorrect(seed) ?? []) graded(wrong.answer);
        for (const text of texts) found.push(...internalNamesIn(text).map((name) => `${exercise.id}: ${name}`));
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it("in widgets and pages names no internals", () => {
    const files = [...filesUnder(path.join(root, "lib", "widgets"), /\.tsx?$/), ...filesUnder(path.join(root, "app"), /\.tsx?$/)];
    if (fs.existsSync(path.join(root, "lib", "labs"))) files.push(...filesUnder(path.join(root, "lib", "labs"), /\.ts$/));
    const found = files.flatMap((file) => internalNamesIn(learnerStringsOf(fs.readFileSync(file, "utf8"))).map((name) => `${path.relative(root, file)}: ${name}`));
    expect(found).toEqual([]);
  });
});
