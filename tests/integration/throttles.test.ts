// Sign-in throttling (per account and per address, with backoff) and the
// join-code guard, through the real route handlers and the shared Throttle
// table: what two app processes would share (tests/integration/twoProcesses
// runs that for real).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";

useFreshDatabase();
process.env.TRUST_PROXY_HOPS = "1";
const signup = await import("@/app/api/auth/signup/route");
const login = await import("@/app/api/auth/login/route");
const { createJoinGuard } = await import("@/lib/http/joinLimit");
const { countInWindow, countThenThrottle, countThenThrottleGate } = await import("@/lib/db/throttles");
const { withLimitedExerciseRecords } = await import("@/lib/db/attempts");
const { slidingWindow } = await import("@/lib/http/limitPolicies");
const { prisma } = await import("@/lib/db/client");

const PASSWORD = "correct horse battery";
const WRONG_MESSAGE = "That email and password do not match an account.";
let n = 0;
const freshEmail = (tag: string) => `${tag}-${++n}-${Date.now()}@example.com`;

async function signIn(email: string, password: string, address = "198.51.100.1") {
  const request = new NextRequest("http://localhost:3000/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ email, password }),
  });
  const response = await login.POST(request);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { message: string } };
}

async function account() {
  const email = freshEmail("learner");
  expect((await new Browser().call(signup.POST as never, "/api/auth/signup", { json: { email, password: PASSWORD } })).status).toBe(201);
  return email;
}

describe("sign-in throttling", () => {
  it("after 5 wrong passwords answers 429 with Retry-After, and refuses even the right password while it lasts", async () => {
    const email = await account();
    for (let i = 0; i < 5; i++) expect(await signIn(email, `wrong password ${i}`)).toMatchObject({ status: 401, body: { message: WRONG_MESSAGE } });
    const locked = await signIn(email, "wrong password 6");
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(25);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(30);
    expect(locked.body.message).toMatch(/^Too many sign-in attempts; wait \d+ s and try again\.$/);
    const right = await signIn(email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.message).toBe(locked.body.message.replace(/\d+ s/, `${right.retryAfter} s`));
  });

  it("locks an email without an account exactly like one with an account: the same answers, in the same order", async () => {
    const known = await account();
    const unknown = freshEmail("nobody");
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const reply = await signIn(email, `wrong password ${i}`);
        out.push(`${reply.status} ${reply.body.message.replace(/\d+ s/, "N s")}`);
      }
      return out;
    };
    const forKnown = await answers(known);
    expect(await answers(unknown)).toEqual(forKnown);
    expect(forKnown.slice(5)).toEqual(["429 Too many sign-in attempts; wait N s and try again.", "429 Too many sign-in attempts; wait N s and try again."]);
  });

  it("starts the count over after a right password: 4 wrong, right, 4 wrong is never locked", async () => {
    const email = await account();
    for (let i = 0; i < 4; i++) expect((await signIn(email, `wrong password ${i}`)).status).toBe(401);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(email, `wrong password ${i}`)).status).toBe(401);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it("counts 5 guesses sent at once as 5: a burst cannot slip past the lock", async () => {
    const email = await account();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(email, `parallel guess ${i}`)));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(5);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it("throttles one address spraying many accounts after 50 failed tries, whatever the email; another address is unaffected", async () => {
    const sprayer = "203.0.113.66";
    for (let i = 0; i < 50; i++) expect((await signIn(freshEmail("spray"), "wrong password", `6.6.6.6, ${sprayer}`)).status).toBe(401);
    const blocked = await signIn(freshEmail("spray"), "wrong password", `1.1.1.1, ${sprayer}`);
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).not.toBeNull();
    // The left entries are the client's own claims; only the proxy's (rightmost) counts.
    const email = await account();
    expect((await signIn(email, PASSWORD, `${sprayer}, 203.0.113.7`)).status).toBe(200);
  }, 120_000);
});

describe("guessing join codes (counted in the database)", () => {
  it("blocks a learner after 10 wrong codes and an address after 30, for ten minutes", async () => {
    let time = 1_000_000;
    const guard = createJoinGuard({ perLearner: 10, perAddress: 30, now: () => time });
    const learner = `learner-${Date.now()}`;
    for (let i = 0; i < 10; i++) expect(await guard.recordFailure(learner, "10.9.0.1")).toBe(0);
    expect(await guard.retryAfter(learner, "10.9.0.1")).toBe(600);
    expect(await guard.retryAfter(learner, "10.9.0.2")).toBe(600); // the learner, from anywhere
    expect(await guard.recordFailure(learner, "10.9.0.1")).toBe(600);
    // Other learners on the same address go on until the address has 30 failures.
    for (let i = 0; i < 20; i++) expect(await guard.recordFailure(`${learner}-${i}`, "10.9.0.1")).toBe(0);
    expect(await guard.retryAfter(`${learner}-new`, "10.9.0.1")).toBeGreaterThan(0);
    expect(await guard.retryAfter(`${learner}-new`, "10.9.0.3")).toBe(0);
    time += 10 * 60_000 + 1;
    expect(await guard.retryAfter(learner, "10.9.0.1")).toBe(0);
  });
});

