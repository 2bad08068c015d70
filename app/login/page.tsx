import type { Metadata } from "next";
import Link from "next/link";
import { CredentialsForm } from "@/app/_components/CredentialsForm";

export const metadata: Metadata = { title: "Sign in" };

export default function Login() {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <CredentialsForm mode="login" />
      <p className="mt-6">New here? <Link href="/signup" className="text-blue-700 underline dark:text-blue-300">Create an account</Link>.</p>
    </div>
  );
}
