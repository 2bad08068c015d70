// Which addresses run proxy.ts, asked of Next's own matcher. The proxy gives
// pages rendered per request their CSP nonce; prerendered pages must not run it
// (their policy lists hashes), nor may an unknown address (the prerendered 404
// page's inline scripts are allowed by hash, which a nonce policy would block).
import fs from "node:fs";
import path from "node:path";
import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it } from "vitest";

type Matches = (url: string) => boolean;
let runsProxy: Matches;

beforeAll(async () => {
  // Next's server modules expect the global its own server sets up.
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  const { unstable_doesMiddlewareMatch } = await import("next/experimental/testing/server");
  const { config } = await import("@/proxy");
  runsProxy = (url) => unstable_doesMiddlewareMatch({ config, url });
});

// The pages prerendered at build time (no request data, no cookies): a new page
// must be added here or to the proxy's matcher. tests/e2e/security.spec.ts
// checks the same split against the build itself.
const STATIC_PAGES = ["/", "/lessons", "/lessons/three-way-handshake", "/glossary", "/search", "/search/index.json", "/interview/what-if"];

/** Every page.tsx under app/, as an address (a [param] becomes "x"). */
function pageAddresses(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../../../app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx") {
        const route = path.relative(appDir, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        found.push("/" + route.map((s) => (/^\[.*\]$/.test(s) ? "x" : s)).join("/"));
      }
    }
  };
  walk(appDir);
  return found.map((a) => (a === "/" ? a : a.replace(/\/$/, "")));
}

describe("the proxy's matcher", () => {
  it("covers every page of the app that is not prerendered, so none is left without its nonce", () => {
    const pages = pageAddresses();
    expect(pages.length).toBeGreaterThan(15);
    for (const page of pages) {
      const isStatic = STATIC_PAGES.includes(page) || page === "/lessons/x";
      expect(runsProxy(page), `${page}: add it to proxy.ts's matcher, or to STATIC_PAGES here if it is prerendered`).toBe(!isStatic);
    }
  });

  it("leaves the prerendered pages, unknown addresses (the static 404), the API, the build's files, icons and captures alone", () => {
    for (const url of [...STATIC_PAGES, "/no-such-page", "/api/auth/me", "/api/exercises/x/attempts", "/_next/static/chunks/a.js", "/icon.svg", "/apple-icon.png", "/captures/syn-flood.pcap"]) {
      expect(runsProxy(url), url).toBe(false);
    }
  });

  it("runs for any address with a percent-escape, even on a static page or the API, so a malformed one is refused", () => {
    for (const url of ["/api/exercises/%ZZ", "/lessons/%E0%A4%A", "/glossary%20"]) {
      expect(runsProxy(url), url).toBe(true);
    }
  });
});
