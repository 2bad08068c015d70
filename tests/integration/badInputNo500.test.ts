// The inputs that once ended in 500, each now a 4xx with a sentence.
import { beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/routeClient";
import { useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const exerciseView = await import("@/app/api/exercises/[id]/route");
const attempts = await import("@/app/api/exercises/[id]/attempts/route");
const visits = await import("@/app/api/progress/visits/route");

const synFlood = "syn-flood-keep-clients";

beforeAll(async () => {
  const lessonIds = [...new Set(exercises.map((e) => e.lessonId))];
  await syncContent(
    lessonIds.map((id, index) => ({ id, slug: id, title: id, order: index + 1, summary: "s".repeat(20), contentHash: "x" })),
    exercises.map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

async function submitActions(browser: Browser, actions: unknown) {
  const view = await browser.call(exerciseView.GET as never, `/api/exercises/${synFlood}`, { params: { id: synFlood } });
  return browser.call(attempts.POST as never, `/api/exercises/${synFlood}/attempts`, { json: { variantSeed: view.body.variantSeed, answer: { actions } }, params: { id: synFlood } });
}

describe("bad input gets a 4xx, never a 500", () => {
  it("refuses a simulator-task value off the control's steps (somaxconn 128.5) without using an attempt", async () => {
    const browser = new Browser();
    const response = await submitActions(browser, [{ set: "somaxconn", value: 128.5 }]);
    expect(response.status).toBe(422);
    expect(response.body.errors.join(" ")).toMatch(/somaxconn goes in steps of 1 from 128/);
  });

  it("refuses an action whose `set` is an object with a toString that is not a function", async () => {
    const response = await submitActions(new Browser(), [{ set: { toString: 1 }, value: 1 }, { set: ["somaxconn"], value: 1 }]);
    expect(response.status).toBe(422);
    expect(response.body.errors.join(" ")).toMatch(/"an object" is not a control of this task/);
  });

  it("refuses a lesson id with a lone UTF-16 surrogate", async () => {
    const response = await new Browser().call(visits.POST as never, "/api/progress/visits", { json: { lessonId: "lesson-\ud800" } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
