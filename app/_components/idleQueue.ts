// Work a page can do a little later: jobs run one at a time, each in a
// moment the browser is idle, and the next waits until the previous one's
// promise settles. A lesson's exercises that are still far from the reader
// fetch and render their variants this way, one after another, instead of
// all at once while the page loads, where their renders joined into long
// tasks (most of a lesson's total blocking time after its widgets became
// islands; docs/performance.md).
type Job = () => Promise<unknown>;

const queue: Job[] = [];
let running = false;

/** How long a job may wait for an idle moment on a page that is never idle. */
const IDLE_TIMEOUT_MS = 2_000;

function whenBrowserIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 50);
}

function pump(): void {
  if (running || queue.length === 0) return;
  running = true;
  whenBrowserIdle(async () => {
    const job = queue.shift()!;
    try {
      await job();
    } catch {
      // A job reports its own failure (the exercise shows its error); the queue goes on.
    }
    running = false;
    pump();
  });
}

/** Queues `job` for an idle moment; the returned function drops it if it has not started. */
export function whenIdle(job: Job): () => void {
  let dropped = false;
  queue.push(() => (dropped ? Promise.resolve() : job()));
  pump();
  return () => {
    dropped = true;
  };
}
