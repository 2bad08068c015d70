// Classes and assignments through the real route handlers on a real SQLite
// file: who may call what (every route × every role), bad input refused with
// a sentence, joining, invitations, and a student's results.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";
import { instructor, PASSWORD, signedUp } from "../support/accountFixtures";
import { Browser } from "../support/routeClient";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const signup = await import("@/app/api/auth/signup/route");
const login = await import("@/app/api/auth/login/route");
const exerciseRoute = await import("@/app/api/exercises/[id]/route");
const attemptsRoute = await import("@/app/api/exercises/[id]/attempts/route");
const classesRoute = await import("@/app/api/classes/route");
const joinRoute = await import("@/app/api/classes/join/route");
const classRoute = await import("@/app/api/classes/[classId]/route");
const joinCodeRoute = await import("@/app/api/classes/[classId]/join-code/route");
const invitationsRoute = await import("@/app/api/classes/[classId]/invitations/route");
const invitationRoute = await import("@/app/api/classes/[classId]/invitations/[invitationId]/route");
const memberRoute = await import("@/app/api/classes/[classId]/members/[userId]/route");
const leaveRoute = await import("@/app/api/classes/[classId]/leave/route");
const assignmentsRoute = await import("@/app/api/classes/[classId]/assignments/route");
const assignmentRoute = await import("@/app/api/classes/[classId]/assignments/[assignmentId]/route");
const publishRoute = await import("@/app/api/classes/[classId]/assignments/[assignmentId]/publish/route");
const previewRoute = await import("@/app/api/classes/[classId]/preview/[exerciseId]/route");

const EXERCISE = "header-bytes-ack-flags";
const OTHER_EXERCISE = "header-fields-syn-only-options";

type Response = { status: number; body: any };
type Handler = Parameters<Browser["call"]>[0];

const call = (b: Browser, handler: unknown, url: string, init: { method?: string; json?: unknown; params?: Record<string, string> } = {}): Promise<Response> =>
  b.call(handler as Handler, url, init);

async function createClass(owner: Browser, name = "Networks 101"): Promise<{ id: string; code: string }> {
  const created = await call(owner, classesRoute.POST, "/api/classes", { json: { name, term: "Fall 2026", timeZone: "America/New_York" } });
  expect(created.status).toBe(201);
  const id = created.body.class.id as string;
  const detail = await call(owner, classRoute.GET, `/api/classes/${id}`, { params: { classId: id } });
  return { id, code: detail.body.class.joinCode };
}

async function join(b: Browser, code: string): Promise<Response> {
  return call(b, joinRoute.POST, "/api/classes/join", { json: { code } });
}

const assignmentBody = (over: object = {}) => ({
  title: "Week 1: the header",
  exerciseIds: [EXERCISE, OTHER_EXERCISE],
  opensAt: "2026-01-01T00:00",
  dueAt: "2099-12-31T23:59",
  maxAttempts: 3,
  counts: "best",
  latePolicy: "refuse",
  ...over,
});

async function createAssignment(b: Browser, classId: string, published = false): Promise<string> {
  const created = await call(b, assignmentsRoute.POST, `/api/classes/${classId}/assignments`, { json: { ...assignmentBody(), published }, params: { classId } });
  expect(created.status).toBe(201);
  return created.body.assignment.id;
}

async function userIdOf(owner: Browser, classId: string, email: string): Promise<string> {
  const detail = await call(owner, classRoute.GET, `/api/classes/${classId}`, { params: { classId } });
  return detail.body.roster.find((m: { email: string }) => m.email === email).userId;
}

let emailCounter = 0;
const freshEmail = (what: string) => `${what}-${++emailCounter}@example.com`;

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

