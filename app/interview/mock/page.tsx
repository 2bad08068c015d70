// /interview/mock: start a mock interview (topics, 5/10/15 questions, 1-3
// minutes each), and the learner's past interviews with their score trend.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { identify } from "@/lib/auth/identity";
import { allQuestions } from "@/lib/interview/bank";
import { MOCK_LENGTHS, MOCK_SECONDS } from "@/lib/interview/mock";
import { countByTopic } from "@/lib/interview/picking";
import { TOPICS, type TopicId } from "@/lib/interview/question";
import { pastMocks } from "@/lib/interview/service";
import { MockSetup } from "../_components/MockSetup";
import { MockTrend } from "../_components/MockTrend";

export const metadata: Metadata = { title: "Mock interview" };
export const dynamic = "force-dynamic";

export default async function MockInterviewPage() {
  const identity = await identify(await cookies());
  const counts = countByTopic(allQuestions());
  const topics = (Object.keys(TOPICS) as TopicId[]).filter((t) => counts[t] > 0).map((t) => ({ id: t, name: TOPICS[t], count: counts[t] }));
  const past = await pastMocks(identity.learnerId, new Date());
  const trend = past.filter((m) => m.over).reverse().map((m) => ({ id: m.id, at: m.startedAt, score: m.score }));

  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/interview" className="text-blue-700 underline dark:text-blue-300">
          Interview questions
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Mock interview</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Questions one at a time against the clock, as in an interview: no model answers until the end. Then a report: your score per topic, the ideas you
        missed most, and the lessons to review.
      </p>
      <MockSetup topics={topics} lengths={MOCK_LENGTHS} seconds={MOCK_SECONDS} />

      <section aria-labelledby="past-mocks" className="mt-10">
        <h2 id="past-mocks" className="text-2xl font-semibold">
          Your past interviews
        </h2>
        {past.length === 0 ? (
          <p className="mt-2 text-slate-600 dark:text-slate-400">None yet.</p>
        ) : (
          <>
            <MockTrend points={trend} />
            <div className="relative mt-4 overflow-x-auto" role="region" aria-label="Past interviews, table" tabIndex={0}>
              <table className="w-full border-collapse text-left text-sm" data-testid="past-mocks">
                <thead>
                  <tr className="border-b border-slate-300 dark:border-slate-700">
                    <th scope="col" className="py-2 pr-4">Started</th>
                    <th scope="col" className="py-2 pr-4">Topics</th>
                    <th scope="col" className="py-2 pr-4">Answered</th>
                    <th scope="col" className="py-2 pr-4">Score</th>
                    <th scope="col" className="py-2">Report</th>
                  </tr>
                </thead>
                <tbody>
                  {past.map((mock) => (
                    <tr key={mock.id} className="border-b border-slate-200 dark:border-slate-800">
                      <td className="py-2 pr-4 whitespace-nowrap">
                        <time dateTime={mock.startedAt}>{new Date(mock.startedAt).toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                      </td>
                      <td className="py-2 pr-4">{mock.topics.length >= topics.length ? "All topics" : mock.topics.map((t) => TOPICS[t as TopicId] ?? t).join(", ")}</td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {mock.answered} of {mock.total}
                      </td>
                      <td className="py-2 pr-4">{mock.over ? `${Math.round(mock.score * 100)}%` : "running"}</td>
                      <td className="py-2">
                        <Link href={`/interview/mock/${mock.id}`} className="font-medium text-blue-700 underline dark:text-blue-300">
                          {mock.over ? "Report" : "Continue"}
                          <span className="sr-only"> of the interview started {new Date(mock.startedAt).toISOString().slice(0, 16).replace("T", " ")} UTC</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
