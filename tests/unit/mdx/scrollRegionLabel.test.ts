import { describe, expect, it } from "vitest";
import { scrollRegionLabel } from "@/lib/mdx/scrollRegionLabel";

describe("scrollRegionLabel", () => {
  it("names a code block by its first non-blank line and says it scrolls sideways", () => {
    expect(scrollRegionLabel("code", "\n  ss -tan state close-wait\nState Recv-Q\n")).toBe("Code: ss -tan state close-wait (scrolls sideways)");
  });

  it("shortens a long first line to 48 characters with an ellipsis", () => {
    const label = scrollRegionLabel("code", `tcpdump -n -S -i lo 'tcp port 5000' ${"x".repeat(60)}`);
    const start = label.slice("Code: ".length, -" (scrolls sideways)".length);
    expect(start).toHaveLength(48);
    expect(start.endsWith("…")).toBe(true);
  });

  it("names a table by its column headings", () => {
    expect(scrollRegionLabel("table", "ignored", ["Active closer", " Segment ", "Passive closer"])).toBe("Table: Active closer, Segment, Passive closer (scrolls sideways)");
  });

  it("falls back to the kind alone when there is nothing to quote", () => {
    expect(scrollRegionLabel("table", "", [])).toBe("Table (scrolls sideways)");
    expect(scrollRegionLabel("code", " \n ")).toBe("Code (scrolls sideways)");
  });
});
