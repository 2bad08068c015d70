// The interview track's actions, as the routes and pages call them: the bank,
// the grader and the records put together. Server-only. Every answer and
// rubric stays here until the learner has submitted.
import "server-only";
import {
  answersToQuestion,
  answersToQuestions,
  createMock,
  findOwnInterviewAnswer,
  findOwnMock,
  finishMock,
  listMocks,
  recordInterviewAnswer,
  recordInterviewClaim,
  recordMockAnswer,
  type StoredInterviewAnswer,
  type StoredMock,
} from "@/lib/db/interview";
import { allQuestions, questionById, revealFor } from "./bank";
import { gradeInterviewAnswer, gradeSummary, isTooLong, MAX_ANSWER_BYTES, parseGrade, type InterviewGrade } from "./grading";
import { acceptedUntil, checkMockAnswer, mockPhase, mockReport, MOCK_LENGTHS, MOCK_SECONDS, type MockReport, type MockTimes } from "./mock";
import { isTopic, pickMockQuestions, publicQuestion, type PublicQuestion } from "./picking";
import type { TopicId } from "./question";
import type { QuestionReveal } from "./reveal";
import { recordReview } from "@/lib/review/cards";
import { liftReviewForClaims } from "@/lib/review/service";

/** An answer as the learner's browser receives it, after submission. */
export type PublicInterviewAnswer = {
  id: string;
  questionId: string;
  answer: string;
  score: number;
  summary: string;
  grade: InterviewGrade;
  claims: string[];
  createdAt: string;
  fromMock: boolean;
};

export function publicAnswer(stored: StoredInterviewAnswer): PublicInterviewAnswer {
  const grade = parseGrade(stored.result, questionById(stored.questionId));
  return {
    id: stored.id,
    questionId: stored.questionId,
    answer: stored.answer,
    score: stored.score,
    summary: gradeSummary(grade),
    grade,
    claims: stored.claims,
    createdAt: stored.createdAt.toISOString(),
    fromMock: stored.mockId !== null,
  };
}

export const TOO_LONG_MESSAGE = `Your answer is longer than ${MAX_ANSWER_BYTES / 1024} KB (${MAX_ANSWER_BYTES} bytes); an interview answer fits in a few sentences, so shorten it and submit again.`;

export type AnswerOutcome =
  | { status: "unknown-question" }
  | { status: "too-long" }
  | { status: "graded"; answer: PublicInterviewAnswer; reveal: QuestionReveal };

export async function answerQuestion(learnerId: string, questionId: string, text: string): Promise<AnswerOutcome> {
  const question = questionById(questionId);
  if (!question) return { status: "unknown-question" };
  if (isTooLong(text)) return { status: "too-long" };
  const grade = gradeInterviewAnswer(question, text);
  const stored = await recordInterviewAnswer({ learnerId, questionId, answer: text, score: grade.score, result: JSON.stringify(grade) });
  // Every answered question is a spaced-review card; this answer is a review of it.
  await recordReview(learnerId, "question", questionId, grade.score, stored.createdAt);
  return { status: "graded", answer: publicAnswer(stored), reveal: await revealFor(question) };
}

/** A learner's past answers to a question, newest first, and the reveal once there is one. */
export async function questionHistory(learnerId: string, questionId: string): Promise<{ answers: PublicInterviewAnswer[]; reveal: QuestionReveal | null }> {
  const question = questionById(questionId);
  if (!question) return { answers: [], reveal: null };
  const answers = (await answersToQuestion(learnerId, questionId)).map(publicAnswer);
  return { answers, reveal: answers.length > 0 ? await revealFor(question) : null };
}

export type ClaimOutcome = { status: "claimed"; claims: string[] } | { status: "unknown-answer" } | { status: "not-missing" };

/** "I did cover this": only for an idea the grader reported missing in the learner's own answer; the grade is kept. */
export async function claimInterviewIdea(learnerId: string, answerId: string, ideaId: string): Promise<ClaimOutcome> {
  const stored = await findOwnInterviewAnswer(learnerId, answerId);
  if (!stored) return { status: "unknown-answer" };
  const grade = parseGrade(stored.result, questionById(stored.questionId));
  if (!grade.ideas.some((idea) => idea.id === ideaId && idea.status === "missing")) return { status: "not-missing" };
  const claims = await recordInterviewClaim(answerId, ideaId);
  // A claimed idea counts as found for the review rating (the stored grade stays).
  await liftReviewForClaims(learnerId, answerId);
  return { status: "claimed", claims };
}

