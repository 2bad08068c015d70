// Interview questions: the four-way close (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const closeQuestions: InterviewQuestion[] = [
  {
    id: "close-why-four",
    topic: "close",
    difficulty: "core",
    question: "Opening a TCP connection takes three segments. Why does closing one usually take four?",
    modelAnswer:
      "A TCP connection is two independent byte streams, and each direction is closed separately. " +
      "The side that closes first sends a FIN, which only means it has no more data to send, and the peer's kernel acknowledges it. " +
      "The peer sends its own FIN when its application closes, and that may be much later because it may still have data to send. " +
      "So the ACK and the second FIN usually travel in separate segments: FIN, ACK, FIN, ACK. " +
      "In the handshake the server's kernel answers a SYN by itself, so its SYN and ACK can always share one segment. " +
      "When the peer's application closes quickly, before its delayed ACK goes out, its FIN carries the ACK and the close takes three segments.",
    sources: ["RFC 9293 §3.6 (closing a connection)", "tcp_fin(), net/ipv4/tcp_input.c (delayed ACK of a FIN)"],
    rubric: {
      ideas: [
        {
          id: "two-directions",
          idea: "Each direction of the connection is closed separately",
          weight: 2,
          phrasings: [
            "two|each|both direction*|stream*|half|halves",
            "each|both side*|end* .. close* .. own|its .. direction|half|side|stream",
            "independent* .. direction*|stream*",
            "direction* .. separately|independently",
          ],
        },
        {
          id: "fin-no-more-data",
          idea: "A FIN only says the sender has no more data to send",
          weight: 1,
          phrasings: ["fin .. no-more|nothing-more|done|finished|stop* .. data|send*|sending", "no-more|nothing-more .. data|to-send", "done sending|writing"],
        },
        {
          id: "peer-app-decides",
          idea: "The peer's FIN waits for its application to close, which can be much later",
          weight: 2,
          phrasings: [
            "peer|other|passive|second .. fin .. when|after|once|until .. application|app|program|it .. close*",
            "application|app|program .. decid*|choos*|call*|close* .. later|whenever",
            "still .. data .. send*",
            "may|might|can .. later",
            "fin .. when|after|once|until .. application|app|program .. close*",
          ],
        },
        {
          id: "handshake-contrast",
          idea: "In the handshake the kernel answers at once, so SYN and ACK share a segment",
          weight: 1,
          phrasings: ["syn .. ack .. share|combin*|together|piggyback*|one-segment|same-segment", "handshake .. kernel .. answer*|respond*|repl*|immediately|itself", "syn-ack .. one|single|same"],
        },
        {
          id: "three-when-quick",
          idea: "When the peer closes quickly, its FIN carries the ACK: three segments",
          weight: 1,
          phrasings: ["three|3 segment*|packet*|way", "fin .. carr*|piggyback*|includ* .. ack", "combin*|piggyback*|merg*"],
        },
      ],
      misconceptions: [
        {
          id: "fin-closes-both",
          label: "Thinks a FIN closes the whole connection",
          whyWrong: "A FIN closes only its sender's direction; the peer may keep sending (RFC 9293 §3.6).",
          phrasings: ["fin .. close*|closes|shut*|end*|terminat* .. both|whole|entire|connection"],
          unless: ["one|only|its|own|half|direction"],
        },
        {
          id: "fin-acked-twice",
          label: "Thinks each FIN needs two acknowledgments",
          whyWrong: "Each FIN is acknowledged once; the four segments are two FINs and their two ACKs.",
          phrasings: ["fin .. acknowledg*|ack* .. twice|two-times|double", "confirm* .. confirm*|confirmation"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Four, because each FIN has to be acknowledged twice to be safe.", whyWrong: "Each FIN is acknowledged once; there are two FINs, one per direction (RFC 9293 §3.6)." },
      { claim: "A FIN closes the whole connection; the second FIN is only a confirmation of the first.", whyWrong: "A FIN closes only its sender's direction; the second FIN is the peer closing its own direction, when its application decides to (RFC 9293 §3.6)." },
      { claim: "The ACK and the FIN can never be combined in one segment when closing.", whyWrong: "They are combined whenever the peer closes before its delayed ACK fires: the close then takes three segments." },
    ],
    followUps: ["When does a close take only three segments?", "What can the passive side still do after it has received the FIN?"],
    lesson: { slug: "four-way-close", anchor: "two-directions-two-fins" },
    preset: "close-client-first",
  },
  {
    id: "close-three-segments",
    topic: "close",
    difficulty: "core",
    question: "Sometimes a capture shows a close with only three segments. When does that happen?",
    modelAnswer:
      "It happens when the passive closer's application closes before its kernel has acknowledged the peer's FIN. " +
      "Linux delays the ACK of a FIN that arrives in ESTABLISHED: it schedules a delayed ACK, about 40 ms when data was received, in case the application answers or closes. " +
      "If the application closes within that time, the kernel sends its own FIN with the ACK in one segment. The exchange is then FIN, FIN-ACK, ACK. " +
      "Nothing is skipped on the passive side, which still goes CLOSE-WAIT, LAST-ACK, CLOSED. " +
      "The active closer receives a FIN that also acknowledges its own. It passes through FIN-WAIT-2 in the same instant and enters TIME-WAIT.",
    sources: ["RFC 9293 §3.6", "tcp_fin() and tcp_send_delayed_ack(), net/ipv4/tcp_input.c and net/ipv4/tcp_output.c", "TCP_ATO_MIN (40 ms), include/net/tcp.h"],
    rubric: {
      ideas: [
        {
          id: "delayed-ack",
          idea: "The ACK of the FIN is delayed",
          weight: 2,
          phrasings: ["delay* .. ack*", "ack* .. delay*|wait*|timer|held|hold*|40-ms", "not .. ack* .. immediately|at-once|right-away"],
        },
        {
          id: "app-closes-quickly",
          idea: "The passive side's application closes before that ACK goes out",
          weight: 2,
          phrasings: [
            "application|app|program|server|passive|peer .. close*|closes .. before|within|quickly|immediately|right-away|soon|fast",
            "close* .. before .. ack*",
            "within .. time|window|ms",
          ],
        },
        {
          id: "fin-carries-ack",
          idea: "Its FIN carries the ACK of the peer's FIN",
          weight: 2,
          phrasings: ["fin .. carr*|piggyback*|includ*|with|contain* .. ack*", "ack* .. piggyback*|combin*|merg* .. fin", "fin-ack", "fin .. ack .. one|single|same segment"],
        },
        {
          id: "passive-states-unchanged",
          idea: "The passive side still goes CLOSE-WAIT, LAST-ACK",
          weight: 1,
          phrasings: ["close-wait .. last-ack", "still .. close-wait|last-ack", "skip* .. nothing|no-state", "nothing .. skip*"],
        },
      ],
      misconceptions: [
        {
          id: "skips-close-wait",
          label: "Thinks the passive side skips CLOSE-WAIT or LAST-ACK",
          whyWrong: "It still passes through CLOSE-WAIT and LAST-ACK; only the segments are merged (RFC 9293 §3.6).",
          phrasings: ["skip*|bypass*|without .. close-wait|last-ack", "straight|directly .. last-ack|closed"],
        },
        {
          id: "three-when-ack-lost",
          label: "Thinks a three-segment close means a segment was lost",
          whyWrong: "Nothing is lost: the passive side's FIN simply carries the ACK.",
          phrasings: ["lost|loss|drop*|missing .. ack|segment|fin", "ack|segment|fin .. lost|dropped|missing"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "A three-segment close happens when the passive side skips CLOSE-WAIT and goes straight to LAST-ACK.", whyWrong: "It passes through CLOSE-WAIT as usual; what changes is only that its FIN and its ACK share one segment." },
      { claim: "It happens when the final ACK is lost, so only three segments reach the capture.", whyWrong: "A lost final ACK brings a retransmitted FIN, not a shorter close. A three-segment close has its FIN and ACK merged." },
      { claim: "It only happens when both sides use SO_LINGER with a zero timeout.", whyWrong: "SO_LINGER with zero timeout sends an RST and no FIN at all. Three segments come from a FIN that carries the delayed ACK." },
    ],
    followUps: ["Why does Linux delay the ACK of a FIN at all?", "Which states does the active closer pass through in a three-segment close?"],
    lesson: { slug: "four-way-close", anchor: "three-segments-instead-of-four" },
    preset: "three-segment-close",
  },
  {
    id: "close-half-close",
    topic: "close",
    difficulty: "core",
    question: "What is a half-close, how do you do one, and what does the peer see?",
    modelAnswer:
      "A half-close closes one direction only. Calling shutdown with SHUT_WR sends a FIN while the socket stays open for reading. " +
      "The peer's read returns 0, end of file, but the peer may keep sending as long as it likes. " +
      "The caller sits in FIN-WAIT-2 and the peer in CLOSE-WAIT while data flows the other way, and the connection ends when the peer closes too. " +
      "It is how a client says that its request is complete and still reads the full reply. " +
      "Such a socket is not orphaned, so tcp_fin_timeout does not apply to it. " +
      "A half-closed connection is not a half-open one. Half-open means that one side has lost the connection without the other knowing.",
    sources: ["RFC 9293 §3.6.1 (half-closed connections)", "RFC 9293 §3.5.1 (half-open connections)", "man 2 shutdown", "man 7 tcp (tcp_fin_timeout, orphaned sockets)"],
    rubric: {
      ideas: [
        {
          id: "one-direction",
          idea: "Only one direction is closed; the other stays open",
          weight: 2,
          phrasings: [
            "one|single direction|half|way",
            "clos*|shut* .. only .. send*|writ*|direction|half|outgoing",
            "stop* sending .. still|keep* .. read*|receiv*",
            "still|keep*|continu* .. read*|receiv*",
            "open .. for .. read*|receiv*",
          ],
        },
        {
          id: "shut-wr-sends-fin",
          idea: "shutdown(SHUT_WR) sends a FIN",
          weight: 2,
          phrasings: ["shut_wr|shutdown|shut-wr .. fin", "shut_wr|shutdown|shut-wr .. send*|write*|writ*", "send*|sends|sent .. fin .. still|keep*|open|read*", "sends|send|sent a|its fin"],
        },
        {
          id: "peer-eof-keeps-sending",
          idea: "The peer reads end-of-file but may keep sending",
          weight: 1,
          phrasings: ["read*|recv* .. return* .. 0|zero|eof|end", "end-of-file|eof", "peer|other|server .. keep*|continu*|still|may|can .. send*|writ*"],
        },
        {
          id: "fin-wait-2-close-wait",
          idea: "The caller is in FIN-WAIT-2, the peer in CLOSE-WAIT",
          weight: 1,
          phrasings: ["fin-wait-2|fin-wait2 .. close-wait", "close-wait .. fin-wait-2|fin-wait2"],
        },
        {
          id: "not-half-open",
          idea: "Half-closed is not half-open",
          weight: 1,
          phrasings: ["half-open .. different|not|crash*|lost|lose*|without|unaware|forgot*", "not .. half-open", "half-open .. mean*|is .. one .. side"],
        },
      ],
      misconceptions: [
        {
          id: "shut-wr-closes-both",
          label: "Thinks SHUT_WR closes both directions",
          whyWrong: "SHUT_WR closes only the sending direction; the socket can still read (man 2 shutdown; RFC 9293 §3.6.1).",
          phrasings: ["shut_wr|shutdown|shutting .. clos* .. both|whole|entire", "same .. as .. close"],
        },
        {
          id: "half-close-is-half-open",
          label: "Confuses half-closed with half-open",
          whyWrong: "Half-closed is a deliberate one-way close both sides know about; half-open is a connection one side has lost (RFC 9293 §3.5.1, §3.6.1).",
          phrasings: ["half-close*|half-closed .. same|is|means .. half-open", "half-open .. same|is|means .. half-close*|half-closed", "half-close*|half-closed .. half-open .. same"],
          unless: ["not|never|different|differ*|opposite"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Shutting down with SHUT_WR closes both directions, exactly like close() does.", whyWrong: "It sends a FIN and closes only the sending direction; reading continues until the peer's FIN (man 2 shutdown)." },
      { claim: "Half-closed and half-open are the same thing: one side has crashed.", whyWrong: "Half-closed is a deliberate one-way close (RFC 9293 §3.6.1); half-open is a connection one side lost without the other knowing (§3.5.1)." },
      { claim: "After a half-close the peer can no longer send any data.", whyWrong: "The peer's direction is still open: it may send as long as it likes and closes it with its own FIN (RFC 9293 §3.6.1)." },
    ],
    followUps: ["Why does tcp_fin_timeout not apply to a half-closed socket?", "What does SHUT_RD do on Linux, and does it send anything?"],
    lesson: { slug: "four-way-close", anchor: "half-close-shutdownshut_wr" },
    preset: "half-close",
  },
  {
    id: "close-with-unread-data",
    topic: "close",
    difficulty: "core",
    question: "What happens if an application calls close() while data it has not read is still in the socket's receive buffer?",
    modelAnswer:
      "Linux sends an RST instead of a FIN. A FIN promises that everything was delivered in order, and the unread data will now never reach the application. " +
      "So tcp_close() discards the data, moves the socket straight to CLOSED and resets the connection, counting TcpExtTCPAbortOnClose; RFC 2525 §2.17 recommends this. " +
      "There is no FIN-WAIT and no TIME-WAIT. " +
      "The peer's next recv or send fails with ECONNRESET, and data still in flight toward the closed socket is lost. " +
      "A server that closes without reading the rest of a request can therefore make its clients see a connection reset. " +
      "The fix is to read until end of file, or to shut down the write side first and drain the input, before closing.",
    sources: ["tcp_close(), net/ipv4/tcp.c (TcpExtTCPAbortOnClose)", "RFC 2525 §2.17", "RFC 9293 §3.6", "man 7 tcp (ECONNRESET)"],
    rubric: {
      ideas: [
        {
          id: "rst-not-fin",
          idea: "Linux sends an RST instead of a FIN",
          weight: 2,
          phrasings: ["rst|reset .. instead|rather|not .. fin", "send*|sends|sent .. rst|reset", "reset* .. connection", "rst .. fin"],
        },
        {
          id: "why-data-lost",
          idea: "The unread data can never be delivered, so a FIN would lie",
          weight: 1,
          phrasings: ["data .. never .. read|deliver*|reach*", "unread .. lost|discard*|thrown|drop*", "fin .. promis*|mean*|say*|claim* .. deliver*|read", "discard*|drop*|throw* .. data"],
        },
        {
          id: "no-time-wait",
          idea: "No FIN-WAIT, no TIME-WAIT: straight to CLOSED",
          weight: 1,
          phrasings: ["no|without|skip* .. time-wait|fin-wait*", "straight|directly|immediately .. closed"],
        },
        {
          id: "peer-econnreset",
          idea: "The peer gets ECONNRESET",
          weight: 2,
          phrasings: ["econnreset", "connection-reset|reset-by-peer", "peer .. error|fail*"],
        },
        {
          id: "read-first",
          idea: "Read until EOF (or shut down and drain) before closing",
          weight: 1,
          phrasings: ["read|drain* .. until|to .. eof|end-of-file|end|0|zero", "read* .. before .. clos*", "shut* .. first|before", "drain*"],
        },
      ],
      misconceptions: [
        {
          id: "fin-and-silent-discard",
          label: "Thinks close() sends a normal FIN and quietly drops the data",
          whyWrong: "Linux sends RST when unread data is discarded (tcp_close(), RFC 2525 §2.17).",
          phrasings: ["normal|regular|ordinary|usual fin", "still .. send*|sends .. fin", "quietly|silently .. discard*|drop*|thrown|throw*"],
        },
        {
          id: "kernel-waits-for-read",
          label: "Thinks the kernel keeps the socket until the data is read",
          whyWrong: "After close() no one can read it; the kernel discards the data and resets at once.",
          phrasings: ["kernel .. keep*|wait*|deliver*|hold* .. until|later", "wait* .. until .. read*"],
        },
        {
          id: "only-so-linger-resets",
          label: "Thinks only SO_LINGER makes close() send RST",
          whyWrong: "Unread data alone is enough; SO_LINGER with a zero timeout is a second way (tcp_close()).",
          phrasings: ["only .. so_linger|linger", "need*|requir* .. so_linger|linger"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "close() sends a normal FIN and the unread data is just thrown away quietly.", whyWrong: "Linux sends RST instead, so the peer learns that data was lost (tcp_close(); RFC 2525 §2.17)." },
      { claim: "The kernel keeps the socket open until the application has read the data.", whyWrong: "After close() nothing can read it: the kernel discards it and resets the connection at once." },
      { claim: "Only SO_LINGER with a zero timeout can make close() send an RST.", whyWrong: "Unread data in the receive queue also makes tcp_close() send RST; SO_LINGER {1, 0} is a second case." },
    ],
    followUps: [
      "How would you see this happening on a busy server?",
      "Why do HTTP servers implement a lingering close?",
      "What does the peer see if it is in the middle of sending when the RST arrives?",
    ],
    lesson: { slug: "four-way-close", anchor: "rst-instead-of-fin" },
    preset: "close-with-unread-data",
  },
  {
    id: "close-simultaneous",
    topic: "close",
    difficulty: "core",
    question: "What happens when both sides call close() at the same time?",
    modelAnswer:
      "Both FINs cross in the network. Each side has sent its FIN and is in FIN-WAIT-1, waiting for the ACK, when the peer's FIN arrives instead. " +
      "It acknowledges that FIN and enters CLOSING: both FINs have been sent and received, and only the ACK of its own FIN is missing. " +
      "When that ACK arrives it moves to TIME-WAIT. " +
      "Both sides are active closers, so both end in TIME-WAIT, for 60 seconds on Linux. " +
      "Neither of them passes through CLOSE-WAIT or LAST-ACK. " +
      "The exchange is still four segments, two FINs and two ACKs, only sent in parallel instead of one after the other (RFC 9293 §3.6).",
    sources: ["RFC 9293 §3.6 (Simultaneous Close Sequence)", "tcp_fin(), net/ipv4/tcp_input.c", "TCP_TIMEWAIT_LEN, include/net/tcp.h"],
    rubric: {
      ideas: [
        {
          id: "enters-closing",
          idea: "Each side goes to CLOSING",
          weight: 2,
          phrasings: ["closing-state|closing", "enter*|mov*|go|goes|transition* .. closing"],
          unless: ["both .. closing .. at|same|simultaneous*"],
        },
        {
          id: "fin-in-fin-wait-1",
          idea: "Each receives the peer's FIN while in FIN-WAIT-1, before its own FIN is acknowledged",
          weight: 1,
          phrasings: ["fin-wait-1|fin-wait1", "fin* .. cross*", "before .. own|its|their .. fin .. ack*|acknowledg*"],
        },
        {
          id: "both-time-wait",
          idea: "Both sides end in TIME-WAIT",
          weight: 2,
          phrasings: ["both .. time-wait|timewait|time_wait", "each|either .. side|end .. time-wait"],
        },
        {
          id: "no-close-wait",
          idea: "Neither side passes through CLOSE-WAIT or LAST-ACK",
          weight: 1,
          phrasings: ["no|neither|never|without|not|nobody|none .. close-wait|last-ack"],
        },
      ],
      misconceptions: [
        {
          id: "simultaneous-close-rst",
          label: "Thinks a simultaneous close ends in a reset",
          whyWrong: "RFC 9293 §3.6 defines the simultaneous close: both sides ACK each other's FIN and go through CLOSING to TIME-WAIT.",
          phrasings: ["rst|reset|econnreset"],
        },
        {
          id: "both-close-wait",
          label: "Thinks both sides go to CLOSE-WAIT or LAST-ACK",
          whyWrong: "Both sent their FIN first, so both are active closers: FIN-WAIT-1, CLOSING, TIME-WAIT.",
          phrasings: ["both .. close-wait|last-ack"],
          unless: ["no|neither|never|without|not"],
        },
        {
          id: "one-time-wait",
          label: "Thinks only one side ends in TIME-WAIT",
          whyWrong: "Both are active closers, so both hold TIME-WAIT (RFC 9293 §3.6).",
          phrasings: ["only|just .. one .. side|end .. time-wait", "one .. side|end .. time-wait .. other .. closed|not"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "One side gets an RST because its FIN crossed the other side's FIN.", whyWrong: "Crossing FINs are a normal case: each side ACKs the other's FIN and goes through CLOSING to TIME-WAIT (RFC 9293 §3.6)." },
      { claim: "Both sides go to CLOSE-WAIT and then LAST-ACK.", whyWrong: "Those are passive-closer states; here both sent a FIN first, so both go FIN-WAIT-1, CLOSING, TIME-WAIT." },
      { claim: "Only one side ends in TIME-WAIT, the one whose FIN left first.", whyWrong: "Both sides are active closers and both hold TIME-WAIT (RFC 9293 §3.6)." },
    ],
    followUps: ["Why would ss rarely show a socket in CLOSING?", "What if the ACK of one side's FIN is lost while it is in CLOSING?"],
    lesson: { slug: "four-way-close", anchor: "simultaneous-close-closing" },
    preset: "simultaneous-close",
  },
];
