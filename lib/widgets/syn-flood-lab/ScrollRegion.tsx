// A box that scrolls when its content (a wide table) does not fit: focusable
// and named so keyboard users can scroll it, with a visible hint only when
// there is something to scroll to sideways.
import { useId, type ReactNode } from "react";
import { useOverflows } from "../useOverflows";

export function ScrollRegion({ label, content, className = "", children }: { label: string; content?: unknown; className?: string; children: ReactNode }) {
  const hintId = useId();
  const [ref, overflows] = useOverflows<HTMLDivElement>(content);
  return (
    <div className="min-w-0">
      {overflows ? (
        <p id={hintId} className="m-0 mb-1 text-xs text-slate-600 dark:text-slate-400" data-testid="scroll-hint">
          Wider than the screen: scroll sideways, or focus the table and use the arrow keys.
        </p>
      ) : null}
      <div
        ref={ref}
        tabIndex={0}
        role="region"
        aria-label={label}
        aria-describedby={overflows ? hintId : undefined}
        className={`overflow-auto focus-visible:outline-2 focus-visible:outline-sky-600 ${className}`}
        data-scroll-region="xy"
      >
        {children}
      </div>
    </div>
  );
}
