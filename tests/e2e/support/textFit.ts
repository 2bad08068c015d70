// Checks that a widget's text is readable where it is drawn: no text wider than
// its box (clipped or truncated), SVG text inside its SVG, diagram text at
// least 11 px, and, on request, no text off the side of the viewport unless it
// sits in a scroll region a keyboard can reach. Shared by the phone-layout specs.
import type { Locator } from "@playwright/test";

export type TextProblemOptions = {
  /** Also report text lying (partly) outside the viewport that no sideways scroll region can bring into view. */
  viewport?: boolean;
};

/** Problems with the texts inside one widget: SVG text outside its SVG, HTML text wider than its box, diagram text under 11 px. */
export async function textProblems(widget: Locator, options: TextProblemOptions = {}): Promise<string[]> {
  return widget.evaluate((root, options) => {
    const problems: string[] = [];
    const scrollsSideways = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    for (const svg of Array.from(root.querySelectorAll("svg"))) {
      const vb = svg.viewBox.baseVal;
      const box = vb && vb.width > 0 ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height } : { x: 0, y: 0, w: svg.width.baseVal.value, h: svg.height.baseVal.value };
      const scale = svg.getBoundingClientRect().width / box.w;
      const isDiagram = svg.closest("[data-layout]") !== null;
      for (const t of Array.from(svg.querySelectorAll("text"))) {
        const b = t.getBBox();
        if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.w + 0.5 || b.y + b.height > box.y + box.h + 0.5)
          problems.push(`SVG text "${t.textContent}" at ${b.x.toFixed(1)}..${(b.x + b.width).toFixed(1)} outside its SVG (0..${box.w})`);
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (isDiagram && px < 11 - 0.01) problems.push(`SVG text "${t.textContent}" rendered at ${px.toFixed(1)} px`);
      }
    }
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
      if (el.closest("svg")) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (style.display === "none") continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1) continue; // sr-only
      if (style.display !== "inline" && el.scrollWidth > el.clientWidth + 1 && !scrollsSideways(el))
        problems.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").slice(0, 60)}" is ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
      if (options.viewport && (rect.left < -1 || rect.right > window.innerWidth + 1)) {
        // Text in a sideways scroll region is reachable (scrollRegionProblems checks the region itself).
        let ancestor: Element | null = el;
        let reachable = false;
        while (ancestor && ancestor !== root.parentElement) {
          if (scrollsSideways(ancestor)) reachable = true;
          ancestor = ancestor.parentElement;
        }
        if (!reachable) problems.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").slice(0, 60)}" lies at ${rect.left.toFixed(0)}..${rect.right.toFixed(0)} px, outside the ${window.innerWidth} px viewport`);
      }
    }
    return problems;
  }, options);
}

/**
 * Every element of the widget that actually scrolls must be usable without a
 * mouse and announced: focusable itself or holding focusable controls, with an
 * accessible name; one that scrolls sideways must also point (aria-describedby)
 * at a visible hint saying so.
 */
export async function scrollRegionProblems(widget: Locator): Promise<string[]> {
  return widget.evaluate((root) => {
    const problems: string[] = [];
    const focusable = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])";
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
      const style = getComputedStyle(el);
      if (style.display === "none") continue;
      const sideways = ["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const downwards = ["auto", "scroll"].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (!sideways && !downwards) continue;
      const what = `<${el.tagName.toLowerCase()}${el.dataset.testid ? ` data-testid=${el.dataset.testid}` : ""}> "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (!(el.tabIndex >= 0 || el.querySelector(focusable))) problems.push(`${what} scrolls but cannot be reached with the keyboard`);
      if (!el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby")) problems.push(`${what} scrolls but has no accessible name`);
      if (sideways) {
        const hints = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id));
        const visible = hints.some((h) => h !== null && h.getBoundingClientRect().width > 1 && getComputedStyle(h).visibility !== "hidden");
        if (!visible) problems.push(`${what} scrolls sideways without a visible hint (aria-describedby)`);
      }
    }
    return problems;
  });
}
