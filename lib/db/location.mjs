// Which database, and where. One place, read by the Prisma CLI config, the
// start script and the runtime client, so they can never disagree.
// DATABASE_URL may be `postgresql://…` or `postgres://…` (PostgreSQL), or name
// the embedded SQLite file: `file:/abs/path.db`, `file:./relative.db`
// (relative to the project root) or a plain path; the default is prisma/dev.db.
import path from "node:path";

// npm runs every script, and Next runs the server, from the project folder.
// (import.meta.dirname is not available once Next bundles this module.)
const projectRoot = process.cwd();

/** "postgresql" when DATABASE_URL is a PostgreSQL connection URL, else "sqlite". */
export function databaseKind(env = process.env) {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? "") ? "postgresql" : "sqlite";
}

/** The PostgreSQL connection URL, as given. */
export function postgresUrl(env = process.env) {
  if (databaseKind(env) !== "postgresql") throw new Error("DATABASE_URL is not a postgresql:// URL");
  return env.DATABASE_URL.trim();
}

/** Absolute path of the SQLite database file. */
export function databaseFile(env = process.env) {
  const raw = env.DATABASE_URL?.trim();
  if (databaseKind(env) === "postgresql") throw new Error("DATABASE_URL names a PostgreSQL database, not a SQLite file");
  if (!raw) return path.join(/*turbopackIgnore: true*/ projectRoot, "prisma", "dev.db");
  const withoutScheme = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  return path.resolve(/*turbopackIgnore: true*/ projectRoot, withoutScheme);
}

/** One string naming the database, whichever kind: a key for per-database caches. */
export function databaseKey(env = process.env) {
  return databaseKind(env) === "postgresql" ? postgresUrl(env) : databaseFile(env);
}

/** The `file:` URL form the better-sqlite3 adapter accepts. */
export function databaseUrl(env = process.env) {
  return `file:${databaseFile(env)}`;
}

/** The database named without its password, for logs. */
export function databaseLabel(env = process.env) {
  if (databaseKind(env) === "sqlite") return databaseFile(env);
  const url = new URL(postgresUrl(env));
  if (url.password) url.password = "***";
  return url.toString();
}
