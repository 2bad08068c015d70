import { describe, expect, it } from "vitest";
import { appOrigin, checkRequestOrigin } from "@/lib/http/origin";

function request(method: string, headers: Record<string, string>, url = "http://localhost:3000/api/auth/logout") {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, url, headers: { get: (name: string) => lower.get(name.toLowerCase()) ?? null } };
}

const host = { host: "localhost:3000" };

describe("cross-site request forgery", () => {
  it("lets a same-origin page's POST through", () => {
    expect(checkRequestOrigin(request("POST", { ...host, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).toEqual({ ok: true });
  });

  it("refuses a page of another site, and of another port on the same host (same-site but cross-origin)", () => {
    for (const headers of [
      { ...host, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { ...host, origin: "http://localhost:4000", "sec-fetch-site": "same-site" },
      { ...host, origin: "http://localhost:4000" }, // an older browser without Fetch Metadata
      { ...host, "sec-fetch-site": "same-site" }, // Fetch Metadata alone
      { ...host, origin: "null" }, // a sandboxed frame
      { ...host, "sec-fetch-site": "none" },
    ]) {
      const verdict = checkRequestOrigin(request("POST", headers));
      expect(verdict.ok, JSON.stringify(headers)).toBe(false);
    }
  });

  it("judges DELETE and PATCH like POST, and never a GET", () => {
    const foreign = { ...host, origin: "http://localhost:4000", "sec-fetch-site": "same-site" };
    expect(checkRequestOrigin(request("DELETE", foreign)).ok).toBe(false);
    expect(checkRequestOrigin(request("PATCH", foreign)).ok).toBe(false);
    expect(checkRequestOrigin(request("GET", foreign)).ok).toBe(true);
  });

  it("lets a program's request with neither header through (it carries no victim's cookies by accident)", () => {
    expect(checkRequestOrigin(request("POST", host)).ok).toBe(true);
  });

  it("compares with APP_ORIGIN when the app runs behind a proxy that rewrites Host", () => {
    const behindProxy = request("POST", { host: "127.0.0.1:3000", origin: "https://tcp.example.org", "sec-fetch-site": "same-origin" }, "http://127.0.0.1:3000/api/x");
    expect(checkRequestOrigin(behindProxy, {}).ok).toBe(false);
    expect(checkRequestOrigin(behindProxy, { APP_ORIGIN: "https://tcp.example.org/" }).ok).toBe(true);
    expect(appOrigin("http://127.0.0.1:3000/", { get: () => "localhost:443" }, { APP_ORIGIN: "https://TCP.example.org:443" })).toBe("https://tcp.example.org");
  });
});
