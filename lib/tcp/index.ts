/**
 * lib/tcp: a deterministic TCP simulator that behaves like Linux 6.18.
 * Pure TypeScript (no DOM, no Node modules, no wall clock, no global
 * randomness): the same code runs in widgets, on the server and in tests.
 *
 * Public API (stable; everything outside lib/tcp uses only this module,
 * tests/unit/architecture/imports.test.ts checks it):
 *
 *   runScenario(scenario, options?) -> ScenarioRun
 *     ready at once: hosts, calls, samples, aborts, counters, queues (each listener's SYN and
 *                    accept queue at the end), violations, endedAt, segmentCount, stateCount
 *                    callsMade (each call as its program made it: when, whether it blocked, its
 *                    result; and the calls a blocked program never got to make)
 *     lazy (converted when first read): segments, states, detailed, detailedStates,
 *                    events (segments, state changes and app call results in the order they
 *                    happened, even within one microsecond), timeline (events plus where each
 *                    call was made), trace(), detailedTrace()
 *     release()      hands the record buffers to the next simulation
 *     options.segments = false: segments are counted, not recorded (long floods that only
 *                    read samples and counters)
 *
 *   parseScenario(json: unknown)
 *     -> { ok: true, scenario } | { ok: false, error }   // error names the field: `steps[3].call: unknown call "sned"`
 *
 *   simulate(scenario, options?) -> Trace                  // runScenario(...).trace(): { segments, states } exactly as FORMAT.md
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
 *   LINUX_DEFAULTS, SYSCTL_NAMES, SYSCTL_RANGES, checkSysctl // modelled sysctls, Linux defaults, accepted ranges
 *
 *   cookieWorking(secret, synUs, ackUs, saddr, sport, daddr, dport, clientIsn, mssind)
 *     -> every intermediate value of a SYN cookie and its check (the engine's own arithmetic);
 *   cookieInitSequence, cookieCheck, mssIndex, MSSTAB, MAX_SYNCOOKIE_AGE, COOKIEBITS
 *
 * Calls: a host's program makes its calls one after another, and connect(), accept() and recv()
 * block as on plain sockets (a blocked call holds back the program's later calls);
 * options.nonBlocking models O_NONBLOCK sockets instead, as the real captures were made.
 *
 * Options: seed, isn (per-host first ISN, e.g. near 2^32, or a list for its first connections),
 * until (seconds), sampleEvery (seconds), rfc.timeWaitSeconds (show RFC 2*MSL instead of Linux's 60 s),
 * counterfactual { twoWayHandshake, noTimeWait, isnZero } (the what-if sandbox switches a piece of
 * TCP off; lessons never set it, and without it every trace is Linux's).
 */
export { parseScenario, CALLS } from "./scenario";
export type { Scenario, Step, Fault, SegmentMatch, CallName, ParseResult, KeepaliveOpts } from "./scenario";
export type { Counterfactual } from "./socketContext";
export { runScenario, simulate, simulateDetailed } from "./simulate";
export type {
  SimulateOptions,
  RunOptions,
  ScenarioRun,
  RunEvent,
  TimelineEntry,
  CallMade,
  QueueReading,
  DetailedTrace,
  DetailedSegment,
  AppResult,
  HostSample,
  Abort,
} from "./simulate";
export type { Trace, TraceSegment, TraceState } from "./trace";
export { compareTrace, gapAgrees } from "./compareTrace";
export type { CompareResult } from "./compareTrace";
export { LINUX_DEFAULTS, SYSCTL_NAMES, SYSCTL_RANGES, checkSysctl } from "./sysctl";
export type { Sysctls, SysctlRangeName } from "./sysctl";
export type { HostCounters } from "./host";
export type { ListenerCounters } from "./listener";
export {
  cookieWorking,
  cookieInitSequence,
  cookieCheck,
  mssIndex,
  MSSTAB,
  MAX_SYNCOOKIE_AGE,
  COOKIEBITS,
  TCP_SYNCOOKIE_PERIOD_US,
} from "./syncookie";
export type { CookieWorking } from "./syncookie";
export { STATE_NAMES, ALLOWED_TRANSITIONS, isAllowedTransition } from "./state";
export type { StateName } from "./state";
