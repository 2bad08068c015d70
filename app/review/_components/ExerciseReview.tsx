"use client";
// An exercise card: the lessons' own <Exercise id> on the fresh variant the
// server moved the learner to when the card was opened. The Exercise
// component has no callback, so this watches its output: when an attempt's
// feedback appears after a submit, the card (rescheduled by the attempt on the
// server, lib/exercises/learnerVariant.ts) is read back. A learner who solved
// the exercise before would first see their old solve with its worked
// solution; the card goes straight to the fresh variant ("Practise another
// variant") instead, so a review is recall, not reading.
import { useEffect, useRef } from "react";
import { Exercise } from "@/app/_components/Exercise";
import type { CardView, OpenedCard } from "@/lib/review/service";
import { learnerFetch } from "@/app/_components/learnerFetch";

export function ExerciseReview({ card, onReviewed }: { card: OpenedCard; onReviewed: (card: CardView) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const submitted = useRef(false);
  const practised = useRef(false);
  const report = useRef(onReviewed);
  report.current = onReviewed;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      const solved = element.querySelector<HTMLButtonElement>('[data-testid="solved-card"] button');
      if (solved && !practised.current) {
        practised.current = true;
        solved.click();
      }
      if (submitted.current && element.querySelector('[data-testid="attempt-feedback"]')) {
        submitted.current = false;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          try {
            const response = await learnerFetch(`/api/review/cards/${encodeURIComponent(card.id)}`, { cache: "no-store" });
            if (response.ok) report.current(((await response.json()) as { card: CardView }).card);
          } catch {
            // The exercise shows its own result; the card's date is shown on the next visit.
          }
        }, 50);
      }
    };
    const observer = new MutationObserver(look);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    look();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [card.id]);

  return (
    <div
      ref={box}
      onSubmitCapture={() => {
        submitted.current = true;
      }}
    >
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        A fresh variant of an exercise you have attempted. Answer it from memory; your answer is graded like any attempt and sets when the card comes back.
      </p>
      <Exercise id={card.itemId} />
    </div>
  );
}
