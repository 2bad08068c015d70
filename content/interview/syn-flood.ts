// Interview questions: SYN floods and cookies (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const synFloodQuestions: InterviewQuestion[] = [
  {
    id: "syn-flood-what-it-exhausts",
    topic: "syn-flood",
    difficulty: "warm-up",
    question: "What is a SYN flood, and what does it exhaust on the server?",
    modelAnswer:
      "An attacker sends a stream of SYNs, usually with spoofed source addresses, and never completes the handshakes. " +
      "For each SYN the server allocates a small request sock in the listener's SYN queue, sends a SYN-ACK and keeps retransmitting it; " +
      "with tcp_synack_retries = 5 an entry can stay about 63 seconds, though Linux prunes old entries sooner when the queue is more than half full. " +
      "The spoofed addresses never answer, so the SYN queue, limited to min(backlog, somaxconn), fills up within moments. " +
      "Once it is full, SYNs from real clients are dropped too, unless SYN cookies are on, and those clients cannot connect. " +
      "The flood does not need to fill the link or the accept queue: what it exhausts is the memory for half-open connections.",
    sources: [
      "tcp_conn_request(), net/ipv4/tcp_input.c (request sock in the SYN queue; full queue: cookie or drop)",
      "reqsk_timer_handler(), net/ipv4/inet_connection_sock.c (SYN-ACK retransmission, pruning when more than half full)",
      "Documentation/networking/ip-sysctl.rst (tcp_synack_retries: 63 s with 5 retries)",
      "RFC 4987 §2 (SYN flooding)",
    ],
    rubric: {
      ideas: [
        {
          id: "half-open-state",
          idea: "It fills the SYN queue of half-open requests",
          weight: 2,
          phrasings: ["syn queue|backlog", "half-open|half_open|incomplete|embryonic|syn-recv|syn_recv .. queue|connection*|state|request*|entr*|memory", "request-sock*|request_sock*"],
        },
        {
          id: "spoofed-never-ack",
          idea: "Spoofed sources never complete the handshake",
          weight: 2,
          phrasings: ["spoof*|forg*|fake .. address*|source*|ip*", "never .. complet*|finish*|ack*|answer*|respond*|reply", "no .. ack|answer|reply|response"],
        },
        {
          id: "legit-dropped",
          idea: "Real clients' SYNs are then dropped and they cannot connect",
          weight: 2,
          phrasings: [
            "legitimate|real|genuine|normal|other|new client*|user*|syn* .. dropped|refused|rejected|fail*|can-not|time*",
            "drop*|refus*|reject* .. legitimate|real|genuine|new|other",
            "legitimate|real|genuine client*|user* .. can-not|not .. connect",
          ],
        },
        { id: "synack-retries", idea: "Each entry lives through the SYN-ACK retransmissions, about 63 s by default", weight: 1, phrasings: ["63|sixty-three", "retransmit*|resend*|resent .. syn-ack|synack", "syn-ack|synack .. retransmit*|retries|again", "tcp_synack_retries"] },
      ],
      misconceptions: [
        {
          id: "flood-is-bandwidth",
          label: "Thinks a SYN flood works by filling the bandwidth",
          whyWrong: "A few thousand SYNs per second, a tiny bandwidth, fill a SYN queue of a few hundred entries; the resource is the queue (tcp_conn_request()).",
          phrasings: ["bandwidth|link|pipe .. exhaust*|saturat*|fill*|consum*|flood*", "exhaust*|saturat*|fill*|consum* .. bandwidth|link|pipe"],
        },
        {
          id: "flood-fills-accept-queue",
          label: "Thinks a SYN flood fills the accept queue",
          whyWrong: "Spoofed handshakes never complete, so they never reach the accept queue; they stay in the SYN queue.",
          phrasings: ["fill*|exhaust*|overflow* .. accept queue", "accept queue .. full|fills|filled|exhausted|overflow*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "It floods the link with traffic until the server's bandwidth is exhausted.", whyWrong: "The target is the SYN queue: at a few thousand small SYNs per second a queue of a few hundred entries is full within a second." },
      { claim: "It fills the accept queue with established connections that the application never accepts.", whyWrong: "Spoofed handshakes never complete, so nothing reaches the accept queue; they stay as request socks in the SYN queue." },
      { claim: "It opens thousands of full connections and uses up the server's file descriptors.", whyWrong: "No full socket or descriptor exists until the final ACK arrives; a flood's requests stay half-open in the SYN queue." },
    ],
    followUps: [
      "Why do attackers pick source addresses that stay silent rather than real hosts?",
      "How long does one fake request stay in the queue, and how does Linux shorten that under pressure?",
    ],
    lesson: { slug: "syn-flood", anchor: "what-a-syn-flood-does" },
    preset: "handshake-synack-unacked",
    whatIf: "no-syn-cookies",
  },
  {
    id: "syn-cookies-how-they-work",
    topic: "syn-flood",
    difficulty: "core",
    question: "How do SYN cookies work?",
    modelAnswer:
      "When the SYN queue is full, the server still answers each SYN but keeps no state for it. " +
      "Everything it needs is encoded in the initial sequence number of its SYN-ACK: a keyed hash of the four-tuple with a secret, the client's ISN, a counter that ticks once a minute, and a 2-bit index into a table of four MSS values. " +
      "Then it forgets the SYN. " +
      "When an ACK arrives that matches no connection, the listener subtracts one from its acknowledgment number to get the cookie back, recomputes the hash, checks that the counter is at most two minutes old and that the MSS index is valid, and if so creates the connection on the spot. " +
      "Because nothing is stored, a flood has nothing to fill.",
    sources: [
      "secure_tcp_syn_cookie(), check_tcp_syn_cookie(), net/ipv4/syncookies.c (hash, minute counter, MSS index, MAX_SYNCOOKIE_AGE)",
      "TCP_SYNCOOKIE_PERIOD, include/net/tcp.h (60 s)",
      "RFC 4987 §3.6 (SYN cookies)",
    ],
    rubric: {
      ideas: [
        {
          id: "encode-in-isn",
          idea: "The state is encoded in the SYN-ACK's initial sequence number",
          weight: 2,
          phrasings: ["encod*|stor*|hid*|put*|pack*|embed* .. sequence|isn|seq", "sequence-number|isn|seq .. encod*|carr*|hold*|contain*|is", "cookie .. sequence|isn|seq"],
        },
        {
          id: "no-state",
          idea: "The server keeps no state for the SYN",
          weight: 2,
          phrasings: ["no state|memory|entry|entries|request*|queue", "keep*|store*|hold*|remember* nothing", "without .. state|memory|storing|stor*", "stateless*", "forget*|forgot* .. syn|state|request|it|everything", "not .. store*|keep*|remember* .. anything|state|request"],
        },
        { id: "hash-time", idea: "A keyed hash of the four-tuple and a minute counter", weight: 1, phrasings: ["hash*|hmac|siphash|secret*", "minute*|counter|time-slot"] },
        { id: "mss", idea: "The MSS is kept as one of a few table values", weight: 1, phrasings: ["mss|segment-size"] },
        {
          id: "ack-validated",
          idea: "The returning ACK's number minus one is checked and the connection created",
          weight: 2,
          phrasings: ["acknowledg*|ack* .. check*|validat*|verif*|recomput*|decod*|subtract*|minus", "check*|validat*|verif*|recomput* .. ack*|cookie|hash", "creat*|build*|establish* .. connection|socket .. spot|then|valid|ack"],
        },
      ],
      misconceptions: [
        {
          id: "stores-cookie",
          label: "Thinks the server stores the cookie",
          whyWrong: "The point of a cookie is that nothing is stored: the ACK's acknowledgment number brings it back (net/ipv4/syncookies.c).",
          phrasings: ["stor*|keep*|sav*|remember* .. cookie*|hash .. table|memory|each|list", "cookie* .. stored|kept|saved"],
        },
        {
          id: "cookies-always",
          label: "Thinks every connection uses a cookie",
          whyWrong: "With the default tcp_syncookies = 1, cookies are sent only while the SYN queue overflows (ip-sysctl.rst).",
          phrasings: ["always .. cookie*|syncookies", "cookie*|syncookies .. always|every connection"],
          unless: ["2|two"],
        },
        {
          id: "cookie-sent-back-explicitly",
          label: "Thinks the client sends the cookie back in an option or header",
          whyWrong: "The client does nothing special: its ordinary ACK acknowledges the SYN-ACK's sequence number plus one, which is the cookie plus one.",
          phrasings: ["option|header|field .. cookie", "cookie .. option|header|field"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The server stores a small cookie for each half-open connection in a hash table instead of a full socket.", whyWrong: "Nothing is stored at all: the cookie travels as the SYN-ACK's sequence number and returns in the client's ACK." },
      { claim: "SYN cookies are always on and replace the SYN queue for every connection.", whyWrong: "With the default tcp_syncookies = 1 they are used only while the SYN queue overflows; other SYNs get a normal request sock." },
      { claim: "The client has to send the cookie back in a TCP option or an HTTP header.", whyWrong: "The client's ordinary ACK carries it: the acknowledgment number is the SYN-ACK's sequence number, the cookie, plus one." },
    ],
    followUps: [
      "What does a connection lose when it was opened with a cookie?",
      "How long is a cookie valid, and why not forever?",
      "Why can't an attacker forge a valid cookie for an address of its choosing?",
    ],
    lesson: { slug: "syn-flood", anchor: "syn-cookies" },
    whatIf: "no-syn-cookies",
  },
  {
    id: "syn-cookies-what-they-lose",
    topic: "syn-flood",
    difficulty: "deep",
    question: "What does a connection lose when it was opened with a SYN cookie?",
    modelAnswer:
      "A cookie has little room. The MSS is rounded down to one of four values (536, 1300, 1440 or 1460 on IPv4). " +
      "Window scaling, SACK-permitted and ECN, which the server normally remembers from the SYN, survive only if the client sent TCP timestamps: " +
      "Linux then hides them in the low bits of its SYN-ACK's timestamp value and reads them back from the echo in the ACK. " +
      "Without timestamps the connection runs with no window scaling, so at most 64 KiB in flight, and without SACK, which hurts on long or lossy paths. " +
      "And since the server keeps no request, it never retransmits a lost SYN-ACK. " +
      "That is why cookies are a fallback for overflow, not a way to serve a legitimately high connection rate.",
    sources: [
      "net/ipv4/syncookies.c (msstab[]: 536, 1300, 1440, 1460; cookie_init_timestamp(), cookie_timestamp_decode())",
      "Documentation/networking/ip-sysctl.rst (tcp_syncookies: a fallback, \"MUST NOT be used to help highly loaded servers\")",
      "RFC 7323 §2 (window scale), RFC 2018 (SACK)",
    ],
    rubric: {
      ideas: [
        {
          id: "mss-four",
          idea: "The MSS is limited to one of four values",
          weight: 2,
          phrasings: ["mss .. four|4|round*|limit*|few|coarse|536|1460|table|values|approximat*", "four|4|few .. mss"],
        },
        { id: "wscale-sack", idea: "Window scaling and SACK can be lost", weight: 2, phrasings: ["window-scal*|wscale", "sack|selective-ack*|selective-acknowledg*", "no|without|los*|lost|lose .. window|wscale|sack"] },
        {
          id: "timestamps-keep",
          idea: "They survive only if the client sent timestamps",
          weight: 2,
          phrasings: ["timestamp* .. keep|kept|preserv*|encod*|hid*|stor*|surviv*|carr*|sav*", "only|if|when|unless|without .. timestamp*", "timestamp* .. only"],
        },
        {
          id: "no-synack-retransmit",
          idea: "No SYN-ACK retransmission, since nothing is stored",
          weight: 1,
          phrasings: ["not|never|no .. retransmit*|resend*|resent|retransmission* .. syn-ack|synack", "syn-ack|synack .. not|never .. retransmit*|resent"],
        },
        { id: "fallback", idea: "So cookies are a fallback for overflow only", weight: 1, phrasings: ["fallback|fall-back|last-resort|emergency", "only .. overflow*|full|flood*|attack"] },
      ],
      misconceptions: [
        {
          id: "cookies-lose-nothing",
          label: "Thinks a cookie connection is identical to a normal one",
          whyWrong: "The MSS is rounded to four values, and without timestamps window scaling and SACK are lost (net/ipv4/syncookies.c).",
          phrasings: ["lose|loses|lost nothing", "nothing .. lost", "no downside|drawback|cost|difference", "identical|same .. normal"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Nothing: a cookie connection is identical to a normal one.", whyWrong: "The MSS is rounded down to one of four values, and without timestamps window scaling and SACK are gone." },
      { claim: "It loses its sequence numbers, so data can arrive out of order.", whyWrong: "Sequence numbers work as usual; what is lost are SYN options the cookie cannot hold." },
      { claim: "The client must redo the handshake after every cookie.", whyWrong: "A valid cookie ACK creates the connection at once; the client never notices it was a cookie." },
    ],
    followUps: [
      "How does Linux use the timestamp option to keep window scaling and SACK?",
      "Why does tcp_syncookies = 2 hurt performance on a healthy server?",
    ],
    lesson: { slug: "syn-flood", anchor: "syn-cookies" },
  },
  {
    id: "tcp-syncookies-values",
    topic: "syn-flood",
    difficulty: "warm-up",
    question: "What do the values 0, 1 and 2 of net.ipv4.tcp_syncookies mean, and which is the default?",
    modelAnswer:
      "The default is 1: a listener sends SYN cookies only while its SYN queue is overflowing and handles every other SYN normally with a request sock, " +
      "so cookies switch on by themselves during a flood and off again afterwards; the kernel logs \"Possible SYN flooding on port ... Sending cookies\" once per listener. " +
      "A value of 0 never sends cookies: SYNs that find the SYN queue full are dropped, which lets a flood lock real clients out. " +
      "With 2, every SYN is answered with a cookie whether or not the queue is full; that is meant for testing and gives up the options a cookie cannot carry. " +
      "Under all three settings a full accept queue still drops SYNs.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_syncookies)",
      "man 7 tcp (tcp_syncookies: 0, 1, 2 since Linux 3.12)",
      "tcp_conn_request(), tcp_syn_flood_action(), net/ipv4/tcp_input.c",
    ],
    rubric: {
      ideas: [
        { id: "default-1", idea: "The default is 1", weight: 2, phrasings: ["default .. 1|one", "1|one .. default"] },
        {
          id: "only-overflow",
          idea: "1 sends cookies only while the SYN queue overflows",
          weight: 2,
          phrasings: ["only .. overflow*|full|flood*|pressure|attack", "when|while|once .. queue .. full|overflow*"],
        },
        { id: "zero-never", idea: "0 never sends cookies: a full SYN queue drops SYNs", weight: 1, phrasings: ["0|zero .. never|off|disabl*|drop*", "never .. cookie*", "cookie* .. never|not .. sent|used"] },
        {
          id: "two-always",
          idea: "2 sends a cookie for every SYN (for testing)",
          weight: 1,
          phrasings: ["2|two .. every|all|always|unconditional*|test*", "every|all .. syn* .. cookie*", "unconditional*"],
        },
      ],
      misconceptions: [
        {
          id: "cookies-always-on",
          label: "Thinks cookies are always used by default",
          whyWrong: "With the default 1 they are used only while the SYN queue overflows; only 2 sends them for every SYN (ip-sysctl.rst).",
          phrasings: ["cookie*|syncookies .. always .. on|used|sent", "always .. send*|use* .. cookie*", "every connection .. cookie*"],
          unless: ["2|two|test*"],
        },
        {
          id: "default-0",
          label: "Thinks cookies are off by default",
          whyWrong: "The default is 1 (ip-sysctl.rst, man 7 tcp).",
          phrasings: ["default .. 0|zero|off|disabled", "0|zero|off|disabled .. default"],
        },
        {
          id: "two-means-overflow",
          label: "Swaps 1 and 2",
          whyWrong: "1 sends cookies on overflow only; 2 sends them unconditionally (ip-sysctl.rst).",
          phrasings: ["2|two .. only .. full|overflow*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "SYN cookies are always on: with the default 1 every connection uses a cookie.", whyWrong: "With 1 a cookie is sent only when the SYN queue overflows; every other SYN gets a normal request sock." },
      { claim: "The default is 0, because cookies break TCP options.", whyWrong: "The default is 1; cookies only come into play under overflow, which is when losing some options is the lesser harm." },
      { claim: "2 means cookies are sent only when the SYN queue is full.", whyWrong: "That is 1, the default; 2 sends cookies for every SYN, for testing." },
    ],
    followUps: [
      "What message does the kernel log when a listener starts sending cookies, and how often?",
      "Which counters tell you cookies are being sent and accepted?",
    ],
    lesson: { slug: "syn-flood", anchor: "syn-cookies" },
    whatIf: "no-syn-cookies",
  },
  {
    id: "syn-flood-sysctls-fin-timeout",
    topic: "syn-flood",
    difficulty: "core",
    question: "Which kernel settings help a Linux server during a SYN flood, and does lowering tcp_fin_timeout help?",
    modelAnswer:
      "Keep tcp_syncookies at 1, the default: once the SYN queue is full, real clients still get in through cookies. " +
      "Lowering tcp_synack_retries from 5 to 2 makes each fake request leave after about 7 seconds instead of 63, at the cost of giving up sooner on real clients behind lossy links. " +
      "Raising the listen() backlog together with somaxconn lets the SYN queue hold more half-open requests. " +
      "tcp_max_syn_backlog matters only when cookies are off. " +
      "Lowering tcp_fin_timeout does nothing: it limits how long an orphaned connection may stay in FIN-WAIT-2 after the local application closed it, and a flood never gets past SYN-RECV. " +
      "Beyond the host, a SYN proxy or upstream filtering absorbs the flood before it arrives.",
    sources: [
      "Documentation/networking/ip-sysctl.rst (tcp_syncookies, tcp_synack_retries, tcp_max_syn_backlog, tcp_fin_timeout)",
      "reqsk_timer_handler(), net/ipv4/inet_connection_sock.c (SYN-ACK schedule)",
      "tcp_fin_time(), include/net/tcp.h (orphaned FIN-WAIT-2 only)",
      "man 8 iptables-extensions (SYNPROXY)",
    ],
    rubric: {
      ideas: [
        {
          id: "cookies",
          idea: "Keep SYN cookies on (tcp_syncookies = 1)",
          weight: 2,
          phrasings: ["tcp_syncookies|syncookies|cookies .. 1|on|enable*|keep*|default", "keep*|enable*|turn-on|use .. cookie*|syncookies|tcp_syncookies"],
        },
        {
          id: "synack-retries",
          idea: "Fewer SYN-ACK retries free each fake request sooner",
          weight: 2,
          phrasings: ["tcp_synack_retries|synack_retries", "lower*|reduc*|fewer|decreas* .. syn-ack|synack", "syn-ack|synack retr*"],
        },
        {
          id: "fin-timeout-no-effect",
          idea: "tcp_fin_timeout does nothing against a SYN flood",
          weight: 1,
          phrasings: ["tcp_fin_timeout|fin_timeout .. nothing|not|no|irrelevant|useless|unrelated", "not|nothing .. tcp_fin_timeout|fin_timeout"],
        },
        { id: "fin-wait-2-orphan", idea: "tcp_fin_timeout bounds an orphaned FIN-WAIT-2", weight: 1, phrasings: ["orphan*", "fin-wait-2|fin_wait2|fin_wait_2|finwait2|fin-wait2"] },
        { id: "backlog", idea: "Raise the backlog together with somaxconn", weight: 1, phrasings: ["rais*|increas*|bigger|larger .. backlog|somaxconn", "backlog .. somaxconn"] },
      ],
      misconceptions: [
        {
          id: "fin-timeout-helps",
          label: "Thinks lowering tcp_fin_timeout helps against a SYN flood",
          whyWrong: "tcp_fin_timeout bounds an orphaned FIN-WAIT-2 (ip-sysctl.rst); a flood never leaves SYN-RECV.",
          phrasings: [
            "lower*|reduc*|decreas*|set* .. tcp_fin_timeout|fin_timeout .. help*|reduc*|free*|faster|sooner|clear*|against",
            "tcp_fin_timeout|fin_timeout .. help*|frees|clears|releases|shorten*",
            "lower*|reduc*|decreas* tcp_fin_timeout|fin_timeout",
          ],
          unless: ["nothing|useless|irrelevant|pointless|unrelated|myth|wrong"],
        },
        {
          id: "raise-max-syn-backlog",
          label: "Thinks raising tcp_max_syn_backlog enlarges the SYN queue",
          whyWrong: "The SYN queue is bounded by min(backlog, somaxconn); tcp_max_syn_backlog is read only with cookies off (tcp_conn_request()).",
          phrasings: ["rais*|increas* .. tcp_max_syn_backlog", "tcp_max_syn_backlog .. size|length .. syn queue"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Lower tcp_fin_timeout to 30 so half-open connections are freed sooner.", whyWrong: "tcp_fin_timeout bounds orphaned FIN-WAIT-2 sockets, the end of a connection; half-open requests are governed by tcp_synack_retries." },
      { claim: "Raise tcp_max_syn_backlog, since it is the size of the SYN queue.", whyWrong: "On Linux 6.x the SYN queue is full at min(backlog, somaxconn); tcp_max_syn_backlog is read only with syncookies off." },
      { claim: "Disable SYN cookies, because they break TCP options.", whyWrong: "Cookies only act while the SYN queue overflows; turning them off makes every SYN beyond the queue a drop, which is what the attacker wants." },
    ],
    followUps: [
      "What does tcp_synack_retries = 2 cost legitimate clients?",
      "What does a SYN proxy do that the server's own cookies do not?",
    ],
    lesson: { slug: "syn-flood", anchor: "other-defences" },
    whatIf: "no-syn-cookies",
  },
];
