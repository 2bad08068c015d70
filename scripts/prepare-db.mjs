#!/usr/bin/env node
// Brings the SQLite database up to date: applies committed migrations with
// Prisma's own CLI, switches the file to WAL, and syncs lessons and exercises
// from content/ into it. Safe to run on every start.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, databaseUrl } from "../lib/db/location.mjs";

const root = path.resolve(import.meta.dirname, "..");
const file = databaseFile();
fs.mkdirSync(path.dirname(file), { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl() },
  });
  if (result.status !== 0) {
    console.error(`prepare-db: \`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

console.log(`Database: ${file}`);
run(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"]);

const db = new Database(file);
db.pragma("journal_mode = WAL");
db.close();

run(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "sync-content.ts")]);
