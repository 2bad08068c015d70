// What a submission stores is the answer, not the request: junk fields sent
// beside it are dropped (decision record 0018), the stored answer still
// refills the learner's form and reads the same in words, and attempts
// stored before, request and all, still show.
import { beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/routeClient";
import { testSql, useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const exerciseView = await import("@/app/api/exercises/[id]/route");
const attempts = await import("@/app/api/exercises/[id]/attempts/route");

beforeAll(async () => {
  const lessonIds = [...new Set(exercises.map((e) => e.lessonId))];
  await syncContent(
    lessonIds.map((id, index) => ({ id, slug: id, title: id, order: index + 1, summary: "s".repeat(20), contentHash: "x" })),
    exercises.map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
});

/** `answer` with junk fields beside it, filled up to `bytes` of JSON (the body cap is 16 KB). */
function paddedTo(bytes: number, answer: object): object {
  const fields = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`padding${i}`, "x".repeat(100)]));
  const sized = { ...answer, ...fields, filler: "" };
  return { ...sized, filler: "f".repeat(bytes - JSON.stringify(sized).length) };
}

async function storedAnswers(exerciseId: string): Promise<string[]> {
  return (await testSql<{ answer: string }>(`SELECT "answer" FROM "Attempt" WHERE "exerciseId" = ? ORDER BY "createdAt"`, [exerciseId])).map((row) => row.answer);
}

describe("the answer an attempt stores", () => {
  it("drops 15 KB of junk fields sent with a trace answer, storing a small row that refills the form and reads as the answer", async () => {
    const exercise = exercises.find((e) => e.kind === "trace-fill-in")!;
    const browser = new Browser();
    const view = await browser.call(exerciseView.GET as never, `/api/exercises/${exercise.id}`, { params: { id: exercise.id } });
    const seed = view.body.variantSeed as number;
    const answer = exercise.correctAnswer(seed) as { rows: Record<string, string>[] };
    // Junk beside the answer and inside each of its rows.
    const sent = paddedTo(15_800, { rows: answer.rows.map((row) => ({ ...row, note: "y".repeat(50) })) });
    expect(JSON.stringify(sent).length).toBe(15_800);
    const reply = await browser.call(attempts.POST as never, `/api/exercises/${exercise.id}/attempts`, { json: { variantSeed: seed, answer: sent }, params: { id: exercise.id } });
    expect(reply.status).toBe(201);
    expect(reply.body.attempt.score).toBe(1);

    const [row] = await storedAnswers(exercise.id);
    expect(JSON.parse(row!)).toEqual(answer);
    expect(row!.length).toBeLessThan(1_000);
    const reloaded = await browser.call(exerciseView.GET as never, `/api/exercises/${exercise.id}`, { params: { id: exercise.id } });
    const shown = reloaded.body.attempts.at(-1);
    expect(shown.answer).toEqual(answer);
    expect(shown.answerLines.join("\n")).toMatch(/flags .* seq \d+/);
  });

  it("keeps a simulator task's log of changes, only the control and value of each", async () => {
    const exercise = exercises.find((e) => e.kind === "simulator-task")!;
    const browser = new Browser();
    const view = await browser.call(exerciseView.GET as never, `/api/exercises/${exercise.id}`, { params: { id: exercise.id } });
    const seed = view.body.variantSeed as number;
    const { actions } = exercise.correctAnswer(seed) as { actions: { set: string; value: unknown }[] };
    const reply = await browser.call(attempts.POST as never, `/api/exercises/${exercise.id}/attempts`, {
      json: { variantSeed: seed, answer: { actions: actions.map((action) => ({ ...action, at: Date.now(), ui: { x: 1 } })), padding: "z".repeat(2_000) } },
      params: { id: exercise.id },
    });
    expect(reply.status).toBe(201);
    expect((await storedAnswers(exercise.id)).map((row) => JSON.parse(row))).toEqual([{ actions }]);
  });

  it("still shows an attempt stored before, with the whole request as its answer", async () => {
    const exercise = exercises.find((e) => e.kind === "numeric")!;
    const browser = new Browser();
    const view = await browser.call(exerciseView.GET as never, `/api/exercises/${exercise.id}`, { params: { id: exercise.id } });
    const seed = view.body.variantSeed as number;
    const reply = await browser.call(attempts.POST as never, `/api/exercises/${exercise.id}/attempts`, { json: { variantSeed: seed, answer: { value: "999999" } }, params: { id: exercise.id } });
    expect(reply.status).toBe(201);
    // As the app stored answers until now: the request's answer object, junk included.
    await testSql(`UPDATE "Attempt" SET "answer" = ? WHERE "id" = ?`, [JSON.stringify({ value: "999999", padding: "x".repeat(5_000) }), reply.body.attempt.id]);
    const reloaded = await browser.call(exerciseView.GET as never, `/api/exercises/${exercise.id}`, { params: { id: exercise.id } });
    const shown = reloaded.body.attempts.find((a: { id: string }) => a.id === reply.body.attempt.id);
    expect(shown.answer.value).toBe("999999");
    expect(shown.answerLines.join(" ")).toMatch(/999999/);
  });
});
