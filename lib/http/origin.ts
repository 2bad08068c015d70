// Cross-site request forgery: a state-changing request must come from a page
// of this very origin. A page on another port of the same host is same-site
// (cookies are shared across ports) but cross-origin, so the comparison is of
// the whole origin (scheme, host and port), never just the site.
//
// Browsers say where a request comes from in two headers: Sec-Fetch-Site
// (Fetch Metadata; every current browser) and Origin (sent on every
// cross-origin request and on same-origin POST/PUT/PATCH/DELETE). A request
// with neither comes from a program, not from a page in someone's browser, so
// it carries no victim's cookies by accident: it is allowed (curl, scripts,
// in-process tests). Decision record 0012.

type HeaderReader = { get(name: string): string | null };

export type OriginVerdict = { ok: true } | { ok: false; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The origin this app is served at. APP_ORIGIN (e.g. "https://tcp.example.org")
 * when set: behind a reverse proxy the Host header may be the proxy's. Else
 * the request's own Host, with the scheme the server saw.
 */
export function appOrigin(requestUrl: string, headers: HeaderReader, env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env.APP_ORIGIN?.trim();
  if (configured) return normalizeOrigin(configured);
  const host = headers.get("host")?.trim();
  let scheme: string;
  try {
    scheme = new URL(requestUrl).protocol;
  } catch {
    return undefined;
  }
  return host ? normalizeOrigin(`${scheme}//${host}`) : normalizeOrigin(requestUrl);
}

/** "scheme://host[:port]" in the form browsers send in Origin (default ports dropped), or undefined. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Whether a state-changing request may proceed, judged by where the browser says it comes from. */
export function checkRequestOrigin(request: { method: string; url: string; headers: HeaderReader }, env: Record<string, string | undefined> = process.env): OriginVerdict {
  if (isSafeMethod(request.method)) return { ok: true };
  const refused = { ok: false as const, message: "This request came from another site or origin; it is refused. Use the course's own pages." };
  const fetchSite = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  // "same-site" is another origin on this site (another port, another subdomain); "none" is
  // a request the user started outside any page (a bookmark), which no form of ours makes.
  if (fetchSite !== undefined && fetchSite !== "same-origin") return refused;
  const origin = request.headers.get("origin");
  if (origin === null) return { ok: true };
  const own = appOrigin(request.url, request.headers, env);
  // "null" (sandboxed frames, file: pages) matches nothing.
  if (!own || normalizeOrigin(origin.trim()) !== own) return refused;
  return { ok: true };
}
