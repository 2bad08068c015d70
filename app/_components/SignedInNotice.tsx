// What /signup and /login show to a visitor who is already signed in: who they
// are and where to go, instead of a form they cannot use.
import Link from "next/link";

export function SignedInNotice({ email, next }: { email: string; next?: string }) {
  const link = "text-blue-700 underline dark:text-blue-300";
  return (
    <div className="mt-6 max-w-xl rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="signed-in-notice">
      <p>
        You are signed in as <strong className="break-all">{email}</strong>.
      </p>
      <p className="mt-2">
        {next ? (
          <>
            <Link href={next} className={link}>Go back where you were</Link>, <Link href="/dashboard" className={link}>see your progress</Link>
          </>
        ) : (
          <Link href="/dashboard" className={link}>See your progress</Link>
        )}{" "}
        or <Link href="/lessons" className={link}>open the lessons</Link>. To use another account, sign out first (in the header).
      </p>
    </div>
  );
}

/** The whole page /signup and /login show instead of their form to a signed-in visitor. */
export function AlreadySignedIn({ email, next }: { email: string; next?: string }) {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Already signed in</h1>
      <SignedInNotice email={email} next={next} />
    </div>
  );
}
