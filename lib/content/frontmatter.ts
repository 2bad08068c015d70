// What every lesson's frontmatter must say. Validated at build and sync time so
// a lesson with a typo fails loudly instead of rendering half a page.
import { z } from "zod";

export const lessonFrontmatterSchema = z.strictObject({
  /** Stable id: attempts and progress hang off it, so it never changes. */
  id: z.string().regex(/^lesson-[a-z0-9-]+$/, "must look like lesson-some-name"),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by dashes"),
  title: z.string().min(3),
  summary: z.string().min(10),
  objectives: z.array(z.string().min(3)).min(1),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** Parses frontmatter, or names every field that is wrong. */
export function parseLessonFrontmatter(
  raw: unknown,
  file: string,
): { ok: true; value: LessonFrontmatter } | { ok: false; error: string } {
  const result = lessonFrontmatterSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(frontmatter)"}: ${issue.message}`);
  return { ok: false, error: `${file}: ${problems.join("; ")}` };
}
