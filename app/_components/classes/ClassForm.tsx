"use client";
// Create a class: name, term, time zone (an IANA name; the browser's own is
// filled in). The server checks everything again and says what is wrong.
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { callApi, problemsOf } from "./apiClient";
import { Problems } from "./Problems";
import { buttonClass, inputClass, mutedClass } from "./ui";

export function ClassForm({ timeZones }: { timeZones: string[] }) {
  const router = useRouter();
  const id = useId();
  const [timeZone, setTimeZone] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setTimeZone((zone) => zone || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblems([]);
    const reply = await callApi("POST", "/api/classes", { name: form.get("name"), term: form.get("term"), timeZone: form.get("timeZone") });
    setBusy(false);
    if (!reply.ok) return setProblems(problemsOf(reply));
    const created = reply.body.class as { id: string };
    router.push(`/teach/classes/${created.id}`);
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 grid gap-4 sm:grid-cols-3" aria-label="Create a class">
      <div>
        <label htmlFor={`${id}-name`} className="block font-medium">Class name</label>
        <input id={`${id}-name`} name="name" required maxLength={120} className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-term`} className="block font-medium">Term</label>
        <input id={`${id}-term`} name="term" required maxLength={60} placeholder="Fall 2026" className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-zone`} className="block font-medium">Time zone</label>
        <input
          id={`${id}-zone`}
          name="timeZone"
          required
          list={`${id}-zones`}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          aria-describedby={`${id}-zone-hint`}
          autoComplete="off"
          className={inputClass}
        />
        <datalist id={`${id}-zones`}>
          {timeZones.map((zone) => <option key={zone} value={zone} />)}
        </datalist>
        <p id={`${id}-zone-hint`} className={`mt-1 ${mutedClass}`}>An IANA name like America/New_York; due times are entered and shown in it.</p>
      </div>
      <div className="sm:col-span-3">
        <Problems problems={problems} />
        <button type="submit" disabled={busy} className={`mt-2 ${buttonClass}`}>{busy ? "Please wait…" : "Create class"}</button>
      </div>
    </form>
  );
}
