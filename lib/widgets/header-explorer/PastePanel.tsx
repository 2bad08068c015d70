// Paste bytes (hex or tcpdump output) and decode them into the diagram, or
// load the real Linux SYN. Decoding itself is lib/wire's decodePastedSegment.

import { useId } from "react";

interface PastePanelProps {
  text: string;
  error: string | null;
  notes: string[];
  onText: (text: string) => void;
  onDecode: () => void;
  onLoadRealSyn: () => void;
}

const BUTTON =
  "rounded border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300";

export function PastePanel({ text, error, notes, onText, onDecode, onLoadRealSyn }: PastePanelProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-base font-semibold">
        Paste header bytes (hex or tcpdump -x output)
      </label>
      <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Plain hex such as <code className="font-mono">9c41 1388 …</code>, or a whole <code className="font-mono">tcpdump -x</code> /{" "}
        <code className="font-mono">-X</code> dump: an IPv4 (or Ethernet) header in front is found and skipped.
      </div>
      <textarea
        id={id}
        rows={5}
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(event) => onText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-2 w-full rounded border border-slate-400 bg-white p-2 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300"
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onDecode}
          className={`${BUTTON} border-blue-700 bg-blue-700 text-white hover:bg-blue-800 dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200`}
        >
          Decode
        </button>
        <button
          type="button"
          onClick={onLoadRealSyn}
          className={`${BUTTON} border-slate-400 hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800`}
        >
          Load a real Linux SYN
        </button>
      </div>
      {error && (
        <div id={errorId} role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100">
          {error}
        </div>
      )}
      {/* Always present, so screen readers announce what a decode found. */}
      <div role="status" data-testid="decode-status" className="mt-2 space-y-1 text-sm">
        {!error &&
          notes.map((note) => (
            <div key={note} className="rounded border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-900">
              {note}
            </div>
          ))}
      </div>
    </div>
  );
}
