// /join/<code>: the link an instructor shares. A guest is sent to sign up
// (or sign in) and comes back here; their guest work moves into the account
// as it always does. A signed-in learner sees the class and a Join button.
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { classRoleOf, findClassByJoinCode } from "@/lib/db/classes";
import { clientAddress, joinGuard } from "@/lib/http/joinLimit";
import { may } from "@/lib/teaching/classPermissions";
import { normalizeJoinCode } from "@/lib/teaching/joinCode";
import { JoinForm } from "@/app/_components/classes/JoinForm";
import { linkClass, mutedClass } from "@/app/_components/classes/ui";
import { nulInPath } from "@/lib/http/pathParams";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Join a class" };
export const dynamic = "force-dynamic";

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  if (nulInPath(raw)) notFound();
  const path = `/join/${encodeURIComponent(raw.slice(0, 64))}`;
  const identity = await identify(await cookies());
  if (!identity.user) redirect(`/signup?next=${encodeURIComponent(path)}`);

  // Looking a code up tells whether it exists, so wrong ones count against the same limit as the API's.
  const address = clientAddress(await headers());
  let wait = await joinGuard.retryAfter(identity.user.learnerId, address);
  const code = wait > 0 ? null : normalizeJoinCode(raw);
  const cls = code ? await findClassByJoinCode(code) : null;
  if (!cls && wait === 0) wait = await joinGuard.recordFailure(identity.user.learnerId, address);

  if (!cls) {
    return (
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Join a class</h1>
        <p className="mt-3" role="status">
          {wait > 0
            ? `Too many wrong join codes; wait ${Math.ceil(wait / 60)} min and try again.`
            : "This link does not match a class. The code may be mistyped, or your instructor made a new one; the old one then stops working."}
        </p>
        <p className="mt-4">Type the code your instructor gave you:</p>
        <JoinForm />
      </div>
    );
  }

  const role = await classRoleOf(identity.user.id, cls.id);
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight break-words">Join {cls.name}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{cls.term}</p>
      {role ? (
        <p className="mt-4">
          You are already in this class.{" "}
          <Link href={may(role, "teach") ? `/teach/classes/${cls.id}` : `/classes/${cls.id}`} className={linkClass}>Open it</Link>.
        </p>
      ) : (
        <>
          <p className={`mt-4 ${mutedClass}`}>Signed in as {identity.user.email}. Your instructors will see your results on the class&apos;s assignments.</p>
          <JoinForm code={cls.joinCode} label={`Join ${cls.name}`} />
        </>
      )}
    </div>
  );
}
