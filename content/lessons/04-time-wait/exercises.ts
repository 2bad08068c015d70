// Exercises of the lesson on the TIME-WAIT and 2MSL (index.mdx beside this file).
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { explainWhyExercise } from "@/lib/exercises/kinds/explainWhy";
import { numericExercise, type NumericVariant, numericTestAnswers, type NumericMistake } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { simulatorTaskExercise } from "@/lib/exercises/kinds/simulatorTask";
import { serverTimeWaitTask } from "@/lib/labs/tasks/serverTimeWait";
import { variantRandom } from "@/lib/exercises/variantRandom";

const lessonId = "lesson-time-wait";
/** TCP_TIMEWAIT_LEN (include/net/tcp.h): 60 s, fixed. */
const TIME_WAIT = 60;

/** A classic wrong number, its feedback, and what that feedback must name (the catalog test checks it). */
type Mistake = NumericMistake;
type Variant = Omit<NumericVariant, "mistakes"> & { mistakes: Mistake[] };
type Random = ReturnType<typeof variantRandom>;


const NOT_A_NUMBER = [{ value: "sixty" }, { value: "" }, { value: "60 s or so" }, {}];

function portExhaustion(random: Random): Variant {
  const low = random.pick([32768, 40000, 50000, 49152]);
  const size = random.pick([2000, 4000, 5000, 8000, 10000]);
  const high = low + size - 1;
  // Rates that run out before the first TIME-WAIT expires (size / rate < 60 s).
  const rate = random.pick([100, 200, 250, 400, 500, 1000].filter((r) => size / r < TIME_WAIT && size / r >= 4));
  const answer = Math.round((size / rate) * 10) / 10;
  return {
    prompt: `A client host opens ${rate} short connections per second to one server address and port, and the client closes each one first. net.ipv4.ip_local_port_range is "${low} ${high}", tcp_tw_reuse is 2 (the default) and the server is another machine. Starting with no sockets, after how many seconds does connect() first fail with EADDRNOTAVAIL?`,
    answer,
    tolerance: 0.5,
    unit: "s",
    solution: `The range holds ${high} − ${low} + 1 = ${size} ports. Each closed connection leaves the client's socket in TIME-WAIT for 60 s (TCP_TIMEWAIT_LEN), and that TIME-WAIT keeps the 4-tuple, so the port cannot be used again for this server address and port (__inet_hash_connect in net/ipv4/inet_hashtables.c). tcp_tw_reuse=2 only allows reuse on loopback (ip-sysctl.rst). Ports run out after ${size} / ${rate} = ${answer} s, before any TIME-WAIT expires (60 s).`,
    mistakes: [
      {
        value: Math.round((65535 / rate) * 10) / 10,
        message: "Not all 65535 ports: connect() picks only from ip_local_port_range.",
        names: /ip_local_port_range/,
      },
      {
        value: Math.round((size / rate) * 2 * 10) / 10,
        message: "No factor 2: every port of the range can be used once before the first TIME-WAIT expires, so the ports run out during the first pass through the range.",
        names: /No factor 2/,
      },
      {
        value: TIME_WAIT,
        message: "60 s is how long each TIME-WAIT lasts, so it is when the first port frees up again; the ports run out sooner than that.",
        names: /how long each TIME-WAIT lasts/,
      },
    ],
  };
}

function sustainableRate(random: Random): Variant {
  const low = random.pick([32768, 1024, 15000, 40000]);
  const high = random.pick([60999, 65535, 61000]);
  const size = high - low + 1;
  const answer = Math.floor(size / TIME_WAIT);
  return {
    prompt: `A load generator closes every connection first and talks to a single server address and port. ip_local_port_range is "${low} ${high}", tcp_tw_reuse is 0, tcp_max_tw_buckets is far above the port count. Once it has run for several minutes, at most how many new connections per second can it open without connect() failing?`,
    answer,
    tolerance: 1,
    unit: "connections/s",
    solution: `Every connection holds its port in TIME-WAIT for 60 s (TCP_TIMEWAIT_LEN in include/net/tcp.h; Linux does not use 2 × MSL and tcp_fin_timeout does not change it). In steady state a port frees up only when a TIME-WAIT expires, so the sustainable rate is ports / 60 s = ${size} / 60 ≈ ${answer} per second. To go faster: more source addresses or server ports (each 4-tuple is separate), tcp_tw_reuse=1 with timestamps, or keep connections open and reuse them.`,
    mistakes: [
      {
        value: Math.floor(size / 240),
        message: "That uses the RFC's 2 × MSL = 240 s. Linux's TIME-WAIT is a fixed 60 s (TCP_TIMEWAIT_LEN).",
        names: /240 s/,
      },
      {
        value: Math.floor(size / 120),
        message: "120 s would be 2 × a 60 s MSL; Linux has no MSL and simply uses 60 s for the whole TIME-WAIT.",
        names: /120 s/,
      },
      { value: size, message: "That is the number of ports, not a rate: each port is busy for a while after each use.", names: /not a rate/ },
    ],
  };
}

