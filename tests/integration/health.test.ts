// The health check: 200 when the database answers, 503 with a message when it
// does not; the liveness route answers without touching the database.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { urlForDatabase, withAdmin } from "../support/postgres";
import { testDialect, useFreshDatabase } from "../support/testDatabase";

const target = useFreshDatabase();
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
    await loseTheDatabase();
    const response = await health.GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, database: "unreachable" });
    expect(body.message).toMatch(/database did not answer/);
    expect(response.headers.get("retry-after")).toBe("5");
    const liveResponse = live.GET();
    expect(liveResponse.status).toBe(200);
    expect(await liveResponse.json()).toEqual({ ok: true });
    if (testDialect === "sqlite") fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });
});

/** The database vanishes under the running app, as when its disk or server goes away. */
async function loseTheDatabase() {
  if (testDialect === "postgresql") {
    // Dropped WITH (FORCE): the pool's open connections are cut, and a new one finds no database.
    const name = new URL(target).pathname.slice(1);
    await withAdmin(urlForDatabase(target, "postgres"), (admin) => admin.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    return;
  }
  // Replace the database file by a directory: SQLite can no longer open it.
  fs.rmSync(target, { force: true });
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.mkdirSync(target);
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
}
