// Signed-up learners and instructors, through the real sign-up and sign-in
// routes. The routes are imported when first used, after the test file's
// useFreshDatabase() has pointed the app at its database.
import { expect } from "vitest";
import { Browser } from "./routeClient";

export const PASSWORD = "correct horse battery";

/** A browser signed in to a new account for `email`. */
export async function signedUp(email: string): Promise<Browser> {
  const signup = await import("@/app/api/auth/signup/route");
  const browser = new Browser();
  expect((await browser.call(signup.POST as never, "/api/auth/signup", { json: { email, password: PASSWORD } })).status).toBe(201);
  return browser;
}

/** A browser signed in (after the role change, so its session says so) as a new instructor. */
export async function instructor(email: string): Promise<Browser> {
  const { setRole } = await import("@/lib/db/accounts");
  const login = await import("@/app/api/auth/login/route");
  await signedUp(email);
  await setRole(email, "instructor");
  const browser = new Browser();
  expect((await browser.call(login.POST as never, "/api/auth/login", { json: { email, password: PASSWORD } })).status).toBe(200);
  return browser;
}
