// /teach/classes/<id>/assignments/new: the assignment editor, empty.
import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { utcToLocalInput } from "@/lib/teaching/classTime";
import { catalogForEditor } from "@/lib/teaching/classServices";
import { AssignmentEditor } from "@/app/_components/classes/AssignmentEditor";
import { classForTeacher } from "@/app/_components/classes/teachingPage";
import { linkClass, mutedClass } from "@/app/_components/classes/ui";
import { nulInPath } from "@/lib/http/pathParams";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "New assignment" };
export const dynamic = "force-dynamic";

export default async function NewAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (nulInPath(id)) notFound();
  const { cls } = await classForTeacher(id, "manage-assignments", `/teach/classes/${id}/assignments/new`);
  const lessons = await catalogForEditor();
  // Opens now; due a week later at 23:59 in the class's zone.
  const now = DateTime.now().setZone(cls.timeZone).startOf("minute");
  const due = now.plus({ days: 7 }).set({ hour: 23, minute: 59 });
  return (
    <div>
      <p className={mutedClass}>
        <Link href="/teach" className={linkClass}>Teach</Link> / <Link href={`/teach/classes/${id}`} className={linkClass}>{cls.name}</Link> / New assignment
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">New assignment</h1>
      <AssignmentEditor
        classId={id}
        timeZone={cls.timeZone}
        lessons={lessons}
        published={false}
        initial={{ title: "", exerciseIds: [], opensAt: utcToLocalInput(now.toJSDate(), cls.timeZone), dueAt: utcToLocalInput(due.toJSDate(), cls.timeZone), maxAttempts: null, counts: "best", latePolicy: "refuse" }}
      />
    </div>
  );
}
