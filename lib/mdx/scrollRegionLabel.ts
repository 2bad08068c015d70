// The accessible name of a lesson's code block or table once it is too wide
// for the screen and becomes a focusable scroll region: what it is, what it
// starts with (the first line of code; a table's column headings), and that
// it scrolls sideways.

const MAX_START = 48;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= MAX_START ? oneLine : `${oneLine.slice(0, MAX_START - 1).trimEnd()}…`;
}

export function scrollRegionLabel(kind: "code" | "table", text: string, headings: readonly string[] = []): string {
  if (kind === "table") {
    const columns = headings.map((heading) => heading.trim()).filter(Boolean);
    return columns.length > 0 ? `Table: ${shorten(columns.join(", "))} (scrolls sideways)` : "Table (scrolls sideways)";
  }
  const firstLine = text.split("\n").find((line) => line.trim() !== "");
  return firstLine ? `Code: ${shorten(firstLine)} (scrolls sideways)` : "Code (scrolls sideways)";
}
