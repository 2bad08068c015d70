"use client";
// Choosing a mock interview: topics, how many questions, how long each.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { learnerFetch } from "@/app/_components/learnerFetch";

export function MockSetup({
  topics,
  lengths,
  seconds,
}: {
  topics: { id: string; name: string; count: number }[];
  lengths: readonly number[];
  seconds: readonly number[];
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>(topics.map((t) => t.id));
  const [length, setLength] = useState(lengths[0]!);
  const [perQuestion, setPerQuestion] = useState(seconds[1] ?? seconds[0]!);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const available = topics.filter((t) => chosen.includes(t.id)).reduce((sum, t) => sum + t.count, 0);

  async function start(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const response = await learnerFetch("/api/interview/mocks", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ topics: chosen, length, secondsPerQuestion: perQuestion }),
      });
      const body = await response.json();
      if (response.status === 201) {
        router.push(`/interview/mock/${body.mock.id}`);
        return;
      }
      setError(body.message ?? `The server answered ${response.status}.`);
    } catch {
      setError("The request did not reach the server; try again.");
    }
    setBusy(false);
  }

  const box = "h-4 w-4";
  return (
    <form onSubmit={start} className="mt-4 space-y-5 rounded-xl border border-slate-300 p-4 dark:border-slate-700" noValidate>
      <fieldset>
        <legend className="font-medium">Topics</legend>
        <div className="mt-1 flex flex-wrap gap-2 text-sm">
          <button type="button" className="text-blue-700 underline dark:text-blue-300" onClick={() => setChosen(topics.map((t) => t.id))}>
            Select all
          </button>
          <button type="button" className="text-blue-700 underline dark:text-blue-300" onClick={() => setChosen([])}>
            Clear
          </button>
        </div>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {topics.map((topic) => (
            <label key={topic.id} className="inline-flex items-center gap-2">
              <input
                type="checkbox"
                className={box}
                name="topics"
                value={topic.id}
                checked={chosen.includes(topic.id)}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, topic.id] : chosen.filter((t) => t !== topic.id))}
              />
              <span>
                {topic.name} <span className="text-sm text-slate-600 dark:text-slate-400">({topic.count})</span>
              </span>
            </label>
          ))}
        </div>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" id={`${id}-available`}>
          {available} question{available === 1 ? "" : "s"} in the topics chosen.
        </p>
      </fieldset>
      <fieldset>
        <legend className="font-medium">Questions</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {lengths.map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" className={box} name="length" value={value} checked={length === value} onChange={() => setLength(value)} />
              {value}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-medium">Time per question</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {seconds.map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" className={box} name="seconds" value={value} checked={perQuestion === value} onChange={() => setPerQuestion(value)} />
              {value / 60} minute{value === 60 ? "" : "s"}
            </label>
          ))}
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Time you do not use on a question carries over to the next.</p>
      </fieldset>
      {error ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        aria-describedby={`${id}-available`}
        className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {busy ? "Starting…" : "Start the interview"}
      </button>
    </form>
  );
}
