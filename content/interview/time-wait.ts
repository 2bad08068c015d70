// Interview questions: TIME-WAIT and 2MSL (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const timeWaitQuestions: InterviewQuestion[] = [
  {
    id: "why-time-wait-2msl",
    topic: "time-wait",
    difficulty: "core",
    question: "Why does a TCP connection sit in TIME-WAIT after it closes, and how long does that last on Linux?",
    modelAnswer:
      "TIME-WAIT is held by the side that closed first, the active closer, after it ACKs the peer's FIN. It exists for two reasons. " +
      "If that final ACK is lost, the peer retransmits its FIN, and the socket must still be there to ACK it again instead of answering with a reset. " +
      "And delayed segments of this connection must die out before a new connection on the same four-tuple could mistake them for its own. " +
      "RFC 9293 asks for twice the maximum segment lifetime, which with its 2-minute MSL is 4 minutes; Linux uses a fixed 60 seconds, TCP_TIMEWAIT_LEN, " +
      "and tcp_fin_timeout does not change it.",
    sources: ["RFC 9293 §3.3.2 (TIME-WAIT), §3.6.1 (2 MSL)", "TCP_TIMEWAIT_LEN (60 s), include/net/tcp.h", "man 7 tcp (tcp_fin_timeout: FIN-WAIT-2 only)"],
    rubric: {
      ideas: [
        { id: "active-closer", idea: "The side that closes first holds TIME-WAIT", weight: 1, phrasings: ["active closer", "side|end|host .. close* first", "whoever close* first", "initiat* .. close"] },
        { id: "lost-final-ack", idea: "A lost final ACK: the peer's retransmitted FIN must be ACKed again", weight: 2, phrasings: ["final|last ack .. lost", "lost .. final|last ack", "retransmit* .. fin", "fin .. again|resent|retransmit*"] },
        { id: "old-duplicates", idea: "Old segments must expire before a new connection reuses the four-tuple", weight: 2, phrasings: ["old|delayed|stale|duplicate segment*|packet*", "new connection|incarnation .. same .. tuple|port*", "segment*|packet* .. expire|die"] },
        { id: "linux-60s", idea: "Linux holds it for 60 seconds (TCP_TIMEWAIT_LEN)", weight: 1, phrasings: ["60 s|sec*|seconds", "one|1 minute", "tcp_timewait_len"] },
      ],
      misconceptions: [
        {
          id: "fin-timeout-sets-time-wait",
          label: "Thinks tcp_fin_timeout sets the length of TIME-WAIT",
          whyWrong: "tcp_fin_timeout bounds an orphaned FIN-WAIT-2 (man 7 tcp); TIME-WAIT is TCP_TIMEWAIT_LEN, 60 s, and no sysctl changes it.",
          phrasings: ["tcp_fin_timeout|fin_timeout .. time-wait|time_wait|timewait", "time-wait|time_wait|timewait .. tcp_fin_timeout|fin_timeout"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "TIME-WAIT is on the server.", whyWrong: "It is on whichever side closed first; a client that closes first holds it (RFC 9293 §3.6, figure 13)." },
      { claim: "It lasts 4 minutes on Linux.", whyWrong: "2 × the RFC's 2-minute MSL is 4 minutes, but Linux uses TCP_TIMEWAIT_LEN, 60 s (include/net/tcp.h)." },
      { claim: "Lower tcp_fin_timeout to shorten TIME-WAIT.", whyWrong: "tcp_fin_timeout is the orphaned FIN-WAIT-2 timeout (man 7 tcp); it does not touch TIME-WAIT." },
    ],
    followUps: [
      "What happens when a new SYN arrives for a four-tuple in TIME-WAIT?",
      "A busy client runs out of ephemeral ports because of TIME-WAIT: what are your options?",
      "Why is tcp_tw_recycle gone?",
    ],
    lesson: { slug: "time-wait", anchor: "how-long-2-msl-in-the-rfc-60-s-in-linux" },
    preset: "time-wait-lost-final-ack",
    whatIf: "no-time-wait",
  },
];
