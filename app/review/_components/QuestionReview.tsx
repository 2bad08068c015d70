"use client";
// An interview-question card: the question, a text box, and the grade from the
// interview track's answer route (POST /api/interview/questions/:id/answers),
// which grades with the claims grader, stores the answer and reviews the card.
// "I did cover this" goes to the interview track's claim route, then asks the
// review route to lift this review's rating (the claimed ideas count as found).
import { useId, useState, type FormEvent } from "react";
import type { CardView, OpenedCard } from "@/lib/review/service";
import { button } from "./ReviewSession";
import { learnerFetch } from "@/app/_components/learnerFetch";

type Idea = { id: string; idea: string; weight: number; status: "found" | "missing" | "contradicted" };
type Answer = {
  id: string;
  score: number;
  summary: string;
  claims: string[];
  grade: { ideas: Idea[]; misconceptions: { id: string; label: string; whyWrong: string }[] };
};
type Reveal = { modelAnswer: string };

const STATUS = {
  found: { mark: "✓", said: "Found", note: "found" },
  missing: { mark: "○", said: "Missing", note: "missing" },
  contradicted: { mark: "✗", said: "Contradicted", note: "you said the opposite" },
} as const;

export function QuestionReview({
  card,
  question,
  onReviewed,
}: {
  card: OpenedCard;
  question: NonNullable<OpenedCard["question"]>;
  onReviewed: (card: CardView) => void;
}) {
  const fieldId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);

  async function readCard() {
    const response = await learnerFetch(`/api/review/cards/${encodeURIComponent(card.id)}`, { cache: "no-store" });
    if (response.ok) onReviewed(((await response.json()) as { card: CardView }).card);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await learnerFetch(`/api/interview/questions/${encodeURIComponent(question.id)}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answer: text }),
      });
      const body = await response.json();
      if (response.status === 201) {
        setAnswer(body.answer as Answer);
        setReveal((body.reveal as Reveal | undefined) ?? null);
        await readCard();
      } else setError(body.message ?? `The server answered ${response.status}.`);
    } catch (reason) {
      setError(`Your answer did not reach the server (${reason instanceof Error ? reason.message : String(reason)}). Try again.`);
    }
    setBusy(false);
  }

  async function claim(ideaId: string) {
    if (!answer) return;
    setError(null);
    try {
      const response = await learnerFetch(`/api/interview/answers/${encodeURIComponent(answer.id)}/claims`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ideaId }),
      });
      const body = await response.json();
      if (response.status !== 201) {
        setError(body.message ?? `The server answered ${response.status}.`);
        return;
      }
      setAnswer({ ...answer, claims: body.claims as string[] });
      const lift = await learnerFetch(`/api/review/answers/${encodeURIComponent(answer.id)}/lift`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      if (lift.ok) await readCard();
    } catch {
      setError("Your claim did not reach the server; try again.");
    }
  }

  return (
    <div className="mt-3 rounded-xl border border-slate-300 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {question.topic} · {question.difficulty}
      </p>
      <h3 className="mt-1 text-lg font-semibold" data-testid="review-question">
        {question.text}
      </h3>
      {answer ? null : (
        <form onSubmit={submit} className="mt-3 space-y-3" noValidate>
          <label htmlFor={fieldId} className="block font-medium">
            Your answer, as you would say it in an interview
          </label>
          <textarea
            id={fieldId}
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
          />
          <button type="submit" disabled={busy} className={button}>
            {busy ? "Grading…" : "Submit answer"}
          </button>
        </form>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {answer ? (
        <div className="mt-3" data-testid="review-question-grade">
          <p className="font-semibold">
            Score {Math.round(answer.score * 100)}%. {answer.summary}
          </p>
          <ul className="mt-2 space-y-1">
            {answer.grade.ideas.map((idea) => {
              const status = STATUS[idea.status];
              return (
                <li key={idea.id}>
                  <span aria-hidden="true" className="inline-block w-4">
                    {status.mark}
                  </span>{" "}
                  <span className="sr-only">{status.said}: </span>
                  {idea.idea} <span className="text-sm text-slate-600 dark:text-slate-400">({status.note})</span>
                  {idea.status === "missing" ? (
                    answer.claims.includes(idea.id) ? (
                      <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">You said you covered this; it counts for this card&apos;s schedule.</span>
                    ) : (
                      <button type="button" onClick={() => claim(idea.id)} className="ml-2 text-sm font-medium text-blue-700 underline dark:text-blue-300">
                        I did cover this<span className="sr-only">: {idea.idea}</span>
                      </button>
                    )
                  ) : null}
                </li>
              );
            })}
          </ul>
          {answer.grade.misconceptions.length > 0 ? (
            <ul className="mt-2 space-y-1">
              {answer.grade.misconceptions.map((m) => (
                <li key={m.id}>
                  <span aria-hidden="true">✗ </span>
                  <strong>{m.label}.</strong> {m.whyWrong}
                </li>
              ))}
            </ul>
          ) : null}
          <details className="mt-3">
            <summary className="cursor-pointer font-medium">Your answer</summary>
            <p className="mt-1 whitespace-pre-wrap">{text || "(empty)"}</p>
          </details>
          {reveal ? (
            <div className="mt-3 rounded-md bg-slate-100 p-3 dark:bg-slate-800">
              <p className="font-medium">Model answer</p>
              <p className="mt-1">{reveal.modelAnswer}</p>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
