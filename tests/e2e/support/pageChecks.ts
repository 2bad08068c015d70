// Checks several e2e specs share: text that does not fit its box, page-wide
// horizontal scrolling, axe-core violations.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";

/** Problems with the texts inside one element: SVG text outside its SVG, HTML text wider than its box, diagram text under 11 px. */
export async function textProblems(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const problems: string[] = [];
    for (const svg of Array.from(element.querySelectorAll("svg"))) {
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
    for (const el of Array.from(element.querySelectorAll<HTMLElement>("*"))) {
      if (el.closest("svg")) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (style.display === "inline" || style.display === "none") continue;
      if (el.getBoundingClientRect().width <= 1) continue; // sr-only
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").slice(0, 60)}" is ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
    }
    return problems;
  });
}

/** How many pixels the page scrolls sideways (0 when it fits the viewport). */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** axe-core violations as readable lines, of the whole page or of the elements `include` selects. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}
