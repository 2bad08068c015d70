// /teach/classes/<id>/gradebook: students by published assignments, each cell
// the student's score under the assignment's policy (lib/teaching/gradebook.ts
// on assignmentResult), late marked, a total; sorted by name or score with
// plain links (server-rendered, so sorting works without JavaScript and from
// the keyboard). A cell opens that student's attempts on that assignment.
// For 300 students: the header row and the student column stay put while the
// table scrolls inside its own box, which says it scrolls and takes focus.
import type { Metadata } from "next";
import Link from "next/link";
import { classGradebook } from "@/lib/teaching/classExports";
import { parseGradebookSort, percent, sortGradebookRows, sortParam, type GradebookCell, type GradebookSort } from "@/lib/teaching/gradebook";
import { gradebookAccess } from "../_gradebook/access";
import { ClassResultsNav, Refused, ScrollBox } from "../_gradebook/ClassResultsNav";
import { nulInPath } from "@/lib/http/pathParams";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Gradebook" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function SortLink({ base, sort, by, label, description }: { base: string; sort: GradebookSort; by: GradebookSort["by"]; label: string; description: string }) {
  const active = sortParam(sort.by) === sortParam(by);
  // Clicking the active column flips it; a score column starts highest first, the name column A to Z.
  const direction = active ? (sort.direction === "asc" ? "desc" : "asc") : by === "name" ? "asc" : "desc";
  const arrow = active ? (sort.direction === "asc" ? "▲" : "▼") : "";
  return (
    <Link
      href={`${base}?sort=${encodeURIComponent(sortParam(by))}&dir=${direction}`}
      className="inline-flex items-baseline gap-1 text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300"
      aria-label={`Sort by ${description}, ${direction === "asc" ? (by === "name" ? "A to Z" : "lowest first") : by === "name" ? "Z to A" : "highest first"}`}
    >
      <span>{label}</span>
      {arrow ? <span aria-hidden="true">{arrow}</span> : null}
    </Link>
  );
}

function cellText(cell: GradebookCell): string {
  // No counted attempt: nothing handed in under the policy (the status may say "late" once the due time has passed).
  return cell.counted === 0 ? "nothing counted yet" : `${percent(cell.score)}${cell.late ? ", late" : ""}`;
}

export default async function GradebookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { id } = await params;
  if (nulInPath(id)) notFound();
  const base = `/teach/classes/${id}/gradebook`;
  const access = await gradebookAccess(id, base);
  if (!access.ok) return <Refused message={access.message} />;
  const { cls } = access;
  const gradebook = await classGradebook(id);
  const query = await searchParams;
  const sort = parseGradebookSort(first(query.sort), first(query.dir), gradebook.assignments.map((a) => a.id));
  const rows = sortGradebookRows(gradebook, sort);
  const sortedBy =
    sort.by === "name" ? "student" : sort.by === "total" ? "total" : (gradebook.assignments.find((a) => a.id === (sort.by as { assignmentId: string }).assignmentId)?.title ?? "");

  // The sticky cells need an opaque background, or scrolled cells show through them.
  const stickyBg = "bg-white dark:bg-slate-950";
  const th = "border-b border-slate-300 px-3 py-2 text-left align-bottom font-semibold dark:border-slate-700";
  const td = "border-b border-slate-200 px-3 py-1.5 dark:border-slate-800";

  return (
    <div>
      <ClassResultsNav cls={cls} current="gradebook" title="Gradebook" />
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        {rows.length} student{rows.length === 1 ? "" : "s"} · {gradebook.assignments.length} published assignment{gradebook.assignments.length === 1 ? "" : "s"} (drafts are not graded here). Each score follows its
        assignment&apos;s window, attempt limit, best or last attempt and late policy; the total weighs every assignment the same. Sorted by {sortedBy},{" "}
        {sort.direction === "asc" ? "ascending" : "descending"}.
      </p>
      {rows.length === 0 || gradebook.assignments.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="gradebook-empty">
          {rows.length === 0 ? "No students have joined yet." : "No assignment is published yet."} The gradebook fills in as students work.
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" id="gradebook-hint">
            The table scrolls inside its box, sideways and down{gradebook.assignments.length > 2 ? " (→ more assignments to the right)" : ""}; the header row and the student column stay in view. Select a score to see that
            student&apos;s attempts.
          </p>
          <ScrollBox label={`Gradebook of ${cls.name}`} describedBy="gradebook-hint" className="max-h-[75vh]" testId="gradebook-scroll">
            <table className="min-w-full border-separate border-spacing-0 text-sm" data-testid="gradebook">
              <caption className="sr-only">
                Gradebook of {cls.name}: one row per student, one column per published assignment, then the total
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={`${th} ${stickyBg} sticky top-0 left-0 z-30 min-w-[9rem] sm:min-w-[12rem] border-r`}>
                    <SortLink base={base} sort={sort} by="name" label="Student" description="student email" />
                  </th>
                  {gradebook.assignments.map((assignment) => (
                    <th key={assignment.id} scope="col" className={`${th} ${stickyBg} sticky top-0 z-20 min-w-[7rem] max-w-[12rem]`}>
                      <SortLink base={base} sort={sort} by={{ assignmentId: assignment.id }} label={assignment.title} description={`score on ${assignment.title}`} />
                    </th>
                  ))}
                  <th scope="col" className={`${th} ${stickyBg} sticky top-0 z-20 min-w-[6rem]`}>
                    <SortLink base={base} sort={sort} by="total" label="Total" description="total score" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.student.userId} data-testid={`gradebook-row-${row.student.email}`}>
                    <th scope="row" className={`${td} ${stickyBg} sticky left-0 z-10 border-r text-left font-normal break-all`}>
                      {row.student.email}
                    </th>
                    {row.cells.map((cell, index) => {
                      const assignment = gradebook.assignments[index]!;
                      return (
                        <td key={cell.assignmentId} className={`${td} tabular-nums`} data-testid={`cell-${row.student.email}-${assignment.id}`} data-score={cell.score} data-late={cell.late}>
                          <Link
                            href={`${base}/${row.student.userId}/${assignment.id}`}
                            className={`inline-flex items-baseline gap-1.5 rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${cell.counted === 0 ? "text-slate-600 dark:text-slate-400" : "text-slate-900 dark:text-slate-100"} underline decoration-slate-400 underline-offset-2`}
                            aria-label={`${row.student.email}, ${assignment.title}: ${cellText(cell)}. Show attempts`}
                          >
                            <span>{cell.counted === 0 ? "—" : percent(cell.score)}</span>
                            {cell.late ? (
                              <span className="rounded bg-amber-100 px-1 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">late</span>
                            ) : null}
                          </Link>
                        </td>
                      );
                    })}
                    <td className={`${td} font-semibold tabular-nums`} data-testid={`total-${row.student.email}`} data-score={row.total}>
                      {percent(row.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className={`${td} ${stickyBg} sticky left-0 z-10 border-r text-left`}>Class mean</th>
                  {gradebook.means.map((value, index) => (
                    <td key={gradebook.assignments[index]!.id} className={`${td} tabular-nums`}>{percent(value)}</td>
                  ))}
                  <td className={`${td} font-semibold tabular-nums`}>{percent(gradebook.meanTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollBox>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            — : no attempt that counts (0%). <span className="rounded bg-amber-100 px-1 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">late</span> : the attempt that gives the score came after
            the due time (the assignment accepts late work).
          </p>
        </>
      )}
    </div>
  );
}
