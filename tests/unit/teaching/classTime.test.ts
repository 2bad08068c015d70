// Class times: entered in the class's zone, stored in UTC, across daylight-saving changes.
import { describe, expect, it } from "vitest";
import { dueText, formatInZone, isIanaTimeZone, localTimeToUtc, relativeTime, utcToLocalInput } from "@/lib/teaching/classTime";

const utc = (local: string, zone: string) => {
  const result = localTimeToUtc(local, zone);
  if (!result.ok) throw new Error(result.message);
  return result.instant.toISOString();
};

describe("local times in a class's zone", () => {
  it("maps 23:59 on the day after clocks go back (America/New_York, 2026-11-01) to 04:59 UTC the next day", () => {
    expect(utc("2026-11-02T23:59", "America/New_York")).toBe("2026-11-03T04:59:00.000Z"); // EST, UTC-5
    expect(utc("2026-10-31T23:59", "America/New_York")).toBe("2026-11-01T03:59:00.000Z"); // still EDT, UTC-4
  });

  it("maps 23:59 on the day after clocks go forward (2026-03-08) with the new offset", () => {
    expect(utc("2026-03-09T23:59", "America/New_York")).toBe("2026-03-10T03:59:00.000Z"); // EDT, UTC-4
    expect(utc("2026-03-07T23:59", "America/New_York")).toBe("2026-03-08T04:59:00.000Z"); // EST, UTC-5
  });

  it("reads a time that happens twice (01:30 on 2026-11-01) as the first occurrence, 01:30 EDT", () => {
    expect(utc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(formatInZone(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("Sun 1 Nov 2026, 01:30 EDT");
  });

  it("reads a time that never happens (02:30 on 2026-03-08) with the offset before the jump: 03:30 EDT", () => {
    expect(utc("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(utcToLocalInput(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe("2026-03-08T03:30");
    expect(utc("2026-03-29T02:30", "Europe/Paris")).toBe("2026-03-29T01:30:00.000Z");
  });

  it("round-trips through the form's value", () => {
    for (const local of ["2026-11-02T23:59", "2026-06-15T09:00", "2026-01-01T00:00"]) {
      expect(utcToLocalInput(new Date(utc(local, "Europe/Paris")), "Europe/Paris")).toBe(local);
    }
    expect(utc("2026-07-01T12:00", "UTC")).toBe("2026-07-01T12:00:00.000Z");
  });

  it("refuses what is not a date and time, with a sentence", () => {
    for (const bad of ["tomorrow", "2026-02-30T10:00", "2026-11-02 25:00", "2026-13-01T10:00"]) {
      const result = localTimeToUtc(bad, "Europe/Paris");
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/date and time/);
    }
  });
});

describe("time zones", () => {
  it("accepts IANA names and refuses offsets and inventions", () => {
    for (const zone of ["America/New_York", "Europe/Paris", "UTC", "Asia/Kolkata", "America/Argentina/Buenos_Aires"]) expect(isIanaTimeZone(zone), zone).toBe(true);
    for (const zone of ["+05:00", "Mars/Olympus_Mons", "", "Europe/Paris; DROP", "x".repeat(200)]) expect(isIanaTimeZone(zone), zone).toBe(false);
  });
});

describe("relative times", () => {
  const now = new Date("2026-11-10T12:00:00Z");
  it("says due in days, hours or minutes, and how long ago", () => {
    expect(relativeTime(new Date("2026-11-12T13:00:00Z"), now)).toBe("in 2 days");
    expect(relativeTime(new Date("2026-11-10T15:30:00Z"), now)).toBe("in 3 hours");
    expect(relativeTime(new Date("2026-11-10T11:00:00Z"), now)).toBe("1 hour ago");
    expect(dueText(new Date("2026-11-01T00:00:00Z"), new Date("2026-11-12T13:00:00Z"), now)).toBe("due in 2 days");
    expect(dueText(new Date("2026-11-11T12:00:00Z"), new Date("2026-11-12T13:00:00Z"), now)).toBe("opens tomorrow");
    expect(dueText(new Date("2026-11-01T00:00:00Z"), new Date("2026-11-07T12:00:00Z"), now)).toBe("was due 3 days ago");
  });
});
