// /classes/<id>: a student's view of one class: its published assignments
// with their status and score, and a way to leave. Instructors go to /teach.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { assignmentsOf, classRoleOf, findClass } from "@/lib/db/classes";
import { may } from "@/lib/teaching/classPermissions";
import { resultsFor } from "@/lib/teaching/classServices";
import { ApiButton } from "@/app/_components/classes/ApiButton";
import { StudentAssignmentList } from "@/app/_components/classes/StudentAssignmentList";
import { dangerButtonClass, linkClass, mutedClass } from "@/app/_components/classes/ui";
import { nulInPath } from "@/lib/http/pathParams";

export const metadata: Metadata = { title: "Class" };
export const dynamic = "force-dynamic";

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (nulInPath(id)) notFound();
  const identity = await identify(await cookies());
  if (!identity.user) redirect(`/login?next=${encodeURIComponent(`/classes/${id}`)}`);
  const role = await classRoleOf(identity.user.id, id);
  if (may(role, "teach")) redirect(`/teach/classes/${id}`);
  const cls = role ? await findClass(id) : null;
  if (!cls || !may(role, "study")) notFound();
  const now = new Date();
  const assignments = await assignmentsOf(id, { includeDrafts: false });
  const results = await resultsFor(identity.learnerId, assignments, now);

  return (
    <div>
      <p className={mutedClass}><Link href="/classes" className={linkClass}>Your classes</Link> / {cls.name}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{cls.name}</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{cls.term} · times shown in {cls.timeZone}</p>
      <section aria-labelledby="assignments-heading" className="mt-8">
        <h2 id="assignments-heading" className="text-xl font-semibold">Assignments</h2>
        {assignments.length === 0 ? (
          <p className={`mt-2 ${mutedClass}`}>No assignments yet.</p>
        ) : (
          <StudentAssignmentList now={now} assignments={assignments.map((a) => ({ ...a, timeZone: cls.timeZone, result: results.get(a.id)! }))} />
        )}
      </section>
      <section aria-labelledby="leave-heading" className="mt-10">
        <h2 id="leave-heading" className="text-xl font-semibold">Leave the class</h2>
        <p className={`mt-1 ${mutedClass}`}>Your attempts stay in your account; you can join again with the code.</p>
        <div className="mt-2">
          <ApiButton method="POST" url={`/api/classes/${id}/leave`} label="Leave class" confirm={`Leave ${cls.name}?`} then="/classes" className={dangerButtonClass} />
        </div>
      </section>
    </div>
  );
}
