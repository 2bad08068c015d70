#!/usr/bin/env node
// Which sources the build in .next was made from. `npm run build` stamps the
// build when it ends; `npm start` serves a build whose stamp matches the
// sources and rebuilds otherwise. Run directly, it stamps the current build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, ".next", "source-fingerprint");

/** A fingerprint of everything that goes into the build. */
export function sourceFingerprint() {
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

/** True when .next holds a finished build of the current sources. */
export function buildIsCurrent() {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === sourceFingerprint();
}

/** Records that .next was built from the current sources. */
export function stampBuild() {
  fs.writeFileSync(stampFile, sourceFingerprint());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) stampBuild();
