// Task: make an idle connection notice a crashed peer within a minute, with
// keepalive (SO_KEEPALIVE + TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT). The run
// is the lesson widget's model: the peer's host crashes at 2 s while your app
// is idle (lib/labs/peer-vanishes/model.ts).
import { DEFAULT_CONTROLS, EVENT_AT, runPeerVanishes } from "@/lib/labs/peer-vanishes/model";
import type { TaskModel, TaskValues } from "./taskModel";

export const peerVanishesKeepaliveTask: TaskModel = {
  id: "peer-vanishes-keepalive",
  controls: [
    { kind: "number", name: "keepIdle", label: "TCP_KEEPIDLE (s)", min: 1, max: 7200, step: 1 },
    { kind: "number", name: "keepIntvl", label: "TCP_KEEPINTVL (s)", min: 1, max: 300, step: 1 },
    { kind: "number", name: "keepCnt", label: "TCP_KEEPCNT", min: 1, max: 20, step: 1 },
  ],
  // SO_KEEPALIVE on, with the values a socket inherits from the sysctls by default
  initial: { keepIdle: 7200, keepIntvl: 75, keepCnt: 9 },
  run(values: TaskValues) {
    const keepIdle = Number(values.keepIdle);
    const keepIntvl = Number(values.keepIntvl);
    const keepCnt = Number(values.keepCnt);
    const run = runPeerVanishes({ ...DEFAULT_CONTROLS, event: "host-crash", activity: "idle", keepalive: true, keepIdle, keepIntvl, keepCnt });
    const learned = run.outcome.how === "ETIMEDOUT" ? Math.round((run.outcome.t - EVENT_AT) * 1000) / 1000 : -1;
    const probes = run.rows.filter((row) => row.role === "probe");
    const lines = [
      `The peer's host crashed at ${EVENT_AT} s; your app's connection was idle since 0.7 s.`,
      ...probes.slice(0, 12).map((row) => `${row.t.toFixed(3)} s  keepalive probe (lost)`),
      ...(probes.length > 12 ? [`... ${probes.length - 12} more probes`] : []),
      learned >= 0
        ? `Your app got ETIMEDOUT at ${run.outcome.t.toFixed(3)} s: ${learned} s after the crash, after ${run.probes} unanswered probes.`
        : "Your app was not told within the time simulated.",
    ];
    return { lines, metrics: { learnedAfter: learned, keepIntvl, keepCnt } };
  },
};
