// Interview questions: the three-way handshake (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const handshakeQuestions: InterviewQuestion[] = [
  {
    id: "handshake-why-three",
    topic: "handshake",
    difficulty: "core",
    question: "Why does TCP open a connection with three segments? Why not two?",
    modelAnswer:
      "Each side chooses its own initial sequence number, and each ISN must be sent once and acknowledged once. " +
      "That makes four messages, but the server's SYN and its ACK of the client's SYN travel together in the SYN-ACK, which leaves three. " +
      "Two would not be enough. After a SYN and a SYN-ACK the server does not know that the client received its ISN, or that the client wants this connection at all. " +
      "That matters for old duplicate SYNs. A delayed SYN from an abandoned attempt reaches the server, and the server answers it. " +
      "With three segments the client sees an ACK for a SYN it is not waiting for and replies with RST, so no phantom connection opens (RFC 9293 §3.5, figure 8). " +
      "With two, the server would consider that connection open.",
    sources: ["RFC 9293 §3.5 (handshake, figure 8: recovery from old duplicate SYN)", "RFC 9293 §3.4 (ISN)"],
    rubric: {
      ideas: [
        {
          id: "both-isns-acked",
          idea: "Each side's ISN must be sent and acknowledged",
          weight: 2,
          phrasings: [
            "each|both .. side*|end*|direction*|party|parties .. isn|initial-sequence-number|sequence-number*|starting-number|own",
            "isn*|sequence-number* .. acknowledg*|ack*|confirm*",
            "synchroniz* .. sequence*|isn*|both",
          ],
        },
        {
          id: "syn-and-ack-combined",
          idea: "The server's SYN and ACK share one segment, so four messages become three",
          weight: 1,
          phrasings: ["combin*|piggyback*|merg*|together|one-segment|same-segment|single-segment", "four .. messages|segments|steps .. three", "syn-ack|synack .. both"],
        },
        {
          id: "server-unsure",
          idea: "With two, the server would not know the client got its ISN or wants the connection",
          weight: 1,
          phrasings: [
            "server .. not|never .. know*|sure|confirm*|learn*",
            "server .. no|without .. confirm*|proof|way",
            "server .. know* .. client .. received|got|alive|want*",
            "not|never .. know* .. client .. received|got|want*",
          ],
        },
        {
          id: "old-duplicate-syn",
          idea: "A delayed old duplicate SYN is rejected by the client's RST instead of opening a connection",
          weight: 2,
          phrasings: [
            "old|delayed|stale|duplicate|late .. syn*",
            "phantom|bogus|stale|unwanted|spurious connection*",
            "client .. reject*|rst|reset*|refus*",
          ],
        },
      ],
      misconceptions: [
        {
          id: "third-for-client",
          label: "Thinks the third segment is what tells the client the server is there",
          whyWrong: "The client already knows after the SYN-ACK; the third segment tells the server that the client received its ISN (RFC 9293 §3.5).",
          phrasings: ["client .. know*|learn*|confirm*|sure .. server .. alive|there|exist*|reachable|listen*|can"],
          unless: ["already|second|syn-ack|synack"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Three are needed so that the client knows the server is alive and listening.", whyWrong: "The SYN-ACK already tells the client that. The third segment tells the server that its ISN arrived and that the client wants this connection (RFC 9293 §3.5)." },
      { claim: "It is a tradition from telephone signalling; two segments would work just as well.", whyWrong: "With two, an old duplicate SYN would open a connection nobody asked for, and the server would never learn whether its ISN arrived (RFC 9293 §3.5, figure 8)." },
      { claim: "The third segment exists to agree on the window size and the MSS.", whyWrong: "MSS and window scale travel in the SYN and SYN-ACK; the third segment acknowledges the server's ISN." },
    ],
    followUps: [
      "Walk me through the old duplicate SYN example: which segment does the client reset?",
      "What would break with a two-way handshake?",
    ],
    lesson: { slug: "three-way-handshake", anchor: "why-two-segments-are-not-enough-the-old-duplicate-syn" },
    preset: "handshake-old-duplicate-syn",
    whatIf: "two-way-handshake",
  },
  {
    id: "handshake-lost-synack-or-ack",
    topic: "handshake",
    difficulty: "core",
    question: "What happens if the SYN-ACK is lost? And what if the client's final ACK is lost?",
    modelAnswer:
      "If the SYN-ACK is lost, both sides retransmit. The client is still in SYN-SENT and resends its SYN after its 1-second timeout. " +
      "The server keeps the request in its SYN queue and resends the SYN-ACK on its own timer, 1 s and doubling, up to tcp_synack_retries times, 5 by default. " +
      "Whichever copy gets through completes the handshake. " +
      "If the final ACK is lost, the client is already ESTABLISHED and its connect() has returned. " +
      "The server's next SYN-ACK retransmission draws a new ACK. The client's first data segment also carries the ACK and completes the handshake on the server. " +
      "If nothing arrives, Linux drops the request after about 63 seconds, silently, without an RST.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_synack_retries: default 5, final timeout after 63 seconds)",
      "tcp_check_req(), net/ipv4/tcp_minisocks.c",
      "RFC 6298 §2.1 (initial RTO 1 s)",
    ],
    rubric: {
      ideas: [
        {
          id: "both-retransmit",
          idea: "With a lost SYN-ACK the client resends its SYN and the server resends the SYN-ACK",
          weight: 1,
          phrasings: [
            "client .. retransmit*|resend*|resent|retr* .. syn",
            "server .. retransmit*|resend*|resent|retr* .. syn-ack|synack",
            "both .. retransmit*|resend*|retry|retries",
            "syn-ack|synack .. retransmit*|resent|again",
            "retransmit*|resend*|resends|resent .. syn-ack|synack",
          ],
        },
        {
          id: "synack-retries",
          idea: "The server retries tcp_synack_retries times (5 by default), with doubling timeouts",
          weight: 1,
          phrasings: ["tcp_synack_retries|synack_retries", "5|five .. times|retries|retransmission*|attempts", "doubl*|exponential*|backoff|back-off"],
        },
        {
          id: "client-established",
          idea: "If the final ACK is lost, the client is already ESTABLISHED and connect() has returned",
          weight: 2,
          phrasings: [
            "client .. already|is|considers|thinks|believes .. established|open|connected",
            "connect* .. already|has .. return*",
            "connect* .. return*|succeed*|done",
            "has|had|already return*",
          ],
        },
        {
          id: "data-completes-it",
          idea: "The client's first data segment carries the ACK and completes the handshake",
          weight: 2,
          phrasings: [
            "data|first .. segment|packet .. carr*|has|includ*|contain* .. ack",
            "data .. complet*|finish*",
            "ack .. on|with|in .. data",
            "new|another|fresh ack",
          ],
        },
        {
          id: "silent-drop",
          idea: "Without any answer the server drops the request after about 63 s, without an RST",
          weight: 1,
          phrasings: ["63|64 s|sec*|seconds", "drop*|forget*|discard*|remov*|give*|gives .. silent*|quiet*|without|no .. rst|reset", "silent*|quiet*"],
        },
      ],
      misconceptions: [
        {
          id: "connect-fails-on-lost-ack",
          label: "Thinks connect() fails when the final ACK is lost",
          whyWrong: "connect() returns as soon as the SYN-ACK arrives and the ACK leaves; the client never learns that the ACK was lost.",
          phrasings: ["connect* .. fail*|time*|error*|econnrefused|etimedout", "client .. time*|timeout|fail* .. final|third|last-ack", "client .. fail*|error*|etimedout"],
          unless: ["syn-ack|synack|nobody|firewall|refus*|not"],
        },
        {
          id: "server-resets-after-retries",
          label: "Thinks the server sends an RST when it gives up on the SYN-ACK",
          whyWrong: "The request is dropped silently; the client learns of it only when it sends something and meets an RST (ip-sysctl.rst, tcp_synack_retries).",
          phrasings: ["server .. send*|sends|sent|answer*|repl* .. rst|reset .. after|when|once|give*", "give*|gives .. up .. send*|sends .. rst|reset", "server .. send*|sends .. rst|reset"],
          unless: ["not|never|no|without"],
        },
        {
          id: "client-retransmits-ack",
          label: "Thinks the client retransmits its ACK on a timer",
          whyWrong: "Nobody retransmits a pure ACK on a timer; the client ACKs again only when a retransmitted SYN-ACK arrives.",
          phrasings: ["client .. retransmit*|resend*|resends|repeat* .. ack .. timer|timeout|until"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "If the final ACK is lost, connect() on the client fails with a timeout.", whyWrong: "connect() has already returned when the ACK leaves; the server's SYN-ACK retransmission or the client's first data segment completes the handshake." },
      { claim: "The server gives up after tcp_synack_retries and sends an RST to the client.", whyWrong: "Linux drops the request silently after about 63 s (ip-sysctl.rst); no RST is sent." },
      { claim: "The client retransmits its final ACK on a timer until the server answers.", whyWrong: "A pure ACK has no retransmission timer; the client only answers the server's retransmitted SYN-ACKs." },
    ],
    followUps: [
      "The server dropped the request, and then the client sends data. What does the client see?",
      "How does tcp_abort_on_overflow change what happens when the accept queue is full?",
    ],
    lesson: { slug: "three-way-handshake", anchor: "when-the-syn-ack-is-lost-or-the-final-ack" },
    preset: "handshake-synack-unacked",
  },
  {
    id: "handshake-simultaneous-open",
    topic: "handshake",
    difficulty: "deep",
    question: "What is a simultaneous open, and what happens in it?",
    modelAnswer:
      "Both ends call connect() toward each other at the same moment, each from the port the other targets, so their SYNs cross in the network. " +
      "Each side is in SYN-SENT when the other's SYN arrives. It moves to SYN-RECEIVED and answers with a SYN-ACK that repeats its own SYN and acknowledges the peer's. " +
      "When each side receives the other's SYN-ACK, it enters ESTABLISHED. " +
      "The result is one connection, not two, built from four segments: two SYNs and two SYN-ACKs (RFC 9293 §3.5, figure 7). " +
      "Neither side ever listens. Linux supports it. It is rare by accident, since ephemeral ports rarely match, but peer-to-peer NAT traversal uses it on purpose.",
    sources: ["RFC 9293 §3.5 (figure 7, simultaneous connection synchronization)", "tcp_rcv_synsent_state_process(), net/ipv4/tcp_input.c"],
    rubric: {
      ideas: [
        {
          id: "syns-cross",
          idea: "Both sides send a SYN at the same time and the SYNs cross",
          weight: 1,
          phrasings: ["both|each .. send*|sent|connect* .. syn*|same-time|simultaneous*|each-other", "syns|syn* .. cross*", "both .. active*|connect*"],
        },
        {
          id: "syn-sent-to-syn-received",
          idea: "Each goes from SYN-SENT to SYN-RECEIVED and answers with a SYN-ACK",
          weight: 2,
          phrasings: ["syn-sent .. syn-received|syn-rcvd|syn-recv", "syn-received|syn-recv|syn-rcvd .. both|each", "both|each .. syn-received|syn-recv|syn-rcvd", "mov*|go|goes|enter*|switch*|transition* .. syn-received|syn-recv|syn-rcvd"],
        },
        {
          id: "one-connection",
          idea: "The result is one connection, not two",
          weight: 2,
          phrasings: ["one|single|same connection", "not|never .. two connection*"],
        },
        {
          id: "four-segments",
          idea: "It takes four segments: two SYNs and two SYN-ACKs",
          weight: 1,
          phrasings: ["four|4 segment*|packet*|messages", "two syn* .. two syn-ack*|synack*", "syn-ack*|synack* .. each|both"],
        },
        {
          id: "no-listen",
          idea: "Neither side needs to listen",
          weight: 1,
          phrasings: ["no|neither|without|never|not|nobody|none .. listen*", "listen* .. not .. need*|required"],
        },
      ],
      misconceptions: [
        {
          id: "two-connections",
          label: "Thinks a simultaneous open creates two connections",
          whyWrong: "Both SYNs belong to the same four-tuple, so they synchronize one connection (RFC 9293 §3.5, figure 7).",
          phrasings: ["two|2|separate|both .. connection*"],
          unless: ["one|single|same"],
        },
        {
          id: "simultaneous-open-fails",
          label: "Thinks a simultaneous open fails or is reset",
          whyWrong: "RFC 9293 defines it and Linux implements it: both sides end up ESTABLISHED.",
          phrasings: ["rst|reset|refus*|econnrefused", "connect* .. fail*|error"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Two separate connections are created, one in each direction.", whyWrong: "The two SYNs share one four-tuple; they open a single connection (RFC 9293 §3.5, figure 7)." },
      { claim: "It fails: one side gets an RST because nobody is listening.", whyWrong: "No listener is needed: each side is in SYN-SENT and accepts the other's SYN, moving to SYN-RECEIVED (RFC 9293 §3.5)." },
      { claim: "It is impossible, because one side must always call listen() first.", whyWrong: "TCP allows two active opens to meet; the state machine goes SYN-SENT → SYN-RECEIVED → ESTABLISHED on both sides (RFC 9293 figure 5, figure 7)." },
    ],
    followUps: [
      "Which state does each side pass through that an ordinary client never sees?",
      "How do peer-to-peer applications use simultaneous open to get through NAT?",
    ],
    lesson: { slug: "four-way-close", anchor: "all-eleven-states" },
  },
  {
    id: "handshake-connect-accept-return",
    topic: "handshake",
    difficulty: "core",
    question: "When does connect() return on the client, and when does accept() return on the server?",
    modelAnswer:
      "A blocking connect() returns as soon as the client's kernel receives the SYN-ACK and sends the final ACK. The client is then ESTABLISHED. " +
      "It does not wait for the server's application. " +
      "On the server the kernel completes the handshake by itself. The request sits in the SYN queue until the final ACK arrives, and then the connection, already ESTABLISHED, waits in the accept queue. " +
      "accept() just takes a finished connection out of that queue. It sends nothing and returns at once if a connection is waiting. " +
      "So a server whose application never calls accept() still completes handshakes until its accept queue is full, its limit being the smaller of backlog and somaxconn. Its clients connect and then wait for an answer.",
    sources: ["RFC 9293 §3.5", "__sys_listen() in net/socket.c (min(backlog, somaxconn))", "inet_csk_accept(), net/ipv4/inet_connection_sock.c", "man 2 connect, man 2 accept"],
    rubric: {
      ideas: [
        {
          id: "connect-on-synack",
          idea: "connect() returns when the SYN-ACK arrives and the ACK is sent",
          weight: 2,
          phrasings: [
            "connect* .. return* .. syn-ack|synack|second|final-ack|third|ack",
            "connect* .. return* .. established",
            "return* .. when|once|after|soon .. syn-ack|synack",
            "return* .. when|once|after|soon .. ack .. sent|leaves|goes",
          ],
        },
        {
          id: "no-wait-for-accept",
          idea: "connect() does not wait for the server application's accept()",
          weight: 1,
          phrasings: ["not|never .. wait* .. accept*|application|app|server", "connect* .. before .. accept*", "independent* .. accept*"],
        },
        {
          id: "kernel-completes",
          idea: "The server's kernel completes the handshake without the application",
          weight: 2,
          phrasings: ["kernel .. complet*|finish*|handl*|does .. handshake", "handshake .. complet*|finish* .. without|before .. accept*|application", "accept-queue|syn-queue"],
        },
        {
          id: "accept-dequeues",
          idea: "accept() only takes an established connection from the accept queue",
          weight: 2,
          phrasings: [
            "accept* .. tak*|dequeu*|remov*|pull*|pick*|return*|get* .. queue|finished|established|completed|ready",
            "accept* .. send*|sends .. nothing|no",
            "accept* .. not|never .. send*|part",
            "tak*|dequeu*|remov*|pull*|pick*|get*|grab* .. finished|established|completed|ready|complete .. connection*",
            "out-of|from|off .. queue",
          ],
        },
        {
          id: "queue-fills",
          idea: "Without accept(), handshakes complete until the accept queue (min(backlog, somaxconn)) is full",
          weight: 1,
          phrasings: ["backlog|somaxconn", "queue .. full|fills|overflow*|limit"],
        },
      ],
      misconceptions: [
        {
          id: "connect-waits-for-accept",
          label: "Thinks connect() waits for the server to call accept()",
          whyWrong: "The kernel completes the handshake; connect() returns when the SYN-ACK arrives, whether or not accept() is ever called.",
          phrasings: [
            "connect* .. wait*|block* .. until|for .. accept*",
            "connect* .. return* .. after|when|once|until .. accept*",
            "return* .. only .. after|when|once|until .. accept*",
            "return* .. after|when|once|until .. server|application|app .. accept*",
          ],
        },
        {
          id: "accept-sends-synack",
          label: "Thinks accept() sends the SYN-ACK or takes part in the handshake",
          whyWrong: "The kernel answers the SYN on its own; accept() only dequeues an established connection.",
          phrasings: ["accept* .. send*|sends|trigger*|start* .. syn-ack|synack|handshake", "handshake .. start*|begin* .. when|once|after .. accept*"],
        },
        {
          id: "connect-returns-on-syn",
          label: "Thinks a blocking connect() returns once the SYN is sent",
          whyWrong: "A blocking connect() waits for the SYN-ACK; only a non-blocking one returns early, with EINPROGRESS (man 2 connect).",
          phrasings: ["return* .. soon|once|when|after|immediately .. syn .. sent|leaves|goes|out"],
          unless: ["syn-ack|synack|non-blocking|nonblocking|einprogress"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "connect() returns only after the server application calls accept().", whyWrong: "The server's kernel completes the handshake alone; connect() returns when the SYN-ACK arrives (RFC 9293 §3.5)." },
      { claim: "accept() sends the SYN-ACK, so the handshake starts when the server application accepts.", whyWrong: "The kernel sends the SYN-ACK when the SYN arrives; accept() takes an already established connection from the accept queue." },
      {
        claim: "connect() returns as soon as the SYN has been sent.",
        whyWrong: "A blocking connect() waits for the SYN-ACK. A non-blocking one returns EINPROGRESS at once, and the socket becomes writable only when the handshake completes (man 2 connect).",
      },
    ],
    followUps: ["What do Recv-Q and Send-Q mean for a socket in LISTEN?", "What does TCP_DEFER_ACCEPT change about when accept() returns?"],
    lesson: { slug: "three-way-handshake", anchor: "the-syn-queue-and-the-accept-queue" },
    preset: "handshake",
  },
  {
    id: "handshake-carrying-data",
    topic: "handshake",
    difficulty: "deep",
    question: "Can the three-way handshake carry data?",
    modelAnswer:
      "Yes. RFC 9293 allows data in a SYN: the receiver holds it until the connection is established. " +
      "The third segment may carry data like any later segment, since it carries a valid ACK. " +
      "In practice Linux's third segment is a pure ACK only because the application's first send() comes after connect() returns. " +
      "Data in the SYN needs TCP Fast Open, RFC 7413. The client must ask for it with MSG_FASTOPEN or TCP_FASTOPEN_CONNECT, and the server must enable it. " +
      "By default the client also needs a cookie from an earlier connection to that server, so the first connection still costs a full round trip. " +
      "Linux's default tcp_fastopen of 1 enables only the client side.",
    sources: [
      "RFC 9293 §3.5, §3.10.7 (data in SYN held until established)",
      "RFC 7413 (TCP Fast Open)",
      "Documentation/networking/ip-sysctl.rst (tcp_fastopen, default 1)",
      "man 7 tcp (TCP_FASTOPEN, TCP_FASTOPEN_CONNECT)",
    ],
    rubric: {
      ideas: [
        {
          id: "third-segment-may",
          idea: "The third segment may carry data",
          weight: 2,
          phrasings: [
            "third|final|last .. segment|ack .. can|may|does|could .. carry|contain|includ*|have .. data",
            "data .. on|in|with .. third|final|last .. ack|segment",
            "ack .. carr*|contain* .. data",
          ],
        },
        {
          id: "syn-data-allowed",
          idea: "RFC 9293 allows data in a SYN, held until established",
          weight: 1,
          phrasings: ["syn .. can|may|could .. carry|contain|hold|have .. data", "data .. in|on .. syn .. held|queued|allowed|buffered|kept", "hold*|holds|queue* .. until .. established"],
        },
        {
          id: "fast-open",
          idea: "Linux sends data in a SYN only with TCP Fast Open",
          weight: 2,
          phrasings: ["fast-open|tfo|7413|msg_fastopen|tcp_fastopen_connect|tcp_fastopen"],
        },
        {
          id: "cookie",
          idea: "Fast Open needs a cookie from an earlier connection",
          weight: 1,
          phrasings: ["cookie*"],
        },
        {
          id: "why-pure-ack",
          idea: "Linux's third segment is usually a pure ACK only because send() comes later",
          weight: 1,
          phrasings: ["send* .. later|after .. connect*", "application|app .. send* .. later|after", "pure ack .. because|only"],
        },
      ],
      misconceptions: [
        {
          id: "third-segment-no-data",
          label: "Thinks the third handshake segment cannot carry data",
          whyWrong: "Any segment with a valid ACK may carry data, the third one included (RFC 9293 §3.5).",
          phrasings: ["third|final|last .. segment|ack .. not|never|no .. carr*|contain*|includ*|data"],
        },
        {
          id: "fast-open-default-on",
          label: "Thinks TCP Fast Open is on for every connection by default",
          whyWrong: "tcp_fastopen defaults to 1: the client side only, and only when the application asks with MSG_FASTOPEN or TCP_FASTOPEN_CONNECT (ip-sysctl.rst).",
          phrasings: ["fast-open|tfo .. default .. on|enabled|all|every", "every|all .. connection* .. data .. syn"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The third segment never carries data; data can only start after the handshake.", whyWrong: "RFC 9293 §3.5 allows data on any segment with a valid ACK, including the third one." },
      { claim: "A SYN can never carry data.", whyWrong: "RFC 9293 allows it (the data is held until the connection is established), and TCP Fast Open uses it (RFC 7413)." },
      { claim: "TCP Fast Open is on by default, so every Linux connection sends its data in the SYN.", whyWrong: "The default tcp_fastopen = 1 only lets clients use it when the application asks, and a cookie from an earlier connection is needed (ip-sysctl.rst)." },
    ],
    followUps: ["Why does Fast Open need a cookie?", "What risk does data in a SYN bring for requests that are not idempotent?"],
    lesson: { slug: "header-fields", anchor: "worked-example-the-real-linux-syn" },
  },
];
