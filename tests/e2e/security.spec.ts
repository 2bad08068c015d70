// Security findings of issue 14, in Chromium against the built app: a page on
// another port of this host (same site, another origin) can neither sign a
// guest out nor create an account bound to the guest's work; static pages are
// the same bytes for everyone and set no cookie; a new visitor's parallel first
// API calls end with one learner; every response carries the security headers,
// and no page trips its Content-Security-Policy.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const appOrigin = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

/** Serves one HTML page from another port of the same host: same site, other origin. */
async function attackerPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function learnerCookie(page: Page) {
  return (await page.context().cookies(appOrigin)).find((c) => c.name === "tcp_learner")?.value;
}

test("a form on another port of this host cannot sign a guest out or wipe their identity", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  await expect.poll(() => learnerCookie(page)).toBeTruthy();
  const before = await learnerCookie(page);
  const attacker = await attackerPage(`<!doctype html><form method="post" action="${appOrigin}/api/auth/logout" enctype="text/plain"><input name='{"a":"' value='"}'></form><script>document.forms[0].submit()</script>`);
  try {
    const refused = page.waitForResponse((r) => r.url() === `${appOrigin}/api/auth/logout`);
    await page.goto(attacker.url);
    expect((await refused).status()).toBe(403);
  } finally {
    await attacker.close();
  }
  expect(await learnerCookie(page)).toBe(before);
});

test("a page on another port of this host cannot create an account bound to a guest's work", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  await expect.poll(() => learnerCookie(page)).toBeTruthy();
  const email = `victim-${Date.now()}@example.com`;
  const attacker = await attackerPage(`<!doctype html><script>
    fetch("${appOrigin}/api/auth/signup", { method: "POST", mode: "no-cors", credentials: "include",
      headers: { "Content-Type": "text/plain;application/json" }, body: JSON.stringify({ email: "${email}", password: "attacker knows this one" }) });
  </script>`);
  try {
    const refused = page.waitForResponse((r) => r.url() === `${appOrigin}/api/auth/signup`);
    await page.goto(attacker.url);
    expect((await refused).status()).toBe(403);
  } finally {
    await attacker.close();
  }
  // No such account: signing in with the attacker's password fails.
  const login = await page.request.post("/api/auth/login", { data: { email, password: "attacker knows this one" } });
  expect(login.status()).toBe(401);
});

