// Exercises of the lesson on the SYN flood (index.mdx beside this file).
// The numeric ones compute their answers with the kernel's own rules, exported
// here so the tests can check them against the simulator (lib/tcp).
import { choiceExercise, type ChoiceOption } from "@/lib/exercises/kinds/choice";
import type { MisconceptionId } from "@/lib/exercises/misconceptions";
import { numericExercise, type NumericVariant, numericTestAnswers, type NumericMistake } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import { simulatorTaskExercise } from "@/lib/exercises/kinds/simulatorTask";
import { synFloodSysctlsTask } from "@/lib/labs/tasks/synFloodSysctls";
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { variantRandom } from "@/lib/exercises/variantRandom";
import { choiceWrongAnswers, orderingWrongAnswers, scenarioExercise } from "@/lib/exercises/variants";

const lessonId = "lesson-syn-flood";

/** A classic wrong number, its feedback, and what that feedback must name (the catalog test checks it). */
type Mistake = NumericMistake;
type Variant = Omit<NumericVariant, "mistakes"> & { mistakes: Mistake[] };
type Random = ReturnType<typeof variantRandom>;

/** Keeps the mistakes that differ from the answer and from every earlier mistake (the first match wins in grading). */
function distinct(answer: number, tolerance: number, mistakes: Mistake[]): Mistake[] {
  const kept: Mistake[] = [];
  for (const m of mistakes) {
    if (Math.abs(m.value - answer) <= tolerance) continue;
    if (kept.some((k) => Math.abs(k.value - m.value) <= tolerance)) continue;
    kept.push(m);
  }
  return kept;
}


const NOT_A_NUMBER = [{ value: "63 s" }, { value: "" }, { value: "twelve" }, {}];

/** TCP_TIMEOUT_INIT (1 s) and TCP_RTO_MAX (120 s), include/net/tcp.h. */
const TIMEOUT_INIT = 1;
const RTO_MAX = 120;

/**
 * How many established connections wait in the accept queue before it counts
 * as full: sk_max_ack_backlog = min(backlog, somaxconn) (__sys_listen,
 * net/socket.c) and sk_acceptq_is_full() tests '>' (include/net/sock.h), so one more fits.
 */
export function acceptQueueCapacity(backlog: number, somaxconn: number): number {
  return Math.min(backlog, somaxconn) + 1;
}

/**
 * Seconds from the first SYN-ACK until Linux drops an unanswered request:
 * the SYN-ACK timer starts at TCP_TIMEOUT_INIT and doubles, capped at
 * TCP_RTO_MAX (reqsk_timer_handler, net/ipv4/inet_connection_sock.c); the
 * request dies when the timer fires after the last retransmission.
 */
export function synAckGiveUpSeconds(synackRetries: number): number {
  let total = 0;
  for (let k = 0; k <= synackRetries; k++) total += Math.min(TIMEOUT_INIT * 2 ** k, RTO_MAX);
  return total;
}

/**
 * When the client sends its (n+1)-th SYN, counted from the first, in Linux
 * 6.18: the first tcp_syn_linear_timeouts (4) retransmissions keep the 1 s
 * initial RTO, then it doubles from 1 s again (tcp_retransmit_timer,
 * net/ipv4/tcp_timer.c; ip-sysctl.rst "tcp_syn_linear_timeouts").
 */
export function synRetransmitAt(n: number, linearTimeouts = 4): number {
  let t = 0;
  for (let i = 0; i < n; i++) {
    const rto = i <= linearTimeouts ? TIMEOUT_INIT : Math.min(TIMEOUT_INIT * 2 ** (i - linearTimeouts), RTO_MAX);
    t += rto;
  }
  return t;
}

function acceptQueueVariant(random: Random): Variant {
  const backlog = random.pick([16, 64, 100, 128, 511, 1024, 4096, 8192, 65535]);
  // Never equal: then one of the two classic somaxconn mistakes always applies.
  const somaxconn = random.pick([128, 1024, 4096, 16384].filter((v) => v !== backlog));
  const limit = Math.min(backlog, somaxconn);
  const answer = acceptQueueCapacity(backlog, somaxconn);
  return {
    prompt: `A server calls listen(fd, ${backlog}) on Linux 6.18 with net.core.somaxconn = ${somaxconn}, then stops calling accept(). Clients keep connecting. How many connections complete the handshake and wait in the accept queue before the kernel starts dropping handshakes (TcpExtListenOverflows)?`,
    answer,
    tolerance: 0,
    solution: `The kernel caps the backlog: sk_max_ack_backlog = min(${backlog}, ${somaxconn}) = ${limit} (__sys_listen in net/socket.c). The queue counts as full only when it holds MORE than that: sk_acceptq_is_full() tests sk_ack_backlog > sk_max_ack_backlog (include/net/sock.h). So ${limit} + 1 = ${answer} connections fit; \`ss -ltn\` would show Recv-Q ${answer} and Send-Q ${limit}.`,
    mistakes: distinct(answer, 0, [
      {
        value: limit,
        message: `${limit} is sk_max_ack_backlog itself, but the queue is full only above it: the test is '>' not '>=' (sk_acceptq_is_full in include/net/sock.h).`,
        names: /'>' not '>='/,
        misconception: "accept-queue-holds-backlog",
      },
      ...(backlog !== limit
        ? [
            {
              value: backlog + 1,
              message: `somaxconn caps the backlog you pass to listen(): the kernel keeps min(backlog, somaxconn) (__sys_listen in net/socket.c).`,
              names: /somaxconn caps the backlog/,
              misconception: "backlog-not-capped-by-somaxconn" as const,
            },
          ]
        : []),
      ...(somaxconn !== limit
        ? [{ value: somaxconn + 1, message: `somaxconn is only an upper bound; the program asked for ${backlog}, which is smaller.`, names: /only an upper bound/, misconception: "somaxconn-sets-queue-size" as const }]
        : []),
    ]),
  };
}

