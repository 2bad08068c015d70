import type { ReactNode } from "react";

const STYLES = {
  note: { label: "Note", className: "border-blue-300 bg-blue-50 dark:border-blue-800 dark:bg-blue-950/40" },
  misconception: { label: "Common misconception", className: "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40" },
  production: { label: "In production", className: "border-emerald-400 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40" },
} as const;

export function Callout({ kind = "note", title, children }: { kind?: keyof typeof STYLES; title?: string; children: ReactNode }) {
  const style = STYLES[kind];
  return (
    <aside className={`my-6 rounded-lg border-l-4 p-4 ${style.className}`} aria-label={title ? `${style.label}: ${title}` : style.label}>
      <p className="m-0 text-sm font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-300">{style.label}</p>
      {title ? <p className="mt-1 mb-0 font-semibold">{title}</p> : null}
      <div className="[&>p:last-child]:mb-0 [&>p:first-child]:mt-2">{children}</div>
    </aside>
  );
}
