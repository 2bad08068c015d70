"use client";
// The row every simulator widget ends with: copy a link that restores the
// scenario, copy the event log as text, go back to the start, and a live
// status line that says what was copied.
import { useCopyToClipboard } from "./useCopyToClipboard";

export function ShareControls({
  log,
  resetLabel,
  onReset,
  buttonClassName,
}: {
  log: string;
  resetLabel: string;
  onReset: () => void;
  buttonClassName: string;
}) {
  const { status, copy } = useCopyToClipboard();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={buttonClassName} onClick={() => void copy(window.location.href, "Link")}>
        Copy link
      </button>
      <button type="button" className={buttonClassName} onClick={() => void copy(log, "Event log")}>
        Copy event log
      </button>
      <button type="button" className={buttonClassName} onClick={onReset}>
        {resetLabel}
      </button>
      <span role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {status}
      </span>
    </div>
  );
}
