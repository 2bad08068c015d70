"use client";
// An auto-graded exercise. The page around it is static; this fetches the
// learner's own variant (the question only) and their attempts, and submits
// answers to the server, which grades and stores them.
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { whenIdle } from "./idleQueue";
import { whenNear } from "./nearViewport";
import { useScrollRegion } from "./scrollRegion";
import type { ExerciseInput } from "@/lib/exercises/types";
import type { TaskAction } from "@/lib/labs/tasks/taskModel";
import type { LearnerExerciseView, PublicAttempt } from "@/lib/exercises/learnerVariant";
import { learnerFetch } from "@/app/_components/learnerFetch";

// The simulator task carries the simulator (lib/tcp) with it, about 35 KB gzip: fetched only for an
// exercise of that kind, once the reader comes near it, so it is not part of a lesson's first load.
const SimulatorTask = lazy(() => import("./SimulatorTask").then((m) => ({ default: m.SimulatorTask })));

function WhenNear({ children }: { children: ReactNode }) {
  const placeholder = useRef<HTMLParagraphElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => (placeholder.current ? whenNear(placeholder.current, () => setNear(true)) : undefined), []);
  const loading = <p ref={placeholder} className="text-sm text-slate-600 dark:text-slate-400">Loading the simulator…</p>;
  return near ? <Suspense fallback={loading}>{children}</Suspense> : loading;
}

/** A capture or listing the exercise is about; when wider than the screen, a named region the keyboard can scroll. */
function ExerciseMaterial({ material }: { material: string }) {
  const pre = useRef<HTMLPreElement>(null);
  useScrollRegion(pre, "code", material);
  return (
    <pre ref={pre} data-testid="exercise-material" className="relative mt-1 overflow-x-auto rounded bg-slate-100 p-3 font-mono text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:bg-slate-800 dark:focus-visible:outline-blue-300">
      {material}
    </pre>
  );
}

type Status = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; view: LearnerExerciseView };
type TraceRow = { flags: string; seq: string; ack: string; lost: string };
type Value = string | string[] | TraceRow[] | TaskAction[];
type Values = Record<string, Value>;

/**
 * `title`: the exercise's title, when the page already knows it, so that while
 * the variant loads each exercise's region has a name of its own (a lesson's
 * several regions all named "Exercise" fail axe's landmark-unique rule).
 */
