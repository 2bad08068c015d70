"use client";
// An auto-graded exercise. The page around it is static; this fetches the
// learner's own variant (the question only) and their attempts, and submits
// answers to the server, which grades and stores them.
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import type { ExerciseInput } from "@/lib/exercises/types";
import type { TaskAction } from "@/lib/labs/tasks/taskModel";
import { SimulatorTask } from "./SimulatorTask";
import type { LearnerExerciseView, PublicAttempt } from "@/lib/exercises/learnerVariant";

type Status = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; view: LearnerExerciseView };
type TraceRow = { flags: string; seq: string; ack: string; lost: string };
type Value = string | string[] | TraceRow[] | TaskAction[];
type Values = Record<string, Value>;

export function Exercise({ id }: { id: string }) {
  const [status, setStatus] = useState<Status>({ kind: "loading" });
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [latest, setLatest] = useState<PublicAttempt | undefined>();
  const [hintsShown, setHintsShown] = useState(0);
  const headingId = useId();

  const load = useCallback(async () => {
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(id)}`, { cache: "no-store" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
      setStatus({ kind: "ready", view: body as LearnerExerciseView });
    } catch (error) {
      setStatus({ kind: "error", message: `Could not load this exercise: ${error instanceof Error ? error.message : String(error)}` });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status.kind !== "ready") return;
    setSubmitting(true);
    setErrors([]);
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/attempts`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ variantSeed: status.view.variantSeed, answer: { ...initialValues(status.view), ...values } }),
      });
      const body = await response.json();
      if (response.status === 201) {
        setLatest(body.attempt as PublicAttempt);
        setStatus({ kind: "ready", view: { ...status.view, attempts: [body.attempt, ...status.view.attempts] } });
      } else {
        // Keep what the learner typed; tell them what to fix.
        setErrors(body.errors ?? [body.message ?? `The server answered ${response.status}.`]);
      }
    } catch (error) {
      setErrors([`Your answer was not sent (${error instanceof Error ? error.message : String(error)}). It is still here; try again.`]);
    } finally {
      setSubmitting(false);
    }
  }

  async function nextVariant() {
    setErrors([]);
    if (latest && latest.score >= 1) {
      // A full-marks attempt already moved the learner on: just fetch the new variant.
      setLatest(undefined);
      setValues({});
      setHintsShown(0);
      await load();
      return;
    }
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/variants`, { method: "POST" });
      const body = await response.json();
      if (!response.ok) {
        setErrors([body.message ?? `The server answered ${response.status}.`]);
        return;
      }
      setLatest(undefined);
      setValues({});
      setHintsShown(0);
      setStatus({ kind: "ready", view: body as LearnerExerciseView });
    } catch {
      setErrors(["Could not reach the server for a new variant; try again."]);
    }
  }

  return (
    <section
      data-exercise={id}
      aria-labelledby={headingId}
      className="not-prose my-8 rounded-xl border border-slate-300 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id={headingId} className="mt-0 text-lg font-semibold">
        Exercise{status.kind === "ready" ? `: ${status.view.title}` : ""}
      </h3>
      {status.kind === "loading" ? <p role="status">Loading your variant…</p> : null}
      {status.kind === "error" ? <p role="alert" className="text-red-700 dark:text-red-300">{status.message}</p> : null}
      {status.kind === "ready" ? (
        <>
          <p className="mt-2">{status.view.variant.prompt}</p>
          {status.view.variant.material ? (
            <figure className="mt-3">
              <figcaption className="text-sm text-slate-600 dark:text-slate-400">{status.view.variant.materialLabel}</figcaption>
              <pre data-testid="exercise-material" className="relative mt-1 overflow-x-auto rounded bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
                {status.view.variant.material}
              </pre>
            </figure>
          ) : null}
          <Hints hints={status.view.variant.hints ?? []} shown={hintsShown} onMore={() => setHintsShown(hintsShown + 1)} />
          <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
            {status.view.variant.inputs.map((input) => (
              <ExerciseField key={input.name} input={input} value={values[input.name]} onChange={(value) => setValues({ ...values, [input.name]: value })} />
            ))}
            {errors.length > 0 ? (
              <ul role="alert" className="list-disc pl-6 text-red-700 dark:text-red-300">
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            ) : null}
            <div className="flex flex-wrap gap-3">
              <button
                type="submit"
                disabled={submitting}
                className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
              >
                {submitting ? "Grading…" : "Submit answer"}
              </button>
              {latest ? (
                <button type="button" onClick={nextVariant} className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
                  Try another variant
                </button>
              ) : null}
            </div>
          </form>
          <div aria-live="polite">{latest ? <AttemptFeedback attempt={latest} /> : null}</div>
          <AttemptHistory attempts={status.view.attempts} />
        </>
      ) : null}
    </section>
  );
}

function Hints({ hints, shown, onMore }: { hints: string[]; shown: number; onMore: () => void }) {
  if (hints.length === 0) return null;
  return (
    <div className="mt-3">
      {shown > 0 ? (
        <ol aria-label="Hints" className="list-decimal space-y-1 pl-6 text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {hints.slice(0, shown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      ) : null}
      {shown < hints.length ? (
        <button type="button" onClick={onMore} className="mt-2 text-sm font-medium text-blue-700 underline dark:text-blue-300">
          {shown === 0 ? "Show a hint" : "Show another hint"} ({shown + 1} of {hints.length})
        </button>
      ) : null}
    </div>
  );
}

/** An ordering starts in the order shown, so submitting it untouched is an answer. */
function initialValues(view: LearnerExerciseView): Values {
  const values: Values = {};
  for (const input of view.variant.inputs) {
    if (input.type === "ordering") values[input.name] = input.items.map((item) => item.value);
    if (input.type === "trace") values[input.name] = input.rows.map(() => ({ flags: "", seq: "", ack: "", lost: "" }));
    if (input.type === "simulator-task") values[input.name] = [];
  }
  return values;
}

function ExerciseField({ input, value, onChange }: { input: ExerciseInput; value: Value | undefined; onChange: (value: Value) => void }) {
  const id = useId();
  if (input.type === "simulator-task") {
    const actions = Array.isArray(value) && (value.length === 0 || (typeof value[0] === "object" && "set" in (value[0] as object))) ? (value as TaskAction[]) : [];
    return <SimulatorTask task={input.task} controls={input.controls} initial={input.initial} actions={actions} onChange={onChange} />;
  }
  if (input.type === "trace") {
    const rows = Array.isArray(value) && typeof value[0] === "object" ? (value as TraceRow[]) : input.rows.map(() => ({ flags: "", seq: "", ack: "", lost: "" }));
    return <TraceField input={input} rows={rows} onChange={onChange} />;
  }
  if (input.type === "ordering") {
    return <OrderingField input={input} value={Array.isArray(value) && typeof value[0] === "string" ? (value as string[]) : input.items.map((item) => item.value)} onChange={onChange} />;
  }
  const fieldClass = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
  if (input.type === "select") {
    return (
      <div>
        <label htmlFor={id} className="block font-medium font-mono">
          {input.label}
        </label>
        <select id={id} name={input.name} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} className={fieldClass}>
          <option value="">Choose…</option>
          {input.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (input.type === "text") {
    return (
      <div>
        <label htmlFor={id} className="block font-medium">
          {input.label}
        </label>
        <textarea id={id} name={input.name} rows={5} maxLength={2000} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} className={fieldClass} />
      </div>
    );
  }
  if (input.type === "integer" || input.type === "number") {
    return (
      <div>
        <label htmlFor={id} className="block font-medium">
          {input.label}
        </label>
        {input.hint ? <p className="text-sm text-slate-600 dark:text-slate-400">{input.hint}</p> : null}
        <input
          id={id}
          name={input.name}
          inputMode={input.type === "integer" ? "numeric" : "decimal"}
          autoComplete="off"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          className="mt-1 w-full max-w-xs rounded-md border border-slate-400 bg-white px-3 py-2 font-mono dark:border-slate-600 dark:bg-slate-950"
        />
      </div>
    );
  }
  const selected = Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
  return (
    <fieldset>
      <legend className="font-medium">{input.label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
        {input.options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2">
            <input
              type={input.multiple ? "checkbox" : "radio"}
              name={input.name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(
                  input.multiple
                    ? event.target.checked
                      ? [...selected, option.value]
                      : selected.filter((v) => v !== option.value)
                    : option.value,
                )
              }
              className="h-4 w-4"
            />
            <span className="font-mono">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const TRACE_COLUMNS = [
  { key: "flags", label: "Flags", width: "w-16", hint: "e.g. P." },
  { key: "seq", label: "Seq", width: "w-32", hint: "" },
  { key: "ack", label: "Ack", width: "w-32", hint: "empty if no ACK" },
  { key: "lost", label: "Lost?", width: "w-12", hint: "x" },
] as const;

function TraceField({
  input,
  rows,
  onChange,
}: {
  input: Extract<ExerciseInput, { type: "trace" }>;
  rows: TraceRow[];
  onChange: (value: TraceRow[]) => void;
}) {
  const captionId = useId();
  return (
    <div className="relative overflow-x-auto">
      <table className="border-collapse text-sm" aria-labelledby={captionId}>
        <caption id={captionId} className="text-left font-medium">
          {input.label}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left">Segment</th>
            {TRACE_COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="px-2 py-1 text-left">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {input.rows.map((row, index) => (
            <tr key={row.label}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-mono font-normal">
                {row.label}
              </th>
              {TRACE_COLUMNS.map((column) => (
                <td key={column.key} className="px-1 py-1">
                  <input
                    aria-label={`${row.label}: ${column.label}`}
                    placeholder={column.hint}
                    autoComplete="off"
                    value={rows[index]?.[column.key] ?? ""}
                    onChange={(event) => onChange(rows.map((r, i) => (i === index ? { ...r, [column.key]: event.target.value } : r)))}
                    className={`${column.width} rounded border border-slate-400 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-950`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrderingField({
  input,
  value,
  onChange,
}: {
  input: Extract<ExerciseInput, { type: "ordering" }>;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const labelId = useId();
  const [announcement, setAnnouncement] = useState("");
  const labelOf = (v: string) => input.items.find((item) => item.value === v)?.label ?? v;
  function move(index: number, delta: number) {
    const target = index + delta;
    if (target < 0 || target >= value.length) return;
    const next = [...value];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
    setAnnouncement(`${labelOf(value[index]!)} moved to position ${target + 1} of ${value.length}.`);
  }
  return (
    <div role="group" aria-labelledby={labelId}>
      <p id={labelId} className="font-medium">
        {input.label}
      </p>
      <ol className="mt-2 space-y-2" data-testid={`ordering-${input.name}`}>
        {value.map((item, index) => (
          <li key={item} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700">
            <span className="w-6 text-right font-mono text-sm text-slate-600 dark:text-slate-400">{index + 1}.</span>
            <span className="flex-1">{labelOf(item)}</span>
            <button
              type="button"
              onClick={() => move(index, -1)}
              disabled={index === 0}
              aria-label={`Move ${labelOf(item)} up`}
              className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-40"
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => move(index, 1)}
              disabled={index === value.length - 1}
              aria-label={`Move ${labelOf(item)} down`}
              className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-40"
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function scoreLabel(score: number) {
  return `${Math.round(score * 100)}%`;
}

function AttemptFeedback({ attempt }: { attempt: PublicAttempt }) {
  return (
    <div data-testid="attempt-feedback" className="mt-5 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <p className="font-semibold">
        Score {scoreLabel(attempt.score)}. {attempt.feedback.summary}
      </p>
      <ul className="mt-2 space-y-1">
        {attempt.feedback.items.map((item) => (
          <li key={item.label}>
            <span aria-hidden="true">{item.correct ? "✓" : "✗"}</span>{" "}
            <span className="sr-only">{item.correct ? "Correct:" : "Incorrect:"}</span> <strong>{item.label}.</strong> {item.message}
          </li>
        ))}
      </ul>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium">Worked solution</summary>
        <p className="mt-2">{attempt.feedback.solution}</p>
      </details>
    </div>
  );
}

function AttemptHistory({ attempts }: { attempts: PublicAttempt[] }) {
  if (attempts.length === 0) return <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">No attempts yet.</p>;
  return (
    <details className="mt-4" open>
      <summary className="cursor-pointer font-medium">Your previous attempts ({attempts.length})</summary>
      <ol data-testid="attempt-history" className="mt-2 space-y-1 text-sm">
        {attempts.map((attempt) => (
          <li key={attempt.id}>
            <time dateTime={attempt.createdAt}>{new Date(attempt.createdAt).toLocaleString()}</time>: score {scoreLabel(attempt.score)}, answered{" "}
            <code className="break-all">{JSON.stringify(attempt.answer)}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}
