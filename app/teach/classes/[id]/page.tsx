// /teach/classes/<id>: an instructor's class: join code and link, roster,
// co-instructors and invitations, assignments, and links to the gradebook and
// analyses (built elsewhere). Only the class's instructors see it.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { assignmentsOf, invitationsOf, rosterOf } from "@/lib/db/classes";
import { formatInZone } from "@/lib/teaching/classTime";
import { may, mayRemove } from "@/lib/teaching/classPermissions";
import { displayJoinCode } from "@/lib/teaching/joinCode";
import { ApiButton } from "@/app/_components/classes/ApiButton";
import { InviteForm } from "@/app/_components/classes/InviteForm";
import { classForTeacher } from "@/app/_components/classes/teachingPage";
import { buttonClass, cardClass, dangerButtonClass, linkClass, mutedClass, secondaryButtonClass } from "@/app/_components/classes/ui";
import { nulInPath } from "@/lib/http/pathParams";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Class" };
export const dynamic = "force-dynamic";

export default async function TeachClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (nulInPath(id)) notFound();
  const { role, cls } = await classForTeacher(id, "teach", `/teach/classes/${id}`);
  const [roster, invitations, assignments] = await Promise.all([rosterOf(id), invitationsOf(id), assignmentsOf(id, { includeDrafts: true })]);
  const host = (await headers()).get("host") ?? "localhost:3000";
  const joinUrl = `${host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https"}://${host}/join/${cls.joinCode}`;
  const students = roster.filter((m) => m.role === "student");
  const teachers = roster.filter((m) => m.role !== "student");
  const pending = invitations.filter((i) => !i.acceptedAt);
  const api = `/api/classes/${id}`;

  return (
    <div>
      <p className={mutedClass}><Link href="/teach" className={linkClass}>Teach</Link> / {cls.name}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{cls.name}</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{cls.term} · times in {cls.timeZone} · you are the {role === "owner" ? "owner" : "co-instructor"}</p>

      <nav aria-label="Results" className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/teach/classes/${id}/gradebook`} className={linkClass}>Gradebook</Link>
        <Link href={`/teach/classes/${id}/analysis`} className={linkClass}>Item analysis</Link>
        <Link href={`/teach/classes/${id}/misconceptions`} className={linkClass}>Misconceptions</Link>
      </nav>

      <section aria-labelledby="join" className={`mt-8 ${cardClass}`}>
        <h2 id="join" className="text-xl font-semibold">Join code</h2>
        <p className="mt-2">
          Students join with the code <strong className="whitespace-nowrap font-mono text-2xl tracking-wider" data-testid="join-code">{displayJoinCode(cls.joinCode)}</strong> at{" "}
          <Link href="/classes" className={linkClass}>/classes</Link>, or with the link
        </p>
        <p className="mt-1 break-all font-mono text-sm" data-testid="join-link">{joinUrl}</p>
        {may(role, "regenerate-join-code") ? (
          <div className="mt-3">
            <ApiButton method="POST" url={`${api}/join-code`} label="Make a new code" confirm="Make a new join code? The current code and link stop working." className={secondaryButtonClass} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="assignments" className="mt-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="assignments" className="text-xl font-semibold">Assignments</h2>
          <Link href={`/teach/classes/${id}/assignments/new`} className={buttonClass}>New assignment</Link>
        </div>
        {assignments.length === 0 ? (
          <p className={`mt-2 ${mutedClass}`}>No assignments yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {assignments.map((a) => (
              <li key={a.id} className={cardClass} data-testid={`teach-assignment-${a.id}`}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-semibold break-words">{a.title}</span>
                  <span className={`rounded px-2 py-0.5 text-xs font-semibold ${a.publishedAt ? "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100" : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"}`}>
                    {a.publishedAt ? "Published" : "Draft"}
                  </span>
                </div>
                <p className={mutedClass}>
                  {a.exerciseIds.length} exercise{a.exerciseIds.length === 1 ? "" : "s"} · opens {formatInZone(a.opensAt, cls.timeZone)} · due {formatInZone(a.dueAt, cls.timeZone)}
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Link href={`/teach/classes/${id}/assignments/${a.id}/edit`} className={secondaryButtonClass} aria-label={`Edit ${a.title}`}>Edit</Link>
                  {a.publishedAt ? (
                    <ApiButton method="DELETE" url={`${api}/assignments/${a.id}/publish`} label="Unpublish" ariaLabel={`Unpublish ${a.title}`} confirm="Back to a draft? Students will no longer see it; their attempts stay." className={secondaryButtonClass} />
                  ) : (
                    <ApiButton method="POST" url={`${api}/assignments/${a.id}/publish`} label="Publish" ariaLabel={`Publish ${a.title}`} className={secondaryButtonClass} />
                  )}
                  <ApiButton method="DELETE" url={`${api}/assignments/${a.id}`} label="Delete" ariaLabel={`Delete ${a.title}`} confirm={`Delete "${a.title}"? Students' attempts are kept.`} className={dangerButtonClass} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="students" className="mt-8">
        <h2 id="students" className="text-xl font-semibold">Students ({students.length})</h2>
        {students.length === 0 ? (
          <p className={`mt-2 ${mutedClass}`}>Nobody has joined yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800" data-testid="roster">
            {students.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="break-all">{m.email}</span>
                {mayRemove(role, m.role) ? (
                  <ApiButton method="DELETE" url={`${api}/members/${m.userId}`} label="Remove" ariaLabel={`Remove ${m.email}`} confirm={`Remove ${m.email} from the class? Their attempts stay in their account.`} className={dangerButtonClass} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="teachers" className="mt-8">
        <h2 id="teachers" className="text-xl font-semibold">Instructors</h2>
        <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
          {teachers.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="break-all">{m.email} <span className={mutedClass}>({m.role})</span></span>
              {mayRemove(role, m.role) ? (
                <ApiButton method="DELETE" url={`${api}/members/${m.userId}`} label="Remove" ariaLabel={`Remove ${m.email}`} confirm={`Remove ${m.email} as co-instructor?`} className={dangerButtonClass} />
              ) : null}
            </li>
          ))}
        </ul>
        {pending.length > 0 ? (
          <>
            <h3 className="mt-4 font-semibold">Invitations waiting for a sign-in</h3>
            <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800" data-testid="invitations">
              {pending.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="break-all">{invitation.email}</span>
                  {may(role, "manage-co-instructors") ? (
                    <ApiButton method="DELETE" url={`${api}/invitations/${invitation.id}`} label="Withdraw" ariaLabel={`Withdraw the invitation to ${invitation.email}`} className={secondaryButtonClass} />
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {may(role, "manage-co-instructors") ? <InviteForm classId={id} /> : null}
        <p className={`mt-2 ${mutedClass}`}>An invited colleague becomes a co-instructor when they sign up or sign in with that email.</p>
      </section>

      {may(role, "delete-class") ? (
        <section aria-labelledby="danger" className="mt-10">
          <h2 id="danger" className="text-xl font-semibold">Delete the class</h2>
          <p className={`mt-1 ${mutedClass}`}>Removes the roster, invitations and assignments. Students keep their attempts.</p>
          <div className="mt-2">
            <ApiButton method="DELETE" url={api} label="Delete class" confirm={`Delete ${cls.name}? This cannot be undone.`} then="/teach" className={dangerButtonClass} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
