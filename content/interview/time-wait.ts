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
  },  {
    id: "tcp-tw-reuse-what-it-does",
    topic: "time-wait",
    difficulty: "core",
    question: "What does net.ipv4.tcp_tw_reuse do, and when does it help?",
    modelAnswer:
      "tcp_tw_reuse lets connect() take over a four-tuple that is still in TIME-WAIT, so it only helps outgoing connections: a client that closes first and runs out of ephemeral ports to one server. " +
      "It acts only when the old connection used TCP timestamps, so that PAWS can reject the old connection's segments, and only once the TIME-WAIT is older than tcp_tw_reuse_delay, 1000 ms by default (a fixed second before Linux 6.13). " +
      "The values are 0 off, 1 on, and 2, the default, for loopback traffic only. " +
      "It changes nothing for a server's TIME-WAIT sockets, which all share the server's own port and cost it no ports, and it leaves the length of TIME-WAIT alone: the check runs in tcp_twsk_unique() when connect() chooses a port.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_tw_reuse: 0, 1, 2 = loopback only, default 2; tcp_tw_reuse_delay, default 1000 ms, Linux 6.13)",
      "tcp_twsk_unique(), net/ipv4/tcp_ipv4.c (timestamps required, age above tcp_tw_reuse_delay)",
      "__inet_hash_connect(), net/ipv4/inet_hashtables.c (connect() port selection)",
      "RFC 7323 §5 (PAWS)",
    ],
    rubric: {
      ideas: [
        {
          id: "outgoing-only",
          idea: "It acts only in connect(), for outgoing connections",
          weight: 2,
          phrasings: ["outgoing|outbound", "connect .. take*|reuse*|pick*|choos*|grab*|get*|use*|claim*|port*", "client* .. connect", "let*|allow* connect", "client* side|only", "only .. client*", "initiat* .. connection*"],
        },
        { id: "timestamps", idea: "The old connection must have used TCP timestamps (PAWS)", weight: 2, phrasings: ["timestamp*", "paws", "tsval"] },
        {
          id: "reuse-delay",
          idea: "The TIME-WAIT must be older than tcp_tw_reuse_delay (1000 ms)",
          weight: 1,
          phrasings: ["tcp_tw_reuse_delay", "1000 ms|milliseconds|millisecond", "1|one second|sec|s", "second* old*", "older than"],
        },
        { id: "loopback-default", idea: "The default, 2, enables it for loopback traffic only", weight: 1, phrasings: ["loopback|localhost"] },
      ],
      misconceptions: [
        {
          id: "reuse-for-incoming",
          label: "Thinks tcp_tw_reuse lets a server reuse TIME-WAIT for incoming connections",
          whyWrong: "It is read only when connect() picks a local port (tcp_twsk_unique()); a server's accepted connections never consult it.",
          phrasings: ["incoming|inbound|accepted|passive connection*", "server .. accept* .. time-wait|time_wait|timewait", "server .. reuse* .. time-wait|time_wait|timewait"],
        },
        {
          id: "reuse-shortens-time-wait",
          label: "Thinks tcp_tw_reuse shortens TIME-WAIT",
          whyWrong: "TIME-WAIT still lasts TCP_TIMEWAIT_LEN, 60 s; tcp_tw_reuse only lets a new outgoing connection take over the four-tuple early.",
          phrasings: ["shorten*|reduc*|cut* .. time-wait|time_wait|timewait", "time-wait|time_wait|timewait .. shorter|faster|earlier|sooner"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "tcp_tw_reuse lets a server reuse its TIME-WAIT sockets for new incoming connections.", whyWrong: "It is consulted only when connect() chooses a local port (tcp_twsk_unique()); a server's TIME-WAIT sockets hold its own port and cost it nothing." },
      { claim: "tcp_tw_reuse shortens TIME-WAIT from 60 seconds to one second.", whyWrong: "TIME-WAIT still lasts TCP_TIMEWAIT_LEN, 60 s; tcp_tw_reuse lets connect() take over a TIME-WAIT four-tuple older than tcp_tw_reuse_delay, with timestamps." },
      { claim: "It is the same as tcp_tw_recycle and breaks clients behind NAT.", whyWrong: "tcp_tw_recycle, removed in Linux 4.12, dropped SYNs by per-host timestamps; tcp_tw_reuse only affects the local host's own outgoing connections and relies on per-connection timestamps." },
    ],
    followUps: [
      "Why does tcp_tw_reuse need TCP timestamps to be safe?",
      "Your client binds its source port itself before connect(): does tcp_tw_reuse still apply?",
      "What are the better fixes for a client that runs out of ephemeral ports?",
    ],
    lesson: { slug: "time-wait", anchor: "the-knobs" },
  },
  {
    id: "tcp-tw-recycle-removed",
    topic: "time-wait",
    difficulty: "core",
    question: "A tuning guide says to enable tcp_tw_recycle to get rid of TIME-WAIT. What did it do, and why can't you use it today?",
    modelAnswer:
      "tcp_tw_recycle was removed in Linux 4.12, so the sysctl file is gone and setting it fails. " +
      "It expired TIME-WAIT sockets early, after about 3.5 times the retransmission timeout instead of 60 s, and to stay safe it remembered the latest TCP timestamp seen from each remote IP address and dropped any SYN from that address carrying an older timestamp. " +
      "That per-host check breaks clients behind NAT: many machines share one public address, each with its own timestamp clock, so some of their SYNs were silently dropped and connections failed at random. " +
      "Once Linux 4.10 gave every connection a random timestamp offset, the per-host comparison could not work even without NAT, and the option was deleted.",
    sources: [
      "man 7 tcp (tcp_tw_recycle: Linux 2.4 to Linux 4.11; NAT and per-connection timestamp offsets)",
      "Linux commit 4396e46187ca, \"tcp: remove tcp_tw_recycle\" (Linux 4.12, net/ipv4)",
      "RFC 7323 §5 (PAWS)",
    ],
    rubric: {
      ideas: [
        { id: "removed-4-12", idea: "It was removed in Linux 4.12", weight: 2, phrasings: ["was|been|got|is remov*|delet*|dropped|gone", "remov*|delet* .. linux|kernel|4", "4 12", "not any longer exist*|available|there"] },
        { id: "nat-breakage", idea: "It dropped SYNs from clients behind NAT", weight: 2, phrasings: ["nat", "network address translation", "behind .. same|one|shared|single .. address|ip", "shar* .. ip|address"] },
        { id: "per-host-timestamps", idea: "It relied on per-host TCP timestamps", weight: 1, phrasings: ["timestamp*", "paws"] },
        { id: "early-expiry", idea: "It expired TIME-WAIT sockets early", weight: 1, phrasings: ["expir*|recycl*|destroy*|kill*|clos*|reap*|remov*|end* .. early|earlier|quick*|fast*|sooner", "rto|retransmission-timeout"] },
      ],
      misconceptions: [
        {
          id: "recycle-still-fixes",
          label: "Recommends tcp_tw_recycle as a fix for TIME-WAIT",
          whyWrong: "It no longer exists (removed in Linux 4.12), and where it existed it broke clients behind NAT.",
          phrasings: ["enable .. tcp_tw_recycle", "tcp_tw_recycle .. fix*|solv*|safe*|recommend*"],
        },
        {
          id: "time-wait-not-needed",
          label: "Thinks TIME-WAIT is no longer needed",
          whyWrong: "TIME-WAIT still protects against a lost final ACK and old duplicates (RFC 9293 §3.3.2); Linux keeps it for 60 s.",
          phrasings: ["time-wait|time_wait|timewait .. not .. needed|necessary|required|useful", "no need .. time-wait|time_wait|timewait"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Enable tcp_tw_recycle: it safely recycles TIME-WAIT sockets and fixes port exhaustion.", whyWrong: "The option was removed in Linux 4.12; before that it silently dropped SYNs from clients behind NAT whose timestamps went backwards." },
      { claim: "tcp_tw_recycle was simply renamed to tcp_tw_reuse, which does the same thing.", whyWrong: "They were always two options: tcp_tw_reuse lets connect() take over a TIME-WAIT four-tuple with timestamps; tcp_tw_recycle shortened TIME-WAIT and checked per-host timestamps, and is gone." },
      { claim: "It was removed because TIME-WAIT is no longer needed in modern networks.", whyWrong: "It was removed because its per-host timestamp check broke NAT and, with per-connection timestamp offsets, could not work; TIME-WAIT itself remains, 60 s on Linux." },
    ],
    followUps: [
      "What does tcp_tw_reuse do instead, and why is it safe?",
      "Why do hosts behind a NAT send timestamps that go backwards?",
    ],
    lesson: { slug: "time-wait", anchor: "the-knobs" },
  },
  {
    id: "syn-arrives-in-time-wait",
    topic: "time-wait",
    difficulty: "deep",
    question: "A SYN arrives for a four-tuple whose socket is still in TIME-WAIT. What does Linux do?",
    modelAnswer:
      "RFC 9293 §3.6.1 lets a TCP in TIME-WAIT accept a new SYN and reopen the connection if the new incarnation starts above the old sequence space, and Linux does that in tcp_timewait_state_process(). " +
      "A SYN that passes the PAWS check starts a new connection when its sequence number is higher than the next one the TIME-WAIT socket expected, or, if the old connection used timestamps, when its timestamp is newer than the last one seen. " +
      "The TIME-WAIT socket is then destroyed and the listener handles the SYN as a fresh request; its ISN is set 65537 above the old connection's next sequence number, so stray old segments fall outside the new window. " +
      "Any other SYN is answered with an ACK for the old connection, and TIME-WAIT continues.",
    sources: [
      "RFC 9293 §3.6.1 (MAY-2: reopen from TIME-WAIT with a larger ISN)",
      "tcp_timewait_state_process(), net/ipv4/tcp_minisocks.c (TCP_TW_SYN when seq is after rcv_nxt or the timestamp is newer; isn = tw_snd_nxt + 65535 + 2)",
      "tcp_v4_rcv(), net/ipv4/tcp_ipv4.c (TCP_TW_SYN: the listener takes the SYN)",
    ],
    rubric: {
      ideas: [
        { id: "reopen", idea: "The SYN may open a new connection right away", weight: 2, phrasings: ["reopen*|re-open*", "new connection|incarnation", "accept* .. new|the syn", "start* .. new"] },
        {
          id: "higher-seq",
          idea: "If its sequence number is above what the old connection expected",
          weight: 2,
          phrasings: ["sequence|seq .. higher|greater|above|larger|after|beyond|bigger|newer", "higher|greater|larger|bigger .. sequence|seq", "rcv_nxt"],
        },
        {
          id: "newer-timestamp",
          idea: "Or if its timestamp is newer than the last one seen",
          weight: 1,
          phrasings: ["timestamp* .. newer|higher|greater|later|larger|more-recent", "newer|later|higher|greater .. timestamp*", "tsval"],
        },
        { id: "isn-above", idea: "The new ISN starts above the old sequence space (old seq + 65537)", weight: 1, phrasings: ["isn|initial-sequence .. above|higher|greater|beyond|larger|65537|65535", "65537|65535"] },
        { id: "otherwise-ack", idea: "Any other SYN gets the old connection's ACK", weight: 1, phrasings: ["other|otherwise|old .. syn* .. ack*", "answer*|repl*|respond* .. ack", "ack* .. old connection"] },
      ],
      misconceptions: [
        {
          id: "syn-gets-rst",
          label: "Thinks TIME-WAIT answers a new SYN with RST",
          whyWrong: "Linux either accepts the SYN as a new connection or answers with the old connection's ACK (tcp_timewait_state_process()); it does not reset.",
          phrasings: ["syn .. rst|reset|refused", "rst|reset .. syn"],
        },
        {
          id: "syn-always-dropped",
          label: "Thinks every SYN must wait for TIME-WAIT to expire",
          whyWrong: "RFC 9293 §3.6.1 (MAY-2) and Linux let a SYN with a higher sequence number or newer timestamp reopen the four-tuple at once.",
          phrasings: ["syn* .. always|every|all .. drop*|ignor*|reject*", "drop*|ignor*|reject* .. every|all syn*", "must|has-to|have-to wait .. expire*|60|end*"],
        },
        {
          id: "needs-tw-reuse",
          label: "Thinks this needs tcp_tw_reuse",
          whyWrong: "tcp_tw_reuse is read only by connect() on the side that holds TIME-WAIT as a client; reopening from TIME-WAIT on a SYN needs no sysctl.",
          phrasings: ["tcp_tw_reuse .. enabled|needed|required|must", "only .. if|when .. tcp_tw_reuse"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The SYN is answered with RST, and the client must wait until TIME-WAIT expires after 60 seconds.", whyWrong: "A SYN with a higher sequence number or newer timestamp opens a new connection at once; any other SYN gets the old connection's ACK, not RST (tcp_timewait_state_process())." },
      { claim: "The kernel silently drops every SYN for that four-tuple until TIME-WAIT ends.", whyWrong: "RFC 9293 §3.6.1 allows reopening from TIME-WAIT, and Linux does it when the SYN's sequence number or timestamp shows it is new." },
      { claim: "A new connection is accepted only if tcp_tw_reuse is enabled.", whyWrong: "tcp_tw_reuse only affects connect() choosing a port on the host that holds TIME-WAIT; this path, on the host receiving the SYN, needs no sysctl." },
    ],
    followUps: [
      "Why does the new ISN start 65537 above the old connection's last sequence number?",
      "What protects the new connection if an old duplicate arrives anyway?",
      "What does tcp_rfc1337 change about RSTs in TIME-WAIT?",
    ],
    lesson: { slug: "time-wait", anchor: "a-new-syn-for-a-4-tuple-in-time-wait" },
    preset: "time-wait-old-duplicate",
  },
  {
    id: "tcp-max-tw-buckets",
    topic: "time-wait",
    difficulty: "core",
    question: "What is tcp_max_tw_buckets, and what happens when a host reaches it?",
    modelAnswer:
      "tcp_max_tw_buckets is the most TIME-WAIT sockets a host, or rather a network namespace, keeps at once. " +
      "When it is reached, a closing connection skips TIME-WAIT: its socket is destroyed at once and the kernel counts TcpExtTCPTimeWaitOverflow (older kernels also logged \"time wait bucket table overflow\"). " +
      "The connection itself closes normally; what is lost is the protection TIME-WAIT gives, so a lost final ACK draws an RST from this side and old duplicates could reach a new connection on the same four-tuple. " +
      "The default is half the size of the TCP established hash table, so it scales with memory rather than being one fixed number. " +
      "The documentation says you must not lower it artificially: it is a guard against denial of service, not a way to tune TIME-WAIT.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_max_tw_buckets)",
      "inet_twsk_alloc(), net/ipv4/inet_timewait_sock.c; tcp_time_wait(), net/ipv4/tcp_minisocks.c (LINUX_MIB_TCPTIMEWAITOVERFLOW)",
      "tcp_set_hashinfo(), net/ipv4/tcp_ipv4.c (default: half the ehash buckets)",
      "RFC 9293 §3.3.2 (what TIME-WAIT protects)",
    ],
    rubric: {
      ideas: [
        {
          id: "limit-count",
          idea: "It caps the number of TIME-WAIT sockets",
          weight: 1,
          phrasings: ["max*|limit*|cap*|most|ceiling|number .. time-wait|time_wait|timewait", "time-wait|time_wait|timewait .. limit*|max*|cap|count|number"],
        },
        {
          id: "skip-time-wait",
          idea: "Beyond it a closing socket is destroyed without TIME-WAIT",
          weight: 2,
          phrasings: ["skip*|without|bypass* .. time-wait|time_wait|timewait", "destroy*|clos*|kill*|free*|drop* .. immediately|at-once|straight-away|right-away|instantly", "no time-wait|time_wait|timewait"],
        },
        {
          id: "overflow-counter",
          idea: "It is counted in TcpExtTCPTimeWaitOverflow",
          weight: 1,
          phrasings: ["tcpexttcptimewaitoverflow|tcptimewaitoverflow|timewaitoverflow", "bucket* .. overflow*", "overflow* .. count*|counter"],
        },
        {
          id: "lose-protection",
          idea: "Those connections lose TIME-WAIT's protection (lost final ACK, old duplicates)",
          weight: 2,
          phrasings: ["los*|lose|lost .. protection|protect*|safety|guard*|guarantee*", "protection .. lost|gone", "final|last ack .. rst|reset|lost", "lost final|last ack", "old|delayed|stale duplicate*|segment*"],
        },
        { id: "default-memory", idea: "Its default scales with memory (half the hash table)", weight: 1, phrasings: ["half .. hash|ehash|bucket*|table", "scal* .. memory|ram", "depend* .. memory|ram"] },
      ],
      misconceptions: [
        {
          id: "limit-refuses-connections",
          label: "Thinks new connections are refused at the limit",
          whyWrong: "At the limit the closing socket just skips TIME-WAIT (inet_twsk_alloc() returns NULL); new connections are not refused.",
          phrasings: ["new connection* .. refus*|reject*|fail*|block*", "refus*|reject* .. new connection*"],
        },
        {
          id: "lower-it-safely",
          label: "Thinks lowering tcp_max_tw_buckets is a safe TIME-WAIT fix",
          whyWrong: "ip-sysctl.rst says not to lower it artificially: every socket beyond it loses TIME-WAIT's protection.",
          phrasings: ["lower*|reduc*|decreas*|shrink* .. safe*|recommended|fix*|get-rid|rid", "safe* .. lower*|reduc*|decreas*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "When the limit is reached, new connections are refused until TIME-WAIT sockets expire.", whyWrong: "Nothing is refused: the socket that is closing skips TIME-WAIT and is destroyed at once (inet_twsk_alloc(), TcpExtTCPTimeWaitOverflow)." },
      { claim: "It is the length of TIME-WAIT in seconds, so lower it to get rid of TIME-WAIT sockets safely.", whyWrong: "It is a count, not a duration (TIME-WAIT is TCP_TIMEWAIT_LEN, 60 s), and ip-sysctl.rst warns against lowering it artificially." },
      { claim: "Its default is 180000 on every machine.", whyWrong: "The default is half the number of buckets of the namespace's TCP hash table (tcp_set_hashinfo()), so it depends on memory." },
    ],
    followUps: [
      "What exactly goes wrong for a connection that skipped TIME-WAIT?",
      "Which counter tells you the limit was hit?",
    ],
    lesson: { slug: "time-wait", anchor: "the-knobs" },
  },
  {
    id: "so-linger-zero-abortive-close",
    topic: "time-wait",
    difficulty: "core",
    question: "Some code sets SO_LINGER with a zero timeout before close() to avoid TIME-WAIT. What does that do, and what does it cost?",
    modelAnswer:
      "With SO_LINGER on and a linger time of 0, close() aborts the connection: the kernel discards any unsent data and sends an RST instead of a FIN, so the socket goes straight to CLOSED and never enters TIME-WAIT. " +
      "That is why people use it against piles of TIME-WAIT sockets. " +
      "The cost is that it is an abortive close: data still in the send buffer or in flight is lost, the peer's next recv() or send() fails with ECONNRESET instead of seeing end of file, " +
      "and the four-tuple loses TIME-WAIT's protection against old duplicate segments. " +
      "Use it only to abort deliberately, for example after a protocol error; for port exhaustion, reuse connections or let the peer close first.",
    sources: [
      "man 7 socket (SO_LINGER)",
      "__tcp_close(), net/ipv4/tcp.c (zero linger: disconnect with RST, TcpExtTCPAbortOnData)",
      "RFC 9293 §3.6 (abort), §3.3.2 (TIME-WAIT)",
    ],
    rubric: {
      ideas: [
        { id: "sends-rst", idea: "close() sends RST instead of FIN: an abortive close", weight: 2, phrasings: ["send*|sent|emit*|with .. rst|reset", "rst|reset .. sent|send*|emitted|instead|rather", "reset*|resets .. connection", "abort*|abortive"] },
        {
          id: "skips-time-wait",
          idea: "The socket never enters TIME-WAIT",
          weight: 1,
          phrasings: ["never|skip*|bypass*|avoid*|without .. time-wait|time_wait|timewait", "no time-wait|time_wait|timewait", "not .. time-wait|time_wait|timewait", "straight|directly .. closed"],
        },
        { id: "data-lost", idea: "Unsent or in-flight data is discarded", weight: 2, phrasings: ["data .. lost|discard*|dropped|thrown|lose|gone", "lose*|lost|discard*|drop*|throw* .. data|unsent|buffer*", "data .. not .. sent|delivered|acked|acknowledged"] },
        { id: "peer-error", idea: "The peer gets ECONNRESET instead of end of file", weight: 1, phrasings: ["econnreset", "peer|other-side|remote|other-end .. error*|fail*|econnreset", "connection reset"] },
        { id: "loses-protection", idea: "It loses TIME-WAIT's protection against old duplicates", weight: 1, phrasings: ["old|delayed|stale duplicate*|segment*", "protection"] },
      ],
      misconceptions: [
        {
          id: "linger-zero-graceful",
          label: "Thinks a zero linger still closes gracefully, or is harmless",
          whyWrong: "A zero linger time makes close() send RST and discard unsent data (man 7 socket, SO_LINGER); the peer sees ECONNRESET.",
          phrasings: ["graceful*|clean*|normal* close*|shutdown", "clos* cleanly|gracefully|normally", "harmless|safe|no-downside|no-cost"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "It sets the TIME-WAIT length to zero, and the connection still closes cleanly with a FIN.", whyWrong: "It sends RST instead of FIN and discards unsent data; the peer gets ECONNRESET (man 7 socket, SO_LINGER)." },
      { claim: "It makes close() block until all data is delivered, then skips TIME-WAIT.", whyWrong: "That describes a non-zero linger time; with zero, close() returns at once, discards the data and sends RST." },
      { claim: "It is harmless: it only skips TIME-WAIT, which nobody needs anyway.", whyWrong: "The peer sees a reset instead of end of file, in-flight data is lost, and old duplicates lose the TIME-WAIT guard (RFC 9293 §3.3.2)." },
    ],
    followUps: [
      "What does SO_LINGER with a non-zero timeout do instead?",
      "How else can a client avoid running out of ports because of TIME-WAIT?",
    ],
    lesson: { slug: "four-way-close", anchor: "rst-instead-of-fin" },
    preset: "abort",
    whatIf: "no-time-wait",
  },
];
