"use client";

// A box whose content may be wider than the screen (terminal output, a wide
// table): it scrolls sideways, the keyboard reaches it (tabindex 0, arrow
// keys scroll it), it has a name, and while its content is wider than it, a
// visible line under it says so and a shadow marks the edge that hides more.
// On a wide screen, where everything fits, neither shows.

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";

export function ScrollRegion({
  label,
  labelledBy,
  testId,
  className = "",
  children,
}: {
  /** Accessible name, when no visible heading names the region. */
  label?: string;
  labelledBy?: string;
  testId?: string;
  /** Classes of the scrolling box (height limits, background, padding). */
  className?: string;
  children: ReactNode;
}) {
  const hintId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ wider: false, left: false, right: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const wider = el.scrollWidth > el.clientWidth + 1;
    const next = { wider, left: wider && el.scrollLeft > 1, right: wider && el.scrollLeft + el.clientWidth < el.scrollWidth - 1 };
    setOverflow((o) => (o.wider === next.wider && o.left === next.left && o.right === next.right ? o : next));
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => observer?.disconnect();
  }, [measure]);

  return (
    <div className="min-w-0">
      <div className="relative">
        <div
          ref={ref}
          role="region"
          tabIndex={0}
          aria-label={label}
          aria-labelledby={labelledBy}
          aria-describedby={overflow.wider ? hintId : undefined}
          data-scroll-region=""
          data-overflowing={overflow.wider ? "true" : "false"}
          data-testid={testId}
          onScroll={measure}
          className={`overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300 ${className}`}
        >
          {children}
        </div>
        {/* Edge shadows: more content hides on that side. */}
        {overflow.left ? (
          <div aria-hidden="true" className="pointer-events-none absolute top-0 left-0 h-full w-4 rounded-l bg-gradient-to-r from-slate-500/40 to-transparent" />
        ) : null}
        {overflow.right ? (
          <div aria-hidden="true" className="pointer-events-none absolute top-0 right-0 h-full w-4 rounded-r bg-gradient-to-l from-slate-500/40 to-transparent" />
        ) : null}
      </div>
      {overflow.wider ? (
        <p id={hintId} className="m-0 mt-1 text-xs text-slate-700 dark:text-slate-300" data-scroll-hint="">
          <span aria-hidden="true">↔ </span>Wider than the screen: swipe sideways, or focus it and use the arrow keys.
        </p>
      ) : null}
    </div>
  );
}
