// Exercises of the lesson on the three-way handshake (index.mdx beside this file).
// Numbers are computed by the kernel's rules; the unit tests of this lesson
// check each numeric answer against the simulator for several seeds.
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { distinctMistakes, numericExercise, numericTestAnswers } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { variantRandom } from "@/lib/exercises/variantRandom";

type VariantRandom = ReturnType<typeof variantRandom>;

const lessonId = "lesson-three-way-handshake";

/** TCP_RTO_MAX (include/net/tcp.h): 120 s. */
const RTO_MAX = 120;

/**
 * tcp_model_timeout() with rto_base = 1 s (net/ipv4/tcp_timer.c): how long
 * `boundary` exponentially backed-off retransmissions take, each RTO capped at
 * TCP_RTO_MAX. linear_backoff_thresh = ilog2(TCP_RTO_MAX / rto_base) = 6.
 */
export function modelTimeout(boundary: number): number {
  const thresh = Math.floor(Math.log2(RTO_MAX));
  return boundary <= thresh ? 2 ** (boundary + 1) - 1 : 2 ** (thresh + 1) - 1 + (boundary - thresh) * RTO_MAX;
}

/**
 * Seconds from the first SYN until connect() fails with ETIMEDOUT when every
 * SYN is lost, on Linux >= 6.5 (tcp_retransmit_timer and tcp_write_timeout in
 * net/ipv4/tcp_timer.c): the RTO starts at 1 s; the first `linear`
 * retransmissions keep it, later ones double it; the attempt expires at a
 * timer expiry once tcp_syn_retries + tcp_syn_linear_timeouts retransmissions
 * were sent, or once the time since the first SYN reaches
 * tcp_model_timeout(tcp_syn_retries).
 */
export function synGiveUpSeconds(retries: number, linear: number): { giveUp: number; synsSent: number } {
  let rto = 1;
  let t = 0;
  let retransmits = 0;
  for (;;) {
    t += rto;
    if (retransmits >= retries + linear || (retransmits > 0 && t >= modelTimeout(retries))) return { giveUp: t, synsSent: retransmits + 1 };
    retransmits++;
    if (retransmits > linear) rto = Math.min(rto * 2, RTO_MAX);
  }
}

function ackNumberVariant(random: VariantRandom) {
  const clientIsn = random.uint32();
  // Now and then an ISN near the top of the 32-bit space, so the +1 wraps.
  const serverIsn = random.int(0, 4) === 0 ? 4294967295 : random.uint32();
  const answer = (serverIsn + 1) >>> 0;
  return {
    prompt:
      "A client's SYN carries seq " +
      clientIsn +
      ". The server answers with a SYN-ACK whose seq is " +
      serverIsn +
      " and whose ack is " +
      ((clientIsn + 1) >>> 0) +
      ". What acknowledgment number does the client put in the third segment of the handshake (absolute, as tcpdump -S prints it)?",
    answer,
    tolerance: 0,
    solution:
      `The third segment acknowledges the server's SYN. A SYN occupies one sequence number (RFC 9293 §3.4), so the next byte the client expects from the server is ISN + 1 = ${serverIsn} + 1 = ${answer}` +
      (serverIsn === 4294967295 ? " (sequence numbers are taken modulo 2^32, so 4294967295 + 1 wraps to 0)" : "") +
      ". Its own seq is the client's ISN + 1 = " +
      ((clientIsn + 1) >>> 0) +
      ".",
    mistakes: distinctMistakes(answer, [
      {
        value: serverIsn,
        message: "That is the server's ISN itself. The SYN occupies one sequence number, so the ACK is one more (RFC 9293 §3.4).",
        names: /server's ISN itself/,
      },
      {
        value: (clientIsn + 1) >>> 0,
        message: "That is the client's own next sequence number (what the SYN-ACK acknowledged). The client's ACK acknowledges the server's SYN: server ISN + 1.",
        names: /client's own next sequence number/,
      },
      {
        value: (clientIsn + 2) >>> 0,
        message: "That adds one to the SYN-ACK's ack field, but the third segment acknowledges the server's SYN, not the client's own bytes.",
        names: /SYN-ACK's ack field/,
      },
      ...(serverIsn === 4294967295 ? [{ value: 4294967296, message: "Sequence numbers are 32-bit and wrap: 4294967295 + 1 is 0 (RFC 9293 §3.4).", names: /wrap/ }] : []),
    ]),
  };
}

