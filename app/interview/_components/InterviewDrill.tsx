"use client";
// Drilling one interview question: the learner writes an answer, the server
// grades it, and only then does the model answer arrive. Past answers are
// listed newest first with their scores.
import { useId, useState, type FormEvent } from "react";
import type { QuestionReveal } from "@/lib/interview/reveal";
import type { PublicInterviewAnswer } from "@/lib/interview/service";
import { GradeView, RevealView } from "./AnswerFeedback";
import { scoreLabel } from "./format";
import { learnerFetch } from "@/app/_components/learnerFetch";

const MAX_BYTES = 4096;
const encoder = new TextEncoder();

export function InterviewDrill({
  questionId,
  initialAnswers,
  initialReveal,
}: {
  questionId: string;
  initialAnswers: PublicInterviewAnswer[];
  initialReveal: QuestionReveal | null;
}) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [latest, setLatest] = useState<PublicInterviewAnswer | null>(null);
  const [answers, setAnswers] = useState(initialAnswers);
  const [reveal, setReveal] = useState(initialReveal);
  const fieldId = useId();
  const bytes = encoder.encode(text).length;
  const over = bytes > MAX_BYTES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (over) {
      setError(`Your answer is ${bytes} bytes, over the 4 KB limit: shorten it.`);
      return;
    }
    setBusy(true);
    try {
      const response = await learnerFetch(`/api/interview/questions/${encodeURIComponent(questionId)}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answer: text }),
      });
      const body = await response.json();
      if (response.status === 201) {
        setLatest(body.answer as PublicInterviewAnswer);
        setAnswers((previous) => [body.answer as PublicInterviewAnswer, ...previous]);
        setReveal(body.reveal as QuestionReveal);
      } else {
        setError(body.message ?? `The server answered ${response.status}.`);
      }
    } catch (caught) {
      setError(`Your answer did not reach the server (${caught instanceof Error ? caught.message : String(caught)}). Try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <form onSubmit={submit} className="mt-6 space-y-3" noValidate>
        <label htmlFor={fieldId} className="block font-medium">
          Your answer
        </label>
        <p id={`${fieldId}-help`} className="text-sm text-slate-600 dark:text-slate-400">
          Answer as you would out loud, in a few sentences. It is graded on the key ideas it states; a list of terms earns nothing.
        </p>
        <textarea
          id={fieldId}
          name="answer"
          rows={7}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${fieldId}-help ${fieldId}-count`}
          aria-invalid={over || undefined}
          className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
        />
        <p id={`${fieldId}-count`} className={`text-sm ${over ? "font-medium text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}>
          {bytes} of {MAX_BYTES} bytes{over ? ": too long" : ""}
        </p>
        {error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
        >
          {busy ? "Grading…" : answers.length > 0 ? "Submit another answer" : "Submit answer"}
        </button>
      </form>

      <div aria-live="polite">
        {latest ? (
          <section aria-label="Your grade" data-testid="latest-grade" className="mt-6 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
            <GradeView key={latest.id} answer={latest} onClaimed={(claims) => setAnswers((all) => all.map((a) => (a.id === latest.id ? { ...a, claims } : a)))} />
          </section>
        ) : null}
      </div>

      {reveal ? (
        <section aria-labelledby={`${fieldId}-reveal`} className="mt-6 rounded-lg border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900">
          <h2 id={`${fieldId}-reveal`} className="text-xl font-semibold">
            The answer
          </h2>
          <RevealView reveal={reveal} />
        </section>
      ) : null}

      <section aria-labelledby={`${fieldId}-past`} className="mt-8">
        <h2 id={`${fieldId}-past`} className="text-xl font-semibold">
          Your past answers
        </h2>
        {answers.length === 0 ? (
          <p className="mt-1 text-slate-600 dark:text-slate-400">None yet.</p>
        ) : (
          <ol className="mt-2 space-y-2" data-testid="past-answers">
            {answers.map((answer) => (
              <li key={answer.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                <details>
                  <summary className="cursor-pointer">
                    <time dateTime={answer.createdAt}>{new Date(answer.createdAt).toLocaleString()}</time>: score {scoreLabel(answer.score)}
                    {answer.fromMock ? " (in a mock interview)" : ""}
                  </summary>
                  <p className="mt-2 text-sm font-medium">You answered:</p>
                  <p className="mt-1 whitespace-pre-wrap break-words text-sm">{answer.answer === "" ? "(nothing)" : answer.answer}</p>
                  <div className="mt-2 text-sm">
                    <GradeView answer={answer} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