const acceptQueueCapacityExercise = numericExercise({
  id: "syn-flood-accept-queue-capacity",
  lessonId,
  title: "How many connections fit in the accept queue?",
  label: "Connections",
  generate: acceptQueueVariant,
  testAnswers: numericTestAnswers(acceptQueueVariant, NOT_A_NUMBER),
});

function synAckGiveUpVariant(random: Random): Variant {
  const retries = random.int(1, 8);
  const answer = synAckGiveUpSeconds(retries);
  const timeouts: number[] = [];
  for (let k = 0; k <= retries; k++) timeouts.push(Math.min(2 ** k, RTO_MAX));
  const lastRetransmit = answer - (timeouts[timeouts.length - 1] ?? 0);
  return {
    prompt: `A spoofed SYN reaches a Linux 6.18 listener whose SYN queue is far from full. The server answers with a SYN-ACK that nobody will ever acknowledge. With net.ipv4.tcp_synack_retries = ${retries}, how many seconds after that first SYN-ACK does the kernel drop the request (the SYN-RECV entry disappears)?`,
    answer,
    tolerance: 0,
    unit: "s",
    solution: `The SYN-ACK timer starts at TCP_TIMEOUT_INIT = 1 s and doubles after each retransmission, never above TCP_RTO_MAX = 120 s (reqsk_timer_handler in net/ipv4/inet_connection_sock.c). ${retries} retransmission(s) means ${retries + 1} timeouts: ${timeouts.join(" + ")} = ${answer} s. The last SYN-ACK goes out at ${lastRetransmit} s; the request is dropped when the timer after it fires. With the default 5 that is 1+2+4+8+16+32 = 63 s, which the real capture syn-ack-retransmit shows (SYN-ACKs at +1, +3, +7, +15, +31 s, SYN-RECV gone at about +64.5 s with timer slack). Under pressure (SYN queue more than half full with old requests) Linux lowers the retries for old requests, down to 2.`,
    mistakes: distinct(answer, 0, [
      {
        value: lastRetransmit,
        message: `${lastRetransmit} s is when the last SYN-ACK is sent; the request stays until the timer after that one fires too.`,
        names: /when the last SYN-ACK is sent/,
      },
      {
        value: 180,
        message: "About 180 s is a figure from old blog posts, not the kernel's rule: add up the doubling timeouts 1, 2, 4, … (reqsk_timer_handler).",
        names: /old blog posts/,
        misconception: "synack-retries-180-seconds",
      },
      {
        value: 2 ** (retries + 1) - 1,
        message: "The doubling stops at TCP_RTO_MAX = 120 s (include/net/tcp.h): no single SYN-ACK timeout is longer than that.",
        names: /TCP_RTO_MAX = 120 s/,
        misconception: "backoff-has-no-cap",
      },
    ]),
  };
}

const synAckGiveUpExercise = numericExercise({
  id: "syn-flood-synack-giveup",
  lessonId,
  title: "How long does a spoofed SYN occupy the SYN queue?",
  label: "Seconds after the first SYN-ACK",
  generate: synAckGiveUpVariant,
  testAnswers: numericTestAnswers(synAckGiveUpVariant, NOT_A_NUMBER),
});

