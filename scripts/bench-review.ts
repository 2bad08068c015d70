/**
 * npm run bench:review: building a learner's review queue (what /review reads
 * on every visit) on a fresh SQLite database migrated the normal way
 * (Prisma's `migrate deploy`, as scripts/prepare-db.mjs and the tests do).
 *
 * Seeds one learner with 2,000 review cards and 20,000 review logs (10 per
 * card over the past 400 days, and at least one review on each of the last
 * 100 days, so the streak is long and its read goes past the first window to
 * every log), half the cards due, half not yet; every exercise of the course
 * and every interview question is a card, the rest are synthetic items that
 * join the course's catalog for the run (reviewQueue takes the catalog), so
 * all 2,000 count. 200
 * other learners hold 200 cards and 1,000 logs each, so the indexes have
 * something to skip. Inserted in one transaction with better-sqlite3 (a
 * seed, not the code under test).
 *
 * Then times, through the functions the page and the dashboard call:
 *   - reviewQueue: the first page of due cards oldest first with titles, how
 *     many are due now and today, total, next due, the streak. Target: under
 *     50 ms.
 *   - reviewSummary: the dashboard's due today and streak.
 * Each once cold, then 9 times warm; the median of the warm runs is reported,
 * with CPU time beside it. Last line: JSON with the figures; the exit code
 * is 1 over the target. BENCH_REVIEW_KEEP=<file> keeps a copy of the seeded
 * database there (for profiling).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { time as timeRuns } from "./benchTiming";

const CARDS = 2_000;
const LOGS_PER_CARD = 10;
const OTHER_LEARNERS = 200;
const OTHER_CARDS = 200;
const OTHER_LOGS_PER_CARD = 5;
const WARM_RUNS = 9;
const TARGET_MS = 50;

const root = path.resolve(import.meta.dirname, "..");
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-bench-review-"));
const file = path.join(directory, "bench.db");
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

const DAY = 86_400_000;

/** The synthetic items' ids of one kind (seed() gives card c the item bench-item-<c+1>, a question when c % 3 == 0). */
function syntheticIds(kind: "exercise" | "question"): string[] {
  return Array.from({ length: CARDS }, (_, c) => c).filter((c) => (c % 3 === 0) === (kind === "question")).map((c) => `bench-item-${c + 1}`);
}
const LEARNER = "bench-review-learner";

