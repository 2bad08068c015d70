// The PostgreSQL migration runner (lib/db/migratePostgres.mjs) on a real
// server: each folder once, in order, in its own transaction; a failing one
// rolled back and named; an edited one refused; two runners at once safe.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratePostgres, readMigrations } from "../../lib/db/migratePostgres.mjs";
import { SKIP_WITHOUT_POSTGRES, createEmptyDatabase, postgresTestUrl } from "../support/postgres";

function folder(migrations: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(directory, name));
    fs.writeFileSync(path.join(directory, name, "migration.sql"), sql);
  }
  return directory;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("reading migration folders", () => {
  it("lists folders holding a migration.sql in name order with the SHA-256 of each, and ignores loose files", () => {
    const directory = folder({ "2_b": "SELECT 2;", "1_a": "SELECT 1;" });
    fs.writeFileSync(path.join(directory, "last-migrated-schema.prisma"), "x");
    fs.mkdirSync(path.join(directory, "3_empty"));
    const list = readMigrations(directory);
    expect(list.map((m) => m.name)).toEqual(["1_a", "2_b"]);
    expect(list[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.skipIf(!postgresTestUrl)(`the PostgreSQL migration runner ${postgresTestUrl ? "" : SKIP_WITHOUT_POSTGRES}`, () => {
  it("applies every pending folder once, in name order, and nothing on the next run", async () => {
    const url = await createEmptyDatabase(postgresTestUrl!);
    const directory = folder({
      "20260101000000_a": `CREATE TABLE "T" ("id" INTEGER PRIMARY KEY); INSERT INTO "T" VALUES (1);`,
      "20260102000000_b": `ALTER TABLE "T" ADD COLUMN "name" TEXT; INSERT INTO "T" VALUES (2, 'two');`,
    });
    expect(await migratePostgres({ connectionString: url, directory })).toEqual(["20260101000000_a", "20260102000000_b"]);
    expect(await migratePostgres({ connectionString: url, directory })).toEqual([]);
    expect(await query(url, `SELECT "id", "name" FROM "T" ORDER BY "id"`)).toEqual([{ id: 1, name: null }, { id: 2, name: "two" }]);
    fs.mkdirSync(path.join(directory, "20260103000000_c"));
    fs.writeFileSync(path.join(directory, "20260103000000_c", "migration.sql"), `INSERT INTO "T" VALUES (3, 'three');`);
    expect(await migratePostgres({ connectionString: url, directory })).toEqual(["20260103000000_c"]);
  });

  it("rolls a failing folder back whole, names it, keeps the ones before it, and applies it once it is fixed", async () => {
    const url = await createEmptyDatabase(postgresTestUrl!);
    const directory = folder({
      "1_ok": `CREATE TABLE "T" ("id" INTEGER PRIMARY KEY);`,
      "2_bad": `INSERT INTO "T" VALUES (1); INSERT INTO "Missing" VALUES (1);`,
    });
    await expect(migratePostgres({ connectionString: url, directory })).rejects.toThrow(/migration 2_bad failed: .*"Missing"/);
    expect(await query(url, `SELECT COUNT(*)::int AS "n" FROM "T"`)).toEqual([{ n: 0 }]);
    expect((await query(url, `SELECT "name" FROM "_migrations"`)).map((r) => r.name)).toEqual(["1_ok"]);
    fs.writeFileSync(path.join(directory, "2_bad", "migration.sql"), `INSERT INTO "T" VALUES (1);`);
    expect(await migratePostgres({ connectionString: url, directory })).toEqual(["2_bad"]);
  });

  it("refuses to run when an applied folder's SQL was edited afterwards", async () => {
    const url = await createEmptyDatabase(postgresTestUrl!);
    const directory = folder({ "1_a": `CREATE TABLE "T" ("id" INTEGER);` });
    await migratePostgres({ connectionString: url, directory });
    fs.writeFileSync(path.join(directory, "1_a", "migration.sql"), `CREATE TABLE "T" ("id" BIGINT);`);
    await expect(migratePostgres({ connectionString: url, directory })).rejects.toThrow(/1_a was changed after it was applied/);
  });

  it("lets four runners started at once apply each folder exactly once (the advisory lock)", async () => {
    const url = await createEmptyDatabase(postgresTestUrl!);
    // Not idempotent on purpose: a second application would fail.
    const directory = folder({ "1_a": `CREATE TABLE "T" ("id" INTEGER); SELECT pg_sleep(0.3);`, "2_b": `CREATE TABLE "U" ("id" INTEGER);` });
    const results = await Promise.all([1, 2, 3, 4].map(() => migratePostgres({ connectionString: url, directory })));
    expect(results.flat().sort()).toEqual(["1_a", "2_b"]);
    expect(await query(url, `SELECT COUNT(*)::int AS "n" FROM "_migrations"`)).toEqual([{ n: 2 }]);
  });

  it("brings an empty database to the committed schema, the same one prisma/postgresql/schema.prisma describes", async () => {
    const url = await createEmptyDatabase(postgresTestUrl!);
    const applied = await migratePostgres({ connectionString: url, directory: path.resolve("prisma/postgresql/migrations") });
    expect(applied.length).toBe(readMigrations(path.resolve("prisma/postgresql/migrations")).length);
    const columns = await query(url, `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('Attempt', 'Throttle') AND column_name IN ('variantSeed', 'key')`);
    expect(columns).toEqual(expect.arrayContaining([{ table_name: "Attempt", column_name: "variantSeed", data_type: "oid" }, { table_name: "Throttle", column_name: "key", data_type: "text" }]));
  });
});
