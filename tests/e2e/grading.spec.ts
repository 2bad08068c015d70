// The grading policy as a learner meets it (decision record 0009): feedback
// without the answer, the solution after three misses, credit only for a
// variant whose answer was not seen, and free-text ideas the learner can claim.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parseHex } from "../../lib/wire/hex";
import { decodeTcpHeader } from "../../lib/wire/tcpHeader";

const FLAG_ORDER = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const;

/** The learner's own reading of the bytes: what a learner who knows the header would answer. */
function answerFromMaterial(material: string) {
  const hex = parseHex(material);
  if (!hex.ok) throw new Error(hex.error);
  const decoded = decodeTcpHeader(hex.bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return { ack: String(decoded.header.ack), flags: FLAG_ORDER.filter((flag) => decoded.header.flags[flag]) };
}

async function headerExercise(page: Page): Promise<Locator> {
  await page.goto("/lessons/header-fields");
  const section = page.locator('[data-exercise="header-bytes-ack-flags"]');
  await expect(section.getByTestId("exercise-material")).toBeVisible();
  return section;
}

async function answer(section: Locator, ack: string, flags: readonly string[]) {
  await section.getByLabel(/Acknowledgment number/).fill(ack);
  for (const flag of FLAG_ORDER) {
    const box = section.getByRole("checkbox", { name: flag.toUpperCase(), exact: true });
    if (flags.includes(flag)) await box.check();
    else await box.uncheck();
  }
  await section.getByRole("button", { name: "Submit answer" }).click();
}

const wrongAck = (ack: string, by: number) => String((Number(ack) + by) % 4294967296);

test("wrong, then feedback without the answer, then right: solved with the worked solution", async ({ page }) => {
  const section = await headerExercise(page);
  const right = answerFromMaterial(await section.getByTestId("exercise-material").innerText());
  await expect(section.getByTestId("attempts-left")).toContainText("3 of 3 attempts left");

  await answer(section, wrongAck(right.ack, 1), right.flags);
  const feedback = section.getByTestId("attempt-feedback");
  await expect(feedback).toContainText("Score 50%");
  // (a SYN's ack is 0, a digit found in any text; larger values must not appear)
  if (right.ack.length >= 3) await expect(feedback).not.toContainText(right.ack);
  await expect(section.getByTestId("worked-solution")).toHaveCount(0);
  await expect(section.getByTestId("attempts-left")).toContainText("2 of 3 attempts left");

  await answer(section, right.ack, right.flags);
  await expect(feedback).toContainText("Score 100%");
  await expect(section.getByTestId("worked-solution")).toBeVisible();
  await expect(section.getByTestId("exercise-standing")).toContainText("Solved, score 80%");

  // Back later: the solve is shown, with the answer as given and the solution, not a blank question.
  await page.reload();
  const solved = page.locator('[data-exercise="header-bytes-ack-flags"]').getByTestId("solved-card");
  await expect(solved).toBeVisible();
  await expect(solved).toContainText(right.ack);
  await expect(solved.getByTestId("worked-solution")).toBeVisible();
  await solved.getByRole("button", { name: "Practise another variant" }).click();
  await expect(page.locator('[data-exercise="header-bytes-ack-flags"]').getByTestId("exercise-material")).toBeVisible();
});

test("three wrong answers show the solution and end credit on that variant; a new variant solved earns credit", async ({ page }) => {
  const section = await headerExercise(page);
  const first = answerFromMaterial(await section.getByTestId("exercise-material").innerText());
  for (let i = 1; i <= 3; i++) {
    await answer(section, wrongAck(first.ack, i), first.flags);
    await expect(section.getByTestId("attempt-feedback")).toContainText("Score 50%");
  }
  await expect(section.getByTestId("worked-solution")).toBeVisible();
  await expect(section.getByTestId("attempts-left")).toContainText("seen this variant's solution");
  await expect(section.getByRole("button", { name: "Submit answer" })).toHaveCount(0);
  await expect(section.getByTestId("exercise-standing")).toContainText("Not solved yet");

  await section.getByRole("button", { name: "Try another variant" }).click();
  await expect(section.getByTestId("attempts-left")).toContainText("3 of 3 attempts left");
  const material = await section.getByTestId("exercise-material").innerText();
  const second = answerFromMaterial(material);
  await answer(section, second.ack, second.flags);
  await expect(section.getByTestId("attempt-feedback")).toContainText("Score 100%");
  // three misses and a solution seen before: the floor, half credit
  await expect(section.getByTestId("exercise-standing")).toContainText("Solved, score 50%");

  await page.goto("/dashboard");
  await page.getByTestId("progress-header-fields").getByText("Exercises you have worked on").click();
  await expect(page.getByTestId("exercise-standing-header-bytes-ack-flags")).toContainText("solved, score 50% (4 attempts, 1 solution seen)");
});

test("'Show solution' on an exercise with one answer: the solution, then practice only", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  const section = page.locator('[data-exercise="header-fields-why-pseudo-header"]');
  await expect(section.getByRole("button", { name: "Show solution" })).toBeVisible();
  await section.getByRole("button", { name: "Show solution" }).click();
  await expect(section.getByTestId("worked-solution")).toBeVisible();
  await section.getByRole("button", { name: "Try another variant" }).click();
  await expect(section.getByTestId("exercise-standing")).toContainText("Practice only");
  await expect(section.getByTestId("attempts-left")).toContainText("practice");
});

test("an explain-why answer is graded idea by idea, and a missing idea can be claimed", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  const section = page.locator('[data-exercise="header-fields-why-pseudo-header"]');
  await section.getByLabel(/Your explanation/).fill("The checksum also covers the source and destination IP addresses through a pseudo-header built from the IP header.");
  await section.getByRole("button", { name: "Submit answer" }).click();
  const feedback = section.getByTestId("attempt-feedback");
  await expect(feedback).toContainText("Score");
  const claim = feedback.getByRole("button", { name: "I did say this" }).first();
  await expect(claim).toBeVisible();
  await claim.click();
  await expect(feedback).toContainText("noted for your instructor");
});