describe("per-address counting (one statement per request)", () => {
  it("of 40 requests sent at once, allows exactly the limit (25) in a window and refuses the rest until the window ends, then allows again", async () => {
    const start = 50_000_000; // a window boundary for 10 s windows
    const replies = await Promise.all(Array.from({ length: 40 }, () => countInWindow("test:address:192.0.2.5", 25, 10_000, start + 2_000)));
    expect(replies.filter((r) => r.allowed)).toHaveLength(25);
    expect(replies.filter((r) => !r.allowed)).toEqual(Array(15).fill({ allowed: false, retryAfterSeconds: 8 }));
    expect(await countInWindow("test:address:192.0.2.6", 25, 10_000, start + 2_000)).toEqual({ allowed: true });
    expect(await countInWindow("test:address:192.0.2.5", 25, 10_000, start + 10_000)).toEqual({ allowed: true });
  });

  it("stores the window's end as a time the sweep can compare", async () => {
    await countInWindow("test:address:192.0.2.7", 5, 10_000, 70_000_000);
    const row = await prisma.throttle.findFirst({ where: { key: { startsWith: "test:address:192.0.2.7@" } } });
    expect(row?.expiresAt.toISOString()).toBe(new Date(70_010_000).toISOString());
    expect(await prisma.throttle.count({ where: { key: row!.key, expiresAt: { lt: new Date(70_010_001) } } })).toBe(1);
    expect(await prisma.throttle.count({ where: { key: row!.key, expiresAt: { lt: new Date(70_009_999) } } })).toBe(0);
  });
});

describe("an address's counter and a learner's limit in one transaction", () => {
  const perLearner = slidingWindow({ limit: 3, windowMs: 10_000 });
  const check = (address: string, learner: string, at: number) =>
    countThenThrottle({ key: `test:both:${address}`, limit: 5, windowMs: 10_000 }, [{ key: `test:both:learner:${learner}`, policy: perLearner }], at);

  it("refuses a learner's fourth request but still counts it against the address, whose limit then refuses everyone on it", async () => {
    const at = 90_001_000;
    for (let i = 0; i < 3; i++) expect(await check("192.0.2.20", "ann", at + i)).toEqual({ allowed: true });
    expect(await check("192.0.2.20", "ann", at + 3)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    // The address has counted 4; one more from another learner is its 5th, then it is full.
    expect(await check("192.0.2.20", "bob", at + 4)).toEqual({ allowed: true });
    expect(await check("192.0.2.20", "cat", at + 5)).toEqual({ allowed: false, retryAfterSeconds: 9 });
    // A learner refused by the address was not counted: cat still has all 3 elsewhere.
    for (let i = 0; i < 3; i++) expect(await check("192.0.2.21", "cat", at + 10 + i)).toEqual({ allowed: true });
    expect(await check("192.0.2.21", "cat", at + 20)).toMatchObject({ allowed: false });
  });

  it("of 12 requests from one learner sent at once, allows exactly 3", async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => check("192.0.2.22", "dee", 91_001_000)));
    expect(replies.filter((r) => r.allowed)).toHaveLength(3);
  });
});

describe("limits counted in a submission's own transaction", () => {
  const perLearner = slidingWindow({ limit: 2, windowMs: 10_000 });
  const gate = (address: string, learner: string, at: number) =>
    countThenThrottleGate({ key: `test:gate:${address}`, limit: 3, windowMs: 10_000 }, [{ key: `test:gate:learner:${learner}`, policy: perLearner }], at);
  const learnerRow = (id: string) => prisma.learner.findUnique({ where: { id } });
  let worked = 0;
  const work = () => {
    worked += 1;
    return { result: "looked" };
  };

  it("lets the learner's work run while both limits allow, and counts it like countThenThrottle does", async () => {
    const at = 92_001_000;
    const learner = `gate-${Date.now()}-a`;
    worked = 0;
    for (let i = 0; i < 2; i++) expect(await withLimitedExerciseRecords(gate("192.0.2.30", learner, at + i), learner, "any-exercise", work)).toMatchObject({ result: "looked" });
    expect(worked).toBe(2);
    expect(await learnerRow(learner)).not.toBeNull();
    // The learner's third: refused by its own limit, without running the work; the address still counted it (its 3rd).
    expect(await withLimitedExerciseRecords(gate("192.0.2.30", learner, at + 2), learner, "any-exercise", work)).toEqual({ limited: { allowed: false, retryAfterSeconds: 10 } });
    expect(worked).toBe(2);
    expect(await countInWindow("test:gate:192.0.2.30", 3, 10_000, at + 3)).toMatchObject({ allowed: false });
  });

  it("a submission the address refuses runs nothing, writes nothing (not even the learner's row) and leaves the learner's limit untouched", async () => {
    const at = 93_001_000;
    for (let i = 0; i < 3; i++) await countInWindow("test:gate:192.0.2.31", 3, 10_000, at);
    const learner = `gate-${Date.now()}-b`;
    worked = 0;
    expect(await withLimitedExerciseRecords(gate("192.0.2.31", learner, at + 1), learner, "any-exercise", work)).toEqual({ limited: { allowed: false, retryAfterSeconds: 9 } });
    expect(worked).toBe(0);
    expect(await learnerRow(learner)).toBeNull();
    expect(await prisma.throttle.findUnique({ where: { key: `test:gate:learner:${learner}` } })).toBeNull();
    // Elsewhere the learner still has both of its submissions.
    for (let i = 0; i < 2; i++) expect(await withLimitedExerciseRecords(gate("192.0.2.32", learner, at + 2 + i), learner, "any-exercise", work)).toMatchObject({ result: "looked" });
  });

  it("of 8 submissions from one learner sent at once, lets exactly 2 run", async () => {
    const learner = `gate-${Date.now()}-c`;
    worked = 0;
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => withLimitedExerciseRecords(gate(`192.0.2.33`, learner, 94_001_000), learner, "any-exercise", work)));
    expect(outcomes.filter((o) => "result" in o)).toHaveLength(2);
    expect(worked).toBe(2);
  });
});
