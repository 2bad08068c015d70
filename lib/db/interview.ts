// The interview track's records: answers to questions (drilled or in a mock
// interview), "I did cover this" claims, and mock interviews. Queries only;
// the rules are in lib/interview.
import "server-only";
import { databaseReady, prisma } from "./client";
import { retryOnUniqueViolation } from "./uniqueViolation";

export type StoredInterviewAnswer = {
  id: string;
  questionId: string;
  answer: string;
  score: number;
  /** The grade as JSON (lib/interview/grading.ts InterviewGrade). */
  result: string;
  mockId: string | null;
  createdAt: Date;
  claims: string[];
};

const withClaims = { claims: { select: { ideaId: true }, orderBy: { createdAt: "asc" as const } } };

function toStored(row: {
  id: string;
  questionId: string;
  answer: string;
  score: number;
  result: string;
  mockId: string | null;
  createdAt: Date;
  claims: { ideaId: string }[];
}): StoredInterviewAnswer {
  return { ...row, claims: row.claims.map((claim) => claim.ideaId) };
}

async function ensureLearner(learnerId: string) {
  // One statement (Prisma's upsert reads, then creates: two first requests at once collide on PostgreSQL).
  await prisma.$executeRaw`INSERT INTO "Learner" ("id") VALUES (${learnerId}) ON CONFLICT ("id") DO NOTHING`;
}

export async function recordInterviewAnswer(input: { learnerId: string; questionId: string; answer: string; score: number; result: string }): Promise<StoredInterviewAnswer> {
  await databaseReady();
  await ensureLearner(input.learnerId);
  const row = await prisma.interviewAnswer.create({ data: { ...input, createdAt: new Date() }, include: withClaims });
  return toStored(row);
}

/** A learner's answers to one question, newest first. */
export async function answersToQuestion(learnerId: string, questionId: string): Promise<StoredInterviewAnswer[]> {
  await databaseReady();
  const rows = await prisma.interviewAnswer.findMany({ where: { learnerId, questionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: withClaims });
  return rows.map(toStored);
}

/** A learner's answers to any of these questions (for how often each idea was missed). */
export async function answersToQuestions(learnerId: string, questionIds: string[]): Promise<{ questionId: string; result: string }[]> {
  await databaseReady();
  return prisma.interviewAnswer.findMany({ where: { learnerId, questionId: { in: questionIds } }, select: { questionId: true, result: true } });
}

/** Each question's latest score and how many answers, for the browse page. */
export async function latestScores(learnerId: string): Promise<Map<string, { score: number; count: number }>> {
  await databaseReady();
  const rows = await prisma.interviewAnswer.findMany({ where: { learnerId }, orderBy: { createdAt: "desc" }, select: { questionId: true, score: true } });
  const latest = new Map<string, { score: number; count: number }>();
  for (const row of rows) {
    const entry = latest.get(row.questionId);
    if (entry) entry.count += 1;
    else latest.set(row.questionId, { score: row.score, count: 1 });
  }
  return latest;
}

export async function findOwnInterviewAnswer(learnerId: string, answerId: string): Promise<StoredInterviewAnswer | null> {
  await databaseReady();
  const row = await prisma.interviewAnswer.findFirst({ where: { id: answerId, learnerId }, include: withClaims });
  return row ? toStored(row) : null;
}

/** Stores "I did cover this" for one idea of an answer (idempotent); returns the answer's claims. */
export async function recordInterviewClaim(answerId: string, ideaId: string): Promise<string[]> {
  await databaseReady();
  await retryOnUniqueViolation(() => prisma.interviewClaim.upsert({ where: { answerId_ideaId: { answerId, ideaId } }, create: { answerId, ideaId }, update: {} }));
  const claims = await prisma.interviewClaim.findMany({ where: { answerId }, orderBy: { createdAt: "asc" }, select: { ideaId: true } });
  return claims.map((claim) => claim.ideaId);
}

// ---- Mock interviews ----

export type StoredMock = {
  id: string;
  topics: string[];
  questionIds: string[];
  secondsPerQuestion: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Answers by question index (the index of their question in questionIds). */
  answers: (StoredInterviewAnswer & { index: number })[];
};

type MockRow = {
  id: string;
  topics: string;
  questionIds: string;
  secondsPerQuestion: number;
  startedAt: Date;
  finishedAt: Date | null;
  answers: Parameters<typeof toStored>[0][];
};

function toMock(row: MockRow): StoredMock {
  const questionIds = JSON.parse(row.questionIds) as string[];
  return {
    id: row.id,
    topics: JSON.parse(row.topics) as string[],
    questionIds,
    secondsPerQuestion: row.secondsPerQuestion,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    answers: row.answers.map((answer) => ({ ...toStored(answer), index: questionIds.indexOf(answer.questionId) })),
  };
}

export async function createMock(input: { learnerId: string; topics: string[]; questionIds: string[]; secondsPerQuestion: number; startedAt: Date }): Promise<StoredMock> {
  await databaseReady();
  await ensureLearner(input.learnerId);
  const row = await prisma.mockInterview.create({
    data: {
      learnerId: input.learnerId,
      topics: JSON.stringify(input.topics),
      questionIds: JSON.stringify(input.questionIds),
      secondsPerQuestion: input.secondsPerQuestion,
      startedAt: input.startedAt,
    },
    include: { answers: { include: withClaims } },
  });
  return toMock(row);
}

export async function findOwnMock(learnerId: string, mockId: string): Promise<StoredMock | null> {
  await databaseReady();
  const row = await prisma.mockInterview.findFirst({ where: { id: mockId, learnerId }, include: { answers: { include: withClaims, orderBy: { createdAt: "asc" } } } });
  return row ? toMock(row) : null;
}

/**
 * Stores a mock interview's answer unless its question already has one or the
 * interview is finished, checked and written in one transaction so two
 * submissions racing each other store one answer.
 */
export async function recordMockAnswer(input: {
  learnerId: string;
  mockId: string;
  questionId: string;
  answer: string;
  score: number;
  result: string;
  createdAt: Date;
}): Promise<StoredInterviewAnswer | "answered" | "finished"> {
  await databaseReady();
  return prisma.$transaction(async (tx) => {
    const mock = await tx.mockInterview.findFirst({ where: { id: input.mockId, learnerId: input.learnerId }, select: { finishedAt: true } });
    if (!mock || mock.finishedAt) return "finished";
    if (await tx.interviewAnswer.findFirst({ where: { mockId: input.mockId, questionId: input.questionId }, select: { id: true } })) return "answered";
    const row = await tx.interviewAnswer.create({ data: input, include: withClaims });
    return toStored(row);
  });
}

/** Marks a mock interview finished; false when it already was (or is not the learner's). */
export async function finishMock(learnerId: string, mockId: string, at: Date): Promise<boolean> {
  await databaseReady();
  const updated = await prisma.mockInterview.updateMany({ where: { id: mockId, learnerId, finishedAt: null }, data: { finishedAt: at } });
  return updated.count === 1;
}

/** A learner's mock interviews, newest first. */
export async function listMocks(learnerId: string): Promise<StoredMock[]> {
  await databaseReady();
  const rows = await prisma.mockInterview.findMany({
    where: { learnerId },
    orderBy: { startedAt: "desc" },
    include: { answers: { include: withClaims } },
  });
  return rows.map(toMock);
}
