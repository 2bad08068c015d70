// Join codes, class roles and the class and assignment forms: the pure rules behind the class routes.
import { describe, expect, it } from "vitest";
import { isJsonContentType } from "@/lib/http/jsonBody";
import { parseAssignmentInput, parseClassInput } from "@/lib/teaching/classInput";
import { may, mayCreateClass, mayRemove, type ClassAction } from "@/lib/teaching/classPermissions";
import { displayJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from "@/lib/teaching/joinCode";

describe("join codes", () => {
  it("are 8 characters from an alphabet without 0, O, 1, I or L, and differ", () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    const codes = new Set(Array.from({ length: 200 }, () => generateJoinCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  });

  it("draws every character about equally often (rejection sampling, no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 4000; k++) for (const ch of generateJoinCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // 32,000 characters: about 1,032 each; a biased draw would give the first 8 characters 1/31 more.
    for (const [ch, count] of counts) expect(count, ch).toBeGreaterThan(850), expect(count, ch).toBeLessThan(1220);
  });

  it("are read whatever the case, spaces and dashes, and refused otherwise", () => {
    expect(normalizeJoinCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(displayJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
    for (const bad of ["ABCDEFG", "ABCDEFGHJ", "ABCDEF0H", "ABCDEFIH", "'; DROP--", "x".repeat(1000)]) expect(normalizeJoinCode(bad), bad).toBe(null);
  });
});

describe("who may do what in a class", () => {
  const actions: ClassAction[] = ["teach", "update-class", "delete-class", "regenerate-join-code", "manage-co-instructors", "remove-student", "manage-assignments", "view-gradebook", "study", "leave"];
  const allowed = (role: Parameters<typeof may>[0]) => actions.filter((a) => may(role, a));
  it("gives the owner everything but studying and leaving", () => {
    expect(allowed("owner")).toEqual(["teach", "update-class", "delete-class", "regenerate-join-code", "manage-co-instructors", "remove-student", "manage-assignments", "view-gradebook"]);
  });
  it("keeps a co-instructor from deleting the class, its join code and co-instructors", () => {
    expect(allowed("co-instructor")).toEqual(["teach", "update-class", "remove-student", "manage-assignments", "view-gradebook", "leave"]);
  });
  it("lets a student study and leave, nothing else; an outsider nothing", () => {
    expect(allowed("student")).toEqual(["study", "leave"]);
    expect(allowed(null)).toEqual([]);
  });
  it("removes students by any instructor, co-instructors only by the owner, the owner never", () => {
    expect(mayRemove("co-instructor", "student")).toBe(true);
    expect(mayRemove("co-instructor", "co-instructor")).toBe(false);
    expect(mayRemove("owner", "co-instructor")).toBe(true);
    expect(mayRemove("owner", "owner")).toBe(false);
    expect(mayRemove("student", "student")).toBe(false);
  });
  it("needs the global instructor role to create a class", () => {
    expect([mayCreateClass("guest"), mayCreateClass("learner"), mayCreateClass("instructor")]).toEqual([false, false, true]);
  });
});

describe("the class form", () => {
  it("caps names at 120 characters and needs an IANA zone, saying so", () => {
    const big = parseClassInput({ name: "x".repeat(10 * 1024), term: "Fall 2026", timeZone: "Europe/Paris" });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.errors).toContain("name: at most 120 characters");
    const zone = parseClassInput({ name: "Networks", term: "Fall 2026", timeZone: "GMT+5:30" });
    expect(zone.ok).toBe(false);
    if (!zone.ok) expect(zone.errors.join(" ")).toMatch(/timeZone: not an IANA time zone/);
    expect(parseClassInput({ name: " Networks ", term: "Fall", timeZone: "europe/paris" })).toEqual({ ok: true, value: { name: "Networks", term: "Fall", timeZone: "Europe/Paris" } });
  });
});

describe("the assignment form", () => {
  const known = (id: string) => id === "a" || id === "b";
  const base = { title: "Week 1", exerciseIds: ["a", "b"], opensAt: "2026-11-02T09:00", dueAt: "2026-11-09T23:59", maxAttempts: 3, counts: "best", latePolicy: "refuse" };
  it("reads times in the class's zone and keeps the exercises' order", () => {
    const parsed = parseAssignmentInput(base, "America/New_York", known);
    expect(parsed).toEqual({ ok: true, value: { ...base, opensAt: new Date("2026-11-02T14:00:00Z"), dueAt: new Date("2026-11-10T04:59:00Z") } });
  });
  it("refuses a due time before the opening, unknown or repeated exercises, and bad policies", () => {
    const errors = (over: object) => {
      const parsed = parseAssignmentInput({ ...base, ...over }, "UTC", known);
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({ dueAt: "2026-11-01T09:00" })).toEqual(["dueAt: the due time must come after the opening time"]);
    expect(errors({ exerciseIds: ["a", "nope"] })).toEqual(['exerciseIds: there is no exercise with id "nope"']);
    expect(errors({ exerciseIds: ["a", "a"] })).toEqual(["exerciseIds: an exercise is listed twice"]);
    expect(errors({ exerciseIds: [] })).toEqual(["exerciseIds: pick at least one exercise"]);
    expect(errors({ maxAttempts: 0 })).toEqual(["maxAttempts: at least 1"]);
    expect(errors({ counts: "worst" })).toEqual(["counts: best or last"]);
    expect(errors({ title: "t".repeat(121) })).toEqual(["title: at most 120 characters"]);
  });
});

describe("JSON requests", () => {
  it("accept exactly application/json, with or without a charset", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    for (const bad of [null, "text/plain", "application/json-patch+json", "text/plain; application/json", "application/jsonp"]) expect(isJsonContentType(bad), String(bad)).toBe(false);
  });
});
