// The replay pool grades simulator tasks off the request thread: the same
// result as grading in-thread, at most `threads` replays at once, a bounded
// queue beyond which it refuses at once, and a budget past which a replay's
// thread is stopped.
import { afterAll, describe, expect, it } from "vitest";
import { exercises } from "@/lib/exercises/catalog";
import { createReplayPool, GraderBusyError, ReplayTooLongError, replayPoolOptions, type ReplayPool } from "@/lib/exercises/replayPool";
import type { TaskValues } from "@/lib/labs/tasks/taskModel";

const pools: ReplayPool[] = [];
const pool = (options: Partial<Parameters<typeof createReplayPool>[0]> = {}) => {
  const created = createReplayPool({ threads: 1, queue: 8, budgetMs: 10_000, niceIncrement: 0, ...options });
  pools.push(created);
  return created;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

const simulatorTasks = exercises.filter((exercise) => exercise.kind === "simulator-task");
// SYN flood run: the slowest task (about 150 ms of CPU here), so it is the one that can overrun a budget or fill a queue.
const SYN_FLOOD: TaskValues = { tcp_syncookies: "0", tcp_max_syn_backlog: 2048, somaxconn: 4096, tcp_synack_retries: 5 };

describe("replay pool", () => {
  it("grades every simulator task's correct and incorrect test answers exactly as grading in the request thread does", async () => {
    expect(simulatorTasks.length).toBeGreaterThanOrEqual(3);
    const replays = pool({ threads: 2 });
    for (const exercise of simulatorTasks) {
      expect(exercise.replay, exercise.id).toBeDefined();
      for (const seed of [1, 777, 0xfffffffe]) {
        const answers = [exercise.correctAnswer(seed), ...exercise.testAnswers.incorrect(seed).map((wrong) => wrong.answer)];
        for (const answer of answers) {
          const parsed = exercise.parse(answer, seed);
          if (!parsed.ok) throw new Error(parsed.errors.join("; "));
          const inThread = exercise.grade(seed, parsed.value);
          const offThread = exercise.replay!.gradeRun(seed, await replays.run(exercise.replay!.task, parsed.value));
          expect(offThread, `${exercise.id} seed ${seed} ${JSON.stringify(answer)}`).toEqual(inThread);
        }
      }
    }
  });

  it("gives a variant's worked solution without a replay, the same one grading shows", () => {
    for (const exercise of simulatorTasks) {
      for (const seed of [3, 4242]) {
        const parsed = exercise.parse(exercise.correctAnswer(seed), seed);
        if (!parsed.ok) throw new Error(parsed.errors.join("; "));
        expect(exercise.solution!(seed)).toBe(exercise.grade(seed, parsed.value).feedback.solution);
      }
    }
  });

  it("stops a replay that runs past its budget, stops its thread, and grades the next replay on a fresh thread", async () => {
    const replays = pool({ budgetMs: 5 });
    await expect(replays.run("syn-flood-sysctls", SYN_FLOOD)).rejects.toBeInstanceOf(ReplayTooLongError);
    expect(replays.stats().threadsStopped).toBe(1);
    expect(replays.stats().running).toBe(0);
    const generous = pool({ budgetMs: 10_000 });
    const run = await generous.run("server-time-wait", { clientCloseAt: 1, serverCloseAt: 1.5 });
    expect(run.metrics).toEqual({ serverState: "CLOSED", clientState: "TIME-WAIT" });
  });

  it("runs one replay per thread, queues up to its bound, and refuses the next at once as busy with a Retry-After", async () => {
    const replays = pool({ threads: 1, queue: 1 });
    const first = replays.run("syn-flood-sysctls", SYN_FLOOD);
    const second = replays.run("syn-flood-sysctls", SYN_FLOOD);
    expect(replays.stats()).toMatchObject({ running: 1, waiting: 1 });
    const refused = await replays.run("syn-flood-sysctls", SYN_FLOOD).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraderBusyError);
    expect((refused as GraderBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const [a, b] = await Promise.all([first, second]);
    expect(a.metrics).toEqual(b.metrics);
    expect(replays.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("refuses an unknown task with an error instead of hanging", async () => {
    await expect(pool().run("no-such-task", {})).rejects.toThrow(/No simulator task "no-such-task"/);
  });

  it("takes cores − 1 threads (at least one) by default, and its limits from REPLAY_* variables when they are whole numbers", () => {
    const defaults = replayPoolOptions({});
    expect(defaults.threads).toBeGreaterThanOrEqual(1);
    expect(defaults.queue).toBe(8 * defaults.threads);
    expect(defaults.budgetMs).toBe(5_000);
    expect(replayPoolOptions({ REPLAY_THREADS: "3", REPLAY_QUEUE: "0", REPLAY_BUDGET_MS: "250", REPLAY_NICE: "0" })).toEqual({
      threads: 3,
      queue: 0,
      budgetMs: 250,
      niceIncrement: 0,
    });
    expect(replayPoolOptions({ REPLAY_THREADS: "0", REPLAY_QUEUE: "-1", REPLAY_BUDGET_MS: "fast" })).toMatchObject({ threads: defaults.threads, queue: defaults.queue, budgetMs: 5_000 });
  });
});
