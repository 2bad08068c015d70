// The response headers every page, API reply and asset carries, in one place:
// next.config.mjs sends them, the proxy (dynamic pages) and the post-build
// step (static pages) fill in the script sources. Decision record 0013.

/**
 * The Content-Security-Policy with the given script sources. No 'unsafe-eval'
 * (lessons are evaluated on the server at build time) and no 'unsafe-inline'
 * for scripts: Next's inline bootstrap scripts are allowed by hash on static
 * pages and by a per-request nonce on dynamic ones. Styles allow inline
 * attributes: the widgets position SVG and bars with style="..." (React sets
 * them as attributes), which a hash cannot cover.
 */
export function contentSecurityPolicy(scriptSources = [], { development = false } = {}) {
  const scripts = ["'self'", ...scriptSources, ...(development ? ["'unsafe-eval'", "'unsafe-inline'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API replies and files: nothing in them may run or be framed. */
export const LOCKED_DOWN_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * For the build's own scripts. A script's own response policy governs a Web
 * Worker started from it (the SYN-flood lab simulates in one), and the worker
 * loads the rest of its code with importScripts from the same place: so
 * same-origin scripts, and nothing else, may run there.
 */
export const BUILD_ASSET_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const COMMON_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()",
  },
];

// One year, subdomains included (RFC 6797); sent only when the request came over HTTPS.
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };
