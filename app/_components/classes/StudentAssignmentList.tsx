// A student's assignments with due dates ("due in 2 days"), status and score
// so far: on /classes, a class's page and the dashboard.
import Link from "next/link";
import type { AssignmentResult } from "@/lib/teaching/assignmentScore";
import { percent, STATUS_LABEL } from "@/lib/teaching/assignmentProgress";
import { dueText, formatInZone } from "@/lib/teaching/classTime";
import { linkClass, mutedClass } from "./ui";

export type ListedAssignment = {
  id: string;
  classId: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  exerciseIds: string[];
  timeZone: string;
  className?: string;
  result: AssignmentResult;
};

const STATUS_STYLE = {
  "not-started": "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  "in-progress": "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100",
  done: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  late: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
} as const;

export function StudentAssignmentList({ assignments, now, headingLevel = 3 }: { assignments: ListedAssignment[]; now: Date; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="mt-3 space-y-3">
      {assignments.map((a) => (
        <li key={a.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid={`assignment-${a.id}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <Heading className="text-lg font-semibold break-words">
              <Link href={`/classes/${a.classId}/assignments/${a.id}`} className={linkClass}>{a.title}</Link>
            </Heading>
            <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[a.result.status]}`} data-testid="assignment-status">
              {STATUS_LABEL[a.result.status]}
            </span>
          </div>
          <p className="mt-1">
            <span className="font-medium" data-testid="assignment-due">{dueText(a.opensAt, a.dueAt, now)}</span>
            <span className={mutedClass}> · {formatInZone(a.dueAt, a.timeZone)}</span>
          </p>
          <p className={mutedClass}>
            {a.className ? `${a.className} · ` : ""}
            {a.exerciseIds.length} exercise{a.exerciseIds.length === 1 ? "" : "s"} · score so far <span data-testid="assignment-score">{percent(a.result.score)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
