"use client";
// What a learner reads after answering an interview question: the grade (key
// ideas found, missing or contradicted, misconceptions stated and why they
// are wrong, "I did cover this" on a missing idea), and the reveal (model
// answer, wrong answers to avoid, follow-ups, sources, where to learn more).
// Everything here arrives from the server only after the learner submitted.
import Link from "next/link";
import { useState } from "react";
import type { QuestionReveal } from "@/lib/interview/reveal";
import type { PublicInterviewAnswer } from "@/lib/interview/service";
import { link, scoreLabel } from "./format";
import { learnerFetch } from "@/app/_components/learnerFetch";


const STATUS_TEXT = {
  found: { mark: "✓", said: "Found:" },
  missing: { mark: "○", said: "Missing:" },
  contradicted: { mark: "✗", said: "Contradicted:" },
} as const;

/** The grade of one answer, with "I did cover this" on each missing idea (owner's own answers only reach here). */
export function GradeView({ answer, onClaimed }: { answer: PublicInterviewAnswer; onClaimed?: (claims: string[]) => void }) {
  const [claims, setClaims] = useState(answer.claims);
  const [error, setError] = useState<string | null>(null);
  const { grade } = answer;

  async function claim(ideaId: string) {
    setError(null);
    try {
      const response = await learnerFetch(`/api/interview/answers/${encodeURIComponent(answer.id)}/claims`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ideaId }),
      });
      const body = await response.json();
      if (response.status === 201) {
        setClaims(body.claims as string[]);
        onClaimed?.(body.claims as string[]);
      } else setError(body.message ?? `The server answered ${response.status}.`);
    } catch {
      setError("Your claim did not reach the server; try again.");
    }
  }

  return (
    <div data-testid="interview-grade">
      <p className="font-semibold">
        Score {scoreLabel(answer.score)}. {answer.summary}
      </p>
      {grade.ideas.length > 0 ? (
        <>
          <p className="mt-3 font-semibold">Key ideas</p>
          <ul className="mt-1 space-y-1" data-testid="interview-ideas">
            {grade.ideas.map((idea) => {
              const text = STATUS_TEXT[idea.status];
              const claimed = claims.includes(idea.id);
              return (
                <li key={idea.id} data-status={idea.status}>
                  <span aria-hidden="true" className="inline-block w-4">
                    {text.mark}
                  </span>{" "}
                  <span className="sr-only">{text.said} </span>
                  <span className={idea.status === "found" ? "" : "font-medium"}>{idea.idea}</span>
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {" "}
                    ({idea.status === "found" ? "found" : idea.status === "missing" ? "missing" : "you said the opposite"})
                  </span>
                  {idea.status === "missing" ? (
                    claimed ? (
                      <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">You said you covered this; noted beside the grade.</span>
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
        </>
      ) : null}
      {grade.misconceptions.length > 0 ? (
        <>
          <p className="mt-3 font-semibold">Misconceptions you stated</p>
          <ul className="mt-1 space-y-2" data-testid="interview-misconceptions">
            {grade.misconceptions.map((m) => (
              <li key={m.id}>
                <span aria-hidden="true">✗ </span>
                <strong>{m.label}.</strong> {m.whyWrong}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The model answer and what goes with it. */
export function RevealView({ reveal, headingLevel = 3 }: { reveal: QuestionReveal; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const heading = "mt-4 font-semibold";
  return (
    <div data-testid="interview-reveal">
      <H className={heading}>Model answer</H>
      <p className="mt-1" data-testid="model-answer">
        {reveal.modelAnswer}
      </p>
      <H className={heading}>Wrong answers to avoid</H>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {reveal.wrongAnswers.map((wrong) => (
          <li key={wrong.claim}>
            <q>{wrong.claim}</q> {wrong.whyWrong}
          </li>
        ))}
      </ul>
      <H className={heading}>Follow-up questions</H>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {reveal.followUps.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ul>
      <H className={heading}>Sources</H>
      <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
        {reveal.sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
      <H className={heading}>Learn more</H>
      <ul className="mt-1 space-y-1">
        <li>
          Lesson: <Link href={reveal.links.lesson.href} className={link}>{reveal.links.lesson.title}</Link>
        </li>
        {reveal.links.preset ? (
          <li>
            See it happen: <Link href={reveal.links.preset.href} className={link}>{reveal.links.preset.title}</Link>
          </li>
        ) : null}
        {reveal.links.whatIf ? (
          <li>
            What breaks without it: <Link href={reveal.links.whatIf.href} className={link}>{reveal.links.whatIf.title}</Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
