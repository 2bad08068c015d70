import { useEffect, useRef } from "react";

/**
 * Writes a widget's state into the URL when it changes, but never for the state
 * the page opened with: merely opening a lesson must not rewrite its address
 * (a link to a section, /lessons/x#some-section, stays that link). Once the
 * learner has changed something, every change is written, including a change
 * back to the defaults.
 */
export function useHashWrite(state: unknown, write: () => void): void {
  const opened = useRef<string | null>(null);
  const wrote = useRef(false);
  const key = JSON.stringify(state);
  useEffect(() => {
    if (opened.current === null) {
      opened.current = key;
      return;
    }
    if (!wrote.current && key === opened.current) return;
    wrote.current = true;
    write();
    // `write` reads the same state that `key` encodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
