// Gives the calling test file a private, migrated database and points lib/db
// at it: a copy of the suite's template (tests/support/globalSetup.ts), a
// SQLite file by default or a PostgreSQL database with TEST_DATABASE=postgresql.
// Call before importing anything that reads DATABASE_URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyTemplateSync, postgresTestUrl } from "./postgres";

export const testDialect: "sqlite" | "postgresql" = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/** Points DATABASE_URL at a fresh copy of the template; returns the SQLite file, or the PostgreSQL URL. */
export function useFreshDatabase(): string {
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!template) throw new Error("TEST_DATABASE_TEMPLATE is not set: run through vitest (tests/support/globalSetup.ts)");
  if (testDialect === "postgresql") {
    const url = copyTemplateSync(postgresTestUrl!, template);
    process.env.DATABASE_URL = url;
    return url;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-db-")), "test.db");
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}

/**
 * Runs SQL directly on the test file's database, bypassing lib/db (to seed
 * rows as stored, or to check what was stored). Placeholders are `?`;
 * identifiers must be double-quoted (PostgreSQL folds unquoted ones).
 */
export async function testSql<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const target = process.env.DATABASE_URL!;
  if (testDialect === "postgresql") {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(target.slice("file:".length));
  try {
    const statement = db.prepare(sql);
    return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
  } finally {
    db.close();
  }
}
