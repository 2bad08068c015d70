// The header drawn like RFC 9293 Figure 1: rows of 32 bits, each field a
// button as wide as its bits. Layout comes from diagram.ts; this only draws.

import { useId, type KeyboardEvent } from "react";
import { useOverflows } from "../useOverflows";
import { sameSelection, type CellGroup, type DiagramCell, type Direction, type Selection } from "../../labs/header-explorer/diagram";

const GROUP_STYLE: Record<CellGroup, string> = {
  port: "bg-sky-50 text-sky-950 border-sky-300 dark:bg-sky-950 dark:text-sky-50 dark:border-sky-700",
  sequence: "bg-violet-50 text-violet-950 border-violet-300 dark:bg-violet-950 dark:text-violet-50 dark:border-violet-700",
  length: "bg-slate-100 text-slate-900 border-slate-300 dark:bg-slate-800 dark:text-slate-50 dark:border-slate-600",
  flag: "bg-amber-50 text-amber-950 border-amber-300 dark:bg-amber-950 dark:text-amber-50 dark:border-amber-700",
  window: "bg-emerald-50 text-emerald-950 border-emerald-300 dark:bg-emerald-950 dark:text-emerald-50 dark:border-emerald-700",
  option: "bg-rose-50 text-rose-950 border-rose-300 dark:bg-rose-950 dark:text-rose-50 dark:border-rose-700",
  padding: "bg-white text-slate-600 border-dashed border-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:border-slate-600",
};

const FLAG_ON = "bg-amber-300 text-amber-950 border-amber-500 dark:bg-amber-500 dark:text-amber-950 dark:border-amber-300";

const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
  Home: "first",
  End: "last",
};

interface BitDiagramProps {
  cells: DiagramCell[];
  rows: number;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onMove: (direction: Direction) => void;
}

export function BitDiagram({ cells, rows, selection, onSelect, onMove }: BitDiagramProps) {
  const hintId = useId();
  const [ref, overflows] = useOverflows<HTMLDivElement>();
  const handleKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const direction = KEY_DIRECTIONS[event.key];
    if (!direction) return;
    event.preventDefault();
    onMove(direction);
  };

  return (
    <div>
    {/* The diagram keeps RFC 9293's 32 bits to a row, so below about 900 px it scrolls sideways. Every
        field is a button inside it: Tab and the arrow keys scroll the focused field into view. */}
    {overflows ? (
      <p id={hintId} className="m-0 mb-1 text-xs text-slate-600 dark:text-slate-300" data-testid="scroll-hint">
        32 bits to a row, wider than this screen: scroll sideways, or Tab into the diagram and use the arrow keys.
      </p>
    ) : null}
    <div
      className="relative overflow-x-auto rounded-lg border border-slate-200 p-2 dark:border-slate-700"
      role="group"
      aria-label="Header bits, 32 to a row"
      aria-describedby={overflows ? hintId : undefined}
      data-scroll-region="x"
      ref={ref}
    >
      {/* 54rem leaves each bit column (a one-bit flag's button) 24.5 px wide after the byte labels and
          gaps: WCAG 2.5.8's 24 px minimum target size. At 50rem the flags were 22.5 px. */}
      <div className="min-w-[54rem] font-mono">
        <div className="flex items-end gap-2" aria-hidden="true">
          <div className="w-10 shrink-0 text-right text-[10px] text-slate-600 dark:text-slate-300">byte</div>
          <div className="grid flex-1 text-center text-[10px] text-slate-600 dark:text-slate-300" style={{ gridTemplateColumns: "repeat(32, minmax(0, 1fr))" }}>
            {Array.from({ length: 32 }, (_, bit) => (
              <span key={bit}>{bit}</span>
            ))}
          </div>
        </div>
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="mt-1 flex items-stretch gap-2">
            <div className="w-10 shrink-0 self-center text-right text-[11px] text-slate-600 dark:text-slate-300" aria-hidden="true">
              {row * 4}
            </div>
            <div className="grid flex-1 gap-px" style={{ gridTemplateColumns: "repeat(32, minmax(0, 1fr))" }}>
              {cells
                .filter((cell) => cell.row === row)
                .map((cell) => {
                  const selected = sameSelection(cell.selection, selection);
                  const style = cell.on ? FLAG_ON : GROUP_STYLE[cell.group];
                  const className = [
                    // Wide cells start their label at the left on small screens, where the
                    // diagram scrolls and a centered label would sit out of view.
                    "min-h-12 min-w-0 overflow-hidden rounded border py-1 leading-tight",
                    cell.span >= 8 ? "px-2 text-left sm:px-0.5 sm:text-center" : "px-0.5 text-center",
                    style,
                    selected ? "ring-2 ring-blue-600 ring-offset-1 ring-offset-white dark:ring-blue-300 dark:ring-offset-slate-950" : "",
                  ].join(" ");
                  const gridColumn = `${cell.col + 1} / span ${cell.span}`;
                  const narrow = cell.span < 4;
                  // The name comes from content, not aria-label, so getByLabel("Window")
                  // finds the form input only: the visible text is hidden from assistive
                  // tech and a sentence like "SYN flag: set" is read instead.
                  const body = (
                    <>
                      <span aria-hidden="true" className={`block [overflow-wrap:anywhere] ${narrow ? "text-[9px]" : "text-[11px]"} font-semibold`}>
                        {cell.label}
                      </span>
                      {cell.value !== "" && (
                        <span aria-hidden="true" className={`block [overflow-wrap:anywhere] ${narrow ? "text-[9px]" : "text-[11px]"}`}>
                          {cell.value}
                        </span>
                      )}
                      {cell.primary && <span className="sr-only">{cell.spoken}</span>}
                    </>
                  );
                  if (!cell.primary) {
                    // Continuation pieces and padding: clickable for mouse users, hidden
                    // from assistive tech because the primary button already names the field.
                    return (
                      <div key={cell.key} aria-hidden="true" style={{ gridColumn }} className={`${className} cursor-pointer`} onClick={() => onSelect(cell.selection)}>
                        {body}
                      </div>
                    );
                  }
                  return (
                    <button
                      key={cell.key}
                      type="button"
                      data-cell={cell.key}
                      style={{ gridColumn }}
                      className={`${className} cursor-pointer focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300`}
                      aria-pressed={selected}
                      onClick={() => onSelect(cell.selection)}
                      onKeyDown={handleKey}
                    >
                      {body}
                    </button>
                  );
                })}
            </div>
          </div>
        ))}
      </div>
    </div>
    </div>
  );
}
