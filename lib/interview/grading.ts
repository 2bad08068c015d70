// Grading an interview answer against its question's rubric (decision record
// 0011): the free-text claims grader the explain-why exercises use, turned
// into a result the learner reads: each key idea found, missing or
// contradicted, each misconception stated with why it is wrong. Pure.
import { compileRubric, gradeClaims, type ClaimStatus, type CompiledRubric } from "@/lib/exercises/freeText/claims";
import type { InterviewQuestion } from "./question";

/** An answer longer than this (UTF-8 bytes) is refused, not graded. */
export const MAX_ANSWER_BYTES = 4096;

export type IdeaResult = { id: string; idea: string; weight: number; status: ClaimStatus };
export type MisconceptionResult = { id: string; label: string; whyWrong: string };

/** What is stored in InterviewAnswer.result and shown after submission. */
export type InterviewGrade = {
  /** In [0, 1], rounded to hundredths. */
  score: number;
  /** Nothing but white space was submitted: graded 0, every idea missing. */
  empty: boolean;
  /** A list of terms rather than sentences: graded 0 (see the claims grader). */
  salad: boolean;
  ideas: IdeaResult[];
  misconceptions: MisconceptionResult[];
};

export function answerBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function isTooLong(text: string): boolean {
  return answerBytes(text) > MAX_ANSWER_BYTES;
}

const compiled = new WeakMap<InterviewQuestion, CompiledRubric>();

function rubricOf(question: InterviewQuestion): CompiledRubric {
  let rubric = compiled.get(question);
  if (!rubric) {
    rubric = compileRubric({ claims: question.rubric.ideas, misconceptions: question.rubric.misconceptions });
    compiled.set(question, rubric);
  }
  return rubric;
}

export function gradeInterviewAnswer(question: InterviewQuestion, text: string): InterviewGrade {
  const ideasWith = (status: (id: string) => ClaimStatus): IdeaResult[] =>
    question.rubric.ideas.map(({ id, idea, weight }) => ({ id, idea, weight, status: status(id) }));
  if (text.trim() === "") return { score: 0, empty: true, salad: false, ideas: ideasWith(() => "missing"), misconceptions: [] };
  const grade = gradeClaims(rubricOf(question), text);
  const statusOf = new Map(grade.claims.map((claim) => [claim.id, claim.status]));
  const stated = new Set(grade.misconceptions);
  return {
    score: grade.score,
    empty: false,
    salad: grade.salad,
    ideas: ideasWith((id) => statusOf.get(id) ?? "missing"),
    misconceptions: (question.rubric.misconceptions ?? [])
      .filter((m) => stated.has(m.id))
      .map(({ id, label, whyWrong }) => ({ id, label, whyWrong })),
  };
}

/** The summary line of a grade, in words. */
export function gradeSummary(grade: InterviewGrade): string {
  if (grade.empty) return "No answer: every key idea is missing.";
  if (grade.salad) return "This reads as a list of terms, not an explanation: say how the ideas connect, in sentences.";
  const found = grade.ideas.filter((idea) => idea.status === "found").length;
  const parts = [`${found} of ${grade.ideas.length} key ideas found`];
  const contradicted = grade.ideas.filter((idea) => idea.status === "contradicted").length;
  if (contradicted > 0) parts.push(`${contradicted} contradicted`);
  if (grade.misconceptions.length > 0) parts.push(`${grade.misconceptions.length} misconception${grade.misconceptions.length === 1 ? "" : "s"} stated`);
  return `${parts.join(", ")}.`;
}

/** Reads a stored result back; an unreadable one counts as every idea missing. */
export function parseGrade(json: string, question: InterviewQuestion | undefined): InterviewGrade {
  try {
    const value = JSON.parse(json) as InterviewGrade;
    if (typeof value.score === "number" && Array.isArray(value.ideas) && Array.isArray(value.misconceptions)) return value;
  } catch {
    // fall through
  }
  return {
    score: 0,
    empty: false,
    salad: false,
    ideas: (question?.rubric.ideas ?? []).map(({ id, idea, weight }) => ({ id, idea, weight, status: "missing" })),
    misconceptions: [],
  };
}
