// A small, strict RFC 4180 reader for the tests of the CSV exports: records
// end with CRLF, a quoted field may hold commas, CR, LF and doubled quotes,
// and anything else (a bare LF, a quote inside an unquoted field, text after a
// closing quote) is an error, so a writer that cuts a corner fails loudly.

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}`);
  };
  if (text.length === 0) return records;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unterminated quoted field");
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += c;
          i++;
        }
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"') fail("quote inside an unquoted field");
        if (text[i] === "\n") fail("bare LF");
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    fail(i >= text.length ? "last record without its CRLF" : `unexpected ${JSON.stringify(text[i])}`);
  }
}
