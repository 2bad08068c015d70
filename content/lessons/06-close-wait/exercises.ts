// Exercises of the lesson on debugging CLOSE-WAIT (index.mdx beside this file).
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { numericExercise, type NumericVariant, numericTestAnswers, type NumericMistake } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import { variantRandom } from "@/lib/exercises/variantRandom";

const lessonId = "lesson-close-wait";

/** A classic wrong number, its feedback, and what that feedback must name (the catalog test checks it). */
type Mistake = NumericMistake;
type Variant = Omit<NumericVariant, "mistakes"> & { mistakes: Mistake[] };
type Random = ReturnType<typeof variantRandom>;


const NOT_A_NUMBER = [{ value: "forever" }, { value: "" }, { value: "about 10" }, {}];

function leakCount(random: Random): Variant {
  const perSecond = random.pick([1, 2, 4, 5, 10]);
  const oneIn = random.pick([4, 5, 10, 20]);
  const minutes = random.pick([5, 10, 20, 30]);
  const answer = (perSecond * 60 * minutes) / oneIn;
  return {
    prompt: `A server gets ${perSecond} new connection${perSecond === 1 ? "" : "s"} per second. One connection in ${oneIn} is a load balancer health check that connects and closes without sending anything; the server's handler returns early when recv() returns 0 and forgets to close() the socket. Nothing else leaks. How many sockets are in CLOSE-WAIT ${minutes} minutes after the server started?`,
    answer,
    tolerance: Math.max(1, Math.round(answer * 0.01)),
    unit: "sockets",
    solution: `${perSecond}/s × ${60 * minutes} s = ${perSecond * 60 * minutes} connections, of which 1 in ${oneIn} is a health check: ${answer}. Each one's FIN put the server socket in CLOSE-WAIT, and nothing ever takes it out: Linux has no CLOSE-WAIT timeout, tcp_fin_timeout applies to the peer's orphaned FIN-WAIT-2 only. The count grows linearly until the process hits its descriptor limit (EMFILE) or restarts.`,
    mistakes: [
      {
        value: (perSecond * 60) / oneIn,
        message: "That is one minute's worth, as if each CLOSE-WAIT vanished after 60 s. No timer ends CLOSE-WAIT: they accumulate for the whole time.",
        names: /No timer ends CLOSE-WAIT/,
      },
      { value: perSecond * 60 * minutes, message: "Only the health checks leak: the normal requests go through close(fd).", names: /Only the health checks leak/ },
    ],
  };
}

function emfile(random: Random): Variant {
  const limit = random.pick([1024, 4096, 8192]);
  const base = random.pick([6, 8, 10, 12]);
  const perMinute = random.pick([4, 8, 16, 32]);
  const answer = Math.round(((limit - base) / perMinute) * 10) / 10;
  return {
    prompt: `A process runs with ulimit -n = ${limit} (RLIMIT_NOFILE). At start it holds ${base} descriptors (stdin, stdout, stderr, its listening socket, log files, ...). It leaks ${perMinute} sockets per minute in CLOSE-WAIT and holds no others for long. After how many minutes does accept() start failing with EMFILE ("Too many open files")? Give one decimal.`,
    answer,
    // One decimal: the forgotten start-up descriptors move the answer by at least 0.19 min.
    tolerance: 0.1,
    unit: "min",
    solution: `Every leaked socket keeps its file descriptor. ${limit} − ${base} = ${limit - base} descriptors are left, at ${perMinute} per minute: ${answer} minutes. Then accept() returns EMFILE while connections keep completing in the kernel's accept queue (man 2 accept). ls /proc/PID/fd | wc -l shows the count climbing.`,
    mistakes: [
      {
        value: Math.round((limit / perMinute) * 10) / 10,
        message: `The process already holds ${base} descriptors before it leaks anything; they count against the same limit.`,
        names: /already holds \d+ descriptors/,
      },
      {
        value: Math.round(((limit - base) / perMinute) * 60 * 10) / 10,
        message: "That number is in seconds; the leak rate is per minute, and so is the answer.",
        names: /in seconds/,
      },
    ],
  };
}

