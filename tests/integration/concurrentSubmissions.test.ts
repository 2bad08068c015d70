// No submission is ever lost: 500 concurrent submissions, 500 stored attempts.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";

const file = useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const exerciseRoute = await import("@/app/api/exercises/[id]/route");
const attemptsRoute = await import("@/app/api/exercises/[id]/attempts/route");
const EXERCISE = "header-bytes-ack-flags";

beforeAll(async () => {
  await syncContent(
    [{ id: "lesson-header-fields", slug: "header-fields", title: "TCP header fields", order: 1, summary: "s".repeat(20), contentHash: "x" }],
    exercises.filter((e) => e.lessonId === "lesson-header-fields").map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

describe("concurrent submissions", () => {
  it("stores every one of 500 concurrent submissions from 50 learners", async () => {
    const learners = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const browser = new Browser();
        const view = await browser.call(exerciseRoute.GET as never, `/api/exercises/${EXERCISE}`, { params: { id: EXERCISE } });
        return { browser, seed: view.body.variantSeed as number };
      }),
    );
    const submissions = learners.flatMap(({ browser, seed }) =>
      Array.from({ length: 10 }, (_, i) =>
        browser.call(attemptsRoute.POST as never, `/api/exercises/${EXERCISE}/attempts`, {
          params: { id: EXERCISE },
          json: { variantSeed: seed, answer: { ack: String(i), flags: ["ack"] } },
        }),
      ),
    );
    const statuses = (await Promise.all(submissions)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(500);
    const db = new Database(file, { readonly: true });
    const { count } = db.prepare("SELECT COUNT(*) AS count FROM Attempt").get() as { count: number };
    db.close();
    expect(count).toBe(500);
  });
});
