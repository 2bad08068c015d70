import type { Metadata } from "next";
import Link from "next/link";
import { CredentialsForm } from "@/app/_components/CredentialsForm";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUp() {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Everything you did as a guest in this browser moves into your account.</p>
      <CredentialsForm mode="signup" />
      <p className="mt-6">Already have one? <Link href="/login" className="text-blue-700 underline dark:text-blue-300">Sign in</Link>.</p>
    </div>
  );
}
