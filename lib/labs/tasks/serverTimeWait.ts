// Task: leave the server's socket in TIME-WAIT. Only the side that closes first
// (or both, in a simultaneous close) enters TIME-WAIT (RFC 9293 §3.6).
import { parseScenario, simulateDetailed } from "@/lib/tcp";
import type { TaskModel, TaskValues } from "./taskModel";

const OBSERVE_AT = 5; // seconds: well inside Linux's 60 s TIME-WAIT (TCP_TIMEWAIT_LEN)

export const serverTimeWaitTask: TaskModel = {
  id: "server-time-wait",
  controls: [
    { kind: "number", name: "clientCloseAt", label: "Client calls close() at (s)", min: 0.5, max: 3, step: 0.1 },
    { kind: "number", name: "serverCloseAt", label: "Server calls close() at (s)", min: 0.5, max: 3, step: 0.1 },
  ],
  initial: { clientCloseAt: 1, serverCloseAt: 1.5 },
  run(values: TaskValues) {
    const clientCloseAt = Number(values.clientCloseAt);
    const serverCloseAt = Number(values.serverCloseAt);
    const parsed = parseScenario({
      sysctl: {},
      network: { delay: 0.01 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.4, host: "server", call: "recv" },
        { t: clientCloseAt, host: "client", call: "close" },
        { t: serverCloseAt, host: "server", call: "close" },
      ],
      faults: [],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const trace = simulateDetailed(parsed.scenario, { until: OBSERVE_AT });
    const last: Record<string, string> = { client: "CLOSED", server: "CLOSED" };
    // The server's LISTEN socket is not the connection: follow the connection's states only.
    let listening = false;
    for (const s of trace.states) {
      if (s.host === "server" && s.state === "LISTEN") {
        listening = true;
        continue;
      }
      last[s.host] = s.state;
    }
    const lines = [
      ...trace.segments.map((s) => `${s.t.toFixed(3)} s  ${s.from} sends ${s.flags} seq ${s.seq} ack ${s.ack ?? "-"}${s.len ? ` len ${s.len}` : ""}`),
      ...trace.states.map((s) => `${s.t.toFixed(3)} s  ${s.host} -> ${s.state}`),
    ].sort();
    lines.push(`At ${OBSERVE_AT} s: the server's connection is ${last.server}, the client's is ${last.client}${listening ? " (the server's listening socket stays in LISTEN)" : ""}.`);
    return { lines, metrics: { serverState: last.server!, clientState: last.client! } };
  },
};
