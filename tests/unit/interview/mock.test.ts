// The mock interview's clock, its answer rules and its report.
import { describe, expect, it } from "vitest";
import { gradeInterviewAnswer } from "@/lib/interview/grading";
import { acceptedUntil, checkMockAnswer, deadlineOf, GRACE_SECONDS, isOver, mockPhase, mockReport, mockTrend, type MockTimes } from "@/lib/interview/mock";
import { copyOf, fixtureBank, PARTIAL_ANSWER, RIGHT_ANSWER } from "../../support/interviewFixtures";

const start = new Date("2026-12-01T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const mock = (answered: number[] = [], finishedAt: Date | null = null): MockTimes => ({ startedAt: start, secondsPerQuestion: 60, questionCount: 3, finishedAt, answered: new Set(answered) });

describe("the clock", () => {
  it("fixes each question's time at the start: question i is due at start + 60 s × (i + 1), with 5 s of grace", () => {
    expect(deadlineOf(start, 60, 0)).toEqual(at(60));
    expect(deadlineOf(start, 60, 2)).toEqual(at(180));
    expect(acceptedUntil(start, 60, 0)).toEqual(at(60 + GRACE_SECONDS));
  });

  it("asks the first question neither answered nor out of time", () => {
    expect(mockPhase(mock(), at(10))).toEqual({ status: "running", index: 0, deadline: at(60) });
    expect(mockPhase(mock([0]), at(10))).toMatchObject({ index: 1, deadline: at(120) });
    expect(mockPhase(mock(), at(64))).toMatchObject({ index: 0 }); // in the grace
    expect(mockPhase(mock(), at(66))).toMatchObject({ index: 1 }); // question 1 went unanswered
    expect(mockPhase(mock([0, 1, 2]), at(10))).toEqual({ status: "over" });
    expect(isOver(mock(), at(186))).toBe(true);
    expect(isOver(mock([], at(5)), at(6))).toBe(true);
  });
});

describe("checkMockAnswer", () => {
  it("accepts the current question until its time and the grace are up", () => {
    expect(checkMockAnswer(mock(), 0, at(1))).toEqual({ ok: true });
    expect(checkMockAnswer(mock(), 0, at(65))).toEqual({ ok: true });
  });

  it("refuses a late answer, saying it counts as unanswered", () => {
    const late = checkMockAnswer(mock(), 0, at(70));
    expect(late).toMatchObject({ ok: false, reason: "late" });
    expect(!late.ok && late.message).toMatch(/Time was up for question 1 10 s ago.*unanswered/);
  });

  it("refuses a second answer, an answer out of order, a question that does not exist, and any answer once finished", () => {
    expect(checkMockAnswer(mock([0]), 0, at(5))).toMatchObject({ ok: false, reason: "answered" });
    expect(checkMockAnswer(mock(), 1, at(5))).toMatchObject({ ok: false, reason: "not-yet" });
    expect(checkMockAnswer(mock(), 3, at(5))).toMatchObject({ ok: false, reason: "no-such-question" });
    expect(checkMockAnswer(mock(), -1, at(5))).toMatchObject({ ok: false, reason: "no-such-question" });
    expect(checkMockAnswer(mock([], at(4)), 0, at(5))).toMatchObject({ ok: false, reason: "finished" });
  });
});

describe("mockReport", () => {
  const questions = [fixtureBank[0]!, copyOf("close-1", "close"), copyOf("close-2", "close")];
  const right = gradeInterviewAnswer(questions[0]!, RIGHT_ANSWER);
  const partial = gradeInterviewAnswer(questions[1]!, PARTIAL_ANSWER);
  const answers = new Map([
    [0, { id: "a0", grade: right }],
    [1, { id: "a1", grade: { ...partial, score: 0.4 } }],
  ]);

  it("scores each topic (unanswered questions count 0) and the whole", () => {
    const report = mockReport(questions, answers, []);
    expect(report.total).toBe(3);
    expect(report.answered).toBe(2);
    expect(report.score).toBe(Math.round(((right.score + 0.4) / 3) * 100) / 100);
    expect(report.topics).toEqual([
      { topic: "close", name: "The four-way close", questions: 2, answered: 1, score: 0.2 },
      { topic: "time-wait", name: "TIME-WAIT and 2MSL", questions: 1, answered: 1, score: right.score },
    ]);
    expect(report.questions[2]).toMatchObject({ questionId: "close-2", score: null });
    expect(report.questions[0]).toMatchObject({ answerId: "a0" });
  });

  it("ranks the ideas missed most over the learner's answers, heaviest first on a tie", () => {
    const history = [
      { questionId: "close-1", grade: partial },
      { questionId: "close-1", grade: partial },
      { questionId: "why-time-wait-2msl", grade: right },
      { questionId: "why-time-wait-2msl", grade: partial },
    ];
    const report = mockReport(questions, answers, history);
    expect(report.missedIdeas[0]).toMatchObject({ questionId: "close-1", ideaId: "lost-final-ack", missed: 2, of: 2 });
    expect(report.missedIdeas.slice(0, 3).map((m) => m.ideaId)).toEqual(["lost-final-ack", "old-duplicates", "linux-60s"]);
    expect(report.missedIdeas.find((m) => m.questionId === "why-time-wait-2msl")).toMatchObject({ missed: 1, of: 2 });
    expect(report.missedIdeas.length).toBeLessThanOrEqual(8);
  });

  it("lists the lesson sections to review for questions below 80%, worst first, once per section", () => {
    const report = mockReport(questions, answers, []);
    expect(report.lessons).toEqual([{ slug: "time-wait", anchor: questions[0]!.lesson.anchor, questionIds: ["close-1", "close-2"], worst: 0 }]);
  });
});

describe("mockTrend", () => {
  it("orders past interviews oldest first", () => {
    const points = [
      { id: "b", at: at(100), score: 0.5, total: 5 },
      { id: "a", at: at(0), score: 0.2, total: 5 },
    ];
    expect(mockTrend(points).map((p) => p.id)).toEqual(["a", "b"]);
  });
});
