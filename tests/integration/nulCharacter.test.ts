// A NUL character (U+0000) in an id from the address or in any string of a
// JSON body: PostgreSQL refuses it in text and SQLite stores it, so unchecked
// it was a 500 on one database and a 404 or a stored row on the other. Every
// route now refuses it with the same 400 on both (docs/decisions/0018).
import { beforeAll, describe, expect, it } from "vitest";
import { loadApiRoutes, fillPath, type ApiRoute } from "../support/apiRoutes";
import { Browser } from "../support/routeClient";
import { testSql, useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const { NUL_IN_PATH_MESSAGE } = await import("@/lib/http/pathParams");
const signup = await import("@/app/api/auth/signup/route");
const exerciseView = await import("@/app/api/exercises/[id]/route");
const attempts = await import("@/app/api/exercises/[id]/attempts/route");
const visits = await import("@/app/api/progress/visits/route");
const join = await import("@/app/api/classes/join/route");

const NUL = "\u0000";
let routes: ApiRoute[];
const learner = new Browser();

beforeAll(async () => {
  const lessonIds = [...new Set(exercises.map((e) => e.lessonId))];
  await syncContent(
    lessonIds.map((id, index) => ({ id, slug: id, title: id, order: index + 1, summary: "s".repeat(20), contentHash: "x" })),
    exercises.map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
  // /captures/[file] serves build-time files and asks no database: an unknown name is its 404.
  routes = (await loadApiRoutes()).filter((route) => route.params.length > 0 && !route.pattern.startsWith("/captures/"));
  expect((await learner.call(signup.POST as never, "/api/auth/signup", { json: { email: "nul@example.com", password: "correct horse battery" } })).status).toBe(201);
});

describe("a NUL character gets the same 400 on SQLite and PostgreSQL", () => {
  it("answers 400 naming the NUL for every route and method whose path id holds one, alone or inside a real id", async () => {
    const answers: string[] = [];
    for (const route of routes) {
      for (const [method, handler] of Object.entries(route.handlers)) {
        for (const value of [NUL, `${exercises[0]!.id}${NUL}`]) {
          const params = Object.fromEntries(route.params.map((name) => [name, value]));
          const path = fillPath(route.pattern, Object.fromEntries(route.params.map((name) => [name, encodeURIComponent(value)])));
          const response = await learner.call(handler as never, path, { method, params, ...(method === "GET" ? {} : { json: {} }) });
          answers.push(`${method} ${route.pattern} ${JSON.stringify(value)}: ${response.status} ${response.body?.message ?? ""}`);
        }
      }
    }
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.filter((line) => !line.endsWith(`: 400 ${NUL_IN_PATH_MESSAGE}`))).toEqual([]);
  });

  it("refuses a free-text answer with a NUL in it with a 400 and uses no attempt", async () => {
    const explain = exercises.find((e) => e.kind === "explain-why")!;
    const browser = new Browser();
    const view = await browser.call(exerciseView.GET as never, `/api/exercises/${explain.id}`, { params: { id: explain.id } });
    const text = `The listener keeps the connection half open${NUL} because the SYN queue holds it until the final ACK arrives.`;
    const response = await browser.call(attempts.POST as never, `/api/exercises/${explain.id}/attempts`, {
      json: { variantSeed: view.body.variantSeed, answer: { text } },
      params: { id: explain.id },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/NUL character \(U\+0000\)/);
    expect(await testSql(`SELECT "id" FROM "Attempt" WHERE "exerciseId" = ?`, [explain.id])).toEqual([]);
  });

  it("refuses a NUL in a body's id, in a join code and in an object key with a 400", async () => {
    const browser = new Browser();
    const visit = await browser.call(visits.POST as never, "/api/progress/visits", { json: { lessonId: `lesson${NUL}` } });
    expect([visit.status, visit.body.message]).toEqual([400, expect.stringMatching(/NUL character/)]);
    const joined = await learner.call(join.POST as never, "/api/classes/join", { json: { code: `ABCD${NUL}` } });
    expect([joined.status, joined.body.message]).toEqual([400, expect.stringMatching(/NUL character/)]);
    const signedUp = await new Browser().call(signup.POST as never, "/api/auth/signup", { json: { email: "a@example.com", password: "correct horse battery", [`x${NUL}`]: 1 } });
    expect([signedUp.status, signedUp.body.message]).toEqual([400, expect.stringMatching(/NUL character/)]);
  });
});