function peerForgets(random: Random): Variant {
  const closedAt = random.pick([1, 2, 5, 10]);
  const finTimeout = random.pick([5, 10, 20, 30, 45]);
  const answer = closedAt + finTimeout;
  return {
    prompt: `A client calls close() at t = ${closedAt} s on a connection to the leaking server; the server ACKs the FIN at once but never sends its own. The client's tcp_fin_timeout is ${finTimeout}. About when (in seconds since t = 0) does the client's kernel drop its orphaned FIN-WAIT-2 socket?`,
    answer,
    tolerance: 1,
    unit: "s",
    solution: `After close() the socket is orphaned (no process holds it). Once its FIN is ACKed it waits in FIN-WAIT-2 for at most tcp_fin_timeout seconds (ip-sysctl.rst), then the kernel forgets it: ${closedAt} + ${finTimeout} = ${answer} s, give or take timer rounding (the capture fin-wait-2-orphan-timeout, with tcp_fin_timeout=5, saw it gone 5.23 s after FIN-WAIT-2 began). Any later segment from the server, data or its eventual FIN, is answered with RST.`,
    mistakes: [
      { value: closedAt + 60, message: `60 s is the default tcp_fin_timeout; this client's is ${finTimeout}.`, names: /default tcp_fin_timeout/ },
      { value: closedAt + 2 * finTimeout, message: "There is no doubling: the orphaned FIN-WAIT-2 lives tcp_fin_timeout seconds.", names: /no doubling/ },
      {
        value: closedAt + finTimeout + 60,
        message: "No TIME-WAIT follows: an orphaned FIN-WAIT-2 that times out is simply forgotten. TIME-WAIT needs the peer's FIN, which never came.",
        names: /No TIME-WAIT follows/,
      },
    ],
  };
}

