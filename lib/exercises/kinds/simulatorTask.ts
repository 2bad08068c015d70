// A goal the learner reaches by driving the simulator. The browser submits only
// the learner's action log; the server replays it through the same task model
// and the engine, and checks the goal itself, so a forged log cannot pass.
import type { ExerciseDefinition, Graded, TestAnswers } from "../types";
import { replayActions, type TaskModel, type TaskRun, type TaskValues } from "../../labs/tasks/taskModel";

export type SimulatorTaskSpec = {
  id: string;
  lessonId: string;
  title: string;
  /** The goal, as the learner reads it. */
  goal: string;
  model: TaskModel;
  /** Server-only: did this run reach the goal? */
  check(metrics: Record<string, string | number>): { met: boolean; message: string };
  /** One set of values that reaches the goal, for tests and the worked solution. */
  example: TaskValues;
  solution: string;
  hints?: string[];
  /**
   * A goal of its own per seed (other numbers to reach): what it returns
   * replaces goal, check, example, solution and hints for that seed. The model
   * and its controls stay the same, so an action log replays the same way.
   */
  variant?(seed: number): Pick<SimulatorTaskSpec, "goal" | "check" | "example"> & Partial<Pick<SimulatorTaskSpec, "solution" | "hints">>;
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

export function simulatorTaskExercise(spec: SimulatorTaskSpec): ExerciseDefinition<TaskValues> {
  const forSeed = (seed: number) => (spec.variant ? { ...spec, ...spec.variant(seed) } : spec);
  const gradeRun = (seed: number, run: TaskRun): Graded => {
    const task = forSeed(seed);
    const { met, message } = task.check(run.metrics);
    return {
      score: met ? 1 : 0,
      feedback: {
        summary: met ? "Goal reached: the server replayed your settings and saw it." : "Not yet: the server replayed your settings and the goal was not reached.",
        // The goal check is the verdict; the replayed lines are what the learner's settings did, neither right nor wrong.
        items: [{ label: "Goal", correct: met, message }, ...run.lines.slice(-3).map((line) => ({ label: "Your run", correct: null, message: line }))],
        solution: task.solution,
      },
    };
  };
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "simulator-task",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant(seed) {
      const { goal, hints } = forSeed(seed);
      return {
        prompt: goal,
        hints,
        inputs: [{ type: "simulator-task", name: "actions", label: "Your settings", task: spec.model.id, controls: spec.model.controls, initial: spec.model.initial }],
      };
    },
    parse(raw) {
      const actions = typeof raw === "object" && raw !== null ? (raw as { actions?: unknown }).actions : undefined;
      const replayed = replayActions(spec.model, actions);
      return replayed.ok ? { ok: true, value: replayed.values } : { ok: false, errors: replayed.errors };
    },
    grade(seed, values) {
      return gradeRun(seed, spec.model.run(values));
    },
    // The expensive part, the run, is what the server's replay pool computes off the request thread.
    replay: { task: spec.model.id, gradeRun },
    solution: (seed) => forSeed(seed).solution,
    correctAnswer(seed) {
      return { actions: Object.entries(forSeed(seed).example).map(([set, value]) => ({ set, value })) };
    },
  };
}
