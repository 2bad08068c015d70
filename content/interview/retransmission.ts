// Interview questions: retransmission limits (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const retransmissionQuestions: InterviewQuestion[] = [
  {
    id: "rto-initial-min-backoff",
    topic: "retransmission",
    difficulty: "warm-up",
    question:
      "What is TCP's retransmission timeout (RTO) on Linux: what value does it start with, what is its minimum, and what happens to it when a retransmission is lost too?",
    modelAnswer:
      "The RTO is how long TCP waits for an acknowledgment before it retransmits. " +
      "Before any round-trip time has been measured it is 1 second, the initial value of RFC 6298 (TCP_TIMEOUT_INIT), which is why a lost SYN is resent after 1 s. " +
      "Once samples arrive, the RTO is the smoothed RTT plus a variance term, and Linux keeps that term at least 200 ms (TCP_RTO_MIN). " +
      "So on a LAN the RTO is about 200 ms, although RFC 6298 suggests a floor of 1 s. " +
      "Each time the timer expires, TCP retransmits the oldest unacknowledged segment and doubles the RTO, exponential backoff, up to TCP_RTO_MAX of 120 seconds. " +
      "By Karn's rule, retransmitted segments give no RTT samples unless timestamps tell the copies apart.",
    sources: [
      "RFC 6298 §2 (computing the RTO, initial 1 s, 1 s floor), §3 (Karn's algorithm), §5.5 (back off the timer)",
      "TCP_TIMEOUT_INIT, TCP_RTO_MIN, TCP_RTO_MAX in include/net/tcp.h",
      "__tcp_set_rto() and tcp_rtt_estimator() in net/ipv4/tcp_input.c",
      "tcp_retransmit_timer() in net/ipv4/tcp_timer.c",
    ],
    rubric: {
      ideas: [
        {
          id: "initial-1s",
          idea: "Before any RTT sample, the RTO is 1 s",
          weight: 1,
          phrasings: ["initial|initially|first|start*|begin* .. 1|one s|sec*|second", "tcp_timeout_init", "1|one s|sec|second .. before .. rtt|measur*|sample*", "before .. rtt|round-trip|measur*|sample* .. 1|one s|sec*|second", "1|one s|sec*|second .. initial"],
        },
        {
          id: "min-200ms",
          idea: "Linux's minimum RTO is 200 ms (TCP_RTO_MIN)",
          weight: 1,
          phrasings: ["200 ms|msec*|millisecond*", "200ms", "tcp_rto_min|rto_min", "never|not|no below|under|less|lower|smaller .. 200"],
        },
        {
          id: "doubles",
          idea: "Each expiry doubles the RTO: exponential backoff",
          weight: 2,
          phrasings: ["doubl*", "exponential*", "backoff|back-off", "twice .. long|as"],
        },
        {
          id: "max-120s",
          idea: "The backoff stops at 120 s (TCP_RTO_MAX)",
          weight: 1,
          phrasings: ["120 s|sec*|seconds", "120s", "tcp_rto_max|rto_max", "two|2 minutes"],
        },
        {
          id: "from-rtt",
          idea: "The RTO is computed from the smoothed RTT and its variation",
          weight: 1,
          phrasings: [
            "srtt|rtt|round-trip .. variance|variation|rttvar|deviation|smoothed|measur*|estimat*|sample*",
            "smoothed .. rtt|round*",
            "measured|estimated .. round-trip|rtt",
          ],
        },
      ],
      misconceptions: [
        {
          id: "linux-min-1s",
          label: "Thinks Linux's minimum RTO is 1 s",
          whyWrong: "RFC 6298 §2.4 suggests rounding up to 1 s, but Linux's floor is TCP_RTO_MIN, 200 ms (include/net/tcp.h).",
          phrasings: ["minimum|min|floor|least .. rto .. 1|one s|sec*|second", "rto .. minimum|min|floor|least .. 1|one s|sec*|second"],
          unless: ["rfc*|6298|standard|spec*|recommend*|suggest*|should|says"],
        },
        {
          id: "initial-3s",
          label: "Gives the initial RTO as 3 s",
          whyWrong: "RFC 6298 §2.1 lowered the initial RTO to 1 s (TCP_TIMEOUT_INIT); 3 s was RFC 2988's value and is only Linux's fallback when the handshake gave no RTT sample.",
          phrasings: ["initial|initially|first|start*|fixed .. 3|three s|sec*|seconds"],
          unless: ["fallback|2988|old*|before|used|formerly|was"],
        },
        {
          id: "linear-backoff",
          label: "Thinks the RTO grows linearly or stays fixed",
          whyWrong: "After each expiry the RTO doubles, up to TCP_RTO_MAX (RFC 6298 §5.5, tcp_retransmit_timer()).",
          phrasings: ["grow*|increas*|add* .. linear*", "linear*|constant|same .. interval|rto|timeout|wait*", "fixed .. interval|rto|timeout"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "The RTO is a fixed 3 seconds, and every retransmission waits the same 3 seconds.",
        whyWrong: "The RTO starts at 1 s, is then computed from measured RTTs with a 200 ms floor on Linux, and doubles after each expiry (RFC 6298, TCP_RTO_MIN).",
      },
      {
        claim: "The minimum RTO on Linux is one second and it grows linearly by one second per retry.",
        whyWrong: "Linux's minimum is TCP_RTO_MIN, 200 ms, and the timer doubles after each expiry, up to 120 s.",
      },
      {
        claim: "It starts at 200 ms and stays the same: TCP resends at that interval until the connection is closed.",
        whyWrong: "Before any RTT sample the RTO is 1 s, and after each expiry it doubles (exponential backoff, RFC 6298 §5.5).",
      },
    ],
    followUps: [
      "Why does Linux use 200 ms instead of RFC 6298's 1 s floor?",
      "What is a tail loss probe, and why does it come before the first RTO?",
      "When does Linux fall back to a 3 s RTO?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "sending-into-silence-tcp_retries2" },
  },
  {
    id: "tcp-retries2-time-budget",
    topic: "retransmission",
    difficulty: "core",
    question:
      "net.ipv4.tcp_retries2 is 15 by default. Does that mean Linux retransmits 15 times before it gives up on a silent peer? How long does it take?",
    modelAnswer:
      "Not exactly. Linux turns tcp_retries2 into a time budget: how long a hypothetical connection would take to make 15 retransmissions if its RTO started at TCP_RTO_MIN, 200 ms, and doubled up to the 120 s cap. " +
      "That is 204.6 seconds for the doubling part plus six retransmissions of 120 s each, 924.6 seconds, about 15.4 minutes. " +
      "retransmits_timed_out() compares the time since the first retransmission with that budget. " +
      "When the retransmission timer fires after it is spent, the connection is dropped with ETIMEDOUT, without sending an RST. " +
      "A connection whose real RTO is larger than 200 ms, say on a long path, fits fewer than 15 retransmissions into the same time. " +
      "RFC 1122 asks for at least 100 seconds, so values below 8 are discouraged.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_retries2: hypothetical timeout of 924.6 s)",
      "tcp_model_timeout() and retransmits_timed_out() in net/ipv4/tcp_timer.c",
      "TCP_RTO_MIN, TCP_RTO_MAX in include/net/tcp.h",
      "tcp_write_err() in net/ipv4/tcp_timer.c (ETIMEDOUT, no RST)",
      "RFC 1122 §4.2.3.5 (R2 at least 100 seconds)",
    ],
    rubric: {
      ideas: [
        {
          id: "time-budget",
          idea: "It is a time budget, not a count of retransmissions",
          weight: 2,
          phrasings: [
            "time budget|limit|deadline",
            "budget",
            "hypothetical",
            "not|never .. count|number .. retransmi*|retries",
            "tcp_model_timeout|retransmits_timed_out",
            "converted|turned|translated .. into|to .. time|seconds|timeout",
          ],
        },
        {
          id: "model-200ms",
          idea: "The budget is computed as if the RTO started at 200 ms and doubled to 120 s",
          weight: 1,
          phrasings: ["200 ms|msec*|millisecond*", "200ms", "tcp_rto_min|rto_min"],
        },
        {
          id: "about-924s",
          idea: "The default gives about 924.6 s, roughly 15 minutes",
          weight: 2,
          phrasings: ["924", "15|fifteen minute*|min|mins", "quarter of an hour"],
        },
        {
          id: "etimedout-no-rst",
          idea: "The connection is dropped with ETIMEDOUT, and no RST is sent",
          weight: 1,
          phrasings: ["etimedout", "no|without|never .. rst|reset", "silent*|quietly .. drop*|abort*|clos*|gone"],
        },
        {
          id: "fewer-with-larger-rto",
          idea: "With a larger real RTO, fewer retransmissions fit in the same budget",
          weight: 1,
          phrasings: [
            "larger|bigger|higher|longer|slower rto|rtt .. fewer|less",
            "fewer|less retransmi*|retries|attempts",
            "actual|real .. number|count .. depend*|vari*",
            "depend* .. on .. rto|rtt",
          ],
        },
      ],
      misconceptions: [
        {
          id: "exactly-15-retransmissions",
          label: "Thinks tcp_retries2 counts exactly 15 retransmissions",
          whyWrong: "It is a time budget computed as if the RTO started at 200 ms (ip-sysctl.rst, tcp_model_timeout()); the actual number of retransmissions depends on the real RTO.",
          phrasings: ["exactly 15|fifteen", "15|fifteen retransmissions|retransmits|retries|tries|attempts|times", "retransmi*|retr*|tries .. 15|fifteen times"],
          unless: ["hypothetical|model*|would|if|as-if|imaginary|fewer|more|budget"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "Yes: it retransmits exactly 15 times, one second apart, so a dead peer is detected after 15 seconds.",
        whyWrong: "tcp_retries2 is a time budget of 924.6 s for the default, with the RTO doubling from 200 ms to 120 s (ip-sysctl.rst).",
      },
      {
        claim: "Yes, exactly 15 retransmissions with exponential backoff, and then the kernel sends an RST to the peer.",
        whyWrong: "It is a time budget, not a count, and when it runs out the connection is dropped with ETIMEDOUT without an RST (tcp_write_err()).",
      },
      {
        claim: "Lowering tcp_retries2 to 3 makes the kernel give up after 3 retransmissions whatever the RTO is.",
        whyWrong: "3 means a budget of 3.0 s modelled from a 200 ms RTO; with a larger real RTO even fewer retransmissions fit, and every connection on the host is affected.",
      },
    ],
    followUps: [
      "How would you make only one application's connections give up after 30 seconds?",
      "Why does ip-sysctl.rst warn against values below 8?",
      "What limits retransmissions after the application has called close()?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "sending-into-silence-tcp_retries2" },
  },
  {
    id: "tcp-user-timeout-deadline",
    topic: "retransmission",
    difficulty: "core",
    question:
      "A database client must give up within 30 seconds when the server stops acknowledging its writes, and you may not change host-wide sysctls. What do you do?",
    modelAnswer:
      "Set TCP_USER_TIMEOUT on the client's socket to 30000 milliseconds with setsockopt at the IPPROTO_TCP level. " +
      "It is the longest time transmitted data may remain unacknowledged before the kernel closes the connection and reports ETIMEDOUT. " +
      "For that socket it replaces the tcp_retries2 budget of about 15 minutes, and the last retransmission timer is shortened so that the deadline is kept. " +
      "With keepalive enabled it also takes over from TCP_KEEPCNT for idle connections. " +
      "SO_SNDTIMEO would not do it: it only bounds how long a blocking send() waits for buffer space, and send() returns once the data is copied into the kernel, long before the peer acknowledges it. " +
      "Lowering tcp_retries2 would also kill healthy connections on the whole host during short outages.",
    sources: [
      "man 7 tcp (TCP_USER_TIMEOUT)",
      "man 7 socket (SO_SNDTIMEO)",
      "retransmits_timed_out() and tcp_clamp_rto_to_user_timeout() in net/ipv4/tcp_timer.c",
      "RFC 9293 §3.10.8 (user timeout)",
    ],
    rubric: {
      ideas: [
        {
          id: "user-timeout",
          idea: "Set TCP_USER_TIMEOUT on that socket",
          weight: 2,
          phrasings: ["tcp_user_timeout", "user timeout|user-timeout"],
        },
        {
          id: "unacked-deadline",
          idea: "It bounds how long sent data may stay unacknowledged",
          weight: 1,
          phrasings: [
            "unacknowledged|unacked",
            "not|never acknowledged|acked .. within|before|for",
            "acknowledg* .. within|deadline|milliseconds|ms",
            "without .. ack|acks|acknowledgment*|acknowledgement*",
          ],
        },
        {
          id: "replaces-retries2",
          idea: "For that socket it replaces the tcp_retries2 budget",
          weight: 1,
          phrasings: [
            "replac*|overrid*|instead|supersed*|take*-over .. tcp_retries2|retries2|15-minutes|sysctl|budget",
            "tcp_retries2|retries2 .. replac*|overrid*|bypass*|ignored",
            "per|one|single|only|this|that|each socket",
          ],
        },
        {
          id: "etimedout",
          idea: "The application gets ETIMEDOUT",
          weight: 1,
          phrasings: ["etimedout", "timed out error|errno", "connection timed out"],
        },
      ],
      misconceptions: [
        {
          id: "sndtimeo-bounds-acks",
          label: "Thinks SO_SNDTIMEO bounds the time to an acknowledgment",
          whyWrong: "SO_SNDTIMEO only limits how long a blocking send() waits for buffer space (man 7 socket); send() returns when the data is copied, not when it is acknowledged.",
          phrasings: ["so_sndtimeo|sndtimeo", "send timeout"],
          unless: ["only|buffer|copied|copy|blocking|block*|space"],
        },
        {
          id: "lower-retries2",
          label: "Lowers tcp_retries2 for one application's deadline",
          whyWrong: "tcp_retries2 is host-wide (per network namespace): lowering it kills every connection going through a short outage, and the question forbids it anyway.",
          phrasings: ["lower*|reduc*|decreas*|set|change* .. tcp_retries2|retries2"],
          unless: ["would|whole|host|every|all|kill*|healthy|instead|rather"],
        },
        {
          id: "keepalive-probes-unacked-data",
          label: "Thinks keepalive probes detect a peer while writes are unacknowledged",
          whyWrong: "Keepalive probes only go out on a connection with nothing in flight (tcp_keepalive_timer()); with unacknowledged data the retransmission timer decides.",
          phrasings: ["keepalive*|keep-alive*|probe* .. unacknowledged|unacked|in-flight|outstanding|writes"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "Set SO_SNDTIMEO to 30 seconds so that send() fails if the server does not acknowledge the data in time.",
        whyWrong: "SO_SNDTIMEO only bounds a blocking send() waiting for buffer space; send() returns once the data is in the kernel, whatever the peer acknowledges (man 7 socket).",
      },
      {
        claim: "Lower net.ipv4.tcp_retries2 to 3 with sysctl -w.",
        whyWrong: "It is forbidden here and host-wide: every connection would then die after about 3 s of retransmissions, including healthy ones in a brief outage.",
      },
      {
        claim: "Enable SO_KEEPALIVE with a 30 second idle time, and the probes will detect the server while the writes are unacknowledged.",
        whyWrong: "Keepalive does not probe while data is in flight (tcp_keepalive_timer()); only the retransmission timer, tcp_retries2 or TCP_USER_TIMEOUT ends such a connection.",
      },
    ],
    followUps: [
      "How does TCP_USER_TIMEOUT interact with keepalive on an idle connection?",
      "Why is a TCP_USER_TIMEOUT shorter than a few RTOs a bad idea?",
      "What else, besides lost ACKs, can keep data unacknowledged for a long time?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "tcp_user_timeout-a-deadline-for-one-socket" },
  },
  {
    id: "orphan-retries-zero-means-eight",
    topic: "retransmission",
    difficulty: "deep",
    question:
      "After the application has closed them, some sockets stay in FIN-WAIT-1 or LAST-ACK for minutes, with no process attached. What limits how long they retransmit their FIN, and why does sysctl show tcp_orphan_retries = 0?",
    modelAnswer:
      "Once the application closes, the socket is an orphan the kernel keeps only to deliver its FIN. " +
      "Its retransmissions are limited by tcp_orphan_retries instead of tcp_retries2, with the same time-budget model and a 200 ms starting RTO. " +
      "The sysctl reads 0, but the kernel treats 0 as 8 while the RTO is below TCP_RTO_MAX, which gives a budget of 102.2 seconds. " +
      "ip-sysctl.rst documents the default as 8. " +
      "When the budget is spent the orphan is dropped silently, without an RST. " +
      "A pile in LAST-ACK or FIN-WAIT-1 therefore means peers that vanished before acknowledging the FIN. " +
      "Lowering tcp_orphan_retries frees them sooner at the cost of giving up early on slow peers, and tcp_max_orphans caps how many orphans may exist. " +
      "tcp_fin_timeout only limits an orphan in FIN-WAIT-2.",
    sources: [
      "tcp_orphan_retries() and tcp_write_timeout() in net/ipv4/tcp_timer.c",
      "Documentation/networking/ip-sysctl.rst (tcp_orphan_retries, tcp_max_orphans)",
      "man 7 tcp (tcp_fin_timeout)",
    ],
    rubric: {
      ideas: [
        {
          id: "orphan-retries",
          idea: "tcp_orphan_retries, not tcp_retries2, limits an orphaned socket",
          weight: 2,
          phrasings: ["tcp_orphan_retries|orphan_retries|orphan-retries"],
        },
        {
          id: "zero-means-eight",
          idea: "0 is treated as 8 (while the RTO is below its maximum)",
          weight: 2,
          phrasings: ["0|zero .. 8|eight", "default* .. 8|eight", "8|eight .. default"],
        },
        {
          id: "about-102s",
          idea: "That is a budget of about 102.2 s",
          weight: 1,
          phrasings: ["102", "100 s|sec*|seconds", "about|over|more-than|around|roughly 100|two|2 minutes"],
        },
        {
          id: "peers-vanished",
          idea: "The orphans belong to peers that vanished; they are dropped silently, without an RST",
          weight: 1,
          phrasings: [
            "peer* .. vanish*|gone|dead|disappear*|died|unreachable|lost|away",
            "dropped|freed|removed|destroyed|discarded .. silently|quietly|without",
            "no|without rst|reset",
            "never .. acknowledg*|ack*|answer*",
          ],
        },
      ],
      misconceptions: [
        {
          id: "fin-timeout-limits-orphans",
          label: "Thinks tcp_fin_timeout limits FIN-WAIT-1 or LAST-ACK",
          whyWrong: "tcp_fin_timeout only bounds an orphaned FIN-WAIT-2 (man 7 tcp); a FIN still unacknowledged is limited by tcp_orphan_retries.",
          phrasings: ["tcp_fin_timeout|fin_timeout"],
          unless: ["fin-wait-2|fin_wait2|fin_wait_2|finwait2|fin-wait2|different|only|unrelated"],
        },
        {
          id: "zero-means-no-retries",
          label: "Reads tcp_orphan_retries = 0 as no retransmissions",
          whyWrong: "tcp_orphan_retries() turns 0 into 8 while the RTO is below TCP_RTO_MAX, about 102 s of retransmissions.",
          phrasings: ["orphan* .. never|not retransmi*|retried|resent", "0|zero .. no|never|zero retr*|retransmi*", "no|zero retries|retransmissions"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "tcp_orphan_retries is 0, so orphaned sockets are never retransmitted and vanish at once.",
        whyWrong: "The kernel treats 0 as 8 (tcp_orphan_retries() in net/ipv4/tcp_timer.c), a budget of about 102 s.",
      },
      {
        claim: "They are kept by tcp_fin_timeout, 60 seconds, after which the kernel frees them.",
        whyWrong: "tcp_fin_timeout applies to orphaned FIN-WAIT-2 only; FIN-WAIT-1 and LAST-ACK wait for the ACK of their FIN under tcp_orphan_retries.",
      },
      {
        claim: "Like any connection they follow tcp_retries2, so they stay about 15 minutes.",
        whyWrong: "Orphans use tcp_orphan_retries instead of tcp_retries2 (tcp_write_timeout()); the default, 0 meaning 8, gives about 102 s.",
      },
    ],
    followUps: [
      "What happens when the number of orphans exceeds tcp_max_orphans?",
      "How does an orphan in FIN-WAIT-2 end, and which sysctl controls it?",
      "What would ss -tano show for such a socket?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "when-your-side-has-closed-orphans-and-last-ack" },
  },
  {
    id: "syn-retries-connect-timeout",
    topic: "retransmission",
    difficulty: "core",
    question:
      "A client calls connect() to an address whose firewall silently drops SYNs. How long until connect() fails on Linux 6.x, and what controls it?",
    modelAnswer:
      "The SYN is retransmitted on a timer that starts at the initial RTO of 1 second. " +
      "tcp_syn_retries, 6 by default since Linux 3.7, allows six retransmissions with the timeout doubling from 1 s: 1 + 2 + 4 + 8 + 16 + 32 + 64 = 127 seconds. " +
      "Since Linux 6.5, tcp_syn_linear_timeouts = 4 adds four retransmissions 1 s apart before the doubling starts. " +
      "The client then sends 11 SYNs, at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, and connect() fails with ETIMEDOUT after about 131 seconds. " +
      "One program can shorten it with the TCP_SYNCNT socket option or a non-blocking connect() with its own timeout. " +
      "Only a closed port's RST makes the attempt fail at once with ECONNREFUSED.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_syn_retries: 127 s, 131 s with tcp_syn_linear_timeouts = 4)",
      "TCP_SYN_RETRIES and TCP_TIMEOUT_INIT in include/net/tcp.h",
      "tcp_write_timeout() and tcp_retransmit_timer() in net/ipv4/tcp_timer.c",
      "man 7 tcp (TCP_SYNCNT)",
      "RFC 6298 §2.1 (initial RTO of 1 s)",
    ],
    rubric: {
      ideas: [
        {
          id: "syn-retries",
          idea: "tcp_syn_retries (6 by default) limits SYN retransmissions",
          weight: 2,
          phrasings: ["tcp_syn_retries|syn_retries|syn-retries|tcp_syncnt|syncnt"],
        },
        {
          id: "about-131s",
          idea: "connect() fails after about 131 s (127 s before Linux 6.5)",
          weight: 2,
          phrasings: ["127|131|130", "about|around|roughly|over|more-than 2|two minutes"],
        },
        {
          id: "doubling-from-1s",
          idea: "SYN retransmissions start at 1 s and double",
          weight: 1,
          phrasings: ["doubl*|exponential*|backoff|back-off", "initial|first|start* .. 1|one s|sec*|second"],
        },
        {
          id: "linear-timeouts",
          idea: "Since Linux 6.5 the first four retransmissions are 1 s apart (tcp_syn_linear_timeouts)",
          weight: 1,
          phrasings: ["tcp_syn_linear_timeouts|syn_linear_timeouts", "linear*", "linux 6-5", "11|eleven syns|syn"],
        },
        {
          id: "etimedout",
          idea: "The error is ETIMEDOUT (ECONNREFUSED is for an RST)",
          weight: 1,
          phrasings: ["etimedout", "timed-out|time-out|timeout error|errno", "connection timed out"],
        },
      ],
      misconceptions: [
        {
          id: "syn-retries-default-5",
          label: "Gives tcp_syn_retries' default as 5",
          whyWrong: "The default has been 6 since Linux 3.7 (TCP_SYN_RETRIES in include/net/tcp.h, ip-sysctl.rst).",
          phrasings: ["tcp_syn_retries|syn_retries|syn-retries .. 5|five", "5|five syn retries|retransmissions"],
          unless: ["before|3.7|older|old|used|was|were"],
        },
        {
          id: "seventy-five-seconds",
          label: "Gives the connect timeout as 75 s",
          whyWrong: "75 s is the classic BSD connection-establishment timer, not Linux's: there the SYN retransmissions last about 131 s (127 s before 6.5).",
          phrasings: ["75 s|sec*|seconds"],
        },
        {
          id: "dropped-syn-refused",
          label: "Thinks a dropped SYN fails at once with ECONNREFUSED",
          whyWrong: "Only an RST (or an ICMP error) ends the attempt at once; a silently dropped SYN is retransmitted until the tcp_syn_retries budget runs out.",
          phrasings: ["econnrefused|refused .. immediately|at-once|right-away|instantly", "immediately|at-once|instantly .. econnrefused|refused"],
          unless: ["closed|listen*|rst|reset"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "tcp_syn_retries defaults to 5, so connect() gives up after about 63 seconds.",
        whyWrong: "The default has been 6 since Linux 3.7; with the linear timeouts of 6.5 and later, connect() fails after about 131 s (ip-sysctl.rst).",
      },
      {
        claim: "It fails after 75 seconds, which is the standard timeout of a TCP connection attempt.",
        whyWrong: "Linux has no 75 s connect timer; SYN retransmissions follow tcp_syn_retries and tcp_syn_linear_timeouts, about 131 s by default.",
      },
      {
        claim: "The firewall drops the SYN, so connect() fails immediately with ECONNREFUSED.",
        whyWrong: "A dropped SYN produces no answer at all; only an RST (or an ICMP error) ends connect() at once. Silence means retransmissions until ETIMEDOUT.",
      },
    ],
    followUps: [
      "What changes if the firewall answers with an RST or an ICMP port unreachable instead?",
      "How would you make one client give up after 5 seconds without changing sysctls?",
      "What does ss -tano show for these sockets while connect() waits?",
    ],
    lesson: { slug: "three-way-handshake", anchor: "when-the-syn-is-lost" },
    preset: "handshake-lost-syn",
  },
  {
    id: "tcp-retries1-vs-retries2",
    topic: "retransmission",
    difficulty: "deep",
    question: "What is the difference between net.ipv4.tcp_retries1 and net.ipv4.tcp_retries2?",
    modelAnswer:
      "They are RFC 1122's thresholds R1 and R2, and Linux computes both as time budgets, as if the RTO started at 200 ms and doubled, counted from the first retransmission. " +
      "tcp_retries1, default 3, is about 3 seconds. After it the kernel suspects the path rather than the peer. " +
      "It gives negative advice to the routing layer and drops the socket's cached route so that the next retransmissions look the route up again, and with tcp_mtu_probing enabled it starts MTU black-hole probing. " +
      "The connection stays open and keeps retransmitting. " +
      "tcp_retries2, default 15, is about 924.6 seconds; after it the connection is aborted with ETIMEDOUT. " +
      "So retries1 triggers a path check and retries2 ends the connection. " +
      "SYNs follow tcp_syn_retries and orphaned sockets tcp_orphan_retries instead.",
    sources: [
      "RFC 1122 §4.2.3.5 (thresholds R1 and R2: negative advice, then close)",
      "Documentation/networking/ip-sysctl.rst (tcp_retries1, tcp_retries2, tcp_mtu_probing)",
      "tcp_write_timeout() and tcp_retransmit_timer() in net/ipv4/tcp_timer.c (__dst_negative_advice(), __sk_dst_reset(), tcp_mtu_probing())",
    ],
    rubric: {
      ideas: [
        {
          id: "retries1-path",
          idea: "After tcp_retries1 the kernel suspects the route: negative advice, a fresh route lookup, MTU black-hole probing",
          weight: 2,
          phrasings: [
            "retries1|tcp_retries1 .. route|routing|path|network-layer|ip-layer|mtu|black-hole|blackhole|dst|gateway",
            "route|routing|path .. re-check|recheck|refresh|look*-up|lookup|re-validat*|revalidat*|again|fresh|reset|negative",
            "negative advice",
            "black-hole|blackhole",
            "suspect*",
            "dead-gateway|gateway-detection",
          ],
        },
        {
          id: "retries1-keeps-going",
          idea: "tcp_retries1 does not end the connection: it keeps retransmitting",
          weight: 1,
          phrasings: [
            "connection|socket .. stays|remains|keeps|kept|continu*|still|open|alive",
            "keeps|continu* .. retransmi*|going|trying",
            "not|never|without .. abort*|kill*|clos*|drop*|end* .. connection",
          ],
        },
        {
          id: "retries2-abort",
          idea: "After tcp_retries2 the connection is aborted with ETIMEDOUT",
          weight: 2,
          phrasings: [
            "retries2|tcp_retries2 .. abort*|kill*|drop*|clos*|give*|gives|dead|terminat*|end*|etimedout",
            "abort*|kill*|drop*|clos*|terminat*|give*-up .. after .. retries2|tcp_retries2",
            "etimedout",
          ],
        },
        {
          id: "time-budgets",
          idea: "Both are time budgets modelled from a 200 ms RTO: about 3 s and 924.6 s",
          weight: 1,
          phrasings: ["time budget*|budget*", "924", "as-if|hypothetical|model*", "3|three s|sec*|seconds", "200 ms|msec*|millisecond*"],
        },
      ],
      misconceptions: [
        {
          id: "retries1-is-for-syns",
          label: "Thinks tcp_retries1 limits connection requests or SYNs",
          whyWrong: "SYN retransmissions follow tcp_syn_retries (and tcp_synack_retries on the server); tcp_retries1 only triggers a path check on established connections (tcp_write_timeout()).",
          phrasings: ["retries1|tcp_retries1 .. syn|syns|handshake|connection-request*|connect-request*|incoming|answer*|respond*"],
        },
        {
          id: "retries1-closes",
          label: "Thinks tcp_retries1 closes the connection",
          whyWrong: "After tcp_retries1 the kernel only gives negative advice to the routing layer and may start MTU probing; only tcp_retries2 ends the connection.",
          phrasings: ["retries1|tcp_retries1 .. clos*|abort*|kill*|drop*|terminat*|end*"],
          unless: ["route*|routing|dst|cache*|path|mtu|not|never"],
        },
        {
          id: "retries2-sends-rst",
          label: "Thinks the connection ends with an RST after tcp_retries2",
          whyWrong: "tcp_write_err() reports ETIMEDOUT and drops the connection without sending an RST.",
          phrasings: ["retries2|tcp_retries2 .. rst|reset", "rst|reset .. after .. retries2|tcp_retries2"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "tcp_retries1 is how many times the kernel retries answering a connection request, and tcp_retries2 how many times it retransmits data on an established connection.",
        whyWrong: "Connection requests follow tcp_syn_retries and tcp_synack_retries; tcp_retries1 is the point, about 3 s, where an established connection's path is re-checked (ip-sysctl.rst).",
      },
      {
        claim: "tcp_retries1 closes the connection softly after 3 retries and tcp_retries2 closes it hard with an RST after 15.",
        whyWrong: "tcp_retries1 never closes anything, and tcp_retries2's expiry drops the connection with ETIMEDOUT and no RST; both are time budgets, not counts.",
      },
    ],
    followUps: [
      "What is MTU black-hole detection, and when does tcp_mtu_probing help?",
      "Which limit applies after the application has called close()?",
    ],
    lesson: { slug: "peer-vanishes", anchor: "sending-into-silence-tcp_retries2" },
  },
];
