import { describe, expect, it } from "vitest";
import { parseCredentials, parseNewAccount } from "@/lib/auth/credentials";
import { newPasswordProblem } from "@/lib/auth/passwordPolicy";

describe("new passwords (ASVS V2.1)", () => {
  it("refuses fewer than 12 characters, counting characters rather than UTF-16 units", () => {
    expect(newPasswordProblem("eleven char")).toBe("Use at least 12 characters for your password.");
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(newPasswordProblem("🐢".repeat(11))).toMatch(/at least 12/);
    expect(newPasswordProblem("🐢".repeat(12))).toBeUndefined();
  });

  it("refuses a password of only whitespace, but allows spaces inside one", () => {
    expect(newPasswordProblem(" ".repeat(16))).toBe("Your password cannot be only spaces; use words or other characters too.");
    expect(newPasswordProblem("\t \n".repeat(6))).toMatch(/only spaces/);
    expect(newPasswordProblem("tidal river lamp")).toBeUndefined();
  });

  it("refuses common passwords from the maintained list, whatever their case", () => {
    for (const common of ["qwerty123456", "password1234", "QWERTY123456", "1q2w3e4r5t6y"]) {
      expect(newPasswordProblem(common), common).toBe("That password is one of the most common ones and easy to guess; choose another.");
    }
  });

  it("refuses more than 200 characters", () => {
    expect(newPasswordProblem("x".repeat(201))).toMatch(/at most 200/);
  });

  it("applies the policy at sign-up, with every message a sentence, but lets an older shorter password sign in", () => {
    const signup = parseNewAccount({ email: "nope", password: "short" });
    expect(signup).toEqual({ ok: false, errors: ["Enter an email address like you@example.com.", expect.stringMatching(/^Use at least 12 characters/)] });
    if (!signup.ok) for (const error of signup.errors) expect(error).toMatch(/^[A-Z].*[.;]/);
    expect(parseNewAccount({ email: "a@example.com", password: "password1234" }).ok).toBe(false);
    expect(parseNewAccount({ email: "a@example.com", password: "tidal river lamp" }).ok).toBe(true);
    expect(parseCredentials({ email: "a@example.com", password: "ten chars!" }).ok).toBe(true);
    expect(parseCredentials({ email: "a@example.com", password: "" })).toEqual({ ok: false, errors: ["Enter a password."] });
  });
});
