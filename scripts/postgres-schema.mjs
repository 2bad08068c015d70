#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the one data model we edit. Prisma's client
// is generated per provider, so PostgreSQL gets its own schema file, written
// from that one by swapping the datasource and the generator's output folder
// (docs/decisions/0016). Run without arguments it rewrites
// prisma/postgresql/schema.prisma; `--check` exits 1 when that file is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not
// edit; change prisma/schema.prisma and run \`npm run db:migration -- <name>\`.
`;

/** The PostgreSQL twin of the SQLite schema text. Throws if a part it swaps is missing. */
export function postgresSchemaFrom(sqlite) {
  let out = sqlite;
  const swap = (pattern, replacement, what) => {
    if (!pattern.test(out)) throw new Error(`postgres-schema: prisma/schema.prisma has no ${what}`);
    out = out.replace(pattern, replacement);
  };
  // The datasource: provider and the placeholder url the 6.19 CLI wants (the
  // driver adapter in lib/db/client.ts opens the real connection).
  swap(/(datasource db \{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource provider "sqlite"');
  swap(/(datasource db \{[^}]*?url\s*=\s*)"file:[^"]*"/, '$1"postgresql://localhost/unused"', "datasource url");
  // Its own client, beside the SQLite one; one folder deeper, so one more "../".
  swap(/(generator client \{[^}]*?output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgres"', "generator output ../lib/generated/prisma");
  // Variant seeds are unsigned 32-bit numbers (up to 4,294,967,295): SQLite's
  // INTEGER holds them, PostgreSQL's integer (signed 32-bit) does not; oid is
  // PostgreSQL's unsigned 32-bit type.
  out = out.replace(/^(\s+variantSeed\s+Int)(?=\s*(\/\/.*)?$)/gm, "$1 @db.Oid");
  return HEADER + out;
}

export function expectedPostgresSchema() {
  return postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const expected = expectedPostgresSchema();
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("postgres-schema: prisma/postgresql/schema.prisma is stale; run node scripts/postgres-schema.mjs");
      process.exit(1);
    }
  } else if (current !== expected) {
    fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
    fs.writeFileSync(POSTGRES_SCHEMA, expected);
    console.log("postgres-schema: wrote prisma/postgresql/schema.prisma");
  }
}
