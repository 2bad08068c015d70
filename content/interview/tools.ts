// Interview questions: ss, netstat and nstat (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const toolsQuestions: InterviewQuestion[] = [
  {
    id: "ss-versus-netstat",
    topic: "tools",
    difficulty: "warm-up",
    question: "netstat or ss: which would you use on a modern Linux host to list TCP connections and their states, and why?",
    modelAnswer:
      "I would use ss, from iproute2. " +
      "netstat belongs to net-tools, which is deprecated; its own man page names ss as its replacement. " +
      "netstat reads and parses the text files under /proc/net, which gets slow with hundreds of thousands of sockets. " +
      "ss asks the kernel directly over netlink through the sock_diag interface and can filter in the kernel. " +
      "ss -tan lists every TCP socket, listeners included, with numeric addresses; ss -tan state time-wait filters by state and ss -s prints a summary. " +
      "The options -o, -i, -m and -p add timers, TCP internals, memory and the owning process. " +
      "The two tools spell states differently: ss writes TIME-WAIT, netstat TIME_WAIT. " +
      "For the protocol counters of netstat -s, nstat is the iproute2 counterpart.",
    sources: ["man 8 ss", "man 8 netstat (NOTES: obsolete, replaced by ss)", "man 7 sock_diag", "man 8 nstat"],
    rubric: {
      ideas: [
        {
          id: "use-ss",
          idea: "Use ss, from iproute2",
          weight: 1,
          phrasings: ["use|prefer|choose|run|pick ss", "ss .. iproute2|replac*|modern|faster|newer|successor", "iproute2"],
        },
        {
          id: "netstat-deprecated",
          idea: "netstat (net-tools) is deprecated",
          weight: 2,
          phrasings: [
            "netstat|net-tools .. deprecated|obsolete|unmaintained|legacy|old|replaced|outdated",
            "deprecated|obsolete|unmaintained|legacy|outdated .. netstat|net-tools",
            "is|are|was|been deprecated|obsolete|unmaintained|outdated",
          ],
        },
        {
          id: "netlink-faster",
          idea: "ss queries the kernel over netlink (sock_diag) instead of parsing /proc text, so it is faster",
          weight: 1,
          phrasings: [
            "netlink|sock_diag|inet_diag",
            "netstat .. pars*|read* .. text|proc|files",
            "ss .. faster|quicker|kernel-directly|directly",
            "faster|quicker .. than .. netstat",
          ],
        },
        {
          id: "ss-tan",
          idea: "ss -tan lists TCP sockets with their states; state filters and -s summarise",
          weight: 1,
          phrasings: ["ss tan|tna|atn|ant|nat|ta|tn|tanp|tanpo|tano|tn4", "ss .. state .. filter*|time-wait|established|close-wait", "ss s .. summary"],
        },
      ],
      misconceptions: [
        {
          id: "netstat-is-better",
          label: "Thinks netstat is faster or more complete than ss",
          whyWrong: "netstat parses /proc text files and is deprecated (man 8 netstat); ss asks the kernel over netlink and shows more (timers, TCP internals, memory).",
          phrasings: ["netstat .. faster|more-accurate|better|more-complete|more-detail*|preferred"],
        },
        {
          id: "ss-is-alias",
          label: "Thinks ss is a wrapper around netstat",
          whyWrong: "ss is a separate iproute2 tool that talks to the kernel over netlink sock_diag; it does not run or reimplement netstat's /proc parsing.",
          phrasings: ["ss .. alias|wrapper|same-program|same-tool .. netstat", "ss .. same .. proc .. files"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "netstat, because it is faster and ss only shows sockets that are listening.",
        whyWrong: "ss shows every socket and state (ss -tan) and is the faster one: it asks the kernel over netlink instead of parsing /proc text; netstat is deprecated.",
      },
      {
        claim: "It does not matter: ss is just an alias of netstat that reads the same /proc files.",
        whyWrong: "ss is a separate iproute2 tool using netlink sock_diag; netstat (net-tools) is deprecated and parses /proc.",
      },
    ],
    followUps: ["How would you count sockets per state with each tool?", "What does ss -s give you that ss -tan does not?"],
    lesson: { slug: "time-wait", anchor: "in-production" },
  },
  {
    id: "ss-recv-q-send-q-connections",
    topic: "tools",
    difficulty: "core",
    question:
      "ss -tn shows an ESTABLISHED connection with Send-Q at 180000 that does not shrink, and another with a large Recv-Q. What do these columns mean for a connection, how is that different on a listener, and what would you check next?",
    modelAnswer:
      "For a connection the columns count bytes. " +
      "Recv-Q is data that arrived but that the application has not read yet; a growing Recv-Q means a slow or stuck reader on this host. " +
      "Send-Q is data the application has written that the peer has not acknowledged yet; a Send-Q that never shrinks means the peer stopped acknowledging. " +
      "Either it vanished or the path is losing packets, or the peer reads too slowly and advertised a zero window. " +
      "ss -tino tells them apart: a retransmission timer with a climbing count points at a dead peer or a lossy path, while a persist timer shows a zero window. " +
      "On a LISTEN socket the same columns mean something else: Recv-Q is the number of connections waiting in the accept queue, and Send-Q is that queue's limit.",
    sources: [
      "tcp_diag_get_info() in net/ipv4/tcp_diag.c (rcv_nxt − copied_seq, write_seq − snd_una; accept queue length and limit for a listener)",
      "man 8 ss (-o timer information, -i)",
      "RFC 9293 §3.8.6.1 (zero-window probing)",
    ],
    rubric: {
      ideas: [
        {
          id: "recv-q-unread",
          idea: "On a connection, Recv-Q is received data the application has not read",
          weight: 2,
          phrasings: [
            "recv q .. not|unread|yet .. read",
            "unread|not-yet-read|not-read .. data|byte*",
            "receiv*|arriv* .. not .. read",
            "application|app .. not|never|slow* .. read*",
            "slow|stuck .. reader|application|app",
          ],
        },
        {
          id: "send-q-unacked",
          idea: "On a connection, Send-Q is written data the peer has not acknowledged",
          weight: 2,
          phrasings: [
            "send q .. unacknowledged|unacked|not-acknowledged|not-yet-acknowledged",
            "not|never .. acknowledged|acked",
            "unacknowledged|unacked",
            "peer .. not|never|stopped .. acknowledg*|ack*",
          ],
        },
        {
          id: "listener-different",
          idea: "On a listener the columns are the accept queue's length and limit",
          weight: 1,
          phrasings: [
            "listen* .. accept queue|backlog",
            "accept queue .. length|limit|waiting|size|connections",
            "connections|waiting .. accept queue",
            "backlog|somaxconn",
          ],
        },
        {
          id: "timer-tells-apart",
          idea: "The timer (ss -o) tells a dead peer or lossy path (retransmissions) from a zero window (persist)",
          weight: 1,
          phrasings: ["persist*", "zero window|zero-window", "retransmi* .. timer|count|climb*|growing", "ss .. o|tino|ti|ino|tno"],
        },
      ],
      misconceptions: [
        {
          id: "queues-in-packets",
          label: "Reads Recv-Q and Send-Q as packets or NIC ring entries",
          whyWrong: "For a connection they are bytes in the socket buffers (tcp_diag_get_info()); for a listener, connections in the accept queue and its limit.",
          phrasings: ["recv q|send q|queues|columns .. packets|frames|ring*|nic|card"],
        },
        {
          id: "send-q-is-peer-data",
          label: "Thinks Send-Q counts data the peer sent that this host has not acknowledged",
          whyWrong: "Send-Q is data this host's application wrote that the peer has not acknowledged yet; incoming data this host has not read is Recv-Q.",
          phrasings: ["send q .. peer .. sent|send*", "send q .. we|us|our|this-host|locally .. not .. acknowledg*|ack*"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "Recv-Q and Send-Q are the numbers of packets waiting in the network card's receive and transmit rings.",
        whyWrong: "They are bytes in the socket's buffers: unread received data and unacknowledged sent data (tcp_diag_get_info()); NIC rings are not shown by ss.",
      },
      {
        claim: "Send-Q is the data the peer has sent to us that our kernel has not acknowledged yet, so the large value is our fault.",
        whyWrong: "Send-Q is what our application wrote and the peer has not acknowledged; our unread incoming data shows in Recv-Q.",
      },
      {
        claim: "It is the same as on a listener: Send-Q is the backlog and Recv-Q the connections waiting for accept().",
        whyWrong: "That is the meaning on a LISTEN socket only; for an established connection both columns count bytes in the socket buffers.",
      },
    ],
    followUps: [
      "How do you tell from ss whether a large Send-Q is a zero window or a dead peer?",
      "Which nstat counters would confirm packet loss on this host?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "in-production" },
  },
  {
    id: "ss-timer-and-tcp-info",
    topic: "tools",
    difficulty: "core",
    question: "A connection seems stuck. What do the timer and TCP info fields of ss -tino tell you about it?",
    modelAnswer:
      "The -o option adds a timer field. " +
      "timer:(on,800ms,3) means the retransmission timer is armed and fires in 800 ms, and that 3 retransmission timeouts have happened: data is going unacknowledged and the peer may be gone. " +
      "A count of 0 with an on timer is normal for any connection with data in flight. " +
      "A keepalive timer means keepalive is on, with the count of unanswered probes, a persist timer means the peer advertised a zero window, and timewait is the TIME-WAIT timer. " +
      "An ESTABLISHED socket with no timer has nothing in flight and no keepalive. " +
      "The -i option adds internals such as rto, rtt and cwnd. " +
      "It also shows retrans as retransmitted segments still unacknowledged over the total, backoff, and lastsnd, lastrcv and lastack in milliseconds. " +
      "A growing retransmission total with an old lastack says the peer stopped acknowledging.",
    sources: [
      "man 8 ss (-o, -i)",
      "inet_sk_diag_fill() in net/ipv4/inet_diag.c (timer kinds and counts)",
      "tcp_get_info() in net/ipv4/tcp.c (struct tcp_info: tcpi_retrans, tcpi_total_retrans, tcpi_backoff, tcpi_last_ack_recv)",
    ],
    rubric: {
      ideas: [
        {
          id: "timer-on-retransmit",
          idea: "timer:(on,…,N) is the retransmission timer with the number of retransmissions so far",
          weight: 2,
          phrasings: [
            "retransmi* timer",
            "on .. retransmi*",
            "timer .. retransmi*",
            "retransmi* .. so-far|count|number|happened|made|done|timeouts",
          ],
        },
        {
          id: "other-timers",
          idea: "keepalive, persist (zero window) and timewait timers, or none at all",
          weight: 1,
          phrasings: [
            "keepalive .. timer|on|probe*|enabled",
            "persist* .. zero|window",
            "zero window|zero-window",
            "no|without timer",
            "timewait|time-wait timer",
          ],
        },
        {
          id: "info-fields",
          idea: "-i shows rto, rtt, cwnd, retrans, backoff and the last send/receive/ack times",
          weight: 2,
          phrasings: ["rto|rtt|cwnd|retrans|backoff|unacked|lastack|lastsnd|lastrcv|bytes_retrans|ssthresh"],
        },
        {
          id: "interpret",
          idea: "Reading them: the peer stopped acknowledging (dead peer or loss) versus a slow reader",
          weight: 1,
          phrasings: [
            "peer .. stopped|not|never|gone|dead|vanish* .. acknowledg*|answer*|respond*|ack*",
            "peer .. may|might|could|is .. gone|dead|vanish*",
            "slow|stalled|stuck reader|receiver|read*",
            "unacknowledged|unacked",
          ],
        },
      ],
      misconceptions: [
        {
          id: "on-means-connected",
          label: "Reads timer:(on,…) as 'the socket is on' and the last number as something else",
          whyWrong: "'on' is the retransmission timer (inet_sk_diag_fill()); the third number is the retransmission (or probe) count.",
          phrasings: [
            "on .. mean*|is|just .. connection|socket .. open|active|alive|established|connected|up",
            "last|third number .. file-descriptor|descriptor|fd|port|pid",
          ],
          unless: ["retransmi*"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "timer:(on,...) just means the socket is on, that is connected, and the last number is its file descriptor.",
        whyWrong: "'on' is the retransmission timer, the middle value the time until it fires, and the last number the count of retransmissions so far.",
      },
      {
        claim: "ss cannot show timers or retransmissions; you need tcpdump for that.",
        whyWrong: "ss -o shows each socket's timer with its count, and ss -i shows rto, rtt, cwnd and the retransmission counters from struct tcp_info.",
      },
    ],
    followUps: [
      "How do you tell a zero-window stall from a dead peer in ss output?",
      "Which nstat counters confirm across the host what you see on one socket?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "in-production" },
  },
  {
    id: "count-states-who-closes",
    topic: "tools",
    difficulty: "warm-up",
    question:
      "How do you count a host's TCP sockets per state, and how can you tell from ss output whether this host is the client or the server of its TIME-WAIT connections?",
    modelAnswer:
      "ss -s prints a summary with the number of established, closed, orphaned and timewait sockets without listing them. " +
      "For one state, ss -Htan state time-wait | wc -l counts the lines, and -H drops the header. " +
      "Counting the first column of ss -tan with sort and uniq -c gives every state at once; the classic netstat awk one-liner does the same with underscores in the names. " +
      "Then look at which column holds the well-known port. " +
      "If the local address has your service's port, this host is the server and it closed first. " +
      "If the peer has the well-known port, this host is a client that closes first, the case that can exhaust its ephemeral ports. " +
      "Adding -p names the owning process; TIME-WAIT sockets show none, because no process holds them any more.",
    sources: ["man 8 ss (-s, -H, state filters, -p)", "man 8 netstat", "RFC 9293 §3.6 (the side that closes first enters TIME-WAIT)", "ip_local_port_range in Documentation/networking/ip-sysctl.rst"],
    rubric: {
      ideas: [
        {
          id: "ss-summary-or-state",
          idea: "ss -s summarises; ss state filters with wc -l count one state",
          weight: 2,
          phrasings: [
            "ss s .. summary|count*|totals",
            "ss .. state .. wc|count*",
            "wc l|wc",
            "sort .. uniq",
            "uniq c",
          ],
        },
        {
          id: "port-column",
          idea: "Which column has the well-known port tells client from server",
          weight: 2,
          phrasings: [
            "local .. port .. server",
            "peer|remote|foreign .. port .. client",
            "well-known|service|server* port .. local|peer|remote|column",
            "column .. port",
          ],
        },
        {
          id: "client-ports-risk",
          idea: "A client that closes first holds TIME-WAIT and can run out of ephemeral ports",
          weight: 1,
          phrasings: ["ephemeral|local|source port* .. exhaust*|run-out|deplet*", "exhaust*|run-out .. port*", "port exhaustion"],
        },
        {
          id: "time-wait-no-process",
          idea: "TIME-WAIT sockets show no process with -p: nobody holds them",
          weight: 1,
          phrasings: [
            "time-wait|time_wait|timewait .. no|never|without|none|nobody .. process|pid|owner",
            "time-wait|time_wait|timewait .. show*|have|has|list* .. none|nothing|no-process|no-owner",
            "no|never|without .. process|owner|pid .. time-wait|time_wait|timewait",
            "time-wait|time_wait|timewait .. kernel .. only|holds|owns",
          ],
        },
      ],
      misconceptions: [
        {
          id: "time-wait-means-server",
          label: "Thinks TIME-WAIT sockets are always the server's",
          whyWrong: "TIME-WAIT belongs to the side that closed first (RFC 9293 §3.6); the port columns show which side that was on this host.",
          phrasings: ["time-wait|time_wait|timewait .. always .. server", "always .. server"],
        },
        {
          id: "netstat-s-lists-sockets",
          label: "Thinks netstat -s lists sockets per state",
          whyWrong: "netstat -s prints protocol counters since boot, not sockets; counting states needs ss -tan (or netstat -nat) or the ss -s summary.",
          phrasings: ["netstat s .. list*|show*|count* .. socket*|connection*|state*"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "Run netstat -s, which lists each socket with its state; TIME-WAIT sockets are always on the server anyway.",
        whyWrong: "netstat -s prints protocol counters, not sockets, and TIME-WAIT is held by whichever side closed first; the port columns of ss -tan show which.",
      },
      {
        claim: "You cannot tell which side closed; ss only shows addresses without ports.",
        whyWrong: "ss shows both local and peer address:port; the side holding the well-known port is the server.",
      },
    ],
    followUps: [
      "How many TIME-WAIT sockets does a server closing 500 connections per second hold?",
      "What does ss -o show for a TIME-WAIT socket?",
    ],
    lesson: { slug: "time-wait", anchor: "in-production" },
  },
  {
    id: "nstat-retransmission-counters",
    topic: "tools",
    difficulty: "core",
    question:
      "How do you use nstat to see whether a Linux host is losing packets, and which counters separate retransmissions, retransmission timeouts and connections the kernel gave up on? Which one shows accept-queue overflows?",
    modelAnswer:
      "nstat, from iproute2, reads the kernel's SNMP and extended TCP counters. " +
      "Run without options, it prints how much each counter grew since its previous run; nstat -az prints absolute values since boot, zeros included. " +
      "TcpRetransSegs counts every retransmitted segment, fast retransmits and timeouts alike; divided by TcpOutSegs it gives a retransmission rate. " +
      "TcpExtTCPTimeouts is incremented on every retransmission timeout, the slow kind of recovery, and TcpExtTCPLossProbes on the tail loss probes sent before them. " +
      "TcpExtTCPAbortOnTimeout counts connections the kernel gave up on after retransmissions or probes went unanswered. " +
      "TcpExtListenOverflows counts SYNs and final ACKs dropped because a listener's accept queue was full. " +
      "These are totals per network namespace, so compare two readings; netstat -s shows the same numbers in prose.",
    sources: [
      "man 8 nstat (-a, -z, increments since the last run)",
      "snmp4_net_list in net/ipv4/proc.c; include/uapi/linux/snmp.h (LINUX_MIB_TCPTIMEOUTS, LINUX_MIB_TCPABORTONTIMEOUT, LINUX_MIB_LISTENOVERFLOWS)",
      "tcp_retransmit_timer() in net/ipv4/tcp_timer.c (TCPTimeouts counts every RTO)",
      "RFC 4022 (tcpRetransSegs, tcpOutSegs)",
    ],
    rubric: {
      ideas: [
        {
          id: "retrans-segs",
          idea: "TcpRetransSegs counts retransmitted segments (rate against TcpOutSegs)",
          weight: 2,
          phrasings: ["tcpretranssegs|retranssegs", "retransmitted segments|segments .. retransmitted", "tcpoutsegs|outsegs"],
        },
        {
          id: "tcp-timeouts",
          idea: "TcpExtTCPTimeouts counts retransmission timeouts",
          weight: 1,
          phrasings: ["tcpexttcptimeouts|tcptimeouts", "rto .. expir*|timeouts|fire*", "retransmission-timeout*|retransmission-timer-expir*"],
        },
        {
          id: "abort-on-timeout",
          idea: "TcpExtTCPAbortOnTimeout counts connections given up on",
          weight: 1,
          phrasings: ["tcpexttcpabortontimeout|tcpabortontimeout|abortontimeout", "gave-up|give*-up|given-up|abort*|dropped .. connection*"],
        },
        {
          id: "listen-overflows",
          idea: "TcpExtListenOverflows counts drops on a full accept queue",
          weight: 1,
          phrasings: ["tcpextlistenoverflows|listenoverflows|listen-overflows", "tcpextlistendrops|listendrops"],
        },
        {
          id: "deltas",
          idea: "nstat prints increments since its last run; -a gives absolute values, so compare readings",
          weight: 1,
          phrasings: [
            "since .. last|previous run|call|invocation",
            "delta*|increment*|grew|difference|change*",
            "az|absolute",
            "compare .. two|readings|samples|snapshots",
          ],
        },
      ],
      misconceptions: [
        {
          id: "listen-overflows-syn-queue",
          label: "Reads ListenOverflows as SYN-queue (half-open) overflow",
          whyWrong: "ListenOverflows counts drops because the accept queue was full; SYN-queue overflow shows as SYN cookies (TcpExtTCPReqQFullDoCookies) or TcpExtTCPReqQFullDrop.",
          phrasings: ["listenoverflows|listen-overflows .. syn-queue|half-open|syn-flood|incomplete"],
        },
        {
          id: "counters-are-current",
          label: "Thinks the counters show current state (retransmissions in flight now)",
          whyWrong: "They are cumulative event counters since boot per namespace; nstat without -a shows their growth since its last run.",
          phrasings: ["current|right-now|in-flight|at-the-moment .. retransmi*|number", "per connection|socket"],
          unless: ["ss|not|rather"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "Check TcpExtListenOverflows: it counts half-open connections in the SYN queue, so it shows packet loss and SYN floods.",
        whyWrong: "It counts drops because the accept queue was full; packet loss shows in TcpRetransSegs, TcpExtTCPTimeouts and TcpExtTCPLossProbes.",
      },
      {
        claim: "nstat shows the number of retransmissions in flight right now, so a zero means the network is fine.",
        whyWrong: "nstat prints cumulative counters, by default as growth since its last run; in-flight retransmissions of one socket show in ss -i.",
      },
    ],
    followUps: [
      "Why does nstat without -a sometimes print almost nothing?",
      "Once TcpRetransSegs climbs, how do you find the connections that retransmit?",
    ],
    lesson: { slug: "syn-flood", anchor: "in-production" },
  },
];
