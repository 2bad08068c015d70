// Item analysis and misconception ranking: grouping by the grader's tag, idea
// or label; first-try share, attempts and time to solve; gradebook rows and sorting.
import { describe, expect, it } from "vitest";
import { assignmentResult } from "@/lib/teaching/assignmentScore";
import { buildGradebook, gradebookCsv, parseGradebookSort, sortGradebookRows, type GradebookAssignment } from "@/lib/teaching/gradebook";
import { analyseAssignments, formatDuration, median, mistakesOf, rankMistakes, type AnalysedAttempt } from "@/lib/teaching/itemAnalysis";
import { parseCsv } from "../../support/csvParse";

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 11, d, h));
const assignment: GradebookAssignment = { id: "a1", title: "Week 1", opensAt: day(1, 0), dueAt: day(8, 0), maxAttempts: null, counts: "best", latePolicy: "refuse", exerciseIds: ["x", "y"] };

const wrongItem = (label: string, extra: object = {}) => ({ label, correct: false, message: `why ${label}`, ...extra });
const attempt = (learnerId: string, exerciseId: string, score: number, at: Date, items: object[] = []): AnalysedAttempt => ({
  learnerId, exerciseId, score, credited: true, createdAt: at, feedback: { summary: score >= 1 ? "Right" : "Wrong", items, solution: "s" }, answer: {}, variantSeed: 1,
});

describe("grouping wrong answers", () => {
  it("uses the misconception tag, else a missing or denied idea, else the label, else the summary", () => {
    const tagged = mistakesOf({ items: [wrongItem("Option B", { misconception: { id: "time-wait-on-server", label: "Thinks the server waits" } })] });
    expect(tagged).toMatchObject([{ key: "misconception:time-wait-on-server", kind: "misconception", label: "Thinks the server waits", explanation: "why Option B" }]);
    const idea = mistakesOf({ items: [wrongItem("Idea A", { idea: { id: "a", status: "missing" } }), { label: "Idea B", correct: true, message: "", idea: { id: "b", status: "found" } }] });
    expect(idea.map((m) => m.key)).toEqual(["idea:a:missing"]);
    expect(mistakesOf({ items: [wrongItem("ACK flag"), { label: "note", correct: null, message: "" }] }).map((m) => m.key)).toEqual(["label:ACK flag"]);
    expect(mistakesOf({ summary: "Not quite.", items: [] }).map((m) => m.key)).toEqual(["summary:Not quite."]);
    expect(mistakesOf("not json")).toEqual([]);
  });
});

describe("item analysis", () => {
  const attempts = [
    // s1: right at once on x; s2: wrong twice (same mistake), right on the third, 2 h later; s3: wrong once.
    attempt("s1", "x", 1, day(2, 10)),
    attempt("s2", "x", 0, day(2, 10), [wrongItem("B", { misconception: { id: "m1", label: "M1" } })]),
    attempt("s2", "x", 0.5, day(2, 11), [wrongItem("B", { misconception: { id: "m1", label: "M1" } })]),
    attempt("s2", "x", 1, day(2, 12)),
    attempt("s3", "x", 0, day(3), [wrongItem("C")]),
    // Before the window: ignored by the analysis.
    attempt("s3", "x", 1, day(0)),
    // Not a student of the class.
    attempt("outsider", "x", 0, day(3), [wrongItem("C")]),
    attempt("s3", "y", 0, day(3), [wrongItem("D", { misconception: { id: "m1", label: "M1" } })]),
  ];
  const [analysis] = analyseAssignments([assignment], ["s1", "s2", "s3"], attempts);

  it("counts who tried, the first-try share, and the median attempts and time to solve", () => {
    const x = analysis!.exercises[0]!;
    expect(x).toMatchObject({ exerciseId: "x", tried: 3, solved: 2, medianAttemptsToSolve: 2 });
    expect(x.firstCorrectShare).toBeCloseTo(1 / 3);
    expect(x.medianTimeToSolveMs).toBe(3_600_000); // (0 + 2 h) / 2
    expect(x.mistakes.map((m) => [m.label, m.students, m.attempts])).toEqual([["M1", 1, 2], ["C", 1, 1]]);
    expect(analysis!.tried).toBe(3);
    expect(analysis!.exercises[1]).toMatchObject({ tried: 1, solved: 0, medianAttemptsToSolve: null });
  });

  it("ranks misconceptions across exercises by students, untagged mistakes per exercise", () => {
    const { misconceptions, untagged } = rankMistakes(["s1", "s2", "s3"], attempts);
    expect(misconceptions).toHaveLength(1);
    expect(misconceptions[0]).toMatchObject({ misconceptionId: "m1", students: 2, attempts: 3, exercises: [{ exerciseId: "x", students: 1 }, { exerciseId: "y", students: 1 }] });
    expect(untagged.map((u) => [u.label, u.students])).toEqual([["C", 1]]);
  });

  it("formats medians and durations", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(125 * 60_000)).toBe("2 h 5 min");
    expect(formatDuration(26 * 3_600_000)).toBe("1 d 2 h");
  });
});

describe("gradebook rows", () => {
  const students = [
    { userId: "u2", learnerId: "s2", email: "bea@example.com" },
    { userId: "u1", learnerId: "s1", email: "al@example.com" },
  ];
  const attempts = [
    { learnerId: "s1", exerciseId: "x", score: 1, credited: true, createdAt: day(2) },
    { learnerId: "s2", exerciseId: "x", score: 0.5, credited: true, createdAt: day(2) },
    { learnerId: "s2", exerciseId: "y", score: 1, credited: true, createdAt: day(9) }, // late, refused
  ];
  const gradebook = buildGradebook(students, [assignment], attempts, day(10));

  it("scores each cell with assignmentResult and totals the row", () => {
    for (const row of gradebook.rows) {
      const own = attempts.filter((a) => a.learnerId === row.student.learnerId);
      expect(row.cells[0]!.score).toBe(assignmentResult(assignment, assignment.exerciseIds, own, day(10)).score);
    }
    expect(gradebook.rows.map((r) => r.total)).toEqual([0.25, 0.5]);
  });

  it("sorts by name or score, either way, ties by name", () => {
    const ids = ["a1"];
    expect(sortGradebookRows(gradebook, parseGradebookSort("name", "asc", ids)).map((r) => r.student.email)).toEqual(["al@example.com", "bea@example.com"]);
    expect(sortGradebookRows(gradebook, parseGradebookSort("total", "asc", ids)).map((r) => r.student.email)).toEqual(["bea@example.com", "al@example.com"]);
    expect(sortGradebookRows(gradebook, parseGradebookSort("a:a1", "desc", ids)).map((r) => r.student.email)).toEqual(["al@example.com", "bea@example.com"]);
    expect(parseGradebookSort("a:nope", "sideways", ids)).toEqual({ by: "name", direction: "asc" });
  });

  it("writes one row per student and one column per assignment plus the total", () => {
    expect(parseCsv(gradebookCsv(gradebook).slice(1))).toEqual([
      ["student", "Week 1 (%)", "total (%)"],
      ["al@example.com", "50", "50"],
      ["bea@example.com", "25", "25"],
    ]);
  });
});
