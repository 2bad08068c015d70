// Exercises of the lesson on closing a connection (index.mdx beside this file).
// The unit tests of this lesson check the numeric answers against the simulator.
import type { ExerciseDefinition, IncorrectTestAnswer } from "@/lib/exercises/types";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { distinctMistakes, numericExercise, numericTestAnswers } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import { traceFillInExercise } from "@/lib/exercises/kinds/traceFillIn";
import type { variantRandom } from "@/lib/exercises/variantRandom";

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
      { value: finSeq, message: "That is the FIN's own sequence number. The FIN occupies one sequence number, so its ACK is one more.", names: /FIN's own sequence number/ },
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
        ? [{ value: isn + bytes + 2, message: "Sequence numbers are 32-bit and wrap around: take the sum modulo 2^32 (RFC 9293 §3.4).", names: /wrap around/ }]
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
  hideAnswer: true,
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
      { value: 2 * finTimeout, message: "tcp_fin_timeout is not an MSL that gets doubled: it is the FIN-WAIT-2 lifetime itself.", names: /not an MSL that gets doubled/ },
      { value: 0, message: "Linux does not drop it at once: it waits tcp_fin_timeout seconds for the peer's FIN.", names: /does not drop it at once/ },
      { value: 60 + finTimeout, message: "The FIN-WAIT-2 wait and TIME-WAIT do not add up here: the peer never sends its FIN, so this socket never reaches TIME-WAIT.", names: /never reaches TIME-WAIT/ },
    ]),
  };
}

const orphanLifetime = numericExercise({
  id: "four-way-close-orphan-fin-wait-2",
  lessonId,
  title: "How long does an orphaned FIN-WAIT-2 live?",
  label: "Seconds in FIN-WAIT-2",
  generate: orphanLifetimeVariant,
  hideAnswer: true,
  testAnswers: numericTestAnswers(orphanLifetimeVariant),
});

