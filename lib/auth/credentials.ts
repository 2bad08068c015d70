// What a sign-up or sign-in form must contain.
import { z } from "zod";

export const credentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "email: at most 254 characters")
    .pipe(z.email({ message: "email: enter an address like you@example.com" })),
  password: z.string().min(10, "password: at least 10 characters").max(200, "password: at most 200 characters"),
});

export type Credentials = z.infer<typeof credentialsSchema>;

export function parseCredentials(raw: unknown): { ok: true; value: Credentials } | { ok: false; errors: string[] } {
  const result = credentialsSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => (issue.message.includes(":") ? issue.message : `${issue.path.join(".") || "body"}: ${issue.message}`)) };
}