function legitLatencyVariant(random: Random): Variant {
  const drops = random.int(2, 8);
  const answer = synRetransmitAt(drops);
  const gaps: number[] = [];
  for (let i = 1; i <= drops; i++) gaps.push(synRetransmitAt(i) - synRetransmitAt(i - 1));
  return {
    prompt: `A server under a SYN flood has tcp_syncookies = 0 and a full SYN queue, so it drops SYNs. A legitimate client on Linux 6.18 (default tcp_syn_retries = 6, tcp_syn_linear_timeouts = 4) has its first ${drops} SYNs dropped; the next one gets through. Ignoring the round-trip time, how many seconds after the first SYN does connect() return?`,
    answer,
    tolerance: 0,
    unit: "s",
    solution: `Each dropped SYN costs one retransmission timeout. In Linux 6.18 the first tcp_syn_linear_timeouts = 4 retransmissions keep the initial 1 s RTO, then the RTO doubles from 1 s (ip-sysctl.rst "tcp_syn_linear_timeouts": RTOs 1, 1, 1, 1, 1, 2, 4, …). The gaps before the successful SYN are ${gaps.join(" + ")} = ${answer} s. The real capture syn-retransmit-default shows SYNs at +1.0, +2.0, +3.1, +4.1, +5.1, +7.1, +11.2, +19.4 s.`,
    mistakes: distinct(answer, 0, [
      {
        value: 2 ** drops - 1,
        message: `${2 ** drops - 1} s is the older schedule (1, 2, 4, 8 s …, exponential from the first retry). Linux 6.18 keeps 1 s for the first 4 retransmissions (tcp_syn_linear_timeouts = 4).`,
        names: /tcp_syn_linear_timeouts = 4/,
        misconception: "syn-backoff-doubles-from-start",
      },
      {
        value: 3 * (2 ** drops - 1),
        message: "That starts from a 3 s timeout, RFC 1122's initial RTO, which Linux keeps only as TCP_TIMEOUT_FALLBACK. The initial RTO is 1 s: TCP_TIMEOUT_INIT in include/net/tcp.h, after RFC 6298 §2.1.",
        names: /TCP_TIMEOUT_INIT/,
        misconception: "initial-rto-3-seconds",
      },
      {
        value: drops,
        message: "Only the first tcp_syn_linear_timeouts = 4 retransmissions keep the 1 s timeout; after them the RTO doubles (ip-sysctl.rst).",
        names: /after them the RTO doubles/,
        misconception: "no-exponential-backoff",
      },
    ]),
  };
}

const legitLatencyExercise = numericExercise({
  id: "syn-flood-legit-latency",
  lessonId,
  title: "What a dropped SYN costs a legitimate client",
  label: "connect() latency",
  generate: legitLatencyVariant,
  testAnswers: numericTestAnswers(legitLatencyVariant, NOT_A_NUMBER),
});

