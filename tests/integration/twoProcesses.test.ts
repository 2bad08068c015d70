// Two app processes behind one (imagined) balancer, on one PostgreSQL: both
// migrate the empty database at the same moment (the runner's advisory lock
// lets one do it), then a session made on one works on the other, and the
// sign-in throttle and the submission limit count requests on both. Starts
// the real server (scripts/start.mjs: builds first if the build is stale).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SKIP_WITHOUT_POSTGRES, createEmptyDatabase, postgresTestUrl } from "../support/postgres";

const PORTS = [Number(process.env.TWO_PROCESS_PORT ?? 3261), Number(process.env.TWO_PROCESS_PORT ?? 3261) + 1];
const PASSWORD = "correct horse battery";
const children: ChildProcess[] = [];
let stopping = false;
let databaseUrl = "";

function run(args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: path.resolve("."), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  child.on("exit", (code) => {
    if (code && !stopping) console.error(`${label} exited ${code}:\n${log.slice(-3000)}`);
  });
  (child as ChildProcess & { log: () => string }).log = () => log;
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", resolve)));

async function healthy(port: number, deadline: number) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app on port ${port} did not become healthy`);
}

async function post(port: number, route: string, body: unknown, cookie = "", address = "192.0.2.10") {
  const origin = `http://127.0.0.1:${port}`;
  const response = await fetch(`${origin}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie, "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), cookies: response.headers.getSetCookie(), body: await response.json().catch(() => null) };
}

const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");

describe.skipIf(!postgresTestUrl)(`two app processes on one PostgreSQL ${postgresTestUrl ? "" : SKIP_WITHOUT_POSTGRES}`, () => {
  beforeAll(async () => {
    databaseUrl = await createEmptyDatabase(postgresTestUrl!);
    const env = { DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
    // Both migrate at once, as two processes started together by systemd would.
    const migrations = [0, 1].map((i) => run(["scripts/prepare-db.mjs", "--migrate-only"], env, `prepare-db ${i}`));
    expect(await Promise.all(migrations.map(exited))).toEqual([0, 0]);
    // The first builds if it must; the second starts once the build is there.
    const serverEnv = (port: number) => ({ ...env, PORT: String(port), TRUST_PROXY_HOPS: "1" });
    run(["scripts/start.mjs"], serverEnv(PORTS[0]!), `app on ${PORTS[0]}`);
    await healthy(PORTS[0]!, Date.now() + 600_000);
    run(["scripts/start.mjs"], serverEnv(PORTS[1]!), `app on ${PORTS[1]}`);
    await healthy(PORTS[1]!, Date.now() + 120_000);
  }, 720_000);

  afterAll(async () => {
    stopping = true;
    for (const child of children) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    }
  });

  it("applied each migration exactly once although both processes migrated at the same moment", async () => {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT "name", COUNT(*)::int AS "n" FROM "_migrations" GROUP BY "name"`);
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);
  });

  it("a session made on one process is signed in on the other", async () => {
    const email = `two-${Date.now()}@example.com`;
    const made = await post(PORTS[0]!, "/api/auth/signup", { email, password: PASSWORD });
    expect(made.status).toBe(201);
    const cookie = cookieHeader(made.cookies);
    const me = await fetch(`http://127.0.0.1:${PORTS[1]}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ email });
  });

  it("counts sign-in failures on both processes: 3 on one and 2 on the other lock the account on both, right password included", async () => {
    const email = `locked-${Date.now()}@example.com`;
    expect((await post(PORTS[0]!, "/api/auth/signup", { email, password: PASSWORD })).status).toBe(201);
    const statuses: number[] = [];
    for (const port of [PORTS[0]!, PORTS[1]!, PORTS[0]!, PORTS[1]!, PORTS[0]!]) statuses.push((await post(port, "/api/auth/login", { email, password: "wrong password!" })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await post(PORTS[1]!, "/api/auth/login", { email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect((await post(PORTS[0]!, "/api/auth/login", { email, password: PASSWORD })).status).toBe(429);
  });

  it("counts a learner's submissions on both processes: 10 on each, then the 21st is refused on either", async () => {
    const email = `submits-${Date.now()}@example.com`;
    const cookie = cookieHeader((await post(PORTS[0]!, "/api/auth/signup", { email, password: PASSWORD })).cookies);
    const exercise = "header-bytes-ack-flags";
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await post(PORTS[i % 2]!, `/api/exercises/${exercise}/variants`, {}, cookie)).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const refused = await post(PORTS[1]!, `/api/exercises/${exercise}/variants`, {}, cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });
});