async function seed(now: number): Promise<{ cards: number; logs: number; seconds: number }> {
  const started = performance.now();
  const { exercises } = await import("../lib/exercises/catalog");
  const { interviewQuestions } = await import("../content/interview");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const rand = random(7);
  let cards = 0;
  let logs = 0;
  db.transaction(() => {
    const learner = db.prepare(`INSERT INTO "Learner" ("id","createdAt") VALUES (?,?)`);
    const card = db.prepare(
      `INSERT INTO "ReviewCard" ("id","learnerId","kind","itemId","due","stability","difficulty","elapsedDays","scheduledDays","learningSteps","reps","lapses","state","lastReview","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const log = db.prepare(
      `INSERT INTO "ReviewLog" ("id","cardId","rating","score","state","due","stability","difficulty","elapsedDays","scheduledDays","reviewedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const seedLearner = (learnerId: string, count: number, logsEach: number, items: { kind: string; id: string }[], streakDays: number) => {
      learner.run(learnerId, stamp(now - 500 * DAY));
      for (let c = 0; c < count; c++) {
        const item = items[c] ?? { kind: c % 3 === 0 ? "question" : "exercise", id: `bench-item-${c + 1}` };
        const cardId = `${learnerId}-card-${c + 1}`;
        // Half due (up to 60 days overdue), half due in the next 60 days.
        const due = c % 2 === 0 ? now - rand() * 60 * DAY : now + 60_000 + rand() * 60 * DAY;
        const times = Array.from({ length: logsEach }, () => now - 1 - rand() * 400 * DAY);
        // The learner reviewed something on each of the last `streakDays` days.
        if (c < streakDays) times[0] = now - c * DAY - rand() * 3_600_000;
        times.sort((a, b) => a - b);
        const last = times.at(-1)!;
        card.run(cardId, learnerId, item.kind, item.id, stamp(due), 10 + rand() * 50, 1 + rand() * 9, 3, 10, 0, logsEach, Math.floor(rand() * 3), 2, stamp(last), stamp(times[0]! - DAY));
        times.forEach((t, k) => {
          log.run(`${cardId}-log-${k + 1}`, cardId, 1 + Math.floor(rand() * 3), rand(), 2, stamp(t + DAY), 10, 5, 1, 1, stamp(t));
        });
        cards += 1;
        logs += logsEach;
      }
    };
    const real = [...exercises.map((e) => ({ kind: "exercise", id: e.id })), ...interviewQuestions.map((q) => ({ kind: "question", id: q.id }))];
    // Spread the real items over the learner's cards (every other card is due).
    const items: { kind: string; id: string }[] = [];
    real.forEach((item, i) => (items[i * 2] = item));
    seedLearner(LEARNER, CARDS, LOGS_PER_CARD, items, 100);
    for (let l = 0; l < OTHER_LEARNERS; l++) seedLearner(`bench-other-${l + 1}`, OTHER_CARDS, OTHER_LOGS_PER_CARD, [], 3);
  })();
  db.close();
  return { cards, logs, seconds: (performance.now() - started) / 1000 };
}

const time = (name: string, work: () => Promise<unknown>, runs = WARM_RUNS) => timeRuns(name, work, runs);

try {
  const now = Date.now();
  console.log(`Database: ${file}`);
  console.log(`Load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  migrate();
  const seeded = await seed(now);
  console.log(
    `Seeded ${seeded.cards.toLocaleString("en-US")} cards and ${seeded.logs.toLocaleString("en-US")} logs in ${seeded.seconds.toFixed(1)} s ` +
      `(the learner under test: ${CARDS.toLocaleString("en-US")} cards, ${(CARDS * LOGS_PER_CARD).toLocaleString("en-US")} logs).`,
  );
  const { courseCatalog, reviewQueue, reviewSummary } = await import("../lib/review/service");
  // The course has about 150 exercises and questions; a learner with 2,000 cards needs 2,000 items, so the
  // synthetic ones join the course's own for this run (titled like an exercise), and every card counts.
  const course = courseCatalog();
  const catalog = {
    items: { exercise: [...course.items.exercise, ...syntheticIds("exercise")], question: [...course.items.question, ...syntheticIds("question")] },
    describe: (kind: "exercise" | "question", itemId: string) =>
      course.describe(kind, itemId) ?? (itemId.startsWith("bench-item-") ? { title: `Bench item ${itemId.slice(11)}`, context: kind === "exercise" ? "Lesson exercise" : "Interview question" } : undefined),
  };
  let shape = "";
  const queue = await time("review queue (/review)", async () => {
    const q = await reviewQueue(LEARNER, new Date(now), catalog);
    shape = `first ${q.items.length} due cards with titles, ${q.dueNow} due now, ${q.dueToday} due today, ${q.total} cards, streak ${q.streak} days, next due ${q.nextDue}`;
  });
  console.log(`(${shape})`);
  const summary = await time("review summary (/dashboard)", () => reviewSummary(LEARNER, new Date(now), catalog));
  console.log(queue.medianMs < TARGET_MS ? `OK: the queue builds in under ${TARGET_MS} ms.` : `SLOW: the queue takes ${queue.medianMs} ms, over the ${TARGET_MS} ms target.`);
  console.log(JSON.stringify({ reviewQueue: queue, reviewSummary: summary }));
  if (queue.medianMs >= TARGET_MS) process.exitCode = 1;
  if (process.env.BENCH_REVIEW_KEEP) { fs.copyFileSync(file, process.env.BENCH_REVIEW_KEEP); }
} finally {
  fs.rmSync(directory, { recursive: true, force: true });
}
