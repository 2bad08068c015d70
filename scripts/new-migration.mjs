#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes the next migration from the change to
// prisma/schema.prisma, using Prisma's own `migrate diff` between the schema the
// committed migrations produce and the current schema (`migrate dev` does not
// work offline with the JS schema engine: docs/decisions/0001).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and _ only)");
  process.exit(2);
}
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
const schema = path.join(root, "prisma", "schema.prisma");
// The datamodel the latest migration was made from, kept beside the migrations
// (Prisma reads only migration.sql files in subfolders, so it ignores this file).
const snapshot = path.join(root, "prisma", "migrations", "last-migrated-schema.prisma");

const args = ["migrate", "diff", "--to-schema-datamodel", schema, "--script"];
args.push(...(fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"]));
const result = spawnSync(process.execPath, [prismaCli, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
if (result.status !== 0) {
  console.error("db:migration: prisma migrate diff failed.");
  process.exit(1);
}
const sql = result.stdout;
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/i.test(sql)) {
  console.log("db:migration: the schema matches the last migration; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const directory = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(directory, { recursive: true });
fs.writeFileSync(path.join(directory, "migration.sql"), sql);
fs.copyFileSync(schema, snapshot);
console.log(`db:migration: wrote ${path.relative(root, directory)}/migration.sql; apply it with npm run db:migrate.`);