function ssListenVariant(random: Random): Variant {
  const sendQ = random.pick([128, 511, 1024, 4096]);
  const recvQ = random.int(Math.floor(sendQ / 2), sendQ);
  const answer = sendQ + 1 - recvQ;
  return {
    prompt: "This is ss -ltn on a Linux 6.18 server. How many more connections can finish their handshake and join the accept queue before the kernel starts dropping handshakes (while the application accepts none)?",
    material: `State   Recv-Q  Send-Q   Local Address:Port   Peer Address:Port\nLISTEN  ${recvQ}${" ".repeat(Math.max(1, 8 - String(recvQ).length))}${sendQ}${" ".repeat(Math.max(1, 9 - String(sendQ).length))}0.0.0.0:443          0.0.0.0:*`,
    materialLabel: "ss -ltn",
    answer,
    tolerance: 0,
    solution: `For a listening socket ss shows the accept queue: Recv-Q is the number of connections waiting for accept() (sk_ack_backlog) and Send-Q is its limit, sk_max_ack_backlog = min(backlog, somaxconn) (tcp_diag_get_info in net/ipv4/tcp_diag.c). The queue is full only above the limit (sk_acceptq_is_full tests '>'), so ${sendQ} + 1 - ${recvQ} = ${answer} more fit.`,
    mistakes: distinct(answer, 0, [
      {
        value: sendQ - recvQ,
        message: "One short: the accept queue is full only when it holds more than Send-Q (sk_acceptq_is_full tests '>').",
        names: /One short/,
        misconception: "accept-queue-holds-backlog",
      },
      { value: recvQ, message: "For a listener, Recv-Q is how many connections already wait, not how much room is left.", names: /already wait/ },
      { value: sendQ, message: "Send-Q of a listening socket is the queue's limit (sk_max_ack_backlog), not the room left in it.", names: /queue's limit/ },
    ]),
  };
}

const ssListenExercise = numericExercise({
  id: "syn-flood-ss-listen-room",
  lessonId,
  title: "Reading ss -ltn for a listener",
  label: "Connections",
  generate: ssListenVariant,
  testAnswers: numericTestAnswers(ssListenVariant, NOT_A_NUMBER),
});

const cookiesWhenExercise = cookiesWhen();

const ackOverflowExercise = finalAckOverflow();

const finTimeoutMythExercise = finTimeoutMyth();

const connRequestOrderExercise = connRequestOrder();

export const synFloodExercises: ExerciseDefinition<any>[] = [
  acceptQueueCapacityExercise,
  synAckGiveUpExercise,
  legitLatencyExercise,
  ssListenExercise,
  cookiesWhenExercise,
  ackOverflowExercise,
  finTimeoutMythExercise,
  connRequestOrderExercise,
  simulatorTaskExercise({
    id: "syn-flood-keep-clients",
    lessonId: "lesson-syn-flood",
    title: "Keep 90% of clients connecting during a 5,000 SYN/s flood",
    goal: "This server's application calls listen(128), and someone turned SYN cookies off. A flood of 5,000 spoofed SYNs a second starts; 10 real clients connect every second. Using only the sysctls below, get at least 90% of the real clients' connect() calls to succeed within the 10 s run. Try settings in the simulator, then submit: the server replays your changes through the same engine.",
    model: synFloodSysctlsTask,
    check: (metrics) =>
      Number(metrics.successPercent) >= 90
        ? { met: true, message: `${metrics.successPercent}% of the legitimate connects succeeded.` }
        : {
            met: false,
            message: `Only ${metrics.successPercent}% of the legitimate connects succeeded; 90% is the goal. The others were still retransmitting SYNs that the server dropped: their SYNs found the SYN queue full of spoofed requests, and at 5,000 SYN/s a queue of any size fills again at once.`,
          },
    example: { tcp_syncookies: "1" },
    hints: [
      "With listen(128), the SYN queue is full when it holds more than 128 half-open requests (inet_csk_reqsk_queue_is_full). With cookies off, tcp_max_syn_backlog can only lower that for peers that never completed a connection: they are dropped once more than 3/4 of it is queued, 97 requests at 128 (tcp_conn_request).",
      "Which setting lets the server answer a SYN without keeping any state for it?",
    ],
    solution:
      "Turn tcp_syncookies back on (1, the default, or 2). With listen(128) the SYN queue holds 129 requests (sk_max_ack_backlog, '>' check), so the flood fills it at once; with cookies off, every later SYN is dropped (TCPReqQFullDrop) and real clients wait out 1 s SYN retransmissions. With cookies, an overflowing SYN gets a SYN-ACK whose ISN encodes the connection, no state is kept, and a real client's ACK completes the handshake (net/ipv4/syncookies.c). Raising somaxconn does not help here: the application's backlog of 128 is the smaller number. tcp_max_syn_backlog cannot raise the limit either; with cookies off it can only lower it for unproven peers (to 97 requests at its minimum, 128), and fewer SYN-ACK retries only empty the queue for the flood to refill.",
    testAnswers: {
      incorrect: () => [
        { answer: { actions: [] }, mistake: /SYN queue full/ },
        { answer: { actions: [{ set: "tcp_max_syn_backlog", value: 65536 }, { set: "somaxconn", value: 65535 }] }, mistake: /a queue of any size fills again/ },
        { answer: { actions: [{ set: "tcp_synack_retries", value: 1 }] }, mistake: /SYN queue full of spoofed requests/ },
      ],
      invalid: [{ actions: "cookies please" }, { actions: [{ set: "tcp_syncookies", value: "3" }] }, { actions: [{ set: "backlog", value: 1024 }] }],
    },
  }),
];

// ------------------------------------------------------------------ variants

/** Which SYN gets a cookie depends on tcp_syncookies: 1, 2 or 0, each with its own answer. */
function cookiesWhen() {
  type Setting = 0 | 1 | 2;
  const values = ["syn-queue-full", "always", "accept-full", "max-syn-backlog", "no-cookie"] as const;
  type Value = (typeof values)[number];
  const label: Record<Value, string> = {
    "syn-queue-full": "Only a SYN that arrives while the listener's SYN queue is full (more requests than min(backlog, somaxconn)) and the accept queue has room",
    always: "Every SYN that finds room in the accept queue, whether the SYN queue is full or not",
    "accept-full": "A SYN that arrives while the accept queue is full",
    "max-syn-backlog": "Only a SYN that arrives once the SYN queue holds tcp_max_syn_backlog requests",
    "no-cookie": "None: with this setting the listener never answers with a cookie",
  };
  const answer: Record<Setting, Value> = { 1: "syn-queue-full", 2: "always", 0: "no-cookie" };
  const acceptFull =
    "No: when the accept queue is full, tcp_conn_request() drops the SYN, cookie or not (TcpExtListenOverflows, TcpExtListenDrops): a cookie would only produce another connection with nowhere to go.";
  const feedback: Record<Setting, Record<Value, string>> = {
    1: {
      "syn-queue-full": "Right: tcp_conn_request() calls tcp_syn_flood_action() when inet_csk_reqsk_queue_is_full(), and with tcp_syncookies = 1 that means a cookie (TcpExtTCPReqQFullDoCookies, TcpExtSyncookiesSent).",
      always: "A cookie for every SYN is what tcp_syncookies = 2 does (\"unconditionally\", ip-sysctl.rst); this listener's setting is not 2.",
      "accept-full": acceptFull,
      "max-syn-backlog": "In Linux 6.x the SYN queue is full at sk_max_ack_backlog = min(backlog, somaxconn), not at tcp_max_syn_backlog; that sysctl is read only when tcp_syncookies = 0 (tcp_conn_request() in net/ipv4/tcp_input.c).",
      "no-cookie": "With tcp_syncookies = 1 Linux does send cookies, in one situation (ip-sysctl.rst, tcp_syncookies).",
    },
    2: {
      "syn-queue-full": "A full SYN queue is what triggers a cookie with tcp_syncookies = 1; with this listener's setting the condition in tcp_conn_request() is a different one (ip-sysctl.rst, tcp_syncookies).",
      always: "Right: with 2, tcp_conn_request() asks \"syncookies == 2 || inet_csk_reqsk_queue_is_full()\", so every SYN gets a cookie and nothing is stored; a full accept queue still drops the SYN. ip-sysctl.rst: 2 enables \"unconditionally generation of syncookies\", for testing.",
      "accept-full": acceptFull,
      "max-syn-backlog": "In Linux 6.x tcp_max_syn_backlog never decides on a cookie: it is read only when tcp_syncookies = 0 (tcp_conn_request() in net/ipv4/tcp_input.c).",
      "no-cookie": "With this setting Linux does send cookies (ip-sysctl.rst, tcp_syncookies).",
    },
    0: {
      "syn-queue-full": "tcp_syn_flood_action() chooses a cookie on a full SYN queue only when tcp_syncookies is 1 or 2 (net/ipv4/tcp_input.c); look at this listener's setting.",
      always: "A cookie for every SYN is what tcp_syncookies = 2 does (ip-sysctl.rst); this listener's setting is not 2.",
      "accept-full": acceptFull,
      "max-syn-backlog": "With tcp_syncookies = 0, tcp_max_syn_backlog is read by the three-quarters rule: past 3/4 of it, SYNs from unproven peers are dropped (tcp_conn_request() in net/ipv4/tcp_input.c). Nothing in that rule sends a cookie.",
      "no-cookie": "Right: with tcp_syncookies = 0, tcp_syn_flood_action() returns false and a SYN that finds the SYN queue full is dropped (TcpExtTCPReqQFullDrop; \"Possible SYN flooding on port …. Dropping request.\" once per listener).",
    },
  };
  const solution: Record<Setting, string> = {
    1: "tcp_conn_request() (net/ipv4/tcp_input.c) first asks: tcp_syncookies == 2, or is the SYN queue full (inet_csk_reqsk_queue_is_full: qlen > sk_max_ack_backlog)? If so, tcp_syn_flood_action() sends a cookie when tcp_syncookies is 1 or 2, or drops the SYN when it is 0. Next it asks whether the accept queue is full and drops the SYN if so, cookie or not. ip-sysctl.rst: tcp_syncookies 1 = \"Send out syncookies when the syn backlog queue of a socket overflows\" (the default).",
    2: "tcp_conn_request() (net/ipv4/tcp_input.c) first asks: tcp_syncookies == 2, or is the SYN queue full? With 2 the answer is always yes, so tcp_syn_flood_action() marks every SYN for a cookie and no request sock is queued. The next check still drops the SYN when the accept queue is full. ip-sysctl.rst describes 2 as unconditional cookies, meant for testing: cookies lose window scaling and SACK unless the client sends timestamps.",
    0: "tcp_conn_request() (net/ipv4/tcp_input.c) first asks: tcp_syncookies == 2, or is the SYN queue full? If the queue is full, tcp_syn_flood_action() returns false with tcp_syncookies = 0 and the SYN is dropped (TcpExtTCPReqQFullDrop, TcpExtListenDrops). Cookies are never sent; the only extra rule with 0 is that unproven peers are dropped once the queue passes 3/4 of tcp_max_syn_backlog.",
  };
  // What a wrong pick shows: tcp_max_syn_backlog taken for the SYN queue's limit, cookies for every SYN, cookies for the accept queue.
  const misconception: Partial<Record<Value, MisconceptionId>> = {
    "max-syn-backlog": "max-syn-backlog-is-syn-queue-limit",
    always: "syn-cookies-always-on",
    "accept-full": "syn-cookies-help-accept-queue",
  };
  const build = (setting: Setting) => {
    const options = values.map((value) => ({
      value,
      label: label[value],
      correct: value === answer[setting],
      feedback: feedback[setting][value],
      misconception: value === answer[setting] ? undefined : misconception[value],
    }));
    const exercise: ExerciseDefinition<string[]> = choiceExercise({
      id: "syn-flood-cookies-when",
      lessonId,
      title: "When does Linux send a SYN cookie?",
      prompt: `net.ipv4.tcp_syncookies is ${setting}${setting === 1 ? " (the default)" : ""}. Which SYN does Linux 6.18 answer with a SYN cookie instead of a normal SYN-ACK?`,
      multiple: false,
      options,
      solution: solution[setting],
      testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, false), invalid: [] },
    });
    return exercise;
  };
  return scenarioExercise(([1, 2, 0] as Setting[]).map(build), { invalid: [{ choice: "never" }, { choice: ["always", "accept-full"] }] });
}

