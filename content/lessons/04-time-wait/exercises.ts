// Exercises of the lesson on the TIME-WAIT and 2MSL (index.mdx beside this file).
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise, type ChoiceOption } from "@/lib/exercises/kinds/choice";
import { explainWhyExercise } from "@/lib/exercises/kinds/explainWhy";
import { numericExercise, type NumericVariant, numericTestAnswers, type NumericMistake } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { simulatorTaskExercise } from "@/lib/exercises/kinds/simulatorTask";
import { serverTimeWaitTask } from "@/lib/labs/tasks/serverTimeWait";
import { variantRandom } from "@/lib/exercises/variantRandom";
import type { MisconceptionId } from "@/lib/exercises/misconceptions";
import { choiceWrongAnswers, matchingWrongAnswers, orderingWrongAnswers, scenarioExercise } from "@/lib/exercises/variants";

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
        misconception: "all-65535-ports-ephemeral",
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
        misconception: "time-wait-lasts-2msl",
      },
      {
        value: Math.floor(size / 120),
        message: "120 s would be 2 × a 60 s MSL; Linux has no MSL and simply uses 60 s for the whole TIME-WAIT.",
        names: /120 s/,
        misconception: "time-wait-lasts-2msl",
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
        misconception: "fin-timeout-sets-time-wait",
      },
      {
        value: rfc,
        message:
          rfc === buckets
            ? `Linux does not wait 2 × MSL = 240 s; with 240 s the pile would indeed reach tcp_max_tw_buckets, but TIME-WAIT is shorter than that.`
            : "Linux does not wait 2 × MSL = 240 s: TIME-WAIT is a fixed constant, TCP_TIMEWAIT_LEN.",
        names: /2 × MSL = 240 s/,
        misconception: "time-wait-lasts-2msl",
      },
      { value: rate * 120, message: "Not 120 s: Linux has no MSL, and TCP_TIMEWAIT_LEN is the whole TIME-WAIT, not half of it.", names: /Not 120 s/, misconception: "time-wait-lasts-2msl" },
    ],
  };
}

