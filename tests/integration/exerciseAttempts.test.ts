// Grading and persistence through the real route handlers, on a real SQLite file.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { testSql, useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const { GET } = await import("@/app/api/exercises/[id]/route");
const { POST } = await import("@/app/api/exercises/[id]/attempts/route");
const { headerBytesAckFlags } = await import("@/lib/exercises/kinds/headerBytesAckFlags");

const EXERCISE = "header-bytes-ack-flags";
const origin = "http://localhost:3000";

function context(id: string) {
  return { params: Promise.resolve({ id }) };
}

/** The learner id inside a signed guest cookie ("tcp_learner=<uuid>.<mac>"). */
function learnerIdOf(cookie: string): string {
  return cookie.split("=")[1]!.split(".")[0]!;
}

function cookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = /tcp_learner=([^;]+)/.exec(header);
  if (!match) throw new Error(`no learner cookie in ${header}`);
  return `tcp_learner=${match[1]}`;
}

async function view(cookie?: string, id = EXERCISE) {
  const response = await GET(new NextRequest(`${origin}/api/exercises/${id}`, { headers: cookie ? { cookie } : {} }), context(id));
  return { response, body: await response.json() };
}

async function submit(cookie: string, body: unknown, init: { contentType?: string; raw?: string } = {}, id = EXERCISE) {
  const request = new NextRequest(`${origin}/api/exercises/${id}/attempts`, {
    method: "POST",
    headers: { cookie, "content-type": init.contentType ?? "application/json" },
    body: init.raw ?? JSON.stringify(body),
  });
  const response = await POST(request, context(id));
  return { response, body: await response.json() };
}

async function attemptRows() {
  return testSql<{ learnerId: string; exerciseId: string; variantSeed: number; answer: string; score: number; feedback: string; createdAt: unknown }>(
    `SELECT "learnerId", "exerciseId", "variantSeed", "answer", "score", "feedback", "createdAt" FROM "Attempt" ORDER BY "createdAt"`,
  );
}

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

