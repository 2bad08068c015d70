// /teach/classes/<id>/assignments/<assignmentId>/edit: the assignment editor, filled in.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findAssignment } from "@/lib/db/classes";
import { utcToLocalInput } from "@/lib/teaching/classTime";
import { catalogForEditor } from "@/lib/teaching/classServices";
import { AssignmentEditor } from "@/app/_components/classes/AssignmentEditor";
import { classForTeacher } from "@/app/_components/classes/teachingPage";
import { linkClass, mutedClass } from "@/app/_components/classes/ui";
import { nulInPath } from "@/lib/http/pathParams";

export const metadata: Metadata = { title: "Edit assignment" };
export const dynamic = "force-dynamic";

export default async function EditAssignmentPage({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const { id, assignmentId } = await params;
  if (nulInPath(id, assignmentId)) notFound();
  const { cls } = await classForTeacher(id, "manage-assignments", `/teach/classes/${id}/assignments/${assignmentId}/edit`);
  const assignment = await findAssignment(id, assignmentId);
  if (!assignment) notFound();
  const lessons = await catalogForEditor();
  return (
    <div>
      <p className={mutedClass}>
        <Link href="/teach" className={linkClass}>Teach</Link> / <Link href={`/teach/classes/${id}`} className={linkClass}>{cls.name}</Link> / Edit
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">Edit “{assignment.title}”</h1>
      <p className={`mt-1 ${mutedClass}`}>{assignment.publishedAt ? "Published: students see changes at once, and their scores follow the new policy." : "Draft: students do not see it yet."}</p>
      <AssignmentEditor
        classId={id}
        assignmentId={assignmentId}
        timeZone={cls.timeZone}
        lessons={lessons}
        published={assignment.publishedAt !== null}
        initial={{
          title: assignment.title,
          exerciseIds: assignment.exerciseIds,
          opensAt: utcToLocalInput(assignment.opensAt, cls.timeZone),
          dueAt: utcToLocalInput(assignment.dueAt, cls.timeZone),
          maxAttempts: assignment.maxAttempts,
          counts: assignment.counts,
          latePolicy: assignment.latePolicy,
        }}
      />
    </div>
  );
}
