// /classes: the classes a signed-in learner is in, their assignments, and a
// form to join one with a code. Classes they teach are listed with a link to /teach.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { acceptInvitations, classesOf } from "@/lib/db/classes";
import { may } from "@/lib/teaching/classPermissions";
import { studentAssignments } from "@/lib/teaching/classServices";
import { JoinForm } from "@/app/_components/classes/JoinForm";
import { StudentAssignmentList } from "@/app/_components/classes/StudentAssignmentList";
import { cardClass, linkClass, mutedClass } from "@/app/_components/classes/ui";

export const metadata: Metadata = { title: "Your classes" };
export const dynamic = "force-dynamic";

export default async function ClassesPage() {
  const identity = await identify(await cookies());
  if (!identity.user) redirect("/login?next=/classes");
  await acceptInvitations(identity.user.id, identity.user.email);
  const now = new Date();
  const [classes, assignments] = await Promise.all([classesOf(identity.user.id), studentAssignments(identity.user.id, identity.learnerId, now)]);
  const studying = classes.filter((c) => may(c.role, "study"));
  const teaching = classes.filter((c) => may(c.role, "teach"));

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Your classes</h1>
      <section aria-labelledby="assignments-heading" className="mt-8">
        <h2 id="assignments-heading" className="text-xl font-semibold">Assignments</h2>
        {assignments.length === 0 ? (
          <p className={`mt-2 ${mutedClass}`}>No assignments yet.</p>
        ) : (
          <StudentAssignmentList assignments={assignments} now={now} />
        )}
      </section>
      <section aria-labelledby="classes-heading" className="mt-10">
        <h2 id="classes-heading" className="text-xl font-semibold">Classes</h2>
        {studying.length === 0 ? (
          <p className={`mt-2 ${mutedClass}`}>You are not in a class yet. Your instructor gives you a join code or a link.</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="my-classes">
            {studying.map((cls) => (
              <li key={cls.id} className={cardClass}>
                <Link href={`/classes/${cls.id}`} className={`font-semibold ${linkClass}`}>{cls.name}</Link>
                <p className={mutedClass}>{cls.term}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="join-heading" className="mt-10">
        <h2 id="join-heading" className="text-xl font-semibold">Join a class</h2>
        <JoinForm />
      </section>
      {teaching.length > 0 ? (
        <section aria-labelledby="teaching-heading" className="mt-10">
          <h2 id="teaching-heading" className="text-xl font-semibold">Classes you teach</h2>
          <p className="mt-2">
            {teaching.map((c) => c.name).join(", ")}: see <Link href="/teach" className={linkClass}>Teach</Link>.
          </p>
        </section>
      ) : null}
    </div>
  );
}
