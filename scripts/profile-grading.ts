/**
 * `node --conditions=react-server --import tsx scripts/profile-grading.ts [--submissions 2000] [--concurrency 20]`
 * (add `--cpu-prof --cpu-prof-dir=.cache/profiles` before `--import` to profile).
 *
 * Grading without HTTP or Next's server: choice-exercise submissions, each
 * from a new guest, sent straight to the attempts route handler on a fresh
 * SQLite database (or the PostgreSQL database DATABASE_URL names), `--concurrency` at a time. Prints submissions per second
 * and the SQL statements one submission costs, to see where a submission's
 * time goes (scripts/measure-throughput.mjs measures the real server).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SUBMISSIONS = option("submissions", 2000);
const CONCURRENCY = option("concurrency", 20);
const EXERCISE = "header-fields-syn-only-options";

const root = path.resolve(import.meta.dirname, "..");
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tcp-course-profile-")), "profile.db");
// A PostgreSQL DATABASE_URL is kept (a fresh database, e.g. one created for the purpose); anything else is replaced by a fresh SQLite file.
if (!process.env.DATABASE_URL?.startsWith("postgres")) process.env.DATABASE_URL = `file:${file}`;
// Every submission comes from one address: lift the per-address limit, as scripts/measure-throughput.mjs does.
process.env.SUBMISSION_LIMIT_PER_ADDRESS ??= "100000000";
execFileSync(process.execPath, [path.join(root, "scripts", "prepare-db.mjs")], { cwd: root, env: process.env, stdio: "ignore" });

const { NextRequest } = await import("next/server");
const { POST } = await import("@/app/api/exercises/[id]/attempts/route");
const { findExercise } = await import("@/lib/exercises/catalog");
const { seedFor } = await import("@/lib/exercises/learnerVariant");
const { signLearnerId } = await import("@/lib/learner/anonymousLearner");
const { learnerIdSecret } = await import("@/lib/learner/secret");
const exercise = findExercise(EXERCISE)!;
// The server adopts only guest ids signed with its secret (decision record 0012); an unsigned one would be replaced, and every submission refused as a stale variant.
const secret = await learnerIdSecret();

function submission() {
  const learnerId = randomUUID();
  const variantSeed = seedFor(learnerId, EXERCISE, 0);
  const input = exercise.publicVariant(variantSeed).inputs[0] as { options: { value: string }[] };
  return new NextRequest(`http://127.0.0.1:3000/api/exercises/${EXERCISE}/attempts`, {
    method: "POST",
    headers: { cookie: `tcp_learner=${signLearnerId(learnerId, secret)}`, "content-type": "application/json", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
    body: JSON.stringify({ variantSeed, answer: { choice: [input.options[0]!.value] } }),
  });
}

async function send(count: number) {
  let next = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < count) {
        const response = await POST(submission(), { params: Promise.resolve({ id: EXERCISE }) });
        await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

await send(200); // warm up
const started = performance.now();
const cpu = process.cpuUsage();
const statuses = await send(SUBMISSIONS);
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
// Wall time includes waits on the disk (the WAL's sync at each commit) and, on a busy machine, on other processes; CPU time per submission is steadier.
console.log(
  `profile-grading: ${SUBMISSIONS} submissions in ${seconds.toFixed(2)} s: ${Math.round(SUBMISSIONS / seconds)}/s; ` +
    `CPU ${((user + system) / 1000 / SUBMISSIONS).toFixed(3)} ms per submission (user ${(user / 1000 / SUBMISSIONS).toFixed(3)}, system ${(system / 1000 / SUBMISSIONS).toFixed(3)}); ` +
    `statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
);
fs.rmSync(path.dirname(file), { recursive: true, force: true });
process.exit(0);
