// A simulator task: controls the learner sets, and a pure run() over the
// simulator that says what happened. The same module runs in the browser (to
// let the learner try) and on the server (to replay the submitted action log
// and check the goal), so what is graded is what the engine does, never what
// the browser claims.

export type TaskControl =
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[] }
  | { kind: "number"; name: string; label: string; min: number; max: number; step: number };

export type TaskValues = Record<string, string | number>;

export type TaskRun = {
  /** What the learner sees: one line per event or fact. */
  lines: string[];
  /** What the goal is checked against. */
  metrics: Record<string, string | number>;
};

export type TaskModel = {
  id: string;
  controls: TaskControl[];
  initial: TaskValues;
  run(values: TaskValues): TaskRun;
};

/** One change the learner made to a control, in the order made. */
export type TaskAction = { set: string; value: string | number };

export const MAX_ACTIONS = 500;

/** Replays an action log from the initial values, refusing anything the controls do not allow. */
export function replayActions(model: TaskModel, actions: unknown): { ok: true; values: TaskValues } | { ok: false; errors: string[] } {
  if (!Array.isArray(actions)) return { ok: false, errors: ["actions: expected the list of changes you made"] };
  if (actions.length > MAX_ACTIONS) return { ok: false, errors: [`actions: at most ${MAX_ACTIONS} changes`] };
  const values: TaskValues = { ...model.initial };
  const errors: string[] = [];
  actions.forEach((action, index) => {
    const { set, value } = (typeof action === "object" && action !== null ? action : {}) as { set?: unknown; value?: unknown };
    const control = model.controls.find((c) => c.name === set);
    if (!control) {
      errors.push(`actions[${index}]: "${quoted(set)}" is not a control of this task`);
      return;
    }
    if (control.kind === "select") {
      if (typeof value !== "string" || !control.options.some((o) => o.value === value)) {
        errors.push(`actions[${index}]: ${control.label} cannot be "${quoted(value)}"`);
        return;
      }
      values[control.name] = value;
    } else {
      const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
      if (!Number.isFinite(number) || number < control.min || number > control.max) {
        errors.push(`actions[${index}]: ${control.label} must be between ${control.min} and ${control.max}`);
        return;
      }
      const onStep = onStepGrid(number, control.min, control.step);
      if (onStep === undefined) {
        errors.push(`actions[${index}]: ${control.label} goes in steps of ${control.step} from ${control.min}`);
        return;
      }
      values[control.name] = onStep;
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/**
 * The value on the control's grid (min + k * step), rounded to the step's
 * decimals so 0.1-steps stay exact; undefined when it is off the grid (a
 * slider never sends 128.5 for somaxconn, and the simulator counts whole slots).
 */
function onStepGrid(value: number, min: number, step: number): number | undefined {
  const steps = (value - min) / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) return undefined;
  const decimals = (String(step).split(".")[1] ?? "").length;
  return Number((min + Math.round(steps) * step).toFixed(decimals));
}

/** Part of an unknown value for a message; never throws (an object may have a toString that is not a function). */
function quoted(value: unknown): string {
  if (typeof value === "string") return value.slice(0, 40);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value;
}
