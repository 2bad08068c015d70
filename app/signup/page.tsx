import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { CredentialsForm } from "@/app/_components/CredentialsForm";
import { AlreadySignedIn } from "@/app/_components/SignedInNotice";
import { identify } from "@/lib/auth/identity";
import { safeReturnPath } from "@/lib/http/returnPath";

export const metadata: Metadata = { title: "Create an account", description: "Create an account to keep your progress, answers and reviews everywhere you sign in." };

// ?next=/path: come back there afterwards (a class's join link sends guests here).
export default async function SignUp({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath([(await searchParams).next].flat()[0]);
  const query = next ? `?next=${encodeURIComponent(next)}` : "";
  const { user } = await identify(await cookies());
  if (user) {
    return <AlreadySignedIn email={user.email} next={next ?? undefined} />;
  }
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Everything you did as a guest in this browser moves into your account.</p>
      {next?.startsWith("/join/") ? <p className="mt-2 font-medium">Sign up or sign in to join the class; you come back to it afterwards.</p> : null}
      <CredentialsForm mode="signup" returnTo={next ?? undefined} />
      <p className="mt-6">Already have one? <Link href={`/login${query}`} className="text-blue-700 underline dark:text-blue-300">Sign in</Link>.</p>
    </div>
  );
}
