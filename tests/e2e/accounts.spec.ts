// Sign up, sign in, sign out and the dashboard, as a learner meets them.
import { expect, test } from "@playwright/test";

const password = "a long enough password";

test("a guest's attempt and reading move into a new account, and the dashboard shows them", async ({ page }) => {
  await page.goto("/lessons/header-fields");
  const section = page.locator('[data-exercise="header-fields-syn-only-options"]');
  await section.getByRole("checkbox").first().check();
  await section.getByRole("button", { name: "Submit answer" }).click();
  await expect(section.getByTestId("attempt-feedback")).toContainText("Score");

  await page.goto("/dashboard");
  await expect(page.getByText("You are learning as a guest")).toBeVisible();
  const lesson = page.getByTestId("progress-header-fields");
  await expect(lesson).toContainText("Read");

  const email = `learner-${Date.now()}@example.com`;
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Use at least 12 characters for your password");
  await page.getByLabel("Password").fill("qwerty123456");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("That password is one of the most common ones and easy to guess; choose another.");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByTestId("progress-header-fields")).toContainText("Read");
  await page.getByTestId("progress-header-fields").getByText("Exercises you have worked on").click();
  await expect(page.getByTestId("progress-header-fields")).toContainText("Options that only travel in a SYN");
  await expect(page.getByRole("progressbar", { name: /TCP header fields: score/ })).toBeVisible();
  await expect(page.getByTestId("continue")).toContainText("Continue where you left off");

  // Sign out: a guest again, with nothing of the account's.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByText("You are learning as a guest")).toBeVisible();
  await expect(page.getByTestId("progress-header-fields")).toContainText("Not opened yet");

  // Sign in again: everything is back.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("progress-header-fields")).toContainText("Read");
});
