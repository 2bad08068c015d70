// /interview: the question bank by topic and difficulty, filterable with
// ?topic= and ?difficulty=, each question linking its own page. Questions
// only: answers come after the learner has answered.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { identify } from "@/lib/auth/identity";
import { latestScores } from "@/lib/db/interview";
import { allQuestions } from "@/lib/interview/bank";
import { DIFFICULTIES, filterQuery, filterQuestions, groupByTopic, parseFilter, type QuestionFilter } from "@/lib/interview/picking";
import { TOPICS, type TopicId } from "@/lib/interview/question";

export const metadata: Metadata = { title: "Interview preparation" };
export const dynamic = "force-dynamic";

const chip =
  "inline-block rounded-full border px-3 py-1 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
const chipOff = "border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";
const chipOn = "border-blue-700 bg-blue-700 text-white dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950";

function FilterLinks({ label, options, current, hrefOf }: { label: string; options: { value: string | undefined; label: string }[]; current: string | undefined; hrefOf: (value: string | undefined) => string }) {
  return (
    <nav aria-label={label} className="mt-3">
      <p className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {options.map((option) => {
          const on = option.value === current;
          return (
            <li key={option.label}>
              <Link href={hrefOf(option.value)} aria-current={on ? "page" : undefined} className={`${chip} ${on ? chipOn : chipOff}`}>
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export default async function InterviewIndex({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = parseFilter(await searchParams);
  const identity = await identify(await cookies());
  const scores = await latestScores(identity.learnerId);
  const questions = allQuestions();
  const shown = filterQuestions(questions, filter);
  const groups = groupByTopic(shown);
  const href = (next: QuestionFilter) => `/interview${filterQuery(next)}`;

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Interview preparation</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        The questions interviewers ask about TCP connections. Answer one in your own words and it is graded on its key ideas; then you see a model answer,
        the wrong answers to avoid and the follow-ups. Or run a <Link href="/interview/mock" className="font-medium text-blue-700 underline dark:text-blue-300">mock interview</Link>: several
        questions against the clock, with a report at the end.
      </p>

      <FilterLinks
        label="Topic"
        current={filter.topic}
        options={[{ value: undefined, label: "All topics" }, ...(Object.keys(TOPICS) as TopicId[]).filter((t) => questions.some((q) => q.topic === t)).map((t) => ({ value: t, label: TOPICS[t] }))]}
        hrefOf={(topic) => href({ ...filter, topic: topic as TopicId | undefined })}
      />
      <FilterLinks
        label="Difficulty"
        current={filter.difficulty}
        options={[{ value: undefined, label: "Any difficulty" }, ...DIFFICULTIES.map((d) => ({ value: d, label: d }))]}
        hrefOf={(difficulty) => href({ ...filter, difficulty: difficulty as QuestionFilter["difficulty"] })}
      />

      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="question-count">
        {shown.length} of {questions.length} question{questions.length === 1 ? "" : "s"}
      </p>
      {groups.length === 0 ? <p className="mt-4">No question matches these filters.</p> : null}
      {groups.map((group) => (
        <section key={group.topic} aria-labelledby={`topic-${group.topic}`} className="mt-6">
          <h2 id={`topic-${group.topic}`} className="text-xl font-semibold">
            {group.name}
          </h2>
          <ul className="mt-2 space-y-2">
            {group.questions.map((q) => {
              const score = scores.get(q.id);
              return (
                <li key={q.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                  <Link href={`/interview/questions/${q.id}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                    {q.question}
                  </Link>
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800 dark:bg-slate-800 dark:text-slate-200">{q.difficulty}</span>
                    {score ? ` · last score ${Math.round(score.score * 100)}% (${score.count} answer${score.count === 1 ? "" : "s"})` : " · not answered yet"}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
