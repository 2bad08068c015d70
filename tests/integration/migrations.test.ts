// The committed migrations and the schema must agree, for SQLite and for
// PostgreSQL, or a fresh install would run an app whose client expects tables
// the database does not have.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, expectedPostgresSchema, postgresSchemaFrom } from "../../scripts/postgres-schema.mjs";
import { testDialect } from "../support/testDatabase";
import { urlForDatabase, postgresTestUrl } from "../support/postgres";

const noDifference = (from: string, to: string) => () =>
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--exit-code"], {
    stdio: "pipe",
  });

describe("migrations", () => {
  // --exit-code: 0 means no difference, 2 means the schema changed without a migration.
  it("produce exactly the schema in prisma/schema.prisma (SQLite)", () => {
    expect(noDifference("prisma/migrations/last-migrated-schema.prisma", "prisma/schema.prisma")).not.toThrow();
  });

  it("produce exactly the PostgreSQL twin of the schema (run npm run db:migration -- <name> when this fails)", () => {
    expect(noDifference("prisma/postgresql/migrations/last-migrated-schema.prisma", "prisma/postgresql/schema.prisma")).not.toThrow();
  });

  it("keep prisma/postgresql/schema.prisma generated from prisma/schema.prisma, with variant seeds as oid", () => {
    const committed = fs.readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(committed).toBe(expectedPostgresSchema());
    expect(committed).toMatch(/provider = "postgresql"/);
    expect(committed).toMatch(/output\s+= "\.\.\/\.\.\/lib\/generated\/prisma-postgres"/);
    expect(committed.match(/variantSeed Int @db\.Oid/g)).toHaveLength(3);
    expect(() => postgresSchemaFrom("model A { id String @id }")).toThrow(/datasource provider/);
  });

  it("build the database the snapshot describes (the template used by every test)", async () => {
    let tables: string[];
    if (testDialect === "postgresql") {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: urlForDatabase(postgresTestUrl!, process.env.TEST_DATABASE_TEMPLATE!) });
      await client.connect();
      tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)).rows.map((t) => t.name);
      await client.end();
    } else {
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(process.env.TEST_DATABASE_TEMPLATE!, { readonly: true });
      tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      db.close();
    }
    expect(tables).toEqual(expect.arrayContaining(["Attempt", "Exercise", "Learner", "Lesson", "Throttle", testDialect === "postgresql" ? "_migrations" : "_prisma_migrations"]));
  });
});
