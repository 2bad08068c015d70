// Reads lessons from content/lessons/*.mdx. Server-only: it touches the disk.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parseLessonFrontmatter, type LessonFrontmatter } from "./frontmatter";
import matter from "gray-matter";

export const lessonsDirectory = path.join(process.cwd(), "content", "lessons");

export type LessonSource = LessonFrontmatter & {
  file: string;
  source: string;
  /** sha256 of the file: the MDX cache key and the sync's change marker. */
  contentHash: string;
};

/** Every lesson, validated, in course order. Throws one message listing every bad file. */
export async function loadLessons(directory = lessonsDirectory): Promise<LessonSource[]> {
  const files = (await fs.readdir(/*turbopackIgnore: true*/ directory)).filter((name) => name.endsWith(".mdx")).sort();
  const lessons: LessonSource[] = [];
  const errors: string[] = [];
  for (const name of files) {
    const file = path.join(/*turbopackIgnore: true*/ directory, name);
    const source = await fs.readFile(file, "utf8");
    const parsed = parseLessonFrontmatter(matter(source).data, `content/lessons/${name}`);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    if (`${parsed.value.slug}.mdx` !== name) {
      errors.push(`content/lessons/${name}: slug "${parsed.value.slug}" must match the file name`);
      continue;
    }
    lessons.push({ ...parsed.value, file, source, contentHash: createHash("sha256").update(source).digest("hex") });
  }
  for (const [key, label] of [["id", "id"], ["slug", "slug"], ["order", "order"]] as const) {
    const seen = new Map<unknown, string>();
    for (const lesson of lessons) {
      const other = seen.get(lesson[key]);
      if (other) errors.push(`content/lessons: ${lesson.slug} and ${other} share the ${label} ${String(lesson[key])}`);
      seen.set(lesson[key], lesson.slug);
    }
  }
  if (errors.length > 0) throw new Error(`Invalid lessons:\n${errors.join("\n")}`);
  return lessons.sort((a, b) => a.order - b.order);
}

export async function loadLesson(slug: string): Promise<LessonSource | undefined> {
  return (await loadLessons()).find((lesson) => lesson.slug === slug);
}
