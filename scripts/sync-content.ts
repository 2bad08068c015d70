// Syncs the course (content/lessons: each lesson and its exercises) into the database.
// Run through scripts/prepare-db.mjs (with the react-server condition, because
// these modules are marked server-only).
import { loadLessons } from "@/lib/content/lessons";
import { syncContent } from "@/lib/db/content";
import { exercisePosition, exercises } from "@/lib/exercises/catalog";

try {
  const lessons = await loadLessons();
  const result = await syncContent(
    lessons.map(({ id, slug, title, order, summary, contentHash }) => ({ id, slug, title, order, summary, contentHash })),
    exercises.map(({ id, lessonId, kind, title }) => ({ id, lessonId, kind, title, position: exercisePosition(id) ?? 0 })),
  );
  console.log(`Synced ${result.lessons} lessons and ${result.exercises} exercises.`);
} catch (error) {
  console.error(`sync-content: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
