// The encoded segment as tcpdump -x prints it, with the selected field's
// bytes marked. The text content is exactly formatHex(bytes, { indent: "" }).

import { Fragment, useId } from "react";
import { useOverflows } from "../useOverflows";
import { byteHex, hexDumpRows, offsetLabel } from "@/lib/wire/hex";

interface HexViewProps {
  bytes: Uint8Array;
  /** Inclusive byte range to mark, or null. */
  highlight: [number, number] | null;
  summary: string;
}

export function HexView({ bytes, highlight, summary }: HexViewProps) {
  const hintId = useId();
  const [ref, overflows] = useOverflows<HTMLPreElement>(bytes.length);
  const marked = (i: number) => highlight !== null && i >= highlight[0] && i <= highlight[1];
  const rows = hexDumpRows(bytes.length);
  return (
    <div>
      <div className="text-base font-semibold">Bytes on the wire</div>
      <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        The TCP segment ({bytes.length} bytes) in <code>tcpdump -x</code> layout; the selected field is marked. tcpdump -n -S would summarize it as:
      </div>
      <div className="mt-1 break-words font-mono text-xs text-slate-800 dark:text-slate-200" data-testid="header-summary">
        {summary}
      </div>
      {/* tcpdump's 16-byte lines are wider than a phone: the dump scrolls sideways, focusable so the arrow keys scroll it. */}
      {overflows ? (
        <p id={hintId} className="m-0 mt-2 text-xs text-slate-600 dark:text-slate-300" data-testid="scroll-hint">
          Wide lines: scroll sideways, or focus the dump and use the arrow keys.
        </p>
      ) : null}
      <pre data-testid="header-hex" tabIndex={0} role="region" aria-label="Segment bytes in hex" ref={ref} aria-describedby={overflows ? hintId : undefined} data-scroll-region="x" className="relative mt-2 overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-sm leading-6 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:focus-visible:outline-blue-300">
        {rows.map((row, r) => (
          <Fragment key={row.offset}>
            {r > 0 && "\n"}
            {`${offsetLabel(row.offset)}  `}
            {row.groups.map((group, g) => (
              <Fragment key={group.start}>
                {g > 0 && " "}
                {Array.from({ length: group.length }, (_, k) => {
                  const i = group.start + k;
                  const text = byteHex(bytes[i] ?? 0);
                  return marked(i) ? (
                    <mark key={i} className="rounded-sm bg-yellow-200 text-slate-950 dark:bg-yellow-400 dark:text-slate-950">
                      {text}
                    </mark>
                  ) : (
                    <span key={i}>{text}</span>
                  );
                })}
              </Fragment>
            ))}
          </Fragment>
        ))}
      </pre>
    </div>
  );
}
