import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { CredentialsForm } from "@/app/_components/CredentialsForm";
import { AlreadySignedIn } from "@/app/_components/SignedInNotice";
import { identify } from "@/lib/auth/identity";
import { safeReturnPath } from "@/lib/http/returnPath";

export const metadata: Metadata = { title: "Sign in", description: "Sign in to pick up your lessons, exercises and reviews where you left them." };

// ?next=/path: come back there afterwards (a class's join link sends guests here).
export default async function Login({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath([(await searchParams).next].flat()[0]);
  const query = next ? `?next=${encodeURIComponent(next)}` : "";
  const { user } = await identify(await cookies());
  if (user) {
    return <AlreadySignedIn email={user.email} next={next ?? undefined} />;
  }
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {next?.startsWith("/join/") ? <p className="mt-2 font-medium">Sign up or sign in to join the class; you come back to it afterwards.</p> : null}
      <CredentialsForm mode="login" returnTo={next ?? undefined} />
      <p className="mt-6">New here? <Link href={`/signup${query}`} className="text-blue-700 underline dark:text-blue-300">Create an account</Link>.</p>
    </div>
  );
}