describe("exercise attempts", () => {
  it("gives a new visitor an anonymous httpOnly learner cookie and a variant without its answer", async () => {
    const { response, body } = await view();
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/tcp_learner=[0-9a-f-]{36}\.[\w-]{43}/);
    expect(setCookie.toLowerCase()).toContain("httponly");
    expect(setCookie.toLowerCase()).toContain("samesite=lax");
    const answer = headerBytesAckFlags.correctAnswer(body.variantSeed) as { ack: string };
    // A SYN's acknowledgment field is 0, a digit found in any text; larger values must not appear.
    if (answer.ack.length >= 5) expect(JSON.stringify(body)).not.toContain(answer.ack);
    expect(JSON.stringify(body)).not.toMatch(/correctAnswer|acknowledgment number is the 32 bits/);
    expect(body.current.solution).toBeNull();
    expect(body.attempts).toEqual([]);
  });

  it("grades a submission on the server, stores it, and lists it on the next visit", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const seed = first.body.variantSeed as number;
    const wrong = { ack: "1", flags: ["syn"] };
    const graded = await submit(cookie, { variantSeed: seed, answer: wrong });
    expect(graded.response.status).toBe(201);
    expect(graded.body.attempt.score).toBeLessThan(1);
    // a wrong answer gets feedback about the mistake, never the worked solution
    expect(graded.body.attempt.feedback.solution).toBeUndefined();
    expect(JSON.stringify(graded.body)).not.toMatch(/acknowledgment number is the 32 bits/);

    const rows = (await attemptRows()).filter((row) => row.learnerId === learnerIdOf(cookie));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ exerciseId: EXERCISE, variantSeed: seed, answer: JSON.stringify(wrong), score: graded.body.attempt.score });
    expect(JSON.parse(rows[0]!.feedback).items).toHaveLength(2);

    const again = await view(cookie);
    expect(again.body.variantSeed).toBe(seed); // unsolved: the same variant after a reload
    expect(again.body.attempts).toHaveLength(1);
    expect(again.body.attempts[0].answer).toEqual(wrong);
    expect(again.body.attempts[0].feedback.solution).toBeUndefined();
  });

  it("moves the learner to a fresh variant once they solve the current one", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const seed = first.body.variantSeed as number;
    const solved = await submit(cookie, { variantSeed: seed, answer: headerBytesAckFlags.correctAnswer(seed) });
    expect(solved.body.attempt.score).toBe(1);
    expect(solved.body.attempt.feedback.solution).toMatch(/acknowledgment number is the 32 bits/);
    expect(solved.body.nextVariantSeed).not.toBe(seed);
    const stale = await submit(cookie, { variantSeed: seed, answer: headerBytesAckFlags.correctAnswer(seed) });
    expect(stale.response.status).toBe(409);
    expect(stale.body.message).toMatch(/no longer yours/);
  });

  it("refuses a variant seed the server did not hand out", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const other = (first.body.variantSeed + 1) >>> 0;
    const { response } = await submit(cookie, { variantSeed: other, answer: headerBytesAckFlags.correctAnswer(other) });
    expect(response.status).toBe(409);
  });

  it("answers bad input with a 4xx that says what is wrong, and stores nothing", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const learnerId = learnerIdOf(cookie);
    const seed = first.body.variantSeed;
    const notJson = await submit(cookie, undefined, { raw: "{ack: 1" });
    expect(notJson.response.status).toBe(400);
    expect(notJson.body.message).toMatch(/not valid JSON/);
    const wrongType = await submit(cookie, undefined, { raw: "ack=1", contentType: "application/x-www-form-urlencoded" });
    expect(wrongType.response.status).toBe(415);
    const noSeed = await submit(cookie, { answer: {} });
    expect(noSeed.response.status).toBe(400);
    expect(noSeed.body.errors.join()).toMatch(/variantSeed/);
    const malformed = await submit(cookie, { variantSeed: seed, answer: { ack: "twelve", flags: ["syn"] } });
    expect(malformed.response.status).toBe(422);
    expect(malformed.body.errors.join()).toMatch(/ack: "twelve" is not a 32-bit unsigned number/);
    const huge = await submit(cookie, { variantSeed: seed, answer: { ack: "1", flags: [], padding: "x".repeat(20_000) } });
    expect(huge.response.status).toBe(413);
    const unknown = await submit(cookie, { variantSeed: seed, answer: {} }, {}, "no-such-exercise");
    expect(unknown.response.status).toBe(404);
    expect((await attemptRows()).filter((row) => row.learnerId === learnerId)).toHaveLength(0);
  });

  it("ignores a forged learner cookie that is not an id it issued the shape of", async () => {
    const { response } = await view("tcp_learner=../../etc/passwd");
    expect(response.headers.get("set-cookie")).toMatch(/tcp_learner=[0-9a-f-]{36}\.[\w-]{43}/);
  });

  it("replaces an unsigned or forged guest id with a fresh signed one and never shows its work", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const victim = learnerIdOf(cookie);
    await submit(cookie, { variantSeed: first.body.variantSeed, answer: { ack: "1", flags: [] } });
    // The bare id (as cookies were before signing), and the id under a signature of another id.
    const other = cookieOf((await view()).response).split(".")[1];
    for (const forged of [`tcp_learner=${victim}`, `tcp_learner=${victim}.${other}`, `tcp_learner=${victim}.`]) {
      const { response, body } = await view(forged);
      const minted = cookieOf(response);
      expect(learnerIdOf(minted)).not.toBe(victim);
      expect(body.attempts).toEqual([]);
    }
  });
});