/** The final ACK meets a full accept queue, with tcp_abort_on_overflow 0 or 1; each variant draws its statements from a pool. */
function finalAckOverflow() {
  /** misconception: what believing the statement shows, in a variant where it is false. */
  type Statement = { value: string; label: string; truth: [boolean, boolean]; feedback: [string, string]; misconception?: MisconceptionId };
  const both = (text: string): [string, string] => [text, text];
  const statements: Statement[] = [
    {
      value: "ack-dropped",
      label: "The server drops the ACK and keeps the request in the SYN queue",
      truth: [true, false],
      feedback: [
        "Right: tcp_check_req() goes to listen_overflow, marks the request acked and drops the segment (net/ipv4/tcp_minisocks.c).",
        "Not with this setting: at listen_overflow, tcp_check_req() keeps the request only when tcp_abort_on_overflow is 0 (net/ipv4/tcp_minisocks.c).",
      ],
    },
    {
      value: "client-connected",
      label: "The client's connect() has already returned success",
      truth: [true, true],
      feedback: both("Right: the client moved to ESTABLISHED when it got the SYN-ACK (RFC 9293 §3.10.7.3). It learns of trouble only later."),
    },
    {
      value: "synack-again",
      label: "The server will retransmit the SYN-ACK later, and the client's new ACK may then get in",
      truth: [true, false],
      feedback: [
        "Right: the request's SYN-ACK timer keeps running (reqsk_timer_handler()), so a burst can recover once accept() catches up.",
        "Not with this setting: the request does not outlive the overflow (tcp_check_req(), listen_overflow), so there is nothing left to retransmit.",
      ],
    },
    {
      value: "counters",
      label: "TcpExtListenOverflows and TcpExtListenDrops go up",
      truth: [true, true],
      feedback: both("Right: tcp_v4_syn_recv_sock() counts both when sk_acceptq_is_full() (net/ipv4/tcp_ipv4.c, exit_overflow)."),
    },
    {
      value: "rst",
      label: "The server answers the ACK with an RST",
      truth: [false, true],
      misconception: "full-queue-sends-rst",
      feedback: [
        "Only with tcp_abort_on_overflow = 1. The default 0 lets a burst recover; ip-sysctl.rst warns that enabling it \"can harm clients of your server\".",
        "Right: with tcp_abort_on_overflow = 1, tcp_check_req() sends a reset for the ACK and removes the request (net/ipv4/tcp_minisocks.c).",
      ],
    },
    {
      value: "cookie",
      label: "The server sends a SYN cookie instead",
      truth: [false, false],
      misconception: "syn-cookies-help-accept-queue",
      feedback: both("Cookies answer SYNs when the SYN queue is full (tcp_syn_flood_action()); they do nothing for a full accept queue."),
    },
    {
      value: "client-econnreset",
      label: "The client's next call on the connection fails with ECONNRESET",
      truth: [false, true],
      misconception: "full-queue-sends-rst",
      feedback: [
        "Not with this setting: the server sends the client nothing at this point, so there is no reset to report; the client's first request just goes unanswered for a while.",
        "Right: the RST reaches a client that is already ESTABLISHED; its kernel drops the connection and the next call reports ECONNRESET (RFC 9293 §3.10.7.4, reset processing).",
      ],
    },
    {
      value: "new-syns-dropped",
      label: "While the accept queue stays full, new SYNs to this listener are dropped, cookie or not",
      truth: [true, true],
      feedback: both("Right: tcp_conn_request() checks sk_acceptq_is_full() right after the SYN-queue test and drops the SYN (TcpExtListenOverflows) (net/ipv4/tcp_input.c)."),
    },
    {
      value: "syn-sent",
      label: "The client is still in SYN-SENT, waiting for the server to accept()",
      truth: [false, false],
      misconception: "connect-waits-for-accept",
      feedback: both("The client's state changed when the SYN-ACK arrived, not when the server's application accepts: accept() is invisible on the wire (RFC 9293 §3.10.7.3)."),
    },
    {
      value: "abort-recommended",
      label: "ip-sysctl.rst recommends tcp_abort_on_overflow = 1 for busy servers",
      truth: [false, false],
      feedback: both("It says the opposite: enable it \"_only_ if you are really sure that listening daemon cannot be tuned to accept connections faster\", because it \"can harm clients of your server\" (ip-sysctl.rst)."),
    },
    {
      value: "app-fix",
      label: "The lasting fix is in the application: accept() faster, or a larger backlog for bursts",
      truth: [true, true],
      feedback: both("Right: an overflowing accept queue means accept() runs slower than connections arrive; SYN cookies and SYN-queue sysctls do not change that."),
    },
  ];
  const build = (abort: 0 | 1) => {
    const options = statements.map((s) => ({
      value: s.value,
      label: s.label,
      correct: s.truth[abort],
      feedback: s.feedback[abort],
      misconception: s.truth[abort] ? undefined : s.misconception,
    }));
    const exercise: ExerciseDefinition<string[]> = choiceExercise({
      id: "syn-flood-final-ack-overflow",
      lessonId,
      title: "The final ACK meets a full accept queue",
      prompt: `The application is slow to accept(); the accept queue is full and tcp_abort_on_overflow = ${abort}${abort === 0 ? " (the default)" : ""}. A client's final handshake ACK arrives for a request in the SYN queue. Which statements are true?`,
      multiple: true,
      options,
      draw: { correct: [2, 3], wrong: 3 },
      solution:
        abort === 0
          ? "When the handshake completes, the kernel must create a child socket and add it to the accept queue. If sk_acceptq_is_full(), tcp_v4_syn_recv_sock() fails (ListenOverflows, ListenDrops) and, with tcp_abort_on_overflow = 0, tcp_check_req() marks the request acked and drops the ACK. The request stays in the SYN queue, its timer retransmits the SYN-ACK, the client ACKs again, and once accept() has made room the connection goes through. The client, already ESTABLISHED, sees only silence meanwhile: its first request is retransmitted. New SYNs are dropped while the accept queue is full (tcp_conn_request()). The fix is in the application or the backlog."
          : "When the handshake completes, the kernel must create a child socket and add it to the accept queue. If sk_acceptq_is_full(), tcp_v4_syn_recv_sock() fails (ListenOverflows, ListenDrops) and, with tcp_abort_on_overflow = 1, tcp_check_req() answers the ACK with an RST and removes the request: no SYN-ACK follows. The client was already ESTABLISHED (its connect() returned) and its next call fails with ECONNRESET. New SYNs are dropped while the accept queue is full (tcp_conn_request()). ip-sysctl.rst advises against 1: the default 0 lets bursts recover. The fix is in the application or the backlog.",
      testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, true), invalid: [] },
    });
    return exercise;
  };
  return scenarioExercise([build(0), build(1)], { invalid: [{ choice: ["ack-dropped", "fin"] }, { choice: [] }] });
}

