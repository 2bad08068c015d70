#!/usr/bin/env node
// After `next build`: gives every statically generated page a
// Content-Security-Policy that lists the SHA-256 of each of its inline
// scripts (Next's bootstrap and streamed page data), so static pages run
// exactly those and no other inline script, without 'unsafe-inline' and
// without a per-request nonce that would make them dynamic. The policy goes
// into the page's prerender metadata, whose headers Next sends with the page.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { contentSecurityPolicy } from "../lib/http/securityHeaders.mjs";

const root = path.resolve(import.meta.dirname, "..");
const appDirectory = path.join(root, ".next", "server", "app");

function* htmlFiles(directory) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith(".html")) yield full;
  }
}

/** The bodies of the inline <script> elements (those without src). */
export function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(match[1])) scripts.push(match[2]);
  }
  return scripts;
}

let pages = 0;
for (const file of htmlFiles(appDirectory)) {
  const metaFile = file.replace(/\.html$/, ".meta");
  if (!fs.existsSync(metaFile)) continue;
  const hashes = [...new Set(inlineScripts(fs.readFileSync(file, "utf8")).map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`))];
  const meta = JSON.parse(fs.readFileSync(metaFile, "utf8"));
  meta.headers = { ...meta.headers, "content-security-policy": contentSecurityPolicy(hashes) };
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  pages++;
}
console.log(`csp-hashes: a hash-based Content-Security-Policy for ${pages} static pages.`);
