// The lab's controls: their ranges and defaults, validation, and the URL hash
// that makes a scenario shareable (#syn-flood-lab=<base64url JSON>).
// Defaults are Linux 6.18's (lib/tcp/sysctl.ts, checked against
// Documentation/networking/ip-sysctl.rst); the rest describe the workload.
import { LINUX_DEFAULTS, SYSCTL_RANGES } from "@/lib/tcp";

export type LabControls = {
  /** Spoofed SYNs per second from the attacker (0 = no attack). */
  attackRate: number;
  /** New legitimate connections per second. */
  legitRate: number;
  /** How many connections per second the server application accept()s. */
  acceptRate: number;
  /** The backlog argument the application passes to listen(). */
  backlog: number;
  /** net.core.somaxconn: caps the listen() backlog (4096 since Linux 5.4). */
  somaxconn: number;
  /** net.ipv4.tcp_max_syn_backlog (default max(128, ehash entries / 128): 2048 on a typical host); read only with tcp_syncookies=0. */
  tcp_max_syn_backlog: number;
  /** net.ipv4.tcp_synack_retries (default 5). */
  tcp_synack_retries: number;
  /** net.ipv4.tcp_syncookies: 0 off, 1 when the SYN queue overflows (default), 2 always. */
  tcp_syncookies: number;
  /** net.ipv4.tcp_abort_on_overflow: 1 resets a handshake whose final ACK finds the accept queue full. */
  tcp_abort_on_overflow: number;
  /** Seconds simulated. */
  duration: number;
};

export type ControlName = keyof LabControls;

export type ControlSpec = {
  name: ControlName;
  label: string;
  min: number;
  max: number;
  step: number;
  unit?: string;
  /** Shown under the input: what it is and where the default comes from. */
  help: string;
};

export const DEFAULT_CONTROLS: Readonly<LabControls> = Object.freeze({
  attackRate: 2000,
  legitRate: 20,
  acceptRate: 1000,
  backlog: 511,
  somaxconn: LINUX_DEFAULTS.somaxconn,
  tcp_max_syn_backlog: LINUX_DEFAULTS.tcp_max_syn_backlog,
  tcp_synack_retries: LINUX_DEFAULTS.tcp_synack_retries,
  tcp_syncookies: LINUX_DEFAULTS.tcp_syncookies,
  tcp_abort_on_overflow: LINUX_DEFAULTS.tcp_abort_on_overflow,
  duration: 30,
});

export const CONTROL_SPECS: readonly ControlSpec[] = [
  { name: "attackRate", label: "Attacker SYN rate", min: 0, max: 10000, step: 100, unit: "SYN/s", help: "Spoofed SYNs from random sources that never answer. The flood starts a few seconds in." },
  { name: "legitRate", label: "Legitimate clients", min: 1, max: 100, step: 1, unit: "conn/s", help: "Real clients calling connect(); they answer the SYN-ACK and retransmit their SYN if it goes unanswered." },
  { name: "acceptRate", label: "Application accept rate", min: 1, max: 2000, step: 1, unit: "accept/s", help: "How fast the server program calls accept(). Below the client rate the accept queue fills up." },
  { name: "backlog", label: "listen() backlog", min: 1, max: 65535, step: 1, help: "The number the program passes to listen(); nginx uses 511." },
  { name: "somaxconn", label: "net.core.somaxconn", min: 1, max: 65535, step: 1, help: "Caps the backlog. Default 4096 since Linux 5.4 (128 before)." },
  { name: "tcp_max_syn_backlog", label: "net.ipv4.tcp_max_syn_backlog", min: 128, max: 65535, step: 1, help: "Read only with tcp_syncookies=0: once the SYN queue holds more than 3/4 of it (97 requests at 128), a SYN from a peer that never completed a connection is dropped (tcp_conn_request). The queue's own limit is min(backlog, somaxconn). Default depends on memory (2048 here)." },
  { name: "tcp_synack_retries", label: "net.ipv4.tcp_synack_retries", min: 0, max: 10, step: 1, help: "SYN-ACK retransmissions before a half-open request is dropped. Default 5 (about 63 s)." },
  { name: "tcp_syncookies", label: "net.ipv4.tcp_syncookies", ...SYSCTL_RANGES.tcp_syncookies, step: 1, help: "0 never, 1 when the SYN queue overflows (default), 2 always." },
  { name: "tcp_abort_on_overflow", label: "net.ipv4.tcp_abort_on_overflow", ...SYSCTL_RANGES.tcp_abort_on_overflow, step: 1, help: "1: answer a final ACK that finds the accept queue full with RST instead of dropping it. Default 0." },
  { name: "duration", label: "Duration", min: 10, max: 60, step: 1, unit: "s", help: "Seconds of simulated time." },
];

export function controlSpec(name: ControlName): ControlSpec {
  const spec = CONTROL_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown control ${name}`);
  return spec;
}

/** Clamps a value into its control's range and step; NaN falls back to the default. */
export function clampControl(name: ControlName, value: number): number {
  const spec = controlSpec(name);
  if (!Number.isFinite(value)) return DEFAULT_CONTROLS[name];
  const stepped = spec.step >= 1 ? Math.round(value) : value;
  return Math.min(spec.max, Math.max(spec.min, stepped));
}

export type ControlInput = { ok: true; value: number } | { ok: false; error: string };

/** "0 to 10,000 SYN/s in steps of 100", "1 to 100 conn/s, whole numbers": the allowed values in words. */
export function allowedText(name: ControlName): string {
  const spec = controlSpec(name);
  const unit = spec.unit ? ` ${spec.unit}` : "";
  const range = `${spec.min.toLocaleString("en-US")} to ${spec.max.toLocaleString("en-US")}${unit}`;
  return spec.step === 1 ? `${range}, whole numbers` : `${range} in steps of ${spec.step.toLocaleString("en-US")}`;
}

/**
 * Reads what a learner typed into a control. Out of range, off its step, or
 * not a number: refused with a sentence naming the allowed values, never
 * clamped, so the learner sees why the simulation did not change.
 */
export function parseControlInput(name: ControlName, raw: string): ControlInput {
  const spec = controlSpec(name);
  const text = raw.trim();
  const allowed = `Allowed: ${allowedText(name)}.`;
  if (text === "") return { ok: false, error: `Enter a value. ${allowed}` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, error: `"${text.slice(0, 20)}" is not a number. ${allowed}` };
  if (value < spec.min || value > spec.max) return { ok: false, error: `${value.toLocaleString("en-US")} is out of range. ${allowed}` };
  // Steps count from the minimum, as an <input type="number" step> does.
  if (Math.abs(Math.round((value - spec.min) / spec.step) * spec.step - (value - spec.min)) > 1e-9) {
    return { ok: false, error: `${value.toLocaleString("en-US")} is between steps. ${allowed}` };
  }
  return { ok: true, value };
}

/** Any object to valid controls: unknown keys ignored, missing ones defaulted, values clamped. */
export function normalizeControls(raw: unknown): LabControls {
  const out: LabControls = { ...DEFAULT_CONTROLS };
  if (typeof raw !== "object" || raw === null) return out;
  for (const spec of CONTROL_SPECS) {
    const v = (raw as Record<string, unknown>)[spec.name];
    if (typeof v === "number") out[spec.name] = clampControl(spec.name, v);
    else if (typeof v === "string" && v.trim() !== "") out[spec.name] = clampControl(spec.name, Number(v));
  }
  return out;
}

/** The flood starts a little after the legitimate traffic so the charts show "before" and "during". */
export function floodStart(controls: LabControls): number {
  return Math.min(5, controls.duration / 4);
}
