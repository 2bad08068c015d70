/**
 * npm run bench:gradebook: the server work behind the gradebook of a large
 * class, on a fresh SQLite database migrated the normal way (Prisma's
 * `migrate deploy`, as scripts/prepare-db.mjs and the tests do).
 *
 * Seeds one class of 500 students and 20 published assignments of 5
 * exercises (100 distinct exercises: the catalog's, then synthetic ones), with
 * 10 attempts per student per assignment (2 per exercise): 100,000 attempts,
 * the size decision record 0010 names, inserted in one transaction with
 * better-sqlite3 (a seed, not the code under test). `-- --attempts-per-exercise 10`
 * seeds 500,000 instead, for a look past it. Seeds are
 * per learner, exercise and round, as lib/exercises/learnerVariant.ts draws
 * them, so the attempts export builds as many variants as a real class would.
 *
 * Then times, through the same functions the pages and routes call:
 *   - the gradebook page's data: read students, assignments and attempts,
 *     score every cell with assignmentResult, sort;
 *   - gradebook.csv: the same, written as CSV;
 *   - attempts.csv: every attempt with its answer in words (reported, no target).
 * Each is run once cold (the first request after start) and then 7 times warm;
 * the median of the warm runs is reported. Target: under 300 ms for the first two.
 * Last line: JSON with the figures.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { time as timeRuns } from "./benchTiming";

const STUDENTS = 500;
const ASSIGNMENTS = 20;
const PER_ASSIGNMENT = 5;
const option = process.argv.indexOf("--attempts-per-exercise");
const ATTEMPTS_EACH = option > 0 ? Number(process.argv[option + 1]) : 2;
if (!Number.isInteger(ATTEMPTS_EACH) || ATTEMPTS_EACH < 1) throw new Error("--attempts-per-exercise takes a whole number ≥ 1");
const WARM_RUNS = 7;

const root = path.resolve(import.meta.dirname, "..");
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-bench-gradebook-"));
// BENCH_GRADEBOOK_DB=<file>: seed once into that file and reuse it on later runs (for profiling).
const kept = process.env.BENCH_GRADEBOOK_DB;
const file = kept ?? path.join(directory, "bench.db");
const reuse = kept !== undefined && fs.existsSync(kept);
process.env.DATABASE_URL = `file:${file}`;

function migrate() {
  execFileSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
}

/** The text Prisma writes for a DateTime in SQLite. */
const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(): Promise<{ classId: string; attempts: number; seconds: number }> {
  const started = performance.now();
  const { exercises } = await import("../lib/exercises/catalog");
  const { seedFromText } = await import("../lib/exercises/variantRandom");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const rand = random(42);
  const day = 86_400_000;
  const termStart = Date.UTC(2026, 8, 1);
  const classId = "bench-class";
  const real = exercises.slice(0, ASSIGNMENTS * PER_ASSIGNMENT);
  const exerciseIds = Array.from({ length: ASSIGNMENTS * PER_ASSIGNMENT }, (_, i) => real[i]?.id ?? `bench-exercise-${i + 1}`);
  const solution = "A worked solution, stored with every attempt as the graders do. ".repeat(10);

  db.transaction(() => {
    db.prepare(`INSERT INTO "Lesson" ("id","slug","title","order","summary","contentHash","updatedAt") VALUES (?,?,?,?,?,?,?)`).run(
      "bench-lesson", "bench-lesson", "Bench", 99, "Seeded by scripts/bench-gradebook.ts", "x", stamp(termStart),
    );
    const exercise = db.prepare(`INSERT INTO "Exercise" ("id","lessonId","kind","title","position") VALUES (?,?,?,?,?)`);
    exerciseIds.forEach((id, i) => exercise.run(id, "bench-lesson", real[i]?.kind ?? "numeric", real[i]?.title ?? `Bench exercise ${i + 1}`, i + 1));
    db.prepare(`INSERT INTO "Class" ("id","name","term","timeZone","joinCode","createdAt") VALUES (?,?,?,?,?,?)`).run(
      classId, "Networks 101", "Fall 2026", "Europe/Berlin", "BENCH1", stamp(termStart),
    );
    const learner = db.prepare(`INSERT INTO "Learner" ("id","createdAt") VALUES (?,?)`);
    const user = db.prepare(`INSERT INTO "User" ("id","email","passwordHash","role","createdAt","learnerId") VALUES (?,?,?,?,?,?)`);
    const member = db.prepare(`INSERT INTO "Membership" ("classId","userId","role","joinedAt") VALUES (?,?,?,?)`);
    learner.run("bench-teacher-learner", stamp(termStart));
    user.run("bench-teacher", "teacher@example.com", "x", "instructor", stamp(termStart), "bench-teacher-learner");
    member.run(classId, "bench-teacher", "owner", stamp(termStart));
    const assignment = db.prepare(
      `INSERT INTO "Assignment" ("id","classId","title","opensAt","dueAt","maxAttempts","counts","latePolicy","publishedAt","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
    );
    const item = db.prepare(`INSERT INTO "AssignmentItem" ("assignmentId","exerciseId","position") VALUES (?,?,?)`);
    const windows: { opens: number }[] = [];
    for (let a = 0; a < ASSIGNMENTS; a++) {
      const opens = termStart + a * 7 * day;
      const due = opens + 7 * day;
      windows.push({ opens });
      // A mix of policies, so every branch of assignmentResult is exercised.
      assignment.run(`bench-assignment-${a + 1}`, classId, `Week ${a + 1}`, stamp(opens), stamp(due), [null, 3, 5][a % 3], a % 2 ? "last" : "best", a % 4 < 2 ? "refuse" : "accept", stamp(opens), stamp(opens));
      for (let p = 0; p < PER_ASSIGNMENT; p++) item.run(`bench-assignment-${a + 1}`, exerciseIds[a * PER_ASSIGNMENT + p]!, p + 1);
    }
    const attempt = db.prepare(
      `INSERT INTO "Attempt" ("id","learnerId","exerciseId","variantSeed","answer","score","feedback","credited","hintsUsed","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
    );
    const answers = new Map<string, string>();
    let n = 0;
    for (let s = 0; s < STUDENTS; s++) {
      const learnerId = `bench-learner-${s + 1}`;
      learner.run(learnerId, stamp(termStart));
      user.run(`bench-user-${s + 1}`, `student${String(s + 1).padStart(3, "0")}@example.com`, "x", "learner", stamp(termStart), learnerId);
      member.run(classId, `bench-user-${s + 1}`, "student", stamp(termStart));
      for (let a = 0; a < ASSIGNMENTS; a++) {
        const { opens } = windows[a]!;
        for (let p = 0; p < PER_ASSIGNMENT; p++) {
          const index = a * PER_ASSIGNMENT + p;
          const exerciseId = exerciseIds[index]!;
          // Mostly inside the window, some before it opens and some after it is due.
          let t = opens - day + rand() * 9 * day;
          for (let k = 0; k < ATTEMPTS_EACH; k++) {
            const round = Math.floor(k / 3);
            const variantSeed = seedFromText(`${learnerId}:${exerciseId}:${round}`);
            const key = `${exerciseId}:${variantSeed}`;
            let answer = answers.get(key);
            if (answer === undefined) {
              const definition = real[index];
              answer = JSON.stringify(definition ? definition.correctAnswer(variantSeed) : { value: String(k) });
              answers.set(key, answer);
            }
            const score = rand() < 0.3 ? 1 : Math.round(rand() * 4) / 4;
            const feedback = JSON.stringify({
              summary: score === 1 ? "Right." : "Not quite.",
              items: score === 1 ? [] : [{ label: `Part ${1 + (k % 3)}`, correct: false, message: "What was wrong, without the answer." }],
              solution,
            });
            attempt.run(`bench-attempt-${++n}`, learnerId, exerciseId, variantSeed, answer, score, feedback, rand() < 0.95 ? 1 : 0, k % 3, stamp(t));
            t += rand() * 6 * 3_600_000;
          }
        }
      }
    }
  })();
  db.close();
  return { classId, attempts: STUDENTS * ASSIGNMENTS * PER_ASSIGNMENT * ATTEMPTS_EACH, seconds: (performance.now() - started) / 1000 };
}

const time = (name: string, work: () => Promise<unknown>, runs = WARM_RUNS) => timeRuns(name, work, runs);

try {
  console.log(`Database: ${file}`);
  console.log(`Load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  const seeded = reuse ? { classId: "bench-class", attempts: NaN, seconds: 0 } : (migrate(), await seed());
  console.log(`Seeded ${STUDENTS} students, ${ASSIGNMENTS} assignments of ${PER_ASSIGNMENT} exercises, ${seeded.attempts.toLocaleString("en-US")} attempts in ${seeded.seconds.toFixed(1)} s.`);

  // Imported after DATABASE_URL points at the fresh file: lib/db opens it on import.
  const { classGradebook, gradebookCsvFor, attemptsCsvFor } = await import("../lib/teaching/classExports");
  const { sortGradebookRows } = await import("../lib/teaching/gradebook");

  let rows = 0;
  const page = await time("gradebook page data", async () => {
    const gradebook = await classGradebook(seeded.classId);
    rows = sortGradebookRows(gradebook, { by: "total", direction: "desc" }).length;
  });
  let bytes = 0;
  const csv = await time("gradebook.csv", async () => {
    bytes = Buffer.byteLength(await gradebookCsvFor(seeded.classId));
  });
  let attemptBytes = 0;
  const attemptsCsv = await time(
    "attempts.csv",
    async () => {
      attemptBytes = Buffer.byteLength(await attemptsCsvFor(seeded.classId, "Europe/Berlin"));
    },
    3,
  );
  console.log(`(${rows} gradebook rows; gradebook.csv ${(bytes / 1024).toFixed(0)} KiB; attempts.csv ${(attemptBytes / 1024 / 1024).toFixed(1)} MiB)`);
  console.log(JSON.stringify({ gradebookPage: page, gradebookCsv: csv, attemptsCsv }));
} finally {
  fs.rmSync(directory, { recursive: true, force: true });
}
