import { BUILD_ASSET_POLICY, COMMON_HEADERS, HSTS, LOCKED_DOWN_POLICY } from "./lib/http/securityHeaders.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next hashes the whole body of a static page in JavaScript on every request to make its ETag:
  // a fifth of the CPU a lesson page costs (scripts/measure-lesson-throughput.mjs). A build-time
  // ETag cannot go in the page's prerender headers, which Next also sends with the page's RSC
  // payload (two representations, one strong validator). Decision record 0019.
  generateEtags: false,
  // better-sqlite3 is a native addon, and piscina starts its worker threads from
  // its own files: load both from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "piscina"],
  // Lessons are read from content/ while pages are statically generated.
  outputFileTracingIncludes: { "/lessons/[slug]": ["./content/lessons/**/*"], "/captures/[file]": ["./content/captures/*"] },
  // Integrity attributes on Next's script files, so even a same-origin file that changed is not run.
  experimental: { sri: { algorithm: "sha256" } },
  async headers() {
    // No page policy here: a response would then carry two, and both apply. Static pages get theirs
    // with their scripts' hashes (scripts/csp-hashes.mjs), dynamic pages with a nonce (proxy.ts).
    const lockedDown = { key: "Content-Security-Policy", value: LOCKED_DOWN_POLICY };
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      // API replies, files and icons: nothing in them may run or be framed.
      ...["/api/:path*", "/captures/:path*", "/icon.svg", "/apple-icon.png", "/favicon.ico"].map((source) => ({ source, headers: [lockedDown] })),
      // The build's scripts may start a Web Worker, which lives under its script's policy.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: BUILD_ASSET_POLICY }] },
      // HSTS only means something over HTTPS: a TLS-terminating proxy in front says so in X-Forwarded-Proto.
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
    ];
  },
};

export default nextConfig;