describe("authorization: every class route against every role", () => {
  it("lets each role do exactly what it may", async () => {
    const owner = await instructor("owner@example.com");
    const otherInstructor = await instructor("other-teacher@example.com");
    const student = await signedUp("student@example.com");
    const otherStudent = await signedUp("other-student@example.com");
    const outsider = await signedUp("outsider@example.com");
    const guest = new Browser();
    const classB = await createClass(otherInstructor, "Another class");
    expect((await join(otherStudent, classB.code)).status).toBe(201);

    // The co-instructor is invited before they have an account and gains the role on sign-up.
    const classA = await createClass(owner);
    expect((await call(owner, invitationsRoute.POST, `/api/classes/${classA.id}/invitations`, { json: { email: "co@example.com" }, params: { classId: classA.id } })).status).toBe(201);
    const coInstructor = await signedUp("co@example.com");
    expect((await join(student, classA.code)).status).toBe(201);

    const roles = { guest, outsider, student, otherStudent, coInstructor, owner, otherInstructor };
    type Role = keyof typeof roles;

    /** A class like A with the same members, for rows that change or delete it. */
    async function freshClassA(): Promise<string> {
      const fresh = await createClass(owner, "Throwaway");
      await call(owner, invitationsRoute.POST, `/api/classes/${fresh.id}/invitations`, { json: { email: "co@example.com" }, params: { classId: fresh.id } });
      await call(coInstructor, classesRoute.GET, "/api/classes"); // already signed in: accepted on their next visit
      expect((await join(student, fresh.code)).status).toBe(201);
      return fresh.id;
    }

    const A = classA.id;
    const draft = await createAssignment(owner, A, false);
    const published = await createAssignment(owner, A, true);
    const toggled = await createAssignment(owner, A, false);
    const p = (extra: Record<string, string> = {}) => ({ classId: A, ...extra });

    // Status per role, in the order guest, outsider, student, otherStudent, coInstructor, owner, otherInstructor.
    const S = (...codes: number[]) => Object.fromEntries(Object.keys(roles).map((role, i) => [role, codes[i]])) as Record<Role, number>;
    const rows: { route: string; call: (b: Browser) => Promise<Response>; status: Record<Role, number> }[] = [
      { route: "GET /api/classes", call: (b) => call(b, classesRoute.GET, "/api/classes"), status: S(401, 200, 200, 200, 200, 200, 200) },
      { route: "POST /api/classes", call: (b) => call(b, classesRoute.POST, "/api/classes", { json: { name: "Mine", term: "T", timeZone: "UTC" } }), status: S(401, 403, 403, 403, 403, 201, 201) },
      { route: "GET /api/classes/:id", call: (b) => call(b, classRoute.GET, `/api/classes/${A}`, { params: p() }), status: S(401, 404, 200, 404, 200, 200, 404) },
      { route: "PATCH /api/classes/:id", call: (b) => call(b, classRoute.PATCH, `/api/classes/${A}`, { method: "PATCH", json: { term: "Spring 2027" }, params: p() }), status: S(401, 404, 403, 404, 200, 200, 404) },
      { route: "POST /api/classes/:id/join-code", call: (b) => call(b, joinCodeRoute.POST, `/api/classes/${A}/join-code`, { method: "POST", params: p() }), status: S(401, 404, 403, 404, 403, 201, 404) },
      { route: "POST /api/classes/:id/invitations", call: (b) => call(b, invitationsRoute.POST, `/api/classes/${A}/invitations`, { json: { email: freshEmail("invitee") }, params: p() }), status: S(401, 404, 403, 404, 403, 201, 404) },
      {
        route: "DELETE /api/classes/:id/invitations/:invitationId",
        call: async (b) => {
          const invited = await call(owner, invitationsRoute.POST, `/api/classes/${A}/invitations`, { json: { email: freshEmail("withdrawn") }, params: p() });
          return call(b, invitationRoute.DELETE, `/api/classes/${A}/invitations/${invited.body.invitation.id}`, { method: "DELETE", params: p({ invitationId: invited.body.invitation.id }) });
        },
        status: S(401, 404, 403, 404, 403, 200, 404),
      },
      {
        route: "DELETE /api/classes/:id/members/:studentId",
        call: async (b) => {
          const email = freshEmail("removed");
          const victim = await signedUp(email);
          const code = (await call(owner, classRoute.GET, `/api/classes/${A}`, { params: p() })).body.class.joinCode;
          await join(victim, code);
          const userId = await userIdOf(owner, A, email);
          return call(b, memberRoute.DELETE, `/api/classes/${A}/members/${userId}`, { method: "DELETE", params: p({ userId }) });
        },
        status: S(401, 404, 403, 404, 200, 200, 404),
      },
      {
        route: "DELETE /api/classes/:id/members/:coInstructorId",
        call: async (b) => {
          const id = await freshClassA();
          const userId = await userIdOf(owner, id, "co@example.com");
          return call(b, memberRoute.DELETE, `/api/classes/${id}/members/${userId}`, { method: "DELETE", params: { classId: id, userId } });
        },
        status: S(401, 404, 403, 404, 403, 200, 404),
      },
      { route: "GET /api/classes/:id/assignments", call: (b) => call(b, assignmentsRoute.GET, `/api/classes/${A}/assignments`, { params: p() }), status: S(401, 404, 200, 404, 200, 200, 404) },
      { route: "POST /api/classes/:id/assignments", call: (b) => call(b, assignmentsRoute.POST, `/api/classes/${A}/assignments`, { json: assignmentBody(), params: p() }), status: S(401, 404, 403, 404, 201, 201, 404) },
      { route: "GET /api/classes/:id/assignments/:draft", call: (b) => call(b, assignmentRoute.GET, `/api/classes/${A}/assignments/${draft}`, { params: p({ assignmentId: draft }) }), status: S(401, 404, 404, 404, 200, 200, 404) },
      { route: "GET /api/classes/:id/assignments/:published", call: (b) => call(b, assignmentRoute.GET, `/api/classes/${A}/assignments/${published}`, { params: p({ assignmentId: published }) }), status: S(401, 404, 200, 404, 200, 200, 404) },
      { route: "PATCH /api/classes/:id/assignments/:id", call: (b) => call(b, assignmentRoute.PATCH, `/api/classes/${A}/assignments/${draft}`, { method: "PATCH", json: assignmentBody({ title: "Renamed" }), params: p({ assignmentId: draft }) }), status: S(401, 404, 403, 404, 200, 200, 404) },
      {
        route: "DELETE /api/classes/:id/assignments/:id",
        call: async (b) => {
          const id = await createAssignment(owner, A);
          return call(b, assignmentRoute.DELETE, `/api/classes/${A}/assignments/${id}`, { method: "DELETE", params: p({ assignmentId: id }) });
        },
        status: S(401, 404, 403, 404, 200, 200, 404),
      },
      { route: "POST /api/classes/:id/assignments/:id/publish", call: (b) => call(b, publishRoute.POST, `/api/classes/${A}/assignments/${toggled}/publish`, { method: "POST", params: p({ assignmentId: toggled }) }), status: S(401, 404, 403, 404, 200, 200, 404) },
      { route: "DELETE /api/classes/:id/assignments/:id/publish", call: (b) => call(b, publishRoute.DELETE, `/api/classes/${A}/assignments/${toggled}/publish`, { method: "DELETE", params: p({ assignmentId: toggled }) }), status: S(401, 404, 403, 404, 200, 200, 404) },
      { route: "GET /api/classes/:id/preview/:exerciseId", call: (b) => call(b, previewRoute.GET, `/api/classes/${A}/preview/${EXERCISE}`, { params: p({ exerciseId: EXERCISE }) }), status: S(401, 404, 403, 404, 200, 200, 404) },
      {
        route: "POST /api/classes/:id/leave",
        call: async (b) => {
          const id = await freshClassA();
          return call(b, leaveRoute.POST, `/api/classes/${id}/leave`, { method: "POST", params: { classId: id } });
        },
        status: S(401, 404, 200, 404, 200, 403, 404),
      },
      {
        route: "DELETE /api/classes/:id",
        call: async (b) => {
          const id = await freshClassA();
          return call(b, classRoute.DELETE, `/api/classes/${id}`, { method: "DELETE", params: { classId: id } });
        },
        status: S(401, 404, 403, 404, 403, 200, 404),
      },
      // Joining: everyone signed in may join with a right code (instructors of the class stay instructors).
      {
        route: "POST /api/classes/join",
        call: async (b) => {
          const code = (await call(owner, classRoute.GET, `/api/classes/${A}`, { params: p() })).body.class.joinCode;
          return join(b, code);
        },
        status: S(401, 201, 200, 201, 200, 200, 201),
      },
    ];

    const failures: string[] = [];
    for (const row of rows) {
      for (const [name, browser] of Object.entries(roles) as [Role, Browser][]) {
        const { status, body } = await row.call(browser);
        if (status !== row.status[name]) failures.push(`${row.route} as ${name}: ${status} (expected ${row.status[name]}) ${JSON.stringify(body)?.slice(0, 160)}`);
        if (status >= 400) expect(typeof body?.message, `${row.route} as ${name} says why`).toBe("string");
      }
    }
    expect(failures).toEqual([]);
  });

  it("never shows a student the roster, the join code or drafts, and never another student's results", async () => {
    const owner = await instructor(freshEmail("teacher"));
    const student = await signedUp(freshEmail("student"));
    const { id, code } = await createClass(owner);
    await join(student, code);
    await createAssignment(owner, id, false);
    const published = await createAssignment(owner, id, true);
    const view = await call(student, classRoute.GET, `/api/classes/${id}`, { params: { classId: id } });
    expect(view.status).toBe(200);
    expect(view.body.roster).toBeUndefined();
    expect(view.body.class.joinCode).toBeUndefined();
    expect(view.body.assignments.map((a: { id: string }) => a.id)).toEqual([published]);
    const list = await call(student, assignmentsRoute.GET, `/api/classes/${id}/assignments`, { params: { classId: id } });
    expect(list.body.assignments.map((a: { id: string }) => a.id)).toEqual([published]);
  });
});