const ackNumber = numericExercise({
  id: "three-way-handshake-ack-numbers",
  lessonId,
  title: "The acknowledgment number of the third segment",
  label: "Acknowledgment number of the client's ACK",
  generate: ackNumberVariant,
  hideAnswer: true,
  testAnswers: numericTestAnswers(ackNumberVariant),
});

/** When the last SYN leaves, in seconds after the first, under the same rule as synGiveUpSeconds(). */
export function lastSynSeconds(retries: number, linear: number): number {
  let rto = 1;
  let t = 0;
  let last = 0;
  let retransmits = 0;
  for (;;) {
    t += rto;
    if (retransmits >= retries + linear || (retransmits > 0 && t >= modelTimeout(retries))) return last;
    last = t;
    retransmits++;
    if (retransmits > linear) rto = Math.min(rto * 2, RTO_MAX);
  }
}

function synGiveUpVariant(random: VariantRandom) {
  const retries = random.int(1, 8);
  const linear = random.pick([0, 1, 2, 3, 4]);
  const { giveUp, synsSent } = synGiveUpSeconds(retries, linear);
  const naive = modelTimeout(retries);
  return {
    prompt:
      `A Linux 6.18 client calls connect() to a host that silently drops every SYN. net.ipv4.tcp_syn_retries = ${retries} and net.ipv4.tcp_syn_linear_timeouts = ${linear}. ` +
      "Ignoring a real kernel's timer slack, how many seconds after the first SYN does connect() fail with ETIMEDOUT?",
    answer: giveUp,
    tolerance: 0,
    unit: "s",
    solution:
      `The initial RTO is 1 s (RFC 6298 §2.1, TCP_TIMEOUT_INIT). The first ${linear} retransmissions keep it; after that each timeout doubles (tcp_retransmit_timer in net/ipv4/tcp_timer.c; "tcp_syn_linear_timeouts" in Documentation/networking/ip-sysctl.rst, Linux ≥ 6.5). ` +
      `tcp_write_timeout() gives up at a timer expiry once ${retries} + ${linear} = ${retries + linear} retransmissions were sent or once ${modelTimeout(retries)} s (tcp_model_timeout for ${retries} retries) have passed since the first SYN, whichever comes first. ` +
      `Here that is after ${synsSent} SYNs, at ${giveUp} s. The default (6 and 4) gives 11 SYNs and 131 s; the real capture syn-retransmit-default shows 134.3 s, the extra being timer slack.`,
    mistakes: distinctMistakes(giveUp, [
      {
        value: naive,
        message: `${naive} s is the classic 1 + 2 + 4 + … schedule of tcp_syn_retries=${retries} alone. With tcp_syn_linear_timeouts=${linear} the first ${linear} retransmissions wait 1 s each and count as extra tries.`,
        names: /classic 1 \+ 2 \+ 4/,
      },
      {
        value: lastSynSeconds(retries, linear),
        message: "That is when the last SYN leaves. connect() gives up one retransmission timeout later, when that SYN's timer expires too.",
        names: /when the last SYN leaves/,
      },
      { value: retries + 1, message: "That counts SYNs, not seconds: each wait is an RTO that starts at 1 s and doubles after the linear ones.", names: /counts SYNs, not seconds/ },
      { value: synsSent, message: "That counts the SYNs sent, not seconds: add up the waits between them, 1 s each for the linear ones, then doubling.", names: /counts the SYNs sent/ },
    ]),
  };
}