/** Which settings help against a SYN flood: a pool of ten, each variant draws its own. */
function finTimeoutMyth() {
  const options: ChoiceOption[] = [
    { value: "syncookies", label: "net.ipv4.tcp_syncookies = 1", correct: true, feedback: "Yes: with cookies a full SYN queue no longer shuts out legitimate clients (tcp_syn_flood_action(); it is the default)." },
    { value: "synack-retries", label: "net.ipv4.tcp_synack_retries = 2", correct: true, feedback: "Yes: each spoofed request then occupies the SYN queue for 1+2+4 = 7 s instead of 63 s (reqsk_timer_handler())." },
    { value: "synack-retries-3", label: "net.ipv4.tcp_synack_retries = 3", correct: true, feedback: "Yes: each spoofed request then leaves the SYN queue after 1+2+4+8 = 15 s instead of 63 s (reqsk_timer_handler())." },
    { value: "backlog", label: "A larger listen() backlog together with net.core.somaxconn", correct: true, feedback: "Yes: the SYN queue limit is min(backlog, somaxconn) in Linux 6.x (inet_csk_reqsk_queue_is_full()), so both must grow for a bigger queue." },
    {
      value: "max-syn-backlog",
      label: "net.ipv4.tcp_max_syn_backlog = 4096, with syncookies on",
      correct: false,
      feedback: "Not in Linux 6.x: with cookies on, the SYN queue's limit is min(backlog, somaxconn); tcp_max_syn_backlog is only consulted when tcp_syncookies = 0, by the three-quarters rule for unproven peers in tcp_conn_request().",
      misconception: "max-syn-backlog-is-syn-queue-limit",
    },
    {
      value: "keepalive-time",
      label: "net.ipv4.tcp_keepalive_time = 600",
      correct: false,
      feedback: "No: keepalive probes idle established connections whose application set SO_KEEPALIVE (ip-sysctl.rst); a spoofed request never gets past SYN-RECV.",
    },
    {
      value: "fin-timeout",
      label: "net.ipv4.tcp_fin_timeout = 30",
      correct: false,
      feedback: "No: tcp_fin_timeout is how long an orphaned connection stays in FIN-WAIT-2 (ip-sysctl.rst). A SYN flood never gets past SYN-RECV, so it is unaffected.",
      misconception: "fin-timeout-helps-syn-flood",
    },
    { value: "tw-reuse", label: "net.ipv4.tcp_tw_reuse = 1", correct: false, feedback: "No: tcp_tw_reuse lets this host's own connect() take over a port in TIME-WAIT (ip-sysctl.rst); a spoofed SYN never creates a TIME-WAIT socket." },
    {
      value: "syn-retries",
      label: "net.ipv4.tcp_syn_retries = 2",
      correct: false,
      feedback: "No: tcp_syn_retries limits the SYNs this host retransmits for its own connect() calls, the client side of a handshake (ip-sysctl.rst); a flood is about SYNs it receives.",
    },
    {
      value: "abort-on-overflow",
      label: "net.ipv4.tcp_abort_on_overflow = 1",
      correct: false,
      feedback: "No: it concerns the final ACK of a handshake that finds the accept queue full (tcp_check_req()); spoofed SYNs never send that ACK, and ip-sysctl.rst warns it \"can harm clients of your server\".",
    },
  ];
  const exercise: ExerciseDefinition<string[]> = choiceExercise({
    id: "syn-flood-fin-timeout-myth",
    lessonId,
    title: "Which settings help against a SYN flood?",
    prompt: "A popular article recommends these settings \"to prevent syn-flood\". Which of them actually change how Linux 6.18 copes with a SYN flood?",
    multiple: true,
    options,
    draw: { correct: [2, 3], wrong: 3 },
    solution:
      "The SYN queue is bounded by sk_max_ack_backlog = min(backlog, somaxconn) (tcp_conn_request, inet_csk_reqsk_queue_is_full); cookies take over when it overflows; tcp_synack_retries decides how long each fake request lingers (reqsk_timer_handler): 2 gives 7 s, 3 gives 15 s, the default 5 gives 63 s. tcp_fin_timeout belongs to the close: it limits orphaned FIN-WAIT-2 (ip-sysctl.rst), and a half-open connection never gets there. tcp_max_syn_backlog only matters with cookies off, where requests from unproven peers are dropped once the queue passes 3/4 of it. tcp_tw_reuse, tcp_keepalive_time and tcp_syn_retries concern TIME-WAIT, idle established connections and this host's own connects; tcp_abort_on_overflow concerns final ACKs, which spoofed SYNs never send.",
    testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, true), invalid: [{ choice: ["syncookies", "tcp_tw_recycle"] }, {}] },
  });
  return exercise;
}

