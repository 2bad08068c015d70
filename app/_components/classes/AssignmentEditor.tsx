"use client";
// Create or edit an assignment: title, exercises picked by lesson (with a
// preview of a real variant and its answer, for the instructor only), the
// window in the class's time zone, and the attempts and late policies.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { callApi, problemsOf } from "./apiClient";
import { Problems } from "./Problems";
import { buttonClass, cardClass, inputClass, linkClass, mutedClass, secondaryButtonClass } from "./ui";

export type EditorLesson = { id: string; order: number; title: string; exercises: { id: string; title: string; kind: string }[] };

export type EditorValues = {
  title: string;
  exerciseIds: string[];
  opensAt: string;
  dueAt: string;
  maxAttempts: number | null;
  counts: "best" | "last";
  latePolicy: "refuse" | "accept";
};

type Preview = {
  exerciseId: string;
  title: string;
  seed: number;
  variant: { prompt: string; material?: string; materialLabel?: string; inputs: { label: string; options?: { label: string }[]; items?: { label: string }[] }[]; hints?: string[] };
  answerLines: string[];
  solution: string;
};

export function AssignmentEditor(props: {
  classId: string;
  timeZone: string;
  lessons: EditorLesson[];
  initial: EditorValues;
  /** Editing this assignment; creating one when absent. */
  assignmentId?: string;
  published: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<EditorValues>(props.initial);
  const [limitText, setLimitText] = useState(String(props.initial.maxAttempts ?? 3));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ exerciseId: string; state: "loading" | Preview | string } | null>(null);
  const selected = new Set(values.exerciseIds);
  const courseOrder = props.lessons.flatMap((lesson) => lesson.exercises.map((e) => e.id));

  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  /** Exercises stay in course order, whatever order they were ticked in. */
  const choose = (ids: string[], on: boolean) =>
    setValues((v) => {
      const next = new Set(v.exerciseIds);
      for (const exerciseId of ids) (on ? next.add(exerciseId) : next.delete(exerciseId));
      return { ...v, exerciseIds: courseOrder.filter((exerciseId) => next.has(exerciseId)) };
    });

  async function showPreview(exerciseId: string) {
    setPreview({ exerciseId, state: "loading" });
    const reply = await callApi("GET", `/api/classes/${props.classId}/preview/${encodeURIComponent(exerciseId)}`);
    setPreview({ exerciseId, state: reply.ok ? (reply.body.preview as Preview) : problemsOf(reply).join(" ") });
  }

  async function save(event: FormEvent<HTMLFormElement>, publish: boolean) {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    const maxAttempts = values.maxAttempts === null ? null : Number(limitText);
    const body = { ...values, maxAttempts: Number.isFinite(maxAttempts) ? maxAttempts : limitText };
    const base = `/api/classes/${props.classId}/assignments`;
    let reply = props.assignmentId ? await callApi("PATCH", `${base}/${props.assignmentId}`, body) : await callApi("POST", base, { ...body, published: publish });
    if (reply.ok && props.assignmentId && publish && !props.published) reply = await callApi("POST", `${base}/${props.assignmentId}/publish`);
    setBusy(false);
    if (!reply.ok) return setProblems(problemsOf(reply));
    router.push(`/teach/classes/${props.classId}`);
    router.refresh();
  }

  return (
    <form onSubmit={(event) => save(event, (event.nativeEvent as SubmitEvent).submitter?.dataset.action === "publish")} noValidate className="mt-6 space-y-8">
      <div className="max-w-xl">
        <label htmlFor={`${id}-title`} className="block font-medium">Title</label>
        <input id={`${id}-title`} value={values.title} onChange={(e) => set("title", e.target.value)} required maxLength={120} className={inputClass} />
      </div>

      <fieldset className="min-w-0 grid gap-4 sm:grid-cols-2">
        <legend className="font-semibold">When (times in {props.timeZone})</legend>
        <div>
          <label htmlFor={`${id}-opens`} className="block font-medium">Opens</label>
          <input id={`${id}-opens`} type="datetime-local" value={values.opensAt} onChange={(e) => set("opensAt", e.target.value)} required className={inputClass} />
        </div>
        <div>
          <label htmlFor={`${id}-due`} className="block font-medium">Due</label>
          <input id={`${id}-due`} type="datetime-local" value={values.dueAt} onChange={(e) => set("dueAt", e.target.value)} required className={inputClass} />
        </div>
        <p className={`sm:col-span-2 ${mutedClass}`}>
          On a daylight-saving change, a time that happens twice means the first one, and a time that is skipped is read with the offset before the jump.
        </p>
      </fieldset>

      <div className="grid gap-6 md:grid-cols-3">
        <fieldset className="min-w-0">
          <legend className="font-semibold">Attempts per exercise</legend>
          <label className="mt-2 flex items-center gap-2">
            <input type="radio" name="limit" checked={values.maxAttempts === null} onChange={() => set("maxAttempts", null)} /> Unlimited
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-2">
              <input type="radio" name="limit" checked={values.maxAttempts !== null} onChange={() => set("maxAttempts", Number(limitText) || 3)} /> At most
            </label>
            <label className="sr-only" htmlFor={`${id}-max`}>Counted attempts per exercise</label>
            <input
              id={`${id}-max`}
              type="number"
              min={1}
              max={100}
              value={limitText}
              onChange={(e) => {
                setLimitText(e.target.value);
                set("maxAttempts", Number(e.target.value) || 1);
              }}
              disabled={values.maxAttempts === null}
              className="w-20 rounded-md border border-slate-400 bg-white px-2 py-1 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-950"
            />
            <span>counted</span>
          </div>
        </fieldset>
        <fieldset className="min-w-0">
          <legend className="font-semibold">Which attempt counts</legend>
          <label className="mt-2 flex items-center gap-2"><input type="radio" name="counts" checked={values.counts === "best"} onChange={() => set("counts", "best")} /> The best</label>
          <label className="mt-1 flex items-center gap-2"><input type="radio" name="counts" checked={values.counts === "last"} onChange={() => set("counts", "last")} /> The last</label>
        </fieldset>
        <fieldset className="min-w-0">
          <legend className="font-semibold">After the due time</legend>
          <label className="mt-2 flex items-center gap-2"><input type="radio" name="late" checked={values.latePolicy === "refuse"} onChange={() => set("latePolicy", "refuse")} /> No credit</label>
          <label className="mt-1 flex items-center gap-2"><input type="radio" name="late" checked={values.latePolicy === "accept"} onChange={() => set("latePolicy", "accept")} /> Accept, marked late</label>
        </fieldset>
      </div>

      <fieldset className="min-w-0">
        <legend className="font-semibold">Exercises ({values.exerciseIds.length} chosen)</legend>
        <p className={mutedClass}>Each student gets their own variant. Preview shows one real variant with its answer; only you see it.</p>
        <div className="mt-3 space-y-4">
          {props.lessons.map((lesson) => {
            const ids = lesson.exercises.map((e) => e.id);
            const all = ids.every((exerciseId) => selected.has(exerciseId));
            return (
              <div key={lesson.id} className={cardClass} role="group" aria-labelledby={`${id}-lesson-${lesson.id}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id={`${id}-lesson-${lesson.id}`} className="font-semibold">{lesson.order}. {lesson.title}</h2>
                  <button type="button" onClick={() => choose(ids, !all)} className={secondaryButtonClass} aria-label={`${all ? "Remove" : "Add"} whole lesson ${lesson.title}`}>
                    {all ? "Remove whole lesson" : "Add whole lesson"}
                  </button>
                </div>
                <ul className="mt-2 space-y-2">
                  {lesson.exercises.map((exercise) => (
                    <li key={exercise.id}>
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <label className="flex min-w-0 items-start gap-2">
                          <input type="checkbox" className="mt-1.5" checked={selected.has(exercise.id)} onChange={(e) => choose([exercise.id], e.target.checked)} />
                          <span className="min-w-0 break-words">{exercise.title} <span className={mutedClass}>({exercise.kind})</span></span>
                        </label>
                        <button
                          type="button"
                          className={`text-sm ${linkClass}`}
                          aria-expanded={preview?.exerciseId === exercise.id}
                          aria-controls={`${id}-preview-${exercise.id}`}
                          onClick={() => (preview?.exerciseId === exercise.id ? setPreview(null) : showPreview(exercise.id))}
                        >
                          {preview?.exerciseId === exercise.id ? "Hide preview" : "Preview"}<span className="sr-only"> {exercise.title}</span>
                        </button>
                      </div>
                      <div id={`${id}-preview-${exercise.id}`} aria-live="polite">
                        {preview?.exerciseId === exercise.id ? <PreviewPanel state={preview.state} onAnother={() => showPreview(exercise.id)} /> : null}
                      </div>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </fieldset>

      <div className="space-y-3">
        <Problems problems={problems} />
        <div className="flex flex-wrap gap-3">
          {props.assignmentId && props.published ? (
            <button type="submit" disabled={busy} className={buttonClass} data-action="save">Save changes</button>
          ) : (
            <>
              <button type="submit" disabled={busy} className={buttonClass} data-action="publish">{props.assignmentId ? "Save and publish" : "Publish"}</button>
              <button type="submit" disabled={busy} className={secondaryButtonClass} data-action="draft">Save as draft</button>
            </>
          )}
        </div>
      </div>
    </form>
  );
}

function PreviewPanel({ state, onAnother }: { state: "loading" | Preview | string; onAnother: () => void }) {
  if (state === "loading") return <p className={`mt-2 ${mutedClass}`}>Loading a variant…</p>;
  if (typeof state === "string") return <p role="alert" className="mt-2 text-red-700 dark:text-red-300">{state}</p>;
  return (
    <div className="mt-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900" data-testid="exercise-preview">
      <p className="font-medium">Variant {state.seed}</p>
      <p className="mt-1 whitespace-pre-wrap">{state.variant.prompt}</p>
      {state.variant.material ? (
        <pre className="mt-2 overflow-x-auto whitespace-pre rounded bg-white p-2 text-xs dark:bg-slate-950" tabIndex={0} aria-label={state.variant.materialLabel ?? "Material"}>{state.variant.material}</pre>
      ) : null}
      <ul className="mt-2 list-disc pl-5">
        {state.variant.inputs.map((input, index) => (
          <li key={index}>
            {input.label}
            {input.options ? <span className={mutedClass}>: {input.options.map((o) => o.label).join(" · ")}</span> : null}
            {input.items ? <span className={mutedClass}>: {input.items.map((o) => o.label).join(" · ")}</span> : null}
          </li>
        ))}
      </ul>
      <p className="mt-3 font-semibold">Answer (only you see this)</p>
      <ul className="list-disc pl-5" data-testid="preview-answer">
        {state.answerLines.map((line, index) => <li key={index}>{line}</li>)}
      </ul>
      <details className="mt-2">
        <summary className="cursor-pointer font-medium">Worked solution</summary>
        <p className="mt-1 whitespace-pre-wrap">{state.solution}</p>
      </details>
      <button type="button" className={`mt-2 ${secondaryButtonClass}`} onClick={onAnother}>Another variant</button>
    </div>
  );
}
