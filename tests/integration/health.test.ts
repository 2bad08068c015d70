// The health check: 200 when the database answers, 503 with a message when it
// does not; the liveness route answers without touching the database.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";

const file = useFreshDatabase();
const health = await import("@/app/api/health/route");
const live = await import("@/app/api/health/live/route");

describe("GET /api/health", () => {
  it("answers 200 with the database reachable after a round trip to it", async () => {
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "reachable" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with a clear message and Retry-After when the database cannot be opened, and the liveness route still answers 200", async () => {
    // Replace the database file by a directory: SQLite can no longer open it.
    fs.rmSync(file, { force: true });
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.mkdirSync(file);
    const { prisma } = await import("@/lib/db/client");
    await prisma.$disconnect();
    const response = await health.GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, database: "unreachable" });
    expect(body.message).toMatch(/database did not answer/);
    expect(response.headers.get("retry-after")).toBe("5");
    const liveResponse = live.GET();
    expect(liveResponse.status).toBe(200);
    expect(await liveResponse.json()).toEqual({ ok: true });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
