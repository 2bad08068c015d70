// The widget's controls in the URL hash, so a link reproduces the scenario:
// #seq-<preset>=<base64url JSON>. Several widgets can share a page (one key
// per preset); other keys in the hash are kept as they are.
import { SYSCTL_LIMITS, type Controls, type DropKind } from "../../labs/sequence-simulator/controls";
import type { SysctlControlName } from "../../labs/sequence-simulator/presets";
import { decodeState as decodeJson, encodeState as encodeJson } from "../urlHashState";

export type UrlState = Controls & { selected: number | null };

export function hashKey(preset: string): string {
  return `seq-${preset}`;
}

export function encodeState(state: UrlState): string {
  return encodeJson({
    d: state.drops.map((r) => [r.from, r.kind, r.t]),
    m: state.isnMode === "random" ? "r" : "c",
    i: [state.isn.client, state.isn.server],
    s: state.seed,
    y: state.sysctl,
    a: state.absolute ? 1 : 0,
    n: state.nominalTimers ? 1 : 0,
    x: state.selected,
  });
}

const KINDS: readonly DropKind[] = ["syn", "rst", "ack", "all"];
const u32 = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;

/** Decodes a hash value; anything malformed gives null (the widget keeps its defaults). */
export function decodeState(value: string): UrlState | null {
  const raw = decodeJson(value);
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const drops: Controls["drops"] = [];
  if (Array.isArray(o.d)) {
    for (const r of o.d.slice(0, 50)) {
      if (!Array.isArray(r) || typeof r[0] !== "string" || !/^(server|client)[0-9]*$/.test(r[0])) return null;
      if (!KINDS.includes(r[1] as DropKind) || typeof r[2] !== "number" || !(r[2] >= 0) || r[2] > 1e6) return null;
      drops.push({ from: r[0], kind: r[1] as DropKind, t: r[2] });
    }
  }
  const isn = Array.isArray(o.i) && u32(o.i[0]) && u32(o.i[1]) ? { client: o.i[0], server: o.i[1] } : null;
  if (!isn || !u32(o.s)) return null;
  const sysctl: Controls["sysctl"] = {};
  if (typeof o.y === "object" && o.y !== null) {
    for (const [name, v] of Object.entries(o.y as Record<string, unknown>)) {
      const limits = SYSCTL_LIMITS[name as SysctlControlName];
      if (!limits || typeof v !== "number" || !Number.isInteger(v) || v < limits.min || v > limits.max) return null;
      sysctl[name as SysctlControlName] = v;
    }
  }
  const selected = typeof o.x === "number" && Number.isInteger(o.x) && o.x >= 0 ? o.x : null;
  return { drops, isnMode: o.m === "r" ? "random" : "chosen", isn, seed: o.s, sysctl, absolute: o.a === 1, nominalTimers: o.n === 1, selected };
}

/** Reads this widget's entry from a location.hash ("#a=1&seq-handshake=..."). */
export function readHash(hash: string, preset: string): UrlState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const value = params.get(hashKey(preset));
  return value ? decodeState(value) : null;
}

/** The hash with this widget's entry replaced, other entries kept. */
export function writeHash(hash: string, preset: string, state: UrlState): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.set(hashKey(preset), encodeState(state));
  return `#${params.toString()}`;
}
