// Helpers shared by the accessibility and layout specs.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** A finding tolerated for now: axe rule `rule` on an element matching the CSS selector `element`. */
export type KnownIssue = { rule: string; element: string };

/**
 * axe-core's violations on the page (or inside `include`), one line each: rule, help, up to three targets.
 * A node of a violation is left out only when it is exactly an element a `known` entry names for that rule.
 */
export async function axeViolations(page: Page, scope: string | { include?: string; tags?: string[]; known?: KnownIssue[] } = {}): Promise<string[]> {
  const options = typeof scope === "string" ? { include: scope } : scope;
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  if (options.tags) builder = builder.withTags(options.tags);
  const results = await builder.analyze();
  const lines: string[] = [];
  for (const violation of results.violations) {
    const nodes = [];
    for (const node of violation.nodes) {
      const selector = node.target.join(" ");
      const known = await Promise.all(
        (options.known ?? [])
          .filter((issue) => issue.rule === violation.id)
          .map((issue) => page.evaluate(([target, element]) => [...document.querySelectorAll(element)].includes(document.querySelector(target)!), [selector, issue.element] as const)),
      );
      if (!known.includes(true)) nodes.push(selector);
    }
    if (nodes.length > 0) lines.push(`${violation.id}: ${violation.help} (${nodes.slice(0, 3).join(", ")})`);
  }
  return lines;
}
