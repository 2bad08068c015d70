// The learner's controls and the scenario they produce. Pure: the widget keeps
// a Controls value in React state and calls buildRun(preset, controls), which
// the component memoizes, so every change re-simulates (a few milliseconds).
import { LINUX_DEFAULTS, SYSCTL_RANGES, parseScenario, type Scenario, type SimulateOptions } from "@/lib/tcp";
import type { Preset, SysctlControlName } from "./presets";

/** "Drop what `from` sends at time `t`" for segments of one kind, as the engine's faults select them. */
export type DropKind = "syn" | "rst" | "ack" | "all";
export type DropRule = { from: string; kind: DropKind; t: number };

export type Controls = {
  drops: DropRule[];
  isnMode: "chosen" | "random";
  isn: { client: number; server: number };
  /** Seed of the engine's PRNG: ISNs (in random mode) and ephemeral ports. */
  seed: number;
  sysctl: Partial<Record<SysctlControlName, number>>;
  absolute: boolean;
  /** Fire timers at their nominal times, without the kernel timer wheel's rounding. */
  nominalTimers: boolean;
};

/**
 * Input ranges for the sysctl controls. The kernel accepts more (for example
 * tcp_syn_retries 1..127, MAX_TCP_SYNCNT in include/net/tcp.h); the widget
 * stops where the diagram stops being readable.
 */
export const SYSCTL_LIMITS: Record<SysctlControlName, { min: number; max: number; linuxDefault: number; help: string }> = {
  tcp_syn_retries: { min: 1, max: 12, linuxDefault: LINUX_DEFAULTS.tcp_syn_retries, help: "SYN retransmissions before connect() fails" },
  tcp_synack_retries: { min: 0, max: 12, linuxDefault: LINUX_DEFAULTS.tcp_synack_retries, help: "SYN-ACK retransmissions before the request is dropped" },
  tcp_syn_linear_timeouts: { min: 0, max: 10, linuxDefault: LINUX_DEFAULTS.tcp_syn_linear_timeouts, help: "first SYN retransmissions that keep the 1 s timeout (Linux ≥ 6.5)" },
  tcp_fin_timeout: { min: 1, max: 120, linuxDefault: LINUX_DEFAULTS.tcp_fin_timeout, help: "seconds an orphaned FIN-WAIT-2 socket lives" },
  tcp_tw_reuse: { ...SYSCTL_RANGES.tcp_tw_reuse, linuxDefault: LINUX_DEFAULTS.tcp_tw_reuse, help: "reuse a TIME-WAIT 4-tuple for a new connect() (2 = loopback only)" },
  tcp_rfc1337: { ...SYSCTL_RANGES.tcp_rfc1337, linuxDefault: LINUX_DEFAULTS.tcp_rfc1337, help: "1 = an RST does not end TIME-WAIT (RFC 1337)" },
};

export function initialControls(preset: Preset): Controls {
  return {
    drops: [],
    isnMode: "chosen",
    isn: { client: preset.isn?.client ?? 1000, server: preset.isn?.server ?? 5000 },
    seed: 1,
    sysctl: {},
    absolute: preset.absolute ?? false,
    nominalTimers: false,
  };
}

/** Whether the preset was changed in a way that makes its real capture no longer comparable. */
export function changesTheScenario(controls: Controls): boolean {
  return controls.drops.length > 0 || Object.keys(controls.sysctl).length > 0;
}

/** The engine's fault for one drop rule: that sender, that kind, at that microsecond only. */
export function dropFault(rule: DropRule): Record<string, unknown> {
  return { from: rule.from, drop: rule.kind, after: rule.t, until: round6(rule.t + 0.000001) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The fault kind that selects a segment with these flags (FORMAT.md: "syn", "rst", pure "ack", else "all"). */
export function dropKindFor(flags: string, len: number): DropKind {
  if (flags.includes("S")) return "syn";
  if (flags.includes("R")) return "rst";
  if (flags === "." && len === 0) return "ack";
  return "all";
}

export function sameRule(a: DropRule, b: DropRule): boolean {
  return a.from === b.from && a.kind === b.kind && Math.abs(a.t - b.t) < 5e-7;
}

/** Adds the rule, or removes it when it is already there. */
export function toggleDrop(controls: Controls, rule: DropRule): Controls {
  const has = controls.drops.some((d) => sameRule(d, rule));
  return { ...controls, drops: has ? controls.drops.filter((d) => !sameRule(d, rule)) : [...controls.drops, rule] };
}

export type BuiltScenario =
  | { ok: true; scenario: Scenario; options: SimulateOptions; raw: Record<string, unknown> }
  | { ok: false; error: string };

/** The FORMAT.md scenario for the preset with the learner's changes, parsed by the engine. */
export function buildScenario(preset: Preset, controls: Controls): BuiltScenario {
  const sysctl: Record<string, number> = { ...preset.scenario.sysctl };
  for (const [name, value] of Object.entries(controls.sysctl)) {
    if (typeof value === "number") sysctl[name] = value;
  }
  const raw = {
    ...preset.scenario,
    sysctl,
    faults: [...preset.scenario.faults, ...controls.drops.map(dropFault)],
  };
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const options: SimulateOptions = { seed: controls.seed };
  if (controls.nominalTimers) options.nominalTimers = true;
  if (controls.isnMode === "chosen" && (preset.controls.isn || preset.isn)) {
    options.isn = { client: controls.isn.client >>> 0, server: controls.isn.server >>> 0 };
  }
  return { ok: true, scenario: parsed.scenario, options, raw };
}
