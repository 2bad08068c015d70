// "Continue" leads to the next unfinished step: the first unsolved exercise of
// the lesson in progress, by its anchor; an unopened lesson from its top.
import { describe, expect, it } from "vitest";
import { exerciseAnchor, nextStep, type StepLesson } from "@/lib/exercises/nextStep";

const lesson = (read: boolean, solved: boolean[]): StepLesson => ({
  slug: "header-fields",
  title: "TCP header fields",
  read,
  exercises: solved.map((s, i) => ({ id: `ex-${i}`, title: `Exercise ${i}`, standing: { solved: s } })),
});

describe("nextStep", () => {
  it("points at the first unsolved exercise of a lesson the learner has opened", () => {
    expect(nextStep(lesson(true, [true, false, false]))).toEqual({
      slug: "header-fields",
      lessonTitle: "TCP header fields",
      exercise: { id: "ex-1", title: "Exercise 1" },
      href: "/lessons/header-fields#exercise-ex-1",
    });
  });

  it("starts an unopened lesson at its top, and a lesson without unsolved exercises too", () => {
    expect(nextStep(lesson(false, [false]))?.href).toBe("/lessons/header-fields");
    expect(nextStep(lesson(true, [true, true]))).toEqual({ slug: "header-fields", lessonTitle: "TCP header fields", href: "/lessons/header-fields" });
    expect(nextStep(undefined)).toBeUndefined();
  });

  it("uses the id the exercise's section carries", () => {
    expect(exerciseAnchor("syn-flood-cookies-when")).toBe("exercise-syn-flood-cookies-when");
  });
});
