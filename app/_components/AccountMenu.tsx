"use client";
// Sign-in state in the header. The layout is static, so it asks the server.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { forgetLearner, learnerFetch } from "@/app/_components/learnerFetch";

type Me = { role: "guest" | "learner" | "instructor"; email: string | null };

export function AccountMenu() {
  const [me, setMe] = useState<Me | undefined>();
  const pathname = usePathname();
  const router = useRouter();

  useEffect(() => {
    learnerFetch("/api/auth/me", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Me>) : undefined))
      .then(setMe)
      .catch(() => setMe(undefined));
  }, [pathname]);

  async function signOut() {
    await learnerFetch("/api/auth/logout", { method: "POST", headers: { "Content-Type": "application/json" } });
    forgetLearner();
    setMe({ role: "guest", email: null });
    router.push("/");
    router.refresh();
  }

  const link = "text-slate-700 hover:underline dark:text-slate-300";
  return (
    <div className="ml-auto flex items-center gap-4 text-sm">
      <Link href="/dashboard" className={link}>Dashboard</Link>
      <Link href="/review" className={link}>Review</Link>
      {me?.email ? (
        <>
          {/* Classes for every account; Teach for instructors (decision record 0010). */}
          <Link href="/classes" className={link}>Classes</Link>
          {me.role === "instructor" ? <Link href="/teach" className={link}>Teach</Link> : null}
          <span className="hidden text-slate-600 sm:inline dark:text-slate-400" data-testid="signed-in-as">{me.email}</span>
          <button type="button" onClick={signOut} className={link}>Sign out</button>
        </>
      ) : me ? (
        <>
          <Link href="/login" className={link}>Sign in</Link>
          <Link href="/signup" className={link}>Sign up</Link>
        </>
      ) : (
        // Not known yet (or the server did not answer): neither "Sign in" nor an
        // account, so a signed-in learner is never offered "Sign in".
        <span aria-hidden="true" className="invisible">Sign in Sign up</span>
      )}
    </div>
  );
}
