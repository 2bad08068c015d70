"use client";
// Join a class with a code (typed) or from a /join/<code> link (a button).
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { callApi, problemsOf } from "./apiClient";
import { Problems } from "./Problems";
import { buttonClass, inputClass } from "./ui";

export function JoinForm({ code, label = "Join class" }: { code?: string; label?: string }) {
  const router = useRouter();
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = code ?? String(new FormData(event.currentTarget).get("code") ?? "");
    setBusy(true);
    setProblems([]);
    const reply = await callApi("POST", "/api/classes/join", { code: typed });
    setBusy(false);
    if (!reply.ok) return setProblems(problemsOf(reply));
    const joined = reply.body as { class: { id: string }; role: string };
    router.push(joined.role === "student" ? `/classes/${joined.class.id}` : `/teach/classes/${joined.class.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3 max-w-md">
      {code ? null : (
        <>
          <label htmlFor={id} className="block font-medium">Join code</label>
          <input id={id} name="code" required autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABCD-EFGH" className={`${inputClass} font-mono uppercase`} />
        </>
      )}
      <Problems problems={problems} />
      <button type="submit" disabled={busy} className={`mt-3 ${buttonClass}`}>{busy ? "Please wait…" : label}</button>
    </form>
  );
}
