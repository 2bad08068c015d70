// Applies prisma/postgresql/migrations to a PostgreSQL database. Prisma 6.19's
// JavaScript schema engine writes PostgreSQL migrations (`migrate diff`) but
// cannot apply them (docs/decisions/0016), so this small runner does, the way
// migration tools do: a "_migrations" table records each applied folder with
// its SHA-256; each pending folder runs once, in name order, inside its own
// transaction with its record; and a session advisory lock makes a second
// process starting at the same moment wait, then find nothing left to do.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** pg_advisory_lock key: any fixed 64-bit number; this one spells "tcpmigr". */
export const MIGRATION_LOCK_KEY = "32760431821547378";

/** The migration folders under `directory`, in the order they apply. */
export function readMigrations(directory) {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(directory, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Brings the database at `connectionString` up to date with the folders in
 * `directory`. Returns the names it applied (empty when none were pending).
 * Throws, naming the folder, when one fails (that folder's changes are rolled
 * back; the ones before it stay) or when an applied folder's SQL has changed.
 */
export async function migratePostgres({ connectionString, directory, log = () => {} }) {
  const migrations = readMigrations(directory);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await client.query(`CREATE TABLE IF NOT EXISTS "_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query(`SELECT "name", "checksum" FROM "_migrations"`);
    const applied = new Map(rows.map((row) => [row.name, row.checksum]));
    for (const { name, checksum } of migrations) {
      const recorded = applied.get(name);
      if (recorded !== undefined && recorded !== checksum) {
        throw new Error(`migration ${name} was changed after it was applied; write a new migration instead of editing it`);
      }
    }
    const done = [];
    for (const { name, sql, checksum } of migrations) {
      if (applied.has(name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_migrations" ("name", "checksum") VALUES ($1, $2)`, [name, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      log(`applied ${name}`);
      done.push(name);
    }
    return done;
  } finally {
    // Closing the session releases the advisory lock too; unlock first anyway so a pooled connection could be reused.
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
    await client.end();
  }
}