// ---- Mock interviews ----

/** A mock interview as the browser sees it while it runs: the current question only. */
export type MockView = {
  id: string;
  total: number;
  secondsPerQuestion: number;
  startedAt: string;
  /** The server's clock when this was sent: the browser corrects its own with it. */
  serverNow: string;
  status: "running" | "over";
  finished: boolean;
  answered: number[];
  current: { index: number; deadline: string; acceptedUntil: string; question: PublicQuestion } | null;
};

function timesOf(mock: StoredMock): MockTimes {
  return {
    startedAt: mock.startedAt,
    secondsPerQuestion: mock.secondsPerQuestion,
    questionCount: mock.questionIds.length,
    finishedAt: mock.finishedAt,
    answered: new Set(mock.answers.map((answer) => answer.index)),
  };
}

export function mockView(mock: StoredMock, now: Date): MockView {
  const phase = mockPhase(timesOf(mock), now);
  let current: MockView["current"] = null;
  if (phase.status === "running") {
    const question = questionById(mock.questionIds[phase.index]!);
    if (question) {
      current = {
        index: phase.index,
        deadline: phase.deadline.toISOString(),
        acceptedUntil: acceptedUntil(mock.startedAt, mock.secondsPerQuestion, phase.index).toISOString(),
        question: publicQuestion(question),
      };
    }
  }
  return {
    id: mock.id,
    total: mock.questionIds.length,
    secondsPerQuestion: mock.secondsPerQuestion,
    startedAt: mock.startedAt.toISOString(),
    serverNow: now.toISOString(),
    status: current ? "running" : "over",
    finished: mock.finishedAt !== null,
    answered: mock.answers.map((answer) => answer.index).sort((a, b) => a - b),
    current,
  };
}

export type StartOutcome = { status: "started"; view: MockView } | { status: "invalid"; message: string };

export async function startMock(learnerId: string, input: { topics: unknown; length: unknown; secondsPerQuestion: unknown }, now: Date): Promise<StartOutcome> {
  const topics = Array.isArray(input.topics) ? input.topics : [];
  if (topics.length === 0 || !topics.every(isTopic)) return { status: "invalid", message: "Choose at least one topic from the list." };
  if (!(MOCK_LENGTHS as readonly unknown[]).includes(input.length)) return { status: "invalid", message: `Choose ${MOCK_LENGTHS.join(", ")} questions.` };
  if (!(MOCK_SECONDS as readonly unknown[]).includes(input.secondsPerQuestion)) {
    return { status: "invalid", message: `Choose ${MOCK_SECONDS.map((s) => s / 60).join(", ")} minutes per question.` };
  }
  const chosen = [...new Set(topics as TopicId[])];
  const length = input.length as number;
  const draw = pickMockQuestions(allQuestions(), chosen, length);
  if (!draw.ok) {
    return {
      status: "invalid",
      message: `The topics you chose hold ${draw.available} question${draw.available === 1 ? "" : "s"}, fewer than ${length}: add topics or choose a shorter interview.`,
    };
  }
  const mock = await createMock({ learnerId, topics: chosen, questionIds: draw.questionIds, secondsPerQuestion: input.secondsPerQuestion as number, startedAt: now });
  return { status: "started", view: mockView(mock, now) };
}

export async function ownMockView(learnerId: string, mockId: string, now: Date): Promise<MockView | null> {
  const mock = await findOwnMock(learnerId, mockId);
  return mock ? mockView(mock, now) : null;
}

export type MockAnswerOutcome =
  | { status: "unknown-mock" }
  | { status: "too-long" }
  | { status: "refused"; reason: "no-such-question" | "finished" | "answered" | "late" | "not-yet"; message: string }
  | { status: "recorded"; view: MockView };

