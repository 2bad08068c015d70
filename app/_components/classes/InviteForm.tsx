"use client";
// Invite a co-instructor by email (the owner's class page).
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { callApi, problemsOf } from "./apiClient";
import { Problems } from "./Problems";
import { inputClass, secondaryButtonClass } from "./ui";

export function InviteForm({ classId }: { classId: string }) {
  const router = useRouter();
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const email = new FormData(formElement).get("email");
    setBusy(true);
    setProblems([]);
    const reply = await callApi("POST", `/api/classes/${classId}/invitations`, { email });
    setBusy(false);
    if (!reply.ok) return setProblems(problemsOf(reply));
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3 max-w-md">
      <label htmlFor={id} className="block font-medium">Invite a co-instructor by email</label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input id={id} name="email" type="email" required autoComplete="off" className={`${inputClass} !mt-0 min-w-0 flex-1`} />
        <button type="submit" disabled={busy} className={secondaryButtonClass}>{busy ? "Please wait…" : "Invite"}</button>
      </div>
      <Problems problems={problems} />
    </form>
  );
}