export const closeWaitExercises: ExerciseDefinition<any>[] = [
  choiceExercise({
    id: "close-wait-meaning",
    lessonId,
    title: "What CLOSE-WAIT means",
    prompt: "ss -tan on your server shows 3,000 sockets in CLOSE-WAIT, all on the server's port 8080. What does each of them mean?",
    multiple: false,
    hideAnswer: true,
    options: [
      {
        value: "app",
        label: "The client sent FIN, the server's kernel ACKed it, and the server application has not called close() on that socket",
        correct: true,
        feedback: "Right: CLOSE-WAIT is \"waiting for a connection termination request from the local user\" (RFC 9293 §3.3.2). Only the application can end it.",
      },
      {
        value: "kernel",
        label: "The server's kernel is waiting for the client's final ACK and will give up after tcp_fin_timeout",
        correct: false,
        feedback:
          "Waiting for the final ACK after the server's own FIN is LAST-ACK, and tcp_fin_timeout does not bound it either: the FIN is retransmitted with exponential backoff until tcp_orphan_retries (default 8) gives up, since after close() no process holds the socket, or tcp_retries2 if the application only called shutdown() (tcp_write_timeout() in net/ipv4/tcp_timer.c; ip-sysctl.rst). CLOSE-WAIT means the server has not sent its FIN at all, and no timer ends it.",
      },
      {
        value: "client",
        label: "The clients have crashed and never sent FIN",
        correct: false,
        feedback: "The opposite: a socket reaches CLOSE-WAIT only when the peer's FIN arrives. The clients closed properly.",
      },
      {
        value: "timewait",
        label: "They are TIME-WAIT sockets that will disappear after 60 s",
        correct: false,
        feedback: "TIME-WAIT is the active closer's state and has a 60 s timer; CLOSE-WAIT is the passive closer's and has none.",
      },
    ],
    solution:
      "RFC 9293 §3.3.2: CLOSE-WAIT \"represents waiting for a connection termination request from the local user\". The peer's FIN moved the socket ESTABLISHED → CLOSE-WAIT; it leaves only when the application calls close() (RFC 9293 §3.10.4: CLOSE in CLOSE-WAIT sends FIN and enters LAST-ACK) or the process exits. Linux has no CLOSE-WAIT timer, so thousands of them mean the application leaks sockets.",
    testAnswers: {
      incorrect: () => [
        { answer: { choice: "kernel" }, mistake: /LAST-ACK/ },
        { answer: { choice: "client" }, mistake: /only when the peer's FIN arrives/ },
        { answer: { choice: "timewait" }, mistake: /active closer's state/ },
      ],
      invalid: [{ choice: ["app", "kernel"] }, { choice: "leak" }],
    },
  }),

  orderingExercise({
    id: "close-wait-passive-closer-states",
    lessonId,
    title: "The states of the passive closer",
    prompt: "Order the states of the side that receives the first FIN, from an open connection until its socket is gone.",
    items: [
      { value: "ESTABLISHED", label: "ESTABLISHED" },
      { value: "CLOSE-WAIT", label: "CLOSE-WAIT (peer's FIN received and ACKed)" },
      { value: "LAST-ACK", label: "LAST-ACK (our application called close(): FIN sent)" },
      { value: "CLOSED", label: "CLOSED (our FIN was ACKed)" },
    ],
    hideAnswer: true,
    rules: [
      { first: "ESTABLISHED", then: "CLOSE-WAIT", why: "The connection is open until the peer's FIN arrives; that FIN is what moves the socket into CLOSE-WAIT." },
      {
        first: "CLOSE-WAIT",
        then: "LAST-ACK",
        why: "The passive closer waits in CLOSE-WAIT first, for its own application; only the application's close() sends our FIN and starts LAST-ACK (RFC 9293 §3.10.4).",
      },
      { first: "LAST-ACK", then: "CLOSED", why: "The socket is gone only once the peer has ACKed our FIN, which LAST-ACK waits for." },
    ],
    solution:
      "RFC 9293 §3.6 and figure 5: receive FIN → CLOSE-WAIT; the application's CLOSE sends FIN → LAST-ACK; the ACK of that FIN → CLOSED. The step from CLOSE-WAIT to LAST-ACK needs the application: that is why leaked sockets stay in CLOSE-WAIT.",
    testAnswers: {
      incorrect: () => [
        { answer: { order: ["ESTABLISHED", "LAST-ACK", "CLOSE-WAIT", "CLOSED"] }, mistake: /waits in CLOSE-WAIT first/ },
        { answer: { order: ["ESTABLISHED", "CLOSE-WAIT", "CLOSED", "LAST-ACK"] }, mistake: /only once the peer has ACKed our FIN/ },
        { answer: { order: ["CLOSE-WAIT", "ESTABLISHED", "LAST-ACK", "CLOSED"] }, mistake: /open until the peer's FIN arrives/ },
      ],
      invalid: [{ order: ["ESTABLISHED", "CLOSED"] }, { order: "ESTABLISHED,CLOSE-WAIT,LAST-ACK,CLOSED" }],
    },
  }),

  numericExercise({
    id: "close-wait-leak-count",
    lessonId,
    title: "How fast does CLOSE-WAIT pile up?",
    label: "Sockets in CLOSE-WAIT",
    generate: leakCount,
    hideAnswer: true,
    testAnswers: numericTestAnswers(leakCount, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "close-wait-emfile",
    lessonId,
    title: "When does accept() fail with EMFILE?",
    label: "Minutes until accept() fails",
    generate: emfile,
    hideAnswer: true,
    testAnswers: numericTestAnswers(emfile, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "close-wait-peer-forgets",
    lessonId,
    title: "When does the peer forget the connection?",
    label: "Time the client's socket disappears",
    generate: peerForgets,
    hideAnswer: true,
    testAnswers: numericTestAnswers(peerForgets, NOT_A_NUMBER),
  }),

  choiceExercise({
    id: "close-wait-read-the-pile",
    lessonId,
    title: "Read the state counts",
    prompt: "Two servers, two outputs of the same one-liner. Which statements are true?",
    material: [
      "server A$ netstat -nat | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'",
      "LISTEN 2",
      "ESTABLISHED 41",
      "TIME_WAIT 17892",
      "",
      "server B$ netstat -nat | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'",
      "LISTEN 2",
      "ESTABLISHED 38",
      "CLOSE_WAIT 4107",
    ].join("\n"),
    materialLabel: "State counts",
    multiple: true,
    hideAnswer: true,
    options: [
      {
        value: "a-normal",
        label: "Server A closes connections first; its TIME_WAIT count is about its connection rate × 60 s and is not a leak",
        correct: true,
        feedback: "True: TIME-WAIT sockets end on their own after 60 s; 17,892 is ~300 closes per second.",
      },
      {
        value: "b-bug",
        label: "Server B has an application bug: it does not close sockets whose peer has closed",
        correct: true,
        feedback: "True: CLOSE_WAIT only grows when close() is missing. Find the process with ss -tanp and the path that skips close().",
      },
      {
        value: "b-sysctl",
        label: "Server B's pile will drain by itself once tcp_fin_timeout (60 s) passes",
        correct: false,
        feedback: "False: no timer ends CLOSE-WAIT; tcp_fin_timeout concerns orphaned FIN-WAIT-2.",
      },
      {
        value: "a-ports",
        label: "Server A will run out of ephemeral ports because of its TIME_WAIT sockets",
        correct: false,
        feedback: "False: a server's TIME-WAIT sockets all use its listening port; they differ by the clients' addresses and ports. Port exhaustion hits clients that close first.",
      },
    ],
    solution:
      "TIME-WAIT belongs to the side that closed first and lasts 60 s (TCP_TIMEWAIT_LEN): a big number on a busy server is normal. CLOSE-WAIT belongs to the side that received the FIN and lasts until the application calls close(): a big, growing number is a descriptor leak.",
    testAnswers: {
      incorrect: () => [
        { answer: { choice: ["a-normal", "b-bug", "b-sysctl"] }, mistake: /no timer ends CLOSE-WAIT/ },
        { answer: { choice: ["a-normal", "b-bug", "a-ports"] }, mistake: /listening port/ },
        { answer: { choice: ["b-bug"] }, mistake: /1 more option is true as well/ },
      ],
      invalid: [{ choice: ["a-normal", "c-unknown"] }, { choice: [] }],
    },
  }),

  choiceExercise({
    id: "close-wait-fix",
    lessonId,
    title: "Fixing a CLOSE-WAIT pile",
    prompt: "Which change stops a CLOSE-WAIT pile like the one in the widget from coming back?",
    multiple: false,
    hideAnswer: true,
    options: [
      {
        value: "close-every-path",
        label: "Make every path that leaves the handler close the socket (close() in the early return, or a cleanup/finally/defer that always runs)",
        correct: true,
        feedback: "Right: CLOSE-WAIT ends only with the application's close(). Structure the code so no path can skip it.",
      },
      {
        value: "fin-timeout",
        label: "Lower net.ipv4.tcp_fin_timeout to 10",
        correct: false,
        feedback: "That bounds the peer's orphaned FIN-WAIT-2 (on the machine where you set it). It does nothing to CLOSE-WAIT.",
      },
      {
        value: "tw-reuse",
        label: "Set net.ipv4.tcp_tw_reuse = 1",
        correct: false,
        feedback: "That lets connect() reuse TIME-WAIT 4-tuples. These sockets are not in TIME-WAIT and the server does not connect out.",
      },
      {
        value: "restart",
        label: "Restart the service every night",
        correct: false,
        feedback: "A restart does close the leaked descriptors (the kernel closes them when the process exits), but the pile grows back: it hides the bug.",
      },
    ],
    solution:
      "Linux keeps a CLOSE-WAIT socket until its owner closes it: there is no timeout in net/ipv4/tcp_timer.c for that state. The fix is in the application: close the descriptor on every path (in C an early return needs its own close(); in languages with try/finally, with or defer, put the close there). Kernel sysctls cannot fix it.",
    testAnswers: {
      incorrect: () => [
        { answer: { choice: "fin-timeout" }, mistake: /orphaned FIN-WAIT-2/ },
        { answer: { choice: "tw-reuse" }, mistake: /not in TIME-WAIT/ },
        { answer: { choice: "restart" }, mistake: /hides the bug/ },
      ],
      invalid: [{ choice: "reboot" }, { choice: ["fin-timeout", "restart"] }],
    },
  }),
];