const activeCloserStates = orderingExercise({
  id: "four-way-close-active-states",
  lessonId,
  title: "The states of the active closer",
  prompt: "Order the states the side that calls close() first goes through in a normal four-segment close.",
  items: [
    { value: "established", label: "ESTABLISHED" },
    { value: "fin-wait-1", label: "FIN-WAIT-1" },
    { value: "fin-wait-2", label: "FIN-WAIT-2" },
    { value: "time-wait", label: "TIME-WAIT" },
    { value: "closed", label: "CLOSED" },
  ],
  rules: [
    { first: "established", then: "fin-wait-1", why: "The connection is ESTABLISHED until close() sends the FIN; that is what starts the close." },
    {
      first: "fin-wait-1",
      then: "fin-wait-2",
      why: "FIN-WAIT-1 is the wait for the ACK of the FIN just sent; only when that ACK arrives does the socket move on to FIN-WAIT-2 (RFC 9293 §3.3.2).",
    },
    { first: "fin-wait-2", then: "time-wait", why: "TIME-WAIT starts when the peer's FIN arrives, which is what FIN-WAIT-2 waits for." },
    { first: "time-wait", then: "closed", why: "TIME-WAIT ends in CLOSED, after 60 s on Linux (TCP_TIMEWAIT_LEN)." },
  ],
  hideAnswer: true,
  solution:
    "close() sends FIN: ESTABLISHED → FIN-WAIT-1. The ACK of the FIN: → FIN-WAIT-2. The peer's FIN (ACKed at once): → TIME-WAIT. After 60 s on Linux (TCP_TIMEWAIT_LEN): CLOSED (RFC 9293 §3.6 and figure 5). The passive side goes ESTABLISHED → CLOSE-WAIT → LAST-ACK → CLOSED.",
  testAnswers: {
    incorrect: () => [
      { answer: { order: ["established", "fin-wait-2", "fin-wait-1", "time-wait", "closed"] }, mistake: /wait for the ACK of the FIN just sent/ },
      { answer: { order: ["established", "fin-wait-1", "time-wait", "fin-wait-2", "closed"] }, mistake: /TIME-WAIT starts when the peer's FIN arrives/ },
      { answer: { order: ["established", "time-wait", "fin-wait-1", "fin-wait-2", "closed"] }, mistake: /TIME-WAIT starts when the peer's FIN arrives/ },
    ],
    invalid: [{ order: ["established", "closed"] }, { order: ["established", "fin-wait-1", "fin-wait-2", "close-wait", "closed"] }, { order: null }],
  },
});

const whoTimeWait = choiceExercise({
  id: "four-way-close-who-time-wait",
  lessonId,
  title: "Who ends up in TIME-WAIT?",
  prompt: "A web server closes each connection right after sending the response; the clients close theirs only after reading it. Which side's sockets enter TIME-WAIT?",
  multiple: false,
  options: [
    { value: "server", label: "The server's, because it closed first", correct: true, feedback: "Yes: TIME-WAIT belongs to the active closer, whoever it is (RFC 9293 §3.6). The capture server-active-close shows it." },
    { value: "client", label: "The clients', because TIME-WAIT is always on the client", correct: false, feedback: "TIME-WAIT is not tied to client or server; it is the state of the side that sent the first FIN." },
    { value: "both", label: "Both sides", correct: false, feedback: "Only in a simultaneous close (both FINs cross) do both sides enter TIME-WAIT, through CLOSING." },
    { value: "neither", label: "Neither: TIME-WAIT only happens after errors", correct: false, feedback: "TIME-WAIT is the normal end of every active close that ends with FIN, not an error state." },
  ],
  solution:
    "The side that sends the first FIN goes FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT; the other side goes CLOSE-WAIT → LAST-ACK → CLOSED. Here the server closes first, so the server collects TIME-WAIT sockets: one per connection, for 60 s each on Linux.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: "client" }, mistake: /not tied to client or server/ },
      { answer: { choice: "both" }, mistake: /simultaneous close/ },
      { answer: { choice: "neither" }, mistake: /not an error state/ },
    ],
    invalid: [{ choice: ["server", "client"] }, { choice: "the server" }, { choice: [] }],
  },
});

const finTimeoutMeaning = choiceExercise({
  id: "four-way-close-fin-timeout",
  lessonId,
  title: "What tcp_fin_timeout controls",
  prompt: "What does net.ipv4.tcp_fin_timeout (default 60) control on Linux 6.18?",
  multiple: false,
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
    },
    {
      value: "msl",
      label: "The Maximum Segment Lifetime, so TIME-WAIT lasts twice this value",
      correct: false,
      feedback: "Linux has no MSL setting. TIME-WAIT is a fixed 60 s, and tcp_fin_timeout only concerns orphaned FIN-WAIT-2 sockets.",
    },
    {
      value: "syn-flood",
      label: "How long a half-open connection waits in the SYN queue during a SYN flood",
      correct: false,
      feedback: "That is tcp_synack_retries (5 retransmissions, about 63 s by default). tcp_fin_timeout is about closing, not opening.",
    },
  ],
  solution:
    "tcp_fin_timeout is the lifetime of an orphaned FIN-WAIT-2 socket: the application has closed it, its FIN was ACKed, the peer has not sent its FIN. After that many seconds the kernel drops it. It does not shorten TIME-WAIT (fixed 60 s, TCP_TIMEWAIT_LEN), it is not the MSL, and a FIN-WAIT-2 reached by shutdown(SHUT_WR) is not affected.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: "time-wait" }, mistake: /TCP_TIMEWAIT_LEN, a compile-time constant/ },
      { answer: { choice: "msl" }, mistake: /no MSL setting/ },
      { answer: { choice: "syn-flood" }, mistake: /tcp_synack_retries/ },
    ],
    invalid: [{ choice: ["fin-wait-2", "msl"] }, { choice: "fin_wait_2" }, { value: "fin-wait-2" }],
  },
});