export async function answerMock(learnerId: string, mockId: string, index: number, text: string, now: Date): Promise<MockAnswerOutcome> {
  const mock = await findOwnMock(learnerId, mockId);
  if (!mock) return { status: "unknown-mock" };
  const check = checkMockAnswer(timesOf(mock), index, now);
  if (!check.ok) return { status: "refused", reason: check.reason, message: check.message };
  if (isTooLong(text)) return { status: "too-long" };
  const questionId = mock.questionIds[index]!;
  const question = questionById(questionId);
  // A question removed from the bank since the interview started is graded as empty.
  const grade = question
    ? gradeInterviewAnswer(question, text)
    : { score: 0, empty: true, salad: false, ideas: [], misconceptions: [] };
  const stored = await recordMockAnswer({ learnerId, mockId, questionId, answer: text, score: grade.score, result: JSON.stringify(grade), createdAt: now });
  if (stored === "answered") return { status: "refused", reason: "answered", message: `Question ${index + 1} is already answered; each question takes one answer.` };
  if (stored === "finished") return { status: "refused", reason: "finished", message: "This interview is finished: it takes no more answers." };
  if (question) await recordReview(learnerId, "question", questionId, grade.score, now);
  const updated = await findOwnMock(learnerId, mockId);
  return { status: "recorded", view: mockView(updated!, now) };
}

export type FinishOutcome = { status: "unknown-mock" } | { status: "already-finished" } | { status: "finished"; report: MockReportView };

export async function finishMockInterview(learnerId: string, mockId: string, now: Date): Promise<FinishOutcome> {
  const mock = await findOwnMock(learnerId, mockId);
  if (!mock) return { status: "unknown-mock" };
  if (!(await finishMock(learnerId, mockId, now))) return { status: "already-finished" };
  return { status: "finished", report: await reportOf(learnerId, { ...mock, finishedAt: now }) };
}

export type MockReportView = MockReport & {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  secondsPerQuestion: number;
  topicsChosen: string[];
  answers: Record<number, PublicInterviewAnswer>;
};

/** The report, once the interview is over (finished, or its last question's time is up); null before. */
export async function ownMockReport(learnerId: string, mockId: string, now: Date): Promise<{ view: MockView; report: MockReportView | null } | null> {
  const mock = await findOwnMock(learnerId, mockId);
  if (!mock) return null;
  const view = mockView(mock, now);
  return { view, report: view.status === "over" ? await reportOf(learnerId, mock) : null };
}

async function reportOf(learnerId: string, mock: StoredMock): Promise<MockReportView> {
  const questions = mock.questionIds.map((id) => questionById(id)).filter((q) => q !== undefined);
  // Indexes follow the interview's order; a question since removed from the bank is left out of the report.
  const present = mock.questionIds.map((id, index) => ({ id, index })).filter(({ id }) => questionById(id));
  const answers = new Map<number, { id: string; grade: InterviewGrade }>();
  const publicAnswers: Record<number, PublicInterviewAnswer> = {};
  present.forEach(({ index }, position) => {
    const stored = mock.answers.find((answer) => answer.index === index);
    if (!stored) return;
    const view = publicAnswer(stored);
    answers.set(position, { id: stored.id, grade: view.grade });
    publicAnswers[position] = view;
  });
  const history = (await answersToQuestions(learnerId, questions.map((q) => q.id))).map((row) => ({
    questionId: row.questionId,
    grade: parseGrade(row.result, questionById(row.questionId)),
  }));
  return {
    ...mockReport(questions, answers, history),
    id: mock.id,
    startedAt: mock.startedAt.toISOString(),
    finishedAt: mock.finishedAt?.toISOString() ?? null,
    secondsPerQuestion: mock.secondsPerQuestion,
    topicsChosen: mock.topics,
    answers: publicAnswers,
  };
}

export type PastMock = { id: string; startedAt: string; total: number; answered: number; score: number; over: boolean; topics: string[]; secondsPerQuestion: number };

/** The learner's mock interviews, newest first, with their scores (unanswered questions count 0). */
export async function pastMocks(learnerId: string, now: Date): Promise<PastMock[]> {
  return (await listMocks(learnerId)).map((mock) => {
    const total = mock.questionIds.length;
    const sum = mock.answers.reduce((s, answer) => s + answer.score, 0);
    return {
      id: mock.id,
      startedAt: mock.startedAt.toISOString(),
      total,
      answered: mock.answers.length,
      score: total === 0 ? 0 : Math.round((sum / total) * 100) / 100,
      over: mockPhase(timesOf(mock), now).status === "over",
      topics: mock.topics,
      secondsPerQuestion: mock.secondsPerQuestion,
    };
  });
}
