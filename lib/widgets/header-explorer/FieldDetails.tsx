// What the selected field is: name, position, value, meaning, source.
// aria-live="polite" so a screen reader hears the new field after an arrow key.

import type { SelectionDetails } from "../../labs/header-explorer/describe";

interface FieldDetailsProps {
  details: SelectionDetails | null;
  /** Id of the input that edits this field, if it has one. */
  editorId: string | null;
  onEdit: () => void;
}

export function FieldDetails({ details, editorId, onEdit }: FieldDetailsProps) {
  return (
    <div
      aria-live="polite"
      data-testid="field-details"
      className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      {details ? (
        <>
          <div className="text-base font-semibold">{details.title}</div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="font-medium text-slate-700 dark:text-slate-300">Position</dt>
            <dd>{details.position}</dd>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Value</dt>
            <dd className="font-mono">{details.value}</dd>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Meaning</dt>
            <dd>{details.meaning}</dd>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Source</dt>
            <dd>{details.citation}</dd>
          </dl>
          {editorId && (
            <button
              type="button"
              onClick={onEdit}
              className="mt-3 rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:border-slate-500 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-300"
            >
              Edit this value
            </button>
          )}
        </>
      ) : (
        <div>Select a field in the diagram to see what it means.</div>
      )}
    </div>
  );
}