const synGiveUp = numericExercise({
  id: "three-way-handshake-syn-give-up",
  lessonId,
  title: "When does connect() give up?",
  label: "Seconds after the first SYN",
  generate: synGiveUpVariant,
  hideAnswer: true,
  testAnswers: numericTestAnswers(synGiveUpVariant),
});

function acceptQueueVariant(random: VariantRandom) {
  const backlog = random.int(1, 12);
  const somaxconn = random.pick([4, 8, 16, 4096]);
  const cap = Math.min(backlog, somaxconn);
  const answer = cap + 1;
  return {
    prompt:
      `A Linux 6.18 server calls listen(fd, ${backlog}) with net.core.somaxconn = ${somaxconn} and then never calls accept(). ` +
      "Clients keep connecting. How many completed connections end up waiting in the accept queue before the kernel starts ignoring new SYNs?",
    answer,
    tolerance: 0,
    solution:
      `listen() caps the backlog at somaxconn: min(${backlog}, ${somaxconn}) = ${cap} (__sys_listen in net/socket.c). ` +
      `The queue counts as full only when it holds more than that: sk_acceptq_is_full() tests sk_ack_backlog > sk_max_ack_backlog (include/net/sock.h), so ${answer} connections fit. ` +
      "The capture accept-queue-overflow shows it: with listen(fd, 1), two clients sit ESTABLISHED in the queue and the third client's SYNs are dropped.",
    mistakes: distinctMistakes(answer, [
      {
        value: cap,
        message: `Almost: the kernel caps the backlog at ${cap}, but it calls the queue full only when it holds more than that (sk_acceptq_is_full uses '>'), so one more fits.`,
        names: /one more fits/,
      },
      ...(backlog > somaxconn
        ? [
            {
              value: backlog + 1,
              message: `listen() caps the backlog at net.core.somaxconn (${somaxconn}); the requested ${backlog} does not count.`,
              names: /caps the backlog at net\.core\.somaxconn/,
            },
            { value: backlog, message: `listen() caps the backlog at net.core.somaxconn (${somaxconn}): the requested ${backlog} is more than the kernel allows.`, names: /caps the backlog at net\.core\.somaxconn/ },
          ]
        : [
            {
              value: somaxconn + 1,
              message: `net.core.somaxconn only caps the backlog; the application asked for ${backlog}, which is below the cap, so that is what counts.`,
              names: /only caps the backlog/,
            },
          ]),
      {
        value: 0,
        message: "The kernel completes handshakes on its own: connections wait in the accept queue even though the application never calls accept().",
        names: /completes handshakes on its own/,
      },
    ]),
  };
}

const acceptQueue = numericExercise({
  id: "three-way-handshake-accept-queue",
  lessonId,
  title: "How many connections fit in the accept queue?",
  label: "Connections waiting for accept()",
  generate: acceptQueueVariant,
  hideAnswer: true,
  testAnswers: numericTestAnswers(acceptQueueVariant),
});

