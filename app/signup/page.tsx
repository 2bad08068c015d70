import type { Metadata } from "next";
import Link from "next/link";
import { CredentialsForm } from "@/app/_components/CredentialsForm";
import { safeReturnPath } from "@/lib/http/returnPath";

export const metadata: Metadata = { title: "Create an account" };

// ?next=/path: come back there afterwards (a class's join link sends guests here).
export default async function SignUp({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath([(await searchParams).next].flat()[0]);
  const query = next ? `?next=${encodeURIComponent(next)}` : "";
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
