// Simulator-task replays off the request thread. A submitted action log is
// replayed through the simulator (a SYN flood run takes ~150 ms of CPU), and a
// burst of them on the request thread stalls every other request the server
// answers. Here they run in worker threads (piscina) at lower CPU priority,
// at most `threads` at once; at most `queue` more wait, and beyond that a
// submission is refused at once ("the grader is busy", 503 + Retry-After)
// rather than piling up; a replay that runs past its budget has its thread
// stopped (and replaced), so no request waits forever.
import "server-only";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import type { TaskRun, TaskValues } from "../labs/tasks/taskModel";

export type ReplayPoolOptions = {
  /** Replays running at once, one per worker thread (REPLAY_THREADS; default: cores − 1, at least 1). */
  threads: number;
  /** Replays that may wait for a thread; one more is refused as busy (REPLAY_QUEUE; default 8 per thread). */
  queue: number;
  /** How long one replay may run before its thread is stopped (REPLAY_BUDGET_MS; default 5,000). */
  budgetMs: number;
  /** Added to the worker threads' nice value so request handling wins the CPU (REPLAY_NICE; default 10; Linux/macOS). */
  niceIncrement: number;
};

/** Refused without waiting: every thread is busy and the queue is full. */
export class GraderBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The grader is busy");
    this.name = "GraderBusyError";
  }
}

/** The replay ran past its budget; its thread was stopped. */
export class ReplayTooLongError extends Error {
  constructor(readonly budgetMs: number) {
    super(`The replay took longer than ${budgetMs} ms`);
    this.name = "ReplayTooLongError";
  }
}

function whole(raw: string | undefined, fallback: number, min: number): number {
  const value = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

export function replayPoolOptions(env: Record<string, string | undefined> = process.env): ReplayPoolOptions {
  const threads = whole(env.REPLAY_THREADS, Math.max(1, os.availableParallelism() - 1), 1);
  return {
    threads,
    queue: whole(env.REPLAY_QUEUE, 8 * threads, 0),
    budgetMs: whole(env.REPLAY_BUDGET_MS, 5_000, 1),
    niceIncrement: whole(env.REPLAY_NICE, 10, 0),
  };
}

/**
 * The worker entry, found from the project folder at run time: npm scripts,
 * `next start` and Vitest all run there, and a path computed at run time is
 * one the bundler leaves alone (the worker is not part of Next's bundle).
 */
export function replayWorkerFile(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "exercises", "replayWorker.mjs");
}

export type ReplayPool = {
  /** The task model's run over these values, computed in a worker thread. */
  run(task: string, values: TaskValues): Promise<TaskRun>;
  /** Replays running and waiting now, and how many threads were stopped (over budget) and replaced so far. */
  stats(): { running: number; waiting: number; threadsStopped: number };
  close(): Promise<void>;
};

export function createReplayPool(options: ReplayPoolOptions, filename = replayWorkerFile()): ReplayPool {
  const piscina = new Piscina({
    filename,
    minThreads: options.threads,
    maxThreads: options.threads,
    concurrentTasksPerWorker: 1,
    niceIncrement: options.niceIncrement,
    idleTimeout: Number.MAX_SAFE_INTEGER,
  });
  let closed = false;
  // A thread loads the simulator when it starts (1-2 s); a replay's budget starts once its thread is up.
  const warm = () => {
    const loaded = Promise.all(Array.from({ length: options.threads }, () => piscina.run({ warm: true }))).then(() => undefined);
    loaded.catch(() => undefined); // reported to the replays that wait for it, not as an unhandled rejection
    return loaded;
  };
  let ready = warm();
  let threadsStopped = 0;
  piscina.on("workerDestroy", () => {
    if (closed) return;
    threadsStopped++;
    // Piscina replaces the thread once it has finished tearing this one down.
    ready = new Promise((resolve) => setImmediate(resolve)).then(() => (closed ? undefined : warm()));
    // As warm()'s own: closing the pool while this warms up rejects it, and no replay may be waiting.
    ready.catch(() => undefined);
  });

  let running = 0;
  const waiting: (() => void)[] = [];
  let averageMs = 200;

  async function acquire(): Promise<void> {
    if (running < options.threads) {
      running++;
      return;
    }
    if (waiting.length >= options.queue) {
      const seconds = Math.ceil(((waiting.length + running) * averageMs) / options.threads / 1000);
      throw new GraderBusyError(Math.max(1, seconds));
    }
    // The slot is handed over by release(), so `running` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release() {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    async run(task, values) {
      if (closed) throw new Error("The replay pool is closed");
      await acquire();
      try {
        await ready;
        const started = performance.now();
        const budget = new AbortController();
        const timer = setTimeout(() => budget.abort(), options.budgetMs);
        try {
          return (await piscina.run({ task, values }, { signal: budget.signal })) as TaskRun;
        } catch (error) {
          if (budget.signal.aborted) throw new ReplayTooLongError(options.budgetMs);
          throw error;
        } finally {
          clearTimeout(timer);
          averageMs = 0.8 * averageMs + 0.2 * (performance.now() - started);
        }
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length, threadsStopped }),
    async close() {
      closed = true;
      await piscina.destroy();
    },
  };
}

// One pool per server process (Next's dev server re-evaluates modules; the pool must survive that).
const globalForPool = globalThis as unknown as { tcpCourseReplayPool?: ReplayPool };

export function replayPool(): ReplayPool {
  globalForPool.tcpCourseReplayPool ??= createReplayPool(replayPoolOptions());
  return globalForPool.tcpCourseReplayPool;
}

/** Stops the shared pool's threads (tests; a server just exits). */
export async function closeReplayPool(): Promise<void> {
  const pool = globalForPool.tcpCourseReplayPool;
  globalForPool.tcpCourseReplayPool = undefined;
  await pool?.close();
}
