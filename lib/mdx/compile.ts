// The one module that calls bundleMDX (DESIGN.md). Lessons compile once per
// content hash and compiler version: in memory for the life of the process and
// on disk across builds, so `next build` and the dev server never recompile an
// unchanged lesson, and no request ever compiles anything.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import rehypeShiki from "@shikijs/rehype";
import { bundleMDX } from "mdx-bundler";
import { glossary } from "@/content/glossary";
import { glossaryFingerprint } from "@/lib/glossary/groups";
import { rehypeGlossaryLinks } from "./glossaryLinks";
import { headingIdPlugins, headingLinkPlugins, lessonRemarkPlugins } from "./headingPlugins";

/**
 * Bump when the plugin list or its options change: it is part of every cache key,
 * so old compiled output is never served for a new pipeline.
 */
const PIPELINE_VERSION =
  "mdx-bundler@10.1.1+remark-gfm@4+shiki@4.6/github-light-default+github-dark-default+rehype-slug@6+rehype-autolink-headings@7.1/after-grouped-h2-h3+v2" +
  `+glossary-links@1/${glossaryFingerprint(glossary)}`;

/**
 * Code colours for light and dark. GitHub's "default" pair: every token colour either theme gives the
 * lessons' code reaches 4.5:1 on its background (WCAG 1.4.3); github-dark's comments were 3.04:1.
 */
export const SHIKI_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

const cacheDirectory = path.join(process.cwd(), "node_modules", ".cache", "tcp-course-mdx");
const memoryCache = new Map<string, Promise<string>>();

// esbuild is memory-hungry; compile one lesson at a time.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

export function mdxCacheKey(source: string): string {
  return createHash("sha256").update(PIPELINE_VERSION).update("\0").update(source).digest("hex");
}

async function compileUncached(source: string, cwd: string): Promise<string> {
  const { code } = await bundleMDX({
    source,
    cwd,
    mdxOptions(options) {
      // Append to the defaults, never replace them.
      options.remarkPlugins = [...(options.remarkPlugins ?? []), ...lessonRemarkPlugins];
      options.rehypePlugins = [
        ...(options.rehypePlugins ?? []),
        [rehypeShiki, { themes: SHIKI_THEMES, defaultColor: false }],
        // Heading ids, then "#" links to them. lib/mdx/tableOfContents.ts runs the same id plugins.
        ...headingIdPlugins,
        // First use of each glossary term links to /glossary (after the ids: it notes each use's section).
        [rehypeGlossaryLinks, { entries: glossary }],
        ...headingLinkPlugins,
      ];
      return options;
    },
  });
  return code;
}

async function readDiskCache(key: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path.join(cacheDirectory, `${key}.js`), "utf8");
  } catch {
    return undefined;
  }
}

async function writeDiskCache(key: string, code: string): Promise<void> {
  try {
    await fs.mkdir(cacheDirectory, { recursive: true });
    const file = path.join(cacheDirectory, `${key}.js`);
    // Write then rename, so a concurrent reader never sees half a file.
    await fs.writeFile(`${file}.${process.pid}.tmp`, code);
    await fs.rename(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A read-only disk only costs a recompile next time.
  }
}

/** Compiled MDX code for `getMDXComponent`, from cache when the source is unchanged. */
export function compileLesson(source: string, cwd: string): Promise<string> {
  const key = mdxCacheKey(source);
  let pending = memoryCache.get(key);
  if (!pending) {
    pending = (async () => {
      const cached = await readDiskCache(key);
      if (cached !== undefined) return cached;
      const code = await oneAtATime(() => compileUncached(source, cwd));
      await writeDiskCache(key, code);
      return code;
    })();
    memoryCache.set(key, pending);
    pending.catch(() => memoryCache.delete(key));
  }
  return pending;
}
