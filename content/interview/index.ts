// The interview question bank, one file per topic (decision record 0011).
// Server-only: rubrics and model answers never reach the browser before the
// learner answers.
import "server-only";
import type { InterviewQuestion } from "@/lib/interview/question";
import { headerFieldsQuestions } from "./header-fields";
import { sequenceNumbersQuestions } from "./sequence-numbers";
import { handshakeQuestions } from "./handshake";
import { closeQuestions } from "./close";
import { statesQuestions } from "./states";
import { timeWaitQuestions } from "./time-wait";
import { queuesQuestions } from "./queues";
import { synFloodQuestions } from "./syn-flood";
import { closeWaitQuestions } from "./close-wait";
import { deadPeerQuestions } from "./dead-peer";
import { retransmissionQuestions } from "./retransmission";
import { httpKeepAliveQuestions } from "./http-keep-alive";
import { toolsQuestions } from "./tools";

export const interviewQuestions: InterviewQuestion[] = [...statesQuestions, ...closeQuestions, ...handshakeQuestions, ...sequenceNumbersQuestions, ...headerFieldsQuestions, ...timeWaitQuestions, ...queuesQuestions, ...synFloodQuestions, ...closeWaitQuestions, ...deadPeerQuestions, ...retransmissionQuestions, ...httpKeepAliveQuestions, ...toolsQuestions];
