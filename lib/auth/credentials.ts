// What a sign-up or sign-in form must contain. The messages are shown to
// people as they are, so they say what to do, not which field failed how.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, newPasswordProblem } from "./passwordPolicy";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long; use one of at most 254 characters.")
  .pipe(z.email({ message: "Enter an email address like you@example.com." }));

// Signing in checks the password only against the account (older accounts may have shorter ones).
export const credentialsSchema = z.object({
  email,
  password: z
    .string({ error: "Enter a password." })
    .min(1, "Enter a password.")
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.`),
});

// Signing up: the new password must meet the policy (./passwordPolicy.ts).
const newAccountSchema = z.object({
  email,
  password: z
    .string({ error: "Enter a password." })
    .min(1, "Enter a password.")
    .superRefine((password, context) => {
      const problem = newPasswordProblem(password);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});

export type Credentials = z.infer<typeof credentialsSchema>;
type Parsed = { ok: true; value: Credentials } | { ok: false; errors: string[] };

export function parseCredentials(raw: unknown): Parsed {
  return parseWith(credentialsSchema, raw);
}

export function parseNewAccount(raw: unknown): Parsed {
  return parseWith(newAccountSchema, raw);
}

function parseWith(schema: typeof credentialsSchema | typeof newAccountSchema, raw: unknown): Parsed {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, errors: ["Send an email address and a password."] };
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  // One message per field, the first that applies (an empty email is not also "not like you@example.com").
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return { ok: false, errors: [...byField.values()] };
}
