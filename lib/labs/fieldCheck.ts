/**
 * What a widget's number field accepts, as pure functions: the widget shows
 * the message beside the field (aria-invalid, aria-describedby) and keeps
 * simulating the last value that passed, instead of clamping or swapping
 * what the learner typed behind their back.
 */

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

export interface WholeNumberRule {
  min: number;
  max: number;
  /** Said after the range, e.g. "seconds". */
  unit?: string;
  /** Why the range is what it is (a kernel limit, the widget's own range). */
  why?: string;
}

/** 12,345 with thousands separators, as the widgets print counts. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** A whole number written in digits (no sign, no decimals, no exponent), inside [min, max]. */
export function checkWholeNumber(text: string, rule: WholeNumberRule): FieldCheck<number> {
  const trimmed = text.trim();
  const range = `a whole number from ${formatCount(rule.min)} to ${formatCount(rule.max)}${rule.unit ? ` ${rule.unit}` : ""}`;
  const why = rule.why ? ` (${rule.why})` : "";
  if (trimmed === "") return { ok: false, message: `Enter ${range}${why}.` };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `"${trimmed}" is not ${range}${why}.` };
  const value = Number(trimmed);
  if (value < rule.min || value > rule.max) return { ok: false, message: `${formatCount(value)} is outside the range: enter ${range}${why}.` };
  return { ok: true, value };
}
