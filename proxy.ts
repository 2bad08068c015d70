// Runs only for the pages rendered per request (and for addresses that are
// not valid percent-encoding): never for the API, whose bodies it would make
// Next buffer, nor for the static pages, which must stay one cacheable
// response for everyone.
// The matcher names the dynamic pages rather than excluding the static ones:
// excluded, an unknown address would run the proxy too, and its nonce policy
// would block the inline scripts of the prerendered 404 page. A page left off
// the list fails tests/unit/http/proxyMatcher.test.ts (every page under app/
// is either matched or known to be static) and tests/e2e/security.spec.ts
// (every page the build did not prerender must carry a nonce).
//
// - A nonce for the Content-Security-Policy: Next puts it on its own inline
//   scripts when it finds it in the request's policy (Next's CSP guide), so
//   these pages need no 'unsafe-inline'. Static pages get hashes instead
//   (scripts/csp-hashes.mjs).
// - A path segment that does not decode ("/api/exercises/%ZZ") is a 400 here;
//   Next's own router would answer 500.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/securityHeaders.mjs";

export function proxy(request: NextRequest) {
  try {
    for (const segment of request.nextUrl.pathname.split("/")) decodeURIComponent(segment);
  } catch {
    return NextResponse.json({ message: "The address has malformed percent-encoding (like %ZZ); check the link." }, { status: 400 });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy([`'nonce-${nonce}'`], { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // The dynamic pages (each reads who is signed in).
    "/dashboard",
    "/review",
    "/login",
    "/signup",
    "/interview",
    "/interview/mock/:path*",
    "/interview/questions/:path*",
    "/classes/:path*",
    "/teach/:path*",
    "/join/:path*",
    // Any address with a percent-escape, to refuse the ones that do not decode.
    "/(.*%.*)",
  ],
};
