// CSV as RFC 4180 writes it, for spreadsheets: fields separated by commas,
// records ended by CRLF, a field quoted when it holds a comma, a double quote,
// CR or LF, and a double quote inside a quoted field doubled. Pure: rows in,
// text out. The exports put a UTF-8 byte order mark first, because Excel reads
// a CSV without one in the machine's legacy code page and mangles every é.

export type CsvCell = string | number | boolean | null | undefined;

/** U+FEFF: encoded as UTF-8 it is the three bytes EF BB BF that tell Excel the file is UTF-8. */
export const CSV_BOM = "\uFEFF";

// OWASP "CSV injection": a cell a spreadsheet would read as a formula (=, +,
// -, @, and tab or CR, which some spreadsheets skip before looking for them) is
// prefixed with a single quote, so a student's answer "=HYPERLINK(...)" is shown
// as text, never run, when an instructor opens the file.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: text as given (formula-guarded), numbers as JavaScript prints them, booleans as true/false, null as empty. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are ours, not typed by anyone: a negative number stays a number.
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** A whole file: the byte order mark (unless `bom: false`), then every record. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  return (options.bom === false ? "" : CSV_BOM) + rows.map(csvRecord).join("");
}

/** A file name safe in a Content-Disposition header: letters, digits, - and _ only. */
export function csvFileName(...parts: string[]): string {
  const base = parts
    .map((part) => part.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("-")
    .slice(0, 100);
  return `${base || "export"}.csv`;
}
