// The richer exercise kinds, driven in the browser: a trace to fill in and a
// simulator task whose action log the server replays.
import { expect, test } from "@playwright/test";
import { scrollUntilVisible } from "./support/widgets";
import { fourWayCloseExercises } from "../../content/lessons/03-four-way-close/exercises";

test("a learner drives the simulator to leave the server in TIME-WAIT and the server's replay agrees", async ({ page }) => {
  await page.goto("/lessons/time-wait");
  const section = page.locator('[data-exercise="time-wait-leave-server"]');
  const task = section.locator('[data-widget="simulator-task"]');
  // The simulator's code loads once the reader nears the exercise.
  await scrollUntilVisible(section, task);
  // With the starting settings the client closes first: the server is not in TIME-WAIT.
  await task.getByRole("button", { name: "Run the simulator" }).click();
  await expect(task.getByTestId("task-log")).toContainText("the server's connection is CLOSED");
  await task.getByLabel("Server calls close() at (s)").fill("0.8");
  await task.getByRole("button", { name: "Run the simulator" }).click();
  await expect(task.getByTestId("task-log")).toContainText("the server's connection is TIME-WAIT");
  await section.getByRole("button", { name: "Submit answer" }).click();
  await expect(section.getByTestId("attempt-feedback")).toContainText("Score 100%");
});

test("a learner fills in a trace and is graded field by field", async ({ page }) => {
  const variantResponse = page.waitForResponse((r) => r.url().includes("/api/exercises/four-way-close-fill-trace"));
  await page.goto("/lessons/four-way-close");
  const { variantSeed } = await (await variantResponse).json();
  const exercise = fourWayCloseExercises.find((e) => e.id === "four-way-close-fill-trace")!;
  const answer = exercise.correctAnswer(variantSeed) as { rows: { flags: string; seq: string; ack: string; lost: string }[] };
  const section = page.locator('[data-exercise="four-way-close-fill-trace"]');
  await expect(section.getByTestId("exercise-material")).toBeVisible();
  const rows = section.locator("tbody tr");
  await expect(rows).toHaveCount(answer.rows.length);
  for (const [index, row] of answer.rows.entries()) {
    const inputs = rows.nth(index).locator("input");
    await inputs.nth(0).fill(row.flags);
    await inputs.nth(1).fill(row.seq);
    await inputs.nth(2).fill(row.ack);
    await inputs.nth(3).fill(row.lost);
  }
  // One deliberate mistake in the last row's ack.
  const last = answer.rows.at(-1)!;
  await rows.last().locator("input").nth(2).fill(last.ack === "" ? "1" : String(Number(last.ack) + 1));
  await section.getByRole("button", { name: "Submit answer" }).click();
  const feedback = section.getByTestId("attempt-feedback");
  await expect(feedback).toContainText(/Score (9\d|8\d)%/);
  await expect(feedback).toContainText("Expected");
});