test("a lesson page is the same bytes for every visitor, sets no cookie, and its parallel first API calls end with one learner", async ({ browser, request }) => {
  const first = await request.get("/lessons/three-way-handshake", { headers: { cookie: "" } });
  const second = await request.get("/lessons/three-way-handshake", { headers: { cookie: "" } });
  expect(first.headers()["set-cookie"]).toBeUndefined();
  expect(await first.text()).toBe(await second.text());

  const context = await browser.newContext();
  const page = await context.newPage();
  const minted: string[] = [];
  const sentCookies = new Set<string>();
  const seen: Promise<void>[] = [];
  page.on("response", (response) => {
    // allHeaders(): headers() leaves Set-Cookie out.
    seen.push(
      response
        .allHeaders()
        .then((headers) => {
          if (headers["set-cookie"]?.includes("tcp_learner=")) minted.push(new URL(response.url()).pathname);
        })
        // A response (a prefetch) still arriving as the context closes, after the check below, cannot be read.
        .catch(() => undefined),
    );
  });
  page.on("request", async (apiRequest) => {
    const url = new URL(apiRequest.url());
    if (!url.pathname.startsWith("/api/") || url.pathname === "/api/learner") return;
    const cookie = (await apiRequest.allHeaders()).cookie ?? "";
    sentCookies.add(/tcp_learner=([^;]+)/.exec(cookie)?.[1] ?? "none");
  });
  await page.goto("/lessons/three-way-handshake");
  // Seven exercises load their variants at once, beside the header's and the progress calls.
  const exercises = page.locator("[id^=exercise-]");
  await expect(exercises).toHaveCount(7);
  for (const exercise of await exercises.all()) await expect(exercise.locator("form")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await Promise.all(seen);
  expect(minted).toEqual(["/api/learner"]);
  const cookie = (await context.cookies()).find((c) => c.name === "tcp_learner")!.value;
  expect([...sentCookies]).toEqual([cookie]);
  await context.close();
});

test("pages, API replies and static files carry the security headers; HSTS only over HTTPS", async ({ request }) => {
  const page = await request.get("/lessons/three-way-handshake");
  const html = await page.text();
  const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
  const responses = {
    "static page": page,
    "dynamic page": await request.get("/dashboard"),
    "API reply": await request.get("/api/progress"),
    "static file": await request.get(script),
  };
  for (const [what, response] of Object.entries(responses)) {
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).not.toContain("unsafe-eval");
    expect(/script-src[^;]*'unsafe-inline'/.test(csp), what).toBe(false);
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], what).toContain("camera=()");
    expect(headers["strict-transport-security"], what).toBeUndefined();
  }
  expect(responses["static page"].headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  expect(responses["dynamic page"].headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  const overHttps = await request.get("/lessons", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});

test("every page the build prerendered carries its hash policy and runs no proxy; every other page gets a fresh nonce", async ({ request }) => {
  // The build's own account of its pages, so a page added later is checked too.
  const build = path.resolve(import.meta.dirname, "../../.next");
  const routes = Object.entries(JSON.parse(fs.readFileSync(path.join(build, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>);
  const pages = routes.filter(([file]) => file.endsWith("/page")).map(([, route]) => route);
  const prerendered = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(build, "prerender-manifest.json"), "utf8")).routes));
  const checked: string[] = [];
  for (const route of pages) {
    if (route.startsWith("/_")) continue; // Next's own error pages
    // A dynamic segment takes a value the build prerendered if it has one (the lessons), else a
    // made-up one: the proxy runs before the page finds out it does not exist.
    const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
    const address = [...prerendered].find((p) => pattern.test(p)) ?? route.replace(/\[[^\]]+\]/g, "x");
    const first = await request.get(address, { maxRedirects: 0 });
    const csp = first.headers()["content-security-policy"] ?? "";
    if (prerendered.has(address)) {
      expect(csp, address).toMatch(/script-src 'self' 'sha256-/);
      expect(csp, address).not.toContain("nonce-");
    } else {
      const second = await request.get(address, { maxRedirects: 0 });
      expect(csp, `${address} is rendered per request, so the proxy must give it a nonce`).toMatch(/script-src 'self' 'nonce-/);
      expect(second.headers()["content-security-policy"], address).not.toBe(csp);
    }
    checked.push(address);
  }
  expect(checked).toEqual(expect.arrayContaining(["/", "/lessons", "/dashboard", "/teach/classes/x/gradebook"]));
});

test("a page that does not exist is a 404 whose inline scripts its policy allows", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Lessons" }).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("an address with malformed percent-encoding is a 400, not a 500", async ({ request }) => {
  for (const path of ["/api/exercises/%ZZ", "/api/exercises/%ZZ/attempts", "/lessons/%E0%A4%A", "/api/interview/mocks/%ED%A0%80"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
  }
});

test("a NUL character (%00) in an address's id is a 400 from the API and a 404 page, not a 500", async ({ request }) => {
  for (const path of ["/api/review/cards/%00", "/api/interview/mocks/a%00b", "/api/exercises/%00"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).message, path).toMatch(/NUL character/);
  }
  expect((await request.get("/interview/mock/%00")).status()).toBe(404);
});

test("no page trips its Content-Security-Policy: lessons with widgets and exercises, the dashboard, the what-if page", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of ["/", "/lessons", "/lessons/three-way-handshake", "/lessons/syn-flood", "/lessons/time-wait", "/dashboard", "/interview/what-if", "/review", "/signup"]) {
    await page.goto(path);
    // The header asks who is signed in once its script runs: proof the page's scripts ran.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    const hydrated = page.locator("[data-hydrated]");
    for (const widget of await hydrated.all()) await expect(widget).toHaveAttribute("data-hydrated", "true");
  }
  await page.goto("/lessons/three-way-handshake");
  await expect(page.locator("[id^=exercise-] form").first()).toBeVisible();
  expect(violations).toEqual([]);
});
