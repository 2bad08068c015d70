"use client";

// The TCP header explorer: a bit diagram of a real header, what each field
// means, editors whose changes show up in the bytes at once, and a place to
// paste bytes from tcpdump. A thin shell: the header codec, validation and
// checksum live in lib/wire; layout and wording in ./header-explorer/*.

import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import { spacedHex } from "@/lib/wire/hex";
import { encodeTcpHeader, fieldSpec, summarizeTcpHeader, type FieldName } from "@/lib/wire/tcpHeader";
import { BitDiagram } from "./header-explorer/BitDiagram";
import { checksumStatus, selectionDetails } from "../labs/header-explorer/describe";
import { diagramCells, rowCount, selectionBits, selectionKey, type Direction, type Selection } from "../labs/header-explorer/diagram";
import { FieldDetails } from "./header-explorer/FieldDetails";
import { FieldEditor } from "./header-explorer/FieldEditor";
import { HexView } from "./header-explorer/HexView";
import { OptionsEditor } from "./header-explorer/OptionsEditor";
import { PastePanel } from "./header-explorer/PastePanel";
import { describeAction } from "../labs/header-explorer/eventLog";
import { explorerReducer, initialState, type ExplorerAction } from "../labs/header-explorer/state";
import { readHashState, replaceHashState } from "./urlHashState";
import { CaptureDownload } from "./CaptureDownload";
import { REAL_LINUX_SYN_SOURCE } from "@/lib/wire/realSyn";
import { useCopyToClipboard } from "./useCopyToClipboard";

const HASH_KEY = "header-explorer";

const CHECKSUM_STYLE = {
  valid: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50",
  offload: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50",
  invalid: "border-red-300 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50",
  unknown: "border-slate-200 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
} as const;

/**
 * The bytes shown by the page's exercises that are still open: the exercise
 * form shows its material only until it is solved (then a solved card replaces it).
 */
function openExerciseMaterials(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-exercise] [data-testid="exercise-material"]'), (el) => el.textContent ?? "");
}

