// The two CSV exports, wired from the queries (lib/db/gradebook.ts) and the
// pure builders (gradebook.ts, attemptsExport.ts). Shared by the route
// handlers and scripts/bench-gradebook.ts, so the benchmark times exactly
// what a download does.
import "server-only";
import { classAttemptsDetailed, classStudents, gradebookRecords, publishedAssignments } from "@/lib/db/gradebook";
import { answerDescriber, exerciseTitle } from "./answerText";
import { ATTEMPTS_HEADER, attemptRecords } from "./attemptsExport";
import { CSV_BOM, csvRecord } from "./csv";
import { buildGradebook, gradebookCsv, type Gradebook } from "./gradebook";

export async function classGradebook(classId: string, now = new Date()): Promise<Gradebook> {
  const { students, assignments, attempts } = await gradebookRecords(classId);
  return buildGradebook(students, assignments, attempts, now);
}

export async function gradebookCsvFor(classId: string, now = new Date()): Promise<string> {
  return gradebookCsv(await classGradebook(classId, now));
}

/** Students per query: bounds memory, and lets the first bytes leave before the last student is read. */
const STUDENTS_PER_BATCH = 50;

/** attempts.csv in pieces: the BOM and header first, then one piece per batch of students. */
export async function* attemptsCsvChunks(classId: string, timeZone: string): AsyncGenerator<string> {
  const [students, assignments] = await Promise.all([classStudents(classId), publishedAssignments(classId)]);
  const describe = answerDescriber();
  const context = {
    assignments,
    timeZone,
    exerciseTitle,
    describe: (a: { exerciseId: string; variantSeed: number; answer: unknown }) => describe(a.exerciseId, a.variantSeed, a.answer).join("\n"),
  };
  yield CSV_BOM + csvRecord(ATTEMPTS_HEADER);
  for (let start = 0; start < students.length; start += STUDENTS_PER_BATCH) {
    const batch = students.slice(start, start + STUDENTS_PER_BATCH);
    const attempts = await classAttemptsDetailed(classId, batch.map((s) => s.learnerId));
    const text = attemptRecords(batch, attempts, context);
    if (text) yield text;
  }
}

/** The whole attempts.csv as one string (tests and the benchmark; the route streams). */
export async function attemptsCsvFor(classId: string, timeZone: string): Promise<string> {
  let out = "";
  for await (const chunk of attemptsCsvChunks(classId, timeZone)) out += chunk;
  return out;
}
