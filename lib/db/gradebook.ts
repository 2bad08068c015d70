// The gradebook's queries (decision record 0010): a class's students, its
// published assignments and its students' attempts on their exercises. Scores
// are computed from these rows in lib/teaching, never here.
//
// The attempts are read with one raw statement, not prisma.attempt.findMany:
// the gradebook of a class of 500 reads 100,000 rows, and the query engine's
// per-row object building is most of the time spent (scripts/bench-gradebook.ts).
import "server-only";
import type { GradebookAssignment, GradebookAttempt, GradebookStudent } from "@/lib/teaching/gradebook";
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseReady, dialect, prisma } from "./client";

export type ClassHeader = { id: string; name: string; term: string; timeZone: string };

export async function classHeader(classId: string): Promise<ClassHeader | null> {
  await databaseReady();
  return prisma.class.findUnique({ where: { id: classId }, select: { id: true, name: true, term: true, timeZone: true } });
}

/** The class's students (role "student"), by email. */
export async function classStudents(classId: string): Promise<GradebookStudent[]> {
  await databaseReady();
  const members = await prisma.membership.findMany({
    where: { classId, role: "student" },
    select: { user: { select: { id: true, learnerId: true, email: true } } },
  });
  return members.map(({ user }) => ({ userId: user.id, learnerId: user.learnerId, email: user.email })).sort((a, b) => a.email.localeCompare(b.email));
}

