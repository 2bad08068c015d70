// /teach/classes/<id>/gradebook/<studentId>/<assignmentId>: one gradebook
// cell opened: the student's attempts on the assignment's exercises, each with
// the answer as given (describeAnswer), the feedback they got, its time in the
// class's zone, and whether the assignment's policy counts it (the same
// itemResult the score comes from).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { classStudents, learnerAttemptsOn, publishedAssignments, type DetailedAttempt } from "@/lib/db/gradebook";
import { answerDescriber, exerciseTitle } from "@/lib/teaching/answerText";
import { assignmentResult, inWindow, type ItemResult } from "@/lib/teaching/assignmentScore";
import { formatInZone } from "@/lib/teaching/classTime";
import { percent, type GradebookAssignment } from "@/lib/teaching/gradebook";
import { mistakesOf } from "@/lib/teaching/itemAnalysis";
import { gradebookAccess } from "../../../_gradebook/access";
import { ClassResultsNav, Refused } from "../../../_gradebook/ClassResultsNav";
import { nulInPath } from "@/lib/http/pathParams";

export const metadata: Metadata = { title: "Attempts" };
export const dynamic = "force-dynamic";

function policyText(a: GradebookAssignment, zone: string): string {
  const attempts = a.maxAttempts === null ? "every attempt counts" : `the first ${a.maxAttempts} attempt${a.maxAttempts === 1 ? "" : "s"} per exercise count`;
  const late = a.latePolicy === "accept" ? "late work is accepted and marked late" : "nothing after the due time counts";
  return `Open ${formatInZone(a.opensAt, zone)}, due ${formatInZone(a.dueAt, zone)}; ${attempts}, the ${a.counts} one gives the score; ${late}.`;
}

/** Why an attempt does or does not count, in words. */
function countText(a: GradebookAssignment, item: ItemResult, attempt: DetailedAttempt): string {
  if (item.counted.some((c) => c === attempt)) {
    const late = attempt.createdAt.getTime() > a.dueAt.getTime() ? ", late" : "";
    return attempt.credited ? `counts${late}` : `counts as 0${late}: made after seeing the answer`;
  }
  if (attempt.createdAt.getTime() < a.opensAt.getTime()) return "does not count: before the assignment opened";
  if (!inWindow(a, attempt.createdAt)) return "does not count: after the due time";
  return "does not count: over the attempt limit";
}

function feedbackSummary(feedback: unknown): { summary: string; wrong: string[] } {
  const summary = typeof feedback === "object" && feedback !== null && typeof (feedback as { summary?: unknown }).summary === "string" ? (feedback as { summary: string }).summary : "";
  return { summary, wrong: mistakesOf(feedback).filter((m) => m.kind !== "summary").map((m) => m.label) };
}

export default async function AttemptsPage({ params }: { params: Promise<{ id: string; studentId: string; assignmentId: string }> }) {
  const { id, studentId, assignmentId } = await params;
  if (nulInPath(id, studentId, assignmentId)) notFound();
  const access = await gradebookAccess(id, `/teach/classes/${id}/gradebook/${studentId}/${assignmentId}`);
  if (!access.ok) return <Refused message={access.message} />;
  const { cls } = access;
  const [students, assignments] = await Promise.all([classStudents(id), publishedAssignments(id)]);
  const student = students.find((s) => s.userId === studentId);
  const assignment = assignments.find((a) => a.id === assignmentId);
  if (!student || !assignment) notFound();
  const attempts = await learnerAttemptsOn(student.learnerId, assignment.exerciseIds);
  const result = assignmentResult(assignment, assignment.exerciseIds, attempts, new Date());
  const describe = answerDescriber();
  const zone = cls.timeZone;

  return (
    <div>
      <ClassResultsNav cls={cls} current={null} title={`${student.email}: ${assignment.title}`} />
      <p className="mt-4">
        <Link href={`/teach/classes/${id}/gradebook`} className="text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300">← Back to the gradebook</Link>
      </p>
      <p className="mt-3 text-slate-700 dark:text-slate-300">{policyText(assignment, zone)}</p>
      <p className="mt-2 text-lg" data-testid="assignment-score">
        Score <strong>{percent(result.score)}</strong>
        {result.late ? <span className="ml-2 rounded bg-amber-100 px-1 text-sm font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">late</span> : null}
      </p>
      {result.items.map((item) => {
        const own = attempts.filter((a) => a.exerciseId === item.exerciseId);
        return (
          <section key={item.exerciseId} aria-labelledby={`exercise-${item.exerciseId}`} className="mt-8" data-testid={`attempts-${item.exerciseId}`}>
            <h2 id={`exercise-${item.exerciseId}`} className="text-xl font-semibold break-words">{exerciseTitle(item.exerciseId)}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Score {percent(item.score)}
              {item.late ? " (late)" : ""} · {item.counted.length} counted attempt{item.counted.length === 1 ? "" : "s"}
              {item.overLimit ? ` · ${item.overLimit} over the limit` : ""} · {own.length} in all
            </p>
            {own.length === 0 ? (
              <p className="mt-2 text-slate-700 dark:text-slate-300">No attempts.</p>
            ) : (
              <ol className="mt-3 space-y-3">
                {own.map((attempt, index) => {
                  const { summary, wrong } = feedbackSummary(attempt.feedback);
                  return (
                    <li key={attempt.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                      <p className="flex flex-wrap gap-x-3 text-sm">
                        <span className="font-semibold">Attempt {index + 1}</span>
                        <time dateTime={attempt.createdAt.toISOString()}>{formatInZone(attempt.createdAt, zone)}</time>
                        <span>score {percent(attempt.score)}</span>
                        {attempt.hintsUsed ? <span>{attempt.hintsUsed} hint{attempt.hintsUsed === 1 ? "" : "s"}</span> : null}
                        <span className="text-slate-700 dark:text-slate-300">{countText(assignment, item, attempt)}</span>
                      </p>
                      <div className="mt-2 text-sm">
                        <p className="font-medium">Answer</p>
                        <ul className="mt-1 list-none space-y-0.5 font-mono text-[0.85rem] break-words whitespace-pre-wrap">
                          {describe(attempt.exerciseId, attempt.variantSeed, attempt.answer).map((line, k) => (
                            <li key={k}>{line}</li>
                          ))}
                        </ul>
                      </div>
                      {summary || wrong.length ? (
                        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                          Feedback: {summary}
                          {wrong.length ? ` Wrong: ${wrong.join("; ")}.` : ""}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
