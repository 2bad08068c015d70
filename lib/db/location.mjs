// Where the SQLite database lives. One place, read by the Prisma CLI config,
// the start script and the runtime client, so they can never disagree.
// DATABASE_URL may be `file:/abs/path.db`, `file:./relative.db` (relative to
// the project root) or a plain path; the default is prisma/dev.db.
import path from "node:path";

// npm runs every script, and Next runs the server, from the project folder.
// (import.meta.dirname is not available once Next bundles this module.)
const projectRoot = process.cwd();

/** Absolute path of the SQLite database file. */
export function databaseFile(env = process.env) {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return path.join(/*turbopackIgnore: true*/ projectRoot, "prisma", "dev.db");
  const withoutScheme = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  return path.resolve(/*turbopackIgnore: true*/ projectRoot, withoutScheme);
}

/** The `file:` URL form the better-sqlite3 adapter accepts. */
export function databaseUrl(env = process.env) {
  return `file:${databaseFile(env)}`;
}
