// Interview questions: CLOSE_WAIT and FIN_WAIT_2 piles (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const closeWaitQuestions: InterviewQuestion[] = [
  {
    id: "close-wait-pile-meaning",
    topic: "close-wait",
    difficulty: "warm-up",
    question: "A server shows thousands of sockets in CLOSE_WAIT. What does that tell you?",
    modelAnswer:
      "CLOSE_WAIT means the peer closed its side: its FIN arrived, the kernel acknowledged it, and the application was told through recv() returning 0, end of file. " +
      "Normally the socket leaves CLOSE_WAIT only when the application calls close() or shutdown(), which sends our own FIN, or when the process exits. " +
      "A pile of them that keeps growing therefore means a bug in the application: some code path reads end of file, or hits an error, and returns without closing the socket. " +
      "Each one still holds a file descriptor, so the process eventually hits its limit and accept() fails with EMFILE, too many open files. " +
      "It is not a network problem and not a kernel timeout waiting to happen; it can be a client too, whichever side received the first FIN.",
    sources: [
      "RFC 9293 §3.3.2 (CLOSE-WAIT: waiting for a termination request from the local user), §3.6 (case 2)",
      "man 2 accept (EMFILE)",
      "net/ipv4/tcp_timer.c (no timer ends CLOSE-WAIT)",
    ],
    rubric: {
      ideas: [
        {
          id: "peer-closed",
          idea: "The peer closed first: its FIN arrived and was ACKed",
          weight: 2,
          phrasings: ["peer|other-side|remote|other-end|other-host .. closed|close*|sent|hung", "fin .. arriv*|receiv*|came|got", "receiv*|got .. fin"],
        },
        {
          id: "app-never-closes",
          idea: "The application never calls close() after end of file",
          weight: 2,
          phrasings: [
            "application|app|program|code|process|server .. never|not|forgot*|fail* .. close*|call*",
            "without clos*|calling-close",
            "never .. close*|calls",
            "forgot* .. close*",
            "leak*",
          ],
        },
        { id: "fd-emfile", idea: "Each holds a file descriptor, until EMFILE", weight: 1, phrasings: ["file-descriptor*|fd*|descriptor*", "emfile|too many open files"] },
        {
          id: "app-bug",
          idea: "It is a bug in the application",
          weight: 1,
          phrasings: ["bug|leak*|mistake|fault .. application|app|code|program|server", "application|app|code|program .. bug|leak*"],
        },
      ],
      misconceptions: [
        {
          id: "network-problem",
          label: "Blames the network",
          whyWrong: "The peer's FIN arrived and was ACKed; what is missing is the local application's close() (RFC 9293 §3.3.2).",
          phrasings: ["network .. problem|issue|fault|congestion|dropping|loss", "packet* .. drop*|loss|lost"],
        },
        {
          id: "close-wait-times-out",
          label: "Thinks the kernel will time CLOSE_WAIT out",
          whyWrong: "No Linux timer ends CLOSE-WAIT; only close(), the process exiting, an RST, a write that times out or failed keepalive probes end it.",
          phrasings: [
            "kernel|tcp .. time-out|times-out|expire*|clean*|reap* .. close-wait|close_wait|them",
            "close-wait|close_wait .. time-out|times-out|expire*",
            "time*-out .. on-their-own|by-themselves|eventually|tcp_fin_timeout",
            "tcp_fin_timeout .. close-wait|close_wait|them",
          ],
        },
        {
          id: "we-closed-first",
          label: "Thinks the side in CLOSE_WAIT closed first",
          whyWrong: "CLOSE-WAIT is the passive closer's state: the side that received the first FIN (RFC 9293 §3.6).",
          phrasings: ["server|we|local .. closed|close* .. first", "waiting .. client* ack"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The network is dropping packets, so the connections hang in CLOSE_WAIT.", whyWrong: "The peer's FIN arrived and was acknowledged; CLOSE_WAIT waits for the local application's close() (RFC 9293 §3.3.2)." },
      { claim: "The server closed those connections first and is waiting for the clients' ACK.", whyWrong: "A side that closed first and waits for the ACK of its FIN is in FIN-WAIT-1; CLOSE_WAIT is the side that received the first FIN and has not closed yet." },
      { claim: "They will time out on their own after tcp_fin_timeout.", whyWrong: "tcp_fin_timeout bounds an orphaned FIN-WAIT-2 on the other side; nothing times out CLOSE_WAIT (ip-sysctl.rst)." },
    ],
    followUps: [
      "How would you find the code path that leaks them?",
      "What does the peer see in the meantime, and for how long?",
      "How is a pile of TIME_WAIT different?",
    ],
    lesson: { slug: "close-wait", anchor: "what-close-wait-means" },
  },
  {
    id: "close-wait-find-the-leak",
    topic: "close-wait",
    difficulty: "core",
    question: "How would you find which code leaks the CLOSE_WAIT sockets?",
    modelAnswer:
      "First find the process: ss -tanp state close-wait lists each socket with the owning process, its pid and file descriptor number, and lsof -nP -iTCP -sTCP:CLOSE_WAIT gives the same view. " +
      "Then narrow it down. Group the sockets by peer address and local port to see which kind of client or request leaves them; " +
      "watch the count of entries in /proc/PID/fd grow and compare its rate with the rate of each request type; a non-zero Recv-Q shows the code did not even read to the end. " +
      "Take a thread dump or stack trace (jstack, py-spy, gdb) to see where threads sit, and read the handler's paths for one that returns on end of file or an error without close(), " +
      "or lacks a finally, with or defer. The fix is in that code, not in the kernel.",
    sources: [
      "man 8 ss (-p, state filters)",
      "man 8 lsof (-iTCP -sTCP:CLOSE_WAIT)",
      "man 5 proc (/proc/PID/fd)",
      "RFC 9293 §3.3.2 (CLOSE-WAIT waits for the local user's close)",
    ],
    rubric: {
      ideas: [
        {
          id: "ss-process",
          idea: "ss -tanp (or netstat -p) shows the owning process and descriptor",
          weight: 2,
          phrasings: ["ss .. p|tanp|tnp|antp|process|pid", "ss .. close-wait|close_wait", "netstat .. p|program|pid|tanp"],
        },
        { id: "lsof-proc", idea: "lsof or /proc/PID/fd confirm the descriptors", weight: 1, phrasings: ["lsof", "proc .. fd", "file-descriptor*|descriptor* .. count*|grow*"] },
        {
          id: "correlate",
          idea: "Correlate the leak with a peer or request type",
          weight: 1,
          phrasings: ["group* .. peer|client|address|port|request*", "correlat*|compar*|match* .. rate|request*|traffic|endpoint*", "which .. request*|client*|endpoint*|peer*"],
        },
        { id: "stack", idea: "A thread dump or stack trace shows where the code is", weight: 1, phrasings: ["stack|thread-dump|jstack|py-spy|gdb|pstack|strace|profil*|dump"] },
        {
          id: "path-without-close",
          idea: "Look for a code path that returns without close()",
          weight: 2,
          phrasings: [
            "path|branch|handler|function|code .. without|missing|never|lack*|forget*|forgot* .. close*",
            "error|eof|early|end .. return* .. without|never|no .. close*",
            "return* .. without|never .. clos*",
            "finally|defer|with-statement|try-with-resources|raii|destructor|context-manager",
          ],
        },
      ],
      misconceptions: [
        {
          id: "sysctl-fix",
          label: "Reaches for a sysctl",
          whyWrong: "No sysctl ends CLOSE-WAIT; tcp_fin_timeout bounds an orphaned FIN-WAIT-2 on the peer (ip-sysctl.rst).",
          phrasings: ["lower*|reduc*|set*|tun* .. tcp_fin_timeout|tcp_keepalive*|sysctl", "sysctl|tcp_fin_timeout .. fix*|solv*|clean*"],
          unless: ["nothing|useless|irrelevant|pointless|wrong"],
        },
        {
          id: "restart-fix",
          label: "Treats a restart as the fix",
          whyWrong: "Restarting closes the leaked descriptors for a while; the code path still leaks and the pile grows back.",
          phrasings: ["restart* .. fix*|solv*|solution|cure*", "restart* .. every|nightly|daily|cron"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Lower tcp_fin_timeout and watch whether the CLOSE_WAIT count drops.", whyWrong: "tcp_fin_timeout bounds orphaned FIN-WAIT-2 sockets, not CLOSE_WAIT; it tells you nothing about the leak." },
      { claim: "Run tcpdump and look for retransmissions, because CLOSE_WAIT is caused by packet loss.", whyWrong: "CLOSE_WAIT exists because the peer's FIN arrived; the missing step is the local close(), which no capture of the network shows." },
      { claim: "Restart the service every night; that fixes it.", whyWrong: "A restart closes the leaked descriptors, hiding the leak until the pile grows back; the fix is a close() on every code path." },
    ],
    followUps: [
      "The CLOSE_WAIT sockets all have a non-zero Recv-Q. What does that add?",
      "Why can a garbage-collected runtime make such a leak intermittent?",
    ],
    lesson: { slug: "close-wait", anchor: "find-the-leak" },
  },
  {
    id: "close-wait-no-sysctl",
    topic: "close-wait",
    difficulty: "core",
    question: "Which sysctl makes the kernel time out CLOSE_WAIT sockets?",
    modelAnswer:
      "There is none. CLOSE_WAIT waits for the local application to close the socket (RFC 9293 §3.3.2), and Linux has no timer that ends it because time has passed. " +
      "tcp_fin_timeout is often suggested, but it bounds a different state, an orphaned FIN-WAIT-2 on the side that closed first. " +
      "The kernel ends a CLOSE_WAIT connection only on an RST from the peer, on tcp_retries2 running out while it retransmits data the peer never acknowledges, or on failed keepalive probes if the application set SO_KEEPALIVE. " +
      "Even then the socket's file descriptor stays open until the program calls close(), so the descriptor leak remains. " +
      "The fix is in the code: close on every path. A process that exits also closes everything.",
    sources: [
      "RFC 9293 §3.3.2 (CLOSE-WAIT)",
      "Documentation/networking/ip-sysctl.rst (tcp_fin_timeout: orphaned FIN_WAIT_2; tcp_retries2; tcp_keepalive_time)",
      "tcp_write_timeout(), net/ipv4/tcp_timer.c",
      "man 7 tcp (SO_KEEPALIVE, tcp_keepalive_time)",
    ],
    rubric: {
      ideas: [
        {
          id: "no-sysctl",
          idea: "No sysctl or timer ends CLOSE_WAIT",
          weight: 2,
          phrasings: ["none", "there is no|not", "no sysctl|setting|knob|parameter|timer|timeout|tunable", "not .. sysctl|kernel|timer .. time*|end*"],
        },
        {
          id: "waits-for-app",
          idea: "Only the application's close() ends it",
          weight: 2,
          phrasings: [
            "wait* .. application|app|local|user|program|process .. close*",
            "only .. application|app|program|process|you .. close*",
            "application|app|program|process .. must|has-to|needs-to|should .. close*",
            "close .. every|each|all .. path*",
          ],
        },
        {
          id: "fin-timeout-other",
          idea: "tcp_fin_timeout is for orphaned FIN-WAIT-2",
          weight: 1,
          phrasings: ["tcp_fin_timeout|fin_timeout .. fin-wait-2|fin_wait2|fin_wait_2|fin-wait2|orphan*|other|different", "orphan*"],
        },
        { id: "fd-stays", idea: "The file descriptor leak remains anyway", weight: 1, phrasings: ["descriptor*|fd* .. stays|stay|open|remains|kept|leak*", "leak*"] },
        { id: "kernel-ends-only", idea: "Only an RST, tcp_retries2 or keepalive end it in the kernel", weight: 1, phrasings: ["rst|reset .. peer", "tcp_retries2|retries2", "keepalive .. probe*|fail*|so_keepalive|set"] },
      ],
      misconceptions: [
        {
          id: "fin-timeout-close-wait",
          label: "Thinks tcp_fin_timeout times out CLOSE_WAIT",
          whyWrong: "tcp_fin_timeout bounds an orphaned FIN-WAIT-2 (ip-sysctl.rst); CLOSE_WAIT has no timeout.",
          phrasings: ["tcp_fin_timeout|fin_timeout .. close-wait|close_wait|closewait", "close-wait|close_wait|closewait .. tcp_fin_timeout|fin_timeout"],
        },
        {
          id: "keepalive-cleans",
          label: "Thinks keepalive cleans up CLOSE_WAIT",
          whyWrong: "Keepalive is off unless the application sets SO_KEEPALIVE, takes over two hours by default, and even then leaves the descriptor open.",
          phrasings: ["keepalive|keep-alive|so_keepalive .. clean*|clos*|fix*|free*|remov*|reap*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Lowering tcp_fin_timeout makes CLOSE_WAIT sockets expire sooner.", whyWrong: "tcp_fin_timeout is the lifetime of an orphaned FIN-WAIT-2 (ip-sysctl.rst); CLOSE_WAIT ends only when the application closes." },
      { claim: "TCP keepalive closes CLOSE_WAIT sockets after about two hours.", whyWrong: "Keepalive acts only with SO_KEEPALIVE set, resets the connection at most, and never closes the application's descriptor." },
      { claim: "tcp_tw_reuse lets the kernel reuse CLOSE_WAIT sockets.", whyWrong: "tcp_tw_reuse concerns TIME-WAIT four-tuples in connect(); CLOSE_WAIT sockets still belong to the application." },
    ],
    followUps: [
      "What happens when the application finally writes to a CLOSE_WAIT socket whose peer has forgotten the connection?",
      "How long would keepalive with default settings take to notice a dead peer?",
    ],
    lesson: { slug: "close-wait", anchor: "what-close-wait-means" },
  },
  {
    id: "fin-wait-2-pile",
    topic: "close-wait",
    difficulty: "core",
    question: "A host has a growing number of sockets in FIN_WAIT_2. What does it mean, and do they stay forever?",
    modelAnswer:
      "FIN-WAIT-2 is the active closer's state after its FIN was acknowledged: this side closed, the peer ACKed, and it is now waiting for the peer's own FIN. " +
      "A pile means the peers never close their side, typically because their application leaks sockets in CLOSE-WAIT, or because they keep a half-closed connection open on purpose. " +
      "If our application has closed the socket, it is an orphan, and Linux gives up on it after tcp_fin_timeout seconds, 60 by default, deleting it silently; the peer's later data then draws an RST. " +
      "A socket that only called shutdown(SHUT_WR) and is still held by the application is not orphaned and can wait in FIN-WAIT-2 indefinitely. " +
      "The real fix is on the peer.",
    sources: [
      "RFC 9293 §3.3.2 (FIN-WAIT-2), §3.6 (case 1)",
      "Documentation/networking/ip-sysctl.rst and man 7 tcp (tcp_fin_timeout, default 60)",
      "tcp_fin_time(), include/net/tcp.h; __tcp_close(), net/ipv4/tcp.c (orphaned FIN-WAIT-2)",
    ],
    rubric: {
      ideas: [
        {
          id: "we-closed-first",
          idea: "This side closed first and its FIN was acknowledged",
          weight: 1,
          phrasings: ["we|this-side|local|our-side|active .. closed|close*|sent", "fin .. acknowledged|acked", "active closer"],
        },
        {
          id: "peer-never-closes",
          idea: "The peer never sends its FIN (often a CLOSE-WAIT leak there)",
          weight: 2,
          phrasings: [
            "peer*|other-side|remote|other-end .. never|not|has-not .. close*|send*|sent",
            "wait* .. peer|remote|other .. fin",
            "peer* .. close-wait|close_wait",
          ],
        },
        {
          id: "orphan-fin-timeout",
          idea: "An orphaned one is dropped after tcp_fin_timeout (60 s)",
          weight: 2,
          phrasings: ["orphan* .. tcp_fin_timeout|fin_timeout|60", "tcp_fin_timeout|fin_timeout .. orphan*|60|seconds|expire*|drop*|gone|delet*"],
        },
        {
          id: "not-orphan-forever",
          idea: "A socket still held by its application can wait indefinitely",
          weight: 1,
          phrasings: ["shutdown|shut_wr .. indefinitely|forever|no-limit", "not orphan*", "still .. held|open|owned .. indefinitely|forever|wait*", "still hold*|held|own*|has .. socket*|fd|descriptor"],
        },
      ],
      misconceptions: [
        {
          id: "stays-forever",
          label: "Thinks every FIN_WAIT_2 socket stays forever",
          whyWrong: "An orphaned FIN-WAIT-2 is dropped after tcp_fin_timeout, 60 s by default (ip-sysctl.rst).",
          phrasings: ["they|all|these|those|sockets .. stay*|remain*|last* .. forever|indefinitely", "no timeout .. fin-wait-2|fin_wait_2|fin_wait2|fin-wait2"],
          unless: ["shutdown|shut_wr|not-orphan*|held|still|if|unless"],
        },
        {
          id: "fin-timeout-is-time-wait",
          label: "Confuses tcp_fin_timeout with TIME-WAIT",
          whyWrong: "TIME-WAIT is a fixed 60 s (TCP_TIMEWAIT_LEN); tcp_fin_timeout bounds only an orphaned FIN-WAIT-2.",
          phrasings: ["tcp_fin_timeout|fin_timeout .. time-wait|time_wait|timewait"],
        },
        {
          id: "our-app-leaks",
          label: "Thinks FIN_WAIT_2 means our application did not close",
          whyWrong: "FIN-WAIT-2 is reached only after this side sent its FIN; the side that did not close is the peer.",
          phrasings: ["our|local|this .. application|app|program|code .. forgot|never|not|fail* .. close*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "They stay forever, because TCP has no timeout for FIN_WAIT_2.", whyWrong: "Linux drops an orphaned FIN-WAIT-2 after tcp_fin_timeout, 60 s by default; only a socket the application still holds can wait indefinitely." },
      { claim: "It means our application forgot to close its sockets.", whyWrong: "A socket reaches FIN-WAIT-2 only after this side closed and sent its FIN; the side that has not closed is the peer." },
      { claim: "tcp_fin_timeout is how long TIME-WAIT lasts, so lower it to clear FIN_WAIT_2.", whyWrong: "TIME-WAIT is a fixed 60 s (TCP_TIMEWAIT_LEN); tcp_fin_timeout is the orphaned FIN-WAIT-2 lifetime." },
    ],
    followUps: [
      "What does the peer get if it writes after our orphan has been dropped?",
      "How can one socket get a different FIN-WAIT-2 timeout from the rest of the host?",
    ],
    lesson: { slug: "four-way-close", anchor: "what-the-peer-sees-orphaned-fin-wait-2-and-tcp_fin_timeout" },
    preset: "fin-wait-2-orphan",
  },
  {
    id: "tcp-linger2-option",
    topic: "close-wait",
    difficulty: "deep",
    question: "What does the TCP_LINGER2 socket option do, and how is it different from SO_LINGER?",
    modelAnswer:
      "TCP_LINGER2 sets, for one socket, how long it may stay in FIN-WAIT-2 as an orphan after the application has closed it: it overrides the system-wide tcp_fin_timeout, which tcp_fin_time() uses when the option is 0. " +
      "Linux caps it at 120 seconds (TCP_FIN_TIMEOUT_MAX), and a negative value makes the kernel reset such an orphan instead of letting it wait. " +
      "It is Linux-only, and man 7 tcp says not to use it in portable code. " +
      "SO_LINGER is a different, socket-level option: it controls how close() treats unsent data, blocking up to l_linger seconds for it to be delivered, or, with a zero linger time, aborting with an RST. " +
      "Neither one changes TIME-WAIT, which stays 60 s.",
    sources: [
      "man 7 tcp (TCP_LINGER2: lifetime of orphaned FIN_WAIT2 sockets, not portable)",
      "do_tcp_setsockopt(), net/ipv4/tcp.c (TCP_LINGER2: negative = -1, capped at TCP_FIN_TIMEOUT_MAX, 120 s)",
      "tcp_fin_time(), include/net/tcp.h; __tcp_close(), net/ipv4/tcp.c (linger2 < 0: RST, TcpExtTCPAbortOnLinger)",
      "man 7 socket (SO_LINGER)",
    ],
    rubric: {
      ideas: [
        {
          id: "orphan-fin-wait-2",
          idea: "It is the lifetime of an orphaned FIN-WAIT-2",
          weight: 2,
          phrasings: ["fin-wait-2|fin_wait2|fin_wait_2|fin-wait2|finwait2", "orphan*"],
        },
        {
          id: "per-socket-override",
          idea: "It overrides tcp_fin_timeout for one socket",
          weight: 2,
          phrasings: ["overrid*|replac*|instead .. tcp_fin_timeout|fin_timeout", "per|one|each|single|this socket*", "tcp_fin_timeout|fin_timeout .. per|one|each|this socket*"],
        },
        { id: "cap-120", idea: "Capped at 120 s (TCP_FIN_TIMEOUT_MAX)", weight: 1, phrasings: ["120|two-minute*|2-minute*", "tcp_fin_timeout_max"] },
        { id: "negative-rst", idea: "A negative value resets the orphan instead", weight: 1, phrasings: ["negative|minus .. rst|reset|abort*|kill*"] },
        {
          id: "so-linger-different",
          idea: "SO_LINGER governs close() and unsent data instead",
          weight: 2,
          phrasings: ["so_linger .. unsent|data|close|block*|rst|reset|l_linger|different|unrelated|distinct|separate|socket-level"],
        },
      ],
      misconceptions: [
        {
          id: "linger2-sets-time-wait",
          label: "Thinks TCP_LINGER2 sets TIME-WAIT",
          whyWrong: "TCP_LINGER2 overrides tcp_fin_timeout for an orphaned FIN-WAIT-2; TIME-WAIT is TCP_TIMEWAIT_LEN, 60 s.",
          phrasings: ["tcp_linger2|linger2 .. time-wait|time_wait|timewait", "set*|control* .. how-long|length|duration .. time-wait|time_wait|timewait"],
        },
        {
          id: "same-as-so-linger",
          label: "Thinks TCP_LINGER2 is SO_LINGER",
          whyWrong: "SO_LINGER (man 7 socket) governs how close() handles unsent data; TCP_LINGER2 (man 7 tcp) the orphaned FIN-WAIT-2 lifetime.",
          phrasings: ["same|alias|identical|version .. so_linger", "so_linger .. same|alias|identical"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "TCP_LINGER2 is the same as SO_LINGER, with a second timeout.", whyWrong: "SO_LINGER decides how close() treats unsent data; TCP_LINGER2 is the orphaned FIN-WAIT-2 lifetime (man 7 tcp)." },
      { claim: "It sets how long this socket stays in TIME-WAIT.", whyWrong: "TIME-WAIT is fixed at 60 s (TCP_TIMEWAIT_LEN); TCP_LINGER2 concerns FIN-WAIT-2 only." },
      { claim: "It makes close() block until unsent data is delivered.", whyWrong: "That is SO_LINGER with a non-zero linger time (man 7 socket); TCP_LINGER2 acts after close(), on an orphan." },
    ],
    followUps: [
      "What happens to an orphaned FIN-WAIT-2 whose timeout is longer than 60 s?",
      "Why does man 7 tcp warn against using it in portable code?",
    ],
    lesson: { slug: "four-way-close", anchor: "what-the-peer-sees-orphaned-fin-wait-2-and-tcp_fin_timeout" },
    preset: "fin-wait-2-orphan",
  },
];