describe("try another variant", () => {
  it("moves the learner to a fresh variant on request, keeps their attempts, and grades only the new one", async () => {
    const { POST: newVariant } = await import("@/app/api/exercises/[id]/variants/route");
    const first = await view();
    const cookie = cookieOf(first.response);
    await submit(cookie, { variantSeed: first.body.variantSeed, answer: { ack: "1", flags: [] } });
    const request = new NextRequest(`${origin}/api/exercises/${EXERCISE}/variants`, { method: "POST", headers: { cookie, "content-type": "application/json" } });
    const asForm = new NextRequest(`${origin}/api/exercises/${EXERCISE}/variants`, { method: "POST", headers: { cookie, "content-type": "text/plain" }, body: "" });
    expect((await newVariant(asForm, context(EXERCISE))).status).toBe(415);
    const response = await newVariant(request, context(EXERCISE));
    expect(response.status).toBe(201);
    const next = await response.json();
    expect(next.variantSeed).not.toBe(first.body.variantSeed);
    expect(next.attempts).toHaveLength(1);
    expect((await view(cookie)).body.variantSeed).toBe(next.variantSeed); // it sticks across reloads
    const old = await submit(cookie, { variantSeed: first.body.variantSeed, answer: { ack: "1", flags: [] } });
    expect(old.response.status).toBe(409);
    const unknown = await newVariant(new NextRequest(`${origin}/api/exercises/nope/variants`, { method: "POST", headers: { cookie, "content-type": "application/json" } }), context("nope"));
    expect(unknown.status).toBe(404);
  });
});

describe("rate limit", () => {
  it("refuses a learner's 21st submission within 10 s with 429 and Retry-After, whatever the earlier ones were", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const seed = first.body.variantSeed;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      // two wrong answers, then malformed ones (which use no attempt but count toward the limit)
      const answer = i < 2 ? { ack: "1", flags: [] } : { ack: "x", flags: [] };
      const { response } = await submit(cookie, { variantSeed: seed, answer });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 2)).toEqual([201, 201]);
    expect(statuses.slice(2, 20).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await attemptRows()).filter((row) => row.learnerId === learnerIdOf(cookie))).toHaveLength(2);
  });

  it("counts each submission once against its address, whether the learner is new, returning or refused", async () => {
    const addressCount = async () =>
      (await testSql<{ state: string }>(`SELECT "state" FROM "Throttle" WHERE "key" LIKE 'submit:address:%'`)).reduce((sum, row) => sum + Number(row.state), 0);
    const before = await addressCount();
    const first = await view();
    const cookie = cookieOf(first.response);
    const seed = first.body.variantSeed;
    expect((await submit(cookie, { variantSeed: seed, answer: { ack: "1", flags: [] } })).response.status).toBe(201);
    expect((await submit(cookie, { variantSeed: seed, answer: { ack: "x", flags: [] } })).response.status).toBe(422);
    expect((await submit(cookie, { answer: {} })).response.status).toBe(400);
    expect((await submit(cookie, { variantSeed: seed, answer: {} }, {}, "no-such-exercise")).response.status).toBe(404);
    // No cookie: a new guest, minted by this request.
    expect((await submit("", { variantSeed: seed, answer: {} })).response.status).toBe(409);
    expect((await addressCount()) - before).toBe(5);
  });

  it("counts every kind of refused submission once: bodies that are not JSON, wrong shapes and unknown exercises use up the limit like answers do", async () => {
    const first = await view();
    const cookie = cookieOf(first.response);
    const seed = first.body.variantSeed;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await submit(cookie, undefined, { raw: "{ack: 1" })).response.status);
    for (let i = 0; i < 5; i++) statuses.push((await submit(cookie, { answer: {} })).response.status);
    for (let i = 0; i < 5; i++) statuses.push((await submit(cookie, { variantSeed: seed, answer: {} }, {}, "no-such-exercise")).response.status);
    for (let i = 0; i < 5; i++) statuses.push((await submit(cookie, { variantSeed: seed, answer: { ack: "x", flags: [] } })).response.status);
    expect(statuses).toEqual([...Array(10).fill(400), ...Array(5).fill(404), ...Array(5).fill(422)]);
    // The 21st within 10 s, a right answer, is refused whole: no attempt stored.
    const refused = await submit(cookie, { variantSeed: seed, answer: headerBytesAckFlags.correctAnswer(seed) });
    expect(refused.response.status).toBe(429);
    expect(refused.body.message).toMatch(/Too many submissions; wait \d+ s/);
    expect((await attemptRows()).filter((row) => row.learnerId === learnerIdOf(cookie))).toHaveLength(0);
  });
});
