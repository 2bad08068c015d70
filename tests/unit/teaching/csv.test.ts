// The CSV writer (RFC 4180, UTF-8 with BOM, OWASP formula guard) and a
// round trip through a strict reader.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, csvFileName, csvRecord, toCsv } from "@/lib/teaching/csv";
import { localIso, zoneOffsetMinutes } from "@/lib/teaching/zonedTime";
import { parseCsv } from "../../support/csvParse";

describe("CSV fields and records (RFC 4180)", () => {
  it("leaves plain text alone and quotes a field with a comma, a quote, CR or LF, doubling quotes", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
  });

  it("writes numbers, booleans and empties as a spreadsheet reads them", () => {
    expect(csvField(83.33)).toBe("83.33");
    expect(csvField(-1)).toBe("-1"); // ours, not typed by anyone: not a formula
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("ends every record with CRLF and starts the file with a UTF-8 byte order mark", () => {
    expect(csvRecord(["a", "b"])).toBe("a,b\r\n");
    const file = toCsv([["x"], ["é"]]);
    expect(file.startsWith(CSV_BOM)).toBe(true);
    expect([...Buffer.from(file, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(toCsv([["x"]], { bom: false })).toBe("x\r\n");
  });

  it("prefixes text a spreadsheet would run as a formula with a single quote (OWASP)", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']) {
      const parsed = parseCsv(csvRecord([text]))[0]![0]!;
      expect(parsed).toBe(`'${text}`);
    }
    expect(csvField("a=1")).toBe("a=1");
  });

  it("gives file names safe for Content-Disposition", () => {
    expect(csvFileName("Réseaux 101", "Fall/2026", "gradebook")).toBe("Reseaux-101-Fall-2026-gradebook.csv");
    expect(csvFileName('"', "")).toBe("export.csv");
  });
});

describe("round trip through a strict RFC 4180 reader", () => {
  it("reads back every table of text it wrote (formula cells come back with their quote)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\r", "\n", " ", "=", "-", "1", "😀") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = toCsv(rows, { bom: false });
        const guarded = rows.map((row) => row.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        expect(parseCsv(text)).toEqual(guarded);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses what a sloppy writer would produce", () => {
    expect(() => parseCsv("a\nb\r\n")).toThrow(/bare LF/);
    expect(() => parseCsv('a"b\r\n')).toThrow(/quote inside/);
    expect(() => parseCsv("a,b")).toThrow(/without its CRLF/);
  });
});

describe("times in the class's zone", () => {
  it("agrees with luxon, across daylight-saving changes and odd offsets", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC", "America/St_Johns"];
    const start = Date.UTC(2026, 0, 1);
    for (const zone of zones) {
      for (let k = 0; k < 400; k++) {
        // Every ~22 hours over a year, plus a few minutes, hitting both sides of each change.
        const date = new Date(start + k * 79_000_000 + (k % 7) * 60_000 + 123);
        const expected = DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/\.\d+/, "");
        expect(localIso(date, zone), `${zone} ${date.toISOString()}`).toBe(expected.replace(/Z$/, "+00:00"));
      }
    }
  });

  it("switches offset exactly at the change (Berlin, 29 March 2026, 01:00 UTC)", () => {
    expect(zoneOffsetMinutes(new Date(Date.UTC(2026, 2, 29, 0, 59, 59, 999)), "Europe/Berlin")).toBe(60);
    expect(zoneOffsetMinutes(new Date(Date.UTC(2026, 2, 29, 1, 0, 0)), "Europe/Berlin")).toBe(120);
    expect(localIso(new Date(Date.UTC(2026, 2, 29, 1, 0, 0)), "Europe/Berlin")).toBe("2026-03-29T03:00:00+02:00");
  });
});
