// Migrates one template SQLite database with Prisma's CLI before the suite;
// each test file then works on its own copy (tests/support/testDatabase.ts),
// so files never see each other's rows and nothing is truncated.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-tests-"));
  const template = path.join(directory, "template.db");
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.TEST_DATABASE_TEMPLATE = template;
  return () => fs.rmSync(directory, { recursive: true, force: true });
}
