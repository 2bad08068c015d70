// Accounts, sessions, guest-to-account moves and who may call what, through
// the real route handlers on a real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const { setRole } = await import("@/lib/db/accounts");
const exerciseRoute = await import("@/app/api/exercises/[id]/route");
const attemptsRoute = await import("@/app/api/exercises/[id]/attempts/route");
const signup = await import("@/app/api/auth/signup/route");
const login = await import("@/app/api/auth/login/route");
const logout = await import("@/app/api/auth/logout/route");
const me = await import("@/app/api/auth/me/route");
const visits = await import("@/app/api/progress/visits/route");
const instructorResults = await import("@/app/api/instructor/exercises/[id]/route");
const variants = await import("@/app/api/exercises/[id]/variants/route");

const EXERCISE = "header-bytes-ack-flags";
const PASSWORD = "correct horse battery";

async function attempt(browser: Browser) {
  const view = await browser.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
  return browser.call(attemptsRoute.POST as never, `/api/exercises/${EXERCISE}/attempts`, {
    params: { id: EXERCISE },
    json: { variantSeed: view.body.variantSeed, answer: { ack: "1", flags: [] } },
  });
}

async function history(browser: Browser) {
  return (await browser.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } })).body.attempts as unknown[];
}

async function signedUp(email: string) {
  const browser = new Browser();
  const response = await browser.call(signup.POST as never, "/api/auth/signup", { json: { email, password: PASSWORD } });
  expect(response.status).toBe(201);
  return browser;
}

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

