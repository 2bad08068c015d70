"use client";
// A mock interview while it runs: one question at a time with a countdown.
// The server keeps the clock (its deadlines arrive with each question; the
// browser corrects its own clock by the server's). The countdown is shown
// every second but spoken only at 1 minute and 10 seconds left and when time
// is up. When it reaches zero, what the learner typed is submitted (the
// server allows 5 s of grace); a question left blank then counts as unanswered.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { MockView } from "@/lib/interview/service";
import { learnerFetch } from "@/app/_components/learnerFetch";

const MAX_BYTES = 4096;
/** The server's grace after a deadline (lib/interview/mock.ts GRACE_SECONDS). */
const GRACE_SECONDS = 5;

function clock(seconds: number) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function MockRunner({ initial }: { initial: MockView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [skew, setSkew] = useState(() => Date.parse(initial.serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [spoken, setSpoken] = useState("");
  const announced = useRef(new Set<string>());
  const submitting = useRef(false);
  const fieldId = useId();
  const current = view.current;

  const receive = useCallback((next: MockView) => {
    setSkew(Date.parse(next.serverNow) - Date.now());
    setView(next);
    setText("");
  }, []);

  const finish = useCallback(async () => {
    try {
      await learnerFetch(`/api/interview/mocks/${encodeURIComponent(view.id)}/finish`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    } finally {
      router.refresh();
    }
  }, [router, view.id]);

  const refreshing = useRef(false);
  const refresh = useCallback(async () => {
    if (refreshing.current) return;
    refreshing.current = true;
    try {
      const response = await learnerFetch(`/api/interview/mocks/${encodeURIComponent(view.id)}`, { cache: "no-store" });
      if (response.ok) receive((await response.json()).mock as MockView);
    } catch {
      // The next tick tries again.
    } finally {
      refreshing.current = false;
    }
  }, [receive, view.id]);

  const submit = useCallback(
    async (answer: string) => {
      if (!current || submitting.current) return;
      submitting.current = true;
      setBusy(true);
      setError(null);
      try {
        const response = await learnerFetch(`/api/interview/mocks/${encodeURIComponent(view.id)}/answers`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ index: current.index, answer }),
        });
        const body = await response.json();
        if (response.status === 201) receive(body.mock as MockView);
        else {
          setError(body.message ?? `The server answered ${response.status}.`);
          if (response.status === 409) await refresh();
        }
      } catch {
        setError("Your answer did not reach the server; try again.");
      } finally {
        submitting.current = false;
        setBusy(false);
      }
    },
    [current, receive, refresh, view.id],
  );

  // The interview is over (all answered or out of time): finish it and show the report.
  useEffect(() => {
    if (view.status === "over") void finish();
  }, [view.status, finish]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);

  const left = current ? (Date.parse(current.deadline) - (now + skew)) / 1000 : 0;
  const key = current ? `${view.id}:${current.index}` : "";

  // Spoken at 1 minute and 10 seconds left and at zero, never every second;
  // "1 minute left" only when the question started with more than that.
  const startedWith = useRef(new Map<string, number>());
  useEffect(() => {
    if (!current) return;
    if (!startedWith.current.has(key)) startedWith.current.set(key, left);
    const say = (mark: string, words: string) => {
      if (announced.current.has(`${key}:${mark}`)) return;
      announced.current.add(`${key}:${mark}`);
      setSpoken(words);
    };
    if (left <= 0) say("0", "Time is up for this question.");
    else if (left <= 10) say("10", "10 seconds left.");
    else if (left <= 60 && startedWith.current.get(key)! > 65) say("60", "1 minute left.");
  }, [left, key, current]);

  // A new question: move to its answer box (not on the first, which the page opens with).
  const textarea = useRef<HTMLTextAreaElement>(null);
  const firstKey = useRef(key);
  useEffect(() => {
    if (key && key !== firstKey.current) textarea.current?.focus();
  }, [key]);

  // At zero: submit what was typed (within the server's grace), or move on.
  useEffect(() => {
    if (!current || left > 0 || submitting.current) return;
    if (text.trim() !== "") void submit(text);
    else if (left < -GRACE_SECONDS - 0.5) void refresh(); // past the grace: the server has moved on
  }, [left, current, text, submit, refresh]);

  if (!current) {
    return (
      <p role="status" className="mt-6">
        The interview is over; preparing your report…
      </p>
    );
  }

  const total = view.secondsPerQuestion;
  const share = Math.max(0, Math.min(1, left / Math.max(total, left)));
  const bytes = new TextEncoder().encode(text).length;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (bytes > MAX_BYTES) {
      setError(`Your answer is ${bytes} bytes, over the 4 KB limit: shorten it.`);
      return;
    }
    void submit(text);
  }

  return (
    <section aria-labelledby={`${fieldId}-q`} className="mt-6" data-testid="mock-runner">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="font-medium" data-testid="mock-progress">
          Question {current.index + 1} of {view.total}
        </p>
        <p className="font-mono text-2xl tabular-nums" data-testid="mock-countdown">
          <span className="sr-only">Time left: </span>
          <span role="timer" aria-live="off">
            {clock(left)}
          </span>
        </p>
      </div>
      <div className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-800" aria-hidden="true">
        <div
          className={`h-2 rounded transition-[width] duration-300 ease-linear motion-reduce:transition-none ${left <= 10 ? "bg-red-700 dark:bg-red-400" : "bg-blue-700 dark:bg-blue-400"}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <p aria-live="polite" className="sr-only" data-testid="mock-announcement">
        {spoken}
      </p>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        {current.question.topicName} · {current.question.difficulty}
      </p>
      <h2 id={`${fieldId}-q`} className="mt-1 text-xl font-semibold sm:text-2xl" data-testid="mock-question">
        {current.question.question}
      </h2>
      <form onSubmit={onSubmit} className="mt-4 space-y-3" noValidate>
        <label htmlFor={fieldId} className="block font-medium">
          Your answer
        </label>
        <textarea
          id={fieldId}
          key={key}
          ref={textarea}
          rows={7}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${fieldId}-q ${fieldId}-note`}
          className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
        />
        <p id={`${fieldId}-note`} className="text-sm text-slate-600 dark:text-slate-400">
          One answer per question. When the time is up, what you typed is submitted; you see the grades in the report at the end.
        </p>
        {error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
          >
            {busy ? "Sending…" : current.index + 1 === view.total ? "Submit and finish" : "Submit and go on"}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void finish()}
            className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
          >
            End the interview now
          </button>
        </div>
      </form>
    </section>
  );
}
