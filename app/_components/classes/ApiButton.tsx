"use client";
// A button that calls the class API, then refreshes the page (or goes elsewhere).
// Destructive actions ask first.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi, problemsOf } from "./apiClient";

export function ApiButton(props: {
  method: "POST" | "DELETE" | "PATCH";
  url: string;
  json?: unknown;
  label: string;
  /** Accessible name when the visible label is short ("Remove" -> "Remove ada@example.com"). */
  ariaLabel?: string;
  confirm?: string;
  /** Where to go after success; the current page is refreshed otherwise. */
  then?: string;
  className: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function act() {
    if (props.confirm && !window.confirm(props.confirm)) return;
    setBusy(true);
    setProblem(null);
    const reply = await callApi(props.method, props.url, props.json);
    setBusy(false);
    if (!reply.ok) return setProblem(problemsOf(reply).join(" "));
    if (props.then) router.push(props.then);
    router.refresh();
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button type="button" onClick={act} disabled={busy} aria-label={props.ariaLabel} className={props.className}>
        {busy ? "Please wait…" : props.label}
      </button>
      {problem ? <span role="alert" className="text-sm text-red-700 dark:text-red-300">{problem}</span> : null}
    </span>
  );
}
