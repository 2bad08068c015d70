// /interview/mock/<id>: the interview while it runs (one question at a time,
// on the server's clock), then its report: the score per topic, the ideas
// missed most, the lessons to review, and each question with its grade and
// model answer.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { lessonSectionTitle, questionById, revealFor } from "@/lib/interview/bank";
import { ownMockReport } from "@/lib/interview/service";
import { GradeView, RevealView } from "../../_components/AnswerFeedback";
import { link, scoreLabel } from "../../_components/format";
import { MockRunner } from "../../_components/MockRunner";
import { nulInPath } from "@/lib/http/pathParams";

export const metadata: Metadata = { title: "Mock interview" };
export const dynamic = "force-dynamic";

export default async function MockInterview({ params }: { params: Promise<{ mockId: string }> }) {
  const { mockId } = await params;
  if (nulInPath(mockId)) notFound();
  const identity = await identify(await cookies());
  const found = await ownMockReport(identity.learnerId, mockId, new Date());
  if (!found) notFound();
  const { view, report } = found;

  if (!report) {
    return (
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Mock interview</h1>
        <MockRunner initial={view} />
      </div>
    );
  }

  const lessonTitles = await Promise.all(report.lessons.map((lesson) => lessonSectionTitle(lesson.slug, lesson.anchor)));
  const reveals = await Promise.all(report.questions.map((q) => (questionById(q.questionId) ? revealFor(questionById(q.questionId)!) : null)));
  const minutes = report.secondsPerQuestion / 60;

  return (
    <div data-testid="mock-report">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/interview/mock" className="text-blue-700 underline dark:text-blue-300">
          Mock interviews
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Your mock interview report</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Started <time dateTime={report.startedAt}>{new Date(report.startedAt).toISOString().slice(0, 16).replace("T", " ")} UTC</time>, {report.total} questions,{" "}
        {minutes} minute{minutes === 1 ? "" : "s"} each.
      </p>
      <p className="mt-4 text-2xl font-semibold" data-testid="mock-score">
        Score {scoreLabel(report.score)}{" "}
        <span className="text-base font-normal text-slate-700 dark:text-slate-300">
          ({report.answered} of {report.total} answered in time; unanswered questions count 0)
        </span>
      </p>

      <section aria-labelledby="by-topic" className="mt-8">
        <h2 id="by-topic" className="text-2xl font-semibold">
          By topic
        </h2>
        <div className="relative mt-2 overflow-x-auto" role="region" aria-label="Scores by topic, table" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-testid="topic-scores">
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-4">Topic</th>
                <th scope="col" className="py-2 pr-4">Questions</th>
                <th scope="col" className="py-2 pr-4">Answered</th>
                <th scope="col" className="py-2">Score</th>
              </tr>
            </thead>
            <tbody>
              {report.topics.map((topic) => (
                <tr key={topic.topic} className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {topic.name}
                  </th>
                  <td className="py-2 pr-4">{topic.questions}</td>
                  <td className="py-2 pr-4">{topic.answered}</td>
                  <td className="py-2">{scoreLabel(topic.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="missed" className="mt-8">
        <h2 id="missed" className="text-2xl font-semibold">
          Ideas you missed most
        </h2>
        {report.missedIdeas.length === 0 ? (
          <p className="mt-2">None: every key idea of these questions was in your answers.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Counted over all your answers to these questions, drills included.</p>
            <ol className="mt-2 list-decimal space-y-2 pl-6" data-testid="missed-ideas">
              {report.missedIdeas.map((idea) => (
                <li key={`${idea.questionId}:${idea.ideaId}`}>
                  <strong>{idea.idea}</strong>{" "}
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    (missed in {idea.missed} of {idea.of} answer{idea.of === 1 ? "" : "s"} to{" "}
                    <Link href={`/interview/questions/${idea.questionId}`} className={link}>
                      {idea.question}
                    </Link>
                    )
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="review" className="mt-8">
        <h2 id="review" className="text-2xl font-semibold">
          Lessons to review
        </h2>
        {report.lessons.length === 0 ? (
          <p className="mt-2">Every question scored 80% or more: nothing to review.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="review-lessons">
            {report.lessons.map((lesson, i) => (
              <li key={`${lesson.slug}#${lesson.anchor}`}>
                <Link href={`/lessons/${lesson.slug}#${lesson.anchor}`} className={link}>
                  {lessonTitles[i]}
                </Link>{" "}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  ({lesson.questionIds.length} question{lesson.questionIds.length === 1 ? "" : "s"}, lowest {scoreLabel(lesson.worst)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="questions" className="mt-8">
        <h2 id="questions" className="text-2xl font-semibold">
          Question by question
        </h2>
        <ol className="mt-2 space-y-3">
          {report.questions.map((q, i) => {
            const answer = report.answers[i];
            const reveal = reveals[i];
            return (
              <li key={q.questionId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">
                      {i + 1}. {q.question}
                    </span>{" "}
                    <span className="text-sm text-slate-600 dark:text-slate-400">{q.score === null ? "not answered in time" : `score ${scoreLabel(q.score)}`}</span>
                  </summary>
                  {answer ? (
                    <div className="mt-3 text-sm">
                      <p className="font-medium">You answered:</p>
                      <p className="mt-1 whitespace-pre-wrap break-words">{answer.answer === "" ? "(nothing)" : answer.answer}</p>
                      <div className="mt-2">
                        <GradeView answer={answer} />
                      </div>
                    </div>
                  ) : null}
                  {reveal ? (
                    <div className="mt-3 text-sm">
                      <RevealView reveal={reveal} headingLevel={3} />
                    </div>
                  ) : null}
                  <p className="mt-3 text-sm">
                    <Link href={`/interview/questions/${q.questionId}`} className={link}>
                      Drill this question again
                    </Link>
                  </p>
                </details>
              </li>
            );
          })}
        </ol>
      </section>
      <p className="mt-8">
        <Link href="/interview/mock" className={link}>
          Start another mock interview
        </Link>
      </p>
    </div>
  );
}
