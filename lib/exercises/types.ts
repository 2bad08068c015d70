// The shape every exercise has (after PrairieLearn): pure functions over data.
// parse(raw) -> value | format errors (no attempt is spent on those);
// grade(variant, value) -> score in [0, 1] with feedback that teaches.

/** An input the browser renders. It describes the form, never the answer. */
export type ExerciseInput =
  | { type: "integer"; name: string; label: string; hint?: string }
  | { type: "number"; name: string; label: string; hint?: string }
  | { type: "ordering"; name: string; label: string; items: { value: string; label: string }[] }
  | { type: "select"; name: string; label: string; options: { value: string; label: string }[] }
  | { type: "text"; name: string; label: string }
  /** A table to fill: one row per segment, columns flags, seq, ack and lost ("x"). */
  | { type: "trace"; name: string; label: string; rows: { label: string }[] }
  /** Controls over the simulator; the answer is the log of changes (lib/labs/tasks). */
  | {
      type: "simulator-task";
      name: string;
      label: string;
      task: string;
      controls: import("../labs/tasks/taskModel").TaskControl[];
      initial: import("../labs/tasks/taskModel").TaskValues;
    }
  | {
      type: "choices";
      name: string;
      label: string;
      multiple: boolean;
      options: { value: string; label: string }[];
    };

/** What the browser may see of one variant: the question, never the answer. */
export type PublicVariant = {
  /** Short Markdown-free text. */
  prompt: string;
  /** Monospace material the question is about (hex bytes, a trace, a listing). */
  material?: string;
  materialLabel?: string;
  inputs: ExerciseInput[];
  /** Nudges shown one at a time, on request, before the learner answers. */
  hints?: string[];
};

export type FeedbackItem = {
  label: string;
  /** Whether this part of the answer is right; null for neutral information (shown with no ✓ or ✗), e.g. a replayed log line. */
  correct: boolean | null;
  message: string;
  /** For an item about one key idea of a free-text answer: its stable id and whether the answer states, omits or denies it. */
  idea?: { id: string; status: "found" | "missing" | "contradicted" };
  /**
   * On a wrong item that shows a known misconception: its stable kebab-case id
   * and label from the catalog (lib/exercises/misconceptions.ts), so the same
   * wrong belief shown by different exercises is counted once per student.
   */
  misconception?: { id: string; label: string };
};

export type Feedback = {
  summary: string;
  items: FeedbackItem[];
  /** The worked solution, shown only after a submission. */
  solution: string;
};

export type Graded = { score: number; feedback: Feedback };

export type Parsed<Value> = { ok: true; value: Value } | { ok: false; errors: string[] };

/** A wrong answer that looks plausible, and what the feedback must say about it. */
export type IncorrectTestAnswer = {
  answer: unknown;
  /** Matched against the feedback a learner sees after this answer (summary and items, not the worked solution). */
  mistake: RegExp;
};

/**
 * Answers every definition ships for the catalog-wide test (PrairieLearn's
 * correct / incorrect / invalid test answers; the correct one is correctAnswer).
 */
export type TestAnswers = {
  /** Several wrong answers for this seed, each naming the mistake it makes. */
  incorrect(seed: number): IncorrectTestAnswer[];
  /** Malformed answers that parse must refuse (they cost no attempt). */
  invalid: unknown[];
};

export type ExerciseDefinition<Value = unknown> = {
  /** Stable id: attempts reference it, so it never changes. */
  id: string;
  lessonId: string;
  kind: string;
  title: string;
  publicVariant(seed: number): PublicVariant;
  /** seed: the variant answered, so only its own options, items or pairs are accepted. */
  parse(raw: unknown, seed?: number): Parsed<Value>;
  grade(seed: number, value: Value): Graded;
  /** A raw answer that earns full marks for this seed, for tests and worked solutions. */
  correctAnswer(seed: number): unknown;
  /**
   * The worked solution of a variant, when it can be had without grading an
   * answer (grading a simulator task replays the simulator just to find it).
   */
  solution?(seed: number): string;
  /**
   * Grading that replays the simulator: the server runs the task model `task`
   * over the parsed value off the request thread (lib/exercises/replayPool.ts)
   * and grades the run with gradeRun. grade(seed, value) does both in one
   * step, with the same result.
   */
  replay?: { task: string; gradeRun(seed: number, run: import("../labs/tasks/taskModel").TaskRun): Graded };
  /** Wrong attempts on one variant before its solution is shown (default 3, decision record 0009). */
  attemptsPerVariant?: number;
  testAnswers: TestAnswers;
};
