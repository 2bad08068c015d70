// /teach: the classes the signed-in user teaches, and (for instructors) a form to create one.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { acceptInvitations, classesOf } from "@/lib/db/classes";
import { may, mayCreateClass } from "@/lib/teaching/classPermissions";
import { ClassForm } from "@/app/_components/classes/ClassForm";
import { cardClass, linkClass, mutedClass } from "@/app/_components/classes/ui";

export const metadata: Metadata = { title: "Teach" };
export const dynamic = "force-dynamic";

export default async function TeachPage() {
  const identity = await identify(await cookies());
  if (!identity.user) redirect("/login?next=/teach");
  // An invitation sent while this user was signed in takes effect on their next visit here.
  await acceptInvitations(identity.user.id, identity.user.email);
  const teaching = (await classesOf(identity.user.id)).filter((c) => may(c.role, "teach"));
  const canCreate = mayCreateClass(identity.role);

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Teach</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Your classes: rosters, join codes and assignments.</p>
      <section aria-labelledby="your-classes" className="mt-8">
        <h2 id="your-classes" className="text-xl font-semibold">Classes you teach</h2>
        {teaching.length === 0 ? (
          <p className={`mt-2 ${mutedClass}`}>None yet.</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="taught-classes">
            {teaching.map((cls) => (
              <li key={cls.id} className={cardClass}>
                <Link href={`/teach/classes/${cls.id}`} className={`text-lg font-semibold ${linkClass}`}>{cls.name}</Link>
                <p className={mutedClass}>
                  {cls.term} · {cls.timeZone} · {cls.role === "owner" ? "owner" : "co-instructor"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-class" className="mt-10">
        <h2 id="create-class" className="text-xl font-semibold">Create a class</h2>
        {canCreate ? (
          <ClassForm timeZones={Intl.supportedValuesOf("timeZone")} />
        ) : (
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            Only instructors can create classes. An administrator makes an account an instructor with <code>npm run user:role -- you@example.com instructor</code>.
            To teach alongside a colleague, ask them to invite your email to their class.
          </p>
        )}
      </section>
    </div>
  );
}
