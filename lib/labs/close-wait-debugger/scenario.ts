/**
 * The leaking server as a lib/tcp scenario. Clients (client1, client2, ...,
 * each its own host) connect at a steady rate. Most send a request and read
 * the reply; every `emptyEvery`-th one closes without sending anything (a load
 * balancer's TCP health check, a client that gave up). The server's calls
 * follow the listing in ./listing.ts: accept, recv, then either send + close,
 * or, when recv() returns 0, the buggy early return that never calls close().
 *
 * Deploying the fix restarts the server process at `fixAt`: the exiting
 * process's file descriptors are closed by the kernel, so every leaked socket
 * finally sends its FIN (the listening socket is assumed to be handed to the
 * new process, as with systemd socket activation). Connections after `fixAt`
 * run the fixed code, which closes on that path too.
 */
import { parseScenario, type Scenario } from "../../tcp";

/** Simulated minutes: long enough for tcp_fin_timeout (60 s) to run out on the peers several times. */
export const DURATION = 300;
/** The first client arrives at this time (s). */
const FIRST_AT = 2;
export const SERVER_PORT = 8080;
export const RATES = [0.5, 1, 2] as const;
export const EMPTY_EVERY = [2, 4, 10] as const;

export type Rate = (typeof RATES)[number];
export type EmptyEvery = (typeof EMPTY_EVERY)[number];

export interface DebuggerControls {
  /** New connections per second. */
  rate: Rate;
  /** Every n-th connection closes without sending a request. */
  emptyEvery: EmptyEvery;
  /** When the fixed server was deployed (seconds), or null. */
  fixAt: number | null;
}

export const DEFAULT_DEBUGGER_CONTROLS: DebuggerControls = { rate: 1, emptyEvery: 4, fixAt: null };

export type ConnKind = "request" | "empty";

export interface PlannedConn {
  /** Engine host and connection name: client1, client2, ... */
  name: string;
  index: number;
  start: number;
  kind: ConnKind;
  /** True when the server leaks this connection's socket (empty and before the fix). */
  leaks: boolean;
}

const round = (t: number) => Math.round(t * 1000) / 1000;

export function planConnections(c: DebuggerControls): PlannedConn[] {
  const plan: PlannedConn[] = [];
  const count = Math.floor((DURATION - FIRST_AT) * c.rate);
  for (let i = 1; i <= count; i++) {
    const start = round(FIRST_AT + (i - 1) / c.rate);
    const kind: ConnKind = i % c.emptyEvery === 0 ? "empty" : "request";
    plan.push({ name: `client${i}`, index: i, start, kind, leaks: kind === "empty" && (c.fixAt === null || start + 0.03 < c.fixAt) });
  }
  return plan;
}

/** The FORMAT.md scenario for these controls, parsed by lib/tcp. */
export function buildScenario(c: DebuggerControls): { scenario: Scenario; plan: PlannedConn[] } {
  const plan = planConnections(c);
  const steps: Record<string, unknown>[] = [{ t: 0, host: "server", call: "listen", backlog: 128, port: SERVER_PORT }];
  for (const p of plan) {
    const t = p.start;
    const conn = p.name;
    steps.push({ t, host: conn, call: "connect", port: SERVER_PORT });
    steps.push({ t, host: "server", call: "accept" });
    if (p.kind === "request") {
      steps.push({ t: round(t + 0.01), host: conn, call: "send", bytes: 120 });
      steps.push({ t: round(t + 0.02), host: "server", call: "recv", conn });
      steps.push({ t: round(t + 0.03), host: "server", call: "send", bytes: 512, conn });
      steps.push({ t: round(t + 0.04), host: "server", call: "close", conn });
      steps.push({ t: round(t + 0.05), host: conn, call: "recv" });
      steps.push({ t: round(t + 0.06), host: conn, call: "close" });
    } else {
      steps.push({ t: round(t + 0.01), host: conn, call: "close" });
      steps.push({ t: round(t + 0.02), host: "server", call: "recv", conn });
      if (!p.leaks) steps.push({ t: round(t + 0.03), host: "server", call: "close", conn });
    }
  }
  if (c.fixAt !== null) {
    // The old process exits: the kernel closes every descriptor it still held.
    for (const p of plan) {
      if (p.leaks) steps.push({ t: c.fixAt, host: "server", call: "close", conn: p.name });
    }
  }
  const parsed = parseScenario({ name: "close-wait-leak", sysctl: {}, network: { delay: 0.001 }, steps, faults: [] });
  if (!parsed.ok) throw new Error(`close-wait scenario: ${parsed.error}`);
  return { scenario: parsed.scenario, plan };
}

/** Controls from the URL; anything unknown falls back to the defaults. */
export function controlsFromValue(value: unknown): { controls: DebuggerControls; t: number } | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const rate = (RATES as readonly number[]).includes(v.rate as number) ? (v.rate as Rate) : DEFAULT_DEBUGGER_CONTROLS.rate;
  const emptyEvery = (EMPTY_EVERY as readonly number[]).includes(v.emptyEvery as number)
    ? (v.emptyEvery as EmptyEvery)
    : DEFAULT_DEBUGGER_CONTROLS.emptyEvery;
  const fixAt = typeof v.fixAt === "number" && Number.isFinite(v.fixAt) && v.fixAt >= 0 && v.fixAt <= DURATION ? Math.round(v.fixAt * 10) / 10 : null;
  const t = typeof v.t === "number" && Number.isFinite(v.t) ? Math.min(DURATION, Math.max(0, Math.round(v.t))) : 0;
  return { controls: { rate, emptyEvery, fixAt }, t };
}