/**
 * TIME-WAIT sockets on a server that closes first: rate × 60 s. The variants
 * keep that below tcp_max_tw_buckets, and above it for nobody's mistake but the
 * 2 × MSL one, so every classic mistake gives its own number (a test checks it).
 */
const SERVER_RATES = [50, 120, 300, 800, 1500, 2500];
const TW_BUCKETS = [32768, 65536, 131072, 262144, 524288];
function serverCount(random: Random): Variant {
  const rate = random.pick(SERVER_RATES);
  const finTimeout = random.pick([15, 30, 10]);
  // Bucket counts above rate × 120 s: the answer and the 120 s and tcp_fin_timeout mistakes stay below the cap.
  const buckets = random.pick(TW_BUCKETS.filter((b) => b > rate * 120));
  const answer = rate * TIME_WAIT;
  const rfc = Math.min(rate * 240, buckets);
  return {
    prompt: `A web server closes every connection first. It serves ${rate} new connections per second from many different clients, steadily, for an hour. Its sysctls: tcp_fin_timeout = ${finTimeout}, tcp_max_tw_buckets = ${buckets}. How many sockets does ss -tan state time-wait list on the server?`,
    answer,
    tolerance: Math.max(1, Math.round(answer * 0.02)),
    unit: "sockets",
    solution: `Each connection leaves one TIME-WAIT on the server (it closes first) for 60 s, whatever tcp_fin_timeout says (TCP_TIMEWAIT_LEN, include/net/tcp.h). Little's law: ${rate}/s × 60 s = ${answer}, below tcp_max_tw_buckets = ${buckets}; beyond that cap the kernel would destroy closing sockets without TIME-WAIT (inet_twsk_alloc() returns NULL; TcpExtTCPTimeWaitOverflow counts them). They use no extra server port: all share port 80/443 and differ by the client's address and port.`,
    mistakes: [
      {
        value: rate * finTimeout,
        message: `tcp_fin_timeout (${finTimeout} s) is the orphaned FIN-WAIT-2 timeout; it does not shorten TIME-WAIT.`,
        names: /orphaned FIN-WAIT-2/,
      },
      {
        value: rfc,
        message:
          rfc === buckets
            ? `Linux does not wait 2 × MSL = 240 s; with 240 s the pile would indeed reach tcp_max_tw_buckets, but TIME-WAIT is shorter than that.`
            : "Linux does not wait 2 × MSL = 240 s: TIME-WAIT is a fixed constant, TCP_TIMEWAIT_LEN.",
        names: /2 × MSL = 240 s/,
      },
      { value: rate * 120, message: "Not 120 s: Linux has no MSL, and TCP_TIMEWAIT_LEN is the whole TIME-WAIT, not half of it.", names: /Not 120 s/ },
    ],
  };
}

