// The mock interview's rules: the clock the server keeps, whether an answer is
// accepted, and the report at the end. Pure: times are passed in.
//
// The clock is fixed when the interview starts: question i (0-based) is due at
// startedAt + secondsPerQuestion × (i + 1), and an answer is accepted until
// GRACE_SECONDS after that (the network, and the browser's own submission when
// its countdown reaches zero). Time left on one question carries over to the
// next, as in a real interview slot. An answer that arrives later is refused
// with a sentence and the question counts as unanswered (score 0): nothing is
// stored for it. Questions are answered in order, each once, and a finished
// interview takes no more answers.
import { TOPICS, type InterviewQuestion, type TopicId } from "./question";
import type { InterviewGrade } from "./grading";

export const MOCK_LENGTHS = [5, 10, 15] as const;
export const MOCK_SECONDS = [60, 120, 180] as const;
export const GRACE_SECONDS = 5;

export type MockLength = (typeof MOCK_LENGTHS)[number];
export type MockSeconds = (typeof MOCK_SECONDS)[number];

export type MockTimes = {
  startedAt: Date;
  secondsPerQuestion: number;
  questionCount: number;
  finishedAt: Date | null;
  /** Indexes of the questions answered so far. */
  answered: ReadonlySet<number>;
};

/** When question `index` is due (the countdown reaches zero). */
export function deadlineOf(startedAt: Date, secondsPerQuestion: number, index: number): Date {
  return new Date(startedAt.getTime() + secondsPerQuestion * (index + 1) * 1000);
}

/** The last moment an answer to question `index` is accepted. */
export function acceptedUntil(startedAt: Date, secondsPerQuestion: number, index: number): Date {
  return new Date(deadlineOf(startedAt, secondsPerQuestion, index).getTime() + GRACE_SECONDS * 1000);
}

export type MockPhase = { status: "running"; index: number; deadline: Date } | { status: "over" };

/** The question being asked now: the first one neither answered nor past its time; none when finished or out of time. */
export function mockPhase(mock: MockTimes, now: Date): MockPhase {
  if (mock.finishedAt) return { status: "over" };
  for (let index = 0; index < mock.questionCount; index++) {
    if (mock.answered.has(index)) continue;
    if (now.getTime() <= acceptedUntil(mock.startedAt, mock.secondsPerQuestion, index).getTime()) {
      return { status: "running", index, deadline: deadlineOf(mock.startedAt, mock.secondsPerQuestion, index) };
    }
  }
  return { status: "over" };
}

export type AnswerCheck =
  | { ok: true }
  | { ok: false; reason: "no-such-question" | "finished" | "answered" | "late" | "not-yet"; message: string };

export function checkMockAnswer(mock: MockTimes, index: number, now: Date): AnswerCheck {
  if (!Number.isInteger(index) || index < 0 || index >= mock.questionCount) {
    return { ok: false, reason: "no-such-question", message: `This interview has questions 1 to ${mock.questionCount}.` };
  }
  if (mock.finishedAt) return { ok: false, reason: "finished", message: "This interview is finished: it takes no more answers." };
  if (mock.answered.has(index)) return { ok: false, reason: "answered", message: `Question ${index + 1} is already answered; each question takes one answer.` };
  const until = acceptedUntil(mock.startedAt, mock.secondsPerQuestion, index);
  if (now.getTime() > until.getTime()) {
    const late = Math.round((now.getTime() - deadlineOf(mock.startedAt, mock.secondsPerQuestion, index).getTime()) / 1000);
    return {
      ok: false,
      reason: "late",
      message: `Time was up for question ${index + 1} ${late} s ago, so this answer was not recorded; the question counts as unanswered.`,
    };
  }
  const phase = mockPhase(mock, now);
  if (phase.status === "running" && phase.index !== index) {
    return { ok: false, reason: "not-yet", message: `Question ${phase.index + 1} comes first: questions are answered in order.` };
  }
  return { ok: true };
}

/** Whether the interview is over: finished by the learner, or its last question's time has run out. */
export function isOver(mock: MockTimes, now: Date): boolean {
  return mockPhase(mock, now).status === "over";
}

