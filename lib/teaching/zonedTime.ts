// Local times in a class's IANA time zone for attempts.csv. Pages show times
// with lib/teaching/classTime.ts (luxon); an export writes 100,000 of them,
// where luxon's DateTime costs microseconds each. So the zone's UTC offset is
// asked of Intl once per quarter hour of UTC time (no zone changes its offset
// at any other instant) and the local time computed from it; the unit test
// checks it against luxon across daylight-saving changes. Pure apart from that cache.

const QUARTER_HOUR = 15 * 60 * 1000;
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC in `timeZone` at `date` (CET in winter: 60). Throws a RangeError for an unknown zone. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const bucket = Math.floor(date.getTime() / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const name = offsetFormatter(timeZone).formatToParts(new Date(bucket * QUARTER_HOUR)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  // "GMT" alone is UTC; otherwise "GMT+05:30" or "GMT-03:00".
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, minutes);
  return minutes;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** ISO 8601 local time with its offset, to the second: "2026-12-01T15:05:09+01:00". */
export function localIso(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date, timeZone);
  const local = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** UTC, to the millisecond, with a Z: "2026-12-01T14:05:09.123Z". */
export function utcIso(date: Date): string {
  return date.toISOString();
}
