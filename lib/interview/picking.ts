// Which questions to show and ask: the browse page's filters and the mock
// interview's draw. Pure.
import { TOPICS, type Difficulty, type InterviewQuestion, type TopicId } from "./question";

export const DIFFICULTIES: readonly Difficulty[] = ["warm-up", "core", "deep"];

export type QuestionFilter = { topic?: TopicId; difficulty?: Difficulty };

/** What the learner's browser sees of a question before answering it: no answer, no rubric. */
export type PublicQuestion = { id: string; topic: TopicId; topicName: string; difficulty: Difficulty; question: string };

export function publicQuestion(question: InterviewQuestion): PublicQuestion {
  return { id: question.id, topic: question.topic, topicName: TOPICS[question.topic], difficulty: question.difficulty, question: question.question };
}

export function isTopic(value: unknown): value is TopicId {
  return typeof value === "string" && Object.hasOwn(TOPICS, value);
}

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === "string" && (DIFFICULTIES as readonly string[]).includes(value);
}

/** Reads ?topic= and ?difficulty=; an unknown value is ignored (shows everything). */
export function parseFilter(params: Record<string, string | string[] | undefined>): QuestionFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const topic = first(params.topic);
  const difficulty = first(params.difficulty);
  return { ...(isTopic(topic) ? { topic } : {}), ...(isDifficulty(difficulty) ? { difficulty } : {}) };
}

/** The query string of a filter ("" for none), for links that change one part of it. */
export function filterQuery(filter: QuestionFilter): string {
  const params = new URLSearchParams();
  if (filter.topic) params.set("topic", filter.topic);
  if (filter.difficulty) params.set("difficulty", filter.difficulty);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function filterQuestions(questions: readonly InterviewQuestion[], filter: QuestionFilter): InterviewQuestion[] {
  return questions.filter((q) => (!filter.topic || q.topic === filter.topic) && (!filter.difficulty || q.difficulty === filter.difficulty));
}

export type TopicGroup = { topic: TopicId; name: string; questions: InterviewQuestion[] };

/** Questions by topic in the course's topic order, warm-up first within a topic; empty topics left out. */
export function groupByTopic(questions: readonly InterviewQuestion[]): TopicGroup[] {
  return (Object.keys(TOPICS) as TopicId[])
    .map((topic) => ({
      topic,
      name: TOPICS[topic],
      questions: questions
        .filter((q) => q.topic === topic)
        .map((q, index) => ({ q, index }))
        .sort((a, b) => DIFFICULTIES.indexOf(a.q.difficulty) - DIFFICULTIES.indexOf(b.q.difficulty) || a.index - b.index)
        .map(({ q }) => q),
    }))
    .filter((group) => group.questions.length > 0);
}

export function countByTopic(questions: readonly InterviewQuestion[]): Record<TopicId, number> {
  const counts = Object.fromEntries(Object.keys(TOPICS).map((topic) => [topic, 0])) as Record<TopicId, number>;
  for (const q of questions) counts[q.topic] += 1;
  return counts;
}

export type MockDraw = { ok: true; questionIds: string[] } | { ok: false; available: number };

/**
 * Draws `count` questions from the chosen topics for a mock interview: each
 * topic's questions shuffled, then taken in turn from topic to topic, so a
 * five-question interview on three topics asks about all three. Refused when
 * the topics hold fewer questions than asked for. `random` returns [0, 1).
 */
export function pickMockQuestions(
  questions: readonly InterviewQuestion[],
  topics: readonly TopicId[],
  count: number,
  random: () => number = Math.random,
): MockDraw {
  const chosen = [...new Set(topics)];
  const pools = chosen.map((topic) => shuffle(questions.filter((q) => q.topic === topic), random));
  const available = pools.reduce((sum, pool) => sum + pool.length, 0);
  if (available < count || count <= 0) return { ok: false, available };
  // Start the rotation at a random topic so the first question varies too.
  const order = shuffle(pools.filter((pool) => pool.length > 0), random);
  const picked: string[] = [];
  for (let round = 0; picked.length < count; round++) {
    for (const pool of order) {
      if (picked.length < count && round < pool.length) picked.push(pool[round]!.id);
    }
  }
  return { ok: true, questionIds: picked };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
