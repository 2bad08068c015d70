#!/usr/bin/env node
// Brings the database DATABASE_URL names up to date, and syncs lessons and
// exercises from content/ into it. Safe to run on every start, and by several
// app processes at once.
//   SQLite (default): committed migrations with Prisma's own CLI, then WAL.
//   PostgreSQL: prisma/postgresql/migrations with lib/db/migratePostgres.mjs
//   (Prisma 6.19's JS engine cannot apply them: docs/decisions/0016).
// `--migrate-only` (npm run db:migrate) stops after the migrations.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, databaseKind, databaseLabel, databaseUrl, postgresUrl } from "../lib/db/location.mjs";

const root = path.resolve(import.meta.dirname, "..");

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`prepare-db: \`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

console.log(`Database: ${databaseLabel()}`);
if (databaseKind() === "postgresql") {
  const { migratePostgres } = await import("../lib/db/migratePostgres.mjs");
  try {
    const applied = await migratePostgres({
      connectionString: postgresUrl(),
      directory: path.join(root, "prisma", "postgresql", "migrations"),
      log: (line) => console.log(`prepare-db: ${line}`),
    });
    if (applied.length === 0) console.log("prepare-db: no pending migrations.");
  } catch (error) {
    console.error(`prepare-db: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  const file = databaseFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  run(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], { ...process.env, DATABASE_URL: databaseUrl() });
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
}

if (!process.argv.includes("--migrate-only")) {
  run(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "sync-content.ts")]);
}
