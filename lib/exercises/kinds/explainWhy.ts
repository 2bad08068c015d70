// Short free text graded by a rubric of key ideas: each idea is a set of
// patterns (synonyms included); the score is the weight of the ideas found.
// The model answer is shown after submission.
import type { ExerciseDefinition, TestAnswers } from "../types";

export type RubricIdea = {
  /** What the idea is, as the feedback names it. */
  idea: string;
  weight: number;
  /** Any of these (case-insensitive regular expressions) counts as the idea. */
  patterns: string[];
  /** Said when the idea is missing. */
  missing: string;
};

export type ExplainWhySpec = {
  id: string;
  lessonId: string;
  title: string;
  prompt: string;
  rubric: RubricIdea[];
  modelAnswer: string;
  minWords?: number;
  hints?: string[];
  /**
   * Wrong ideas a learner may write, each recognised by its patterns
   * (case-insensitive regular expressions) and answered with why it is wrong.
   */
  misconceptions?: { label: string; patterns: string[]; message: string }[];
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

const MAX_CHARACTERS = 2_000;

export function explainWhyExercise(spec: ExplainWhySpec): ExerciseDefinition<string> {
  const totalWeight = spec.rubric.reduce((sum, idea) => sum + idea.weight, 0);
  const compiled = spec.rubric.map((idea) => ({ ...idea, regexes: idea.patterns.map((p) => new RegExp(p, "i")) }));
  const wrongIdeas = (spec.misconceptions ?? []).map((m) => ({ ...m, regexes: m.patterns.map((p) => new RegExp(p, "i")) }));
  const minWords = spec.minWords ?? 5;
  return {
    id: spec.id,
    lessonId: spec.lessonId,
    kind: "explain-why",
    title: spec.title,
    testAnswers: spec.testAnswers,
    publicVariant() {
      return { prompt: spec.prompt, hints: spec.hints, inputs: [{ type: "text", name: "text", label: "Your explanation (a few sentences)" }] };
    },
    parse(raw) {
      const text = typeof raw === "object" && raw !== null ? (raw as { text?: unknown }).text : undefined;
      if (typeof text !== "string" || text.trim() === "") return { ok: false, errors: ["text: write your explanation"] };
      if (text.length > MAX_CHARACTERS) return { ok: false, errors: [`text: at most ${MAX_CHARACTERS} characters`] };
      if (text.trim().split(/\s+/).length < minWords) return { ok: false, errors: [`text: write at least ${minWords} words`] };
      return { ok: true, value: text.replace(/\s+/g, " ").trim() };
    },
    grade(_seed, text) {
      const items = compiled.map((idea) => {
        const found = idea.regexes.some((regex) => regex.test(text));
        return { label: idea.idea, correct: found, message: found ? "You said this." : idea.missing };
      });
      const earned = compiled.reduce((sum, idea, index) => sum + (items[index]!.correct ? idea.weight : 0), 0);
      const score = Math.round((earned / totalWeight) * 100) / 100;
      for (const wrong of wrongIdeas) {
        if (wrong.regexes.some((regex) => regex.test(text))) items.push({ label: wrong.label, correct: false, message: wrong.message });
      }
      return {
        score,
        feedback: {
          summary: score === 1 ? "Every key idea is there." : score === 0 ? "None of the key ideas yet; compare with the model answer." : "Some key ideas are there; see what is missing.",
          items,
          solution: spec.modelAnswer,
        },
      };
    },
    correctAnswer() {
      return { text: spec.modelAnswer };
    },
  };
}