describe("bad input gets a 4xx with a sentence", () => {
  let owner: Browser;
  let classId: string;
  beforeAll(async () => {
    owner = await instructor(freshEmail("strict-teacher"));
    classId = (await createClass(owner)).id;
  });

  const expectRefused = (response: Response, status: number, pattern: RegExp) => {
    expect(response.status).toBe(status);
    expect(`${response.body.message} ${(response.body.errors ?? []).join(" ")}`).toMatch(pattern);
  };

  it("refuses a 10 KB class name and a time zone that is not IANA", async () => {
    expectRefused(await call(owner, classesRoute.POST, "/api/classes", { json: { name: "x".repeat(10 * 1024), term: "Fall", timeZone: "UTC" } }), 400, /name: at most 120 characters/);
    expectRefused(await call(owner, classesRoute.POST, "/api/classes", { json: { name: "Networks", term: "Fall", timeZone: "Moon/Tranquility" } }), 400, /timeZone: not an IANA time zone/);
    expectRefused(await call(owner, classesRoute.POST, "/api/classes", { json: { name: "Networks", term: "Fall", timeZone: "+02:00" } }), 400, /timeZone/);
    expectRefused(await call(owner, classRoute.PATCH, `/api/classes/${classId}`, { method: "PATCH", json: {}, params: { classId } }), 400, /at least one of name, term, timeZone/);
  });

  it("refuses a due time before the opening and an exercise that does not exist", async () => {
    const url = `/api/classes/${classId}/assignments`;
    expectRefused(await call(owner, assignmentsRoute.POST, url, { json: assignmentBody({ opensAt: "2026-11-10T09:00", dueAt: "2026-11-09T09:00" }), params: { classId } }), 400, /due time must come after the opening/);
    expectRefused(await call(owner, assignmentsRoute.POST, url, { json: assignmentBody({ exerciseIds: [EXERCISE, "no-such-exercise"] }), params: { classId } }), 400, /no exercise with id "no-such-exercise"/);
    expectRefused(await call(owner, assignmentsRoute.POST, url, { json: assignmentBody({ dueAt: "next friday" }), params: { classId } }), 400, /dueAt: .*not a date and time/);
    expectRefused(await call(owner, previewRoute.GET, `/api/classes/${classId}/preview/nope`, { params: { classId, exerciseId: "nope" } }), 404, /no exercise/);
    expectRefused(await call(owner, assignmentRoute.GET, `/api/classes/${classId}/assignments/nope`, { params: { classId, assignmentId: "nope" } }), 404, /no such assignment/);
  });

  it("needs Content-Type application/json exactly, and JSON", async () => {
    const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const send = async (contentType: string, body: string) => {
      const request = new NextRequest("http://localhost:3000/api/classes", { method: "POST", headers: { cookie, "content-type": contentType }, body });
      const response = await classesRoute.POST(request);
      return { status: response.status, body: await response.json() } as Response;
    };
    const json = JSON.stringify({ name: "Networks", term: "Fall", timeZone: "UTC" });
    expectRefused(await send("text/plain", json), 415, /Content-Type: application\/json/);
    expectRefused(await send("text/plain; application/json", json), 415, /application\/json/);
    expectRefused(await send("application/json", "{name:"), 400, /not valid JSON/);
    expect((await send("application/json; charset=utf-8", json)).status).toBe(201);
  });

  it("refuses unknown and replaced join codes, and a guest", async () => {
    const learner = await signedUp(freshEmail("joiner"));
    const { id, code } = await createClass(owner, "Codes");
    expectRefused(await join(learner, "ZZZZ-ZZZZ"), 404, /No class has this join code/);
    expectRefused(await join(learner, "not a code"), 404, /No class has this join code/);
    const renewed = await call(owner, joinCodeRoute.POST, `/api/classes/${id}/join-code`, { method: "POST", params: { classId: id } });
    expect(renewed.body.joinCode).not.toBe(code);
    expectRefused(await join(learner, code), 404, /an old code stops working/);
    expect((await join(learner, renewed.body.joinCode.toLowerCase())).status).toBe(201);
    expectRefused(await join(new Browser(), renewed.body.joinCode), 401, /Sign in/);
  });

  it("stops a learner guessing join codes after 10 wrong ones", async () => {
    const guesser = await signedUp(freshEmail("guesser"));
    const owner2 = await instructor(freshEmail("teacher"));
    const { code } = await createClass(owner2, "Guarded");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await join(guesser, `ABCD${String(2222 + i).replace(/[01]/g, "2")}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even the right code is refused while blocked.
    const right = await join(guesser, code);
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(/Too many wrong join codes/);
  });
});

describe("members, invitations and results", () => {
  it("turns an invitation into a co-instructor role when an existing account signs in, never demoting the owner", async () => {
    const owner = await instructor(freshEmail("owner"));
    const colleagueEmail = freshEmail("colleague");
    await signedUp(colleagueEmail);
    const { id } = await createClass(owner);
    await call(owner, invitationsRoute.POST, `/api/classes/${id}/invitations`, { json: { email: colleagueEmail.toUpperCase() }, params: { classId: id } });
    const colleague = new Browser();
    await call(colleague, login.POST, "/api/auth/login", { json: { email: colleagueEmail, password: PASSWORD } });
    const mine = await call(colleague, classesRoute.GET, "/api/classes");
    expect(mine.body.classes).toEqual([expect.objectContaining({ id, role: "co-instructor" })]);
    const ownerEmail = (await call(owner, classRoute.GET, `/api/classes/${id}`, { params: { classId: id } })).body.roster[0];
    expect(ownerEmail.role).toBe("owner");
    const ownerId = ownerEmail.userId;
    const removeOwner = await call(owner, memberRoute.DELETE, `/api/classes/${id}/members/${ownerId}`, { method: "DELETE", params: { classId: id, userId: ownerId } });
    expect(removeOwner.status).toBe(403);
  });

  it("scores a student's attempts on a published assignment from the stored attempts, and keeps them after they leave", async () => {
    const owner = await instructor(freshEmail("owner"));
    const student = await signedUp(freshEmail("student"));
    const { id, code } = await createClass(owner);
    await join(student, code);
    const assignmentId = await createAssignment(owner, id, true);
    const get = () => call(student, assignmentRoute.GET, `/api/classes/${id}/assignments/${assignmentId}`, { params: { classId: id, assignmentId } });
    expect((await get()).body.result.status).toBe("not-started");

    const view = await call(student, exerciseRoute.GET, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
    const answer = exercises.find((e) => e.id === EXERCISE)!.correctAnswer(view.body.variantSeed);
    const attempt = await call(student, attemptsRoute.POST, `/api/exercises/${EXERCISE}/attempts`, { json: { variantSeed: view.body.variantSeed, answer }, params: { id: EXERCISE } });
    expect(attempt.status).toBe(201);
    const after = (await get()).body.result;
    expect(after.status).toBe("in-progress");
    expect(after.score).toBe(0.5); // one of two exercises solved
    expect(after.items[0]).toMatchObject({ exerciseId: EXERCISE, score: 1, solved: true });

    expect((await call(student, leaveRoute.POST, `/api/classes/${id}/leave`, { method: "POST", params: { classId: id } })).status).toBe(200);
    expect((await get()).status).toBe(404);
    const history = await call(student, exerciseRoute.GET, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
    expect(history.body.attempts).toHaveLength(1);
  });
});