// ---- The report ----

export type ReportQuestion = {
  index: number;
  questionId: string;
  question: string;
  topic: TopicId;
  /** null: not answered in time. */
  score: number | null;
  answerId?: string;
};

export type TopicScore = { topic: TopicId; name: string; questions: number; answered: number; score: number };
export type MissedIdea = { questionId: string; question: string; ideaId: string; idea: string; weight: number; missed: number; of: number };
export type ReviewLesson = { slug: string; anchor: string; questionIds: string[]; worst: number };

export type MockReport = {
  /** Mean over the questions, unanswered ones counting 0. */
  score: number;
  total: number;
  answered: number;
  questions: ReportQuestion[];
  topics: TopicScore[];
  missedIdeas: MissedIdea[];
  lessons: ReviewLesson[];
};

/** Below this score a question's lesson section is worth reviewing. */
export const REVIEW_BELOW = 0.8;
export const MISSED_IDEAS_SHOWN = 8;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The report of a mock interview. `answers` are this interview's, by question
 * index; `history` is every answer the learner gave to these questions (drills
 * and interviews, this one included), for how often each idea was missed.
 */
export function mockReport(
  questions: readonly InterviewQuestion[],
  answers: ReadonlyMap<number, { id: string; grade: InterviewGrade }>,
  history: readonly { questionId: string; grade: InterviewGrade }[],
): MockReport {
  const rows: ReportQuestion[] = questions.map((q, index) => {
    const answer = answers.get(index);
    return { index, questionId: q.id, question: q.question, topic: q.topic, score: answer ? answer.grade.score : null, ...(answer ? { answerId: answer.id } : {}) };
  });
  const total = rows.length;
  const score = total === 0 ? 0 : round(rows.reduce((sum, row) => sum + (row.score ?? 0), 0) / total);

  const topics: TopicScore[] = [];
  for (const topic of Object.keys(TOPICS) as TopicId[]) {
    const mine = rows.filter((row) => row.topic === topic);
    if (mine.length === 0) continue;
    topics.push({
      topic,
      name: TOPICS[topic],
      questions: mine.length,
      answered: mine.filter((row) => row.score !== null).length,
      score: round(mine.reduce((sum, row) => sum + (row.score ?? 0), 0) / mine.length),
    });
  }

  // How often each idea of these questions was missing or contradicted in the learner's answers.
  const missed: MissedIdea[] = [];
  for (const q of questions) {
    const graded = history.filter((h) => h.questionId === q.id);
    for (const idea of q.rubric.ideas) {
      const count = graded.filter((h) => h.grade.ideas.some((i) => i.id === idea.id && i.status !== "found")).length;
      if (count > 0) missed.push({ questionId: q.id, question: q.question, ideaId: idea.id, idea: idea.idea, weight: idea.weight, missed: count, of: graded.length });
    }
  }
  missed.sort((a, b) => b.missed - a.missed || b.weight - a.weight);

  const lessons = new Map<string, ReviewLesson>();
  rows.forEach((row, index) => {
    const value = row.score ?? 0;
    if (value >= REVIEW_BELOW) return;
    const { slug, anchor } = questions[index]!.lesson;
    const key = `${slug}#${anchor}`;
    const entry = lessons.get(key) ?? { slug, anchor, questionIds: [], worst: 1 };
    if (!entry.questionIds.includes(row.questionId)) entry.questionIds.push(row.questionId);
    entry.worst = Math.min(entry.worst, value);
    lessons.set(key, entry);
  });

  return {
    score,
    total,
    answered: rows.filter((row) => row.score !== null).length,
    questions: rows,
    topics,
    missedIdeas: missed.slice(0, MISSED_IDEAS_SHOWN),
    lessons: [...lessons.values()].sort((a, b) => a.worst - b.worst),
  };
}

export type TrendPoint = { id: string; at: Date; score: number; total: number };

/** Past interviews' scores, oldest first, for the trend. */
export function mockTrend(points: readonly TrendPoint[]): TrendPoint[] {
  return [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
}
