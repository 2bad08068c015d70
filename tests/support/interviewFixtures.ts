// A small interview bank for tests of the interview track's logic and routes,
// independent of how many questions content/interview holds: the committed
// TIME-WAIT question, and copies of it under other ids and topics.
import type { InterviewQuestion, TopicId } from "@/lib/interview/question";
import { timeWaitQuestions } from "@/content/interview/time-wait";

export const baseQuestion: InterviewQuestion = timeWaitQuestions.find((q) => q.id === "why-time-wait-2msl")!;

export function copyOf(id: string, topic: TopicId, difficulty: InterviewQuestion["difficulty"] = "core"): InterviewQuestion {
  return { ...baseQuestion, id, topic, difficulty };
}

/** Seven questions over three topics: time-wait (3), close (2), handshake (2). */
export const fixtureBank: InterviewQuestion[] = [
  baseQuestion,
  copyOf("tw-2", "time-wait", "warm-up"),
  copyOf("tw-3", "time-wait", "deep"),
  copyOf("close-1", "close"),
  copyOf("close-2", "close", "warm-up"),
  copyOf("hs-1", "handshake"),
  copyOf("hs-2", "handshake", "deep"),
];

export const RIGHT_ANSWER = baseQuestion.modelAnswer;
/** States one idea (the active closer) and a misconception. */
export const PARTIAL_ANSWER = "The side that closes first holds TIME-WAIT, and you can shorten it by lowering tcp_fin_timeout for time-wait sockets.";
