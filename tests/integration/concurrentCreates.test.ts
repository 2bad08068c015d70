// Double clicks, two tabs, two app processes: the same "create it unless it
// exists" request arriving several times at once. On PostgreSQL two of them
// could both see nothing and both insert, and the loser's unique violation was
// a 500. Each must now answer as a single request would, storing one row.
import { beforeAll, describe, expect, it } from "vitest";
import { instructor, PASSWORD, signedUp } from "../support/accountFixtures";
import { Browser } from "../support/routeClient";
import { testSql, useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { createUser } = await import("@/lib/db/accounts");
const { recordInterviewAnswer, recordInterviewClaim } = await import("@/lib/db/interview");
const { recordIdeaClaim } = await import("@/lib/db/attempts");
const signup = await import("@/app/api/auth/signup/route");
const visits = await import("@/app/api/progress/visits/route");
const classesRoute = await import("@/app/api/classes/route");
const classRoute = await import("@/app/api/classes/[classId]/route");
const joinRoute = await import("@/app/api/classes/join/route");
const invitationsRoute = await import("@/app/api/classes/[classId]/invitations/route");

const TIMES = 6;

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-one", slug: "one", title: "One", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    [{ id: "exercise-one", lessonId: "lesson-one", kind: "explain", title: "Why three segments?", position: 1 }],
  );
});

async function createClass(owner: Browser): Promise<{ id: string; code: string }> {
  const created = await owner.call(classesRoute.POST as never, "/api/classes", { json: { name: "Networks 101", term: "Fall 2026", timeZone: "UTC" } });
  expect(created.status).toBe(201);
  const id = created.body.class.id as string;
  const detail = await owner.call(classRoute.GET as never, `/api/classes/${id}`, { params: { classId: id } });
  return { id, code: detail.body.class.joinCode };
}

/** The statuses of `TIMES` copies of one request sent at once. */
async function atOnce(send: () => Promise<{ status: number }>): Promise<number[]> {
  return (await Promise.all(Array.from({ length: TIMES }, send))).map((response) => response.status);
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await testSql<{ n: number | string }>(sql, params);
  return Number(row!.n);
}

describe("the same request several times at once", () => {
  // Passed before the others were fixed too: Prisma runs this upsert (it updates lastReadAt) as one statement.
  it("records a lesson visit once when the page reports it from several tabs at once", async () => {
    const browser = new Browser();
    // A first request gives the browser its guest cookie, as a first page view would.
    expect((await browser.call(visits.POST as never, "/api/progress/visits", { json: { lessonId: "lesson-one" } })).status).toBeLessThan(300);
    await testSql(`DELETE FROM "LessonVisit"`);
    const statuses = await atOnce(() => browser.call(visits.POST as never, "/api/progress/visits", { json: { lessonId: "lesson-one" } }));
    expect(statuses.every((status) => status < 300), String(statuses)).toBe(true);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "LessonVisit"`, [])).toBe(1);
  });

  it("joins a class once when the Join button is clicked several times", async () => {
    const { id, code } = await createClass(await instructor("join-owner@example.com"));
    const student = await signedUp("double-click@example.com");
    const statuses = await atOnce(() => student.call(joinRoute.POST as never, "/api/classes/join", { json: { code } }));
    expect(statuses.every((status) => status < 300), String(statuses)).toBe(true);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "Membership" WHERE "classId" = ? AND "role" = 'student'`, [id])).toBe(1);
  });

  it("invites a co-instructor once when the invitation is sent several times", async () => {
    const owner = await instructor("invite-owner@example.com");
    const { id } = await createClass(owner);
    const statuses = await atOnce(() =>
      owner.call(invitationsRoute.POST as never, `/api/classes/${id}/invitations`, { json: { email: "co@example.com" }, params: { classId: id } }),
    );
    expect(statuses.every((status) => status < 300), String(statuses)).toBe(true);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "Invitation" WHERE "classId" = ?`, [id])).toBe(1);
  });

  it("makes an invited co-instructor a member once when several of their tabs open the class list at once", async () => {
    const owner = await instructor("accept-owner@example.com");
    const { id } = await createClass(owner);
    const invited = await owner.call(invitationsRoute.POST as never, `/api/classes/${id}/invitations`, { json: { email: "tabs@example.com" }, params: { classId: id } });
    expect(invited.status).toBeLessThan(300);
    // Signed up before the invitation, so the invitation waits for their next visit.
    await testSql(`UPDATE "Invitation" SET "email" = ? WHERE "classId" = ?`, ["tabs-later@example.com", id]);
    const colleague = await signedUp("tabs-later@example.com");
    await testSql(`UPDATE "Invitation" SET "acceptedAt" = NULL WHERE "classId" = ?`, [id]);
    await testSql(`DELETE FROM "Membership" WHERE "classId" = ? AND "role" = 'co-instructor'`, [id]);
    const statuses = await atOnce(() => colleague.call(classesRoute.GET as never, "/api/classes"));
    expect(statuses.every((status) => status < 300), String(statuses)).toBe(true);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "Membership" WHERE "classId" = ? AND "role" = 'co-instructor'`, [id])).toBe(1);
  });

  it("creates one account when the sign-up form is sent several times, answering the others that the email is taken", async () => {
    const statuses = await atOnce(() => new Browser().call(signup.POST as never, "/api/auth/signup", { json: { email: "twice@example.com", password: PASSWORD } }));
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => status === 201 || (status >= 400 && status < 500)), String(statuses)).toBe(true);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "User" WHERE "email" = ?`, ["twice@example.com"])).toBe(1);
  });

  it("stores one interview claim when 'I did cover this' is clicked several times", async () => {
    await testSql(`INSERT INTO "Learner" ("id") VALUES (?)`, ["claimer"]);
    const stored = await recordInterviewAnswer({ learnerId: "claimer", questionId: "q", answer: "text", score: 0.5, result: "{}" });
    const results = await Promise.allSettled(Array.from({ length: TIMES }, () => recordInterviewClaim(stored.id, "lost-final-ack")));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "InterviewClaim" WHERE "answerId" = ?`, [stored.id])).toBe(1);
  });

  it("stores one claim when 'I did say this' on an exercise's rubric idea is clicked several times", async () => {
    await testSql(`INSERT INTO "Learner" ("id") VALUES (?)`, ["explainer"]);
    await testSql(
      `INSERT INTO "Attempt" ("id", "learnerId", "exerciseId", "variantSeed", "answer", "score", "feedback", "credited", "hintsUsed", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ["attempt-claimed", "explainer", "exercise-one", 1, '"text"', 0.5, "{}", 1, 0, "2026-12-01T00:00:00.000+00:00"],
    );
    const results = await Promise.allSettled(Array.from({ length: TIMES }, () => recordIdeaClaim("attempt-claimed", "isn-both-sides")));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "IdeaClaim" WHERE "attemptId" = ?`, ["attempt-claimed"])).toBe(1);
  });

  it("creates one account from the same sign-up reaching the database at the same instant, the others told the email is taken", async () => {
    const results = await Promise.all(
      Array.from({ length: TIMES }, () => createUser({ email: "instant@example.com", passwordHash: "x", role: "learner", guestLearnerId: "guest-instant" })),
    );
    expect(results.filter((user) => user !== undefined)).toHaveLength(1);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "User" WHERE "email" = ?`, ["instant@example.com"])).toBe(1);
  });
});
