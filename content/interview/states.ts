// Interview questions: the eleven TCP states (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const statesQuestions: InterviewQuestion[] = [
  {
    id: "states-active-or-passive-closer",
    topic: "states",
    difficulty: "core",
    question: "Which TCP states can only the active closer be in, and which only the passive closer?",
    modelAnswer:
      "The active closer is whichever end sends the first FIN, client or server. " +
      "Only the active closer passes through FIN-WAIT-1 and FIN-WAIT-2 and finally sits in TIME-WAIT. CLOSING is also its state and occurs only in a simultaneous close. " +
      "Only the passive closer goes through CLOSE-WAIT and LAST-ACK. In CLOSE-WAIT its kernel already has the peer's FIN and is waiting for the local application to call close. In LAST-ACK it expects the acknowledgment of its own FIN. " +
      "When both applications shut down together, both sides are active closers: each one goes from FIN-WAIT-1 through CLOSING to TIME-WAIT, and neither enters CLOSE-WAIT. " +
      "So many TIME-WAIT sockets reveal who hangs up first, whereas many CLOSE-WAIT sockets reveal a program that never releases its descriptors.",
    sources: ["RFC 9293 §3.3.2 (state machine overview, figure 5)", "RFC 9293 §3.6 (closing a connection)"],
    rubric: {
      ideas: [
        {
          id: "active-closer-defined",
          idea: "The active closer is whichever side sends the first FIN",
          weight: 1,
          phrasings: [
            "side|end|host|one .. send*|sends|sent .. first .. fin",
            "first .. fin",
            "whoever|whichever .. close*|send*|sends",
            "close*|closes .. first",
            "client|server .. either|not-matter|does-not-matter",
          ],
        },
        {
          id: "active-states",
          idea: "FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT belong to the active closer",
          weight: 2,
          phrasings: ["active .. fin-wait*|time-wait", "fin-wait* .. time-wait .. active", "fin-wait*|time-wait .. active"],
        },
        {
          id: "closing-simultaneous",
          idea: "CLOSING occurs only in a simultaneous close",
          weight: 1,
          phrasings: ["closing .. simultaneous*|both|active", "simultaneous* .. closing"],
        },
        {
          id: "passive-states",
          idea: "CLOSE-WAIT and LAST-ACK belong to the passive closer",
          weight: 2,
          phrasings: ["passive .. close-wait|last-ack", "close-wait|last-ack .. passive"],
        },
        {
          id: "simultaneous-both-active",
          idea: "In a simultaneous close both sides are active closers",
          weight: 1,
          phrasings: ["simultaneous* .. both .. active", "both .. active-closer*|active", "both .. time-wait"],
        },
      ],
      misconceptions: [
        {
          id: "time-wait-on-server",
          label: "Thinks TIME-WAIT is always on the server",
          whyWrong: "TIME-WAIT belongs to whichever side closes first, client or server (RFC 9293 §3.6).",
          phrasings: ["time-wait .. server|servers", "server* .. time-wait"],
          unless: ["client|either|whichever|whoever|first|if|when"],
        },
        {
          id: "passive-states-on-active",
          label: "Puts CLOSE-WAIT or LAST-ACK on the active closer",
          whyWrong: "CLOSE-WAIT and LAST-ACK are where the side that received the first FIN waits (RFC 9293 §3.3.2).",
          phrasings: ["close-wait|last-ack .. active|initiat*", "active|initiat* .. close-wait|last-ack", "close-wait .. closed|close* first"],
          unless: ["passive|not|never|neither|no|only-the-passive"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "TIME-WAIT is always on the server, and CLOSE-WAIT on the client.", whyWrong: "TIME-WAIT is on the side that closed first and CLOSE-WAIT on the other, whichever is client or server (RFC 9293 §3.6)." },
      { claim: "CLOSE-WAIT belongs to the side that closed first, while it waits for the peer.", whyWrong: "CLOSE-WAIT is the passive closer's state: it has received the FIN and waits for its own application to close (RFC 9293 §3.3.2)." },
      { claim: "LAST-ACK is the last state of the active closer, right after TIME-WAIT.", whyWrong: "LAST-ACK belongs to the passive closer, which waits there for the ACK of its FIN; the active closer's last state is TIME-WAIT." },
    ],
    followUps: [
      "A web server has thousands of TIME-WAIT sockets. What does that tell you about who closes?",
      "Which of these states can the kernel time out by itself, and which depend on the application?",
    ],
    lesson: { slug: "four-way-close", anchor: "all-eleven-states" },
    preset: "close-server-first",
  },
  {
    id: "states-closing",
    topic: "states",
    difficulty: "core",
    question: "What is the CLOSING state, and when would you see a socket in it?",
    modelAnswer:
      "CLOSING means that both FINs have been sent and received but the ACK of this side's own FIN has not arrived yet. " +
      "A socket reaches it from FIN-WAIT-1. It has sent its FIN, and the peer's FIN arrives before its own FIN is acknowledged. " +
      "That happens in a simultaneous close, when both applications close at about the same time and the two FINs cross. " +
      "The socket acknowledges the peer's FIN and waits in CLOSING for the ACK of its own. " +
      "When that ACK arrives it moves to TIME-WAIT, and both sides end in TIME-WAIT. " +
      "It is rare and usually lasts about one round trip, so ss seldom shows it.",
    sources: ["RFC 9293 §3.3.2 (CLOSING)", "RFC 9293 §3.6 (Simultaneous Close Sequence)", "tcp_fin(), net/ipv4/tcp_input.c"],
    rubric: {
      ideas: [
        {
          id: "both-fins-crossed",
          idea: "Both FINs were sent and received: the peer's FIN arrived before its own was acknowledged",
          weight: 2,
          phrasings: [
            "both|two fin*",
            "fin* .. cross*",
            "peer|other|their .. fin .. arriv*|come*|came|received .. before|while|not-yet",
            "before .. own|its|my .. fin .. acknowledg*|ack*",
            "before .. acknowledg*|ack* .. fin .. arriv*|came|come*|showed|shows",
          ],
        },
        {
          id: "from-fin-wait-1",
          idea: "It is entered from FIN-WAIT-1",
          weight: 1,
          phrasings: ["fin-wait-1|fin-wait1|fin_wait1"],
        },
        {
          id: "simultaneous-close",
          idea: "It happens in a simultaneous close",
          weight: 2,
          phrasings: ["simultaneous*|same-time|at-once", "both .. close* .. same|once|together|simultaneous*"],
        },
        {
          id: "waits-for-ack",
          idea: "It waits for the ACK of its own FIN",
          weight: 1,
          phrasings: ["wait* .. ack*|acknowledg* .. own|its|my|their .. fin", "wait* .. ack*|acknowledg*"],
        },
        {
          id: "then-time-wait",
          idea: "It then moves to TIME-WAIT",
          weight: 1,
          phrasings: ["time-wait|timewait|time_wait"],
        },
      ],
      misconceptions: [
        {
          id: "closing-after-close-call",
          label: "Thinks CLOSING is the state right after close() is called",
          whyWrong: "After close() a socket with an open connection goes to FIN-WAIT-1 (or LAST-ACK from CLOSE-WAIT); CLOSING needs the peer's FIN to cross its own (RFC 9293 §3.3.2).",
          phrasings: ["closing .. right|just|immediately .. after|when .. call*|close*", "closing .. after .. application|app|program .. call*|close*"],
        },
        {
          id: "closing-passive-waits-app",
          label: "Thinks CLOSING is where the passive side waits for its application",
          whyWrong: "That is CLOSE-WAIT. CLOSING waits for the ACK of its own FIN after both FINs crossed.",
          phrasings: ["closing .. wait* .. application|app|program", "closing .. passive"],
        },
        {
          id: "closing-lost-ack",
          label: "Thinks CLOSING means the final ACK of a normal close was lost",
          whyWrong: "A lost final ACK makes the passive side retransmit its FIN from LAST-ACK; CLOSING comes from crossing FINs.",
          phrasings: ["closing .. final|last ack .. lost|drop*|missing", "lost|drop*|missing .. final|last ack .. closing"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "CLOSING is the state a socket enters right after the application calls close().", whyWrong: "That is FIN-WAIT-1; CLOSING needs the peer's FIN to arrive before the ACK of one's own FIN (RFC 9293 §3.3.2)." },
      { claim: "CLOSING is where the passive side waits for its application to close.", whyWrong: "That is CLOSE-WAIT. CLOSING waits for the ACK of its own FIN in a simultaneous close." },
      { claim: "CLOSING happens when the final ACK of a normal close is lost.", whyWrong: "Then the passive side, in LAST-ACK, retransmits its FIN and the active side, in TIME-WAIT, ACKs it again; nobody enters CLOSING." },
    ],
    followUps: ["Why does a normal close never pass through CLOSING?", "What does a socket in CLOSING do if the ACK of its FIN never comes?"],
    lesson: { slug: "four-way-close", anchor: "simultaneous-close-closing" },
    preset: "simultaneous-close",
  },
  {
    id: "states-last-ack",
    topic: "states",
    difficulty: "core",
    question: "What does a socket in LAST-ACK wait for, and what happens if it never arrives?",
    modelAnswer:
      "LAST-ACK belongs to the passive closer. It received the peer's FIN and went to CLOSE-WAIT, and then its application closed, which sent its own FIN. " +
      "Now it waits for the ACK of that FIN. When the ACK arrives it goes straight to CLOSED, without TIME-WAIT. " +
      "If the ACK is lost, it retransmits the FIN on its retransmission timer, and the peer, still in TIME-WAIT, acknowledges it again. " +
      "If the peer has vanished, the socket is an orphan that no application holds, so tcp_orphan_retries bounds its retransmissions. " +
      "The sysctl reads 0, which Linux treats as 8, a hundred seconds or more, and then the socket is dropped silently. " +
      "A pile of LAST-ACK sockets means peers disappearing during the close, not a leak in your code.",
    sources: ["RFC 9293 §3.3.2 (LAST-ACK), §3.6", "tcp_orphan_retries(), net/ipv4/tcp_timer.c", "Documentation/networking/ip-sysctl.rst (tcp_orphan_retries)"],
    rubric: {
      ideas: [
        {
          id: "passive-closer",
          idea: "LAST-ACK belongs to the passive closer, after CLOSE-WAIT",
          weight: 1,
          phrasings: ["passive", "side|end .. close*|closes .. second|last", "after|from .. close-wait", "close-wait .. then|before"],
        },
        {
          id: "waits-ack-of-fin",
          idea: "It waits for the ACK of its own FIN",
          weight: 2,
          phrasings: ["wait* .. ack*|acknowledg* .. fin", "ack*|acknowledg* .. of|for .. its|own|my|their|that .. fin"],
        },
        {
          id: "closed-without-time-wait",
          idea: "On the ACK it goes straight to CLOSED, with no TIME-WAIT",
          weight: 1,
          phrasings: ["closed .. without|no|not .. time-wait", "no|without|never|not .. time-wait", "straight|directly|immediately .. closed"],
        },
        {
          id: "retransmits-fin",
          idea: "If the ACK is lost it retransmits the FIN, and the peer in TIME-WAIT ACKs it again",
          weight: 2,
          phrasings: ["retransmit*|resend*|resent|resends .. fin", "fin .. again|retransmit*|resent", "time-wait .. ack*|answer*|acknowledg*"],
        },
        {
          id: "orphan-retries",
          idea: "As an orphan it gives up after tcp_orphan_retries (0 means 8), dropped silently",
          weight: 1,
          phrasings: ["tcp_orphan_retries|orphan_retries", "orphan*", "8|eight .. retr*|retransmission*|times", "give*|gives|drop*|dropped|discard* .. up|eventually|silently|after"],
        },
      ],
      misconceptions: [
        {
          id: "last-ack-on-active",
          label: "Puts LAST-ACK on the active closer",
          whyWrong: "The active closer goes FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT; LAST-ACK is the passive closer's (RFC 9293 §3.3.2).",
          phrasings: ["last-ack .. active|initiat*", "active|initiat* .. last-ack"],
          unless: ["passive|not|never"],
        },
        {
          id: "last-ack-sends-ack",
          label: "Thinks a socket in LAST-ACK sends the last ACK",
          whyWrong: "It waits to receive the ACK of its own FIN; the last ACK is sent by the active closer, which then enters TIME-WAIT.",
          phrasings: ["last-ack .. send*|sends|sending .. last|final .. ack", "send*|sends .. last|final ack .. last-ack"],
          unless: ["peer|other|active|receiv*|wait*"],
        },
        {
          id: "last-ack-forever",
          label: "Thinks a LAST-ACK socket stays forever",
          whyWrong: "Its FIN retransmissions are bounded (tcp_orphan_retries for an orphan); after that the kernel drops it.",
          phrasings: ["forever|indefinitely|reboot*", "never .. time*|timeout|go*|disappear*|freed|cleared|expire*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "LAST-ACK is the active closer's state while it sends the last ACK of the connection.", whyWrong: "LAST-ACK belongs to the passive closer, which waits to receive the ACK of its own FIN (RFC 9293 §3.3.2)." },
      { claim: "It waits forever; only a reboot clears a socket stuck in LAST-ACK.", whyWrong: "It retransmits its FIN a bounded number of times (tcp_orphan_retries, 8 when set to 0) and is then dropped." },
      { claim: "A pile of LAST-ACK sockets means your application forgot to call close().", whyWrong: "LAST-ACK means the application did close; the peer never acknowledged the FIN. A missing close() shows as CLOSE-WAIT." },
    ],
    followUps: ["Which segment does the peer in TIME-WAIT send when the FIN arrives again?", "How would you tell LAST-ACK sockets from a CLOSE-WAIT leak in ss output?"],
    lesson: { slug: "peer-vanishes", anchor: "when-your-side-has-closed-orphans-and-last-ack" },
    preset: "time-wait-lost-final-ack",
  },
  {
    id: "states-fin-wait-1-and-2",
    topic: "states",
    difficulty: "core",
    question: "What is the difference between FIN-WAIT-1 and FIN-WAIT-2, and what does a long stay in each tell you?",
    modelAnswer:
      "Both belong to the active closer. In FIN-WAIT-1 it has sent its FIN and waits for that FIN to be acknowledged, or for the peer's FIN. " +
      "Once the ACK arrives it moves to FIN-WAIT-2. There its own direction is closed and it waits for the peer's FIN, while the peer may still send data. " +
      "Many sockets in FIN-WAIT-1 mean FINs that are not acknowledged: the peer is unreachable, or its zero window keeps the queued data and the FIN from leaving. " +
      "Many in FIN-WAIT-2 mean peers that ACK the FIN but never close, a CLOSE-WAIT leak on their side. " +
      "An orphaned FIN-WAIT-2 is dropped after tcp_fin_timeout, 60 s by default. A half-closed socket that its application still holds may wait indefinitely.",
    sources: ["RFC 9293 §3.3.2 (FIN-WAIT-1, FIN-WAIT-2)", "man 7 tcp (tcp_fin_timeout)", "tcp_fin_time(), include/net/tcp.h"],
    rubric: {
      ideas: [
        {
          id: "fin-wait-1-waits-ack",
          idea: "FIN-WAIT-1: its FIN is sent and not yet acknowledged",
          weight: 2,
          phrasings: [
            "fin-wait-1|fin-wait1|fin_wait1 .. wait* .. ack*|acknowledg*",
            "fin-wait-1|fin-wait1|fin_wait1 .. sent|send*|sends .. fin",
            "wait* .. for .. its|own|the .. fin .. acknowledg*|ack*",
            "fin .. not-yet|unacknowledged|un-acked|unacked",
          ],
        },
        {
          id: "fin-wait-2-waits-peer-fin",
          idea: "FIN-WAIT-2: its FIN is acknowledged, waiting for the peer's FIN",
          weight: 2,
          phrasings: [
            "fin-wait-2|fin-wait2|fin_wait2 .. wait* .. peer|other|their|remote .. fin",
            "fin-wait-2|fin-wait2|fin_wait2 .. own|its|my .. fin .. ack*|acknowledg*|confirmed",
            "ack*|acknowledg* .. fin-wait-2|fin-wait2|fin_wait2",
            "wait* .. for .. peer|other|their|remote .. fin",
          ],
        },
        {
          id: "fin-wait-1-stuck",
          idea: "A long FIN-WAIT-1 means the FIN is not getting acknowledged (peer unreachable, zero window)",
          weight: 1,
          phrasings: ["unreachable|dead|gone|vanish*|down", "zero-window|zero", "not .. acknowledg*|ack*|answer*|respond*"],
        },
        {
          id: "fin-wait-2-close-wait-peer",
          idea: "A long FIN-WAIT-2 means the peer never closes (its CLOSE-WAIT)",
          weight: 1,
          phrasings: ["close-wait", "peer|other|their .. never|not .. close*|call*"],
        },
        {
          id: "fin-timeout-orphans",
          idea: "An orphaned FIN-WAIT-2 is dropped after tcp_fin_timeout",
          weight: 1,
          phrasings: ["tcp_fin_timeout|fin_timeout|fin-timeout"],
        },
      ],
      misconceptions: [
        {
          id: "fin-wait-2-second-ack",
          label: "Thinks FIN-WAIT-2 waits for a second ACK",
          whyWrong: "Its FIN is already acknowledged; FIN-WAIT-2 waits for the peer's FIN (RFC 9293 §3.3.2).",
          phrasings: ["fin-wait-2|fin-wait2 .. second .. ack*", "wait* .. second|another ack"],
        },
        {
          id: "fin-timeout-time-wait",
          label: "Thinks tcp_fin_timeout sets TIME-WAIT or FIN-WAIT-1",
          whyWrong: "tcp_fin_timeout bounds only an orphaned FIN-WAIT-2 (man 7 tcp); TIME-WAIT is the fixed TCP_TIMEWAIT_LEN of 60 s.",
          phrasings: ["tcp_fin_timeout|fin_timeout|fin-timeout .. time-wait|timewait|time_wait|fin-wait-1|fin-wait1", "time-wait|fin-wait-1 .. tcp_fin_timeout|fin_timeout"],
        },
        {
          id: "fin-waits-passive",
          label: "Puts the FIN-WAIT states on the passive closer",
          whyWrong: "FIN-WAIT-1 and FIN-WAIT-2 follow one's own FIN: they belong to the active closer.",
          phrasings: ["fin-wait* .. passive", "passive .. fin-wait*"],
          unless: ["not|never"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "FIN-WAIT-2 means the socket is waiting for a second ACK from the peer.", whyWrong: "Its FIN is already acknowledged; it waits for the peer's FIN (RFC 9293 §3.3.2)." },
      { claim: "tcp_fin_timeout sets how long FIN-WAIT-1 and TIME-WAIT last.", whyWrong: "It bounds only an orphaned FIN-WAIT-2 (man 7 tcp); TIME-WAIT is a fixed 60 s and FIN-WAIT-1 ends with the ACK or the retransmission limit." },
      { claim: "FIN-WAIT-1 and FIN-WAIT-2 are the passive side's states while it waits for its application.", whyWrong: "They belong to the active closer, after its own FIN; the passive side waits for its application in CLOSE-WAIT." },
    ],
    followUps: ["Why does tcp_fin_timeout apply only to orphaned sockets?", "Can a socket in FIN-WAIT-2 still receive data?"],
    lesson: { slug: "four-way-close", anchor: "what-the-peer-sees-orphaned-fin-wait-2-and-tcp_fin_timeout" },
    preset: "fin-wait-2-orphan",
  },
  {
    id: "states-opening",
    topic: "states",
    difficulty: "warm-up",
    question: "Which states does each side pass through while a connection opens, and what is each one waiting for?",
    modelAnswer:
      "The server's socket enters LISTEN after listen() and waits for a SYN from any peer. " +
      "The client's connect() sends a SYN and puts the client in SYN-SENT, where it waits for a SYN-ACK that acknowledges it. " +
      "When the SYN arrives, the server answers with a SYN-ACK, and the new connection is in SYN-RECEIVED, waiting for the ACK of its SYN. " +
      "On Linux the listener itself stays in LISTEN. Each pending connection is a small request sock in the SYN queue, shown by ss as SYN-RECV. " +
      "The client becomes ESTABLISHED when the SYN-ACK arrives, and the server's connection becomes ESTABLISHED when the final ACK arrives. " +
      "Only in a simultaneous open does a client pass through SYN-RECEIVED.",
    sources: ["RFC 9293 §3.3.2 (LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED)", "inet_csk_reqsk_queue_hash_add(), net/ipv4/inet_connection_sock.c", "sstate_name in misc/ss.c (iproute2)"],
    rubric: {
      ideas: [
        {
          id: "listen",
          idea: "LISTEN: the server's socket waits for a SYN from anyone",
          weight: 1,
          phrasings: ["listen* .. wait* .. syn|connection|request|any", "server .. listen", "listen .. after .. listen"],
        },
        {
          id: "syn-sent",
          idea: "SYN-SENT: the client has sent its SYN and waits for the SYN-ACK",
          weight: 1,
          phrasings: ["syn-sent .. wait* .. syn-ack|synack|answer|reply", "syn-sent .. client|connect*", "client|connect* .. syn-sent"],
        },
        {
          id: "syn-received",
          idea: "SYN-RECEIVED: the server has answered with a SYN-ACK and waits for the final ACK",
          weight: 2,
          phrasings: ["syn-received|syn-recv|syn-rcvd .. wait* .. ack*|final|third", "syn-received|syn-recv|syn-rcvd .. server|request|connection", "server|request|connection .. syn-received|syn-recv|syn-rcvd"],
        },
        {
          id: "listener-stays",
          idea: "On Linux the listener stays in LISTEN; requests are request socks in the SYN queue",
          weight: 1,
          phrasings: ["listen* .. stays|stay|remains|remain|keep*|still .. listen", "request-sock*|minisock*|request .. syn-queue", "syn-queue|syn-backlog"],
        },
        {
          id: "established-when",
          idea: "Client ESTABLISHED on the SYN-ACK, server on the final ACK",
          weight: 1,
          phrasings: ["client .. established .. syn-ack|synack", "server .. established .. ack|final|third", "established .. when|after|once"],
        },
      ],
      misconceptions: [
        {
          id: "listener-changes-state",
          label: "Thinks the listening socket itself moves to SYN-RECEIVED or ESTABLISHED",
          whyWrong: "The listener stays in LISTEN; each connection gets its own request sock and then its own socket (inet_csk_reqsk_queue_hash_add()).",
          phrasings: ["listen* .. socket .. becom*|mov*|goes|go|turn*|chang*|switch* .. syn-received|syn-recv|established", "listen* .. again .. next"],
        },
        {
          id: "client-syn-received",
          label: "Thinks the client passes through SYN-RECEIVED in a normal handshake",
          whyWrong: "A client goes SYN-SENT → ESTABLISHED; only a simultaneous open takes it through SYN-RECEIVED (RFC 9293 §3.5).",
          phrasings: ["client .. syn-received|syn-recv|syn-rcvd", "both .. syn-received|syn-recv|syn-rcvd"],
          unless: ["simultaneous*|only|not|never"],
        },
        {
          id: "server-syn-sent",
          label: "Thinks the server is in SYN-SENT after sending its SYN-ACK",
          whyWrong: "SYN-SENT is the active opener's state; after answering a SYN the server's connection is in SYN-RECEIVED.",
          phrasings: ["server .. syn-sent", "syn-sent .. after .. send*|sending|sent .. syn-ack|synack"],
          unless: ["not|never|client"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The listening socket itself moves to SYN-RECEIVED and then ESTABLISHED, so it must listen again for the next client.", whyWrong: "The listener stays in LISTEN; each incoming connection gets its own request sock and then its own socket." },
      { claim: "The server is in SYN-SENT after it sends the SYN-ACK.", whyWrong: "SYN-SENT belongs to the side that sent a SYN first; the server's connection is in SYN-RECEIVED (RFC 9293 §3.3.2)." },
      { claim: "Both client and server pass through SYN-RECEIVED in every handshake.", whyWrong: "The client goes SYN-SENT → ESTABLISHED; it enters SYN-RECEIVED only in a simultaneous open (RFC 9293 §3.5)." },
    ],
    followUps: ["How do you list the connections that are still in SYN-RECV on a server?", "What state is a client in while a firewall drops its SYNs?"],
    lesson: { slug: "three-way-handshake", anchor: "the-syn-queue-and-the-accept-queue" },
    preset: "handshake",
  },
  {
    id: "states-closed",
    topic: "states",
    difficulty: "warm-up",
    question: "What is the CLOSED state, and what happens when a segment arrives for a connection that is closed?",
    modelAnswer:
      "CLOSED is the state of no connection at all. RFC 9293 calls it fictional, because there is no TCB, no socket holds it and ss has nothing to list. " +
      "A connection starts there and returns there when LAST-ACK gets its ACK, when the 60 seconds of TIME-WAIT run out, or at once when it is reset or aborted. " +
      "A segment that arrives for a closed connection is answered with an RST, unless it is itself an RST. " +
      "A SYN to a port where nothing listens gets an RST with ACK, whose seq is 0 and whose ack is the SYN's seq plus one. Then connect() fails with ECONNREFUSED. " +
      "A data segment or ACK for a forgotten connection gets a bare RST whose seq is the segment's ACK number.",
    sources: ["RFC 9293 §3.3.2 (CLOSED is fictional)", "RFC 9293 §3.10.7.1 (segment arrives in CLOSED), §3.5.2 (reset generation)", "tcp_v4_send_reset(), net/ipv4/tcp_ipv4.c"],
    rubric: {
      ideas: [
        {
          id: "no-state",
          idea: "CLOSED means no connection state at all (no TCB)",
          weight: 2,
          phrasings: ["no|without .. connection|tcb|state|socket|control-block", "fictional|fictitious|imaginary", "nothing .. exist*|list*|state|left", "does|do not exist", "no-longer .. exist*"],
        },
        {
          id: "reached-from",
          idea: "It is reached from LAST-ACK, from TIME-WAIT's expiry, or by a reset",
          weight: 1,
          phrasings: ["last-ack .. ack*", "time-wait .. expir*|run*|end*|after|timer|60", "reset|rst|abort* .. closed|immediately|at-once"],
        },
        {
          id: "answered-with-rst",
          idea: "A segment for a closed connection is answered with an RST",
          weight: 2,
          phrasings: ["answer*|respond*|repl*|met|gets|get|draw*|trigger* .. rst|reset", "rst|reset .. in-response|sent|back", "send*|sends .. rst|reset"],
        },
        {
          id: "refused",
          idea: "A SYN to a closed port makes connect() fail with ECONNREFUSED",
          weight: 1,
          phrasings: ["econnrefused", "connection-refused", "refus*"],
        },
        {
          id: "rst-not-answered",
          idea: "An RST itself is never answered",
          weight: 1,
          phrasings: ["unless|except .. rst|reset", "rst|reset .. never|not .. answer*|respond*|repl*", "nobody|never .. answer*|respond*|repl* .. rst|reset"],
        },
      ],
      misconceptions: [
        {
          id: "closed-silently-dropped",
          label: "Thinks a segment for a closed connection is silently dropped",
          whyWrong: "RFC 9293 §3.10.7.1: a segment without RST arriving in CLOSED causes an RST in response; only a firewall drops silently.",
          phrasings: ["silently|quietly .. drop*|discard*|ignor*", "drop*|discard*|ignor* .. silently|quietly", "ignor*"],
          unless: ["not|never|firewall|rst|reset"],
        },
        {
          id: "closed-is-time-wait",
          label: "Confuses CLOSED with TIME-WAIT",
          whyWrong: "TIME-WAIT still holds state and a timer; CLOSED holds nothing (RFC 9293 §3.3.2).",
          phrasings: ["closed .. same|means|is .. time-wait", "closed .. wait* .. 60|seconds|minute*"],
          unless: ["after|not|never"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "A segment for a closed connection is silently dropped, so the sender just times out.", whyWrong: "The host answers with an RST (RFC 9293 §3.10.7.1); silence comes only from a firewall that drops it." },
      { claim: "CLOSED is the same as TIME-WAIT: the socket waits there for 60 seconds.", whyWrong: "TIME-WAIT holds the connection's state for 60 s on Linux; CLOSED is the absence of any state (RFC 9293 §3.3.2)." },
      { claim: "Only a SYN gets an answer; a stray ACK or data segment for an unknown connection is ignored.", whyWrong: "Any segment without RST for a nonexistent connection draws an RST, with seq taken from its ACK field (RFC 9293 §3.10.7.1)." },
    ],
    followUps: ["Why is the reset to a SYN sent with seq 0 and the ACK flag?", "What does the client see if a firewall drops its SYN instead?"],
    lesson: { slug: "three-way-handshake", anchor: "when-nobody-listens" },
    preset: "connection-refused",
  },
];
