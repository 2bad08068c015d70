// No submission is ever lost, and none slips past the attempts policy: 500
// concurrent submissions, every one answered, exactly the allowed ones stored.
import { beforeAll, describe, expect, it } from "vitest";
import { testSql, useFreshDatabase } from "../support/testDatabase";
import { Browser } from "../support/routeClient";

useFreshDatabase();
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
  it("answers all of 500 concurrent wrong submissions from 50 learners and stores exactly 3 per learner (the attempts a variant allows)", async () => {
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
    const replies = await Promise.all(submissions);
    const statuses = replies.map((r) => r.status);
    // ack 0..9 with the ACK flag: wrong for every variant (a SYN's ack is 0 and it has no ACK flag)
    expect(statuses.filter((s) => s === 201)).toHaveLength(150);
    expect(statuses.filter((s) => s === 409)).toHaveLength(350);
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body.message).toMatch(/seen this variant's solution/);
    const [{ count } = { count: -1 }] = await testSql<{ count: number }>(`SELECT COUNT(*) AS "count" FROM "Attempt"`);
    const perLearner = await testSql<{ n: number }>(`SELECT "learnerId", COUNT(*) AS "n" FROM "Attempt" GROUP BY "learnerId"`);
    const [{ reveals } = { reveals: -1 }] = await testSql<{ reveals: number }>(`SELECT COUNT(*) AS "reveals" FROM "SolutionReveal"`);
    expect(Number(count)).toBe(150);
    expect(perLearner.every((row) => Number(row.n) === 3)).toBe(true);
    expect(Number(reveals)).toBe(50);
  });
});
