// Migrates one template database before the suite; each test file then works
// on its own copy (tests/support/testDatabase.ts), so files never see each
// other's rows and nothing is truncated.
//   Default: a SQLite file, migrated with Prisma's CLI.
//   TEST_DATABASE=postgresql: a PostgreSQL database on TEST_POSTGRES_URL's
//   server, migrated with lib/db/migratePostgres.mjs (how the app migrates it).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migratePostgres } from "../../lib/db/migratePostgres.mjs";
import { createEmptyDatabase, dropTestDatabases, postgresTestUrl } from "./postgres";

export default async function setup() {
  // This run's PostgreSQL databases carry the tag, so its teardown drops only them (tests/support/postgres.ts).
  process.env.TEST_RUN_TAG = `${randomBytes(4).toString("hex")}_`;
  if (process.env.TEST_DATABASE === "postgresql") {
    if (!postgresTestUrl) throw new Error("TEST_DATABASE=postgresql needs TEST_POSTGRES_URL (README, Running the tests on PostgreSQL)");
    const url = await createEmptyDatabase(postgresTestUrl);
    await migratePostgres({ connectionString: url, directory: path.resolve("prisma/postgresql/migrations") });
    process.env.TEST_DATABASE_TEMPLATE = new URL(url).pathname.slice(1);
    return () => dropTestDatabases(postgresTestUrl!);
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-tests-"));
  const template = path.join(directory, "template.db");
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.TEST_DATABASE_TEMPLATE = template;
  return async () => {
    fs.rmSync(directory, { recursive: true, force: true });
    // PostgreSQL-only tests (TEST_POSTGRES_URL set) make databases of their own.
    if (postgresTestUrl) await dropTestDatabases(postgresTestUrl);
  };
}
