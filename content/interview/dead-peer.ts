// Interview questions: keepalive and detecting a dead peer (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const deadPeerQuestions: InterviewQuestion[] = [
  {
    id: "keepalive-off-by-default",
    topic: "dead-peer",
    difficulty: "warm-up",
    question:
      "Does Linux notice by itself that the peer of an idle TCP connection has died? If an application turns TCP keepalive on, how long does detection take with the default settings?",
    modelAnswer:
      "Not by itself: an idle connection has no timer running, and TCP keepalive is off by default, as RFC 1122 requires. " +
      "An application must enable it per socket with setsockopt SO_KEEPALIVE. " +
      "Then Linux uses three sysctls: tcp_keepalive_time gives 7200 seconds of idleness before the first probe, " +
      "tcp_keepalive_intvl gives 75 seconds between probes, and tcp_keepalive_probes allows 9 unanswered probes before the connection is dropped. " +
      "That is 7200 + 9 × 75 = 7875 seconds, more than two hours after the last segment received, before the application gets ETIMEDOUT. " +
      "The sysctls only change the timing for sockets that already set SO_KEEPALIVE. " +
      "Each socket can override them with TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT, which is what most services should do.",
    sources: [
      "RFC 1122 §4.2.3.6 (keep-alives MUST default to off, idle interval at least two hours)",
      "man 7 socket (SO_KEEPALIVE)",
      "man 7 tcp (tcp_keepalive_time, tcp_keepalive_intvl, tcp_keepalive_probes, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT)",
      "Documentation/networking/ip-sysctl.rst (tcp_keepalive_time 7200, tcp_keepalive_intvl 75, tcp_keepalive_probes 9)",
      "tcp_keepalive_timer() in net/ipv4/tcp_timer.c",
    ],
    rubric: {
      ideas: [
        {
          id: "off-by-default",
          idea: "Keepalive is off unless the application sets SO_KEEPALIVE on the socket",
          weight: 2,
          phrasings: [
            "off|disabled .. default",
            "default* .. off|disabled",
            "not|never .. on|enabled|active|running|sent .. default*",
            "must|has-to|have-to|need*|should .. enabl*|turn*|set|request*|ask*|switch* .. so_keepalive|keepalive*|keep-alive*",
            "enabl*|turn*|set|request* .. so_keepalive .. per|each|every|the socket",
            "only .. so_keepalive",
            "only .. if|when|after .. enabl*|turn*|set*|ask*|request*|opt*",
            "opt-in",
          ],
        },
        {
          id: "idle-7200",
          idea: "The first probe comes after 7200 s (two hours) of idleness",
          weight: 1,
          phrasings: ["7200", "two|2 hours", "120 minutes"],
        },
        {
          id: "probes-9-every-75",
          idea: "Then 9 probes, 75 s apart, for 7875 s in all",
          weight: 1,
          phrasings: ["75 .. 9|nine", "9|nine .. 75", "9|nine probes|unanswered|tries|attempts", "7875", "tcp_keepalive_probes .. 9|nine"],
        },
        {
          id: "per-socket-overrides",
          idea: "TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT override the sysctls per socket",
          weight: 1,
          phrasings: ["tcp_keepidle|tcp_keepintvl|tcp_keepcnt|keepidle|keepintvl|keepcnt", "per|each|every socket .. overrid*|option*", "overrid* .. per|each|every socket"],
        },
      ],
      misconceptions: [
        {
          id: "keepalive-on-by-default",
          label: "Thinks Linux sends keepalive probes on every connection by default",
          whyWrong: "A socket sends keepalive probes only if its program set SO_KEEPALIVE (man 7 socket); RFC 1122 §4.2.3.6 requires keep-alives to default to off.",
          phrasings: [
            "keepalive*|keep-alive* .. on|enabled|active|running|sent by-default",
            "by-default .. send*|sent|probe*|enabl* .. keepalive*|keep-alive*",
            "linux|kernel .. send*|sent|probe* .. keepalive*|keep-alive*|every|all .. by-default|automatically",
            "every|all connection*|socket* .. probed|get* .. keepalive*|probe*",
          ],
        },
        {
          id: "ten-probes",
          label: "Gives the default probe count as 10",
          whyWrong: "tcp_keepalive_probes defaults to 9 (ip-sysctl.rst, man 7 tcp), so the default detection time is 7200 + 9 × 75 = 7875 s.",
          phrasings: ["10|ten probes|tries|attempts|retries", "tcp_keepalive_probes .. 10|ten"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "Yes: Linux sends keepalive probes on every connection by default after two hours of idleness.",
        whyWrong: "Keepalive is off unless the application sets SO_KEEPALIVE; tcp_keepalive_time only applies to sockets that did (man 7 tcp, RFC 1122 §4.2.3.6).",
      },
      {
        claim: "Once it is enabled, keepalive waits 7200 seconds and then sends 10 probes that are 75 seconds apart before it gives up.",
        whyWrong: "The default count is 9 (tcp_keepalive_probes), and the answer leaves out that keepalive must first be enabled per socket.",
      },
      {
        claim: "Setting net.ipv4.tcp_keepalive_time to 60 turns keepalive on for every connection on the host.",
        whyWrong: "The sysctl only changes the idle time of sockets that already set SO_KEEPALIVE; every other socket still gets no probes.",
      },
    ],
    followUps: [
      "What does a keepalive probe look like on the wire, and why does a live peer answer it?",
      "How would you make one service detect a dead peer within a minute?",
      "Does keepalive run while the connection has unacknowledged data in flight?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "keepalive-probing-an-idle-connection" },
  },
  {
    id: "process-crash-host-crash-reboot",
    topic: "dead-peer",
    difficulty: "core",
    question:
      "A client holds an idle TCP connection to a server. What does the client see if the server process crashes, if the server's host loses power, and if that host then reboots?",
    modelAnswer:
      "If only the process crashes, its kernel survives and closes every descriptor the process held. " +
      "Closing the socket sends a FIN, or an RST if unread data was left in it, so the client learns at once: recv() returns 0 or fails with ECONNRESET. " +
      "If the host loses power, nothing is sent at all. " +
      "The client's socket stays ESTABLISHED and an idle client never notices. " +
      "It finds out only when it sends data and the retransmissions run out after the tcp_retries2 budget of about 15 minutes, or when keepalive probes go unanswered. " +
      "After a reboot the server's new kernel has no state for the connection. " +
      "The next segment the client sends is therefore answered with an RST, and the client gets ECONNRESET.",
    sources: [
      "tcp_close() in net/ipv4/tcp.c (FIN on close, RST when unread data is discarded)",
      "RFC 2525 §2.17 (RST on close with unread data)",
      "RFC 9293 §3.5.1 (half-open connections), §3.10.7.1 (RST for a segment to a connection that does not exist)",
      "Documentation/networking/ip-sysctl.rst (tcp_retries2)",
    ],
    rubric: {
      ideas: [
        {
          id: "process-crash-fin",
          idea: "A crashed process's kernel closes its sockets: FIN (or RST), noticed at once",
          weight: 1,
          phrasings: [
            "kernel .. clos*|send*|sent .. fin|rst|reset|socket*|descriptor*",
            "process .. crash*|die*|dies|exit*|kill* .. fin",
            "clos* .. socket|descriptor* .. fin",
            "send*|sent .. fin .. process|crash*",
            "recv* .. return* .. 0|zero|eof",
            "end-of-file|eof",
          ],
        },
        {
          id: "host-crash-silence",
          idea: "A host that loses power sends nothing: the connection stays ESTABLISHED",
          weight: 2,
          phrasings: [
            "nothing .. sent|send*|arriv*|reach*|comes|come",
            "no fin|rst|segment*|packet*|reset|signal|notification",
            "silen*",
            "stays|remains|stay|remain|still established|open",
            "never|not notic*|know*|learn*|detect*|find*",
            "half-open",
          ],
        },
        {
          id: "detect-by-sending",
          idea: "It is detected only when the client sends (retransmissions time out) or keepalive probes go unanswered",
          weight: 1,
          phrasings: [
            "only .. when|if|once|after .. send*|sent|data|retransmi*|keepalive*|probe*",
            "retransmi* .. time*-out|timeout|fail*|exhaust*|run-out|give*-up|expire*",
            "tcp_retries2|retries2",
            "keepalive*|probe* .. unanswered|fail*|detect*",
            "etimedout",
          ],
        },
        {
          id: "reboot-rst",
          idea: "After the reboot, the client's next segment draws an RST",
          weight: 1,
          phrasings: [
            "reboot*|restart*|back|up-again .. rst|reset|econnreset",
            "next|first segment*|packet*|data|request .. rst|reset|econnreset",
            "answer*|repl*|respond*|met .. with .. rst|reset",
            "rst|reset .. after .. reboot*|restart*",
          ],
        },
      ],
      misconceptions: [
        {
          id: "power-loss-sends-reset",
          label: "Thinks a host that loses power still sends a FIN or RST",
          whyWrong: "A host without power sends nothing; only a surviving kernel (process crash) or a rebooted one (to a later segment) produces a FIN or an RST.",
          phrasings: ["power* .. fin|rst|reset|econnreset", "host|machine .. crash*|die*|dies|dead .. send*|sent .. fin|rst|reset"],
          unless: ["reboot*|back|return*|restor*|after|next|answer*|repl*|respond*|later|again"],
        },
        {
          id: "process-crash-silent",
          label: "Thinks a crashed process leaves its connections open with nothing sent",
          whyWrong: "The process's kernel survives the crash and closes its descriptors, which sends a FIN (or an RST) at once (tcp_close()).",
          phrasings: ["process|application|app .. crash*|kill*|die*|dies .. open|forever|hang*|nothing|no-fin|never"],
          unless: ["host|power|machine"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "In all three cases the server sends a FIN, so the client's read returns 0 at once.",
        whyWrong: "Only the process crash sends a FIN (its kernel survives); a powered-off host sends nothing, and a rebooted one answers the next segment with an RST (RFC 9293 §3.5.1).",
      },
      {
        claim: "When the host loses power the client gets a connection reset immediately.",
        whyWrong: "A host without power sends nothing: the client's socket stays ESTABLISHED until it sends data or keepalive probes go unanswered.",
      },
      {
        claim: "A crashed process leaves the connection open forever, because nobody calls close().",
        whyWrong: "On exit the kernel closes every descriptor of the process, and that close sends a FIN or an RST (tcp_close()).",
      },
    ],
    followUps: [
      "How long does the client wait before ETIMEDOUT if it sends during the outage, and can it be shortened for one socket?",
      "Why does the rebooted host answer with an RST rather than ignoring the segment?",
      "When does a process crash produce an RST instead of a FIN?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "what-the-survivor-can-know" },
  },
  {
    id: "cable-cut-ten-minutes",
    topic: "dead-peer",
    difficulty: "core",
    question:
      "Somebody unplugs a cable in the middle of the path between a client and a server while a TCP connection is open, and plugs it back in ten minutes later. Does the connection survive?",
    modelAnswer:
      "Usually yes. Unplugging a cable sends nothing to either end, so neither TCP notices by itself. " +
      "An idle connection without aggressive keepalive simply carries on once the cable is back, since no segment was lost. " +
      "If one side sent data during the outage, its segments go unacknowledged and it retransmits them with exponential backoff: the RTO doubles from about 200 ms up to 120 s. " +
      "Linux gives up only when the tcp_retries2 budget is spent, 924.6 seconds for the default of 15, counted from the first retransmission. " +
      "Ten minutes is within that budget, so a retransmission after the repair gets through and the connection recovers, at most two minutes later. " +
      "It dies only if TCP_USER_TIMEOUT, short keepalive settings or an application timeout is shorter than the outage.",
    sources: [
      "RFC 9293 §3.5.1 (half-open connections)",
      "RFC 6298 §5.5 (back off the timer)",
      "Documentation/networking/ip-sysctl.rst (tcp_retries2: 924.6 s)",
      "tcp_model_timeout() and retransmits_timed_out() in net/ipv4/tcp_timer.c",
      "TCP_RTO_MIN, TCP_RTO_MAX in include/net/tcp.h",
    ],
    rubric: {
      ideas: [
        {
          id: "nothing-sent",
          idea: "A cut cable sends nothing, so neither end notices by itself",
          weight: 1,
          phrasings: [
            "nothing .. sent|send*|arriv*|tell*|notif*|reach*",
            "no fin|rst|reset|segment*|packet*|signal|notification",
            "neither|nobody|not|never .. notic*|know*|learn*|detect*|aware",
            "silen*",
          ],
        },
        {
          id: "survives",
          idea: "The connection survives: idle ones carry on, and retransmissions get through after the repair",
          weight: 2,
          phrasings: [
            "survive*|recover*|resum*|intact|unaffected",
            "carr*-on|carries-on|continu*|fine|alive",
            "retransmission .. gets|get|goes|go .. through",
          ],
        },
        {
          id: "retransmit-backoff",
          idea: "Unacknowledged data is retransmitted with exponential backoff",
          weight: 1,
          phrasings: ["retransmi* .. backoff|back-off|doubl*|exponential*", "rto .. doubl*", "exponential* .. backoff|back-off"],
        },
        {
          id: "retries2-budget",
          idea: "Linux gives up only after the tcp_retries2 budget, about 924.6 s (15 minutes), longer than the outage",
          weight: 2,
          phrasings: ["tcp_retries2|retries2", "924", "15|fifteen minute*|min|mins", "within|below|under|less-than|shorter-than .. budget|limit"],
        },
      ],
      misconceptions: [
        {
          id: "unplug-resets",
          label: "Thinks pulling a cable resets or closes the connection at once",
          whyWrong: "Nothing is sent when a cable in the path is cut; TCP only notices when its own retransmissions or probes go unanswered long enough.",
          phrasings: [
            "rst|reset .. sent|send*|immediately|unplug*|pull*",
            "break*|drop*|die*|dies|lost|closed|reset .. immediately|at-once|instantly|right-away|moment",
            "immediately|instantly .. break*|drop*|die*|clos*|reset*",
          ],
        },
        {
          id: "retries2-is-a-count",
          label: "Thinks tcp_retries2 means 15 retransmissions that end quickly",
          whyWrong: "tcp_retries2 is a time budget, 924.6 s for 15, computed as if the RTO started at 200 ms (ip-sysctl.rst, retransmits_timed_out()).",
          phrasings: ["15|fifteen times|retransmissions|retries|tries|attempts", "retries|retransmits .. 15|fifteen times"],
          unless: ["hypothetical|model*|as-if|budget|would"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "No: the moment the cable is pulled both ends get a connection reset and the socket is closed.",
        whyWrong: "A cut cable sends nothing to either end; neither TCP learns anything until its own segments go unanswered (RFC 9293 §3.5.1).",
      },
      {
        claim: "No: TCP retries 15 times, which takes well under ten minutes, so the connection is gone.",
        whyWrong: "tcp_retries2 = 15 is a time budget of 924.6 s, about 15 minutes, measured from the first retransmission (ip-sysctl.rst); ten minutes is within it.",
      },
      {
        claim: "It only survives if the outage is shorter than the keepalive interval of 75 seconds.",
        whyWrong: "Keepalive is off unless the application enabled it, and even then the defaults wait 7200 s of idleness first; an idle connection without keepalive never times out.",
      },
    ],
    followUps: [
      "What changes if the server's host reboots during the outage?",
      "How would you make such a connection fail within 30 seconds instead?",
      "What does ss -o show for the sending socket while the cable is out?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "worked-example-a-cut-cable-tcp_retries2--5" },
  },
  {
    id: "keepalive-within-a-minute",
    topic: "dead-peer",
    difficulty: "core",
    question:
      "Your service must notice within about a minute that the peer of an idle connection has vanished. How do you configure that, and what does a keepalive probe actually send?",
    modelAnswer:
      "Enable keepalive on that socket with SO_KEEPALIVE and override the host defaults per socket: for example TCP_KEEPIDLE = 30 seconds, TCP_KEEPINTVL = 5 seconds and TCP_KEEPCNT = 3 probes. " +
      "The kernel then declares the peer dead about 30 + 3 × 5 = 45 seconds after it last heard from it, and the application's next call fails with ETIMEDOUT. " +
      "A probe is an empty ACK whose sequence number is one below what the peer expects, snd_una − 1. " +
      "A live peer must answer such an old segment with an ACK, and any answer restarts the idle time. " +
      "Changing the sysctls instead would affect every keepalive socket on the host and still leave sockets without SO_KEEPALIVE unprobed. " +
      "If TCP_USER_TIMEOUT is set, it also bounds how long unanswered probes may run.",
    sources: [
      "man 7 tcp (TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT, TCP_USER_TIMEOUT)",
      "man 7 socket (SO_KEEPALIVE)",
      "RFC 1122 §4.2.3.6 (probe with SEG.SEQ = SND.NXT-1)",
      "RFC 9293 §3.10.7.4 (an unacceptable segment draws an ACK)",
      "tcp_write_wakeup() and tcp_xmit_probe_skb() in net/ipv4/tcp_output.c; tcp_keepalive_timer() in net/ipv4/tcp_timer.c",
    ],
    rubric: {
      ideas: [
        {
          id: "so-keepalive",
          idea: "Enable keepalive on the socket with SO_KEEPALIVE",
          weight: 1,
          phrasings: ["so_keepalive", "enabl*|turn*|set|switch* .. keepalive*|keep-alive* .. socket"],
        },
        {
          id: "per-socket-options",
          idea: "Set TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT on that socket",
          weight: 2,
          phrasings: ["tcp_keepidle|tcp_keepintvl|tcp_keepcnt|keepidle|keepintvl|keepcnt"],
        },
        {
          id: "detection-time",
          idea: "Detection takes idle + count × interval, here 30 + 3 × 5 = 45 s",
          weight: 1,
          phrasings: [
            "45",
            "idle .. plus|and .. count|probes .. interval|intvl|apart",
            "under|within|less-than|about|around a|one minute",
            "detect*|declare*|notice*|find*|drop* .. within|in|after|about .. s|sec*|seconds",
          ],
        },
        {
          id: "probe-shape",
          idea: "A probe is an empty ACK with an old sequence number (snd_una − 1)",
          weight: 1,
          phrasings: [
            "seq*|sequence .. one|1 below|less|before|lower|behind",
            "snd_una|una|snd_nxt .. 1|one|minus",
            "old|duplicate|stale|previous sequence|seq|byte",
            "empty|zero-length|no-data|bare|pure ack|segment|packet",
            "ack .. no|without data|payload",
          ],
        },
        {
          id: "peer-answers",
          idea: "A live peer must answer with an ACK, which restarts the idle time",
          weight: 1,
          phrasings: [
            "answer*|repl*|respon*|ack* .. restart*|reset*|refresh*",
            "live|alive|living|healthy peer|host|end .. answer*|repl*|respond*|ack*",
            "forc*|elicit*|provok*|trigger* .. ack*|answer*|repl*|respon*",
            "peer .. must|has-to|will .. answer*|repl*|respond*|ack*",
          ],
        },
      ],
      misconceptions: [
        {
          id: "probe-is-icmp",
          label: "Thinks a keepalive probe is an ICMP ping",
          whyWrong: "A TCP keepalive probe is a TCP segment, an ACK carrying sequence number snd_una − 1 (tcp_xmit_probe_skb()); ICMP is not involved.",
          phrasings: ["icmp", "echo-request|echo-requests"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "The kernel sends an ICMP echo request every 75 seconds and drops the connection when one is lost.",
        whyWrong: "A probe is a TCP ACK with sequence number snd_una − 1, and the connection is dropped only after TCP_KEEPCNT probes go unanswered (man 7 tcp).",
      },
      {
        claim: "Set net.ipv4.tcp_keepalive_time to 60 with sysctl and every idle connection on the host will be checked after a minute.",
        whyWrong: "The sysctl applies only to sockets with SO_KEEPALIVE, and even then 60 + 9 × 75 s is far more than a minute; per-socket TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT are the tool.",
      },
      {
        claim: "Just set TCP_KEEPIDLE to 60 seconds; the first unanswered probe closes the connection.",
        whyWrong: "Without SO_KEEPALIVE no probe is sent at all, and the connection is dropped only after TCP_KEEPCNT unanswered probes, TCP_KEEPINTVL apart.",
      },
    ],
    followUps: [
      "Why does the probe use a sequence number one below the next expected byte?",
      "What happens to keepalive while data is unacknowledged?",
      "How does TCP_USER_TIMEOUT change when a keepalive socket gives up?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "keepalive-probing-an-idle-connection" },
  },
  {
    id: "application-heartbeats",
    topic: "dead-peer",
    difficulty: "deep",
    question:
      "Why do protocols such as WebSocket, HTTP/2 and many database drivers send their own heartbeats instead of relying on TCP keepalive?",
    modelAnswer:
      "TCP keepalive proves less than people think. " +
      "Its probes are answered by the peer's kernel, so a process that is deadlocked or stuck still looks alive. " +
      "Through a proxy or load balancer, keepalive only tests the hop to the proxy, because each hop is a separate TCP connection. " +
      "It is off by default and its per-socket options differ between operating systems. " +
      "Keepalive also stays quiet while data is unacknowledged: then only the retransmission timer and the tcp_retries2 budget of about 15 minutes apply. " +
      "An application heartbeat, such as a WebSocket ping or an HTTP/2 PING frame, travels end to end. " +
      "It is answered by the application itself, and it lets the protocol choose its own deadline. " +
      "Like keepalive, it also keeps NAT and firewall idle timers from expiring.",
    sources: [
      "RFC 6455 §5.5.2 (WebSocket Ping)",
      "RFC 9113 §6.7 (HTTP/2 PING)",
      "tcp_keepalive_timer() in net/ipv4/tcp_timer.c (no probes while packets are in flight)",
      "RFC 1122 §4.2.3.6 (keep-alives default to off)",
    ],
    rubric: {
      ideas: [
        {
          id: "kernel-answers",
          idea: "The peer's kernel answers probes, so a hung application still looks alive",
          weight: 2,
          phrasings: [
            "kernel|os|stack .. answer*|repl*|respond*|ack*",
            "hung|stuck|deadlock*|frozen|freez*|blocked|wedged .. process|application|app|server|program",
            "process|application|app|server|program .. hung|stuck|deadlock*|frozen|freez*|hangs|hang|wedged",
            "not|never .. prove*|show*|test*|check*|tell* .. application|app|process",
          ],
        },
        {
          id: "proxy-hop",
          idea: "Through a proxy or load balancer, keepalive only tests one hop",
          weight: 1,
          phrasings: [
            "proxy|proxies|load-balancer*|balancer*|middlebox*|intermediar* .. hop|terminat*|separate|own|only",
            "hop",
          ],
        },
        {
          id: "quiet-with-data",
          idea: "Keepalive does not probe while data is unacknowledged; the retransmission timer applies then",
          weight: 1,
          phrasings: [
            "unacknowledged|unacked|in-flight|outstanding .. data|retransmi*",
            "data .. in-flight|unacknowledged|outstanding|unacked",
            "retransmission timer|tcp_retries2|retries2",
            "nothing|not|never|no-probes|quiet|silent|pause*|suspend*|stop* .. while|when|during|if .. data|unacknowledged|outstanding|in-flight|unacked",
          ],
        },
        {
          id: "heartbeat-end-to-end",
          idea: "An application heartbeat goes end to end, is answered by the application, with its own deadline",
          weight: 1,
          phrasings: [
            "end-to-end",
            "heartbeat*|ping* .. application|app|own|deadline|timeout",
            "answer*|repl*|respond*|handled .. by .. application|app",
            "application|app .. answer*|repl*|respond*",
          ],
        },
      ],
      misconceptions: [
        {
          id: "keepalive-checks-application",
          label: "Thinks TCP keepalive checks that the remote application responds",
          whyWrong: "Probes are answered by the remote kernel (RFC 9293 §3.10.7.4): a hung application whose host is up answers every one.",
          phrasings: [
            "keepalive*|keep-alive*|probe* .. check*|test*|verif*|prove*|confirm*|ensure* .. application|app|process|program .. respond*|alive|working|running",
          ],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "They do not need to: TCP keepalive already checks that the remote application is responding, so heartbeats are just redundant.",
        whyWrong: "The remote kernel answers keepalive probes whether or not the application is responsive, and a proxy answers for the hop it terminates.",
      },
      {
        claim: "Because TCP keepalive probes are often lost, while heartbeat messages are retransmitted.",
        whyWrong: "Loss is not the issue (several probes are sent); keepalive tests only the peer's kernel on one hop and is off by default.",
      },
      {
        claim: "Because TCP keepalive cannot be enabled on a single socket, only host-wide with a sysctl.",
        whyWrong: "SO_KEEPALIVE and TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT are per-socket options (man 7 tcp); the sysctls are only defaults.",
      },
    ],
    followUps: [
      "How would you pick the heartbeat interval for a connection that crosses a NAT?",
      "What detects a dead peer when the application is blocked sending a large response?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "keepalive-probing-an-idle-connection" },
  },
];
