"use client";
// One due card at a time (the page renders the first of the queue): opens it
// (a fresh variant for an exercise), shows it, and once it is graded tells
// when the card comes back; "Next card" rebuilds the queue on the server.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { CardView, OpenedCard, QueueItem } from "@/lib/review/service";
import { dueInWords } from "@/lib/review/queue";
import { ExerciseReview } from "./ExerciseReview";
import { QuestionReview } from "./QuestionReview";
import { learnerFetch } from "@/app/_components/learnerFetch";

export const button =
  "rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60";

/** Set when the learner moves to the next card, so the next card's heading takes focus. */
const arrival = { moved: false };

export function useFocusOnArrival<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (arrival.moved) {
      arrival.moved = false;
      ref.current?.focus();
    }
  }, []);
  return ref;
}

type Phase = { kind: "opening" } | { kind: "error"; message: string } | { kind: "ready"; card: OpenedCard };

export function ReviewSession({ item, position, count }: { item: QueueItem; position: number; count: number }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "opening" });
  const [after, setAfter] = useState<CardView | null>(null);
  const heading = useFocusOnArrival<HTMLHeadingElement>();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const response = await learnerFetch(`/api/review/cards/${encodeURIComponent(item.cardId)}/open`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        });
        const body = await response.json();
        if (cancelled) return;
        if (response.ok) setPhase({ kind: "ready", card: body.card as OpenedCard });
        else setPhase({ kind: "error", message: body.message ?? `The server answered ${response.status}.` });
      } catch (error) {
        if (!cancelled) setPhase({ kind: "error", message: `Could not open this card (${error instanceof Error ? error.message : String(error)}).` });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [item.cardId]);

  function next() {
    arrival.moved = true;
    router.refresh();
  }

  const moved = after !== null && after.lastReview !== null && after.lastReview !== item.lastReview;
  return (
    <section aria-labelledby="review-card-heading" data-testid="review-card" data-card-kind={item.kind} className="mt-6">
      <h2 id="review-card-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        Card {position} of {count} due: <span className="font-normal">{item.context}</span>
      </h2>
      {phase.kind === "opening" ? <p role="status" className="mt-3">Opening the card…</p> : null}
      {phase.kind === "error" ? (
        <p role="alert" className="mt-3 text-red-700 dark:text-red-300">
          {phase.message}
        </p>
      ) : null}
      {phase.kind === "ready" && phase.card.kind === "exercise" ? <ExerciseReview card={phase.card} onReviewed={setAfter} /> : null}
      {phase.kind === "ready" && phase.card.kind === "question" && phase.card.question ? (
        <QuestionReview card={phase.card} question={phase.card.question} onReviewed={setAfter} />
      ) : null}
      <div aria-live="polite" className="mt-4">
        {after ? (
          <div data-testid="review-result" className="rounded-lg border border-blue-700/40 bg-blue-50 p-4 dark:border-blue-300/40 dark:bg-blue-950/40">
            <p className="font-semibold" data-testid="review-next-due">
              {moved ? (
                <>
                  This card comes back <time dateTime={after.due}>{dueInWords(new Date(after.due), new Date())}</time>
                  <span className="font-normal"> ({new Date(after.due).toLocaleString()})</span>.
                </>
              ) : (
                <>Graded. This card was not rescheduled; it stays due.</>
              )}
            </p>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              Another try on this card now is practice: it does not move the card again.
            </p>
            <button type="button" onClick={next} className={`${button} mt-3`} data-testid="review-next-card">
              Next card
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** The empty queue; takes focus when the learner arrives from the last card. */
export function EmptyHeading({ children }: { children: React.ReactNode }) {
  const ref = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <h2 ref={ref} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
      {children}
    </h2>
  );
}
