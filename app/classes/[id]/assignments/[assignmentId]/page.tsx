// /classes/<id>/assignments/<assignmentId>: a student's assignment: its
// exercises (the same component as the lessons), and per exercise the
// attempts that count, whether further ones are practice, and late marks.
// Scores come from assignmentResult() over the student's stored attempts.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { classRoleOf, findAssignment, findClass } from "@/lib/db/classes";
import { attemptsText, itemProgress, percent, practiceText, STATUS_LABEL } from "@/lib/teaching/assignmentProgress";
import { may } from "@/lib/teaching/classPermissions";
import { dueText, formatInZone } from "@/lib/teaching/classTime";
import { exerciseTitle, resultsFor } from "@/lib/teaching/classServices";
import { Exercise } from "@/app/_components/Exercise";
import { RefreshAfterAttempt } from "@/app/_components/classes/RefreshAfterAttempt";
import { linkClass, mutedClass } from "@/app/_components/classes/ui";
import { nulInPath } from "@/lib/http/pathParams";

export const metadata: Metadata = { title: "Assignment" };
export const dynamic = "force-dynamic";

export default async function AssignmentPage({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const { id, assignmentId } = await params;
  if (nulInPath(id, assignmentId)) notFound();
  const identity = await identify(await cookies());
  if (!identity.user) redirect(`/login?next=${encodeURIComponent(`/classes/${id}/assignments/${assignmentId}`)}`);
  const role = await classRoleOf(identity.user.id, id);
  if (may(role, "teach")) redirect(`/teach/classes/${id}/assignments/${assignmentId}/edit`);
  const cls = role && may(role, "study") ? await findClass(id) : null;
  const assignment = cls ? await findAssignment(id, assignmentId) : null;
  if (!cls || !assignment || !assignment.publishedAt) notFound();
  const now = new Date();
  const result = (await resultsFor(identity.learnerId, [assignment], now)).get(assignment.id)!;
  const policy = assignment;

  return (
    <div>
      <p className={mutedClass}>
        <Link href="/classes" className={linkClass}>Your classes</Link> / <Link href={`/classes/${id}`} className={linkClass}>{cls.name}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{assignment.title}</h1>
      <div className="mt-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="assignment-summary">
        <p>
          <span className="font-semibold" data-testid="assignment-status">{STATUS_LABEL[result.status]}</span> · score so far{" "}
          <span className="font-semibold" data-testid="assignment-score">{percent(result.score)}</span>
          {result.late ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">late</span> : null}
        </p>
        <p className="mt-1">
          <span data-testid="assignment-due">{dueText(assignment.opensAt, assignment.dueAt, now)}</span>
          <span className={mutedClass}> · opens {formatInZone(assignment.opensAt, cls.timeZone)} · due {formatInZone(assignment.dueAt, cls.timeZone)}</span>
        </p>
        <p className={`mt-1 ${mutedClass}`}>
          {policy.maxAttempts === null ? "Every attempt in the window counts" : `The first ${policy.maxAttempts} attempt${policy.maxAttempts === 1 ? "" : "s"} per exercise in the window count`}
          ; the {policy.counts === "best" ? "best" : "last"} of them gives the exercise&apos;s score.{" "}
          {policy.latePolicy === "accept" ? "Work after the due time still counts, marked late." : "Work after the due time does not count."} Attempts in the lesson count too.
        </p>
      </div>
      <ol className="mt-8 space-y-10">
        {result.items.map((item, index) => {
          const progress = itemProgress(policy, item, now);
          const practice = practiceText(progress.practiceReason);
          return (
            <li key={item.exerciseId} data-testid={`assignment-item-${item.exerciseId}`}>
              <h2 className="text-xl font-semibold break-words">
                {index + 1}. {exerciseTitle(item.exerciseId)}
              </h2>
              <p className="mt-1" data-testid="item-progress">
                {attemptsText(progress)} · score {percent(progress.score)}
                {progress.solved ? " · solved" : ""}
                {progress.late ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">late</span> : null}
              </p>
              {progress.lateAttempts > 0 ? <p className={mutedClass}>{progress.lateAttempts} counted attempt{progress.lateAttempts === 1 ? "" : "s"} after the due time (late).</p> : null}
              {progress.overLimit > 0 ? <p className={mutedClass}>{progress.overLimit} attempt{progress.overLimit === 1 ? "" : "s"} beyond the limit did not count.</p> : null}
              {practice ? (
                <p className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="practice-note">{practice}</p>
              ) : null}
              <div className="mt-3">
                <RefreshAfterAttempt>
                  <Exercise id={item.exerciseId} title={exerciseTitle(item.exerciseId)} />
                </RefreshAfterAttempt>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
