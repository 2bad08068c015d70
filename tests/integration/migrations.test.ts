// The committed migrations and the schema must agree, or a fresh install would
// run an app whose client expects tables the database does not have.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("produce exactly the schema in prisma/schema.prisma", () => {
    const run = () =>
      execFileSync(
        process.execPath,
        [
          path.resolve("node_modules/prisma/build/index.js"),
          "migrate",
          "diff",
          "--from-schema-datamodel",
          "prisma/migrations/last-migrated-schema.prisma",
          "--to-schema-datamodel",
          "prisma/schema.prisma",
          "--exit-code",
        ],
        { stdio: "pipe" },
      );
    // --exit-code: 0 means no difference, 2 means the schema changed without a migration.
    expect(run).not.toThrow();
  });

  it("build the database the snapshot describes (the template used by every test)", async () => {
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(process.env.TEST_DATABASE_TEMPLATE!, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(["Attempt", "Exercise", "Learner", "Lesson", "_prisma_migrations"]));
  });
});
