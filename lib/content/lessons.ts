// Reads the lessons of the course (content/lessons/course.ts), each a folder
// with index.mdx. Server-only: it touches the disk.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { course } from "@/content/lessons/course";
import { parseLessonFrontmatter, type LessonFrontmatter } from "./frontmatter";
import { findImportsInMdx } from "./mdxImports";

export const lessonsDirectory = path.join(process.cwd(), "content", "lessons");

export type LessonSource = LessonFrontmatter & {
  /** The lesson's number: its place in the course, from 1. */
  order: number;
  /** The lesson's folder, content/lessons/<NN-slug>. */
  directory: string;
  file: string;
  source: string;
  /** sha256 of index.mdx: the MDX cache key and the sync's change marker. */
  contentHash: string;
};

const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Every lesson of the course, validated, in course order. Throws one message listing every problem. */
export async function loadLessons(directory = lessonsDirectory, entries: readonly { folder: string }[] = course): Promise<LessonSource[]> {
  const lessons: LessonSource[] = [];
  const errors: string[] = [];
  for (const [index, { folder }] of entries.entries()) {
    const where = `content/lessons/${folder}`;
    const order = index + 1;
    const match = FOLDER.exec(folder);
    if (!match) {
      errors.push(`${where}: a lesson folder is named <NN>-<slug>, like 01-header-fields`);
      continue;
    }
    if (Number(match[1]) !== order) {
      errors.push(`${where}: it is lesson ${order} in content/lessons/course.ts, so its folder starts with ${String(order).padStart(2, "0")}-`);
      continue;
    }
    const lessonDirectory = path.join(/*turbopackIgnore: true*/ directory, folder);
    const file = path.join(/*turbopackIgnore: true*/ lessonDirectory, "index.mdx");
    let source: string;
    try {
      source = await fs.readFile(file, "utf8");
    } catch {
      errors.push(`${where}/index.mdx: missing`);
      continue;
    }
    const parsed = parseLessonFrontmatter(matter(source).data, `${where}/index.mdx`);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    if (parsed.value.slug !== match[2]) {
      errors.push(`${where}/index.mdx: slug "${parsed.value.slug}" must match the folder name`);
      continue;
    }
    // Exercise definitions hold answers: MDX that imports a module could pull one into a client bundle.
    for (const line of findImportsInMdx(source)) errors.push(`${where}/index.mdx: line ${line}: lessons may not import or export modules; use the components the lesson map provides`);
    lessons.push({
      ...parsed.value,
      order,
      directory: lessonDirectory,
      file,
      source,
      contentHash: createHash("sha256").update(source).digest("hex"),
    });
  }
  for (const key of ["id", "slug"] as const) {
    const seen = new Map<string, string>();
    for (const lesson of lessons) {
      const other = seen.get(lesson[key]);
      if (other) errors.push(`content/lessons: ${lesson.slug} and ${other} share the ${key} ${lesson[key]}`);
      seen.set(lesson[key], lesson.slug);
    }
  }
  if (errors.length > 0) throw new Error(`Invalid lessons:\n${errors.join("\n")}`);
  return lessons;
}

export async function loadLesson(slug: string): Promise<LessonSource | undefined> {
  return (await loadLessons()).find((lesson) => lesson.slug === slug);
}
