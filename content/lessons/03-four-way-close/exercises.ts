// Exercises of the lesson on closing a connection (index.mdx beside this file).
// The unit tests of this lesson check the numeric answers against the simulator.
import type { ExerciseDefinition, IncorrectTestAnswer } from "@/lib/exercises/types";
import { distinctMistakes, numericExercise, numericTestAnswers } from "@/lib/exercises/kinds/numeric";
import { orderingExercise, type OrderingSpec } from "@/lib/exercises/kinds/ordering";
import { traceFillInExercise } from "@/lib/exercises/kinds/traceFillIn";
import { variantRandom } from "@/lib/exercises/variantRandom";
import { choiceWrongAnswers, opening, scenarioChoiceExercise, scenarioExercise, seededExercise as seeded, type ScenarioChoiceSpec } from "@/lib/exercises/variants";

type VariantRandom = ReturnType<typeof variantRandom>;

const lessonId = "lesson-four-way-close";

function finAckVariant(random: VariantRandom) {
  const isn = random.uint32();
  const bytes = random.int(1, 40) * 50;
  const finSeq = (isn + 1 + bytes) >>> 0;
  const answer = (finSeq + 1) >>> 0;
  return {
    prompt:
      `A client's ISN is ${isn}. After the handshake it sends ${bytes} bytes of data, which the server ACKs, and then calls close(). ` +
      "What acknowledgment number (absolute) does the server's ACK of that FIN carry?",
    answer,
    tolerance: 0,
    solution:
      `The SYN used sequence number ${isn}, so data starts at ${(isn + 1) >>> 0}; ${bytes} bytes use ${(isn + 1) >>> 0} to ${(isn + bytes) >>> 0}. ` +
      `The FIN's seq is the next one, ${finSeq}, and a FIN occupies one sequence number (RFC 9293 §3.4), so the ACK of the FIN is ${finSeq} + 1 = ${answer} (modulo 2^32).`,
    mistakes: distinctMistakes(answer, [
      { value: finSeq, message: "That is the FIN's own sequence number. The FIN occupies one sequence number, so its ACK is one more.", names: /FIN's own sequence number/, misconception: "fin-takes-no-sequence-number" },
      {
        value: (isn + bytes) >>> 0,
        message: "Remember that the SYN used the ISN itself: data starts at ISN + 1, and the FIN comes after the data and takes one more.",
        names: /SYN used the ISN itself/,
      },
      {
        value: bytes + 2,
        message: "That is the relative number tcpdump prints without -S, counted from the ISN; the question asks for the absolute one.",
        names: /relative number/,
      },
      ...(isn + bytes + 2 >= 4294967296
        ? [{ value: isn + bytes + 2, message: "Sequence numbers are 32-bit and wrap around: take the sum modulo 2^32 (RFC 9293 §3.4).", names: /wrap around/, misconception: "sequence-numbers-do-not-wrap" as const }]
        : []),
    ]),
  };
}

const finAck = numericExercise({
  id: "four-way-close-fin-ack",
  lessonId,
  title: "The ACK of a FIN",
  label: "Acknowledgment number",
  generate: finAckVariant,
  testAnswers: numericTestAnswers(finAckVariant),
});

function orphanLifetimeVariant(random: VariantRandom) {
  const finTimeout = random.int(3, 50);
  return {
    prompt:
      `On a Linux 6.18 host net.ipv4.tcp_fin_timeout = ${finTimeout}. An application calls close() on a connection; the peer ACKs the FIN but never sends its own FIN. ` +
      "How many seconds does the socket stay in FIN-WAIT-2 before the kernel drops it?",
    answer: finTimeout,
    tolerance: 0,
    unit: "s",
    solution:
      `After close() the socket is orphaned (no file descriptor refers to it), and an orphaned FIN-WAIT-2 is kept for tcp_fin_timeout seconds: ${finTimeout} s (tcp_fin_time() in include/net/tcp.h, used by tcp_rcv_state_process and tcp_close; "tcp_fin_timeout" in Documentation/networking/ip-sysctl.rst). ` +
      "Then it disappears without sending anything; a late segment from the peer draws an RST. A socket that entered FIN-WAIT-2 through shutdown(SHUT_WR) is not orphaned and waits for the peer's FIN indefinitely. tcp_fin_timeout has nothing to do with TIME-WAIT, which is a fixed 60 s.",
    mistakes: distinctMistakes(finTimeout, [
      { value: 60, message: "60 s is TCP_TIMEWAIT_LEN, the fixed TIME-WAIT length. An orphaned FIN-WAIT-2 lives tcp_fin_timeout seconds.", names: /TCP_TIMEWAIT_LEN/ },
      { value: 2 * finTimeout, message: "tcp_fin_timeout is not an MSL that gets doubled: it is the FIN-WAIT-2 lifetime itself.", names: /not an MSL that gets doubled/, misconception: "fin-timeout-is-msl" },
      { value: 0, message: "Linux does not drop it at once: it waits tcp_fin_timeout seconds for the peer's FIN.", names: /does not drop it at once/ },
      { value: 60 + finTimeout, message: "The FIN-WAIT-2 wait and TIME-WAIT do not add up here: the peer never sends its FIN, so this socket never reaches TIME-WAIT.", names: /never reaches TIME-WAIT/, misconception: "fin-wait-2-timeout-enters-time-wait" },
    ]),
  };
}

const orphanLifetime = numericExercise({
  id: "four-way-close-orphan-fin-wait-2",
  lessonId,
  title: "How long does an orphaned FIN-WAIT-2 live?",
  label: "Seconds in FIN-WAIT-2",
  generate: orphanLifetimeVariant,
  testAnswers: numericTestAnswers(orphanLifetimeVariant),
});

/** A single choice of one scenario of this lesson (see scenarioChoiceExercise). */
const scenarioChoice = (spec: ScenarioChoiceSpec) => scenarioChoiceExercise(lessonId, spec);

type OrderItem = { value: string; label: string };
type OrderRule = NonNullable<OrderingSpec["rules"]>[number];

/** An ordering of one scenario; wrong test answers swap the two items of a rule, which the feedback then names. */
function scenarioOrdering(spec: { id: string; title: string; prompt: string; items: OrderItem[]; rules: OrderRule[]; solution: string }) {
  const values = spec.items.map((item) => item.value);
  return orderingExercise({
    id: spec.id,
    lessonId,
    title: spec.title,
    prompt: spec.prompt,
    items: spec.items,
    rules: spec.rules,
    solution: spec.solution,
    testAnswers: {
      incorrect: () =>
        spec.rules.map((rule) => {
          const order = [...values];
          const [a, b] = [order.indexOf(rule.first), order.indexOf(rule.then)];
          [order[a], order[b]] = [order[b]!, order[a]!];
          return { answer: { order }, mistake: opening(rule.why) };
        }),
      invalid: [],
    },
  });
}

const ACTIVE_TITLE = "The states of the active closer";
const ESTABLISHED_TO_FIN_WAIT_1 = { first: "established", then: "fin-wait-1", why: "The connection is ESTABLISHED until close() sends the FIN; that is what starts the close." };
const FIN_WAIT_1_TO_2 = {
  first: "fin-wait-1",
  then: "fin-wait-2",
  why: "FIN-WAIT-1 is the wait for the ACK of the FIN just sent; only when that ACK arrives does the socket move on to FIN-WAIT-2 (RFC 9293 §3.3.2).",
};
const TIME_WAIT_TO_CLOSED = { first: "time-wait", then: "closed", why: "TIME-WAIT ends in CLOSED, after 60 s on Linux (TCP_TIMEWAIT_LEN)." };

const activeCloserStates = scenarioExercise(
  [
    // The passive closer.
    scenarioOrdering({
      id: "four-way-close-active-states",
      title: ACTIVE_TITLE,
      prompt:
        "This time the peer's application calls close() first. This side's application reads the end of the stream and then calls close() itself. Order the states this side, the passive closer, goes through.",
      items: [
        { value: "established", label: "ESTABLISHED" },
        { value: "close-wait", label: "CLOSE-WAIT" },
        { value: "last-ack", label: "LAST-ACK" },
        { value: "closed", label: "CLOSED" },
      ],
      rules: [
        { first: "established", then: "close-wait", why: "The peer's FIN arriving in ESTABLISHED is what moves this side on: it ACKs the FIN and waits for its own application (RFC 9293 §3.6)." },
        { first: "close-wait", then: "last-ack", why: "CLOSE-WAIT is the wait for the local application's close(); LAST-ACK starts only when that close() sends this side's FIN.", misconception: "close-wait-is-last-ack" },
        { first: "last-ack", then: "closed", why: "LAST-ACK waits for the ACK of this side's FIN; when it arrives the connection is gone, and the passive closer has no TIME-WAIT." },
      ],
      solution:
        "The peer's FIN arrives: ESTABLISHED → CLOSE-WAIT (the application's read() returns 0). The application calls close(), which sends this side's FIN: → LAST-ACK. The ACK of that FIN arrives: → CLOSED (RFC 9293 §3.6 and figure 5). TIME-WAIT belongs to the side that sent the first FIN, not to this one.",
    }),
    // The active closer of a normal four-segment close.
    scenarioOrdering({
      id: "four-way-close-active-states",
      title: ACTIVE_TITLE,
      prompt: "Order the states the side that calls close() first goes through in a normal four-segment close.",
      items: [
        { value: "established", label: "ESTABLISHED" },
        { value: "fin-wait-1", label: "FIN-WAIT-1" },
        { value: "fin-wait-2", label: "FIN-WAIT-2" },
        { value: "time-wait", label: "TIME-WAIT" },
        { value: "closed", label: "CLOSED" },
      ],
      rules: [
        ESTABLISHED_TO_FIN_WAIT_1,
        FIN_WAIT_1_TO_2,
        { first: "fin-wait-2", then: "time-wait", why: "TIME-WAIT starts when the peer's FIN arrives, which is what FIN-WAIT-2 waits for." },
        TIME_WAIT_TO_CLOSED,
      ],
      solution:
        "close() sends FIN: ESTABLISHED → FIN-WAIT-1. The ACK of the FIN: → FIN-WAIT-2. The peer's FIN (ACKed at once): → TIME-WAIT. After 60 s on Linux (TCP_TIMEWAIT_LEN): CLOSED (RFC 9293 §3.6 and figure 5). The passive side goes ESTABLISHED → CLOSE-WAIT → LAST-ACK → CLOSED.",
    }),
    // Simultaneous close.
    scenarioOrdering({
      id: "four-way-close-active-states",
      title: ACTIVE_TITLE,
      prompt:
        "Both applications call close() at the same moment, so the two FINs cross in the network: each side receives the other's FIN before the ACK of its own. Order the states one side goes through.",
      items: [
        { value: "established", label: "ESTABLISHED" },
        { value: "fin-wait-1", label: "FIN-WAIT-1" },
        { value: "closing", label: "CLOSING" },
        { value: "time-wait", label: "TIME-WAIT" },
        { value: "closed", label: "CLOSED" },
      ],
      rules: [
        ESTABLISHED_TO_FIN_WAIT_1,
        {
          first: "fin-wait-1",
          then: "closing",
          why: "CLOSING is entered from FIN-WAIT-1, when the peer's FIN arrives before the ACK of the FIN this side already sent (RFC 9293 §3.6, simultaneous close).",
        },
        { first: "closing", then: "time-wait", why: "CLOSING waits for the ACK of this side's FIN; TIME-WAIT begins only when that ACK arrives." },
        TIME_WAIT_TO_CLOSED,
      ],
      solution:
        "close() sends the FIN: ESTABLISHED → FIN-WAIT-1. The peer's FIN arrives first and is ACKed at once (tcp_fin() in net/ipv4/tcp_input.c): → CLOSING. The ACK of this side's FIN arrives: → TIME-WAIT, and after 60 s on Linux (TCP_TIMEWAIT_LEN): CLOSED. Both sides take this path, so both end in TIME-WAIT (RFC 9293 §3.6, figure 13).",
    }),
    // An orphan whose peer never closes.
    scenarioOrdering({
      id: "four-way-close-active-states",
      title: ACTIVE_TITLE,
      prompt:
        "An application calls close(). The peer's kernel ACKs the FIN, but the peer's application never calls close(), so its FIN never comes. Order the states the closing side goes through on Linux.",
      items: [
        { value: "established", label: "ESTABLISHED" },
        { value: "fin-wait-1", label: "FIN-WAIT-1" },
        { value: "fin-wait-2", label: "FIN-WAIT-2" },
        { value: "closed", label: "CLOSED" },
      ],
      rules: [
        ESTABLISHED_TO_FIN_WAIT_1,
        FIN_WAIT_1_TO_2,
        {
          first: "fin-wait-2",
          then: "closed",
          why: "An orphaned FIN-WAIT-2 ends only when its timer runs out: tcp_fin_timeout seconds after the ACK (tcp_fin_time() in include/net/tcp.h).",
        },
      ],
      solution:
        "close() sends FIN: ESTABLISHED → FIN-WAIT-1. The ACK of the FIN: → FIN-WAIT-2. The peer's FIN never comes, so there is no TIME-WAIT: the socket is an orphan (no file descriptor refers to it), and Linux drops an orphaned FIN-WAIT-2 after tcp_fin_timeout seconds, 60 by default (tcp_fin_time() in include/net/tcp.h; \"tcp_fin_timeout\" in Documentation/networking/ip-sysctl.rst): CLOSED, without sending anything.",
    }),
  ],
  { invalid: [{ order: ["established", "closed"] }, { order: ["established", "fin-wait-1", "fin-wait-2", "close-wait", "closed"] }, { order: null }] },
);

const WHO_TITLE = "Who ends up in TIME-WAIT?";
const WHO_INVALID = [{ choice: ["server", "client"] }, { choice: "the server" }, { choice: [] }];

const whoTimeWait = scenarioExercise(
  [
    // The clients close first.
    scenarioChoice({
      id: "four-way-close-who-time-wait",
      title: WHO_TITLE,
      prompt:
        "Each client sends one request, reads the whole response and then calls close(). The server calls close() on its side only after read() returns 0. Which side's sockets enter TIME-WAIT?",
      options: [
        { value: "client", label: "The clients'", correct: true, feedback: "Yes: the clients send the first FIN, and TIME-WAIT belongs to the active closer, whoever it is (RFC 9293 §3.6). The capture client-active-close shows it." },
        { value: "server", label: "The server's", correct: false, feedback: "TIME-WAIT is not tied to client or server: it is the state of the side that sent the first FIN. Ask which side's close() comes first here.", misconception: "time-wait-on-server" },
        { value: "both", label: "Both sides'", correct: false, feedback: "Both sides enter TIME-WAIT only in a simultaneous close, when the two FINs cross (RFC 9293 §3.6); here one side closes only after reading the other's end of stream." },
        { value: "neither", label: "Neither side's", correct: false, feedback: "TIME-WAIT is the normal end of every active close that ends with FIN, not an error state.", misconception: "time-wait-is-a-problem" },
      ],
      solution:
        "The client's close() sends the first FIN: the client goes FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT, the server CLOSE-WAIT → LAST-ACK → CLOSED. So the clients collect the TIME-WAIT sockets, 60 s each on Linux (TCP_TIMEWAIT_LEN), and the server has none.",
    }),
    // The server closes first (the original question).
    scenarioChoice({
      id: "four-way-close-who-time-wait",
      title: WHO_TITLE,
      prompt: "A web server closes each connection right after sending the response; the clients close theirs only after reading it. Which side's sockets enter TIME-WAIT?",
      options: [
        { value: "server", label: "The server's, because it closed first", correct: true, feedback: "Yes: TIME-WAIT belongs to the active closer, whoever it is (RFC 9293 §3.6). The capture server-active-close shows it." },
        { value: "client", label: "The clients', because TIME-WAIT is always on the client", correct: false, feedback: "TIME-WAIT is not tied to client or server; it is the state of the side that sent the first FIN.", misconception: "time-wait-on-client" },
        { value: "both", label: "Both sides", correct: false, feedback: "Only in a simultaneous close (both FINs cross) do both sides enter TIME-WAIT, through CLOSING." },
        { value: "neither", label: "Neither: TIME-WAIT only happens after errors", correct: false, feedback: "TIME-WAIT is the normal end of every active close that ends with FIN, not an error state.", misconception: "time-wait-is-a-problem" },
      ],
      solution:
        "The side that sends the first FIN goes FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT; the other side goes CLOSE-WAIT → LAST-ACK → CLOSED. Here the server closes first, so the server collects TIME-WAIT sockets: one per connection, for 60 s each on Linux.",
    }),
    // Simultaneous close.
    scenarioChoice({
      id: "four-way-close-who-time-wait",
      title: WHO_TITLE,
      prompt:
        "Two peers end a session by both calling close() at the same moment, so their FINs cross in the network and each side receives the other's FIN while still waiting for the ACK of its own. Which side's socket enters TIME-WAIT?",
      options: [
        { value: "both", label: "Both sides'", correct: true, feedback: "Yes: each side is in FIN-WAIT-1 when the other's FIN arrives, goes to CLOSING, and to TIME-WAIT when its own FIN is ACKed (RFC 9293 §3.6, simultaneous close)." },
        { value: "client", label: "Only the side that connected", correct: false, feedback: "TIME-WAIT is not tied to who connected: it follows from sending a FIN before receiving the peer's. Ask what each side had sent when the other's FIN arrived.", misconception: "time-wait-on-client" },
        { value: "server", label: "Only the side that accepted", correct: false, feedback: "TIME-WAIT is not tied to who accepted: it follows from sending a FIN before receiving the peer's. Ask what each side had sent when the other's FIN arrived.", misconception: "time-wait-on-server" },
        { value: "neither", label: "Neither side's: crossing FINs cancel TIME-WAIT", correct: false, feedback: "Nothing cancels TIME-WAIT in a close that ends with FINs: its job, absorbing old duplicates and repeating a lost last ACK, is still there." },
      ],
      solution:
        "Each side sends its FIN before the other's arrives: ESTABLISHED → FIN-WAIT-1. The peer's FIN then arrives and is ACKed: → CLOSING. The ACK of its own FIN arrives: → TIME-WAIT. Both sides take that path, so both hold a TIME-WAIT socket, 60 s on Linux (RFC 9293 §3.6, figure 13; the capture simultaneous-close).",
    }),
    // An abort.
    scenarioChoice({
      id: "four-way-close-who-time-wait",
      title: WHO_TITLE,
      prompt:
        "To avoid TIME-WAIT, a server ends each connection with setsockopt(SO_LINGER, {l_onoff = 1, l_linger = 0}) followed by close(), before the client has closed. Which side's socket enters TIME-WAIT?",
      options: [
        { value: "neither", label: "Neither side's", correct: true, feedback: "Yes: with a zero linger time close() aborts the connection with RST (tcp_close() in net/ipv4/tcp.c), both sides go straight to CLOSED, and TIME-WAIT follows only a close that ends with FIN." },
        { value: "server", label: "The server's, because it closed first", correct: false, feedback: "Closing first leads to TIME-WAIT only through FIN-WAIT. With l_onoff = 1 and l_linger = 0, close() sends no FIN: it aborts the connection (tcp_close() in net/ipv4/tcp.c)." },
        { value: "client", label: "The client's, because it is left to finish the close", correct: false, feedback: "The client finishes nothing here: what the server's close() sends ends the connection on the client at once (RFC 9293 §3.10.7.4, reset processing), so the client never sends a FIN." },
        { value: "both", label: "Both sides'", correct: false, feedback: "Both sides reach TIME-WAIT only when both send FINs, as in a simultaneous close; here the server's close() sends no FIN at all." },
      ],
      solution:
        "SO_LINGER with l_onoff = 1 and l_linger = 0 turns close() into an abort: Linux discards the connection and sends RST instead of FIN (tcp_close() in net/ipv4/tcp.c, counted as TcpExtTCPAbortOnData). The server goes straight to CLOSED; the client, receiving an acceptable RST in ESTABLISHED, does too, and its next recv() fails with ECONNRESET (RFC 9293 §3.10.7.4). No FIN, so no TIME-WAIT anywhere, which is also why an abort loses data still in flight.",
    }),
  ],
  { invalid: WHO_INVALID },
);

const FIN_TIMEOUT_TITLE = "What tcp_fin_timeout controls";
/** tcp_fin_timeout values for the variants: never 60 (the default and TIME-WAIT's length) and never 30 (twice it would be 60). */
const FIN_TIMEOUTS = [5, 10, 15, 20, 25, 40, 45, 50];

const finTimeoutMeaning = scenarioExercise(
  [
    // Which sockets does lowering it affect?
    seeded((seed) => {
      const n = variantRandom(seed).pick(FIN_TIMEOUTS);
      return scenarioChoice({
        id: "four-way-close-fin-timeout",
        title: FIN_TIMEOUT_TITLE,
        prompt: `An administrator lowers net.ipv4.tcp_fin_timeout from 60 to ${n} on a Linux 6.18 host. Which sockets does that change?`,
        options: [
          {
            value: "orphan-fin-wait-2",
            label: `Sockets in FIN-WAIT-2 whose application has already closed them: they are dropped after ${n} s instead of 60 s`,
            correct: true,
            feedback: "Right: tcp_fin_timeout is the lifetime of an orphaned FIN-WAIT-2 socket (tcp_fin_time() in include/net/tcp.h; \"tcp_fin_timeout\" in Documentation/networking/ip-sysctl.rst).",
          },
          {
            value: "time-wait",
            label: `Sockets in TIME-WAIT: they now last ${n} s`,
            correct: false,
            feedback: "A very common error. TIME-WAIT is TCP_TIMEWAIT_LEN, a compile-time constant of 60 s (include/net/tcp.h); no sysctl changes it.",
            misconception: "fin-timeout-sets-time-wait",
          },
          {
            value: "close-wait",
            label: `Sockets in CLOSE-WAIT: the kernel closes them after ${n} s`,
            correct: false,
            feedback: "CLOSE-WAIT waits for the local application to call close(), and no kernel timer ends that wait: only the program can.",
            misconception: "close-wait-ended-by-kernel",
          },
          {
            value: "half-closed",
            label: `Sockets in FIN-WAIT-2 after shutdown(SHUT_WR): they are dropped after ${n} s`,
            correct: false,
            feedback: "A socket half-closed with shutdown(SHUT_WR) is still held by its application, which may read for as long as the peer sends; the kernel puts no time limit on that FIN-WAIT-2.",
            misconception: "fin-timeout-limits-half-close",
          },
        ],
        solution: `tcp_fin_timeout is the lifetime of an orphaned FIN-WAIT-2 socket: the application has closed it, its FIN was ACKed, the peer has not sent its FIN. With ${n}, such sockets are dropped after ${n} s (tcp_fin_time() in include/net/tcp.h). TIME-WAIT stays 60 s (TCP_TIMEWAIT_LEN), CLOSE-WAIT waits for the application whatever the setting, and a FIN-WAIT-2 reached by shutdown(SHUT_WR) is not an orphan, so it is not affected.`,
      });
    }),
    // A half-close is not an orphan.
    seeded((seed) => {
      const minutes = variantRandom(seed).int(2, 10);
      return scenarioChoice({
        id: "four-way-close-fin-timeout",
        title: FIN_TIMEOUT_TITLE,
        prompt: `A client on Linux 6.18 sends its request, calls shutdown(fd, SHUT_WR) and keeps reading. The server ACKs the FIN and streams its answer for ${minutes} minutes before it closes. net.ipv4.tcp_fin_timeout = 60. What happens to the client's socket?`,
        options: [
          {
            value: "waits",
            label: "It stays in FIN-WAIT-2, receiving the answer, until the server's FIN arrives",
            correct: true,
            feedback: "Right: a half-closed socket is not orphaned, its application still reads from it, so no FIN-WAIT-2 timer applies (RFC 9293 §3.6.1, half-closed connections).",
          },
          {
            value: "dropped",
            label: "It is dropped after 60 s in FIN-WAIT-2, and the rest of the answer draws an RST",
            correct: false,
            feedback: "tcp_fin_timeout limits only orphaned FIN-WAIT-2 sockets, those that close() has left without a file descriptor (tcp_fin_time() in include/net/tcp.h). Ask whether anything still reads from this one.",
            misconception: "fin-timeout-limits-half-close",
          },
          {
            value: "time-wait",
            label: "After 60 s in FIN-WAIT-2 it moves to TIME-WAIT",
            correct: false,
            feedback: "No timer moves a socket into TIME-WAIT: TIME-WAIT begins when the peer's FIN arrives (RFC 9293 §3.6).",
            misconception: "fin-wait-2-timeout-enters-time-wait",
          },
          {
            value: "both-directions",
            label: "shutdown() closed both directions, so the answer is refused from the start",
            correct: false,
            feedback: "SHUT_WR closes only the sending direction: the FIN says 'I have no more data to send' (RFC 9293 §3.6), and receiving goes on.",
          },
        ],
        solution: `shutdown(SHUT_WR) sends the FIN and keeps the socket open for reading: the client goes FIN-WAIT-1 → FIN-WAIT-2 and reads the server's data for the whole ${minutes} minutes, ACKing it, as in the capture half-close. The socket is not an orphan (the application holds it), so tcp_fin_timeout does not apply; when the server's FIN finally arrives the client moves to TIME-WAIT.`,
      });
    }),
    // TIME-WAIT's length does not follow tcp_fin_timeout.
    seeded((seed) => {
      const n = variantRandom(seed).pick(FIN_TIMEOUTS);
      return scenarioChoice({
        id: "four-way-close-fin-timeout",
        title: FIN_TIMEOUT_TITLE,
        prompt: `A Linux 6.18 server has net.ipv4.tcp_fin_timeout = ${n}. It closes a connection first, and the client answers with its own FIN at once. How long does the server's socket stay in TIME-WAIT (ignoring timer slack)?`,
        options: [
          { value: "tw-60", label: "60 s", correct: true, feedback: "Right: TIME-WAIT is TCP_TIMEWAIT_LEN, a compile-time constant of 60 s (include/net/tcp.h); tcp_fin_timeout does not touch it." },
          {
            value: "tw-n",
            label: `${n} s`,
            correct: false,
            feedback: "tcp_fin_timeout bounds only an orphaned FIN-WAIT-2; here the client's FIN came at once, so that timer never mattered, and TIME-WAIT has a length of its own that no sysctl changes.",
            misconception: "fin-timeout-sets-time-wait",
          },
          {
            value: "tw-2n",
            label: `${2 * n} s`,
            correct: false,
            feedback: "tcp_fin_timeout is not an MSL that TIME-WAIT doubles: Linux has no MSL setting at all, and its TIME-WAIT length is a compile-time constant.",
            misconception: "fin-timeout-is-msl",
          },
          {
            value: "tw-60-plus-n",
            label: `${60 + n} s`,
            correct: false,
            feedback: "The FIN-WAIT-2 limit and TIME-WAIT do not add up: the client's FIN came at once, so FIN-WAIT-2 was brief, and TIME-WAIT's length does not depend on tcp_fin_timeout.",
            misconception: "fin-timeout-sets-time-wait",
          },
        ],
        solution: `TIME-WAIT on Linux lasts TCP_TIMEWAIT_LEN, 60 s (include/net/tcp.h), whatever tcp_fin_timeout says; the captures client-active-close and server-active-close show 60 to 61 s. tcp_fin_timeout = ${n} would only matter if the client never sent its FIN: the orphaned FIN-WAIT-2 would then be dropped after ${n} s.`,
      });
    }),
    // The definition (the original question).
    scenarioChoice({
      id: "four-way-close-fin-timeout",
      title: FIN_TIMEOUT_TITLE,
      prompt: "What does net.ipv4.tcp_fin_timeout (default 60) control on Linux 6.18?",
      options: [
        {
          value: "fin-wait-2",
          label: "How long an orphaned connection (closed by the application) may stay in FIN-WAIT-2 waiting for the peer's FIN",
          correct: true,
          feedback: "Right (Documentation/networking/ip-sysctl.rst, tcp_fin_timeout; tcp_fin_time() in include/net/tcp.h).",
        },
        {
          value: "time-wait",
          label: "How long a socket stays in TIME-WAIT",
          correct: false,
          feedback: "A very common error. TIME-WAIT is TCP_TIMEWAIT_LEN, a compile-time constant of 60 s (include/net/tcp.h); no sysctl changes it.",
          misconception: "fin-timeout-sets-time-wait",
        },
        {
          value: "msl",
          label: "The Maximum Segment Lifetime, so TIME-WAIT lasts twice this value",
          correct: false,
          feedback: "Linux has no MSL setting. TIME-WAIT is a fixed 60 s, and tcp_fin_timeout only concerns orphaned FIN-WAIT-2 sockets.",
          misconception: "fin-timeout-is-msl",
        },
        {
          value: "syn-flood",
          label: "How long a half-open connection waits in the SYN queue during a SYN flood",
          correct: false,
          feedback: "That is tcp_synack_retries (5 retransmissions, about 63 s by default). tcp_fin_timeout is about closing, not opening.",
          misconception: "fin-timeout-helps-syn-flood",
        },
      ],
      solution:
        "tcp_fin_timeout is the lifetime of an orphaned FIN-WAIT-2 socket: the application has closed it, its FIN was ACKed, the peer has not sent its FIN. After that many seconds the kernel drops it. It does not shorten TIME-WAIT (fixed 60 s, TCP_TIMEWAIT_LEN), it is not the MSL, and a FIN-WAIT-2 reached by shutdown(SHUT_WR) is not affected.",
    }),
  ],
  { invalid: [{ choice: ["fin-wait-2", "msl"] }, { choice: "fin_wait_2" }, { value: "fin-wait-2" }] },
);

const UNREAD_TITLE = "close() with unread data";

const unreadData = scenarioExercise(
  [
    // Unread data, close() (the original question).
    seeded((seed) => {
      const bytes = variantRandom(seed).int(1, 40) * 50;
      return scenarioChoice({
        id: "four-way-close-unread-data",
        title: UNREAD_TITLE,
        prompt: `The peer sent ${bytes} bytes that the application never read. The application now calls close() (no SO_LINGER). What does Linux send?`,
        options: [
          {
            value: "rst",
            label: "An RST instead of a FIN; the socket goes straight to CLOSED",
            correct: true,
            feedback:
              "Yes: tcp_close() in net/ipv4/tcp.c sends RST when unread data is discarded (RFC 2525 §2.17; RFC 9293 §3.6 allows it). The capture close-with-unread-data shows R. and the peer's next recv() fails with ECONNRESET.",
          },
          { value: "fin", label: "A FIN, as in any close", correct: false, feedback: "Not when data is discarded: a FIN would tell the peer everything was delivered, which is false.", misconception: "close-always-sends-fin" },
          { value: "nothing", label: "Nothing until the data has been read", correct: false, feedback: "After close() nobody can read the data any more: the kernel throws it away." },
          { value: "fin-then-rst", label: "A FIN, then an RST when the data expires", correct: false, feedback: "There is no data expiry: whatever Linux sends, it decides at close() time." },
        ],
        solution:
          "If the receive queue still holds data when the application closes, tcp_close() counts TcpExtTCPAbortOnClose, moves to CLOSED and sends RST (the comment in net/ipv4/tcp.c cites RFC 2525 §2.17). The peer learns that its data was lost: its next recv() or send() fails with ECONNRESET. No FIN, no TIME-WAIT. The same happens with SO_LINGER {on, 0} (an abort), counted as TcpExtTCPAbortOnData.",
      });
    }),
    // Everything read, close().
    scenarioChoice({
      id: "four-way-close-unread-data",
      title: UNREAD_TITLE,
      prompt: "The application has read everything the peer sent, up to the last byte, and the peer has not closed yet. The application now calls close() (no SO_LINGER). What does Linux send?",
      options: [
        { value: "fin", label: "A FIN; the socket enters FIN-WAIT-1", correct: true, feedback: "Yes: nothing is discarded, so tcp_close() closes normally and sends a FIN (RFC 9293 §3.6)." },
        {
          value: "rst",
          label: "An RST: close() always resets, only shutdown() sends a FIN",
          correct: false,
          feedback: "close() resets only when it must throw away data the application never read, or when SO_LINGER asks for an abort (tcp_close() in net/ipv4/tcp.c). Check whether either is the case here.",
        },
        {
          value: "nothing",
          label: "Nothing until the peer closes first",
          correct: false,
          feedback: "Either side may close first: close() acts at once, whatever the peer is doing (RFC 9293 §3.6).",
        },
        {
          value: "fin-then-rst",
          label: "A FIN, then an RST once the FIN is acknowledged",
          correct: false,
          feedback: "Nothing sends an RST after a clean close: an orphaned socket that waits too long for the peer's FIN is dropped silently (tcp_fin_timeout), and an RST comes only if the peer later sends data to a socket that is gone.",
        },
      ],
      solution:
        "With nothing left unread and no SO_LINGER abort, close() is an ordinary close: tcp_close() moves ESTABLISHED → FIN-WAIT-1 and sends a FIN (tcp_close_state() and tcp_send_fin() in net/ipv4/tcp.c and tcp_output.c). Linux sends RST instead only when unread data would be discarded (TcpExtTCPAbortOnClose) or with SO_LINGER {on, 0} (TcpExtTCPAbortOnData).",
    }),
    // Unread data, but shutdown(SHUT_WR).
    seeded((seed) => {
      const bytes = variantRandom(seed).int(1, 40) * 50;
      return scenarioChoice({
        id: "four-way-close-unread-data",
        title: UNREAD_TITLE,
        prompt: `The peer sent ${bytes} bytes that the application has not read yet. The application now calls shutdown(fd, SHUT_WR) instead of close(). What does Linux send, and what becomes of the ${bytes} bytes?`,
        options: [
          {
            value: "fin-keep",
            label: "A FIN; the unread bytes stay in the receive queue and can still be read",
            correct: true,
            feedback: "Yes: shutdown(SHUT_WR) closes only the sending direction (tcp_shutdown() in net/ipv4/tcp.c sends the FIN); the receive queue is untouched, and the socket can go on reading (RFC 9293 §3.6.1).",
          },
          {
            value: "rst",
            label: "An RST, because unread data is discarded",
            correct: false,
            feedback: "Data is discarded, and an RST sent, only when the socket is closed for good with close() while data is unread. shutdown(SHUT_WR) leaves the socket open for reading.",
          },
          {
            value: "fin-discard",
            label: "A FIN, and the unread bytes are thrown away",
            correct: false,
            feedback: "SHUT_WR says 'I have no more data to send' (RFC 9293 §3.6); it does not touch what was received.",
          },
          {
            value: "nothing",
            label: "Nothing: shutdown() only changes the socket's local state",
            correct: false,
            feedback: "SHUT_WR is visible on the wire: the peer must learn that no more data is coming, and only a segment can tell it.",
          },
        ],
        solution: `shutdown(fd, SHUT_WR) sends a FIN (ESTABLISHED → FIN-WAIT-1, tcp_shutdown() in net/ipv4/tcp.c) and nothing else changes: the ${bytes} bytes stay in the receive queue, recv() still returns them, and the peer may keep sending (a half-close, RFC 9293 §3.6.1; the capture half-close). Only close() with unread data sends RST.`,
      });
    }),
    // Everything read, SO_LINGER {on, 0}.
    scenarioChoice({
      id: "four-way-close-unread-data",
      title: UNREAD_TITLE,
      prompt:
        "The application has read everything the peer sent. It sets SO_LINGER with l_onoff = 1 and l_linger = 0, then calls close(). What does Linux send?",
      options: [
        {
          value: "rst",
          label: "An RST; the socket goes straight to CLOSED, with no TIME-WAIT",
          correct: true,
          feedback: "Yes: a zero linger time makes close() an abort (tcp_close() in net/ipv4/tcp.c, counted as TcpExtTCPAbortOnData); the peer's next recv() fails with ECONNRESET.",
        },
        {
          value: "fin",
          label: "A FIN, as in any close: nothing was left unread",
          correct: false,
          feedback: "Reading everything rules out one reason for a reset, not the other: a linger time of 0 asks for an abort, whatever was read (tcp_close() checks it right after the unread data).",
        },
        {
          value: "fin-wait",
          label: "A FIN, and close() blocks until the peer acknowledges it",
          correct: false,
          feedback: "That is SO_LINGER with a nonzero time: close() then waits for the queued data and FIN to be acknowledged, or for the time to run out (man 7 socket). A linger time of 0 is a different case.",
        },
        { value: "nothing", label: "Nothing: the socket is freed silently", correct: false, feedback: "The peer must learn that this end is gone, or it would keep its side of the connection: Linux tells it with a segment." },
      ],
      solution:
        "SO_LINGER {l_onoff = 1, l_linger = 0} turns close() into an abort: tcp_close() checks it right after the unread-data test (\"Check zero linger _after_ checking for unread data\" in net/ipv4/tcp.c), disconnects and sends RST, counting TcpExtTCPAbortOnData. No FIN, no FIN-WAIT states and no TIME-WAIT; anything still in flight is lost and the peer gets ECONNRESET.",
    }),
  ],
  { invalid: [{ choice: ["rst", "fin"] }, { choice: "RST" }, { choice: [] }] },
);

const SHAPE_TITLE = "Three segments or four?";
const SHAPES = {
  three: "F. (client), F. (server, also ACKing the client's FIN), . (client): three segments",
  four: "F. (client), . (server), F. (server), . (client): four segments",
  crossed: "F. and F. cross, then each side sends . : four segments",
  finRst: "F. (client), then R. (server): two segments",
  two: "F. (client), F. (server): two segments, with no final ACK",
};

const threeSegments = scenarioExercise(
  [
    // Data received, the server closes within the delayed-ACK time (the original question).
    seeded((seed) => {
      const ms = variantRandom(seed).int(1, 10);
      return scenarioChoice({
        id: "four-way-close-three-segments",
        title: SHAPE_TITLE,
        prompt: `The client sent 100 bytes, which the server read, and then called close(). The server's application calls close() ${ms} ms after the client's FIN arrived, before the server's delayed ACK fired. What does the close look like on the wire?`,
        options: [
          { value: "three", label: SHAPES.three, correct: true, feedback: "Yes: the server's FIN carries the pending ACK, as in the capture three-segment-close." },
          { value: "four", label: SHAPES.four, correct: false, feedback: "A separate ACK leaves only if the delayed-ACK timer fires before the passive side closes; here it had not fired yet." },
          { value: "two", label: SHAPES.two, correct: false, feedback: "The second FIN must be acknowledged too, so the active closer always sends a final ACK." },
          { value: "fin-rst", label: SHAPES.finRst, correct: false, feedback: "The server resets only if it closes with data unread or with SO_LINGER {on, 0}; here it read everything." },
        ],
        solution:
          "A FIN that arrives in ESTABLISHED is acknowledged by the delayed-ACK timer, not at once (tcp_fin() in net/ipv4/tcp_input.c). Once data has arrived that timer waits about 40 ms (TCP_ATO_MIN; 43 ms in the capture client-active-close). The server's application closed well before that, so the kernel sent its FIN with the ACK flag acknowledging the client's FIN, and the close took three segments, as in the capture three-segment-close.",
      });
    }),
    // Data received, the server closes long after.
    seeded((seed) => {
      const ms = variantRandom(seed).int(2, 9) * 100;
      return scenarioChoice({
        id: "four-way-close-three-segments",
        title: SHAPE_TITLE,
        prompt: `The client sent 100 bytes, which the server read, and then called close(). The server's application calls close() ${ms} ms after the client's FIN arrived. What does the close look like on the wire?`,
        options: [
          { value: "four", label: SHAPES.four, correct: true, feedback: "Yes: the server's delayed ACK of the FIN fired about 40 ms after it arrived (TCP_ATO_MIN), long before its application closed, as in the capture client-active-close." },
          { value: "three", label: SHAPES.three, correct: false, feedback: `The ACK rides on the FIN only while it is still being delayed; ${ms} ms is far longer than the delayed-ACK timer waits (TCP_ATO_MIN, 40 ms, include/net/tcp.h).` },
          { value: "crossed", label: SHAPES.crossed, correct: false, feedback: "FINs cross only when both sides close before either FIN arrives; here the server closes long after the client's FIN reached it." },
          { value: "two", label: SHAPES.two, correct: false, feedback: "Every FIN is acknowledged, and the client's final ACK always comes; the question is only what carries each ACK." },
        ],
        solution: `A FIN that arrives in ESTABLISHED is acknowledged by the delayed-ACK timer (tcp_fin() in net/ipv4/tcp_input.c), which waits about 40 ms once data has arrived (TCP_ATO_MIN in include/net/tcp.h; 43 ms in the capture client-active-close). The server closed ${ms} ms after the FIN, so that ACK had long gone: FIN, ACK, then the server's FIN and the client's ACK, four segments (RFC 9293 §3.6).`,
      });
    }),
    // Simultaneous close.
    scenarioChoice({
      id: "four-way-close-three-segments",
      title: SHAPE_TITLE,
      prompt: "Client and server, 10 ms apart on the network, call close() at the same instant, so each FIN leaves before the other's arrives. What does the close look like on the wire?",
      options: [
        { value: "crossed", label: SHAPES.crossed, correct: true, feedback: "Yes: each FIN arrives in FIN-WAIT-1 and is ACKed at once (tcp_fin() in net/ipv4/tcp_input.c); both sides pass through CLOSING into TIME-WAIT (RFC 9293 §3.6)." },
        { value: "three", label: SHAPES.three, correct: false, feedback: "A FIN can carry the ACK of the peer's FIN only if that FIN arrived before it was sent; here each FIN left before the other arrived." },
        { value: "four", label: SHAPES.four, correct: false, feedback: "That is the shape of a close where one side finishes its FIN exchange before the other starts; here neither side had received anything when it sent its FIN." },
        { value: "two", label: SHAPES.two, correct: false, feedback: "Each FIN occupies a sequence number and must be acknowledged, so two FINs alone never finish a close." },
      ],
      solution:
        "Both FINs are in flight at once. Each arrives at a side in FIN-WAIT-1, which ACKs it at once and enters CLOSING; each ACK then moves its receiver to TIME-WAIT. On the wire: F. and F. crossing, then . and . , four segments, and both sides end in TIME-WAIT (RFC 9293 §3.6, figure 13; the capture simultaneous-close).",
    }),
    // Unread data on the server.
    seeded((seed) => {
      const ms = variantRandom(seed).int(1, 10);
      return scenarioChoice({
        id: "four-way-close-three-segments",
        title: SHAPE_TITLE,
        prompt: `The client sent 100 bytes and then called close(). The server's application never read those bytes; it calls close() ${ms} ms after the client's FIN arrived. What does the close look like on the wire?`,
        options: [
          { value: "fin-rst", label: SHAPES.finRst, correct: true, feedback: "Yes: the server's close() would discard 100 unread bytes, so tcp_close() (net/ipv4/tcp.c) sends RST instead of FIN, and the client, in FIN-WAIT-1, is reset." },
          { value: "three", label: SHAPES.three, correct: false, feedback: "A FIN would tell the client everything it sent was delivered to the server's application, which is false here: the bytes were never read.", misconception: "close-always-sends-fin" },
          { value: "four", label: SHAPES.four, correct: false, feedback: "The timing alone would not give four segments (the delayed ACK had not fired), and something else about this server changes what its close() sends." },
          { value: "two", label: SHAPES.two, correct: false, feedback: "A FIN from the server would claim that everything the client sent was delivered to its application; check whether that holds here.", misconception: "close-always-sends-fin" },
        ],
        solution:
          "When the server's application calls close(), 100 bytes are still unread in its receive queue. tcp_close() then discards them, moves to CLOSED and sends RST instead of FIN (RFC 2525 §2.17, counted as TcpExtTCPAbortOnClose; the capture close-with-unread-data). The client's FIN is never acknowledged on its own: the client, in FIN-WAIT-1, receives the R. and is closed too. Two segments.",
      });
    }),
    // No data received, the server closes after the next clock tick.
    seeded((seed) => {
      const ms = variantRandom(seed).int(2, 20) * 10;
      return scenarioChoice({
        id: "four-way-close-three-segments",
        title: SHAPE_TITLE,
        prompt: `A client connects and, without sending any data, calls close(). The server's application calls close() ${ms} ms after the client's FIN arrived. What does the close look like on the wire?`,
        options: [
          { value: "four", label: SHAPES.four, correct: true, feedback: "Yes: on a connection that has received no data the delayed-ACK timer fires at the next clock tick, a few ms, long before the server closed." },
          {
            value: "three",
            label: SHAPES.three,
            correct: false,
            feedback: "The ACK rides on the FIN only while it is still being delayed. With no data received, the delayed-ACK time is not 40 ms: the socket's ato is still 0 (it is raised by the first data, tcp_event_data_recv() in net/ipv4/tcp_input.c).",
          },
          { value: "crossed", label: SHAPES.crossed, correct: false, feedback: "FINs cross only when both sides close before either FIN arrives; here the server closes after the client's FIN reached it." },
          { value: "fin-rst", label: SHAPES.finRst, correct: false, feedback: "The server has nothing unread (the client sent no data) and did not ask for an abort, so its close() has no reason to reset." },
        ],
        solution: `A FIN that arrives in ESTABLISHED is acknowledged by the delayed-ACK timer (tcp_fin() in net/ipv4/tcp_input.c), armed ato after now (tcp_send_delayed_ack() in net/ipv4/tcp_output.c). The socket's ato is 0 until data arrives, so with no data received the timer fires at the next clock tick: 0.7 to 6.2 ms after the FIN in the captures time-wait-reuse and fin-wait-2-orphan-timeout. The server closed ${ms} ms after the FIN, so the ACK had already left: four segments.`,
      });
    }),
  ],
  { invalid: [{ choice: ["three", "four"] }, { choice: 3 }, { choice: [] }] },
);

// Kurose-and-Ross style: a whole exchange with random ISNs (sometimes near 2^32,
// so the numbers wrap) and sometimes a lost data segment.
const traceFillIn = traceFillInExercise({
  id: "four-way-close-fill-trace",
  lessonId: "lesson-four-way-close",
  title: "Fill in the segments of a short exchange",
  hints: [
    "A data segment's seq is where its first byte sits; the ACK that answers it is seq + length.",
    "SYN and FIN each take one sequence number; a pure ACK takes none. Sequence numbers wrap at 2^32.",
    "A lost segment is sent again with the same seq: the retransmission repeats what was lost.",
  ],
  generate(random) {
    const clientBytes = random.int(2, 14) * 100;
    const serverBytes = random.int(1, 9) * 40;
    const lose = random.int(0, 2) === 0;
    const clientIsn = random.int(0, 3) === 0 ? 4294967296 - random.int(1, clientBytes) : random.uint32();
    const serverIsn = random.uint32();
    return {
      story:
        `The client (ISN ${clientIsn}) connects to the server (ISN ${serverIsn}) over a link with 10 ms one-way delay. ` +
        `At t = 0.3 s it sends ${clientBytes} bytes; at 0.6 s the server sends ${serverBytes} bytes back; at 1.0 s the client closes, and the server closes at 1.5 s after reading everything.` +
        (lose ? " The network loses the client's first data segment." : " No segment is lost."),
      scenario: {
        sysctl: {},
        network: { delay: 0.01 },
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect" },
          { t: 0.2, host: "server", call: "accept" },
          { t: 0.3, host: "client", call: "send", bytes: clientBytes },
          { t: 0.55, host: "server", call: "recv" },
          { t: 0.6, host: "server", call: "send", bytes: serverBytes },
          { t: 0.8, host: "client", call: "recv" },
          { t: 1.0, host: "client", call: "close" },
          { t: 1.5, host: "server", call: "close" },
        ],
        faults: lose ? [{ from: "client", drop: "all", after: 0.3, until: 0.305 }] : [],
      },
      isn: { client: clientIsn, server: serverIsn },
      shown: 3,
      ask: 6,
      solution:
        "After the handshake both sides are one past their ISN (the SYN took one number, RFC 9293 §3.4). Each data segment's ACK is its seq plus its length, modulo 2^32; a lost segment is retransmitted with the same seq; the FIN takes one number, so the ACK of a FIN is the FIN's seq + 1 (RFC 9293 §3.6).",
    };
  },
  testAnswers: {
    incorrect(seed) {
      type Row = { flags: string; seq: string; ack: string; lost: string };
      const right = (traceFillIn.correctAnswer(seed) as { rows: Row[] }).rows;
      const change = (index: number, edit: (row: Row) => Row) => ({ rows: right.map((row, i) => (i === index ? edit({ ...row }) : row)) });
      const plus = (text: string, n: number) => String((Number(text) + n + 4294967296) % 4294967296);
      const pureAck = right.findIndex((row) => row.flags === "." && row.ack !== "");
      const answers: IncorrectTestAnswer[] = [
        // Acknowledging data as if it took one extra number, like a SYN.
        { answer: change(pureAck, (row) => ({ ...row, ack: plus(row.ack, 1) })), mistake: /ack is one too high/ },
        // seq and ack swapped.
        { answer: change(pureAck, (row) => ({ ...row, seq: row.ack, ack: row.seq })), mistake: /swapped/ },
      ];
      // The ACK of a data segment written as that segment's own seq: the latest earlier data row from the other side that it acknowledges.
      const dataRow = right.findLastIndex((row, i) => {
        const span = (Number(right[pureAck]!.ack) - Number(row.seq) + 4294967296) % 4294967296;
        return i < pureAck && row.flags.includes("P") && row.seq !== right[pureAck]!.seq && span > 0 && span <= 2000;
      });
      if (dataRow >= 0) answers.push({ answer: change(pureAck, (row) => ({ ...row, ack: right[dataRow]!.seq })), mistake: /ack is too low/ });
      const lost = right.findIndex((row) => row.lost === "x");
      if (lost >= 0) {
        answers.push({ answer: change(lost, (row) => ({ ...row, lost: "" })), mistake: /network loses this segment/ });
        // The retransmission given a new seq, as if the lost bytes had been delivered.
        const resent = right.findIndex((row, i) => i > lost && row.seq === right[lost]!.seq);
        if (resent >= 0) answers.push({ answer: change(resent, (row) => ({ ...row, seq: plus(row.seq, 1) })), mistake: /retransmission repeats the seq/ });
      } else {
        // The ACK of the FIN written as the FIN's own seq: forgetting that a FIN takes a sequence number.
        const finAckRow = right.findIndex((row, i) => i > 0 && right[i - 1]!.flags.includes("F") && row.ack !== "");
        if (finAckRow >= 0) answers.push({ answer: change(finAckRow, (row) => ({ ...row, ack: plus(row.ack, -1) })), mistake: /ack is one too low/ });
      }
      return answers;
    },
    invalid: [
      { rows: [{ flags: "SYN!", seq: "12a", ack: "", lost: "" }] },
      { rows: [] },
      { rows: [{ flags: "P.", seq: "4294967296", ack: "1", lost: "" }] },
      { rows: [{ flags: "P.", seq: "1", ack: "1", lost: "lost" }] },
    ],
  },
});

export const fourWayCloseExercises: ExerciseDefinition<any>[] = [
  finAck,
  orphanLifetime,
  activeCloserStates,
  whoTimeWait,
  finTimeoutMeaning,
  unreadData,
  threeSegments,
  traceFillIn,
];
