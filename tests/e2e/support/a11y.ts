// Helpers shared by the accessibility and layout specs.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** axe-core's violations on the page (or inside `include`), one line each: rule, help, up to three targets. */
export async function axeViolations(page: Page, options: { include?: string; tags?: string[] } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  if (options.tags) builder = builder.withTags(options.tags);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}
