// Layout checks shared by the e2e specs that look at widgets on a phone
// (375 px) and a desktop (1280 px): text whole inside its box, nothing off
// screen, scroll regions that a keyboard can reach and that say they scroll,
// and axe on the widgets only (the lesson prose around them is lessons-a11y.spec.ts's).
import type { Locator, Page } from "@playwright/test";

export interface TextCheckOptions {
  /** Also report HTML text lying (partly) outside the viewport's width. */
  viewport?: boolean;
}

/**
 * Problems with the texts inside one widget: SVG text outside its SVG, HTML
 * text wider than its box, diagram text under 11 px, and (with `viewport`)
 * text outside the viewport. Text inside a scroll region
 * (`data-scroll-region`) may run past the region's edge, but only if the
 * region is a real one: it scrolls (overflow-x auto or scroll), a keyboard
 * reaches it (tabindex 0), it has an accessible name, and while its content
 * is wider than it, it says so with a visible hint it points to through
 * aria-describedby.
 */
export async function textProblems(widget: Locator, options: TextCheckOptions = {}): Promise<string[]> {
  return widget.evaluate((root, opts) => {
    const problems: string[] = [];
    // Visually hidden on purpose (sr-only): inside a box clipped to a pixel or less.
    const clippedAway = (el: Element) => {
      for (let a: Element | null = el; a && a !== root.parentElement; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        const s = getComputedStyle(a);
        if ((r.width <= 1 || r.height <= 1) && (s.overflow.includes("hidden") || s.overflow.includes("clip"))) return true;
      }
      return false;
    };
    const scrollsSideways = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.display !== "none";
    };
    for (const region of Array.from(root.querySelectorAll<HTMLElement>("[data-scroll-region]"))) {
      // A marked region matters only while its content is wider than it: then it must
      // scroll, be reachable by keyboard, have a name, and say that it scrolls.
      if (region.scrollWidth <= region.clientWidth + 1) continue;
      const name = region.getAttribute("aria-label") ?? region.getAttribute("aria-labelledby");
      const overflowX = getComputedStyle(region).overflowX;
      const where = `scroll region "${name ?? region.textContent?.slice(0, 40)}"`;
      if (!name) problems.push(`${where} has no accessible name`);
      // Reachable: focusable itself, or holding controls that scroll it into view when focused.
      const controls = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])";
      if (region.tabIndex < 0 && !region.querySelector(controls)) problems.push(`${where} is not reachable by keyboard`);
      if (overflowX !== "auto" && overflowX !== "scroll") problems.push(`${where} does not scroll sideways (overflow-x: ${overflowX})`);
      const hintId = region.getAttribute("aria-describedby");
      const hint = hintId ? document.getElementById(hintId) : null;
      if (!hint || !visible(hint) || (hint.textContent ?? "").trim() === "") problems.push(`${where} is wider than its box but shows no visible scroll hint`);
    }
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
      if (style.display === "inline" || style.display === "none") continue;
      if (el.getBoundingClientRect().width <= 1 || clippedAway(el)) continue; // sr-only
      // Text inside an element that scrolls sideways is reachable: the region itself
      // is checked above (marked regions) or by scrollRegionProblems (any region).
      let region: Element | null = null;
      for (let a: Element | null = el; a && a !== root.parentElement; a = a.parentElement) {
        if (a.hasAttribute("data-scroll-region") || scrollsSideways(a)) { region = a; break; }
      }
      if (el.scrollWidth > el.clientWidth + 1 && !region)
        problems.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").slice(0, 60)}" is ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
      if (opts.viewport && !region) {
        const r = el.getBoundingClientRect();
        if (r.left < -0.5 || r.right > window.innerWidth + 0.5)
          problems.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").slice(0, 60)}" spans ${r.left.toFixed(0)}..${r.right.toFixed(0)} px, outside the ${window.innerWidth} px viewport`);
      }
    }
    return problems;
  }, options);
}

/** How far the page itself scrolls sideways (0 when nothing sticks out). */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
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

// One axe helper for every spec: a selector string, or options with known findings.
export { axeViolations, rulesFor } from "./a11y";
