// The gradebook on a real SQLite file: its scores are assignmentResult's for
// seeded attempts (before opening, over the limit, best, last, late accepted
// and refused, uncredited), gradebook.csv and attempts.csv parse as RFC 4180
// and agree with it, and only the class's instructors get them.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../support/csvParse";
import { Browser } from "../support/routeClient";
import { testSql, useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const { findUserByEmail, setRole } = await import("@/lib/db/accounts");
const { addMember, createAssignment, createClass } = await import("@/lib/db/classes");
const { classGradebook } = await import("@/lib/teaching/classExports");
const { assignmentResult } = await import("@/lib/teaching/assignmentScore");
const { learnerAttemptsOn, publishedAssignments } = await import("@/lib/db/gradebook");
const signup = await import("@/app/api/auth/signup/route");
const gradebookCsvRoute = await import("@/app/teach/classes/[id]/gradebook.csv/route");
const attemptsCsvRoute = await import("@/app/teach/classes/[id]/attempts.csv/route");

const PASSWORD = "correct horse battery";
const NUMERIC = "header-fields-data-offset"; // lesson 1, numeric
const CHOICE = "header-fields-syn-only-options"; // lesson 1, multiple choice
const TEXT = "header-fields-why-pseudo-header"; // lesson 1, explain-why
const day = (d: number, h = 12) => new Date(Date.UTC(2026, 11, d, h));

async function signedUp(email: string) {
  const browser = new Browser();
  const response = await browser.call(signup.POST as never, "/api/auth/signup", { json: { email, password: PASSWORD } });
  expect(response.status).toBe(201);
  const user = (await findUserByEmail(email))!;
  return { browser, userId: user.id, learnerId: user.learnerId };
}

/** A route that answers text (the CSVs): the Browser helper reads JSON. */
async function get(browser: Browser | null, handler: unknown, url: string, id: string) {
  const headers: Record<string, string> = browser ? { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {};
  const response = await (handler as (r: NextRequest, c: { params: Promise<{ id: string }> }) => Promise<Response>)(new NextRequest(`http://localhost:3000${url}`, { headers }), {
    params: Promise.resolve({ id }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString("utf8") };
}

let seq = 0;
/** Seeds an attempt with a chosen time, as lib/db would store it (Prisma's DateTime text). */
async function insertAttempt(learnerId: string, exerciseId: string, score: number, at: Date, options: { credited?: boolean; answer?: unknown; feedback?: unknown } = {}) {
  await testSql(`INSERT INTO "Attempt" ("id","learnerId","exerciseId","variantSeed","answer","score","feedback","credited","hintsUsed","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?)`, [
    `seeded-${++seq}`,
    learnerId,
    exerciseId,
    1,
    JSON.stringify(options.answer ?? { value: String(score) }),
    score,
    JSON.stringify(options.feedback ?? { summary: score >= 1 ? "Right." : "Not quite.", items: score >= 1 ? [] : [{ label: "Data offset", correct: false, message: "Counts 32-bit words." }], solution: "s" }),
    options.credited === false ? 0 : 1,
    0,
    at.toISOString().replace("Z", "+00:00"),
  ]);
}

const people: Record<string, Awaited<ReturnType<typeof signedUp>>> = {};
let classId = "";
let otherClassId = "";

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
  for (const name of ["owner", "co", "ann", "bob", "cat", "other-student", "other-teacher", "learner"]) people[name] = await signedUp(`${name}@example.com`);
  await setRole("owner@example.com", "instructor");
  await setRole("other-teacher@example.com", "instructor");
  classId = (await createClass(people.owner!.userId, { name: "Networks, \"101\"", term: "Fall 2026", timeZone: "Europe/Berlin", joinCode: "GRADEBK1" })).id;
  otherClassId = (await createClass(people["other-teacher"]!.userId, { name: "Other", term: "Fall 2026", timeZone: "UTC", joinCode: "GRADEBK2" })).id;
  await addMember(classId, people.co!.userId, "co-instructor");
  for (const s of ["ann", "bob", "cat"]) await addMember(classId, people[s]!.userId, "student");
  await addMember(otherClassId, people["other-student"]!.userId, "student");

  // Week 1: best of the first 2 attempts, nothing after the due time.
  await createAssignment(classId, { title: "Week 1", opensAt: day(1, 0), dueAt: day(8, 0), maxAttempts: 2, counts: "best", latePolicy: "refuse", exerciseIds: [NUMERIC, CHOICE], published: true });
  // Week 2: the last attempt counts, late work accepted (and marked).
  await createAssignment(classId, { title: "Week 2, =late", opensAt: day(8, 0), dueAt: day(15, 0), maxAttempts: null, counts: "last", latePolicy: "accept", exerciseIds: [NUMERIC, TEXT], published: true });
  await createAssignment(classId, { title: "Draft", opensAt: day(1, 0), dueAt: day(30, 0), maxAttempts: null, counts: "best", latePolicy: "refuse", exerciseIds: [CHOICE], published: false });

  const ann = people.ann!.learnerId;
  const bob = people.bob!.learnerId;
  await insertAttempt(ann, NUMERIC, 1, day(0)); // before Week 1 opens: not counted there
  await insertAttempt(ann, NUMERIC, 0, day(2));
  await insertAttempt(ann, NUMERIC, 0.5, day(3));
  await insertAttempt(ann, NUMERIC, 1, day(4)); // third attempt: over Week 1's limit of 2
  await insertAttempt(ann, CHOICE, 1, day(9)); // after Week 1's due time: refused
  await insertAttempt(ann, NUMERIC, 1, day(10)); // Week 2, on time
  await insertAttempt(ann, NUMERIC, 0, day(11)); // Week 2 counts the last one: 0
  await insertAttempt(ann, TEXT, 1, day(16), { answer: { text: "=HYPERLINK(\"http://x\",\"y\"), the addresses, \"quoted\"\nand a new line" } }); // late, accepted
  await insertAttempt(bob, CHOICE, 1, day(2), { credited: false }); // after seeing the answer: counts 0
  await insertAttempt(bob, NUMERIC, 1, day(3));
  await insertAttempt(people["other-student"]!.learnerId, NUMERIC, 1, day(3)); // not in this class
});

describe("gradebook scores", () => {
  it("are assignmentResult's for every student and published assignment", async () => {
    const now = new Date();
    const gradebook = await classGradebook(classId, now);
    const assignments = await publishedAssignments(classId);
    expect(gradebook.assignments.map((a) => a.title)).toEqual(["Week 1", "Week 2, =late"]); // the draft is not graded
    expect(gradebook.rows.map((r) => r.student.email)).toEqual(["ann@example.com", "bob@example.com", "cat@example.com"]);
    for (const row of gradebook.rows) {
      for (const [index, assignment] of assignments.entries()) {
        const attempts = await learnerAttemptsOn(row.student.learnerId, assignment.exerciseIds);
        const expected = assignmentResult(assignment, assignment.exerciseIds, attempts, now);
        expect(row.cells[index], `${row.student.email} ${assignment.title}`).toMatchObject({ score: expected.score, late: expected.late, status: expected.status });
      }
    }
  });

  it("apply opening, limit, best, last, late and credit as the policies say", async () => {
    const gradebook = await classGradebook(classId);
    const cells = Object.fromEntries(gradebook.rows.map((r) => [r.student.email, r.cells]));
    // ann, Week 1: numeric best of (0, 0.5) = 0.5 (the 1 before opening and the 1 over the limit do not count); choice after due: 0.
    expect(cells["ann@example.com"]![0]).toMatchObject({ score: 0.25, late: false });
    // ann, Week 2: numeric last = 0; text late but accepted = 1, marked late.
    expect(cells["ann@example.com"]![1]).toMatchObject({ score: 0.5, late: true });
    // bob, Week 1: numeric 1, choice uncredited = 0.
    expect(cells["bob@example.com"]![0]).toMatchObject({ score: 0.5, late: false });
    expect(cells["cat@example.com"]![0]).toMatchObject({ score: 0, counted: 0 });
    expect(gradebook.rows.find((r) => r.student.email === "ann@example.com")!.total).toBe(0.375);
  });
});

describe("CSV exports", () => {
  it("gradebook.csv: UTF-8 with BOM, CRLF, one row per student, one column per published assignment and the total, matching the gradebook", async () => {
    const response = await get(people.owner!.browser, gradebookCsvRoute.GET, `/teach/classes/${classId}/gradebook.csv`, classId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Networks-101-Fall-2026-gradebook.csv"');
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(response.text.slice(1));
    expect(rows[0]).toEqual(["student", "Week 1 (%)", "Week 2, =late (%)", "total (%)"]);
    const gradebook = await classGradebook(classId);
    expect(rows.slice(1)).toEqual(
      gradebook.rows.map((r) => [r.student.email, ...r.cells.map((c) => String(Math.round(c.score * 10000) / 100)), String(Math.round(r.total * 10000) / 100)]),
    );
    expect(rows[1]).toEqual(["ann@example.com", "25", "50", "37.5"]);
  });

  it("attempts.csv: one row per attempt per assignment, counted and late under its policy, answers as given and formula-guarded", async () => {
    const response = await get(people.co!.browser, attemptsCsvRoute.GET, `/teach/classes/${classId}/attempts.csv`, classId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="Networks-101-Fall-2026-attempts.csv"/);
    const [header, ...rows] = parseCsv(response.text.slice(1));
    expect(header).toEqual(["student", "assignment", "exercise id", "exercise", "time (UTC)", "time (class zone)", "score (%)", "credited", "counted", "late", "answer"]);
    const col = (name: string) => header!.indexOf(name);
    const annWeek1Numeric = rows.filter((r) => r[0] === "ann@example.com" && r[1] === "Week 1" && r[2] === NUMERIC);
    // Week 1 lists every numeric attempt of ann's, in time order, with the policy's verdict.
    expect(annWeek1Numeric.map((r) => [r[col("score (%)")], r[col("counted")], r[col("late")]])).toEqual([
      ["100", "no", "no"],
      ["0", "yes", "no"],
      ["50", "yes", "no"],
      ["100", "no", "no"],
      ["100", "no", "yes"],
      ["0", "no", "yes"],
    ]);
    expect(annWeek1Numeric[1]![col("time (UTC)")]).toBe("2026-12-02T12:00:00.000Z");
    expect(annWeek1Numeric[1]![col("time (class zone)")]).toBe("2026-12-02T13:00:00+01:00");
    // The assignment title starts with "=" only after "Week 2, ", so it is left alone; the answer starting with "=" is guarded.
    const late = rows.find((r) => r[2] === TEXT)!;
    expect(late[1]).toBe("Week 2, =late");
    expect(late[col("late")]).toBe("yes");
    expect(late[col("counted")]).toBe("yes");
    expect(late[col("answer")]).toBe("'=HYPERLINK(\"http://x\",\"y\"), the addresses, \"quoted\" and a new line");
    const bobChoice = rows.find((r) => r[0] === "bob@example.com" && r[2] === CHOICE)!;
    expect(bobChoice[col("credited")]).toBe("no");
    expect(rows.some((r) => r[0] === "other-student@example.com")).toBe(false);
    expect(rows.some((r) => r[1] === "Draft")).toBe(false);
    // Each counted attempt of the CSV is one the gradebook scored: ann's Week 2 numeric counted ones are both (last counts).
    expect(rows.filter((r) => r[0] === "ann@example.com" && r[1] === "Week 2, =late" && r[2] === NUMERIC && r[col("counted")] === "yes")).toHaveLength(2);
  });
});

describe("who may download", () => {
  it("refuses a guest, a learner, a student of the class, a student and an instructor of another class; lets the owner and co-instructor in", async () => {
    const expectations: [string, Browser | null, number][] = [
      ["guest", null, 401],
      ["learner", people.learner!.browser, 404],
      ["student of the class", people.ann!.browser, 403],
      ["student of another class", people["other-student"]!.browser, 404],
      ["instructor of another class", people["other-teacher"]!.browser, 404],
      ["co-instructor", people.co!.browser, 200],
      ["owner", people.owner!.browser, 200],
    ];
    for (const [route, handler] of [
      ["gradebook.csv", gradebookCsvRoute.GET],
      ["attempts.csv", attemptsCsvRoute.GET],
    ] as const) {
      for (const [who, browser, status] of expectations) {
        const response = await get(browser, handler, `/teach/classes/${classId}/${route}`, classId);
        expect(response.status, `${route} as ${who}`).toBe(status);
        if (status !== 200) expect(JSON.parse(response.text).message, `${route} as ${who}`).toMatch(/^[A-Z].+\.$/);
      }
    }
    // A class that does not exist reads like one you are not in.
    expect((await get(people.owner!.browser, gradebookCsvRoute.GET, "/teach/classes/nope/gradebook.csv", "nope")).status).toBe(404);
  });
});
