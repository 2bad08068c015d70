// A class's times: stored in UTC, entered and shown in the class's IANA time
// zone (decision record 0010). luxon does the zone arithmetic.
//
// Local times that daylight saving makes odd follow RFC 5545 §3.3.5 (the rule
// calendar programs use):
// - a time that happens twice (clocks go back: 01:30 on 2026-11-01 in
//   America/New_York) means the FIRST occurrence, 01:30 EDT = 05:30 UTC;
// - a time that never happens (clocks jump forward: 02:30 on 2026-03-08 in
//   America/New_York) is read with the offset in force before the jump, so
//   02:30 EST = 07:30 UTC, which the clocks show as 03:30 EDT.
// The form shows the instant back in the zone, so the instructor sees it.
import { DateTime, IANAZone } from "luxon";

/** What a datetime-local input sends: "2026-11-02T23:59" (seconds optional). */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An IANA zone name ("Europe/Paris", "UTC"); offsets like "+05:00" and made-up names are not. */
export function isIanaTimeZone(name: string): boolean {
  if (name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(name)) return false;
  return IANAZone.isValidZone(name);
}

/** The zone's usual spelling when only the case differs ("europe/paris" -> "Europe/Paris"). */
export function canonicalTimeZone(name: string): string {
  const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; message: string };

/** A wall-clock time in `zone` as a UTC instant, under the rules at the top of this file. */
export function localTimeToUtc(local: string, zone: string): LocalTimeResult {
  const match = LOCAL_INPUT.exec(local.trim());
  if (!match) return { ok: false, message: `"${local.slice(0, 40)}" is not a date and time like 2026-11-02T23:59.` };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const fields = { year, month, day, hour, minute, second };
  const wall = DateTime.fromObject(fields, { zone: "UTC" });
  if (!wall.isValid || wall.day !== fields.day || wall.hour !== fields.hour) return { ok: false, message: `${local.slice(0, 40)} is not a real date and time.` };
  const naive = DateTime.fromObject(fields, { zone });
  if (!naive.isValid) return { ok: false, message: `${zone} is not a time zone.` };
  // Every instant whose wall clock in `zone` reads exactly these fields.
  const matching = naive.getPossibleOffsets().filter((candidate) => sameWallClock(candidate, fields));
  if (matching.length > 0) {
    // Twice on the clock: the first occurrence is the earliest instant.
    const first = matching.reduce((a, b) => (a.toMillis() <= b.toMillis() ? a : b));
    return { ok: true, instant: first.toJSDate() };
  }
  // Never on the clock (a forward jump): the offset in force just before it.
  // (Twelve hours earlier is before the jump and, in every zone, after the previous change.)
  const before = IANAZone.create(zone).offset(wall.toMillis() - 12 * 3_600_000);
  return { ok: true, instant: new Date(wall.toMillis() - before * 60_000) };
}

function sameWallClock(dt: DateTime, f: { year: number; month: number; day: number; hour: number; minute: number; second: number }): boolean {
  return dt.year === f.year && dt.month === f.month && dt.day === f.day && dt.hour === f.hour && dt.minute === f.minute && dt.second === f.second;
}

/** The value a datetime-local input shows for an instant in `zone`. */
export function utcToLocalInput(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "Mon 2 Nov 2026, 23:59 EST": an instant as people in the class read it. */
export function formatInZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale("en-US").toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "in 2 days", "3 hours ago", "now": the gap between `instant` and `now`, in its largest whole unit. */
export function relativeTime(instant: Date, now: Date): string {
  const gap = instant.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(gap) >= size) return format.format(Math.trunc(gap / size), unit);
  }
  return "now";
}

/** "due in 2 days" / "was due 3 hours ago" / "opens in 5 hours". */
export function dueText(opensAt: Date, dueAt: Date, now: Date): string {
  if (now < opensAt) return `opens ${relativeTime(opensAt, now)}`;
  if (now <= dueAt) return `due ${relativeTime(dueAt, now)}`;
  return `was due ${relativeTime(dueAt, now)}`;
}
