"use client";
// A block that is wider than the screen scrolls sideways; a keyboard user can
// only scroll what can take focus, and a screen reader user should hear what
// they landed on. So a block that overflows becomes a named, focusable region
// (WCAG 2.1.1; axe's scrollable-region-focusable), and one that fits stays out
// of the tab order. Rechecked whenever its size changes (a phone turned, a
// window resized, new content).
import { useEffect, type RefObject } from "react";
import { scrollRegionLabel } from "@/lib/mdx/scrollRegionLabel";

export type ScrollRegionKind = "code" | "table";

export function updateScrollRegion(element: HTMLElement, kind: ScrollRegionKind) {
  const overflows = element.scrollWidth > element.clientWidth + 1;
  if (overflows) {
    const headings = Array.from(element.querySelectorAll("thead th"), (cell) => cell.textContent ?? "");
    element.tabIndex = 0;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", scrollRegionLabel(kind, element.textContent ?? "", headings));
  } else {
    element.removeAttribute("tabindex");
    element.removeAttribute("role");
    element.removeAttribute("aria-label");
  }
}

/** Watches `elements` (and, if given, their content) and keeps each one's focusability and name in step with its overflow. */
export function watchScrollRegions(elements: readonly HTMLElement[], kindOf: (element: HTMLElement) => ScrollRegionKind): () => void {
  const update = (element: HTMLElement) => updateScrollRegion(element, kindOf(element));
  elements.forEach(update);
  if (typeof ResizeObserver === "undefined") return () => undefined;
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
  elements.forEach((element) => observer.observe(element));
  return () => observer.disconnect();
}

/** The hook form, for one element a component renders; `content` re-checks it when what it shows changes. */
export function useScrollRegion(ref: RefObject<HTMLElement | null>, kind: ScrollRegionKind, content?: unknown) {
  useEffect(() => {
    const element = ref.current;
    return element ? watchScrollRegions([element], () => kind) : undefined;
  }, [ref, kind, content]);
}
