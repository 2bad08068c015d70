// /interview/questions/<id>: one question to drill. The page carries the
// question only; the model answer and rubric reach the browser after the
// learner's first answer (then they are shown with the past answers).
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { questionById } from "@/lib/interview/bank";
import { questionHistory } from "@/lib/interview/service";
import { TOPICS } from "@/lib/interview/question";
import { InterviewDrill } from "../../_components/InterviewDrill";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const question = questionById((await params).id);
  return { title: question ? `Interview: ${TOPICS[question.topic]}` : "Interview question" };
}

export default async function InterviewQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const question = questionById(id);
  if (!question) notFound();
  const identity = await identify(await cookies());
  const history = await questionHistory(identity.learnerId, id);
  return (
    <article>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/interview" className="text-blue-700 underline dark:text-blue-300">
          Interview questions
        </Link>{" "}
        <span aria-hidden="true">›</span>{" "}
        <Link href={`/interview?topic=${question.topic}`} className="text-blue-700 underline dark:text-blue-300">
          {TOPICS[question.topic]}
        </Link>
      </nav>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        {TOPICS[question.topic]} · {question.difficulty}
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl" data-testid="interview-question">
        {question.question}
      </h1>
      <InterviewDrill questionId={question.id} initialAnswers={history.answers} initialReveal={history.reveal} />
    </article>
  );
}