export function HeaderExplorer() {
  const [state, rawDispatch] = useReducer(explorerReducer, undefined, initialState);
  const [log, setLog] = useState<string[]>([]);
  const { status: copied, copy } = useCopyToClipboard();
  const restored = useRef(false);
  // Every action goes through here so the event log says what happened.
  const dispatch = useCallback(
    (action: ExplorerAction) => {
      const line = describeAction(action, state, explorerReducer(state, action));
      rawDispatch(action);
      if (line) setLog((lines) => [...lines, line]);
    },
    [state],
  );
  const baseId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const focusAfterMove = useRef(false);

  const fieldInputId = useCallback((name: FieldName) => `${baseId}-field-${name.replace(".", "-")}`, [baseId]);
  const optionInputId = useCallback((index: number, key: string) => `${baseId}-option-${index}-${key}`, [baseId]);

  const bytes = useMemo(() => encodeTcpHeader(state.header, state.payload), [state.header, state.payload]);
  const cells = useMemo(() => diagramCells(state.header), [state.header]);
  const details = selectionDetails(state.header, state.selection);
  const checksum = checksumStatus(state.header, state.payload, state.ip);
  const bits = selectionBits(state.header, state.selection);
  const highlight: [number, number] | null = bits
    ? [Math.floor(bits.bitOffset / 8), Math.floor((bits.bitOffset + bits.bitWidth - 1) / 8)]
    : null;

  // A shared link carries the header's bytes: #header-explorer=<base64url of the hex>.
  useEffect(() => {
    const shared = readHashState(window.location.hash, HASH_KEY);
    if (typeof shared === "string" && /^[0-9a-f ]{40,}$/i.test(shared)) {
      rawDispatch({ type: "pasteText", text: shared });
      rawDispatch({ type: "decode" });
      setLog((lines) => [...lines, "Loaded the header from the link"]);
    }
    restored.current = true;
  }, []);
  useEffect(() => {
    if (restored.current && log.length > 0) replaceHashState(HASH_KEY, spacedHex(bytes));
  }, [bytes, log.length]);


  // Arrow keys move the selection; focus follows it to the new field's button.
  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    const key = selectionKey(state.selection);
    const button = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>("button[data-cell]") ?? [])].find(
      (b) => b.dataset.cell === key,
    );
    button?.focus();
  }, [state.selection]);

  const onMove = (direction: Direction) => {
    focusAfterMove.current = true;
    dispatch({ type: "move", direction });
  };
  const onSelect = (selection: Selection) => dispatch({ type: "select", selection });

  const editorId = (() => {
    const selection = state.selection;
    if (selection.type === "field") return fieldSpec(selection.name).editable ? fieldInputId(selection.name) : null;
    const option = state.header.options[selection.index];
    const firstKey = option?.kind === "mss" ? "value" : option?.kind === "wscale" ? "shift" : option?.kind === "timestamps" ? "tsval" : null;
    return firstKey ? optionInputId(selection.index, firstKey) : null;
  })();

  return (
    <section
      ref={rootRef}
      data-widget="header-explorer"
      aria-label="TCP header explorer"
      className="my-8 space-y-6 rounded-xl border border-slate-300 bg-white p-3 text-slate-900 sm:p-5 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div>
        <div className="text-lg font-semibold">TCP header explorer</div>
        <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Select a field (click, or Tab to it and use the arrow keys) to see what it means. Edit values below and watch the bytes change.
        </div>
      </div>

      <BitDiagram cells={cells} rows={rowCount(cells)} selection={state.selection} onSelect={onSelect} onMove={onMove} />

      <FieldDetails
        details={details}
        editorId={editorId}
        onEdit={() => {
          if (editorId) document.getElementById(editorId)?.focus();
        }}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-4">
          <HexView bytes={bytes} highlight={highlight} summary={summarizeTcpHeader(state.header, state.payload.length)} />
          <div className={`rounded-lg border p-3 text-sm ${CHECKSUM_STYLE[checksum.kind]}`} data-testid="checksum-status">
            <div>{checksum.text}</div>
            {(checksum.kind === "invalid" || checksum.kind === "offload") && (
              <button
                type="button"
                onClick={() => dispatch({ type: "fixChecksum" })}
                className="mt-2 rounded border border-current px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300"
              >
                Write the correct checksum
              </button>
            )}
          </div>
          <PastePanel
            text={state.pasteText}
            error={state.pasteError}
            notes={state.notes}
            onText={(text) => dispatch({ type: "pasteText", text })}
            onDecode={() => dispatch({ type: "decode", openExercises: openExerciseMaterials() })}
            onLoadRealSyn={() => dispatch({ type: "loadRealSyn" })}
          />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            The real SYN is packet {REAL_LINUX_SYN_SOURCE.packet} of the <CaptureDownload name={REAL_LINUX_SYN_SOURCE.capture} />.
          </p>
        </div>
        <div className="min-w-0 space-y-6">
          <FieldEditor
            header={state.header}
            drafts={state.drafts}
            selected={state.selection.type === "field" ? state.selection.name : null}
            inputId={fieldInputId}
            onNumber={(name, text) => dispatch({ type: "setNumber", name, text })}
            onFlag={(name, on) => dispatch({ type: "setFlag", name, on })}
            onFocusField={(name) => dispatch({ type: "select", selection: { type: "field", name } })}
          />
          <OptionsEditor
            header={state.header}
            drafts={state.drafts}
            selectedIndex={state.selection.type === "option" ? state.selection.index : null}
            error={state.optionError}
            inputId={optionInputId}
            onValue={(index, key, text) => dispatch({ type: "setOptionValue", index, key, text })}
            onAdd={(kind) => dispatch({ type: "addOption", kind })}
            onRemove={(index) => dispatch({ type: "removeOption", index })}
            onFocusOption={(index) => dispatch({ type: "select", selection: { type: "option", index } })}
          />
        </div>
      </div>

      <div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-semibold" id={`${baseId}-log`}>
            Event log
          </span>
          <button type="button" onClick={() => void copy(window.location.href, "Link")} className="rounded border border-slate-400 px-2 py-1 text-sm">
            Copy link
          </button>
          <button type="button" onClick={() => void copy(log.join("\n"), "Event log")} className="rounded border border-slate-400 px-2 py-1 text-sm">
            Copy event log
          </button>
          <span role="status" className="text-sm text-slate-700 dark:text-slate-300">
            {copied}
          </span>
        </div>
        <ol aria-labelledby={`${baseId}-log`} data-testid="event-log" className="mt-2 max-h-48 list-decimal space-y-0.5 overflow-auto pl-8 text-sm">
          {log.length === 0 ? <li className="list-none -ml-6 text-slate-600 dark:text-slate-400">Nothing changed yet.</li> : log.map((line, index) => <li key={index}>{line}</li>)}
        </ol>
      </div>
    </section>
  );
}

export default HeaderExplorer;
