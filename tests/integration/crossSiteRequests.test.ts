// CSRF: every state-changing route, found on disk, refuses a request from
// another origin (another site, or another port of this host) before it acts,
// and one whose body is not exactly application/json.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/routeClient";
import { useFreshDatabase } from "../support/testDatabase";
import { fillPath, loadApiRoutes, STATE_CHANGING, type ApiRoute } from "../support/apiRoutes";

useFreshDatabase();
const signup = await import("@/app/api/auth/signup/route");
let routes: ApiRoute[];
const owner = new Browser();

beforeAll(async () => {
  routes = await loadApiRoutes();
  expect((await owner.call(signup.POST as never, "/api/auth/signup", { json: { email: "csrf-owner@example.com", password: "correct horse battery" } })).status).toBe(201);
}, 60_000);

function cookieHeader(browser: Browser) {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

describe("requests from another origin", () => {
  it("are refused with 403 by every state-changing route, for a signed-in learner, from another site or another port", async () => {
    const checked: string[] = [];
    for (const route of routes) {
      for (const method of STATE_CHANGING) {
        const handler = route.handlers[method];
        if (!handler) continue;
        const params = Object.fromEntries(route.params.map((name) => [name, "x"]));
        for (const [origin, site] of [["http://localhost:4000", "same-site"], ["https://evil.example", "cross-site"], ["http://localhost:4000", undefined]] as const) {
          const headers: Record<string, string> = { host: "localhost:3000", origin, cookie: cookieHeader(owner), "content-type": "application/json" };
          if (site) headers["sec-fetch-site"] = site;
          const request = new NextRequest(`http://localhost:3000${fillPath(route.pattern, params)}`, { method, headers, body: "{}" });
          const response = await handler(request, { params: Promise.resolve(params) });
          expect(response.status, `${method} ${route.pattern} from ${origin} (${site})`).toBe(403);
          expect(response.headers.getSetCookie(), `${method} ${route.pattern} sets no cookie`).toEqual([]);
        }
        checked.push(`${method} ${route.pattern}`);
      }
    }
    expect(checked).toContain("POST /api/auth/logout");
    expect(checked).toContain("POST /api/auth/signup");
    expect(checked).toContain("POST /api/exercises/[id]/variants");
    expect(checked.length).toBeGreaterThan(20);
  }, 120_000);

  it("signs nobody out when a form on another page posts to logout, and keeps the guest's cookie", async () => {
    const { POST } = await import("@/app/api/auth/logout/route");
    const request = new NextRequest("http://localhost:3000/api/auth/logout", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "http://localhost:4000", "sec-fetch-site": "same-site", "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(owner) },
      body: "",
    });
    const response = await POST(request);
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("refuses logout and another variant from this origin unless the request says application/json", async () => {
    const { POST: logout } = await import("@/app/api/auth/logout/route");
    const { POST: variants } = await import("@/app/api/exercises/[id]/variants/route");
    for (const type of ["text/plain", "text/plain;application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const headers = { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": type, cookie: cookieHeader(owner) };
      expect((await logout(new NextRequest("http://localhost:3000/api/auth/logout", { method: "POST", headers, body: "" }))).status, type).toBe(415);
      const variant = await variants(new NextRequest("http://localhost:3000/api/exercises/x/variants", { method: "POST", headers, body: "" }), { params: Promise.resolve({ id: "x" }) });
      expect(variant.status, type).toBe(415);
    }
  });

  it("refuses a same-origin body whose type only mentions application/json, on every route that reads a body", async () => {
    for (const route of routes) {
      for (const method of ["POST", "PATCH", "PUT"]) {
        const handler = route.handlers[method];
        if (!handler) continue;
        const params = Object.fromEntries(route.params.map((name) => [name, "x"]));
        const request = new NextRequest(`http://localhost:3000${fillPath(route.pattern, params)}`, {
          method,
          headers: { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "text/plain;application/json", cookie: cookieHeader(owner) },
          body: "{}",
        });
        const response = await handler(request, { params: Promise.resolve(params) });
        // 415, or an earlier 4xx for a route that acts without a body (404: no class "x" of yours).
        expect(response.status, `${method} ${route.pattern}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${route.pattern}`).toBeLessThan(500);
        expect([201, 200]).not.toContain(response.status);
      }
    }
  }, 120_000);
});
