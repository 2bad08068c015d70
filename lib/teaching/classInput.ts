// What the class and assignment forms (and the JSON API behind them) must
// contain. Each refusal is a sentence the form can show next to the field.
import { z } from "zod";
import { canonicalTimeZone, isIanaTimeZone, localTimeToUtc } from "./classTime";

export const MAX_NAME_LENGTH = 120;
export const MAX_EXERCISES_PER_ASSIGNMENT = 60;
export const MAX_ATTEMPTS_LIMIT = 100;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function errorsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.message.includes(":") ? issue.message : `${issue.path.join(".") || "body"}: ${issue.message}`));
}

const name = (field: string, max = MAX_NAME_LENGTH) =>
  z
    .string(`${field}: enter text`)
    .trim()
    .min(1, `${field}: cannot be empty`)
    .max(max, `${field}: at most ${max} characters`);

const timeZone = z
  .string("timeZone: enter an IANA time zone like Europe/Paris")
  .trim()
  .refine(isIanaTimeZone, "timeZone: not an IANA time zone; use a name like America/New_York or Europe/Paris")
  .transform(canonicalTimeZone);

export type ClassFields = { name: string; term: string; timeZone: string };

const classSchema = z.object({ name: name("name"), term: name("term", 60), timeZone });

export function parseClassInput(raw: unknown): Parsed<ClassFields> {
  const result = classSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: errorsOf(result.error) };
}

/** A partial update: only the fields sent change. */
export function parseClassUpdate(raw: unknown): Parsed<Partial<ClassFields>> {
  const result = classSchema.partial().safeParse(raw);
  if (!result.success) return { ok: false, errors: errorsOf(result.error) };
  if (Object.keys(result.data).length === 0) return { ok: false, errors: ["body: send at least one of name, term, timeZone"] };
  return { ok: true, value: result.data };
}

const invitationSchema = z.object({
  email: z
    .string("email: enter an address")
    .trim()
    .toLowerCase()
    .max(254, "email: at most 254 characters")
    .pipe(z.email({ message: "email: enter an address like colleague@example.com" })),
});

export function parseInvitation(raw: unknown): Parsed<{ email: string }> {
  const result = invitationSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: errorsOf(result.error) };
}

export type AssignmentFields = {
  title: string;
  exerciseIds: string[];
  opensAt: Date;
  dueAt: Date;
  maxAttempts: number | null;
  counts: "best" | "last";
  latePolicy: "refuse" | "accept";
};

const assignmentSchema = z.object({
  title: name("title"),
  exerciseIds: z
    .array(z.string().max(120, "exerciseIds: an id is at most 120 characters"), "exerciseIds: a list of exercise ids")
    .min(1, "exerciseIds: pick at least one exercise")
    .max(MAX_EXERCISES_PER_ASSIGNMENT, `exerciseIds: at most ${MAX_EXERCISES_PER_ASSIGNMENT} exercises`),
  /** Wall-clock times in the class's zone, as a datetime-local input sends them. */
  opensAt: z.string("opensAt: a date and time like 2026-11-02T09:00").max(40),
  dueAt: z.string("dueAt: a date and time like 2026-11-09T23:59").max(40),
  maxAttempts: z
    .number("maxAttempts: a whole number, or null for unlimited")
    .int("maxAttempts: a whole number")
    .min(1, "maxAttempts: at least 1")
    .max(MAX_ATTEMPTS_LIMIT, `maxAttempts: at most ${MAX_ATTEMPTS_LIMIT}`)
    .nullable(),
  counts: z.enum(["best", "last"], "counts: best or last"),
  latePolicy: z.enum(["refuse", "accept"], "latePolicy: refuse or accept"),
});

/**
 * An assignment from the form. Times are read in the class's `zone`
 * (classTime.ts); `exerciseExists` is the catalog, passed in so this stays pure.
 */
export function parseAssignmentInput(raw: unknown, zone: string, exerciseExists: (id: string) => boolean): Parsed<AssignmentFields> {
  const result = assignmentSchema.safeParse(raw);
  if (!result.success) return { ok: false, errors: errorsOf(result.error) };
  const input = result.data;
  const errors: string[] = [];
  const unknown = input.exerciseIds.filter((id) => !exerciseExists(id));
  if (unknown.length > 0) errors.push(`exerciseIds: there is no exercise with id ${unknown.slice(0, 3).map((id) => `"${id.slice(0, 60)}"`).join(", ")}`);
  if (new Set(input.exerciseIds).size !== input.exerciseIds.length) errors.push("exerciseIds: an exercise is listed twice");
  const opensAt = localTimeToUtc(input.opensAt, zone);
  const dueAt = localTimeToUtc(input.dueAt, zone);
  if (!opensAt.ok) errors.push(`opensAt: ${opensAt.message}`);
  if (!dueAt.ok) errors.push(`dueAt: ${dueAt.message}`);
  if (opensAt.ok && dueAt.ok && dueAt.instant.getTime() <= opensAt.instant.getTime()) errors.push("dueAt: the due time must come after the opening time");
  if (errors.length > 0 || !opensAt.ok || !dueAt.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: input.title,
      exerciseIds: input.exerciseIds,
      opensAt: opensAt.instant,
      dueAt: dueAt.instant,
      maxAttempts: input.maxAttempts,
      counts: input.counts,
      latePolicy: input.latePolicy,
    },
  };
}