export const timeWaitExercises: ExerciseDefinition<any>[] = [
  timeWaitWhoWaits(),

  timeWaitActiveCloserStates(),

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
        misconception: "fin-timeout-sets-time-wait",
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
        misconception: "time-wait-on-server",
      },
      {
        id: "linux-msl-30s",
        label: "Linux and the MSL",
        phrasings: ["msl .. 30|thirty", "30|thirty s|sec|secs|second|seconds .. msl"],
        message: "Linux has no MSL at all: its TIME-WAIT length is one compile-time constant (include/net/tcp.h), not derived from an MSL.",
        misconception: "linux-has-msl-setting",
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

  timeWaitFinTimeout(),

  numericExercise({
    id: "time-wait-port-exhaustion",
    lessonId,
    title: "When does connect() start failing?",
    label: "Seconds until the first EADDRNOTAVAIL",
    generate: portExhaustion,
    testAnswers: numericTestAnswers(portExhaustion, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "time-wait-sustainable-rate",
    lessonId,
    title: "How many connections per second can one client sustain?",
    label: "Connections per second (round down)",
    generate: sustainableRate,
    testAnswers: numericTestAnswers(sustainableRate, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "time-wait-server-count",
    lessonId,
    title: "How many TIME-WAIT sockets on the server?",
    label: "TIME-WAIT sockets",
    generate: serverCount,
    testAnswers: numericTestAnswers(serverCount, NOT_A_NUMBER),
  }),

  timeWaitReuseFacts(),
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

/** Which sysctl does what: a pool of eight, five per variant; every wrong pairing names its own mistake, and none hands over the right one. */
function timeWaitMatchSysctls() {
  // hint: what a wrong match is told about the sysctl, without naming what it sets.
  const pool = [
    {
      item: "net.ipv4.tcp_fin_timeout",
      meaning: "How long an orphaned socket may stay in FIN-WAIT-2",
      why: "ip-sysctl.rst, tcp_fin_timeout (default 60 s): the lifetime of an orphaned FIN-WAIT-2, a state before TIME-WAIT.",
      hint: "It belongs to a state before TIME-WAIT, and only to sockets no process holds any more (ip-sysctl.rst).",
    },
    {
      item: "net.ipv4.tcp_tw_reuse",
      meaning: "Whether a new outgoing connection may take over a port still in TIME-WAIT",
      why: "ip-sysctl.rst, tcp_tw_reuse: 0 off, 1 on, 2 (default) loopback only; read by tcp_twsk_unique() when connect() looks for a port, and only with timestamps.",
      hint: "Its values are 0, 1 and 2 (loopback only, the default), and it only matters for connections this host opens itself (ip-sysctl.rst).",
    },
    {
      item: "net.ipv4.tcp_max_tw_buckets",
      meaning: "How many TIME-WAIT sockets the system keeps before destroying new ones at once",
      why: "ip-sysctl.rst, tcp_max_tw_buckets: a cap on a count; beyond it TCPTimeWaitOverflow counts the sockets that skip TIME-WAIT.",
      hint: "Its value is a count, not a time, and when it is reached TcpExtTCPTimeWaitOverflow goes up (net/ipv4/tcp_minisocks.c).",
    },
    {
      item: "net.ipv4.ip_local_port_range",
      meaning: "Which local ports connect() picks from",
      why: "ip-sysctl.rst, ip_local_port_range (default 32768 60999): two port numbers, the ephemeral range.",
      hint: "Its value is two numbers, by default 32768 and 60999 (ip-sysctl.rst).",
    },
    {
      item: "net.ipv4.tcp_rfc1337",
      meaning: "Whether an RST that arrives in TIME-WAIT is ignored instead of ending it",
      why: "tcp_timewait_state_process() in net/ipv4/tcp_minisocks.c: with 0 (default) an in-window RST kills the TIME-WAIT socket (\"TIME_WAIT assassination\"); 1 ignores it, RFC 1337's fix F1.",
      hint: "It is named after RFC 1337, which describes hazards of TIME-WAIT; its value is 0 (default) or 1.",
    },
    {
      item: "net.ipv4.tcp_tw_reuse_delay",
      meaning: "How long a TIME-WAIT must have lasted before connect() may take over its port",
      why: "ip-sysctl.rst, tcp_tw_reuse_delay (milliseconds, default 1000, configurable since Linux 6.13): checked by tcp_twsk_unique() together with tcp_tw_reuse.",
      hint: "Its value is in milliseconds (default 1000), and it only has an effect together with tcp_tw_reuse (ip-sysctl.rst).",
    },
    {
      item: "net.ipv4.tcp_timestamps",
      meaning: "Whether new connections use the TCP timestamp option",
      why: "ip-sysctl.rst, tcp_timestamps (default 1, with a random offset per connection): RFC 7323 timestamps, which PAWS and tcp_tw_reuse rely on.",
      hint: "It turns on an RFC 7323 TCP option (default 1, ip-sysctl.rst).",
    },
    {
      item: "net.ipv4.tcp_orphan_retries",
      meaning: "How long a socket the application has closed keeps retransmitting to a silent peer",
      why: "ip-sysctl.rst, tcp_orphan_retries (reads 0, meaning 8; tcp_orphan_retries() in net/ipv4/tcp_timer.c): the budget of an orphan's unacknowledged FIN, in LAST-ACK or FIN-WAIT-1.",
      hint: "It concerns sockets the application has already closed that are still sending (ip-sysctl.rst; tcp_orphan_retries() in net/ipv4/tcp_timer.c).",
    },
  ];
  const pairs = pool.map(({ item, meaning, why }) => ({ item, meaning, why }));
  const distractors = ["How long TIME-WAIT lasts", "The maximum segment lifetime (MSL)"];
  const meanings = [...pairs.map((p) => p.meaning), ...distractors];
  const distractorWhy: Record<string, string> = {
    "How long TIME-WAIT lasts": "No sysctl sets how long TIME-WAIT lasts: it is the compile-time constant TCP_TIMEWAIT_LEN, 60 s (include/net/tcp.h).",
    "The maximum segment lifetime (MSL)": "Linux has no MSL setting at all; RFC 9293's MSL of 2 minutes appears nowhere in the kernel.",
  };
  const confusion = (item: string, meaning: string) => `${item} does not set “${meaning}”. ${distractorWhy[meaning] ?? pool.find((p) => p.item === item)!.hint}`;
  // What each pairing gets wrong, for every item and every meaning that is not its own: the
  // item's own facts, never which item the chosen meaning belongs to.
  // The wrong matches that show a catalogued misconception: a sysctl taken for TIME-WAIT's length or for an MSL.
  const misconceptionOf = (item: string, meaning: string): MisconceptionId | undefined =>
    meaning === "How long TIME-WAIT lasts"
      ? item === "net.ipv4.tcp_fin_timeout"
        ? "fin-timeout-sets-time-wait"
        : undefined
      : meaning === "The maximum segment lifetime (MSL)"
        ? item === "net.ipv4.tcp_fin_timeout"
          ? "fin-timeout-is-msl"
          : "linux-has-msl-setting"
        : undefined;
  const confusions = pairs.flatMap((pair) =>
    meanings
      .filter((meaning) => meaning !== pair.meaning)
      .map((meaning) => ({ item: pair.item, meaning, message: confusion(pair.item, meaning), misconception: misconceptionOf(pair.item, meaning) })),
  );
  const keyOf = (meaning: string) => `m${meanings.indexOf(meaning)}`;
  const exercise: ExerciseDefinition<Record<string, string>> = matchingExercise({
    id: "time-wait-match-sysctls",
    lessonId,
    title: "Which sysctl does what",
    prompt: "Match each sysctl to what it changes on Linux 6.18. Some effects belong to no sysctl at all.",
    pairs,
    distractors,
    draw: 5,
    confusions,
    hints: ["Linux's TIME-WAIT length is a compile-time constant (TCP_TIMEWAIT_LEN), not a sysctl."],
    solution:
      "tcp_fin_timeout limits orphaned FIN-WAIT-2; tcp_tw_reuse lets connect() reuse a TIME-WAIT port (with timestamps), once the TIME-WAIT is older than tcp_tw_reuse_delay; tcp_max_tw_buckets caps the number of TIME-WAIT sockets; ip_local_port_range is the ephemeral port pool; tcp_rfc1337 = 1 makes TIME-WAIT ignore RSTs; tcp_timestamps turns the timestamp option on; tcp_orphan_retries bounds the retransmissions of a socket its application has closed. TIME-WAIT itself is fixed at 60 s by TCP_TIMEWAIT_LEN in include/net/tcp.h, and Linux has no MSL setting (ip-sysctl.rst).",
    testAnswers: {
      incorrect(seed) {
        const right = exercise.correctAnswer(seed) as Record<string, string>;
        const [first] = Object.keys(right);
        return [
          { answer: { ...right, [first!]: keyOf("How long TIME-WAIT lasts") }, mistake: /TCP_TIMEWAIT_LEN/ },
          { answer: { ...right, [first!]: keyOf("The maximum segment lifetime (MSL)") }, mistake: /no MSL setting/ },
          ...matchingWrongAnswers(exercise, seed, meanings, confusion),
        ];
      },
      invalid: [{ "net.ipv4.tcp_fin_timeout": "m0" }, { "net.ipv4.ip_local_port_range": "m42", "net.ipv4.tcp_fin_timeout": "m0", "net.ipv4.tcp_tw_reuse": "m1", "net.ipv4.tcp_rfc1337": "m4", "net.ipv4.tcp_timestamps": "m6" }],
    },
  });
  return exercise;
}

// ------------------------------------------------------------------ variants

/** Who holds TIME-WAIT: the close as tcpdump printed it decides, so each scenario has its own answer. */
function timeWaitWhoWaits() {
  type Side = "server" | "client" | "both";
  type Scenario = { prompt: string; material: string[]; materialLabel: string; answer: Side; solution: string };
  const scenarios: Scenario[] = [
    {
      prompt: "An HTTP/1.0 server sends its response and calls close() right away; the client reads the response and calls close() 0.5 s later. Which socket ends in TIME-WAIT?",
      material: [
        "t=1.0001 server > client [F.] seq 51 ack 101",
        "t=1.0413 client > server [.]  seq 101 ack 52",
        "t=1.5001 client > server [F.] seq 101 ack 52",
        "t=1.5001 server > client [.]  seq 52 ack 102",
      ],
      materialLabel: "The close, as tcpdump printed it (Linux 6.18 capture server-active-close)",
      answer: "server",
      solution:
        "RFC 9293 §3.6: the side whose application closes first sends the first FIN and is the one that passes through TIME-WAIT. Here the server's FIN (seq 51) comes first and the client ACKs it (ack 52) before sending its own FIN half a second later. In the Linux 6.18 capture server-active-close the server's TIME-WAIT was seen from t=1.506 s until t=62.549 s, and the client went from CLOSE-WAIT to LAST-ACK to gone.",
    },
    {
      prompt: "A client reads a response, calls close(), and the server's application calls close() 0.5 s later. Which socket ends in TIME-WAIT?",
      material: [
        "t=1.0001 client > server [F.] seq 101 ack 51",
        "t=1.0431 server > client [.]  seq 51 ack 102",
        "t=1.5015 server > client [F.] seq 51 ack 102",
        "t=1.5016 client > server [.]  seq 102 ack 52",
      ],
      materialLabel: "The close, as tcpdump printed it (Linux 6.18 capture client-active-close)",
      answer: "client",
      solution:
        "RFC 9293 §3.6: the side that sends the first FIN is the active closer and passes through FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT. Here the client's FIN (seq 101) comes first; the server ACKs it (ack 102), sends its own FIN 0.5 s later, and the client's last ACK (ack 52) puts the client in TIME-WAIT. In the capture client-active-close the client's TIME-WAIT lasted from t=1.511 s to t=61.578 s (TCP_TIMEWAIT_LEN, 60 s); the server went CLOSE-WAIT, LAST-ACK, gone.",
    },
    {
      prompt: "Client and server both call close() at t = 1.0 s, with nothing left to send. Which socket ends in TIME-WAIT?",
      material: [
        "t=1.0001 client > server [F.] seq 1 ack 1",
        "t=1.0001 server > client [F.] seq 1 ack 1",
        "t=1.0002 client > server [.]  seq 2 ack 2",
        "t=1.0002 server > client [.]  seq 2 ack 2",
      ],
      materialLabel: "The close, as tcpdump printed it (Linux 6.18 capture simultaneous-close)",
      answer: "both",
      solution:
        "Both FINs carry ack 1: neither side had received the other's FIN when it sent its own, so the FINs crossed. That is a simultaneous close (RFC 9293 §3.6, figure 13): each side goes FIN-WAIT-1, then CLOSING when the peer's FIN arrives, then TIME-WAIT when its own FIN is ACKed. In the capture simultaneous-close both sockets were in TIME-WAIT 3 to 4 ms after the close (CLOSING lasted less than the 10 ms polling period).",
    },
    {
      prompt: "A client calls close(); the server's application reads end of file and calls close() 1 ms later, before its delayed ACK has gone out. Which socket ends in TIME-WAIT?",
      material: [
        "t=1.0001 client > server [F.] seq 101 ack 1",
        "t=1.0010 server > client [F.] seq 1 ack 102",
        "t=1.0011 client > server [.]  seq 102 ack 2",
      ],
      materialLabel: "The close, as tcpdump printed it (Linux 6.18 capture three-segment-close)",
      answer: "client",
      solution:
        "Only three segments, and the FINs are 1 ms apart, but they did not cross: the server's FIN carries ack 102, so it acknowledges the client's FIN (seq 101). The client closed first; the server was already in CLOSE-WAIT and its close() sent FIN and ACK in one segment (LAST-ACK). The client, the active closer, ACKs that FIN and enters TIME-WAIT (RFC 9293 §3.6); the server's socket is gone when that ACK arrives. The capture three-segment-close shows the client in TIME-WAIT at 1.004 s and the server CLOSED at 1.006 s.",
    },
  ];
  const label: Record<Side | "neither", string> = {
    server: "The server's socket only",
    client: "The client's socket only",
    both: "Both sockets",
    neither: "Neither: Linux skips TIME-WAIT when tcp_fin_timeout is 60",
  };
  // What a wrong pick gets wrong, for each scenario's answer: the rule and where to look, never the answer itself.
  const wrongWhy: Record<Side | "neither", string> = {
    server: "TIME-WAIT belongs to whoever closes first, the side that sends a FIN before it has received the peer's (RFC 9293 §3.6), not to the server role. Check which FIN comes first and what each FIN acknowledges.",
    client: "TIME-WAIT belongs to whoever closes first, the side that sends a FIN before it has received the peer's (RFC 9293 §3.6), not to the client role. Check which FIN comes first and what each FIN acknowledges.",
    both: "Both sides enter TIME-WAIT only when the FINs cross, each sent before the other side's FIN arrived (RFC 9293 §3.6, simultaneous close). Look at the acknowledgment number of each FIN: does it acknowledge the other side's FIN?",
    neither: "tcp_fin_timeout does not control TIME-WAIT at all; it is the orphaned FIN-WAIT-2 timeout (ip-sysctl.rst). A normal close always leaves a TIME-WAIT on at least one side.",
  };
  const rightWhy: Record<Side, string> = {
    server: "Right: the server sent the first FIN, so it is the active closer and moves FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT (RFC 9293 §3.6).",
    client: "Right: the client sent the first FIN, the server's FIN acknowledges it, so the client is the active closer and ends in TIME-WAIT (RFC 9293 §3.6).",
    both: "Right: the FINs crossed (each carries ack 1), so both sides go FIN-WAIT-1 → CLOSING → TIME-WAIT (RFC 9293 §3.6, simultaneous close).",
  };
  // What picking a wrong side shows: TIME-WAIT tied to a role, or to tcp_fin_timeout.
  const wrongMisconception: Record<Side | "neither", MisconceptionId | undefined> = {
    server: "time-wait-on-server",
    client: "time-wait-on-client",
    both: undefined,
    neither: "fin-timeout-sets-time-wait",
  };
  const build = (s: Scenario) => {
    const options = (["server", "client", "both", "neither"] as const).map((value) => ({
      value,
      label: label[value],
      correct: value === s.answer,
      feedback: value === s.answer ? rightWhy[value as Side] : wrongWhy[value],
      misconception: value === s.answer ? undefined : wrongMisconception[value],
    }));
    const exercise: ExerciseDefinition<string[]> = choiceExercise({
      id: "time-wait-who-waits",
      lessonId,
      title: "Which side holds TIME-WAIT?",
      prompt: s.prompt,
      material: s.material.join("\n"),
      materialLabel: s.materialLabel,
      multiple: false,
      options,
      hints: ["The side that sends a FIN before it has received the other side's FIN is the one that waits."],
      solution: s.solution,
      testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, false), invalid: [] },
    });
    return exercise;
  };
  // Seed 1 gets the server-closes-first close; consecutive seeds cycle through all four.
  return scenarioExercise(scenarios.map(build), { offset: 3, invalid: [{ choice: "nobody-knows" }, { choice: ["server", "client"] }, { choice: [] }] });
}

/** The states of the side that closes first: a normal close, a simultaneous one, or a peer that never sends its FIN. */
function timeWaitActiveCloserStates() {
  type Item = { value: string; label: string };
  type Rule = { first: string; then: string; why: string };
  type Scenario = { prompt: string; items: Item[]; rules: Rule[]; solution: string };
  const established = { value: "ESTABLISHED", label: "ESTABLISHED" };
  const finWait1 = { value: "FIN-WAIT-1", label: "FIN-WAIT-1 (FIN sent)" };
  const sendsFin: Rule = { first: "ESTABLISHED", then: "FIN-WAIT-1", why: "close() on an open connection sends the FIN: that is what FIN-WAIT-1 means (RFC 9293 §3.10.4)." };
  const scenarios: Scenario[] = [
    {
      prompt: "Put the states the side that closes first goes through in order, from an open connection until the kernel forgets it (a normal four-segment close).",
      items: [
        established,
        finWait1,
        { value: "FIN-WAIT-2", label: "FIN-WAIT-2 (our FIN was ACKed)" },
        { value: "TIME-WAIT", label: "TIME-WAIT (the peer's FIN arrived and was ACKed)" },
        { value: "CLOSED", label: "CLOSED (after 60 s on Linux)" },
      ],
      rules: [
        sendsFin,
        { first: "FIN-WAIT-1", then: "FIN-WAIT-2", why: "The peer can only ACK our FIN after we have sent it: FIN-WAIT-2 means the ACK of our FIN has arrived." },
        { first: "FIN-WAIT-2", then: "TIME-WAIT", why: "In a normal close the peer's ACK of our FIN comes before its own FIN; TIME-WAIT starts when that FIN arrives and we ACK it." },
        { first: "TIME-WAIT", then: "CLOSED", why: "The active closer does not forget the connection at once: it waits in TIME-WAIT (60 s on Linux) before the socket is gone." },
      ],
      solution:
        "close() sends FIN: ESTABLISHED → FIN-WAIT-1. The peer's ACK of that FIN: → FIN-WAIT-2. The peer's own FIN, which we ACK: → TIME-WAIT. After 2 × MSL in RFC 9293 (§3.3.2, figure 5), after TCP_TIMEWAIT_LEN = 60 s on Linux (include/net/tcp.h): → CLOSED. The capture client-active-close shows FIN-WAIT-1 at 1.003 s, FIN-WAIT-2 at 1.044 s, TIME-WAIT at 1.511 s and the socket gone at 61.578 s.",
    },
    {
      prompt: "Both applications call close() at the same instant, so the two FINs cross in the network. Put the states one side goes through in order, from the open connection until the kernel forgets it.",
      items: [
        established,
        finWait1,
        { value: "CLOSING", label: "CLOSING (the peer's FIN arrived and was ACKed, ours is not yet ACKed)" },
        { value: "TIME-WAIT", label: "TIME-WAIT (our FIN was ACKed)" },
        { value: "CLOSED", label: "CLOSED (after 60 s on Linux)" },
      ],
      rules: [
        sendsFin,
        { first: "FIN-WAIT-1", then: "CLOSING", why: "CLOSING means a FIN arrived while our own FIN was still unacknowledged, so our FIN must have been sent already (RFC 9293 §3.10.7.4, FIN in FIN-WAIT-1)." },
        { first: "CLOSING", then: "TIME-WAIT", why: "In a simultaneous close the peer's FIN arrives before the ACK of ours; TIME-WAIT starts only when that ACK arrives." },
        { first: "TIME-WAIT", then: "CLOSED", why: "Even after a simultaneous close the socket is not forgotten at once: it waits in TIME-WAIT (60 s on Linux)." },
      ],
      solution:
        "close() sends FIN: ESTABLISHED → FIN-WAIT-1. The peer's FIN arrives before the ACK of ours: we ACK it and enter CLOSING (RFC 9293 §3.10.7.4). The peer's ACK of our FIN: CLOSING → TIME-WAIT. After TCP_TIMEWAIT_LEN = 60 s (include/net/tcp.h): CLOSED. Both sides take this path (RFC 9293 §3.6, figure 13); in the capture simultaneous-close CLOSING lasted under 10 ms and both sockets were then in TIME-WAIT.",
    },
    {
      prompt: "A client calls close(); the server ACKs the FIN but its application never closes its side (it leaks the socket in CLOSE-WAIT). Put the states the client's socket goes through in order, from the open connection until the kernel forgets it.",
      items: [
        established,
        finWait1,
        { value: "FIN-WAIT-2", label: "FIN-WAIT-2 (our FIN was ACKed)" },
        { value: "CLOSED", label: "CLOSED (tcp_fin_timeout later, no FIN having come)" },
      ],
      rules: [
        sendsFin,
        { first: "FIN-WAIT-1", then: "FIN-WAIT-2", why: "The server can only ACK our FIN after we have sent it: FIN-WAIT-2 means the ACK of our FIN has arrived." },
        { first: "FIN-WAIT-2", then: "CLOSED", why: "An orphaned socket waits in FIN-WAIT-2 for the peer's FIN, for at most tcp_fin_timeout seconds, before the kernel drops it (ip-sysctl.rst)." },
      ],
      solution:
        "close() sends FIN: ESTABLISHED → FIN-WAIT-1; the server's ACK: → FIN-WAIT-2. The server's FIN never comes, and the socket is orphaned (no process holds it), so it waits at most tcp_fin_timeout seconds (default 60, ip-sysctl.rst; tcp_fin_time() in include/net/tcp.h) and is then forgotten: no TIME-WAIT, which needs the peer's FIN. The capture fin-wait-2-orphan-timeout, with tcp_fin_timeout = 5, shows the FIN-WAIT-2 gone 5.2 s after it began.",
    },
  ];
  const build = (s: Scenario) => {
    const exercise: ExerciseDefinition<string[]> = orderingExercise({
      id: "time-wait-active-closer-states",
      lessonId,
      title: "The states of the active closer",
      prompt: s.prompt,
      items: s.items,
      rules: s.rules,
      solution: s.solution,
      testAnswers: { incorrect: (seed) => orderingWrongAnswers(exercise, seed, s.rules), invalid: [] },
    });
    return exercise;
  };
  // Seed 1 gets the normal close; consecutive seeds cycle through the three.
  return scenarioExercise(scenarios.map(build), {
    offset: 2,
    invalid: [{ order: ["ESTABLISHED"] }, { order: "ESTABLISHED FIN-WAIT-1" }, { order: ["ESTABLISHED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSED"] }],
  });
}

/** What tcp_fin_timeout changes: each variant asks it through one of several true consequences, among its own wrong ones. */
function timeWaitFinTimeout() {
  const options: ChoiceOption[] = [
    {
      value: "orphan-fw2",
      label: "How long an orphaned connection (no process holds it any more) may stay in FIN-WAIT-2 waiting for the peer's FIN",
      correct: true,
      feedback: "Right: ip-sysctl.rst defines it as the lifetime of an orphaned FIN-WAIT-2. The capture fin-wait-2-orphan-timeout shows the client's FIN-WAIT-2 gone ~5.2 s after close with tcp_fin_timeout=5.",
    },
    {
      value: "peer-never-closes",
      label: "How long this host keeps a connection it has closed when the peer ACKed its FIN but never sends a FIN of its own",
      correct: true,
      feedback: "Right: after close() the socket is orphaned, and an orphan waits in FIN-WAIT-2 for the peer's FIN at most tcp_fin_timeout seconds (ip-sysctl.rst; tcp_fin_time()). Then it is forgotten, without TIME-WAIT.",
    },
    {
      value: "close-wait-peer",
      label: "How long this host, after its application closed a connection, keeps it when the other end leaks its socket in CLOSE-WAIT",
      correct: true,
      feedback: "Right: the other end in CLOSE-WAIT never sends its FIN, so this side waits in an orphaned FIN-WAIT-2, for at most tcp_fin_timeout seconds (ip-sysctl.rst), and then forgets the connection.",
    },
    {
      value: "time-wait",
      label: "The TIME-WAIT duration: 15 s instead of 60 s",
      correct: false,
      feedback: "TIME-WAIT is TCP_TIMEWAIT_LEN, 60 s, a compile-time constant (include/net/tcp.h). In the capture client-active-close TIME-WAIT lasted 60.07 s; the sysctl does not touch it.",
      misconception: "fin-timeout-sets-time-wait",
    },
    {
      value: "msl",
      label: "The MSL, so 2MSL becomes 30 s",
      correct: false,
      feedback: "Linux has no MSL setting at all, and this sysctl is not one: TIME-WAIT is the fixed TCP_TIMEWAIT_LEN (include/net/tcp.h).",
      misconception: "fin-timeout-is-msl",
    },
    {
      value: "close-wait",
      label: "How long CLOSE-WAIT sockets live before the kernel closes them",
      correct: false,
      feedback: "No timer ends CLOSE-WAIT: only the application's close() does (RFC 9293 §3.3.2: it waits for the local user).",
      misconception: "close-wait-ended-by-kernel",
    },
    {
      value: "last-ack",
      label: "How long a closed socket in LAST-ACK keeps retransmitting its FIN to a peer that does not answer",
      correct: false,
      feedback: "LAST-ACK waits for the ACK of our FIN, which is retransmitted with backoff until tcp_orphan_retries' budget is spent (tcp_orphan_retries() in net/ipv4/tcp_timer.c); tcp_fin_timeout does not bound it.",
    },
    {
      value: "shutdown-fw2",
      label: "How long a socket whose application called shutdown(SHUT_WR), and still holds it, may wait in FIN-WAIT-2",
      correct: false,
      feedback: "A socket its application still holds is not orphaned: it may wait in FIN-WAIT-2 for as long as the application keeps it (man 7 tcp, TCP_LINGER2 and tcp_fin_timeout concern orphans).",
      misconception: "fin-timeout-limits-half-close",
    },
    {
      value: "syn-recv",
      label: "How long a half-open request (SYN-RECV) from a SYN flood stays in the SYN queue",
      correct: false,
      feedback: "A request's lifetime is set by its SYN-ACK retransmissions, tcp_synack_retries (reqsk_timer_handler() in net/ipv4/inet_connection_sock.c), not by tcp_fin_timeout.",
      misconception: "fin-timeout-helps-syn-flood",
    },
  ];
  const exercise: ExerciseDefinition<string[]> = choiceExercise({
    id: "time-wait-fin-timeout",
    lessonId,
    title: "What does tcp_fin_timeout change?",
    prompt: "A tuning guide tells you to set net.ipv4.tcp_fin_timeout = 15 \"to get rid of TIME_WAIT faster\". On Linux 6.18, which of these does that setting change?",
    multiple: false,
    options,
    draw: { correct: 1, wrong: 3 },
    solution:
      "tcp_fin_timeout: \"The length of time an orphaned (no longer referenced by any application) connection will remain in the FIN_WAIT_2 state before it is aborted at the local end\" (Documentation/networking/ip-sysctl.rst, default 60 s). Every correct option here is that rule seen from one side: a socket this host has closed, whose peer ACKed its FIN and never sends one (a peer stuck in CLOSE-WAIT, for instance). It changes nothing else: TIME-WAIT is fixed at TCP_TIMEWAIT_LEN = 60 s (include/net/tcp.h), Linux has no MSL setting, CLOSE-WAIT has no timer, LAST-ACK ends after tcp_orphan_retries' retransmissions, a socket still held after shutdown(SHUT_WR) is not orphaned, and SYN-RECV requests follow tcp_synack_retries.",
    testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, false), invalid: [{ choice: "fin-wait-3" }, { choice: ["orphan-fw2", "msl"] }] },
  });
  return exercise;
}

