// An interview question of the bank in content/interview (decision record
// 0011): what an interviewer asks, a model answer of interview length that is
// right for Linux 6.x with its sources, the key ideas a good answer holds (a
// rubric graded by the free-text claims grader), the wrong answers people give
// and why they are wrong, the follow-ups, and where to learn more.
import type { Claim, Misconception } from "@/lib/exercises/freeText/claims";

export const TOPICS = {
  "header-fields": "TCP header fields",
  "sequence-numbers": "Sequence numbers and the ISN",
  handshake: "The three-way handshake",
  close: "The four-way close",
  states: "The eleven states",
  "time-wait": "TIME-WAIT and 2MSL",
  queues: "SYN and accept queues",
  "syn-flood": "SYN floods and cookies",
  "close-wait": "CLOSE_WAIT and FIN_WAIT_2 piles",
  "dead-peer": "Keepalive and detecting a dead peer",
  retransmission: "Retransmission limits",
  "http-keep-alive": "HTTP keep-alive and who closes",
  tools: "ss, netstat and nstat",
} as const;

export type TopicId = keyof typeof TOPICS;

export type Difficulty = "warm-up" | "core" | "deep";

/** A key idea of the model answer: a claim of the free-text grader, with what it is in words. */
export type RubricIdea = Claim & {
  /** The idea, as feedback names it after grading ("TIME-WAIT lasts 60 s on Linux"). */
  idea: string;
};

/** A wrong idea the grader recognises (and deducts), with why it is wrong. */
export type RubricMisconception = Misconception & { label: string; whyWrong: string };

/** The counterfactual sandbox's switches (lib/labs/what-if). */
export type CounterfactualId = "two-way-handshake" | "no-time-wait" | "isn-zero" | "no-syn-cookies";

export type InterviewQuestion = {
  /** Stable, kebab-case: answers and review cards refer to it. */
  id: string;
  topic: TopicId;
  difficulty: Difficulty;
  /** As an interviewer asks it. */
  question: string;
  /** 60 to 150 words, correct for Linux 6.x. */
  modelAnswer: string;
  /** Where each fact comes from: "RFC 9293 §3.6.1", "man 7 tcp (tcp_fin_timeout)", "TCP_TIMEWAIT_LEN, include/net/tcp.h". */
  sources: string[];
  rubric: { ideas: RubricIdea[]; misconceptions?: RubricMisconception[] };
  /** Common wrong answers (the claim, not who makes it) and why each is wrong. */
  wrongAnswers: { claim: string; whyWrong: string }[];
  /** Two or three questions an interviewer asks next. */
  followUps: string[];
  /** The lesson section that teaches it: /lessons/<slug>#<anchor>. */
  lesson: { slug: string; anchor: string };
  /** A sequence-simulator preset that shows it, where one fits. */
  preset?: string;
  /** The counterfactual that shows what breaks without the design, where one fits. */
  whatIf?: CounterfactualId;
};
