// Helpers shared by the accessibility and layout specs.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** A finding tolerated for now: axe rule `rule` on an element matching the CSS selector `element`. */
export type KnownIssue = { rule: string; element: string };

/**
 * The axe rules whose outcome depends on colours alone. The colour schemes differ only in colours (the
 * unit test tests/unit/architecture/darkScheme.test.ts keeps it so), so a page checked whole in one scheme needs
 * only these in the other.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * What to check in a scheme, on one page checked in light first: `light` (every rule unless it names
 * tags) in light, the colour rules in dark.
 */
export function rulesFor(colorScheme: "light" | "dark", light: { tags?: string[] } = {}): { tags?: string[]; rules?: string[] } {
  return colorScheme === "dark" ? { rules: COLOUR_RULES } : light;
}

/**
 * axe-core's violations on the page (or inside `include`), one line each: rule, help, up to three targets.
 * `rules` runs only those rules (axe cannot take both tags and rules).
 * A node of a violation is left out only when it is exactly an element a `known` entry names for that rule.
 */
export async function axeViolations(page: Page, scope: string | { include?: string; tags?: string[]; rules?: string[]; known?: KnownIssue[] } = {}): Promise<string[]> {
  const options = typeof scope === "string" ? { include: scope } : scope;
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  if (options.tags && options.rules) throw new Error("axeViolations: give tags or rules, not both");
  if (options.tags) builder = builder.withTags(options.tags);
  if (options.rules) builder = builder.withRules(options.rules);
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
