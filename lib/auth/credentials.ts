// What a sign-up or sign-in form must contain. The messages are shown to
// people as they are, so they say what to do, not which field failed how.
import { z } from "zod";

export const credentialsSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long; use one of at most 254 characters.")
    .pipe(z.email({ message: "Enter an email address like you@example.com." })),
  password: z
    .string({ error: "Enter a password." })
    .min(10, "Use at least 10 characters for your password.")
    .max(200, "Use at most 200 characters for your password."),
});

export type Credentials = z.infer<typeof credentialsSchema>;

export function parseCredentials(raw: unknown): { ok: true; value: Credentials } | { ok: false; errors: string[] } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, errors: ["Send an email address and a password."] };
  const result = credentialsSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  // One message per field, the first that applies (an empty email is not also "not like you@example.com").
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return { ok: false, errors: [...byField.values()] };
}
