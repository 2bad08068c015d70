// Short free text graded by a rubric of key ideas (claims): each idea has an
// id, a weight and phrasings (synonyms included). The claim grader
// (../freeText/claims.ts) reads the answer by clause: an idea stated counts for
// the answer, an idea denied ("it is not about misrouted segments") or a wrong
// idea asserted counts against it, and a list of terms earns nothing. Feedback
// has one item per idea (found, missing or contradicted, with the idea's id) and
// one per wrong idea; the model answer is only ever the worked solution.
import type { ExerciseDefinition, Feedback, FeedbackItem, TestAnswers } from "../types";
import { compileRubric, gradeClaims } from "../freeText/claims";
import { tagged, type MisconceptionId } from "../misconceptions";

export type RubricIdea = {
  /** Stable id: a learner's "I did say this" refers to it, so it never changes. */
  id: string;
  /** What the idea is, as the feedback names it. */
  idea: string;
  weight: number;
  /** Ways to say it, in the phrasing syntax of lib/exercises/freeText/phrasing.ts. */
  phrasings: string[];
  /** Phrasings that, in the same clause, mean the words are about something else. */
  unless?: string[];
  /** Said when the idea is missing. */
  missing: string;
  /** Said when the answer denies the idea; a generic sentence unless given. */
  contradicted?: string;
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
   * Wrong ideas a learner may write, recognised by their phrasings, each answered with why it is wrong.
   * `id` is this rubric's own; `misconception` maps it to the course's catalog (lib/exercises/misconceptions.ts).
   */
  misconceptions?: {
    id: string;
    label: string;
    phrasings: string[];
    unless?: string[];
    message: string;
    weight?: number;
    misconception?: MisconceptionId;
  }[];
  /** Wrong and malformed answers for the catalog-wide test. */
  testAnswers: TestAnswers;
};

const MAX_CHARACTERS = 2_000;

export const SALAD_ITEM_LABEL = "An explanation, not a list of terms";

export function explainWhyExercise(spec: ExplainWhySpec): ExerciseDefinition<string> {
  const rubric = compileRubric({
    claims: spec.rubric.map((idea) => ({ id: idea.id, weight: idea.weight, phrasings: idea.phrasings, unless: idea.unless })),
    misconceptions: (spec.misconceptions ?? []).map((m) => ({ id: m.id, weight: m.weight, phrasings: m.phrasings, unless: m.unless })),
  });
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
      const graded = gradeClaims(rubric, text);
      const items: FeedbackItem[] = spec.rubric.map((idea, index) => {
        const { id, status } = graded.claims[index]!;
        const message =
          status === "found"
            ? "You said this."
            : status === "contradicted"
              ? (idea.contradicted ?? `Your answer denies this, but it is one of the reasons. ${idea.missing}`)
              : idea.missing;
        return { label: idea.idea, correct: status === "found", message, idea: { id, status } };
      });
      for (const wrong of spec.misconceptions ?? []) {
        if (graded.misconceptions.includes(wrong.id)) items.push({ label: wrong.label, correct: false, message: wrong.message, ...tagged(wrong.misconception) });
      }
      if (graded.salad) {
        items.push({
          label: SALAD_ITEM_LABEL,
          correct: false,
          message: "Your answer lists terms without saying how they connect, so it earns no credit. Write a few sentences: what happens, and why.",
        });
      }
      const { score } = graded;
      const wrongSaid = graded.misconceptions.length > 0 || graded.claims.some((c) => c.status === "contradicted");
      const summary: Feedback["summary"] = graded.salad
        ? "This is a list of terms, not an explanation yet."
        : score === 1
          ? "Every key idea is there."
          : wrongSaid
            ? "Part of what you wrote is wrong; see the notes below."
            : score === 0
              ? "None of the key ideas yet; see the hints below."
              : "Some key ideas are there; see what is missing.";
      return { score, feedback: { summary, items, solution: spec.modelAnswer } };
    },
    correctAnswer() {
      return { text: spec.modelAnswer };
    },
  };
}
