"use client";
// The sign-up and sign-in form: posts JSON, shows the server's messages by field.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { learnerFetch } from "@/app/_components/learnerFetch";

/** returnTo: where to go after success (a path on this site, checked by the page), else the dashboard. */
export function CredentialsForm({ mode, returnTo }: { mode: "signup" | "login"; returnTo?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const emailId = useId();
  const passwordId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setErrors([]);
    try {
      const response = await learnerFetch(`/api/auth/${mode}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      const body = await response.json();
      if (response.ok) {
        router.push(returnTo ?? "/dashboard");
        router.refresh();
        return;
      }
      setErrors(body.errors ?? [body.message ?? `The server answered ${response.status}.`]);
    } catch {
      setErrors(["The request did not reach the server; check your connection and try again."]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-6 max-w-sm space-y-4" noValidate>
      <div>
        <label htmlFor={emailId} className="block font-medium">Email</label>
        <input id={emailId} name="email" type="email" autoComplete="email" required className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950" />
      </div>
      <div>
        <label htmlFor={passwordId} className="block font-medium">Password</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          minLength={mode === "signup" ? 12 : undefined}
          required
          aria-describedby={mode === "signup" ? `${passwordId}-hint` : undefined}
          className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
        />
        {mode === "signup" ? <p id={`${passwordId}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">At least 12 characters, not a common password. A few words you will remember work well.</p> : null}
      </div>
      {errors.length > 0 ? (
        <ul role="alert" className="list-disc pl-6 text-red-700 dark:text-red-300">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      ) : null}
      <button type="submit" disabled={busy} className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {busy ? "Please wait…" : mode === "signup" ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}