/** Published assignments, by due time, each with its exercises in order. */
export async function publishedAssignments(classId: string): Promise<GradebookAssignment[]> {
  await databaseReady();
  const rows = await prisma.assignment.findMany({
    where: { classId, publishedAt: { not: null } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    include: { items: { orderBy: { position: "asc" }, select: { exerciseId: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    maxAttempts: a.maxAttempts,
    counts: a.counts === "last" ? "last" : "best",
    latePolicy: a.latePolicy === "accept" ? "accept" : "refuse",
    exerciseIds: a.items.map((i) => i.exerciseId),
  }));
}

/** Prisma stores DateTime in SQLite as ISO text; a raw read hands back that text (or a Date, depending on the driver). */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  if (/^\d+$/.test(text)) return new Date(Number(text));
  // CURRENT_TIMESTAMP defaults write "YYYY-MM-DD HH:MM:SS" in UTC, with no zone.
  return new Date(/^\d{4}-\d\d-\d\d \d/.test(text) ? `${text.replace(" ", "T")}Z` : text);
}

type RawGradedAttempt = { learnerId: string; exerciseId: string; score: number; credited: number | bigint | boolean; createdAt: unknown };

const UNIT = "\u001f";
const RECORD = "\u001e";

const publishedExercisesOf = (classId: string) => Prisma.sql`
  SELECT i."exerciseId" FROM "AssignmentItem" i JOIN "Assignment" s ON s."id" = i."assignmentId"
  WHERE s."classId" = ${classId} AND s."publishedAt" IS NOT NULL`;

const packedAttemptsSqlite = (classId: string) => Prisma.sql`
  SELECT u."learnerId" AS "learnerId",
         group_concat(a."exerciseId" || char(31) || printf('%.17g', a."score") || char(31) || a."credited" || char(31) ||
                      CAST(round(unixepoch(a."createdAt", 'subsec') * 1000) AS INTEGER), char(30)) AS "packed"
  FROM "Membership" m
  JOIN "User" u ON u."id" = m."userId"
  JOIN "Attempt" a ON a."learnerId" = u."learnerId"
  WHERE m."classId" = ${classId} AND m."role" = 'student' AND a."exerciseId" IN (${publishedExercisesOf(classId)})
  GROUP BY m."userId"`;

// The same rows on PostgreSQL: string_agg for group_concat; float8's text form is
// the shortest that reads back to the same double (extra_float_digits 1, the
// default since PostgreSQL 12); createdAt is timestamp(3) in UTC, so its epoch
// is exact to the millisecond.
const packedAttemptsPostgres = (classId: string) => Prisma.sql`
  SELECT u."learnerId" AS "learnerId",
         string_agg(a."exerciseId" || chr(31) || a."score"::text || chr(31) || (CASE WHEN a."credited" THEN '1' ELSE '0' END) || chr(31) ||
                    round(extract(epoch FROM a."createdAt") * 1000)::bigint::text, chr(30)) AS "packed"
  FROM "Membership" m
  JOIN "User" u ON u."id" = m."userId"
  JOIN "Attempt" a ON a."learnerId" = u."learnerId"
  WHERE m."classId" = ${classId} AND m."role" = 'student' AND a."exerciseId" IN (${publishedExercisesOf(classId)})
  GROUP BY m."userId", u."learnerId"`;

/**
 * Every attempt of the class's students on the exercises of its published
 * assignments, whenever it was made (the policy decides what counts).
 *
 * One row per student, the attempts packed into one text by group_concat
 * (exercise, score, credited, time in ms since the epoch; unit and record
 * separators): 100,000 attempts cross the driver as 500 rows. Read one row per attempt, Prisma's
 * raw-query path spent about 0.5 s converting them on the benchmark's class;
 * splitting the text in JavaScript takes a tenth of that. printf('%.17g')
 * keeps every bit of the score; unixepoch(…, 'subsec') reads both forms of
 * stored time (Prisma's ISO text and CURRENT_TIMESTAMP's) to the millisecond. The joins start from the class's memberships,
 * and group by the membership's userId (that index's order, so no sort), and
 * the covering Attempt(learnerId, exerciseId, createdAt, score, credited)
 * index serves each student without reading a table row. PostgreSQL gets the
 * same packing with its own functions.
 */
export async function classAttemptsForGradebook(classId: string): Promise<GradebookAttempt[]> {
  await databaseReady();
  const rows = await prisma.$queryRaw<{ learnerId: string; packed: string | null }[]>(dialect === "postgresql" ? packedAttemptsPostgres(classId) : packedAttemptsSqlite(classId));
  const attempts: GradebookAttempt[] = [];
  for (const { learnerId, packed } of rows) {
    if (!packed) continue;
    // indexOf rather than split: no array per attempt (the gradebook of a large class is 100,000 of them).
    let at = 0;
    while (at < packed.length) {
      let end = packed.indexOf(RECORD, at);
      if (end < 0) end = packed.length;
      const u1 = packed.indexOf(UNIT, at);
      const u2 = packed.indexOf(UNIT, u1 + 1);
      const u3 = packed.indexOf(UNIT, u2 + 1);
      attempts.push({
        learnerId,
        exerciseId: packed.slice(at, u1),
        score: Number(packed.slice(u1 + 1, u2)),
        credited: packed.charCodeAt(u2 + 1) === 49, // "1"
        createdAt: new Date(Number(packed.slice(u3 + 1, end))),
      });
      at = end + 1;
    }
  }
  return attempts;
}

/** Everything the gradebook page and gradebook.csv need, read together. */
export async function gradebookRecords(classId: string) {
  const [students, assignments, attempts] = await Promise.all([classStudents(classId), publishedAssignments(classId), classAttemptsForGradebook(classId)]);
  return { students, assignments, attempts };
}

/** An attempt with what it said and what it was told: the attempt details, the exports, the analyses. */
export type DetailedAttempt = GradebookAttempt & {
  id: string;
  variantSeed: number;
  /** Parsed JSON, or the raw text when it does not parse. */
  answer: unknown;
  feedback: unknown;
  hintsUsed: number;
};

type RawDetailedAttempt = RawGradedAttempt & { id: string; variantSeed: number | bigint; answer: string; feedback: string; hintsUsed: number | bigint };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toDetailed(r: RawDetailedAttempt): DetailedAttempt {
  return {
    id: r.id,
    learnerId: r.learnerId,
    exerciseId: r.exerciseId,
    variantSeed: Number(r.variantSeed),
    score: Number(r.score),
    credited: r.credited === true || Number(r.credited) === 1,
    createdAt: toDate(r.createdAt),
    answer: parseJson(r.answer),
    feedback: parseJson(r.feedback),
    hintsUsed: Number(r.hintsUsed),
  };
}

/** One student's attempts on the given exercises, oldest first (a gradebook cell's details). */
export async function learnerAttemptsOn(learnerId: string, exerciseIds: readonly string[]): Promise<DetailedAttempt[]> {
  await databaseReady();
  const rows = await prisma.attempt.findMany({
    where: { learnerId, exerciseId: { in: [...exerciseIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => toDetailed({ ...r, credited: r.credited ? 1 : 0 }));
}

/**
 * Detailed attempts of the class's students on its published assignments'
 * exercises, a batch of students at a time (the attempts export streams them;
 * the analyses read them all). Oldest first within each student.
 */
export async function classAttemptsDetailed(classId: string, learnerIds: readonly string[]): Promise<DetailedAttempt[]> {
  await databaseReady();
  if (learnerIds.length === 0) return [];
  const rows = await prisma.$queryRaw<RawDetailedAttempt[]>`
    SELECT a."id" AS "id", a."learnerId" AS "learnerId", a."exerciseId" AS "exerciseId", a."variantSeed" AS "variantSeed",
           a."answer" AS "answer", a."score" AS "score", a."feedback" AS "feedback", a."credited" AS "credited",
           a."hintsUsed" AS "hintsUsed", a."createdAt" AS "createdAt"
    FROM "Attempt" a
    WHERE a."learnerId" IN (${Prisma.join([...learnerIds])}) AND a."exerciseId" IN (${publishedExercisesOf(classId)})
    ORDER BY a."learnerId", a."createdAt", a."id"`;
  return rows.map(toDetailed);
}
