// One labeled input per fixed field, and a checkbox per flag. Values are
// validated by lib/wire's setField; an invalid entry stays in the box with its
// message and never reaches the header.

import { FIELD_LAYOUT, getField, type FieldName } from "@/lib/wire/tcpHeader";
import type { TcpHeader } from "@/lib/wire/tcpHeader";
import { hexOf } from "@/lib/wire/bytes";
import { formatChecksum } from "../../labs/header-explorer/format";
import type { Draft } from "../../labs/header-explorer/state";

interface FieldEditorProps {
  header: TcpHeader;
  drafts: Record<string, Draft>;
  selected: FieldName | null;
  inputId: (name: FieldName) => string;
  onNumber: (name: FieldName, text: string) => void;
  onFlag: (name: FieldName, on: boolean) => void;
  onFocusField: (name: FieldName) => void;
}

const INPUT =
  "mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300 dark:aria-[invalid=true]:border-red-400";

export function FieldEditor({ header, drafts, selected, inputId, onNumber, onFlag, onFocusField }: FieldEditorProps) {
  const numeric = FIELD_LAYOUT.filter((f) => f.kind === "number");
  const flags = FIELD_LAYOUT.filter((f) => f.kind === "flag");
  const highlight = (name: FieldName) =>
    selected === name ? "bg-blue-50 ring-1 ring-blue-300 dark:bg-blue-950 dark:ring-blue-700" : "";

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-base font-semibold">Fields</legend>
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {numeric.map((field) => {
            const id = inputId(field.name);
            const value = getField(header, field.name) as number;
            if (!field.editable) {
              return (
                <div key={field.name} className={`rounded p-1 ${highlight(field.name)}`}>
                  <label htmlFor={id} className="block text-sm font-medium">
                    {field.label} (from the options)
                  </label>
                  <output id={id} className="mt-1 block px-2 py-1 font-mono text-sm">
                    {value} words = {value * 4} bytes
                  </output>
                </div>
              );
            }
            const draft = drafts[field.name];
            const errorId = `${id}-error`;
            return (
              <div key={field.name} className={`rounded p-1 ${highlight(field.name)}`}>
                <div className="flex items-baseline justify-between gap-2">
                  <label htmlFor={id} className="text-sm font-medium">
                    {field.label}
                  </label>
                  {/* The same value in hex, as it appears in the dump (the checksum in both bases, as everywhere). */}
                  <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
                    {field.name === "checksum" ? formatChecksum(value) : hexOf(value, Math.ceil(field.bitWidth / 4))}
                  </span>
                </div>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={2 ** field.bitWidth - 1}
                  step={1}
                  className={INPUT}
                  value={draft ? draft.text : String(value)}
                  aria-invalid={draft ? true : undefined}
                  aria-describedby={draft ? errorId : undefined}
                  onChange={(event) => onNumber(field.name, event.target.value)}
                  onFocus={() => onFocusField(field.name)}
                />
                {draft && (
                  <div id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300" data-testid={`field-error-${field.name}`}>
                    {draft.error} The header keeps {field.name === "checksum" ? formatChecksum(value) : value}.
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-base font-semibold">Flags (control bits)</legend>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {flags.map((field) => {
            const id = inputId(field.name);
            return (
              <div key={field.name} className={`flex items-center gap-2 rounded p-1 ${highlight(field.name)}`}>
                <input
                  id={id}
                  type="checkbox"
                  className="size-4 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:accent-blue-300 dark:focus-visible:outline-blue-300"
                  checked={getField(header, field.name) === true}
                  onChange={(event) => onFlag(field.name, event.target.checked)}
                  onFocus={() => onFocusField(field.name)}
                />
                <label htmlFor={id} className="text-sm">
                  {field.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
