// Turns the lab's controls into a simulator scenario (FORMAT.md): a listener
// with an accept() loop, legitimate clients connecting at a steady rate, and
// an attacker's spoofed SYN flood. Pure: the same controls give the same scenario.
import { parseScenario, type Scenario, type Step } from "@/lib/tcp";
import { floodStart, type LabControls } from "./controls";

/**
 * Legitimate connections come from a pool of client hosts, each opening many
 * connections (with fresh ephemeral ports). A pool keeps the engine's
 * per-host socket-table samples cheap; distinct hosts would not change the
 * queues, which count request socks, not peers.
 */
export const CLIENT_POOL = 8;
/** One-way delay of every link: a 20 ms round trip, like a client across a country. */
export const ONE_WAY_DELAY = 0.01;
/** The engine samples the server's queues this often (seconds). */
export const SAMPLE_EVERY = 0.5;
/** Where legitimate connects and accepts begin (seconds). */
const FIRST_CONNECT = 0.05;
const FIRST_ACCEPT = 0.02;

export type PlannedConnect = { host: string; t: number };

/** When each legitimate connect() happens, and from which client host. */
export function plannedConnects(controls: LabControls): PlannedConnect[] {
  const out: PlannedConnect[] = [];
  for (let j = 0; ; j++) {
    const t = FIRST_CONNECT + j / controls.legitRate;
    if (t >= controls.duration) break;
    out.push({ host: `client${(j % CLIENT_POOL) + 1}`, t: roundUs(t) });
  }
  return out;
}

function roundUs(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}

/** The listen() backlog after the kernel caps it: sk_max_ack_backlog = min(backlog, somaxconn) (__sys_listen, net/socket.c). */
export function maxAckBacklog(controls: LabControls): number {
  return Math.min(controls.backlog, controls.somaxconn);
}

export function buildScenarioJson(controls: LabControls): Record<string, unknown> {
  const steps: Step[] = [{ t: 0, host: "server", call: "listen", backlog: controls.backlog }];
  const connects = plannedConnects(controls);
  // The application calls accept() acceptRate times a second; a call with
  // nothing to accept blocks until a connection completes. More calls than
  // connections would only block forever, so stop there.
  const accepts = Math.min(connects.length, Math.floor(controls.acceptRate * controls.duration));
  for (let i = 0; i < accepts; i++) {
    const t = roundUs(FIRST_ACCEPT + i / controls.acceptRate);
    if (t >= controls.duration) break;
    steps.push({ t, host: "server", call: "accept" });
  }
  for (const c of connects) steps.push({ t: c.t, host: c.host, call: "connect" });
  const start = floodStart(controls);
  const floodSeconds = controls.duration - start;
  const count = Math.round(controls.attackRate * floodSeconds);
  if (count > 0) steps.push({ t: start, host: "attacker", call: "syn-flood", count, duration: floodSeconds, spoofed: true });
  return {
    name: "syn-flood-lab",
    title: "SYN flood lab",
    sysctl: {
      somaxconn: controls.somaxconn,
      tcp_max_syn_backlog: controls.tcp_max_syn_backlog,
      tcp_synack_retries: controls.tcp_synack_retries,
      tcp_syncookies: controls.tcp_syncookies,
      tcp_abort_on_overflow: controls.tcp_abort_on_overflow,
    },
    network: { delay: ONE_WAY_DELAY },
    steps,
    faults: [],
  };
}

export function buildScenario(controls: LabControls): Scenario {
  const parsed = parseScenario(buildScenarioJson(controls));
  // Controls are clamped before they get here, so a failure is a bug in this module.
  if (!parsed.ok) throw new Error(`syn-flood-lab built an invalid scenario: ${parsed.error}`);
  return parsed.scenario;
}
