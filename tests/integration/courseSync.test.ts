// The course index drives the database: syncing the real course stores every
// lesson in course order and every exercise with its place in its lesson, so
// the dashboard lists exercises the way the lesson presents them.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { progressFor } = await import("@/lib/exercises/courseProgress");
const { loadLessons } = await import("@/lib/content/lessons");
const { exercisePosition, exercises } = await import("@/lib/exercises/catalog");
const { course } = await import("@/content/lessons/course");

beforeAll(async () => {
  const lessons = await loadLessons();
  // Sync in a scrambled order: the stored order must come from the course, not from the order of writes.
  await syncContent(
    lessons.map(({ id, slug, title, order, summary, contentHash }) => ({ id, slug, title, order, summary, contentHash })).reverse(),
    exercises.map(({ id, lessonId, kind, title }) => ({ id, lessonId, kind, title, position: exercisePosition(id) ?? 0 })).reverse(),
  );
});

describe("syncing the course", () => {
  it("lists the lessons in course order and each lesson's exercises in the order the lesson embeds them", async () => {
    const progress = await progressFor("learner-who-has-done-nothing");
    expect(progress.map((lesson) => lesson.order)).toEqual(course.map((_, index) => index + 1));
    for (const [index, lesson] of progress.entries()) {
      expect(lesson.exercises.map((exercise) => exercise.id)).toEqual(course[index]!.exercises.map((exercise) => exercise.id));
    }
  });
});