/** The steps of tcp_conn_request() in the order the code takes them: a pool of eight, four per variant. */
function connRequestOrder() {
  const items = [
    { value: "synq-full", label: "Is tcp_syncookies 2, or is the SYN queue full? If so: cookie (tcp_syncookies ≥ 1) or drop (0)" },
    { value: "acceptq-full", label: "Is the accept queue full? If so: drop the SYN (ListenOverflows)" },
    { value: "alloc", label: "Allocate a request sock and parse the SYN's TCP options (MSS, window scale, SACK, timestamps)" },
    { value: "unproven", label: "With tcp_syncookies = 0: is the SYN queue past 3/4 of tcp_max_syn_backlog and the peer unproven? If so: drop" },
    { value: "isn", label: "Choose the SYN-ACK's sequence number: a fresh secure ISN, or the cookie" },
    { value: "queue", label: "Unless it is a cookie: add the request sock to the SYN queue and start its SYN-ACK timer" },
    { value: "synack", label: "Send the SYN-ACK" },
    { value: "free", label: "For a cookie: free the request sock again, so nothing is stored" },
  ];
  const rules = [
    { first: "synq-full", then: "acceptq-full", why: "The SYN queue (and tcp_syncookies = 2) is asked about first: whether a cookie will be sent decides how the rest goes, and a full accept queue drops the SYN either way." },
    { first: "acceptq-full", then: "alloc", why: "Nothing is allocated for a SYN that a full queue is about to drop: both queue checks come before inet_reqsk_alloc()." },
    { first: "synq-full", then: "alloc", why: "Whether a cookie is wanted is known before the request sock is allocated: inet_reqsk_alloc() is told whether to attach it to the listener (!want_cookie)." },
    { first: "alloc", then: "unproven", why: "The three-quarters rule asks tcp_peer_is_proven(req, dst), which needs the request sock and its route: it comes after the allocation." },
    { first: "acceptq-full", then: "unproven", why: "The three-quarters rule comes after the accept-queue check, inside `if (!want_cookie && !isn)`: it only applies to a request that will really be queued." },
    { first: "unproven", then: "isn", why: "A fresh ISN is computed only once the three-quarters rule has let the SYN through (isn = af_ops->init_seq() at the end of that block); a cookie ISN comes after it too." },
    { first: "alloc", then: "isn", why: "The ISN is stored in the request sock (tcp_rsk(req)->snt_isn), and a cookie encodes the MSS parsed from the SYN's options: the request sock and options come first." },
    { first: "isn", then: "queue", why: "The request is hashed into the SYN queue with its ISN already set, so that the client's ACK can be checked against it." },
    { first: "unproven", then: "queue", why: "Nothing is hashed into the SYN queue until every check has passed: a dropped SYN leaves no trace." },
    { first: "queue", then: "synack", why: "inet_csk_reqsk_queue_hash_add() runs before send_synack(): the request and its timer exist before the SYN-ACK leaves, so an ACK that comes back fast finds it." },
    { first: "isn", then: "synack", why: "The SYN-ACK carries the ISN, so the ISN (or cookie) must be chosen first." },
    { first: "synack", then: "free", why: "A cookie's request sock is needed to build the SYN-ACK; only after send_synack() does tcp_conn_request() free it (reqsk_free())." },
  ];
  const exercise: ExerciseDefinition<string[]> = orderingExercise({
    id: "syn-flood-conn-request-order",
    lessonId,
    title: "What Linux checks when a SYN reaches a listener",
    prompt: "Put these steps of tcp_conn_request() (net/ipv4/tcp_input.c, Linux 6.18), which handles every SYN that reaches a listener, in the order the code takes them.",
    items,
    draw: 4,
    rules,
    solution:
      "tcp_conn_request(): (1) `if ((syncookies == 2 || inet_csk_reqsk_queue_is_full(sk)) && !isn)` → tcp_syn_flood_action(): cookie or drop; (2) `if (sk_acceptq_is_full(sk))` → LISTEN_OVERFLOWS, drop; (3) inet_reqsk_alloc() and tcp_parse_options() on the SYN; (4) only for a non-cookie request with syncookies off: 'last quarter of backlog is filled with destinations proven to be alive'; (5) the ISN: af_ops->init_seq() for a normal request, cookie_init_sequence() for a cookie; (6) unless it is a cookie, inet_csk_reqsk_queue_hash_add() puts the request in the SYN queue with its timer; (7) af_ops->send_synack(); (8) for a cookie, reqsk_free(): nothing is stored.",
    testAnswers: { incorrect: (seed) => orderingWrongAnswers(exercise, seed, rules), invalid: [{ order: ["synq-full", "queue"] }, { order: "synq-full" }] },
  });
  return exercise;
}