const unreadData = choiceExercise({
  id: "four-way-close-unread-data",
  lessonId,
  title: "close() with unread data",
  prompt: "The peer sent 100 bytes that the application never read. The application now calls close() (no SO_LINGER). What does Linux send?",
  multiple: false,
  options: [
    {
      value: "rst",
      label: "An RST instead of a FIN; the socket goes straight to CLOSED",
      correct: true,
      feedback: "Yes: tcp_close() in net/ipv4/tcp.c sends RST when unread data is discarded (RFC 2525 §2.17; RFC 9293 §3.6 allows it). The capture close-with-unread-data shows R. and the peer's next recv() fails with ECONNRESET.",
    },
    { value: "fin", label: "A FIN, as in any close", correct: false, feedback: "Not when data is discarded: a FIN would tell the peer everything was delivered, which is false. Linux sends RST." },
    { value: "nothing", label: "Nothing until the data has been read", correct: false, feedback: "After close() nobody can read the data any more; the kernel throws it away and resets the connection." },
    { value: "fin-then-rst", label: "A FIN, then an RST when the data expires", correct: false, feedback: "There is no data expiry: the RST is sent at close() time, instead of the FIN." },
  ],
  solution:
    "If the receive queue still holds data when the application closes, tcp_close() counts TcpExtTCPAbortOnClose, moves to CLOSED and sends RST (the comment in net/ipv4/tcp.c cites RFC 2525 §2.17). The peer learns that its data was lost: its next recv() or send() fails with ECONNRESET. No FIN, no TIME-WAIT. The same happens with SO_LINGER {on, 0} (an abort), counted as TcpExtTCPAbortOnData.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: "fin" }, mistake: /a FIN would tell the peer everything was delivered/ },
      { answer: { choice: "nothing" }, mistake: /nobody can read the data any more/ },
      { answer: { choice: "fin-then-rst" }, mistake: /no data expiry/ },
    ],
    invalid: [{ choice: ["rst", "fin"] }, { choice: "RST" }, { choice: [] }],
  },
});

const threeSegments = choiceExercise({
  id: "four-way-close-three-segments",
  lessonId,
  title: "Three segments or four?",
  prompt: "The server's application calls close() 1 ms after the client's FIN arrived, before the server's delayed ACK fired. What does the close look like on the wire?",
  multiple: false,
  options: [
    { value: "three", label: "F. (client), F. (server, also ACKing the client's FIN), . (client): three segments", correct: true, feedback: "Yes: the server's FIN carries the pending ACK, as in the capture three-segment-close." },
    { value: "four", label: "Always four: FIN, ACK, FIN, ACK", correct: false, feedback: "Four only when the ACK of the first FIN leaves before the passive side closes; here the delayed ACK had not fired yet, so it rides on the FIN." },
    { value: "two", label: "Two: FIN and FIN", correct: false, feedback: "The second FIN must be acknowledged too, so the active closer always sends a final ACK." },
    { value: "rst", label: "A single RST", correct: false, feedback: "Only with unread data or SO_LINGER {on, 0}; a normal close ends with FIN." },
  ],
  solution:
    "A FIN that arrives in ESTABLISHED is acknowledged by the delayed-ACK timer, not at once (tcp_fin() in net/ipv4/tcp_input.c). Once data has arrived that timer waits about 40 ms (TCP_ATO_MIN; 43 ms in the capture client-active-close); on a connection that has received no data it fires at the next clock tick. If the passive side's application calls close() before it fires, the kernel sends its FIN with the ACK flag acknowledging the peer's FIN, and the close takes three segments, as in the capture three-segment-close. The simulator reproduces both shapes.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: "four" }, mistake: /delayed ACK had not fired yet/ },
      { answer: { choice: "two" }, mistake: /second FIN must be acknowledged too/ },
      { answer: { choice: "rst" }, mistake: /Only with unread data or SO_LINGER/ },
    ],
    invalid: [{ choice: ["three", "four"] }, { choice: 3 }, { choice: [] }],
  },
});


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
