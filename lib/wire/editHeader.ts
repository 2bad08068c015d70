// Validated edits to a TcpHeader. Every function returns a new, normalized
// header or a message saying what is wrong; none ever produces a header that
// `encodeTcpHeader` would reject, so an editor built on them cannot corrupt
// the bytes it shows.

import { fieldSpec, isFlagField, type FieldName, type FlagName } from "./fieldLayout";
import { headerProblem, normalizeHeader, type TcpHeader } from "./tcpHeaderCodec";
import { MAX_OPTIONS_BYTES, MAX_WINDOW_SCALE_SHIFT, OPTION_INFO, optionLength, type TcpOption } from "./tcpOptions";

export type EditResult = { ok: true; header: TcpHeader } | { ok: false; error: string };

/**
 * Reads a whole number typed by a person: decimal ("1460") or hex ("0x5b4").
 * Anything else (signs, decimals, exponents, words) is refused with a reason.
 */
export function parseWholeNumber(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "enter a number" };
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return { ok: true, value: Number.parseInt(trimmed.slice(2), 16) };
  if (/^[0-9]+$/.test(trimmed)) return { ok: true, value: Number(trimmed) };
  return { ok: false, error: `'${trimmed}' is not a whole number (use digits, or 0x for hex)` };
}

function toWholeNumber(value: number | string): { ok: true; value: number } | { ok: false; error: string } {
  if (typeof value === "string") return parseWholeNumber(value);
  if (!Number.isInteger(value)) return { ok: false, error: `${value} is not a whole number` };
  return { ok: true, value };
}

function checkRange(label: string, value: number, max: number, why = ""): string | null {
  if (value < 0 || value > max) return `${label} must be a whole number from 0 to ${max}${why}; got ${value}`;
  return null;
}

/**
 * Sets one fixed field. Numbers may be given as numbers or as typed text;
 * flags take booleans. Ranges come from the field widths in RFC 9293 §3.1.
 */
export function setField(header: TcpHeader, name: FieldName, value: number | boolean | string): EditResult {
  const spec = fieldSpec(name);
  if (isFlagField(name)) {
    if (typeof value !== "boolean") return { ok: false, error: `${spec.label} is a flag: set it to true or false` };
    const flag = name.slice("flags.".length) as FlagName;
    return { ok: true, header: normalizeHeader({ ...header, flags: { ...header.flags, [flag]: value } }) };
  }
  if (!spec.editable) {
    return {
      ok: false,
      error: `${spec.label} is computed from the options (header length in 32-bit words); add or remove options to change it`,
    };
  }
  if (typeof value === "boolean") return { ok: false, error: `${spec.label} is a number, not a flag` };
  const parsed = toWholeNumber(value);
  if (!parsed.ok) return { ok: false, error: `${spec.label}: ${parsed.error}` };
  const rangeError = checkRange(spec.label, parsed.value, 2 ** spec.bitWidth - 1, ` (${spec.bitWidth} bits)`);
  if (rangeError) return { ok: false, error: rangeError };
  return { ok: true, header: normalizeHeader({ ...header, [name]: parsed.value }) };
}

/** Options that make sense at most once per segment. */
const SINGLETON_KINDS = new Set<TcpOption["kind"]>(["mss", "wscale", "sackPermitted", "timestamps", "sack"]);

function withOptions(header: TcpHeader, options: TcpOption[]): EditResult {
  const candidate = { ...header, options };
  const problem = headerProblem(candidate);
  if (problem) return { ok: false, error: problem };
  return { ok: true, header: normalizeHeader(candidate) };
}

/**
 * Adds an option before any trailing EOL (options after EOL are padding and
 * never read, RFC 9293 §3.1), refusing duplicates and anything over 40 bytes.
 */
export function addOption(header: TcpHeader, option: TcpOption): EditResult {
  if (SINGLETON_KINDS.has(option.kind) && header.options.some((o) => o.kind === option.kind)) {
    const info = OPTION_INFO[option.kind as keyof typeof OPTION_INFO];
    return { ok: false, error: `the header already has a ${info.name} option` };
  }
  const base = header.options.filter((o) => o.kind !== "eol");
  const needed = base.reduce((n, o) => n + optionLength(o), 0) + optionLength(option);
  if (needed > MAX_OPTIONS_BYTES) {
    return {
      ok: false,
      error: `no room: the options would take ${needed} bytes, but at most ${MAX_OPTIONS_BYTES} fit because the 4-bit data offset caps the header at 60 bytes (RFC 9293 §3.1)`,
    };
  }
  return withOptions(header, [...base, option]);
}

/** Removes the option at `index` (a stale trailing EOL is re-derived by normalizing). */
export function removeOption(header: TcpHeader, index: number): EditResult {
  if (index < 0 || index >= header.options.length) return { ok: false, error: `there is no option number ${index + 1}` };
  const options = header.options.filter((_, i) => i !== index).filter((o) => o.kind !== "eol");
  return withOptions(header, options);
}

/** The editable numbers inside each option kind. */
export type OptionValueKey = "value" | "shift" | "tsval" | "tsecr";

/**
 * Changes one number inside an option: the MSS value, the window scale shift
 * (0–14: RFC 7323 §2.3 says a larger shift is treated as 14, so we do not let
 * an editor write one), or a timestamp (32 bits, RFC 7323 §3.2).
 */
export function setOptionValue(header: TcpHeader, index: number, key: OptionValueKey, value: number | string): EditResult {
  const option = header.options[index];
  if (!option) return { ok: false, error: `there is no option number ${index + 1}` };
  const parsed = toWholeNumber(value);
  let updated: TcpOption;
  if (option.kind === "mss" && key === "value") {
    if (!parsed.ok) return { ok: false, error: `MSS: ${parsed.error}` };
    const error = checkRange("MSS", parsed.value, 65535);
    if (error) return { ok: false, error };
    updated = { kind: "mss", value: parsed.value };
  } else if (option.kind === "wscale" && key === "shift") {
    if (!parsed.ok) return { ok: false, error: `Window scale shift: ${parsed.error}` };
    const error = checkRange("Window scale shift", parsed.value, MAX_WINDOW_SCALE_SHIFT, " (RFC 7323 §2.3)");
    if (error) return { ok: false, error };
    updated = { kind: "wscale", shift: parsed.value };
  } else if (option.kind === "timestamps" && (key === "tsval" || key === "tsecr")) {
    const label = key === "tsval" ? "TSval" : "TSecr";
    if (!parsed.ok) return { ok: false, error: `${label}: ${parsed.error}` };
    const error = checkRange(label, parsed.value, 2 ** 32 - 1);
    if (error) return { ok: false, error };
    updated = { ...option, [key]: parsed.value };
  } else {
    return { ok: false, error: `option number ${index + 1} (${option.kind}) has no value called ${key}` };
  }
  return withOptions(
    header,
    header.options.map((o, i) => (i === index ? updated : o)),
  );
}