const whyThree = choiceExercise({
  id: "three-way-handshake-why-three",
  lessonId,
  title: "Why not two segments?",
  prompt: "Why does TCP open a connection with three segments rather than two (SYN, then SYN-ACK)?",
  multiple: false,
  options: [
    {
      value: "both-isns",
      label: "Each side must learn that the other received its initial sequence number; with two segments the server never learns that the client saw its ISN, and an old duplicate SYN would open a connection nobody asked for.",
      correct: true,
      feedback: "Yes. Both ISNs must be acknowledged (RFC 9293 §3.4), and the third segment is what lets the client reject a SYN-ACK for an old duplicate SYN with an RST (§3.5, figure 8).",
    },
    {
      value: "security",
      label: "The third segment carries a password or cookie that authenticates the client.",
      correct: false,
      feedback: "TCP has no authentication in the handshake. A SYN cookie lives in the SYN-ACK's sequence number, and only when the SYN queue overflows.",
    },
    {
      value: "window",
      label: "The receive window can only be sent in a segment without SYN.",
      correct: false,
      feedback: "Every segment, SYN included, carries a window field; the SYN also carries the window-scale option.",
    },
    {
      value: "data",
      label: "Data cannot travel until the third segment, so the third segment exists to carry the first bytes.",
      correct: false,
      feedback: "The third segment may carry data, but it exists to acknowledge the server's SYN. Without data it is a pure ACK.",
    },
  ],
  solution:
    "Each direction has its own sequence numbers, starting at a random ISN. SYN says 'my ISN is x'; the SYN-ACK acknowledges x + 1 and says 'my ISN is y'; the ACK acknowledges y + 1. Until that last ACK the server does not know the client is really there and accepted y. That also defends against old duplicate SYNs: if a delayed SYN from an earlier attempt arrives, the server's SYN-ACK acknowledges a sequence number the client never sent, and the client answers with RST instead of ACK (RFC 9293 §3.5, figure 8).",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: "security" }, mistake: /no authentication in the handshake/ },
      { answer: { choice: "data" }, mistake: /exists to acknowledge the server's SYN/ },
      { answer: { choice: "window" }, mistake: /SYN included, carries a window/ },
    ],
    invalid: [{ choice: ["both-isns", "data"] }, { choice: "three" }, { choice: [] }],
  },
});

const connectReturns = choiceExercise({
  id: "three-way-handshake-connect-returns",
  lessonId,
  title: "When does connect() return?",
  prompt: "A client calls a blocking connect() to a Linux server that is listening but whose application has not called accept() yet. When does connect() return successfully?",
  multiple: false,
  options: [
    {
      value: "synack",
      label: "As soon as the client's kernel receives the SYN-ACK and sends the ACK.",
      correct: true,
      feedback: "Yes: the client is ESTABLISHED when the SYN-ACK arrives (RFC 9293 §3.10.7.3). The server's application plays no part in the handshake; the kernel completes it and queues the connection for accept().",
    },
    {
      value: "accept",
      label: "Only after the server's application calls accept().",
      correct: false,
      feedback: "accept() only takes an already established connection out of the accept queue. The handshake is done by the kernels alone; connect() returns before accept() is ever called.",
    },
    {
      value: "server-ack",
      label: "When the server's kernel receives the third segment.",
      correct: false,
      feedback: "The client cannot know when its ACK arrives; it never waits for it. If that ACK is lost, the server retransmits its SYN-ACK while the client is already ESTABLISHED.",
    },
    {
      value: "first-data",
      label: "When the server sends its first byte of data.",
      correct: false,
      feedback: "No data is needed: the handshake is three segments without payload.",
    },
  ],
  solution:
    "The client's kernel moves to ESTABLISHED when a SYN-ACK acknowledging its SYN arrives, sends the ACK, and wakes connect(). The server's kernel moves the request from the SYN queue to the accept queue when that ACK arrives; accept() later hands the connection to the application. In the simulator, the client's connect() returns in the same instant the third segment leaves.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: "accept" }, mistake: /already established connection out of the accept queue/ },
      { answer: { choice: "server-ack" }, mistake: /never waits for it/ },
      { answer: { choice: "first-data" }, mistake: /No data is needed/ },
    ],
    invalid: [{ choice: ["synack", "accept"] }, { choice: "syn-ack" }, { answer: "synack" }],
  },
});