export function Exercise({ id, title }: { id: string; title?: string }) {
  const [status, setStatus] = useState<Status>({ kind: "loading" });
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<null | "submit" | "hint" | "solution" | "variant">(null);
  const [latest, setLatest] = useState<PublicAttempt | undefined>();
  /** A learner who solved this before sees their solve first; "practise another variant" opens the current one. */
  const [practising, setPractising] = useState(false);
  const headingId = useId();

  const load = useCallback(async () => {
    try {
      const response = await learnerFetch(`/api/exercises/${encodeURIComponent(id)}`, { cache: "no-store" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
      setStatus({ kind: "ready", view: body as LearnerExerciseView });
    } catch (error) {
      setStatus({ kind: "error", message: `Could not load this exercise: ${error instanceof Error ? error.message : String(error)}` });
    }
  }, [id]);

  // The variant is fetched when the reader nears the exercise, or before that in
  // an idle moment, one exercise at a time (./idleQueue.ts): a lesson's eight
  // exercises no longer all fetch and render while the page loads.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = section.current;
    if (!element) return;
    let started: Promise<void> | undefined;
    const start = () => (started ??= load());
    const stopWatching = whenNear(element, () => void start());
    const dropIdleLoad = whenIdle(start);
    return () => {
      stopWatching();
      dropIdleLoad();
    };
  }, [load]);

  /** POSTs JSON to one of this exercise's routes; returns the body, or null after showing the error. */
  async function post(path: string, payload: unknown, what: string): Promise<{ status: number; body: Record<string, unknown> } | null> {
    try {
      const response = await learnerFetch(`/api/exercises/${encodeURIComponent(id)}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
      });
      const body = (await response.json()) as Record<string, unknown>;
      return { status: response.status, body };
    } catch (error) {
      setErrors([`${what} did not reach the server (${error instanceof Error ? error.message : String(error)}). Try again.`]);
      return null;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status.kind !== "ready") return;
    setBusy("submit");
    setErrors([]);
    const reply = await post("/attempts", { variantSeed: status.view.variantSeed, answer: { ...initialValues(status.view), ...values } }, "Your answer");
    setBusy(null);
    if (!reply) return;
    if (reply.status === 201) {
      setLatest(reply.body.attempt as PublicAttempt);
      setStatus({ kind: "ready", view: reply.body.view as LearnerExerciseView });
      setPractising(true);
    } else {
      // Keep what the learner typed; tell them what to fix.
      setErrors((reply.body.errors as string[] | undefined) ?? [String(reply.body.message ?? `The server answered ${reply.status}.`)]);
    }
  }

  async function variantAction(path: "/hints" | "/solution", what: string) {
    if (status.kind !== "ready") return;
    setBusy(path === "/hints" ? "hint" : "solution");
    setErrors([]);
    const reply = await post(path, { variantSeed: status.view.variantSeed }, what);
    setBusy(null);
    if (!reply) return;
    if (reply.status === 200) setStatus({ kind: "ready", view: reply.body as unknown as LearnerExerciseView });
    else setErrors([String(reply.body.message ?? `The server answered ${reply.status}.`)]);
  }

  async function nextVariant() {
    if (status.kind !== "ready") return;
    setErrors([]);
    setBusy("variant");
    const solvedJustNow = latest !== undefined && latest.score >= 1;
    if (solvedJustNow) {
      // A correct answer already moved the learner on: just fetch the new variant.
      await load();
    } else {
      const reply = await post("/variants", {}, "The request for a new variant");
      if (reply && reply.status === 201) setStatus({ kind: "ready", view: reply.body as unknown as LearnerExerciseView });
      else if (reply) setErrors([String(reply.body.message ?? `The server answered ${reply.status}.`)]);
    }
    setBusy(null);
    setLatest(undefined);
    setValues({});
    setPractising(true);
  }

  const view = status.kind === "ready" ? status.view : null;
  const showSolvedCard = view !== null && view.solvedBy !== null && !practising;
  const current = view?.current;

  return (
    <section
      ref={section}
      id={`exercise-${id}`}
      data-exercise={id}
      aria-labelledby={headingId}
      className="not-prose my-8 rounded-xl border border-slate-300 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id={headingId} className="mt-0 text-lg font-semibold">
        Exercise{view || title ? `: ${view?.title ?? title}` : ""}
      </h3>
      {status.kind === "loading" ? <p role="status">Loading your variant…</p> : null}
      {status.kind === "error" ? <p role="alert" className="text-red-700 dark:text-red-300">{status.message}</p> : null}
      {view ? <StandingLine view={view} /> : null}
      {view && showSolvedCard ? (
        <SolvedCard attempt={view.solvedBy!} onPractise={() => setPractising(true)} />
      ) : null}
      {view && current && !showSolvedCard ? (
        <>
          <p className="mt-2">{view.variant.prompt}</p>
          {view.variant.material ? (
            <figure className="mt-3">
              <figcaption className="text-sm text-slate-600 dark:text-slate-400">{view.variant.materialLabel}</figcaption>
              {view.variant.inputs.some((input) => input.type === "trace") ? (
                // A trace to continue: each segment wraps onto indented lines on a narrow screen instead of running off it.
                <pre data-testid="exercise-material" className="relative mt-1 rounded bg-slate-100 p-3 font-mono text-sm whitespace-pre-wrap dark:bg-slate-800">
                  {view.variant.material.split("\n").map((line, index) => (
                    <span key={index} className="block pl-[4ch] -indent-[4ch] [overflow-wrap:anywhere]">
                      {line}
                    </span>
                  ))}
                </pre>
              ) : (
                <ExerciseMaterial material={view.variant.material} />
              )}
            </figure>
          ) : null}
          <Hints hints={view.hints} disabled={busy !== null || !current.open} onMore={() => variantAction("/hints", "The request for a hint")} />
          <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
            {view.variant.inputs.map((input) => (
              <ExerciseField key={input.name} input={input} value={values[input.name]} onChange={(value) => setValues({ ...values, [input.name]: value })} />
            ))}
            {errors.length > 0 ? (
              <ul role="alert" className="list-disc pl-6 text-red-700 dark:text-red-300">
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            ) : null}
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="attempts-left">
              {current.open
                ? `${current.attemptsLeft} of ${current.attemptsPerVariant} attempts left on this variant${current.canEarnCredit ? "" : " (practice: you have seen this exercise's answer, so it earns no credit)"}.`
                : current.solved
                  ? "You answered this variant correctly."
                  : "You have seen this variant's solution: it takes no more answers. Try another variant."}
            </p>
            <div className="flex flex-wrap gap-3">
              {current.open ? (
                <button
                  type="submit"
                  disabled={busy !== null}
                  className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
                >
                  {busy === "submit" ? "Grading…" : "Submit answer"}
                </button>
              ) : null}
              {current.open ? (
                <button
                  type="button"
                  onClick={() => variantAction("/solution", "The request for the solution")}
                  disabled={busy !== null}
                  className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
                  aria-describedby={`${headingId}-solution-note`}
                >
                  Show solution
                </button>
              ) : null}
              {latest || !current.open ? (
                <button
                  type="button"
                  onClick={nextVariant}
                  disabled={busy !== null}
                  className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
                >
                  Try another variant
                </button>
              ) : null}
            </div>
            {current.open ? (
              <p id={`${headingId}-solution-note`} className="text-xs text-slate-600 dark:text-slate-400">
                Showing the solution ends credit on this variant; you can then go on with another one.
              </p>
            ) : null}
          </form>
          <div aria-live="polite">
            {latest ? <AttemptFeedback attempt={latest} onClaimed={(claims) => setLatest({ ...latest, claims })} /> : null}
            {current.solution !== null && !current.solved && !latest?.feedback.solution ? <SolutionPanel solution={current.solution} /> : null}
          </div>
          <AttemptHistory attempts={view.attempts} />
        </>
      ) : null}
    </section>
  );
}

/** Solved or not, and with what score: the standing the dashboard shows too. */
function StandingLine({ view }: { view: LearnerExerciseView }) {
  const { standing } = view;
  let text = "Not solved yet.";
  if (standing.solved) text = `Solved, score ${scoreLabel(standing.score)}.`;
  else if (standing.practiceOnly) text = "Practice only: you have seen this exercise's answer, so it no longer earns credit.";
  return (
    <p data-testid="exercise-standing" className="mt-1 text-sm font-medium text-slate-700 dark:text-slate-300">
      {standing.solved ? <span aria-hidden="true">✓ </span> : null}
      {text}
      {standing.attemptsUsed > 0 ? ` ${standing.attemptsUsed} attempt${standing.attemptsUsed === 1 ? "" : "s"} so far.` : ""}
    </p>
  );
}

/** A learner back at an exercise they solved: their answer and the worked solution, not a blank question. */
function SolvedCard({ attempt, onPractise }: { attempt: PublicAttempt; onPractise: () => void }) {
  return (
    <div data-testid="solved-card" className="mt-3 rounded-lg border border-emerald-600/50 bg-emerald-50 p-4 dark:bg-emerald-950/40">
      <p className="font-semibold">You solved this on {new Date(attempt.createdAt).toLocaleDateString()}. Your answer:</p>
      <AnswerLines lines={attempt.answerLines} />
      {attempt.feedback.solution ? <SolutionPanel solution={attempt.feedback.solution} /> : null}
      <button type="button" onClick={onPractise} className="mt-3 rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
        Practise another variant
      </button>
    </div>
  );
}

function SolutionPanel({ solution }: { solution: string }) {
  return (
    <div data-testid="worked-solution" className="mt-3 rounded-md bg-slate-100 p-3 dark:bg-slate-800">
      <p className="font-medium">Worked solution</p>
      <p className="mt-1">{solution}</p>
    </div>
  );
}

function AnswerLines({ lines }: { lines: string[] }) {
  return (
    <ul className="mt-1 space-y-0.5 font-mono text-sm">
      {lines.map((line, index) => (
        <li key={index} className="break-words">
          {line}
        </li>
      ))}
    </ul>
  );
}

function Hints({ hints, disabled, onMore }: { hints: LearnerExerciseView["hints"]; disabled: boolean; onMore: () => void }) {
  if (hints.total === 0) return null;
  const shown = hints.shown.length;
  return (
    <div className="mt-3">
      {shown > 0 ? (
        <ol aria-label="Hints" className="list-decimal space-y-1 pl-6 text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {hints.shown.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      ) : null}
      {shown < hints.total && !disabled ? (
        <button type="button" onClick={onMore} className="mt-2 text-sm font-medium text-blue-700 underline dark:text-blue-300">
          {shown === 0 ? "Show a hint" : "Show another hint"} ({shown + 1} of {hints.total})
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
    return (
      <WhenNear>
        <SimulatorTask task={input.task} controls={input.controls} initial={input.initial} actions={actions} onChange={onChange} />
      </WhenNear>
    );
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

// Each column's hint is visible text (in the header, and above each field in the narrow layout) rather than a
// placeholder, which a narrow field would clip without telling anyone.
const TRACE_COLUMNS = [
  { key: "flags", label: "Flags", width: "@2xl:w-20", hint: "tcpdump notation, e.g. S. or P." },
  { key: "seq", label: "Seq", width: "@2xl:w-32", hint: "" },
  { key: "ack", label: "Ack", width: "@2xl:w-32", hint: "empty if the ACK flag is off" },
  { key: "lost", label: "Lost?", width: "@2xl:w-16", hint: "x if the network loses it" },
] as const;

/**
 * The segments to fill in. Where the exercise is wide enough (a container query, so it follows the card, not
 * the screen) it is a table, one row per segment; narrower, each segment becomes a card whose fields sit two
 * by two under visible labels, so nothing is squeezed or scrolled out of view on a phone.
 */
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
  const hintId = (key: string) => `${captionId}-${key}-hint`;
  return (
    <div className="@container" data-testid="trace-field">
      <table className="w-full border-collapse overflow-visible text-sm @max-2xl:block @2xl:table @2xl:w-auto" aria-labelledby={captionId}>
        <caption id={captionId} className="mb-2 text-left font-medium @max-2xl:block">
          {input.label}
        </caption>
        <thead className="@max-2xl:sr-only">
          <tr>
            <th scope="col" className="border-0 px-2 py-1 text-left align-bottom">
              Segment
            </th>
            {TRACE_COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="border-0 px-2 py-1 text-left align-bottom">
                {column.label}
                {column.hint ? (
                  <span id={hintId(column.key)} className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                    {column.hint}
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="@max-2xl:block @max-2xl:space-y-3">
          {input.rows.map((row, index) => (
            <tr
              key={row.label}
              className="@max-2xl:grid @max-2xl:grid-cols-2 @max-2xl:gap-x-3 @max-2xl:gap-y-2 @max-2xl:rounded-lg @max-2xl:border @max-2xl:border-slate-300 @max-2xl:p-3 @max-2xl:dark:border-slate-700"
            >
              <th scope="row" className="border-0 px-2 py-1 text-left font-mono font-normal whitespace-nowrap @max-2xl:col-span-2 @max-2xl:p-0 @max-2xl:font-semibold @max-2xl:whitespace-normal">
                {row.label}
              </th>
              {TRACE_COLUMNS.map((column) => (
                <td key={column.key} className="border-0 px-1 py-1 align-top @max-2xl:block @max-2xl:min-w-0 @max-2xl:p-0">
                  {/* The narrow layout has no header row: each field shows its column's name and hint itself. */}
                  <span aria-hidden="true" className="block text-xs font-medium @2xl:hidden">
                    {column.label}
                    {column.hint ? <span className="block font-normal text-slate-600 dark:text-slate-400">{column.hint}</span> : null}
                  </span>
                  <input
                    aria-label={`${row.label}: ${column.label}`}
                    aria-describedby={column.hint ? hintId(column.key) : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    value={rows[index]?.[column.key] ?? ""}
                    onChange={(event) => onChange(rows.map((r, i) => (i === index ? { ...r, [column.key]: event.target.value } : r)))}
                    className={`${column.width} w-full min-w-0 rounded border border-slate-400 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-950`}
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

function itemMark(correct: boolean | null) {
  if (correct === null) return { mark: "•", said: "" };
  return correct ? { mark: "✓", said: "Correct:" } : { mark: "✗", said: "Incorrect:" };
}

function AttemptFeedback({ attempt, onClaimed }: { attempt: PublicAttempt; onClaimed: (claims: string[]) => void }) {
  const [claimError, setClaimError] = useState<string | null>(null);
  async function claim(ideaId: string) {
    setClaimError(null);
    try {
      const response = await learnerFetch(`/api/attempts/${encodeURIComponent(attempt.id)}/claims`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ideaId }),
      });
      const body = await response.json();
      if (response.status === 201) onClaimed(body.claims as string[]);
      else setClaimError(body.message ?? `The server answered ${response.status}.`);
    } catch {
      setClaimError("Your claim did not reach the server; try again.");
    }
  }
  return (
    <div data-testid="attempt-feedback" className="mt-5 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <p className="font-semibold">
        Score {scoreLabel(attempt.score)}.{" "}
        {attempt.feedback.summary}
        {!attempt.credited ? " (Practice: no credit, you had seen this answer.)" : ""}
      </p>
      <ul className="mt-2 space-y-1">
        {attempt.feedback.items.map((item) => {
          const { mark, said } = itemMark(item.correct);
          const missingIdea = item.idea?.status === "missing" ? item.idea.id : null;
          const claimed = missingIdea !== null && attempt.claims.includes(missingIdea);
          return (
            <li key={`${item.label}:${item.message}`}>
              <span aria-hidden="true">{mark}</span> {said ? <span className="sr-only">{said}</span> : null} <strong>{item.label}.</strong> {item.message}
              {missingIdea !== null ? (
                claimed ? (
                  <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">You said you wrote this; it is noted for your instructor.</span>
                ) : (
                  <button type="button" onClick={() => claim(missingIdea)} className="ml-2 text-sm font-medium text-blue-700 underline dark:text-blue-300">
                    I did say this
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      {claimError ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{claimError}</p> : null}
      {attempt.feedback.solution ? <SolutionPanel solution={attempt.feedback.solution} /> : null}
    </div>
  );
}

function AttemptHistory({ attempts }: { attempts: PublicAttempt[] }) {
  if (attempts.length === 0) return <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">No attempts yet.</p>;
  return (
    <details className="mt-4">
      <summary className="cursor-pointer font-medium">Your previous attempts ({attempts.length})</summary>
      <ol data-testid="attempt-history" className="mt-2 space-y-3 text-sm">
        {attempts.map((attempt) => (
          <li key={attempt.id}>
            <time dateTime={attempt.createdAt}>{new Date(attempt.createdAt).toLocaleString()}</time>: score {scoreLabel(attempt.score)}
            {attempt.credited ? "" : " (practice)"}
            {attempt.hintsUsed > 0 ? `, after ${attempt.hintsUsed} hint${attempt.hintsUsed === 1 ? "" : "s"}` : ""}. You answered:
            <AnswerLines lines={attempt.answerLines} />
          </li>
        ))}
      </ol>
    </details>
  );
}
