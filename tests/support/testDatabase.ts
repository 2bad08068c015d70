// Gives the calling test file a private, migrated SQLite database and points
// lib/db at it. Call before importing anything that reads DATABASE_URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function useFreshDatabase(): string {
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!template) throw new Error("TEST_DATABASE_TEMPLATE is not set: run through vitest (tests/support/globalSetup.ts)");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-db-")), "test.db");
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}
