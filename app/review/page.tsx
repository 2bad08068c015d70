// /review: spaced review (decision record 0011). The learner's due cards,
// oldest due first, one at a time: a lesson exercise on a fresh variant or an
// interview question; after grading, when the card comes back. With nothing
// due, when the next card is.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { identify } from "@/lib/auth/identity";
import { dueInWords } from "@/lib/review/queue";
import { reviewQueue } from "@/lib/review/service";
import { EmptyHeading, ReviewSession } from "./_components/ReviewSession";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

const link = "font-medium text-blue-700 underline hover:no-underline dark:text-blue-300";

function utcTime(iso: string) {
  return new Date(iso).toLocaleString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }) + " UTC";
}

export default async function ReviewPage() {
  const identity = await identify(await cookies());
  const now = new Date();
  const queue = await reviewQueue(identity.learnerId, now);
  const first = queue.items[0];

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Review</h1>
      <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">
        Every lesson exercise you attempt and every interview question you answer becomes a card. Each comes back when you are about to forget it: sooner after a
        miss, later after each right answer.
      </p>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="review-summary">
        <strong>{queue.dueNow}</strong> due now · <strong>{queue.dueToday}</strong> due today · streak <strong>{queue.streak}</strong>{" "}
        {queue.streak === 1 ? "day" : "days"} <span className="text-slate-600 dark:text-slate-400">(days in UTC)</span>
      </p>
      {first ? (
        <ReviewSession key={`${first.cardId}:${first.due}`} item={first} position={1} count={queue.dueNow} />
      ) : (
        <section className="mt-6 rounded-lg border border-slate-200 p-5 dark:border-slate-800" data-testid="review-empty">
          <EmptyHeading>Nothing is due</EmptyHeading>
          {queue.nextDue ? (
            <p className="mt-2">
              Your next card is due <time dateTime={queue.nextDue}>{dueInWords(new Date(queue.nextDue), now)}</time> ({utcTime(queue.nextDue)}). You have {queue.total}{" "}
              {queue.total === 1 ? "card" : "cards"} in all.
            </p>
          ) : (
            <p className="mt-2">You have no cards yet. Attempt an exercise in a lesson or answer an interview question, and it will come back here when it is time.</p>
          )}
          <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
            <Link href="/lessons" className={link}>Lessons</Link>
            <Link href="/interview" className={link}>Interview questions</Link>
            <Link href="/dashboard" className={link}>Your progress</Link>
          </p>
        </section>
      )}
    </div>
  );
}
