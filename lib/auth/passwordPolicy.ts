// What a new password must be (OWASP ASVS 4.0 V2.1): at least 12 characters
// (V2.1.1), at most 200 here (V2.1.2 asks that 64 or more be allowed), any
// characters, spaces included (V2.1.4), and not a known common password
// (V2.1.7). No composition rules (V2.1.9). The list is zxcvbn-ts's, the ~49,000
// most common passwords from public breach corpora, kept up to date as a package.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));
  return common;
}

/** Length counts characters as a person sees them (code points), not UTF-16 units. */
function characterCount(password: string): number {
  return [...password].length;
}

/** The sentence to show when a new password is not acceptable, else undefined. */
export function newPasswordProblem(password: string): string | undefined {
  const length = characterCount(password);
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.`;
  if (password.trim() === "") return "Your password cannot be only spaces; use words or other characters too.";
  if (commonPasswords().has(password.normalize("NFKC").toLowerCase())) {
    return "That password is one of the most common ones and easy to guess; choose another.";
  }
  return undefined;
}
