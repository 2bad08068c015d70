import { describe, expect, it } from "vitest";
import { isJsonContentType, readJsonBody } from "@/lib/http/jsonBody";

function post(body: ReadableStream<Uint8Array> | string | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  const stream = typeof body === "string" ? new Response(body).body : body;
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method: "POST", url: "http://localhost:3000/api/x", headers: { get: (name: string) => lower.get(name) ?? null }, body: stream };
}

describe("JSON request bodies", () => {
  it("accepts exactly application/json, with at most a UTF-8 charset", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=UTF-8")).toBe(true);
    for (const bad of [null, "", "text/plain;application/json", "text/plain; application/json", "application/json-patch+json", "application/jsonp", "application/json; boundary=x", "multipart/form-data"]) {
      expect(isJsonContentType(bad), String(bad)).toBe(false);
    }
  });

  it("refuses a text/plain body that mentions application/json (what a cross-site form can send without a preflight)", async () => {
    const result = await readJsonBody(post('{"a":1}', { "content-type": "text/plain;application/json" }));
    expect(result).toMatchObject({ ok: false, status: 415 });
  });

  it("refuses by Content-Length before reading a byte", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const result = await readJsonBody(post(stream, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }));
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBeLessThanOrEqual(1); // a ReadableStream may pull once on its own when created
  });

  it("stops reading a body with no length once it passes the cap, and cancels the stream", async () => {
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await readJsonBody(post(stream), 16 * 1024);
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBeLessThan(20);
    expect(cancelled).toBe(true);
  });

  it("answers a malformed Content-Length, an empty body, bad JSON and bad UTF-8 with 400", async () => {
    expect(await readJsonBody(post("{}", { "content-type": "application/json", "content-length": "12abc" }))).toMatchObject({ status: 400 });
    expect(await readJsonBody(post(""))).toMatchObject({ status: 400, message: expect.stringMatching(/empty/) });
    expect(await readJsonBody(post("{nope"))).toMatchObject({ status: 400, message: "The request body is not valid JSON." });
    const invalidUtf8 = new Response(new Uint8Array([0x22, 0xff, 0x22])).body;
    expect(await readJsonBody(post(invalidUtf8))).toMatchObject({ status: 400, message: expect.stringMatching(/UTF-8/) });
  });

  it("refuses a body from another origin before reading it", async () => {
    const result = await readJsonBody(post("{}", { "content-type": "application/json", host: "localhost:3000", origin: "http://localhost:4000" }));
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it("parses a body within the cap", async () => {
    expect(await readJsonBody(post('{"ideaId":"x"}'))).toEqual({ ok: true, value: { ideaId: "x" } });
  });
});
