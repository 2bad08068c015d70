import { useEffect, useState } from "react";

/**
 * Whether an element is wider than its box (so it scrolls sideways), kept up to
 * date as it resizes: widgets show a "scroll sideways" hint only when there is
 * something to scroll to. Use the returned callback as the element's ref;
 * `content` re-measures when what is inside changes.
 */
export function useOverflows<T extends HTMLElement>(content?: unknown): [(el: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [element, content]);
  return [setElement, overflows];
}
