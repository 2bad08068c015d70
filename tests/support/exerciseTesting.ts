// Shared by the exercise tests: find an exercise by id, grade a raw answer as
// the server would (parse, then grade), and build scenarios for the engine.
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { parseScenario, type Scenario } from "@/lib/tcp";

export function exerciseTester(exercises: readonly ExerciseDefinition<any>[]) {
  const byId = (id: string) => {
    const exercise = exercises.find((x) => x.id === id);
    if (!exercise) throw new Error(`no exercise ${id}`);
    return exercise;
  };
  const grade = (id: string, seed: number, raw: unknown) => {
    const exercise = byId(id);
    const parsed = exercise.parse(raw);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    return exercise.grade(seed, parsed.value);
  };
  /** The number a numeric exercise expects for this seed. */
  const answerOf = (id: string, seed: number) => Number((byId(id).correctAnswer(seed) as { value: string }).value);
  return { byId, grade, answerOf };
}

export function scenarioOf(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}