/** tcp_tw_reuse and friends: a pool of true and false statements, each with its source; each variant draws its own. */
function timeWaitReuseFacts() {
  const options: ChoiceOption[] = [
    {
      value: "reuse-outgoing",
      label: "tcp_tw_reuse=1 lets connect() take over a TIME-WAIT 4-tuple for a new outgoing connection once the TIME-WAIT is older than tcp_tw_reuse_delay (1000 ms) and the old connection used timestamps",
      correct: true,
      feedback: "True: tcp_twsk_unique() in net/ipv4/tcp_ipv4.c checks tw_ts_recent_stamp and tw_entry_stamp + tcp_tw_reuse_delay (ip-sysctl.rst).",
    },
    {
      value: "default-2",
      label: "The default tcp_tw_reuse is 2: reuse only for loopback connections",
      correct: true,
      feedback: "True (ip-sysctl.rst: \"2 - enable for loopback traffic only\", Default: 2).",
    },
    {
      value: "buckets-log",
      label: "When tcp_max_tw_buckets is reached, closing sockets are destroyed without TIME-WAIT and TcpExtTCPTimeWaitOverflow counts them",
      correct: true,
      feedback: "True: inet_twsk_alloc() returns NULL and tcp_time_wait() increments LINUX_MIB_TCPTIMEWAITOVERFLOW (net/ipv4/tcp_minisocks.c).",
    },
    {
      value: "bind-eaddrinuse",
      label: "Without SO_REUSEADDR, a program that bind()s its local port itself gets EADDRINUSE while a TIME-WAIT socket holds that port, whatever tcp_tw_reuse says",
      correct: true,
      feedback: "True: tcp_tw_reuse is read only when connect() picks the port; bind() checks conflicts in inet_csk_get_port() and inet_csk_bind_conflict() (net/ipv4/inet_connection_sock.c). The capture time-wait-bind-eaddrinuse shows it.",
    },
    {
      value: "new-syn",
      label: "A server that closed first lets a new SYN from the same client address and port take over its TIME-WAIT socket if the SYN's sequence number is above the old connection's or its timestamp is newer",
      correct: true,
      feedback: "True: RFC 9293 §3.6.1 allows it (MAY-2), and tcp_timewait_state_process() in net/ipv4/tcp_minisocks.c returns TCP_TW_SYN in those two cases; the capture time-wait-new-syn shows it 0.9 s into the TIME-WAIT.",
    },
    {
      value: "assassination",
      label: "With the default tcp_rfc1337 = 0, an RST carrying the sequence number a TIME-WAIT socket expects ends that TIME-WAIT at once",
      correct: true,
      feedback: "True: tcp_timewait_state_process() kills the TIME-WAIT socket on such an RST unless tcp_rfc1337 is set (\"TIME_WAIT assassination\", RFC 1337 §3 fix F1 is to ignore it).",
    },
    {
      value: "reuse-isn",
      label: "When Linux lets a new connection take over a TIME-WAIT 4-tuple, it starts the new sequence numbers 65537 above the old connection's next sequence number",
      correct: true,
      feedback: "True: tcp_twsk_unique() and tcp_timewait_state_process() use tw_snd_nxt + 65535 + 2, so old segments fall below the new window.",
    },
    {
      value: "reuse-server",
      label: "tcp_tw_reuse=1 shrinks the TIME-WAIT pile of a server that closes first",
      correct: false,
      feedback:
        "False: it only acts in connect(), when a new outgoing connection needs a port (tcp_twsk_unique() in net/ipv4/tcp_ipv4.c). A server's TIME-WAIT sockets are not taken over by anything it does itself.",
      misconception: "tw-reuse-shrinks-server-pile",
    },
    {
      value: "recycle",
      label: "tcp_tw_recycle=1 is the safer alternative for servers behind NAT",
      correct: false,
      feedback: "False: tcp_tw_recycle was removed in Linux 4.12 (commit 4396e46187ca) because it dropped SYNs from clients behind NAT, whose timestamps are not monotonic.",
      misconception: "tw-recycle-exists",
    },
    {
      value: "reuse-no-ts",
      label: "tcp_tw_reuse=1 also reuses TIME-WAIT 4-tuples of connections that ran without TCP timestamps",
      correct: false,
      feedback: "False: tcp_twsk_unique() reuses a TIME-WAIT only if the old connection recorded a timestamp (tw_ts_recent_stamp); without timestamps nothing would reject its old duplicates (PAWS, RFC 7323 §5).",
    },
    {
      value: "reuseaddr-shortens",
      label: "Setting SO_REUSEADDR on a socket makes its TIME-WAIT shorter",
      correct: false,
      feedback: "False: SO_REUSEADDR changes what bind() allows (man 7 socket; inet_bind_conflict() in net/ipv4/inet_connection_sock.c); the TIME-WAIT socket still lasts TCP_TIMEWAIT_LEN.",
      misconception: "so-reuseaddr-shortens-time-wait",
    },
    {
      value: "buckets-fixed",
      label: "tcp_max_tw_buckets defaults to 180000 on every machine",
      correct: false,
      feedback: "False: its default is half the number of buckets of the namespace's TCP hash table, so it depends on memory (tcp_set_hashinfo(), called by tcp_sk_init() in net/ipv4/tcp_ipv4.c).",
      misconception: "tw-buckets-default-180000",
    },
  ];
  const exercise: ExerciseDefinition<string[]> = choiceExercise({
    id: "time-wait-reuse-facts",
    lessonId,
    title: "tcp_tw_reuse and friends",
    prompt: "Which statements about Linux 6.18 are true?",
    multiple: true,
    options,
    draw: { correct: [2, 3], wrong: 3 },
    solution:
      "tcp_tw_reuse (0 off, 1 on, 2 loopback only, default 2) and tcp_tw_reuse_delay (default 1000 ms) are documented in Documentation/networking/ip-sysctl.rst; the check is tcp_twsk_unique() in net/ipv4/tcp_ipv4.c, only in connect(), only with timestamps, and a taken-over 4-tuple starts 65537 above the old snd_nxt. bind() of a port held by TIME-WAIT fails with EADDRINUSE unless SO_REUSEADDR is set on both sockets (inet_bind_conflict()), which does not shorten TIME-WAIT. A server's TIME-WAIT ends early only through the peer: a new SYN that passes the checks of tcp_timewait_state_process() (RFC 9293 §3.6.1), or an in-window RST while tcp_rfc1337 = 0. tcp_tw_recycle no longer exists (removed in 4.12). tcp_max_tw_buckets: half the namespace's hash buckets by default; inet_twsk_alloc() refuses beyond it and tcp_time_wait() counts TCPTimeWaitOverflow.",
    testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, true), invalid: [{ choice: ["reuse-outgoing", "tw-recycle-2"] }, { choice: [] }] },
  });
  return exercise;
}
