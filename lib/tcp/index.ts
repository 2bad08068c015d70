/**
 * lib/tcp: a deterministic TCP simulator that behaves like Linux 6.18.
 * Pure TypeScript (no DOM, no Node modules, no wall clock, no global
 * randomness): the same code runs in widgets, on the server and in tests.
 *
 * Public API (stable; widgets and graders use only this module):
 *
 *   parseScenario(json: unknown)
 *     -> { ok: true, scenario } | { ok: false, error }   // error names the field: `steps[3].call: unknown call "sned"`
 *
 *   simulate(scenario, options?) -> Trace                  // { segments, states } exactly as FORMAT.md
 *
 *   simulateDetailed(scenario, options?) -> DetailedTrace  // Trace plus:
 *     detailed  per-segment raw seq/ack, ports, to, conn, dropped
 *     calls     app call results (connect -> "ok" | "error ECONNREFUSED" | "error ETIMEDOUT", recv -> "100 bytes +EOF", ...)
 *     samples   socket-table snapshots every options.sampleEvery seconds and at each step:
 *               SYN queue, accept queue, ESTABLISHED / TIME-WAIT / CLOSE-WAIT / FIN-WAIT-2 counts,
 *               listener counters (ListenOverflows, ListenDrops, SyncookiesSent/Recv/Failed, ...)
 *     aborts    connections the kernel killed (RST received, ETIMEDOUT), with time and error
 *     counters  final per-host counters; violations (always empty); endedAt
 *   To step through time, walk `segments`, `states`, `calls` and `samples` by their `t`:
 *   re-simulating the whole scenario is cheap (milliseconds).
 *
 *   compareTrace(simulated, captured) -> { ok, errors }   // the FORMAT.md comparison rules
 *
 *   LINUX_DEFAULTS, SYSCTL_NAMES                          // modelled sysctls and their Linux defaults
 *
 * Options: seed, isn (per-host first ISN, e.g. near 2^32), until (seconds),
 * sampleEvery (seconds), rfc.timeWaitSeconds (show RFC 2*MSL instead of Linux's 60 s).
 */
export { parseScenario, CALLS } from "./scenario";
export type { Scenario, Step, Fault, CallName, ParseResult, KeepaliveOpts } from "./scenario";
export { simulate, simulateDetailed } from "./simulate";
export type { SimulateOptions, DetailedTrace, DetailedSegment, AppResult, HostSample, Abort } from "./simulate";
export type { Trace, TraceSegment, TraceState } from "./trace";
export { compareTrace, gapAgrees } from "./compareTrace";
export type { CompareResult } from "./compareTrace";
export { LINUX_DEFAULTS, SYSCTL_NAMES } from "./sysctl";
export type { Sysctls } from "./sysctl";
export { STATE_NAMES, ALLOWED_TRANSITIONS, isAllowedTransition } from "./state";
export type { StateName } from "./state";
