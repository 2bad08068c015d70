// What an attempt stores as its answer: for each input of the variant, the
// value the learner gave it, in the shape that input takes, and nothing else.
// A request may carry any junk beside the answer (16 KB of it, within the
// body cap); storing the request as sent made 500 such submissions 8 MB.
// Values are kept as given, not as parsed ("0x1F" stays "0x1F", a string
// choice stays a string), so the stored answer refills the learner's form as
// they filled it, describeAnswer (./answerSummary.ts) reads it as before, and
// parse and grade give it the same value and score as the request they came
// from (tests/unit/exercises/canonicalAnswer.test.ts checks the catalog).
import type { ExerciseInput, PublicVariant } from "./types";

/** The fields of a trace row the form has (lib/exercises/kinds/traceFillIn.ts). */
const TRACE_FIELDS = ["flags", "seq", "ack", "lost"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

const isString = (value: unknown): value is string => typeof value === "string";
const isScalar = (value: unknown) => typeof value === "string" || (typeof value === "number" && Number.isFinite(value));

/** One input's value in its canonical shape, or undefined when it has none worth keeping. */
function canonicalValue(input: ExerciseInput, value: unknown): unknown {
  switch (input.type) {
    case "integer":
    case "number":
      // As typed: a number, or the text the learner wrote ("0x1F", "1,000").
      return isScalar(value) ? value : undefined;
    case "text":
    case "select":
      return isString(value) ? value : undefined;
    case "choices":
    case "ordering":
      // A single choice may come as a string; a list keeps its order (the order is the ordering's answer).
      if (isString(value)) return value;
      return Array.isArray(value) ? value.filter(isString) : undefined;
    case "trace":
      // Row by row, so row n stays row n; a field that is not text reads as empty, as parse reads it.
      if (!Array.isArray(value)) return undefined;
      return value.map((row) => {
        const given = isRecord(row) ? row : {};
        return Object.fromEntries(TRACE_FIELDS.flatMap((field) => (isString(own(given, field)) ? [[field, own(given, field)]] : [])));
      });
    case "simulator-task":
      // The log of changes, each only its control and the value it was set to.
      if (!Array.isArray(value)) return undefined;
      return value.map((action) => {
        const given = isRecord(action) ? action : {};
        const set = own(given, "set");
        const to = own(given, "value");
        return { ...(isScalar(set) ? { set } : {}), ...(isScalar(to) ? { value: to } : {}) };
      });
  }
}

/** The answer as an attempt stores it: only the fields the variant's inputs name, each in its input's shape. */
export function canonicalAnswer(variant: PublicVariant, raw: unknown): Record<string, unknown> {
  const given = isRecord(raw) ? raw : {};
  const answer: Record<string, unknown> = {};
  for (const input of variant.inputs) {
    const value = canonicalValue(input, own(given, input.name));
    // defineProperty: an input named like an Object.prototype member ("constructor") stays a plain field.
    if (value !== undefined) Object.defineProperty(answer, input.name, { value, enumerable: true, writable: true, configurable: true });
  }
  return answer;
}