describe("sign-up", () => {
  it("creates a learner account with an httpOnly SameSite session cookie and keeps the guest's attempts", async () => {
    const browser = new Browser();
    await attempt(browser);
    await attempt(browser);
    const response = await browser.call(signup.POST as never, "/api/auth/signup", { json: { email: "Ada@Example.com ", password: PASSWORD } });
    expect(response.status).toBe(201);
    expect(response.body.user).toEqual({ email: "ada@example.com", role: "learner" });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("tcp_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect((await browser.call(me.GET as never, "/api/auth/me")).body).toEqual({ role: "learner", email: "ada@example.com" });
    expect(await history(browser)).toHaveLength(2);
  });

  it("refuses a taken email, a malformed email and a short password, saying which", async () => {
    await signedUp("taken@example.com");
    const again = await new Browser().call(signup.POST as never, "/api/auth/signup", { json: { email: "taken@example.com", password: PASSWORD } });
    expect(again.status).toBe(409);
    const bad = await new Browser().call(signup.POST as never, "/api/auth/signup", { json: { email: "not-an-email", password: "short" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.join(" ")).toMatch(/Enter an email address like you@example.com/);
    expect(bad.body.errors.join(" ")).toMatch(/Use at least 12 characters for your password/);
  });

  it("stores only a scrypt hash of the password", async () => {
    const { findUserByEmail } = await import("@/lib/db/accounts");
    await signedUp("hash@example.com");
    const user = await findUserByEmail("hash@example.com");
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);
  });
});

describe("sign-in and sign-out", () => {
  it("signs in on another browser, moves that browser's guest attempts into the account, and signs out", async () => {
    const first = await signedUp("grace@example.com");
    await attempt(first);
    const second = new Browser();
    await attempt(second); // as a guest on another device
    const wrong = await second.call(login.POST as never, "/api/auth/login", { json: { email: "grace@example.com", password: "wrong password!" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/do not match/);
    const right = await second.call(login.POST as never, "/api/auth/login", { json: { email: "grace@example.com", password: PASSWORD } });
    expect(right.status).toBe(200);
    expect(right.body.movedAttempts).toBe(1);
    expect(await history(second)).toHaveLength(2);
    expect(await history(first)).toHaveLength(2);

    await second.call(logout.POST as never, "/api/auth/logout", { json: {} });
    expect((await second.call(me.GET as never, "/api/auth/me")).body).toEqual({ role: "guest", email: null });
    expect(await history(second)).toHaveLength(0); // a fresh guest sees nothing of the account
    expect(await history(first)).toHaveLength(2); // the other browser is still signed in
  });

  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const unknown = await new Browser().call(login.POST as never, "/api/auth/login", { json: { email: "nobody@example.com", password: PASSWORD } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe("That email and password do not match an account.");
  });
});

describe("authorization: guest, learner and instructor against every route", () => {
  it("lets each role do exactly what it may", async () => {
    const guest = new Browser();
    const learner = await signedUp("learner@example.com");
    const instructor = await signedUp("teacher@example.com");
    await setRole("teacher@example.com", "instructor");
    const roles = { guest, learner, instructor } as const;

    const expectations: { route: string; call: (b: Browser) => Promise<{ status: number }>; status: Record<keyof typeof roles, number> }[] = [
      { route: "GET /api/exercises/:id", call: (b) => b.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } }), status: { guest: 200, learner: 200, instructor: 200 } },
      { route: "POST /api/exercises/:id/attempts", call: (b) => attempt(b), status: { guest: 201, learner: 201, instructor: 201 } },
      { route: "POST /api/exercises/:id/variants", call: (b) => b.call(variants.POST as never, `/api/exercises/${EXERCISE}/variants`, { json: {}, params: { id: EXERCISE } }), status: { guest: 201, learner: 201, instructor: 201 } },
      { route: "POST /api/progress/visits", call: (b) => b.call(visits.POST as never, "/api/progress/visits", { json: { lessonId: "lesson-header-fields" } }), status: { guest: 200, learner: 200, instructor: 200 } },
      { route: "GET /api/auth/me", call: (b) => b.call(me.GET as never, "/api/auth/me"), status: { guest: 200, learner: 200, instructor: 200 } },
      { route: "GET /api/instructor/exercises/:id", call: (b) => b.call(instructorResults.GET as never, `/api/instructor/exercises/${EXERCISE}`, { params: { id: EXERCISE } }), status: { guest: 401, learner: 403, instructor: 200 } },
      // Last: a guest who signs up is no longer a guest.
      { route: "POST /api/auth/signup", call: (b) => b.call(signup.POST as never, "/api/auth/signup", { json: { email: `x${Math.random()}@example.com`, password: PASSWORD } }), status: { guest: 201, learner: 409, instructor: 409 } },
    ];
    const table: string[] = [];
    for (const expectation of expectations) {
      for (const [name, browser] of Object.entries(roles)) {
        const { status } = await expectation.call(browser);
        table.push(`${expectation.route} as ${name}: ${status}`);
        expect(status, `${expectation.route} as ${name}`).toBe(expectation.status[name as keyof typeof roles]);
      }
    }
    // The guest signed up in the loop above; logout works for everyone.
    for (const browser of Object.values(roles)) expect((await browser.call(logout.POST as never, "/api/auth/logout", { json: {} })).status).toBe(200);
    expect(table.length).toBe(expectations.length * 3);
  });

  it("shows an instructor every learner's results on an exercise", async () => {
    const teacher = new Browser();
    await teacher.call(login.POST as never, "/api/auth/login", { json: { email: "teacher@example.com", password: PASSWORD } });
    const results = await teacher.call(instructorResults.GET as never, `/api/instructor/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
    expect(results.status).toBe(200);
    expect(results.body.results.some((r: { learner: string }) => r.learner === "ada@example.com")).toBe(true);
  });
});

describe("a guest cookie left from an account", () => {
  it("does not open the account's work once the session is gone", async () => {
    const browser = await signedUp("leftover@example.com");
    await attempt(browser);
    expect(await history(browser)).toHaveLength(1);
    // The session ends but the old guest cookie (the account's learner id) stays, as after an expired session.
    browser.cookies.delete("tcp_session");
    expect((await browser.call(me.GET as never, "/api/auth/me")).body.role).toBe("guest");
    expect(await history(browser)).toHaveLength(0);
    expect(browser.cookies.get("tcp_learner")).not.toBe(undefined);
  });

  it("does not let a submission sent with it answer the account's variant", async () => {
    const browser = await signedUp("leftover-submit@example.com");
    const view = await browser.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
    browser.cookies.delete("tcp_session");
    const sent = await browser.call(attemptsRoute.POST as never, `/api/exercises/${EXERCISE}/attempts`, {
      params: { id: EXERCISE },
      json: { variantSeed: view.body.variantSeed, answer: { ack: "1", flags: [] } },
    });
    // Sent as a new guest, whose variant this is not.
    expect(sent.status).toBe(409);
    await browser.call(login.POST as never, "/api/auth/login", { json: { email: "leftover-submit@example.com", password: PASSWORD } });
    expect(await history(browser)).toHaveLength(0);
  });
});
