"use client";
// Around an <Exercise>: when its feedback changes (a new attempt was graded),
// re-render the server parts of the page (counted attempts, status, score)
// without touching the exercise's own state. The exercise component is shared
// with the lessons and knows nothing of assignments, so this watches its output.
import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

export function RefreshAfterAttempt({ children }: { children: ReactNode }) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const feedbackText = () => [...element.querySelectorAll('[data-testid="attempt-feedback"]')].map((node) => node.textContent).join("\n");
    let seen = feedbackText();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      const now = feedbackText();
      if (now === seen) return;
      seen = now;
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    });
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [router]);

  return <div ref={box}>{children}</div>;
}
