// Grading an interview answer into the result the learner reads.
import { describe, expect, it } from "vitest";
import { answerBytes, gradeInterviewAnswer, gradeSummary, isTooLong, MAX_ANSWER_BYTES, parseGrade } from "@/lib/interview/grading";
import { baseQuestion, PARTIAL_ANSWER, RIGHT_ANSWER } from "../../support/interviewFixtures";

describe("gradeInterviewAnswer", () => {
  it("finds every key idea of the model answer", () => {
    const grade = gradeInterviewAnswer(baseQuestion, RIGHT_ANSWER);
    expect(grade.score).toBeGreaterThanOrEqual(0.9);
    expect(grade.empty).toBe(false);
    expect(grade.ideas.map((idea) => idea.id)).toEqual(baseQuestion.rubric.ideas.map((idea) => idea.id));
    expect(grade.ideas.every((idea) => idea.status === "found")).toBe(true);
    expect(grade.misconceptions).toEqual([]);
  });

  it("names the ideas missing and the misconceptions stated, with why they are wrong", () => {
    const grade = gradeInterviewAnswer(baseQuestion, PARTIAL_ANSWER);
    expect(grade.ideas.find((idea) => idea.id === "active-closer")?.status).toBe("found");
    expect(grade.ideas.find((idea) => idea.id === "lost-final-ack")?.status).toBe("missing");
    expect(grade.misconceptions).toHaveLength(1);
    expect(grade.misconceptions[0]).toMatchObject({ id: "fin-timeout-sets-time-wait", label: expect.any(String), whyWrong: expect.stringContaining("FIN-WAIT-2") });
    expect(grade.score).toBe(0); // one idea of weight 1 found, one misconception of weight 1 stated
    expect(gradeSummary(grade)).toBe("1 of 4 key ideas found, 1 misconception stated.");
  });

  it("reports a denied idea as contradicted", () => {
    const grade = gradeInterviewAnswer(baseQuestion, "The active closer does not hold it. Linux never keeps it for 60 seconds.");
    expect(grade.ideas.find((idea) => idea.id === "linux-60s")?.status).toBe("contradicted");
  });

  it("grades an empty or blank answer as empty: score 0, every idea missing", () => {
    for (const text of ["", "   \n\t "]) {
      const grade = gradeInterviewAnswer(baseQuestion, text);
      expect(grade).toMatchObject({ score: 0, empty: true, misconceptions: [] });
      expect(grade.ideas.every((idea) => idea.status === "missing")).toBe(true);
      expect(gradeSummary(grade)).toMatch(/No answer/);
    }
  });

  it("grades a list of terms 0 and says why", () => {
    const grade = gradeInterviewAnswer(baseQuestion, "active closer, final ack lost, old segments, 60 seconds, tcp_timewait_len");
    expect(grade.salad).toBe(true);
    expect(grade.score).toBe(0);
    expect(gradeSummary(grade)).toMatch(/list of terms/);
  });
});

describe("the 4 KB limit", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(answerBytes("é")).toBe(2);
    expect(isTooLong("a".repeat(MAX_ANSWER_BYTES))).toBe(false);
    expect(isTooLong("a".repeat(MAX_ANSWER_BYTES + 1))).toBe(true);
    expect(isTooLong("é".repeat(MAX_ANSWER_BYTES / 2 + 1))).toBe(true);
  });
});

describe("parseGrade", () => {
  it("reads a stored grade back, and an unreadable one as every idea missing", () => {
    const grade = gradeInterviewAnswer(baseQuestion, RIGHT_ANSWER);
    expect(parseGrade(JSON.stringify(grade), baseQuestion)).toEqual(grade);
    const broken = parseGrade("{", baseQuestion);
    expect(broken.score).toBe(0);
    expect(broken.ideas.every((idea) => idea.status === "missing")).toBe(true);
  });
});
