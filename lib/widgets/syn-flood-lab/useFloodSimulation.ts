// Runs the lab's simulation for the committed controls without blocking the
// page: in a module Web Worker, the first run only once the browser is idle
// (never during hydration), each newer control change superseding the run in
// flight (its worker is terminated: a synchronous simulation cannot be asked
// to stop). Where Worker does not exist (jsdom in unit tests) the same runLab
// runs on the main thread after a paint, loaded only then.
import { startTransition, useEffect, useRef, useState } from "react";
import type { LabControls } from "../../labs/syn-flood-lab/controls";
import type { FloodReply, FloodRequest } from "../../labs/syn-flood-lab/floodRun";
import type { LabResult } from "../../labs/syn-flood-lab/runLab";

export type FloodSimulation = {
  /** The latest finished run, kept on screen (dimmed) while a newer one runs. */
  result: LabResult | null;
  /** The controls `result` was computed for. */
  resultFor: LabControls | null;
  /** performance.now() when the run in flight started; null when none runs. */
  startedAt: number | null;
  /** Why the latest run failed, if it did. */
  error: string | null;
  /** The run finished and its result is being drawn. */
  drawing: boolean;
};

type Idle = { cancel: () => void };

/** requestIdleCallback where it exists (not Safari): the first run waits for hydration and the first paints. */
function whenIdle(run: () => void): Idle {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(run, { timeout: 3000 });
    return { cancel: () => window.cancelIdleCallback(handle) };
  }
  const handle = window.setTimeout(run, 200);
  return { cancel: () => window.clearTimeout(handle) };
}

function createWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(new URL("./floodWorker.ts", import.meta.url), { type: "module", name: "syn-flood-lab" });
  } catch {
    return null;
  }
}

export function useFloodSimulation(controls: LabControls): FloodSimulation {
  const [state, setState] = useState<FloodSimulation>({ result: null, resultFor: null, startedAt: null, error: null, drawing: false });
  const worker = useRef<Worker | null>(null);
  const inFlight = useRef<number | null>(null);
  const nextId = useRef(0);
  const startedOnce = useRef(false);

  useEffect(() => {
    const id = ++nextId.current;
    let cancelled = false;
    let fallbackTimer: number | undefined;
    const finish = (reply: FloodReply) => {
      if (cancelled || reply.id !== id) return;
      inFlight.current = null;
      if (!reply.ok) {
        setState((s) => ({ ...s, startedAt: null, error: reply.error, drawing: false }));
        return;
      }
      // Urgent: the clock stops at once. Then a transition: React renders the new result's charts and
      // tables in slices that yield to input instead of one long task (hundreds of ms on a slow phone).
      setState((s) => ({ ...s, startedAt: null, drawing: true }));
      startTransition(() => setState({ result: reply.result, resultFor: controls, startedAt: null, error: null, drawing: false }));
    };
    const start = () => {
      if (cancelled) return;
      startedOnce.current = true;
      setState((s) => ({ ...s, startedAt: performance.now(), error: null, drawing: false }));
      worker.current ??= createWorker();
      const w = worker.current;
      if (!w) {
        // No Worker: run here, after a paint that shows "Simulating…".
        fallbackTimer = window.setTimeout(() => {
          void import("../../labs/syn-flood-lab/floodRun").then(({ runFloodRequest }) => {
            if (!cancelled) finish(runFloodRequest({ id, controls }));
          });
        }, 16);
        return;
      }
      w.onmessage = (event: MessageEvent<FloodReply>) => finish(event.data);
      w.onerror = (event) => {
        event.preventDefault();
        // The worker is unusable (its script failed): drop it so the next run makes a new one.
        w.terminate();
        if (worker.current === w) worker.current = null;
        finish({ id, ok: false, error: event.message || "the simulation stopped unexpectedly" });
      };
      inFlight.current = id;
      w.postMessage({ id, controls } satisfies FloodRequest);
    };
    const idle = startedOnce.current ? null : whenIdle(start);
    if (!idle) start();
    return () => {
      cancelled = true;
      idle?.cancel();
      window.clearTimeout(fallbackTimer);
      // A run still in flight is stale now: stop it instead of waiting for it.
      if (inFlight.current === id && worker.current) {
        worker.current.terminate();
        worker.current = null;
        inFlight.current = null;
      }
    };
  }, [controls]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  return state;
}