const seqSpace = choiceExercise({
  id: "three-way-handshake-sequence-space",
  lessonId,
  title: "Which segments use up a sequence number?",
  prompt: "Which of these consume sequence space (advance the sender's next sequence number)?",
  multiple: true,
  options: [
    { value: "syn", label: "A SYN without data", correct: true, feedback: "A SYN occupies one sequence number (RFC 9293 §3.4): that is why the SYN-ACK acknowledges ISN + 1." },
    { value: "fin", label: "A FIN without data", correct: true, feedback: "A FIN occupies one sequence number too, so its ACK is FIN seq + 1." },
    { value: "ack", label: "A pure ACK", correct: false, feedback: "A pure ACK carries no data, no SYN and no FIN: it occupies nothing, and nobody acknowledges it." },
    { value: "rst", label: "An RST", correct: false, feedback: "An RST occupies no sequence space: SYN and FIN are the only controls that do (RFC 9293 §3.4), so nothing acknowledges a reset." },
    { value: "data", label: "A segment with 100 bytes of payload", correct: true, feedback: "100 bytes occupy 100 sequence numbers." },
  ],
  solution:
    "Sequence space is occupied by data bytes and by the SYN and FIN control flags, one each (RFC 9293 §3.4). Pure ACKs and RSTs occupy none. In the simulator's inspector the 'uses N sequence numbers' line shows it for every segment.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: ["syn", "fin", "data", "ack"] }, mistake: /pure ACK carries no data, no SYN and no FIN/ },
      { answer: { choice: ["syn", "data", "rst"] }, mistake: /RST occupies no sequence space/ },
      { answer: { choice: ["data", "ack"] }, mistake: /pure ACK carries no data/ },
    ],
    invalid: [{ choice: ["syn", "psh"] }, { choice: [] }, { choices: ["syn"] }],
  },
});

const handshakeOrder = orderingExercise({
  id: "three-way-handshake-order",
  lessonId,
  title: "The handshake as the kernels see it",
  prompt: "Put these events of one connection in the order they happen (the server's application calls accept() late).",
  items: [
    { value: "syn", label: "Client sends SYN and enters SYN-SENT" },
    { value: "synrecv", label: "Server creates a request in SYN-RECV (SYN queue) and sends SYN-ACK" },
    { value: "estab-client", label: "Client enters ESTABLISHED, sends ACK, connect() returns" },
    { value: "estab-server", label: "Server receives the ACK: ESTABLISHED, moved to the accept queue" },
    { value: "accept", label: "Server application's accept() returns the connection" },
  ],
  rules: [
    { first: "syn", then: "synrecv", why: "The server creates a request only when a SYN arrives: the client's SYN comes first." },
    {
      first: "synrecv",
      then: "estab-client",
      why: "The client becomes ESTABLISHED when the SYN-ACK arrives, so the server must have answered the SYN first (RFC 9293 §3.10.7.3).",
    },
    {
      first: "estab-client",
      then: "estab-server",
      why: "The server becomes ESTABLISHED when the client's ACK arrives, and the client sends that ACK as it becomes ESTABLISHED: the client is first.",
    },
    {
      first: "estab-server",
      then: "accept",
      why: "accept() only takes connections that finished the handshake out of the accept queue; it plays no part in the handshake itself.",
    },
  ],
  hideAnswer: true,
  solution:
    "SYN (client SYN-SENT) → SYN-ACK (server request in SYN-RECV, in the SYN queue) → ACK (client ESTABLISHED; connect() returns) → the ACK arrives (server child ESTABLISHED, now in the accept queue) → accept() takes it out. RFC 9293 §3.5 figure 6 for the segments; inet_csk_reqsk_queue_add and inet_csk_accept in net/ipv4/inet_connection_sock.c for the queues.",
  testAnswers: {
    incorrect: () => [
      { answer: { order: ["syn", "synrecv", "estab-server", "estab-client", "accept"] }, mistake: /the client is first/ },
      { answer: { order: ["syn", "synrecv", "accept", "estab-client", "estab-server"] }, mistake: /plays no part in the handshake/ },
      { answer: { order: ["syn", "synrecv", "estab-client", "accept", "estab-server"] }, mistake: /only takes connections that finished the handshake/ },
    ],
    invalid: [{ order: ["syn", "synrecv", "accept"] }, { order: ["syn", "syn", "synrecv", "estab-client", "accept"] }, { order: {} }],
  },
});

export const threeWayHandshakeExercises: ExerciseDefinition<any>[] = [
  ackNumber,
  synGiveUp,
  acceptQueue,
  whyThree,
  connectReturns,
  seqSpace,
  handshakeOrder,
];
