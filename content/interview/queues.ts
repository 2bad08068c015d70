// Interview questions: SYN and accept queues (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const queuesQuestions: InterviewQuestion[] = [
  {
    id: "listen-backlog-meaning",
    topic: "queues",
    difficulty: "warm-up",
    question: "What does the backlog argument to listen() control on Linux, and what caps it?",
    modelAnswer:
      "Since Linux 2.2 the backlog is the length of the accept queue: connections whose handshake is complete and that wait for the application to call accept(). " +
      "It is not a count of half-open SYN-RECV requests. " +
      "The kernel silently caps it at the sysctl somaxconn, which defaults to 4096 since Linux 5.4 (128 before), so the effective limit is min(backlog, somaxconn), stored as sk_max_ack_backlog. " +
      "The queue counts as full only when it holds more than that, so backlog plus one connections fit. " +
      "Raising the backlog in code does nothing above somaxconn, and raising somaxconn does nothing for a program that asks for a small backlog: both must be raised. " +
      "On Linux 6.x the same number also bounds the SYN queue.",
    sources: [
      "man 2 listen (backlog is the accept queue since Linux 2.2; capped by somaxconn, 4096 since Linux 5.4)",
      "__sys_listen(), net/socket.c (min(backlog, somaxconn))",
      "sk_acceptq_is_full(), include/net/sock.h (sk_ack_backlog > sk_max_ack_backlog)",
      "inet_csk_reqsk_queue_is_full(), include/net/inet_connection_sock.h",
    ],
    rubric: {
      ideas: [
        {
          id: "accept-queue",
          idea: "The backlog is the accept queue: completed connections waiting for accept()",
          weight: 2,
          phrasings: ["accept queue|backlog", "complet*|established|finished .. connection*|handshake*", "wait* .. accept", "not .. accept* .. yet"],
        },
        { id: "somaxconn-cap", idea: "It is capped at net.core.somaxconn", weight: 2, phrasings: ["somaxconn"] },
        { id: "default-4096", idea: "somaxconn defaults to 4096 since Linux 5.4", weight: 1, phrasings: ["4096", "5 4"] },
        {
          id: "plus-one",
          idea: "Full only above the limit: backlog + 1 connections fit",
          weight: 1,
          phrasings: ["backlog plus|and 1|one", "backlog 1", "more than .. limit|backlog|that|it", "one extra|more connection*", "1|one extra|more than"],
        },
        { id: "raise-both", idea: "To grow it, raise both the backlog and somaxconn", weight: 1, phrasings: ["both .. rais*|increas*|bump*|chang*|set*", "rais*|increas*|bump*|chang* .. both"] },
      ],
      misconceptions: [
        {
          id: "backlog-is-half-open",
          label: "Thinks the backlog counts half-open (SYN-RECV) connections",
          whyWrong: "Since Linux 2.2 the backlog is the queue of completed connections waiting for accept() (man 2 listen).",
          phrasings: ["backlog .. half-open|incomplete|syn_recv|syn-recv|unacknowledged|unfinished", "half-open|incomplete|syn_recv|syn-recv .. backlog"],
        },
        {
          id: "somaxconn-128",
          label: "Thinks somaxconn still defaults to 128",
          whyWrong: "It has defaulted to 4096 since Linux 5.4 (man 2 listen); 128 was the older default.",
          phrasings: ["somaxconn .. default* .. 128", "default* .. 128"],
          unless: ["before|earlier|older|until|prior|used|was|pre"],
        },
        {
          id: "backlog-exact",
          label: "Thinks the kernel uses the backlog exactly as given",
          whyWrong: "It is capped at somaxconn (__sys_listen()) and the queue is full only above the limit, so backlog + 1 fit.",
          phrasings: ["exactly|exact .. backlog|one|pass*|given", "backlog .. exactly|exact"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The backlog is the maximum number of half-open connections in SYN_RECV.", whyWrong: "Since Linux 2.2 it is the length of the queue of completed connections waiting for accept() (man 2 listen)." },
      { claim: "somaxconn defaults to 128, so a backlog above 128 is ignored.", whyWrong: "The default has been 4096 since Linux 5.4 (man 2 listen); and a larger backlog is capped to somaxconn, not ignored." },
      { claim: "The kernel uses exactly the backlog you pass, so listen(fd, 1) allows exactly one pending connection.", whyWrong: "The backlog is capped at somaxconn, and the queue is full only when it holds more than the limit, so listen(fd, 1) lets two connections wait (sk_acceptq_is_full())." },
    ],
    followUps: [
      "How do you see a listener's accept-queue limit and current length on a live host?",
      "What happens to a new SYN when the accept queue is full?",
    ],
    lesson: { slug: "syn-flood", anchor: "a-handshake-in-the-kernel-two-queues" },
  },
  {
    id: "syn-queue-limit-max-syn-backlog",
    topic: "queues",
    difficulty: "deep",
    question: "How large is a listener's SYN queue on Linux 6.x, and what does tcp_max_syn_backlog actually do?",
    modelAnswer:
      "The SYN queue holds request socks in SYN-RECV, handshakes waiting for the client's final ACK. " +
      "On Linux 6.x it is limited by the same number as the accept queue, min(backlog, somaxconn): inet_csk_reqsk_queue_is_full() compares the queue length with sk_max_ack_backlog. " +
      "When it is full and tcp_syncookies is 1, the default, further SYNs are answered with cookies; with cookies off they are dropped. " +
      "tcp_max_syn_backlog, despite its name, is read only when syncookies are disabled: then, once the queue is three quarters of tcp_max_syn_backlog full, " +
      "SYNs from peers that have never completed a connection with this host are dropped, keeping the last quarter for proven peers. " +
      "With cookies on it has no effect.",
    sources: [
      "inet_csk_reqsk_queue_is_full(), include/net/inet_connection_sock.h (SYN queue against sk_max_ack_backlog)",
      "tcp_conn_request(), net/ipv4/tcp_input.c (cookies when full; the three-quarters rule only with tcp_syncookies = 0)",
      "Documentation/networking/ip-sysctl.rst (tcp_max_syn_backlog, tcp_syncookies)",
      "man 2 listen (with syncookies there is no logical maximum and tcp_max_syn_backlog is ignored)",
    ],
    rubric: {
      ideas: [
        {
          id: "same-limit",
          idea: "The SYN queue is bounded by min(backlog, somaxconn), the accept queue's limit",
          weight: 2,
          phrasings: ["min .. backlog .. somaxconn", "same .. limit|number|as .. accept", "sk_max_ack_backlog", "inet_csk_reqsk_queue_is_full", "backlog .. somaxconn"],
        },
        {
          id: "only-without-cookies",
          idea: "tcp_max_syn_backlog is read only when syncookies are off",
          weight: 2,
          phrasings: ["only .. syncookies|cookies|tcp_syncookies .. off|disabled|0|zero", "syncookies|cookies|tcp_syncookies .. off|disabled|0|zero", "without .. cookies|syncookies"],
        },
        { id: "three-quarters", idea: "Past three quarters of it, SYNs are dropped", weight: 1, phrasings: ["quarter*", "75"] },
        {
          id: "proven-peers",
          idea: "The last quarter is kept for peers proven alive",
          weight: 1,
          phrasings: ["proven|known|previous*|remembered|alive .. peer*|host*|destination*|client*", "peer*|host*|destination*|client* .. proven|alive|known|before|previous*"],
        },
        { id: "cookie-or-drop", idea: "When it is full: a cookie with tcp_syncookies = 1, a drop with 0", weight: 1, phrasings: ["full .. cookie*|syncookies|tcp_syncookies|drop*", "cookie* .. full|overflow*"] },
      ],
      misconceptions: [
        {
          id: "max-syn-backlog-is-size",
          label: "Thinks tcp_max_syn_backlog is the SYN queue's size",
          whyWrong: "The SYN queue is full at min(backlog, somaxconn) (inet_csk_reqsk_queue_is_full()); tcp_max_syn_backlog only drives the three-quarters rule with cookies off.",
          phrasings: ["tcp_max_syn_backlog .. is|sets|limits|caps|controls|determines .. size|length|limit|syn-queue", "syn queue .. size|length|limit .. tcp_max_syn_backlog"],
        },
        {
          id: "power-of-two",
          label: "Uses the pre-4.4 formula rounded to a power of two",
          whyWrong: "Since Linux 4.4 the SYN queue is a counter, not a hash table sized to a power of two.",
          phrasings: ["power* of two|2", "round* up"],
        },
        {
          id: "cookies-always-on",
          label: "Thinks SYN cookies are always in use",
          whyWrong: "With the default tcp_syncookies = 1, cookies are sent only while the SYN queue overflows (ip-sysctl.rst).",
          phrasings: ["cookie*|syncookies .. always", "always .. cookie*|syncookies"],
          unless: ["2|two"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The SYN queue's size is tcp_max_syn_backlog; raise it to survive a SYN flood.", whyWrong: "On Linux 6.x the SYN queue is full at min(backlog, somaxconn); tcp_max_syn_backlog is read only when tcp_syncookies = 0 (tcp_conn_request())." },
      { claim: "It is min(backlog, somaxconn, tcp_max_syn_backlog) + 1, rounded up to a power of two.", whyWrong: "That describes kernels before 4.4, when request socks lived in a hash table; today the queue is a counter compared with sk_max_ack_backlog." },
      { claim: "The SYN queue has no limit, because SYN cookies are always on.", whyWrong: "It is limited to min(backlog, somaxconn), and with the default tcp_syncookies = 1 cookies are sent only once it overflows." },
    ],
    followUps: [
      "What does a SYN from an unproven peer meet when tcp_syncookies is 0 and tcp_max_syn_backlog is 128?",
      "Why might lowering tcp_max_syn_backlog make a server drop SYNs earlier than its backlog suggests?",
    ],
    lesson: { slug: "syn-flood", anchor: "the-limits-exactly" },
  },
  {
    id: "accept-queue-full-final-ack",
    topic: "queues",
    difficulty: "core",
    question: "The accept queue is full when a client's final ACK of the handshake arrives. What happens, and what does tcp_abort_on_overflow change?",
    modelAnswer:
      "The client already considers the connection open: it became ESTABLISHED when the SYN-ACK arrived, and connect() returned. " +
      "On the server, with tcp_abort_on_overflow = 0, the default, the kernel cannot create the child socket, so it drops the ACK, counts ListenOverflows and ListenDrops, and leaves the request in the SYN queue. " +
      "Its timer later retransmits the SYN-ACK, the client ACKs again, and if accept() has made room by then the connection completes: a short burst recovers by itself. " +
      "Meanwhile new SYNs to that listener are dropped too. " +
      "With tcp_abort_on_overflow = 1 the server answers the ACK with an RST instead, and the client gets ECONNRESET on its next read or write. " +
      "The documentation advises enabling it only when the application truly cannot accept faster.",
    sources: [
      "tcp_check_req(), net/ipv4/tcp_minisocks.c (drop the ACK, or RST with tcp_abort_on_overflow)",
      "tcp_v4_syn_recv_sock(), net/ipv4/tcp_ipv4.c (ListenOverflows, ListenDrops)",
      "Documentation/networking/ip-sysctl.rst and man 7 tcp (tcp_abort_on_overflow)",
      "RFC 9293 §3.10.7.3 (the client is ESTABLISHED on the SYN-ACK)",
    ],
    rubric: {
      ideas: [
        {
          id: "client-established",
          idea: "The client is already ESTABLISHED and connect() has returned",
          weight: 1,
          phrasings: ["client .. established|open|connected", "connect .. return*|succeed*|success*|complet*"],
        },
        { id: "ack-dropped", idea: "By default the final ACK is dropped and the request stays in the SYN queue", weight: 2, phrasings: ["drop*|ignor*|discard* .. ack", "ack .. drop*|ignor*|discarded", "stays|remains|left|leaves .. syn-queue|syn_recv|syn-recv"] },
        {
          id: "synack-retransmit",
          idea: "The SYN-ACK is retransmitted, so a short burst recovers",
          weight: 2,
          phrasings: ["retransmit*|resend*|resent|send* .. again .. syn-ack|synack|syn_ack", "retransmit*|resend*|resent .. syn-ack|synack|syn_ack", "syn-ack|synack .. retransmit*|again|timer", "recover*"],
        },
        { id: "abort-rst", idea: "tcp_abort_on_overflow = 1 answers with an RST instead", weight: 2, phrasings: ["tcp_abort_on_overflow|abort_on_overflow .. rst|reset", "rst|reset .. tcp_abort_on_overflow|abort_on_overflow", "tcp_abort_on_overflow|abort_on_overflow .. 1|one|enabled|on"] },
        { id: "counters", idea: "It counts ListenOverflows and ListenDrops", weight: 1, phrasings: ["listenoverflows|listendrops|tcpextlistenoverflows|tcpextlistendrops", "listen queue .. overflow*"] },
      ],
      misconceptions: [
        {
          id: "rst-by-default",
          label: "Thinks a full accept queue resets the client by default",
          whyWrong: "With the default tcp_abort_on_overflow = 0 the ACK is dropped and the SYN-ACK retransmitted; an RST comes only with tcp_abort_on_overflow = 1.",
          phrasings: ["default .. rst|reset", "rst|reset .. default", "server|kernel sends an rst|reset"],
          unless: ["tcp_abort_on_overflow|abort_on_overflow|1|one"],
        },
        {
          id: "connect-fails",
          label: "Thinks the client's connect() fails",
          whyWrong: "connect() returned when the SYN-ACK arrived (RFC 9293 §3.10.7.3); the client learns of the problem later, by silence or an RST.",
          phrasings: ["connect .. fail*|refused|error*|econnrefused", "econnrefused|connection-refused"],
        },
        {
          id: "connect-waits-accept",
          label: "Thinks connect() waits for the server's accept()",
          whyWrong: "connect() returns when the client's kernel receives the SYN-ACK; accept() only takes a completed connection off the server's queue.",
          phrasings: ["connect .. block*|wait*|hang* .. accept"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The server sends an RST, so the client's connect() fails with ECONNREFUSED.", whyWrong: "connect() already returned on the SYN-ACK; by default the ACK is dropped silently, and only tcp_abort_on_overflow = 1 sends an RST (ECONNRESET, not ECONNREFUSED)." },
      { claim: "The client's connect() blocks until the server application calls accept().", whyWrong: "connect() returns as soon as the client's kernel gets the SYN-ACK (RFC 9293 §3.10.7.3); accept() is purely server-side." },
      { claim: "The kernel grows the accept queue beyond the backlog to make room.", whyWrong: "The limit is fixed at min(backlog, somaxconn) (sk_acceptq_is_full()); the ACK is dropped or answered with RST." },
    ],
    followUps: [
      "Why is tcp_abort_on_overflow = 1 usually a bad idea?",
      "What does the client see if its protocol waits for the server to speak first?",
      "Which counters and ss columns show this happening?",
    ],
    lesson: { slug: "syn-flood", anchor: "the-final-ack-and-a-full-accept-queue" },
    preset: "handshake-synack-unacked",
  },
  {
    id: "ss-listen-recv-q-send-q",
    topic: "queues",
    difficulty: "warm-up",
    question: "In ss -lnt output, what do Recv-Q and Send-Q mean for a socket in LISTEN, and what would worry you?",
    modelAnswer:
      "For a listening socket the two columns are not byte counts. " +
      "Recv-Q is the number of connections in the accept queue right now: handshakes completed and waiting for the application to call accept(). " +
      "Send-Q is that queue's limit, min(backlog, somaxconn). " +
      "A Recv-Q that sits at or above Send-Q means the application is not accepting fast enough: new SYNs and final ACKs are being dropped, and nstat shows TcpExtListenOverflows and TcpExtListenDrops rising. " +
      "For an established socket the same two columns mean something else: bytes received but not yet read by the application, and bytes sent but not yet acknowledged. " +
      "Half-open requests are not in Recv-Q; count them with ss state syn-recv.",
    sources: [
      "tcp_diag_get_info(), net/ipv4/tcp_diag.c (LISTEN: sk_ack_backlog and sk_max_ack_backlog)",
      "include/uapi/linux/snmp.h (LINUX_MIB_LISTENOVERFLOWS, LINUX_MIB_LISTENDROPS)",
      "man 8 ss",
    ],
    rubric: {
      ideas: [
        {
          id: "recvq-accept-queue",
          idea: "Recv-Q is the number of connections waiting in the accept queue",
          weight: 2,
          phrasings: ["recv-q|recvq .. accept|waiting|pending|completed|established|connections", "connection* .. wait* .. accept"],
        },
        { id: "sendq-limit", idea: "Send-Q is the accept queue's limit, min(backlog, somaxconn)", weight: 2, phrasings: ["send-q|sendq .. limit|max*|backlog|capacity|size|somaxconn"] },
        {
          id: "full-slow-app",
          idea: "Recv-Q at Send-Q means the application does not accept fast enough",
          weight: 2,
          phrasings: ["not accept* .. fast|quick*|enough", "slow* .. accept*", "accept* .. slow*|behind|too-slow", "recv-q|recvq .. near|at|equal*|reach*|above|exceed*|close .. send-q|sendq|limit", "queue .. full"],
        },
        { id: "counters", idea: "ListenOverflows and ListenDrops count the drops", weight: 1, phrasings: ["listenoverflows|listendrops|tcpextlistenoverflows|tcpextlistendrops", "listen .. overflow*|drops"] },
        { id: "bytes-otherwise", idea: "On other sockets the columns are bytes", weight: 1, phrasings: ["bytes .. unread|read|unacknowledged|unacked|received|sent|buffer*", "other|established|connected|normal socket* .. bytes"] },
      ],
      misconceptions: [
        {
          id: "bytes-for-listener",
          label: "Reads Recv-Q and Send-Q of a listener as bytes",
          whyWrong: "For a LISTEN socket tcp_diag_get_info() reports the accept queue's length and limit, not bytes.",
          phrasings: ["listen*|listener .. bytes", "recv-q|send-q|recvq|sendq .. bytes"],
          unless: ["established|connected|other|non-listening|otherwise|normal"],
        },
        {
          id: "sendq-syn-queue",
          label: "Thinks one of the columns is the SYN queue",
          whyWrong: "ss shows the accept queue for a listener; half-open requests appear as separate SYN-RECV sockets.",
          phrasings: ["send-q|sendq|recv-q|recvq .. syn-queue|half-open|syn-recv|syn_recv"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Recv-Q and Send-Q are the bytes in the receive and send buffers, as for any socket.", whyWrong: "For a LISTEN socket they are the accept queue's current length and its limit (tcp_diag_get_info())." },
      { claim: "Send-Q is the number of half-open connections in the SYN queue.", whyWrong: "Send-Q is the accept queue's limit, min(backlog, somaxconn); half-open requests are listed as SYN-RECV sockets." },
    ],
    followUps: [
      "Recv-Q is 512 and Send-Q is 511: is the queue full?",
      "How do you count the half-open requests of one listener?",
    ],
    lesson: { slug: "syn-flood", anchor: "in-production" },
  },
  {
    id: "listen-overflows-rising",
    topic: "queues",
    difficulty: "core",
    question: "nstat shows TcpExtListenOverflows climbing on a server. What is happening, and how do you fix it?",
    modelAnswer:
      "ListenOverflows counts handshakes that hit a full accept queue: the application is calling accept() more slowly than connections arrive. " +
      "While the queue is full, the kernel drops new SYNs silently and drops final ACKs too (with the default tcp_abort_on_overflow = 0), so clients see connects that take whole seconds of SYN retransmissions, or a first request that hangs. " +
      "ListenDrops rises with it, since it counts every drop at a listener. " +
      "This is a slow application, not a SYN flood, and SYN cookies do nothing for it. " +
      "Confirm with ss -lnt, where Recv-Q sits at or above Send-Q, then fix the application: accept in more threads or workers, do less work on the accepting thread, and raise the listen() backlog together with somaxconn to absorb bursts.",
    sources: [
      "tcp_conn_request(), net/ipv4/tcp_input.c (full accept queue: SYN dropped, LINUX_MIB_LISTENOVERFLOWS)",
      "tcp_v4_syn_recv_sock(), net/ipv4/tcp_ipv4.c (final ACK on a full queue)",
      "net/ipv4/proc.c (snmp4_net_list: ListenOverflows, ListenDrops)",
      "tcp_diag_get_info(), net/ipv4/tcp_diag.c (ss Recv-Q and Send-Q of a listener)",
    ],
    rubric: {
      ideas: [
        { id: "accept-queue-full", idea: "The accept queue is full", weight: 2, phrasings: ["accept queue|backlog .. full|overflow*", "full .. accept queue", "overflow* .. accept"] },
        {
          id: "app-slow",
          idea: "The application accepts more slowly than connections arrive",
          weight: 2,
          phrasings: ["accept* .. slow*|behind|too-slow|fast-enough", "slow* .. accept*|application|app|server|process", "not accept* .. fast|quick*|enough"],
        },
        { id: "drops", idea: "New SYNs and final ACKs are dropped", weight: 1, phrasings: ["drop*|ignor*|discard* .. syn*|ack*", "syn*|ack* .. dropped|ignored|discarded"] },
        {
          id: "fix-app-backlog",
          idea: "Fix the application (more acceptors) and raise backlog with somaxconn",
          weight: 2,
          phrasings: ["more .. thread*|worker*|process*|acceptor*", "rais*|increas*|bump*|bigger|larger .. backlog|somaxconn", "fix .. application|app|code"],
        },
        { id: "confirm-ss", idea: "Confirm with ss -lnt: Recv-Q against Send-Q", weight: 1, phrasings: ["recv-q|recvq .. send-q|sendq", "ss .. lnt|ltn|tln|listen*"] },
      ],
      misconceptions: [
        {
          id: "cookies-help",
          label: "Thinks SYN cookies fix an overflowing accept queue",
          whyWrong: "Cookies replace the SYN queue's memory; a full accept queue drops the SYN before any cookie is considered (tcp_conn_request()).",
          phrasings: ["enable|turn-on .. syncookies|tcp_syncookies|cookies", "cookies|syncookies|tcp_syncookies .. help*|fix*|solve*"],
        },
        {
          id: "it-is-a-flood",
          label: "Reads ListenOverflows as a SYN flood",
          whyWrong: "ListenOverflows counts a full accept queue, which means slow accept(); a flood fills the SYN queue and shows in TcpExtSyncookiesSent or TCPReqQFullDrop.",
          phrasings: ["it is a syn flood", "under .. attack", "syn flood attack"],
        },
        {
          id: "syn-queue-full",
          label: "Blames the SYN queue and tcp_max_syn_backlog",
          whyWrong: "ListenOverflows is about the accept queue; tcp_max_syn_backlog is read only with syncookies off.",
          phrasings: ["syn queue .. full|overflow*", "rais*|increas* .. tcp_max_syn_backlog"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "It is a SYN flood; enable tcp_syncookies.", whyWrong: "ListenOverflows counts handshakes that found the accept queue full: a slow accept(). Cookies do not help, since a full accept queue drops the SYN anyway." },
      { claim: "The SYN queue is full; raise tcp_max_syn_backlog.", whyWrong: "The counter is about the accept queue, and tcp_max_syn_backlog only matters with syncookies off." },
      { claim: "The network between client and server is losing packets.", whyWrong: "The drops happen in the server's own kernel, at a full accept queue; the network is not involved." },
    ],
    followUps: [
      "Why does ListenDrops never go below ListenOverflows?",
      "What does a client experience when its SYN is dropped, in seconds?",
    ],
    lesson: { slug: "syn-flood", anchor: "when-a-queue-is-full" },
  },
];
