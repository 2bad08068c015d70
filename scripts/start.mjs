#!/usr/bin/env node
// `npm start`: prepare the database, build if the build is missing or older
// than the sources, then serve on $PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

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

/** A fingerprint of everything that goes into the build. */
function sourceFingerprint() {
  const hash = createHash("sha256");
  const inputs = ["app", "lib", "content", "prisma/schema.prisma", "package-lock.json", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "proxy.ts", "scripts/csp-hashes.mjs"];
  const walk = (entry) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) walk(path.join(entry, child));
    } else {
      hash.update(entry).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  inputs.forEach(walk);
  return hash.digest("hex");
}

runOrExit([path.join(root, "scripts", "prepare-db.mjs")], "preparing the database");

const stampFile = path.join(root, ".next", "source-fingerprint");
const fingerprint = sourceFingerprint();
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint;
if (built) {
  console.log("start: the build is up to date.");
} else {
  console.log("start: building (the sources changed or there is no build yet)…");
  runOrExit([nextBin, "build"], "next build");
  // Static pages' Content-Security-Policy lists their inline scripts' hashes (decision record 0013).
  runOrExit([path.join(root, "scripts", "csp-hashes.mjs")], "hashing static pages' scripts");
  fs.writeFileSync(stampFile, fingerprint);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
