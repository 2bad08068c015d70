#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes the next migration, for SQLite and
// for PostgreSQL, from the change to prisma/schema.prisma. For each database,
// Prisma's own `migrate diff` compares the schema its committed migrations
// produce (a snapshot kept beside them) with the current one (`migrate dev`
// does not work offline with the JS schema engine: docs/decisions/0001).
// The PostgreSQL schema is regenerated from the SQLite one first
// (scripts/postgres-schema.mjs), so a model added to prisma/schema.prisma, or a
// SQLite migration someone wrote without its PostgreSQL twin, gets one here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, expectedPostgresSchema } from "./postgres-schema.mjs";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and _ only)");
  process.exit(2);
}
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
fs.writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());

const targets = [
  { label: "SQLite", schema: SQLITE_SCHEMA, migrations: path.join(root, "prisma", "migrations") },
  { label: "PostgreSQL", schema: POSTGRES_SCHEMA, migrations: path.join(root, "prisma", "postgresql", "migrations") },
];
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const { label, schema, migrations } of targets) {
  // The datamodel the latest migration was made from, kept beside the migrations
  // (Prisma and scripts/migrate-postgres.mjs read only migration.sql files in subfolders).
  const snapshot = path.join(migrations, "last-migrated-schema.prisma");
  const args = ["migrate", "diff", "--to-schema-datamodel", schema, "--script"];
  args.push(...(fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"]));
  const result = spawnSync(process.execPath, [prismaCli, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0) {
    console.error(`db:migration: prisma migrate diff failed for ${label}.`);
    process.exit(1);
  }
  const sql = result.stdout;
  if (!/\b(CREATE|ALTER|DROP|INSERT)\b/i.test(sql)) {
    console.log(`db:migration: ${label}: the schema matches the last migration; nothing to write.`);
    continue;
  }
  const directory = path.join(migrations, `${stamp}_${name}`);
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, "migration.sql"), sql);
  fs.copyFileSync(schema, snapshot);
  console.log(`db:migration: ${label}: wrote ${path.relative(root, directory)}/migration.sql`);
}
console.log("db:migration: apply with npm run db:migrate (the database DATABASE_URL names).");
