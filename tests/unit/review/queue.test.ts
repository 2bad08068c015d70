// The queue order, the streak and the wording (lib/review/queue.ts).
import { describe, expect, it } from "vitest";
import { dueInWords, dueQueue, endOfUtcDay, streakDays, streakFromDates } from "@/lib/review/queue";

const at = (iso: string) => new Date(iso);

describe("dueQueue", () => {
  it("keeps cards due at or before now, oldest due first, ties by id", () => {
    const now = at("2026-12-01T12:00:00Z");
    const cards = [
      { id: "c", kind: "exercise" as const, itemId: "x", due: at("2026-12-01T11:00:00Z") },
      { id: "b", kind: "question" as const, itemId: "y", due: at("2026-11-20T08:00:00Z") },
      { id: "a", kind: "exercise" as const, itemId: "z", due: at("2026-12-01T11:00:00Z") },
      { id: "d", kind: "exercise" as const, itemId: "w", due: at("2026-12-01T12:00:00Z") },
      { id: "e", kind: "exercise" as const, itemId: "v", due: at("2026-12-01T12:00:01Z") },
    ];
    expect(dueQueue(cards, now).map((c) => c.id)).toEqual(["b", "a", "c", "d"]);
  });
});

describe("streakDays (UTC days)", () => {
  const now = at("2026-12-10T09:00:00Z");

  it("counts consecutive days ending today", () => {
    expect(streakDays([at("2026-12-10T00:30:00Z"), at("2026-12-09T23:59:00Z"), at("2026-12-08T10:00:00Z"), at("2026-12-08T11:00:00Z")], now)).toBe(3);
  });

  it("keeps yesterday's streak alive until today ends", () => {
    expect(streakDays([at("2026-12-09T10:00:00Z"), at("2026-12-08T10:00:00Z")], now)).toBe(2);
  });

  it("is broken by a day without a review", () => {
    expect(streakDays([at("2026-12-10T08:00:00Z"), at("2026-12-08T10:00:00Z")], now)).toBe(1);
    expect(streakDays([at("2026-12-07T10:00:00Z")], now)).toBe(0);
    expect(streakDays([], now)).toBe(0);
  });

  it("reads the database's UTC dates the same way", () => {
    expect(streakFromDates(["2026-12-10", "2026-12-09", "2026-12-07"], now)).toBe(2);
    expect(streakFromDates(["2026-12-09", "2026-12-08"], now)).toBe(2);
    expect(streakFromDates(["2026-12-08"], now)).toBe(0);
  });

  it("uses the UTC day, whatever the hour", () => {
    // 23:59 UTC and 00:01 UTC the next day are two days.
    expect(streakDays([at("2026-12-09T23:59:00Z"), at("2026-12-10T00:01:00Z")], now)).toBe(2);
    expect(endOfUtcDay(now).toISOString()).toBe("2026-12-11T00:00:00.000Z");
  });
});

describe("dueInWords", () => {
  const now = at("2026-12-01T12:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);
  it("says when a card comes back", () => {
    expect(dueInWords(now, now)).toBe("now");
    expect(dueInWords(later(-5_000), now)).toBe("now");
    expect(dueInWords(later(60_000), now)).toBe("in 1 minute");
    expect(dueInWords(later(10 * 60_000), now)).toBe("in 10 minutes");
    expect(dueInWords(later(3 * 3_600_000), now)).toBe("in 3 hours");
    expect(dueInWords(later(3 * 86_400_000), now)).toBe("in 3 days");
    expect(dueInWords(later(1 * 86_400_000), now)).toBe("in 1 day");
    expect(dueInWords(later(90 * 86_400_000), now)).toBe("in 3 months");
    expect(dueInWords(later(800 * 86_400_000), now)).toBe("in 2 years");
  });
});
