#!/usr/bin/env node
// `npm start`: prepare the database, build if the build is missing or older
// than the sources, then serve on $PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, stampBuild } from "./build-stamp.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function runOrExit(args, label) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`start: ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

runOrExit([path.join(root, "scripts", "prepare-db.mjs")], "preparing the database");

if (buildIsCurrent()) {
  console.log("start: the build is up to date.");
} else {
  console.log("start: building (the sources changed or there is no build yet)…");
  runOrExit([nextBin, "build"], "next build");
  // Static pages' Content-Security-Policy lists their inline scripts' hashes (decision record 0013).
  runOrExit([path.join(root, "scripts", "csp-hashes.mjs")], "hashing static pages' scripts");
  stampBuild();
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