export const timeWaitExercises: ExerciseDefinition<any>[] = [
  choiceExercise({
    id: "time-wait-who-waits",
    lessonId,
    title: "Which side holds TIME-WAIT?",
    prompt:
      "An HTTP/1.0 server sends its response and calls close() right away; the client reads the response and calls close() 0.5 s later. Which socket ends in TIME-WAIT?",
    material: [
      "t=1.0001 server > client [F.] seq 51 ack 101",
      "t=1.0413 client > server [.]  seq 101 ack 52",
      "t=1.5001 client > server [F.] seq 101 ack 52",
      "t=1.5001 server > client [.]  seq 52 ack 102",
    ].join("\n"),
    materialLabel: "The close, as tcpdump printed it (Linux 6.18 capture server-active-close)",
    multiple: false,
    hideAnswer: true,
    options: [
      {
        value: "server",
        label: "The server's socket",
        correct: true,
        feedback: "Right: the server sent the first FIN, so it is the active closer and moves FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT (RFC 9293 §3.6).",
      },
      {
        value: "client",
        label: "The client's socket, because the client always enters TIME-WAIT",
        correct: false,
        feedback: "TIME-WAIT belongs to whoever closes first, not to the client role. Here the client received the first FIN: it went CLOSE-WAIT → LAST-ACK → CLOSED.",
      },
      {
        value: "both",
        label: "Both sockets, for 60 s each",
        correct: false,
        feedback: "Only a simultaneous close puts both sides in TIME-WAIT (via CLOSING). Here the FINs did not cross: the client's FIN came 0.5 s after it had ACKed the server's.",
      },
      {
        value: "neither",
        label: "Neither: Linux skips TIME-WAIT when tcp_fin_timeout is 60",
        correct: false,
        feedback: "tcp_fin_timeout does not control TIME-WAIT at all; it is the orphaned FIN-WAIT-2 timeout (ip-sysctl.rst).",
      },
    ],
    solution:
      "RFC 9293 §3.6: the side whose application closes first sends the first FIN and is the one that passes through TIME-WAIT. In the Linux 6.18 capture server-active-close the server closed at t=1.0 s and the client 0.5 s later; the server's TIME-WAIT was seen from t=1.506 s until t=62.549 s, and the client went from CLOSE-WAIT straight to gone.",
    testAnswers: {
      incorrect: () => [
        { answer: { choice: "client" }, mistake: /whoever closes first/ },
        { answer: { choice: "both" }, mistake: /simultaneous close/ },
        { answer: { choice: "neither" }, mistake: /does not control TIME-WAIT/ },
      ],
      invalid: [{ choice: "nobody-knows" }, { choice: ["server", "client"] }, { choice: [] }],
    },
  }),

  orderingExercise({
    id: "time-wait-active-closer-states",
    lessonId,
    title: "The states of the active closer",
    prompt: "Put the states the side that closes first goes through in order, from an open connection until the kernel forgets it (a normal four-segment close).",
    items: [
      { value: "ESTABLISHED", label: "ESTABLISHED" },
      { value: "FIN-WAIT-1", label: "FIN-WAIT-1 (FIN sent)" },
      { value: "FIN-WAIT-2", label: "FIN-WAIT-2 (our FIN was ACKed)" },
      { value: "TIME-WAIT", label: "TIME-WAIT (the peer's FIN arrived and was ACKed)" },
      { value: "CLOSED", label: "CLOSED (after 60 s on Linux)" },
    ],
    hideAnswer: true,
    rules: [
      { first: "ESTABLISHED", then: "FIN-WAIT-1", why: "close() on an open connection sends the FIN: that is what FIN-WAIT-1 means (RFC 9293 §3.10.4)." },
      { first: "FIN-WAIT-1", then: "FIN-WAIT-2", why: "The peer can only ACK our FIN after we have sent it: FIN-WAIT-2 means the ACK of our FIN has arrived." },
      { first: "FIN-WAIT-2", then: "TIME-WAIT", why: "In a normal close the peer's ACK of our FIN comes before its own FIN; TIME-WAIT starts when that FIN arrives and we ACK it." },
      { first: "TIME-WAIT", then: "CLOSED", why: "The active closer does not forget the connection at once: it waits in TIME-WAIT (60 s on Linux) before the socket is gone." },
    ],
    solution:
      "close() sends FIN: ESTABLISHED → FIN-WAIT-1. The peer's ACK of that FIN: → FIN-WAIT-2. The peer's own FIN, which we ACK: → TIME-WAIT. After 2 × MSL in RFC 9293 (§3.3.2, figure 5), after TCP_TIMEWAIT_LEN = 60 s on Linux: → CLOSED. The capture client-active-close shows FIN-WAIT-1 at 1.003 s, FIN-WAIT-2 at 1.044 s, TIME-WAIT at 1.511 s and the socket gone at 61.578 s.",
    testAnswers: {
      incorrect: () => [
        { answer: { order: ["ESTABLISHED", "FIN-WAIT-2", "FIN-WAIT-1", "TIME-WAIT", "CLOSED"] }, mistake: /ACK our FIN after we have sent it/ },
        { answer: { order: ["ESTABLISHED", "FIN-WAIT-1", "TIME-WAIT", "FIN-WAIT-2", "CLOSED"] }, mistake: /TIME-WAIT starts when that FIN arrives/ },
        { answer: { order: ["ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSED", "TIME-WAIT"] }, mistake: /does not forget the connection at once/ },
      ],
      invalid: [{ order: ["ESTABLISHED"] }, { order: "ESTABLISHED FIN-WAIT-1" }, { order: ["ESTABLISHED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSED"] }],
    },
  }),

  explainWhyExercise({
    id: "time-wait-why-2msl",
    lessonId,
    title: "Who waits, why, and for how long",
    prompt:
      "A Linux HTTP client reads a response and calls close() on its connection before the server does. Which side ends up in TIME-WAIT? Why does TCP keep that state for 2 × MSL instead of forgetting the connection at once? And how long does it last on Linux?",
    rubric: [
      {
        id: "active-closer-holds-it",
        idea: "The side that closes first (the active closer), here the client, holds TIME-WAIT",
        weight: 1,
        phrasings: [
          "active-closer|active-close|active-side|actively",
          "clos*|send*|sent|hang*|hung|call* .. first",
          "first fin|close|closer",
          "initiat* .. close|closing|shutdown|termination",
          "client .. hold*|keep*|enter*|in|get*|go|goes|stay*|end* .. time-wait|time_wait|timewait",
          "time-wait|time_wait|timewait .. client",
        ],
        missing: "Say which side waits: the one whose application closes first and sends the first FIN, whatever its role.",
      },
      {
        id: "final-ack-may-be-lost",
        idea: "The final ACK may be lost; the peer then retransmits its FIN and TIME-WAIT ACKs it again",
        weight: 1,
        phrasings: [
          "last|final ack .. lost|lose*|drop*|miss*|arriv*",
          "ack* .. lost|lose|loses|drop*|missing",
          "lost|lose|loses|drop* .. last|final|the ack",
          "retransmit*|resen*|re-sen*|repeat* .. fin",
          "fin .. again|retransmit*|resen*|repeat*",
          "ack*|answer*|respond*|reply .. again|retransmit*|resen*",
        ],
        missing: "Think about the very last segment of the close: nobody acknowledges an ACK. What if it never arrives?",
      },
      {
        id: "old-duplicates-expire",
        idea: "Delayed segments of this connection must expire before a new connection with the same 4-tuple could take them",
        weight: 1,
        phrasings: [
          "old|delayed|late|stray|wandering|lingering|duplicate* segment*|packet*|data|duplicate*",
          "segment*|packet* .. still .. network|flight|transit|route",
          "segment*|packet*|data .. previous|old|earlier connection*|incarnation*",
          "new|next|later connection*|incarnation* .. same 4-tuple|four-tuple|tuple|port*|quad*|address*",
          "expir*|die|dies|died|disappear*|vanish*|gone .. segment*|packet*",
          "segment*|packet* .. expir*|die|dies|died|dead|disappear*|gone",
          "msl .. longest|maximum|max|most .. segment*|packet*|live*|lifetime",
        ],
        missing: "Think about the network, not only the two hosts: what could still be on its way when the connection closes, and who could receive it later?",
      },
      {
        id: "linux-fixed-60s",
        idea: "Linux holds it a fixed 60 s (TCP_TIMEWAIT_LEN), not the RFC's 4 minutes, and no sysctl changes it",
        weight: 1,
        phrasings: [
          "60|sixty s|sec|secs|second|seconds",
          "1|one minute",
          "tcp_timewait_len",
          "hard-coded|hardcoded|fixed|constant|compiled|compile-time .. 60|sixty|linux|kernel|length|time|value",
        ],
        missing: "Say how long Linux keeps it: Linux does not compute 2 × MSL.",
      },
    ],
    misconceptions: [
      {
        id: "fin-timeout-sets-time-wait",
        label: "tcp_fin_timeout",
        phrasings: ["tcp_fin_timeout|fin_timeout|fin-timeout"],
        unless: ["fin-wait*|fin_wait*|finwait*|orphan*"],
        message: "tcp_fin_timeout is how long an orphaned socket may stay in FIN-WAIT-2 (ip-sysctl.rst); it does not change TIME-WAIT, whose length no sysctl sets.",
      },
      {
        id: "server-holds-it",
        label: "Which side waits",
        phrasings: [
          "server .. hold*|keep*|enter*|go|goes|get*|stay*|end*|is-in .. time-wait|time_wait|timewait",
          "time-wait|time_wait|timewait on|at|by|in server",
          "passive .. time-wait|time_wait|timewait",
        ],
        message: "Here the server received the first FIN: it is the passive closer and goes CLOSE-WAIT, LAST-ACK, CLOSED. TIME-WAIT belongs to the side that sends the first FIN.",
      },
      {
        id: "linux-msl-30s",
        label: "Linux and the MSL",
        phrasings: ["msl .. 30|thirty", "30|thirty s|sec|secs|second|seconds .. msl"],
        message: "Linux has no MSL at all: its TIME-WAIT length is one compile-time constant (include/net/tcp.h), not derived from an MSL.",
      },
    ],
    modelAnswer:
      "The client, because it closed first: the side that sends the first FIN, the active closer, goes FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT, and RFC 9293 §3.6.1 says it MUST linger there for 2 × MSL (MUST-13). There are two reasons (RFC 9293 §3.3.2). Its final ACK may be lost; the server, still in LAST-ACK, then retransmits its FIN, and TIME-WAIT is there to ACK it again instead of answering with RST. And segments of this connection may still be delayed in the network: MSL is the longest a segment is assumed to live (§3.4.2), so waiting 2 × MSL lets them expire before a new connection with the same 4-tuple could accept one as its own. The RFC's MSL is 2 minutes, so 4 minutes by the book; Linux has no MSL and keeps every TIME-WAIT for a fixed 60 s, TCP_TIMEWAIT_LEN in include/net/tcp.h, which no sysctl changes (tcp_fin_timeout is the orphaned FIN-WAIT-2 timeout).",
    hints: ["Which side sends the very last segment of the close, and who would notice if it were lost?", "What could still be travelling in the network when the connection closes?"],
    testAnswers: {
      incorrect: () => [
        { answer: { text: "The server holds TIME-WAIT, and tcp_fin_timeout decides how long it lasts, 60 seconds by default." }, mistake: /orphaned socket may stay in FIN-WAIT-2/ },
        { answer: { text: "The server always ends up in TIME-WAIT because it sent the response, and it waits so the client can reconnect." }, mistake: /passive closer/ },
        { answer: { text: "It is not because the final ACK could be lost, and old duplicate segments are not the reason either; the client just waits 60 s." }, mistake: /denies this/ },
        { answer: { text: "active closer, final ACK lost, old duplicates, 2MSL, TCP_TIMEWAIT_LEN 60 s" }, mistake: /lists terms without saying how they connect/ },
      ],
      invalid: [{ text: "the client" }, { text: "" }, { words: "the client closes first" }],
    },
  }),

  choiceExercise({
    id: "time-wait-fin-timeout",
    lessonId,
    title: "What does tcp_fin_timeout change?",
    prompt: "A tuning guide tells you to set net.ipv4.tcp_fin_timeout = 15 \"to get rid of TIME_WAIT faster\". On Linux 6.18, what does that setting change?",
    multiple: false,
    hideAnswer: true,
    options: [
      {
        value: "orphan-fw2",
        label: "How long an orphaned connection (no process holds it any more) may stay in FIN-WAIT-2 waiting for the peer's FIN",
        correct: true,
        feedback: "Right: ip-sysctl.rst defines it as the lifetime of an orphaned FIN-WAIT-2. The capture fin-wait-2-orphan-timeout shows the client's FIN-WAIT-2 gone ~5.2 s after close with tcp_fin_timeout=5.",
      },
      {
        value: "time-wait",
        label: "The TIME-WAIT duration: 15 s instead of 60 s",
        correct: false,
        feedback: "TIME-WAIT is TCP_TIMEWAIT_LEN, 60 s, a compile-time constant (include/net/tcp.h). In the capture client-active-close TIME-WAIT lasted 60.07 s; the sysctl does not touch it.",
      },
      {
        value: "msl",
        label: "The MSL, so 2MSL becomes 30 s",
        correct: false,
        feedback: "Linux has no MSL setting at all, and this sysctl is not one: TIME-WAIT is the fixed TCP_TIMEWAIT_LEN (include/net/tcp.h).",
      },
      {
        value: "close-wait",
        label: "How long CLOSE-WAIT sockets live before the kernel closes them",
        correct: false,
        feedback: "No timer ends CLOSE-WAIT: only the application's close() does (lesson close-wait).",
      },
    ],
    solution:
      "tcp_fin_timeout: \"The length of time an orphaned (no longer referenced by any application) connection will remain in the FIN_WAIT_2 state before it is aborted at the local end\" (Documentation/networking/ip-sysctl.rst, default 60 s). TIME-WAIT is fixed at TCP_TIMEWAIT_LEN = 60 s (include/net/tcp.h); tcp_time_wait() in net/ipv4/tcp_minisocks.c always uses it for a real TIME-WAIT.",
    testAnswers: {
      incorrect: () => [
        { answer: { choice: "time-wait" }, mistake: /TCP_TIMEWAIT_LEN/ },
        { answer: { choice: "msl" }, mistake: /no MSL setting/ },
        { answer: { choice: "close-wait" }, mistake: /No timer ends CLOSE-WAIT/ },
      ],
      invalid: [{ choice: "fin-wait-3" }, { choice: ["orphan-fw2", "msl"] }],
    },
  }),

  numericExercise({
    id: "time-wait-port-exhaustion",
    lessonId,
    title: "When does connect() start failing?",
    label: "Seconds until the first EADDRNOTAVAIL",
    generate: portExhaustion,
    hideAnswer: true,
    testAnswers: numericTestAnswers(portExhaustion, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "time-wait-sustainable-rate",
    lessonId,
    title: "How many connections per second can one client sustain?",
    label: "Connections per second (round down)",
    generate: sustainableRate,
    hideAnswer: true,
    testAnswers: numericTestAnswers(sustainableRate, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "time-wait-server-count",
    lessonId,
    title: "How many TIME-WAIT sockets on the server?",
    label: "TIME-WAIT sockets",
    generate: serverCount,
    hideAnswer: true,
    testAnswers: numericTestAnswers(serverCount, NOT_A_NUMBER),
  }),

  choiceExercise({
    id: "time-wait-reuse-facts",
    lessonId,
    title: "tcp_tw_reuse and friends",
    prompt: "Which statements about Linux 6.18 are true?",
    multiple: true,
    hideAnswer: true,
    options: [
      {
        value: "reuse-outgoing",
        label: "tcp_tw_reuse=1 lets connect() take over a TIME-WAIT 4-tuple for a new outgoing connection once the TIME-WAIT is older than tcp_tw_reuse_delay (1000 ms) and the old connection used timestamps",
        correct: true,
        feedback: "True: tcp_twsk_unique() in net/ipv4/tcp_ipv4.c checks tw_ts_recent_stamp and tw_entry_stamp + tcp_tw_reuse_delay.",
      },
      {
        value: "default-2",
        label: "The default tcp_tw_reuse is 2: reuse only for loopback connections",
        correct: true,
        feedback: "True (ip-sysctl.rst: \"2 - enable for loopback traffic only\", Default: 2).",
      },
      {
        value: "reuse-server",
        label: "tcp_tw_reuse=1 shrinks the TIME-WAIT pile of a server that closes first",
        correct: false,
        feedback:
          "False: it only acts in connect(), when a new outgoing connection needs a port. A server's TIME-WAIT sockets end early another way: a new SYN from the client on the same 4-tuple takes one over, and with the default tcp_rfc1337 = 0 an RST with the expected sequence number ends one too (tcp_timewait_state_process() in net/ipv4/tcp_minisocks.c).",
      },
      {
        value: "recycle",
        label: "tcp_tw_recycle=1 is the safer alternative for servers behind NAT",
        correct: false,
        feedback: "False: tcp_tw_recycle was removed in Linux 4.12 (commit 4396e46187ca) because it dropped SYNs from clients behind NAT, whose timestamps are not monotonic.",
      },
      {
        value: "buckets-log",
        label: "When tcp_max_tw_buckets is reached, closing sockets are destroyed without TIME-WAIT and TcpExtTCPTimeWaitOverflow counts them",
        correct: true,
        feedback: "True: inet_twsk_alloc() returns NULL and tcp_time_wait() increments LINUX_MIB_TCPTIMEWAITOVERFLOW (net/ipv4/tcp_minisocks.c).",
      },
    ],
    solution:
      "tcp_tw_reuse (0 off, 1 on, 2 loopback only, default 2) and tcp_tw_reuse_delay (default 1000 ms) are documented in Documentation/networking/ip-sysctl.rst; the check is tcp_twsk_unique() in net/ipv4/tcp_ipv4.c. tcp_tw_recycle no longer exists (removed in 4.12). tcp_max_tw_buckets: inet_twsk_alloc() refuses beyond it and tcp_time_wait() counts TCPTimeWaitOverflow.",
    testAnswers: {
      incorrect: () => [
        { answer: { choice: ["reuse-outgoing", "default-2", "reuse-server", "buckets-log"] }, mistake: /only acts in connect\(\)/ },
        { answer: { choice: ["reuse-outgoing", "default-2", "recycle", "buckets-log"] }, mistake: /removed in Linux 4\.12/ },
        { answer: { choice: ["reuse-outgoing", "default-2"] }, mistake: /1 more option is true as well/ },
      ],
      invalid: [{ choice: ["reuse-outgoing", "tw-recycle-2"] }, { choice: [] }],
    },
  }),
  timeWaitMatchSysctls(),
  simulatorTaskExercise({
    id: "time-wait-leave-server",
    lessonId,
    title: "Leave the server in TIME-WAIT",
    goal: "Set when each side calls close() so that, 5 seconds in, the server's connection socket is in TIME-WAIT. Try it in the simulator, then submit: the server replays your changes and checks.",
    model: serverTimeWaitTask,
    check: (metrics) =>
      metrics.serverState === "TIME-WAIT"
        ? { met: true, message: `The server's connection is in TIME-WAIT (the client's is ${metrics.clientState}).` }
        : metrics.clientState === "TIME-WAIT"
          ? {
              met: false,
              message: `The client sent the first FIN, so the client holds TIME-WAIT; the server, the passive closer, ended ${metrics.serverState}. TIME-WAIT belongs to the side that sends the first FIN.`,
            }
          : { met: false, message: `The server's connection ended ${metrics.serverState}; TIME-WAIT belongs to the side that sends the first FIN.` },
    example: { serverCloseAt: 1, clientCloseAt: 2 },
    hints: ["Which side enters TIME-WAIT: the one that closes first, or the one that closes last?"],
    solution:
      "Make the server close first (say at 1 s, the client at 2 s). The side that sends the first FIN goes FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT; the other goes CLOSE-WAIT, LAST-ACK, CLOSED (RFC 9293 §3.6). Closing both at the same instant also works: in a simultaneous close both sides pass through CLOSING into TIME-WAIT.",
    testAnswers: {
      incorrect: () => [
        { answer: { actions: [] }, mistake: /client sent the first FIN/ },
        { answer: { actions: [{ set: "clientCloseAt", value: 0.5 }, { set: "serverCloseAt", value: 3 }] }, mistake: /client sent the first FIN/ },
        { answer: { actions: [{ set: "serverCloseAt", value: 0.6 }, { set: "serverCloseAt", value: 2.5 }] }, mistake: /passive closer/ },
      ],
      invalid: [{ actions: "all of them" }, { actions: [{ set: "serverState", value: "TIME-WAIT" }] }, { actions: [{ set: "serverCloseAt", value: 99 }] }],
    },
  }),
];

/** Which sysctl does what: every wrong pairing names its own mistake, and none hands over the right one. */
function timeWaitMatchSysctls() {
  const pairs = [
    {
      item: "net.ipv4.tcp_fin_timeout",
      meaning: "How long an orphaned socket may stay in FIN-WAIT-2",
      why: "ip-sysctl.rst, tcp_fin_timeout (default 60 s): it belongs to a state before TIME-WAIT, for sockets no process holds any more.",
    },
    {
      item: "net.ipv4.tcp_tw_reuse",
      meaning: "Whether a new outgoing connection may take over a port still in TIME-WAIT",
      why: "ip-sysctl.rst, tcp_tw_reuse: 0 off, 1 on, 2 (default) loopback only; read by tcp_twsk_unique() when connect() looks for a port, and only with timestamps.",
    },
    {
      item: "net.ipv4.tcp_max_tw_buckets",
      meaning: "How many TIME-WAIT sockets the system keeps before destroying new ones at once",
      why: "ip-sysctl.rst, tcp_max_tw_buckets: a cap on a count; beyond it TCPTimeWaitOverflow counts the sockets that skip TIME-WAIT.",
    },
    {
      item: "net.ipv4.ip_local_port_range",
      meaning: "Which local ports connect() picks from",
      why: "ip-sysctl.rst, ip_local_port_range (default 32768 60999): two port numbers, the ephemeral range.",
    },
  ];
  const distractors = ["How long TIME-WAIT lasts", "The maximum segment lifetime (MSL)"];
  const why: Record<string, string> = {
    "How long TIME-WAIT lasts": "No sysctl sets how long TIME-WAIT lasts: it is the compile-time constant TCP_TIMEWAIT_LEN, 60 s (include/net/tcp.h).",
    "The maximum segment lifetime (MSL)": "Linux has no MSL setting at all; RFC 9293's MSL of 2 minutes appears nowhere in the kernel.",
  };
  // What each pairing gets wrong, for every item and every meaning that is not its own: the
  // item's own facts, never which item the chosen meaning belongs to.
  const confusions = pairs.flatMap((pair) =>
    [...pairs.map((p) => p.meaning), ...distractors]
      .filter((meaning) => meaning !== pair.meaning)
      .map((meaning) => ({
        item: pair.item,
        meaning,
        message: `${pair.item} does not set “${meaning}”. ${why[meaning] ?? pair.why}`,
      })),
  );
  const keyOf = (meaning: string) => `m${[...pairs.map((p) => p.meaning), ...distractors].indexOf(meaning)}`;
  const right = Object.fromEntries(pairs.map((p) => [p.item, keyOf(p.meaning)]));
  return matchingExercise({
    id: "time-wait-match-sysctls",
    lessonId,
    title: "Which sysctl does what",
    prompt: "Match each sysctl to what it changes on Linux 6.18. Some effects belong to no sysctl at all.",
    pairs,
    distractors,
    confusions,
    hideAnswer: true,
    hints: ["Linux's TIME-WAIT length is a compile-time constant (TCP_TIMEWAIT_LEN), not a sysctl."],
    solution:
      "tcp_fin_timeout limits orphaned FIN-WAIT-2; tcp_tw_reuse lets connect() reuse a TIME-WAIT port (with timestamps); tcp_max_tw_buckets caps the number of TIME-WAIT sockets; ip_local_port_range is the ephemeral port pool. TIME-WAIT itself is fixed at 60 s by TCP_TIMEWAIT_LEN in include/net/tcp.h, and Linux has no MSL setting (ip-sysctl.rst).",
    testAnswers: {
      incorrect: () => [
        { answer: { ...right, "net.ipv4.tcp_fin_timeout": keyOf("How long TIME-WAIT lasts") }, mistake: /TCP_TIMEWAIT_LEN/ },
        { answer: { ...right, "net.ipv4.tcp_fin_timeout": keyOf("The maximum segment lifetime (MSL)") }, mistake: /no MSL setting/ },
        {
          answer: { ...right, "net.ipv4.tcp_tw_reuse": keyOf(pairs[2]!.meaning), "net.ipv4.tcp_max_tw_buckets": keyOf(pairs[1]!.meaning) },
          mistake: /net\.ipv4\.tcp_tw_reuse does not set “How many TIME-WAIT sockets/,
        },
      ],
      invalid: [{ "net.ipv4.tcp_fin_timeout": "m0" }, { ...right, "net.ipv4.ip_local_port_range": "m42" }],
    },
  });
}
