// The options after byte 20: each one's values and a Remove button, plus
// buttons to add the common SYN options. lib/wire's addOption, removeOption
// and setOptionValue do the checking; this only wires them to controls.

import {
  MAX_OPTIONS_BYTES,
  OPTION_INFO,
  describeOption,
  optionTypeName,
  optionsByteLength,
  type OptionValueKey,
  type TcpHeader,
  type TcpOption,
} from "@/lib/wire/tcpHeader";
import { ADDABLE, type AddableKind, type Draft } from "../../labs/header-explorer/state";

const VALUE_FIELDS: Partial<Record<TcpOption["kind"], { key: OptionValueKey; label: string; max: number }[]>> = {
  mss: [{ key: "value", label: "MSS value (bytes)", max: 65535 }],
  wscale: [{ key: "shift", label: "Window scale shift count", max: 14 }],
  timestamps: [
    { key: "tsval", label: "TSval (sender's timestamp)", max: 2 ** 32 - 1 },
    { key: "tsecr", label: "TSecr (echoed timestamp)", max: 2 ** 32 - 1 },
  ],
};

interface OptionsEditorProps {
  header: TcpHeader;
  drafts: Record<string, Draft>;
  selectedIndex: number | null;
  error: string | null;
  inputId: (index: number, key: string) => string;
  onValue: (index: number, key: OptionValueKey, text: string) => void;
  onAdd: (kind: AddableKind) => void;
  onRemove: (index: number) => void;
  onFocusOption: (index: number) => void;
}

const BUTTON =
  "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:border-slate-500 dark:hover:bg-slate-800 dark:focus-visible:outline-blue-300";
const INPUT =
  "mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300 dark:aria-[invalid=true]:border-red-400";

export function OptionsEditor(props: OptionsEditorProps) {
  const { header, drafts, selectedIndex, error, inputId, onValue, onAdd, onRemove, onFocusOption } = props;
  const used = optionsByteLength(header.options.filter((o) => o.kind !== "eol"));
  return (
    <fieldset>
      <legend className="text-base font-semibold">Options</legend>
      <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {used} of {MAX_OPTIONS_BYTES} option bytes used; the header is {header.dataOffset * 4} bytes (data offset {header.dataOffset}).
      </div>
      <div className="mt-2 space-y-2">
        {header.options.length === 0 && <div className="text-sm">No options: the header is the bare 20 bytes.</div>}
        {header.options.map((option, index) => {
          const name = option.kind === "unknown" ? optionTypeName(option.type) : OPTION_INFO[option.kind].name;
          const fields = VALUE_FIELDS[option.kind] ?? [];
          const selected = selectedIndex === index;
          return (
            <div
              key={`${index}-${option.kind}`}
              className={`rounded border border-slate-200 p-2 dark:border-slate-700 ${selected ? "bg-blue-50 ring-1 ring-blue-300 dark:bg-blue-950 dark:ring-blue-700" : ""}`}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="text-sm">
                  <span className="font-medium">{name}</span>{" "}
                  <span className="font-mono text-slate-700 dark:text-slate-300">{option.kind === "eol" ? "(and padding)" : describeOption(option)}</span>
                </div>
                {option.kind !== "eol" && (
                  <button type="button" className={BUTTON} onClick={() => onRemove(index)} onFocus={() => onFocusOption(index)} aria-label={`Remove ${name} option`}>
                    Remove
                  </button>
                )}
              </div>
              {fields.length > 0 && (
                <div className="mt-1 grid grid-cols-1 gap-2 sm:grid-cols-2">
                  {fields.map(({ key, label, max }) => {
                    const id = inputId(index, key);
                    const draft = drafts[`option:${index}:${key}`];
                    const current = (option as Record<string, unknown>)[key];
                    return (
                      <div key={key}>
                        <label htmlFor={id} className="block text-sm font-medium">
                          {label}
                        </label>
                        <input
                          id={id}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={max}
                          step={1}
                          className={INPUT}
                          value={draft ? draft.text : String(current)}
                          aria-invalid={draft ? true : undefined}
                          aria-describedby={draft ? `${id}-error` : undefined}
                          onChange={(event) => onValue(index, key, event.target.value)}
                          onFocus={() => onFocusOption(index)}
                        />
                        {draft && (
                          <div id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                            {draft.error} The header keeps {String(current)}.
                          </div>
                        )}
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
          );
        })}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        {(Object.keys(ADDABLE) as AddableKind[]).map((kind) => (
          <button
            key={kind}
            type="button"
            className={BUTTON}
            disabled={header.options.some((o) => o.kind === kind)}
            onClick={() => onAdd(kind)}
          >
            {ADDABLE[kind].label}
          </button>
        ))}
      </div>
      {error && (
        <div role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </div>
      )}
    </fieldset>
  );
}
