// The SYN flood lab's URL-state codec: its controls in the location hash.
import { CONTROL_SPECS, DEFAULT_CONTROLS, normalizeControls, type LabControls } from "@/lib/labs/syn-flood-lab/controls";
import { decodeState, encodeState } from "../urlHashState";

export const HASH_KEY = "syn-flood-lab";

/** Only the controls that differ from the defaults go into the URL, so links stay short. */
export function encodeControls(controls: LabControls): string {
  const diff: Partial<LabControls> = {};
  for (const spec of CONTROL_SPECS) {
    if (controls[spec.name] !== DEFAULT_CONTROLS[spec.name]) diff[spec.name] = controls[spec.name];
  }
  return `${HASH_KEY}=${encodeState(diff)}`;
}

/** Reads the controls from a location hash ("#syn-flood-lab=..."); null when the hash is not ours or unreadable. */
export function decodeControls(hash: string): LabControls | null {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  for (const part of body.split("&")) {
    if (!part.startsWith(`${HASH_KEY}=`)) continue;
    const raw = decodeState(part.slice(HASH_KEY.length + 1));
    return raw === null ? null : normalizeControls(raw);
  }
  return null;
}
