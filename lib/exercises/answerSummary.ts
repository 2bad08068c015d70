// An attempt's answer as the learner gave it, in words: the labels of the
// options they chose, their order, their matches, their table rows, their
// numbers, their text, their simulator settings. Built from the variant the
// attempt was made on (its inputs carry every label), never from raw JSON or
// internal ids, and tolerant of whatever an old or forged stored answer holds.
import type { ExerciseInput, PublicVariant } from "./types";

const UNSHOWABLE = "(answer could not be shown)";
const TEXT_LIMIT = 300;
const SHORT_LIMIT = 40;
const EMPTY = "—";

class Unshowable extends Error {}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Unshowable();
  return value as Record<string, unknown>;
}

function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1).trimEnd()}…` : flat;
}

/** A short scalar (a number, a flag string) as typed; anything else cannot be shown. */
function scalar(value: unknown): string {
  if (value === undefined || value === null) return EMPTY;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") throw new Unshowable();
  const text = clip(value, SHORT_LIMIT);
  return text === "" ? EMPTY : text;
}

function optionLabel(options: { value: string; label: string }[], value: unknown): string {
  const option = options.find((o) => o.value === value);
  return option ? option.label : "(an option this exercise does not have)";
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return [value];
  if (value === undefined) return [];
  throw new Unshowable();
}

/** The lines for one input; `prefixed` when the variant has several inputs, so each line says which. */
function describeInput(input: ExerciseInput, answer: Record<string, unknown>, prefixed: boolean): string[] {
  const raw = answer[input.name];
  const withLabel = (line: string) => (prefixed ? `${input.label}: ${line}` : line);
  switch (input.type) {
    case "choices": {
      // In the order the options were shown, whatever order the answer lists them in.
      const values = list(raw);
      const chosen = [
        ...input.options.filter((option) => values.includes(option.value)).map((option) => option.label),
        ...(values.some((value) => !input.options.some((option) => option.value === value)) ? [optionLabel([], undefined)] : []),
      ];
      if (chosen.length === 0) return [withLabel("(nothing selected)")];
      return prefixed ? [withLabel(chosen.join(", "))] : chosen;
    }
    case "ordering": {
      const order = list(raw);
      if (order.length === 0) throw new Unshowable();
      return order.map((value, index) => `${index + 1}. ${optionLabel(input.items, value)}`);
    }
    case "select":
      // One select per matched item: "item → meaning".
      return [`${input.label} → ${raw === undefined || raw === "" ? "(not matched)" : optionLabel(input.options, raw)}`];
    case "integer":
    case "number":
      return [`${input.label}: ${scalar(raw)}`];
    case "text": {
      if (typeof raw !== "string") throw new Unshowable();
      const text = clip(raw, TEXT_LIMIT);
      return [prefixed ? withLabel(text) : text === "" ? "(no text)" : text];
    }
    case "trace": {
      if (!Array.isArray(raw) || raw.length === 0) throw new Unshowable();
      return input.rows.map((row, index) => {
        const given = raw[index] === undefined ? {} : record(raw[index]);
        const lost = typeof given.lost === "string" && given.lost.trim().toLowerCase() === "x" ? "x" : EMPTY;
        return `${row.label}: flags ${scalar(given.flags)} seq ${scalar(given.seq)} ack ${scalar(given.ack)} lost ${lost}`;
      });
    }
    case "simulator-task": {
      // The answer is the log of changes; what was graded is where they leave each control.
      const values: Record<string, unknown> = { ...input.initial };
      for (const action of list(raw)) {
        const { set, value } = record(action);
        const control = input.controls.find((c) => c.name === set);
        if (!control) throw new Unshowable();
        values[control.name] = value;
      }
      const show = (control: (typeof input.controls)[number], value: unknown) =>
        control.kind === "select" ? scalar(value) : scalar(typeof value === "string" && value.trim() !== "" ? Number(value) : value);
      return input.controls.map((control) => {
        const shown = show(control, values[control.name]);
        const name = /^[\w.]+$/.test(control.label) ? `${control.label} =` : `${control.label}:`;
        return `${name} ${shown}${shown === show(control, input.initial[control.name]) ? " (unchanged)" : ""}`;
      });
    }
  }
}

/**
 * Human-readable lines for an attempt's raw answer, using the inputs of the
 * variant it was made on. A malformed stored answer gives one short line.
 */
export function describeAnswer(variant: PublicVariant, answer: unknown): string[] {
  try {
    const given = record(answer);
    const inputs = variant.inputs;
    if (inputs.length === 0) throw new Unshowable();
    // Matching lists one select per item: those are one answer, not several labelled inputs.
    const prefixed = inputs.length > 1 && !inputs.every((input) => input.type === "select");
    const lines = inputs.flatMap((input) => describeInput(input, given, prefixed));
    return lines.length > 0 ? lines : [UNSHOWABLE];
  } catch {
    return [UNSHOWABLE];
  }
}
