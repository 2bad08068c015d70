"use client";
// The learner drives a small simulator task: sets controls, runs the engine in
// the browser to see what happens, and submits the log of changes. The server
// replays that log itself (lib/exercises/kinds/simulatorTask.ts).
import { useId, useState } from "react";
import { taskModels } from "@/lib/labs/tasks";
import type { TaskAction, TaskControl, TaskRun, TaskValues } from "@/lib/labs/tasks/taskModel";

export function SimulatorTask({
  task,
  controls,
  initial,
  actions,
  onChange,
}: {
  task: string;
  controls: TaskControl[];
  initial: TaskValues;
  actions: TaskAction[];
  onChange: (actions: TaskAction[]) => void;
}) {
  const model = taskModels[task];
  const [run, setRun] = useState<TaskRun | undefined>();
  const [running, setRunning] = useState(false);
  const logId = useId();
  const values: TaskValues = { ...initial };
  for (const action of actions) values[action.set] = action.value;

  function set(name: string, value: string | number) {
    onChange([...actions, { set: name, value }]);
    setRun(undefined);
  }

  function tryIt() {
    if (!model) return;
    setRunning(true);
    // Let "Simulating…" paint before the engine runs.
    setTimeout(() => {
      try {
        setRun(model.run(values));
      } finally {
        setRunning(false);
      }
    }, 0);
  }

  return (
    <div data-widget="simulator-task" data-task={task} className="rounded-lg border border-slate-300 p-3 dark:border-slate-700">
      <div className="grid gap-3 sm:grid-cols-2">
        {controls.map((control) => (
          <TaskControlField key={control.name} control={control} value={values[control.name]} onChange={(value) => set(control.name, value)} />
        ))}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" onClick={tryIt} disabled={!model || running} className="rounded-md border border-slate-500 px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800">
          {running ? "Simulating…" : "Run the simulator"}
        </button>
        <span className="text-sm text-slate-600 dark:text-slate-400">{actions.length} change{actions.length === 1 ? "" : "s"} recorded</span>
      </div>
      <div aria-live="polite">
        {run ? (
          <pre id={logId} tabIndex={0} aria-label="What the simulator did" data-testid="task-log" className="relative mt-3 max-h-64 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">
            {run.lines.join("\n")}
          </pre>
        ) : null}
      </div>
    </div>
  );
}

function TaskControlField({ control, value, onChange }: { control: TaskControl; value: string | number | undefined; onChange: (value: string | number) => void }) {
  const id = useId();
  const fieldClass = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium font-mono">
        {control.label}
      </label>
      {control.kind === "select" ? (
        <select id={id} value={String(value ?? "")} onChange={(event) => onChange(event.target.value)} className={fieldClass}>
          {control.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="number"
          min={control.min}
          max={control.max}
          step={control.step}
          value={String(value ?? "")}
          onChange={(event) => onChange(event.target.value === "" ? "" : Number(event.target.value))}
          className={fieldClass}
        />
      )}
    </div>
  );
}
