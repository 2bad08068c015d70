// /teach/classes/<id>/analysis: item analysis per assignment and exercise
// (lib/teaching/itemAnalysis.ts): who tried, the share right at the first
// attempt, median attempts and time to solve, and the most common wrong
// answers grouped by the grader's misconception, idea or label, each with
// what the grader said and one answer as a student gave it.
import type { Metadata } from "next";
import { classAttemptsDetailed, classStudents, publishedAssignments } from "@/lib/db/gradebook";
import { answerDescriber, exerciseTitle } from "@/lib/teaching/answerText";
import { percent } from "@/lib/teaching/gradebook";
import { analyseAssignments, formatDuration } from "@/lib/teaching/itemAnalysis";
import { gradebookAccess } from "../_gradebook/access";
import { ClassResultsNav, KIND_LABEL, Refused, ScrollBox } from "../_gradebook/ClassResultsNav";
import { nulInPath } from "@/lib/http/pathParams";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Item analysis" };
export const dynamic = "force-dynamic";

const share = (value: number | null) => (value === null ? "—" : percent(value));
const num = (value: number | null) => (value === null ? "—" : Number.isInteger(value) ? String(value) : value.toFixed(1));

export default async function AnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (nulInPath(id)) notFound();
  const access = await gradebookAccess(id, `/teach/classes/${id}/analysis`);
  if (!access.ok) return <Refused message={access.message} />;
  const { cls } = access;
  const [students, assignments] = await Promise.all([classStudents(id), publishedAssignments(id)]);
  const attempts = await classAttemptsDetailed(id, students.map((s) => s.learnerId));
  const analyses = analyseAssignments(assignments, students.map((s) => s.learnerId), attempts);
  const describe = answerDescriber();
  const th = "border-b border-slate-300 px-3 py-2 text-left align-bottom font-semibold dark:border-slate-700";
  const td = "border-b border-slate-200 px-3 py-1.5 align-top dark:border-slate-800";

  return (
    <div>
      <ClassResultsNav cls={cls} current="analysis" title="Item analysis" />
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        Over the attempts of the class&apos;s {students.length} student{students.length === 1 ? "" : "s"} inside each assignment&apos;s window. Time to solve runs from a student&apos;s first attempt on the exercise to their first right one
        (nothing records when they first opened it), so a first-try solve takes 0 s.
      </p>
      {analyses.length === 0 ? <p className="mt-6">No assignment is published yet.</p> : null}
      {analyses.map((analysis) => (
        <section key={analysis.assignmentId} aria-labelledby={`a-${analysis.assignmentId}`} className="mt-10" data-testid={`analysis-${analysis.assignmentId}`}>
          <h2 id={`a-${analysis.assignmentId}`} className="text-2xl font-semibold break-words">{analysis.title}</h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            {analysis.tried} of {students.length} students tried it · right at the first attempt {share(analysis.firstCorrectShare)} · median attempts to solve {num(analysis.medianAttemptsToSolve)} · median time to solve{" "}
            {formatDuration(analysis.medianTimeToSolveMs)}
          </p>
          <ScrollBox label={`Exercises of ${analysis.title}`}>
            <table className="min-w-full border-separate border-spacing-0 text-sm">
              <thead>
                <tr>
                  <th scope="col" className={th}>Exercise</th>
                  <th scope="col" className={th}>Tried</th>
                  <th scope="col" className={th}>Right at first attempt</th>
                  <th scope="col" className={th}>Solved</th>
                  <th scope="col" className={th}>Median attempts to solve</th>
                  <th scope="col" className={th}>Median time to solve</th>
                </tr>
              </thead>
              <tbody>
                {analysis.exercises.map((exercise) => (
                  <tr key={exercise.exerciseId} data-testid={`analysis-row-${exercise.exerciseId}`}>
                    <th scope="row" className={`${td} text-left font-normal`}>{exerciseTitle(exercise.exerciseId)}</th>
                    <td className={`${td} tabular-nums`}>{exercise.tried}</td>
                    <td className={`${td} tabular-nums`}>{share(exercise.firstCorrectShare)}</td>
                    <td className={`${td} tabular-nums`}>{exercise.solved}</td>
                    <td className={`${td} tabular-nums`}>{num(exercise.medianAttemptsToSolve)}</td>
                    <td className={`${td} tabular-nums`}>{formatDuration(exercise.medianTimeToSolveMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          {analysis.exercises.map((exercise) =>
            exercise.mistakes.length === 0 ? null : (
              <details key={exercise.exerciseId} className="mt-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid={`mistakes-${exercise.exerciseId}`}>
                <summary className="cursor-pointer font-medium">
                  Most common wrong answers: {exerciseTitle(exercise.exerciseId)} ({exercise.mistakes.length})
                </summary>
                <ol className="mt-2 space-y-3 text-sm">
                  {exercise.mistakes.map((mistake) => (
                    <li key={mistake.key}>
                      <p>
                        <span className="font-semibold">{mistake.label}</span>{" "}
                        <span className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{KIND_LABEL[mistake.kind]}</span> · {mistake.students} student{mistake.students === 1 ? "" : "s"},{" "}
                        {mistake.attempts} attempt{mistake.attempts === 1 ? "" : "s"}
                      </p>
                      {mistake.explanation ? <p className="mt-0.5 text-slate-700 dark:text-slate-300">{mistake.explanation}</p> : null}
                      <p className="mt-1 text-slate-600 dark:text-slate-400">For example:</p>
                      <ul className="font-mono text-[0.85rem] break-words whitespace-pre-wrap">
                        {describe(mistake.example.exerciseId, mistake.example.variantSeed, mistake.example.answer).map((line, k) => (
                          <li key={k}>{line}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ol>
              </details>
            ),
          )}
        </section>
      ))}
    </div>
  );
}
