// Exercises of the lesson on the three-way handshake (index.mdx beside this file).
// Numbers are computed by the kernel's rules; the unit tests of this lesson
// check each numeric answer against the simulator for several seeds.
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise, type ChoiceOption } from "@/lib/exercises/kinds/choice";
import { distinctMistakes, numericExercise, numericTestAnswers } from "@/lib/exercises/kinds/numeric";
import { orderingExercise, type OrderingSpec } from "@/lib/exercises/kinds/ordering";
import { variantRandom } from "@/lib/exercises/variantRandom";
import { choiceWrongAnswers, orderingWrongAnswers, scenarioChoiceExercise, scenarioExercise, seededExercise as seeded, type ScenarioChoiceSpec } from "@/lib/exercises/variants";

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
        misconception: "syn-takes-no-sequence-number",
      },
      {
        value: (clientIsn + 1) >>> 0,
        message: "That is the client's own next sequence number (what the SYN-ACK acknowledged). The client's ACK acknowledges the server's SYN: server ISN + 1.",
        names: /client's own next sequence number/,
        misconception: "seq-ack-swapped",
      },
      {
        value: (clientIsn + 2) >>> 0,
        message: "That adds one to the SYN-ACK's ack field, but the third segment acknowledges the server's SYN, not the client's own bytes.",
        names: /SYN-ACK's ack field/,
      },
      ...(serverIsn === 4294967295 ? [{ value: 4294967296, message: "Sequence numbers are 32-bit and wrap around: the sum is taken modulo 2^32 (RFC 9293 §3.4).", names: /wrap/, misconception: "sequence-numbers-do-not-wrap" as const }] : []),
    ]),
  };
}

const ackNumber = numericExercise({
  id: "three-way-handshake-ack-numbers",
  lessonId,
  title: "The acknowledgment number of the third segment",
  label: "Acknowledgment number of the client's ACK",
  generate: ackNumberVariant,
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
        misconception: "syn-backoff-doubles-from-start",
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
        misconception: "accept-queue-holds-backlog",
      },
      ...(backlog > somaxconn
        ? [
            {
              value: backlog + 1,
              message: `listen() caps the backlog at net.core.somaxconn (${somaxconn}); the larger backlog the application asked for does not count.`,
              names: /caps the backlog at net\.core\.somaxconn/,
              misconception: "backlog-not-capped-by-somaxconn" as const,
            },
            {
              value: backlog,
              message: `listen() caps the backlog at net.core.somaxconn (${somaxconn}): the requested ${backlog} is more than the kernel allows.`,
              names: /caps the backlog at net\.core\.somaxconn/,
              misconception: "backlog-not-capped-by-somaxconn" as const,
            },
          ]
        : [
            {
              value: somaxconn + 1,
              message: `net.core.somaxconn only caps the backlog; the application asked for ${backlog}, which is below the cap, so that is what counts.`,
              names: /only caps the backlog/,
              misconception: "somaxconn-sets-queue-size" as const,
            },
          ]),
      {
        value: 0,
        message: "The kernel completes handshakes on its own: connections wait in the accept queue even though the application never calls accept().",
        names: /completes handshakes on its own/,
        misconception: "connect-waits-for-accept",
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
  testAnswers: numericTestAnswers(acceptQueueVariant),
});

/** A single choice of one scenario of this lesson (see scenarioChoiceExercise). */
const scenarioChoice = (spec: ScenarioChoiceSpec) => scenarioChoiceExercise(lessonId, spec);

const WHY_THREE_TITLE = "Why not two segments?";

const whyThree = scenarioExercise(
  [
    // The question itself.
    scenarioChoice({
      id: "three-way-handshake-why-three",
      title: WHY_THREE_TITLE,
      prompt: "Why does TCP open a connection with three segments rather than two (SYN, then SYN-ACK)?",
      options: [
        {
          value: "both-isns",
          label:
            "Each side must learn that the other received its initial sequence number; with two segments the server never learns that the client saw its ISN, and an old duplicate SYN would open a connection nobody asked for.",
          correct: true,
          feedback: "Yes. Both ISNs must be acknowledged (RFC 9293 §3.4), and the third segment is what lets the client reject a SYN-ACK for an old duplicate SYN with an RST (§3.5, figure 8).",
        },
        {
          value: "security",
          label: "The third segment carries a password or cookie that authenticates the client.",
          correct: false,
          feedback: "TCP has no authentication in the handshake. A SYN cookie lives in the SYN-ACK's sequence number, and only when the SYN queue overflows.",
        },
        { value: "window", label: "The receive window can only be sent in a segment without SYN.", correct: false, feedback: "Every segment, SYN included, carries a window field; the SYN also carries the window-scale option." },
        {
          value: "data",
          label: "Data cannot travel until the third segment, so the third segment exists to carry the first bytes.",
          correct: false,
          feedback: "The third segment may carry data, but that is not why it exists: without data it is a pure ACK, and it is sent all the same.",
        },
      ],
      solution:
        "Each direction has its own sequence numbers, starting at a random ISN. SYN says 'my ISN is x'; the SYN-ACK acknowledges x + 1 and says 'my ISN is y'; the ACK acknowledges y + 1. Until that last ACK the server does not know the client is really there and accepted y. That also defends against old duplicate SYNs: if a delayed SYN from an earlier attempt arrives, the server's SYN-ACK acknowledges a sequence number the client never sent, and the client answers with RST instead of ACK (RFC 9293 §3.5, figure 8).",
    }),
    // The client receives the SYN-ACK of an old duplicate SYN.
    seeded((seed) => {
      const random = variantRandom(seed);
      const clientIsn = random.uint32();
      const oldSeq = (clientIsn + random.int(100000, 2000000000)) >>> 0;
      const serverIsn = random.uint32();
      const ack = (oldSeq + 1) >>> 0;
      return scenarioChoice({
        id: "three-way-handshake-why-three",
        title: WHY_THREE_TITLE,
        prompt:
          `A client's connect() sent a SYN with seq ${clientIsn} and waits in SYN-SENT. A SYN-ACK arrives with seq ${serverIsn} and ack ${ack}: ` +
          `the server's answer to an old duplicate SYN (seq ${oldSeq}) from an earlier attempt on the same ports. What does the client do?`,
        options: [
          {
            value: "rst",
            label: `It sends an RST with seq ${ack} and keeps waiting in SYN-SENT for the answer to its own SYN`,
            correct: true,
            feedback: "Yes: in SYN-SENT an ACK that does not acknowledge the client's own SYN is unacceptable, and the client answers it with <SEQ=SEG.ACK><CTL=RST> (RFC 9293 §3.10.7.3; figure 8).",
          },
          {
            value: "ack",
            label: `It sends an ACK with ack ${(serverIsn + 1) >>> 0}: the connection is established`,
            correct: false,
            feedback: `This SYN-ACK acknowledges ${ack}, a number the client never sent: its SYN carried ${clientIsn}, so only ${(clientIsn + 1) >>> 0} would be acceptable (RFC 9293 §3.10.7.3). Completing it would open the old attempt's connection.`,
          },
          {
            value: "new-syn",
            label: "It abandons its attempt and starts again with a new SYN and a new ISN",
            correct: false,
            feedback: "The client's own attempt is still fine: nothing in this segment concerns its SYN, whose answer may still come. Only the stray segment needs dealing with.",
          },
          {
            value: "ignore",
            label: "It drops the SYN-ACK silently and keeps waiting",
            correct: false,
            feedback: "Silence would leave the server's request for the old SYN in SYN-RECEIVED, retransmitting SYN-ACKs for about a minute; the handshake gives the client a way to end it at once.",
          },
        ],
        solution:
          `The client is in SYN-SENT with ISS ${clientIsn}, so the only acceptable ACK is ${(clientIsn + 1) >>> 0}. RFC 9293 §3.10.7.3: "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset <SEQ=SEG.ACK><CTL=RST>", so it sends an RST with seq ${ack}, drops the segment and stays in SYN-SENT (Linux: tcp_rcv_synsent_state_process() in net/ipv4/tcp_input.c). ` +
          "The RST makes the server drop the request for the old SYN. This is what the third segment buys: with two segments the server would already consider that connection open (figure 8, recovery from old duplicate SYN).",
      });
    }),
    // The server receives the RST for that request.
    scenarioChoice({
      id: "three-way-handshake-why-three",
      title: WHY_THREE_TITLE,
      prompt:
        "A Linux server answered a SYN with a SYN-ACK; the request waits in SYN-RECV. The SYN was an old duplicate, so the client answers the SYN-ACK with an RST, whose seq is the one the server expects. What does the server do?",
      options: [
        {
          value: "drop-request",
          label: "It removes the request from the SYN queue; the listening socket goes on listening and the application never hears of it",
          correct: true,
          feedback: "Yes: a request that came from LISTEN goes back to LISTEN on an acceptable RST, and \"the user need not be informed\" (RFC 9293 §3.10.7.4). Linux drops the request sock in tcp_check_req() (net/ipv4/tcp_minisocks.c), counted as TcpExtEmbryonicRsts.",
        },
        {
          value: "close-listener",
          label: "It closes the listening socket, so later SYNs to that port are refused",
          correct: false,
          feedback: "The RST concerns one connection, named by its four-tuple; the listening socket stands for all the connections still to come and is not touched.",
        },
        {
          value: "accept-error",
          label: "It queues the connection anyway; accept() returns it and the first recv() fails with ECONNRESET",
          correct: false,
          feedback: "Only a completed handshake puts a connection in the accept queue (inet_csk_reqsk_queue_add() in net/ipv4/inet_connection_sock.c); this one never completed.",
        },
        {
          value: "retransmit",
          label: "It keeps retransmitting its SYN-ACK until an ACK arrives or tcp_synack_retries run out",
          correct: false,
          feedback: "Retransmitting is for silence. An acceptable RST is an answer: the client has said it wants no such connection.",
        },
      ],
      solution:
        "RFC 9293 §3.10.7.4, SYN-RECEIVED, RST bit set: \"If this connection was initiated with a passive OPEN (i.e., came from the LISTEN state), then return this connection to LISTEN state and return. The user need not be informed.\" On Linux the request is only a request sock in the listener's SYN queue; tcp_check_req() (net/ipv4/tcp_minisocks.c) sees the RST and drops it (inet_csk_reqsk_queue_drop()), the listener is untouched, and accept() never sees it. That is how the third segment's RST stops a connection for an old duplicate SYN.",
    }),
    // What a two-way handshake would get wrong.
    scenarioChoice({
      id: "three-way-handshake-why-three",
      title: WHY_THREE_TITLE,
      prompt:
        "Suppose TCP opened connections with two segments: the server considers a connection open as soon as it has sent its SYN-ACK. An old duplicate SYN from a client's earlier attempt arrives at the server. What goes wrong?",
      options: [
        {
          value: "phantom",
          label: "The server opens a connection nobody asked for and holds its state, and whatever it sends on it, until something times it out",
          correct: true,
          feedback: "Yes: nothing in a SYN tells old from new, and with two segments nobody asks the client whether it wants this connection (RFC 9293 §3.5, figure 8).",
        },
        {
          value: "detect-old",
          label: "Nothing: the server recognises the old SYN by its sequence number and ignores it",
          correct: false,
          feedback: "A SYN carries a fresh ISN, so the server has nothing to compare it with: only the client knows which ISN it is using now (RFC 9293 §3.4).",
        },
        {
          value: "refused",
          label: "The client's current connect() fails with ECONNREFUSED",
          correct: false,
          feedback: "Nothing in that exchange sends the client a refusal, and its current attempt does not depend on the old SYN at all.",
        },
        {
          value: "isn",
          label: "The server cannot pick its ISN, so it has to reuse the client's",
          correct: false,
          feedback: "Each side picks its own ISN whatever the number of segments (RFC 9293 §3.4.1).",
        },
      ],
      solution:
        "A delayed SYN looks exactly like a new one: its sequence number is an ISN, and the server has no earlier number to compare it with. Only the client knows which ISN it is using now. With three segments the server's SYN-ACK goes back to the client, which sees an acknowledgment of a SYN it did not send and answers RST, so the server drops the request (RFC 9293 §3.5, figure 8). With two, the server would consider the connection open at once and keep it, sending into the void, until a timeout.",
    }),
  ],
  { invalid: [{ choice: ["both-isns", "data"] }, { choice: "three" }, { choice: [] }] },
);

const CONNECT_TITLE = "When does connect() return?";

const connectReturns = scenarioExercise(
  [
    // Nobody listens.
    seeded((seed) => {
      const port = variantRandom(seed).int(1025, 60999);
      return scenarioChoice({
        id: "three-way-handshake-connect-returns",
        title: CONNECT_TITLE,
        prompt: `A client calls a blocking connect() to port ${port} of a Linux host that is up and reachable, but where no socket listens on that port and no firewall filters it. When and how does connect() return?`,
        options: [
          { value: "refused", label: "It fails with ECONNREFUSED as soon as the host's RST+ACK arrives, one round trip after the SYN", correct: true, feedback: "Yes: a SYN to a port with no listener is answered at once with <SEQ=0><ACK=SEG.SEQ+1><CTL=RST,ACK> (RFC 9293 §3.10.7.1), as in the capture connection-refused." },
          {
            value: "timedout",
            label: "It fails with ETIMEDOUT once the SYN retransmissions run out, about two minutes later",
            correct: false,
            feedback: "The SYN is retransmitted only while no answer comes. A host that is up does not leave a SYN to a closed port unanswered (RFC 9293 §3.10.7.1).",
            misconception: "refused-vs-dropped-syn",
          },
          { value: "wait-listener", label: "It blocks until some program starts listening on that port", correct: false, feedback: "connect() does not wait for a listener to appear: what becomes of a SYN is decided when it arrives." },
          { value: "success", label: "It returns 0: the host's kernel completes the handshake, and the first send() fails", correct: false, feedback: "Only a listening socket completes handshakes; with none on the port there is nobody to send a SYN-ACK." },
        ],
        solution:
          "With no listening socket, the SYN finds no connection, and RFC 9293 §3.10.7.1 has the host answer with a reset built from it: seq 0, ack the SYN's seq + 1, RST and ACK set (tcp_v4_send_reset() in net/ipv4/tcp_ipv4.c). The client, in SYN-SENT, gets an acceptable RST and connect() fails with ECONNREFUSED within one round trip, as in the capture connection-refused. A firewall that drops SYNs gives ETIMEDOUT instead.",
      });
    }),
    // The server listens but does not call accept() (the original question).
    scenarioChoice({
      id: "three-way-handshake-connect-returns",
      title: CONNECT_TITLE,
      prompt: "A client calls a blocking connect() to a Linux server that is listening but whose application has not called accept() yet. When does connect() return successfully?",
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
          feedback: "accept() only takes an already established connection out of the accept queue. The handshake is done by the kernels alone, without the server's application.",
          misconception: "connect-waits-for-accept",
        },
        {
          value: "server-ack",
          label: "When the server's kernel receives the third segment.",
          correct: false,
          feedback: "The client cannot know when its ACK arrives; it never waits for it. If that ACK is lost, the server retransmits its SYN-ACK while the client is already ESTABLISHED.",
        },
        { value: "first-data", label: "When the server sends its first byte of data.", correct: false, feedback: "No data is needed: the handshake is three segments without payload." },
      ],
      solution:
        "The client's kernel moves to ESTABLISHED when a SYN-ACK acknowledging its SYN arrives, sends the ACK, and wakes connect(). The server's kernel moves the request from the SYN queue to the accept queue when that ACK arrives; accept() later hands the connection to the application. In the simulator, the client's connect() returns in the same instant the third segment leaves.",
    }),
    // A firewall drops every SYN.
    scenarioChoice({
      id: "three-way-handshake-connect-returns",
      title: CONNECT_TITLE,
      prompt:
        "A Linux 6.18 client with default settings (net.ipv4.tcp_syn_retries = 6, tcp_syn_linear_timeouts = 4) calls a blocking connect(). A firewall in front of the server silently drops every SYN. When and how does connect() return?",
      options: [
        { value: "timedout", label: "It fails with ETIMEDOUT about two minutes later, after the SYN retransmissions run out", correct: true, feedback: "Yes: 11 SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, and the give-up at 131 s (tcp_write_timeout() in net/ipv4/tcp_timer.c; the capture syn-retransmit-default shows 134.3 s)." },
        {
          value: "refused",
          label: "It fails at once with ECONNREFUSED",
          correct: false,
          feedback: "ECONNREFUSED is the answer to a reset, and a firewall that drops the SYN sends nothing back at all.",
          misconception: "refused-vs-dropped-syn",
        },
        { value: "forever", label: "It blocks until the application gives up: the kernel retries forever", correct: false, feedback: "The kernel's SYN retransmissions are bounded by tcp_syn_retries and tcp_syn_linear_timeouts (tcp_write_timeout() in net/ipv4/tcp_timer.c)." },
        { value: "one-rto", label: "It fails with ETIMEDOUT after the first retransmission timeout, 1 s", correct: false, feedback: "One unanswered SYN is no reason to give up: SYNs get lost, and the kernel retransmits them (RFC 6298 §2.1 for the initial timeout; tcp_retransmit_timer() in net/ipv4/tcp_timer.c)." },
      ],
      solution:
        "Nothing answers, so the client's retransmission timer resends the SYN: the first tcp_syn_linear_timeouts = 4 retransmissions 1 s apart, then doubling (Linux ≥ 6.5). tcp_write_timeout() gives up once 6 + 4 retransmissions were sent or the classic budget of 2^7 − 1 = 127 s has passed, at the next timer expiry: 11 SYNs and ETIMEDOUT at 131 s, 134.3 s in the capture syn-retransmit-default because of timer slack. A closed port would have given ECONNREFUSED at once; that difference is how you tell a dropping firewall from a missing listener.",
    }),
    // A non-blocking connect().
    scenarioChoice({
      id: "three-way-handshake-connect-returns",
      title: CONNECT_TITLE,
      prompt: "A client sets O_NONBLOCK on its TCP socket and calls connect() to a server across the network that is listening. What does the call itself return?",
      options: [
        {
          value: "einprogress",
          label: "-1 with errno EINPROGRESS, at once; poll() for writability, then getsockopt(SO_ERROR), gives the outcome",
          correct: true,
          feedback: "Yes: \"The socket is nonblocking and the connection cannot be completed immediately\" (man 2 connect, EINPROGRESS). The SYN has left; writability and SO_ERROR report the result later.",
        },
        { value: "zero-later", label: "0, once the SYN-ACK has arrived", correct: false, feedback: "A non-blocking call never waits for the network, and the handshake cannot finish before a round trip has passed." },
        {
          value: "eagain",
          label: "-1 with errno EAGAIN; the application calls connect() again until it returns 0",
          correct: false,
          feedback: "man 2 connect gives EAGAIN for a non-blocking UNIX domain socket (or, for other families, a routing cache shortage); a TCP connect() whose SYN has left reports another errno.",
        },
        { value: "zero-now", label: "0 at once: the connection is usable immediately", correct: false, feedback: "The handshake needs a round trip to the server, which cannot happen inside the call." },
      ],
      solution:
        "A non-blocking connect() sends the SYN and returns at once with -1 and EINPROGRESS (man 2 connect). The handshake goes on in the kernel as usual: when the SYN-ACK arrives the socket becomes ESTABLISHED and writable; poll() or select() for writing, then getsockopt(SOL_SOCKET, SO_ERROR) says 0 for success or the error (ECONNREFUSED, ETIMEDOUT) otherwise. This is how a program gives connect() its own timeout.",
    }),
    // The server's accept queue is full.
    scenarioChoice({
      id: "three-way-handshake-connect-returns",
      title: CONNECT_TITLE,
      prompt:
        "A Linux server's accept queue is full: its application stopped calling accept() a while ago (tcp_abort_on_overflow = 0, the default). A new client calls a blocking connect(). What happens to that call?",
      options: [
        {
          value: "retransmits",
          label: "It keeps blocking while the client retransmits its SYN: it returns 0 if a later SYN finds room in the queue, and fails with ETIMEDOUT if none does",
          correct: true,
          feedback: "Yes: with the accept queue full Linux drops new SYNs (tcp_conn_request() in net/ipv4/tcp_input.c, counted in TcpExtListenOverflows), so the client retransmits as if they were lost; the capture accept-queue-overflow shows it.",
        },
        {
          value: "synack",
          label: "It returns 0 at once, when the SYN-ACK arrives; the connection waits in the SYN queue",
          correct: false,
          feedback: "A listener whose accept queue is full does not start new handshakes: there would be nowhere to put the finished connection.",
        },
        {
          value: "refused",
          label: "It fails at once with ECONNREFUSED",
          correct: false,
          feedback: "A full accept queue is not a closed port: Linux sends no reset in answer to the SYN, and ECONNREFUSED needs one.",
          misconception: "full-queue-sends-rst",
        },
        {
          value: "accept",
          label: "It blocks until the server's application calls accept() for this very connection",
          correct: false,
          feedback: "accept() never takes part in a handshake: it only takes finished connections out of the queue.",
          misconception: "connect-waits-for-accept",
        },
      ],
      solution:
        "When the accept queue holds more than min(backlog, somaxconn) connections (sk_acceptq_is_full() in include/net/sock.h), tcp_conn_request() in net/ipv4/tcp_input.c drops every new SYN without an answer and counts TcpExtListenOverflows. To the client that looks like a lost SYN: it retransmits on its usual schedule. If the application accepts a connection in the meantime, a later SYN finds room, the handshake completes and connect() returns 0; otherwise it fails with ETIMEDOUT. The capture accept-queue-overflow shows the third client's SYNs dropped.",
    }),
  ],
  { invalid: [{ choice: ["synack", "accept"] }, { choice: "syn-ack" }, { answer: "synack" }] },
);

const SEQUENCE_SPACE_POOL: ChoiceOption[] = [
  { value: "syn", label: "A SYN without data", correct: true, feedback: "A SYN occupies one sequence number (RFC 9293 §3.4): that is why the SYN-ACK acknowledges ISN + 1." },
  { value: "synack", label: "A SYN-ACK without data", correct: true, feedback: "A SYN-ACK carries the server's SYN, which occupies one sequence number: the client's ACK acknowledges the server's ISN + 1 (RFC 9293 §3.4)." },
  { value: "fin", label: "A FIN without data", correct: true, feedback: "A FIN occupies one sequence number too, so its ACK is FIN seq + 1 (RFC 9293 §3.4)." },
  { value: "fin-data", label: "A FIN carrying 50 bytes of data", correct: true, feedback: "It occupies 51 sequence numbers, 50 for the data and one for the FIN, so its ACK is its seq + 51 (RFC 9293 §3.4)." },
  { value: "data", label: "A segment with 100 bytes of payload", correct: true, feedback: "100 bytes occupy 100 sequence numbers (RFC 9293 §3.4)." },
  {
    value: "ack",
    label: "A pure ACK",
    correct: false,
    feedback: "A pure ACK carries no data, no SYN and no FIN: it occupies nothing, and nobody acknowledges it.",
    misconception: "pure-ack-takes-sequence-number",
  },
  {
    value: "rst",
    label: "An RST",
    correct: false,
    feedback: "An RST occupies no sequence space: SYN and FIN are the only controls that do (RFC 9293 §3.4), so nothing acknowledges a reset.",
    misconception: "rst-takes-sequence-number",
  },
  {
    value: "rst-ack",
    label: "The RST+ACK that refuses a SYN to a closed port",
    correct: false,
    feedback: "A refusing reset occupies no sequence space either: its ACK field acknowledges the SYN, and RST itself is not one of the controls that count (RFC 9293 §3.4).",
    misconception: "rst-takes-sequence-number",
  },
  {
    value: "dup-ack",
    label: "A duplicate ACK that reports a gap in the received data",
    correct: false,
    feedback: "A duplicate ACK repeats the last acknowledgment number without data, SYN or FIN (RFC 5681 §2), so it occupies no sequence numbers.",
    misconception: "pure-ack-takes-sequence-number",
  },
  {
    value: "window-update",
    label: "A window update: an ACK that announces a larger window, without data",
    correct: false,
    feedback: "Announcing more receive space carries no data, no SYN and no FIN, so it occupies no sequence numbers (RFC 9293 §3.4).",
    misconception: "pure-ack-takes-sequence-number",
  },
  {
    value: "keepalive",
    label: "A keepalive probe sent by Linux on an idle connection",
    correct: false,
    feedback: "A keepalive probe reuses an old number, one below the next one (RFC 9293 §3.8.4), and Linux sends it without data (tcp_xmit_probe_skb() in net/ipv4/tcp_output.c): the sender's next sequence number does not move.",
    misconception: "pure-ack-takes-sequence-number",
  },
];

const seqSpace: ExerciseDefinition<string[]> = choiceExercise({
  id: "three-way-handshake-sequence-space",
  lessonId,
  title: "Which segments use up a sequence number?",
  prompt: "Which of these consume sequence space (advance the sender's next sequence number)?",
  multiple: true,
  options: SEQUENCE_SPACE_POOL,
  draw: { correct: [2, 3], wrong: 3 },
  solution:
    "Sequence space is occupied by data bytes and by the SYN and FIN control flags, one each (RFC 9293 §3.4): a SYN or SYN-ACK takes one number, a FIN one more than its data. Pure ACKs of every sort (duplicate ACKs, window updates) and resets, refusing or aborting, occupy none. A keepalive probe reuses an old number (RFC 9293 §3.8.4). In the simulator's inspector the 'uses N sequence numbers' line shows it for every segment.",
  testAnswers: {
    incorrect: (seed) => choiceWrongAnswers(seqSpace, seed, SEQUENCE_SPACE_POOL, true),
    invalid: [{ choice: ["syn", "psh"] }, { choice: [] }, { choices: ["syn"] }],
  },
});

const HANDSHAKE_RULES: NonNullable<OrderingSpec["rules"]> = [
  { first: "listen", then: "syn", why: "The server was listening before the client connected: that is what lets it answer the SYN at all." },
  { first: "listen", then: "synrecv", why: "Only a listening socket turns an arriving SYN into a request in SYN-RECV (tcp_conn_request() in net/ipv4/tcp_input.c)." },
  { first: "syn", then: "synrecv", why: "The server creates a request only when a SYN arrives: the client's SYN comes first." },
  { first: "syn", then: "estab-client", why: "The client becomes ESTABLISHED only when the answer to its SYN arrives, so its SYN comes first." },
  {
    first: "synrecv",
    then: "estab-client",
    why: "The client becomes ESTABLISHED when the SYN-ACK arrives, so the server must have answered the SYN first (RFC 9293 §3.10.7.3).",
  },
  { first: "synrecv", then: "estab-server", why: "The server's request waits in SYN-RECV for the client's ACK: it must exist before that ACK can complete it." },
  {
    first: "estab-client",
    then: "estab-server",
    why: "The server becomes ESTABLISHED when the client's ACK arrives, and the client sends that ACK as it becomes ESTABLISHED: the client is first.",
  },
  {
    first: "estab-client",
    then: "accept",
    why: "accept() hands out only connections whose handshake is complete, and the client completes its side before the server does.",
    misconception: "connect-waits-for-accept",
  },
  {
    first: "estab-server",
    then: "accept",
    why: "accept() only takes connections that finished the handshake out of the accept queue; it plays no part in the handshake itself.",
    misconception: "connect-waits-for-accept",
  },
  { first: "estab-server", then: "recv", why: "The client's bytes can be read only on an established connection, which the server has only once the handshake is complete." },
  { first: "accept", then: "recv", why: "recv() is called on the socket accept() returns, so accept() comes first." },
];

const handshakeOrder: ExerciseDefinition<string[]> = orderingExercise({
  id: "three-way-handshake-order",
  lessonId,
  title: "The handshake as the kernels see it",
  prompt:
    "A server application starts listening. Later a client connects and sends a short request as soon as connect() returns; the server's application calls accept() late, then recv(). Put these events of that connection in the order they happen.",
  items: [
    { value: "listen", label: "Server application's listen() puts its socket in LISTEN" },
    { value: "syn", label: "Client sends SYN and enters SYN-SENT" },
    { value: "synrecv", label: "Server creates a request in SYN-RECV (SYN queue) and sends SYN-ACK" },
    { value: "estab-client", label: "Client enters ESTABLISHED, sends ACK, connect() returns" },
    { value: "estab-server", label: "Server receives the ACK: ESTABLISHED, moved to the accept queue" },
    { value: "accept", label: "Server application's accept() returns the connection" },
    { value: "recv", label: "Server application's recv() returns the client's request" },
  ],
  draw: 5,
  rules: HANDSHAKE_RULES,
  solution:
    "listen() (LISTEN) → SYN (client SYN-SENT) → SYN-ACK (server request in SYN-RECV, in the SYN queue) → ACK (client ESTABLISHED; connect() returns) → the ACK arrives (server child ESTABLISHED, now in the accept queue) → accept() takes it out → recv() returns the request, which waited in the connection's receive queue. RFC 9293 §3.5 figure 6 for the segments; tcp_conn_request() in net/ipv4/tcp_input.c, inet_csk_reqsk_queue_add() and inet_csk_accept() in net/ipv4/inet_connection_sock.c for the queues.",
  testAnswers: {
    incorrect: (seed) => orderingWrongAnswers(handshakeOrder, seed, HANDSHAKE_RULES),
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
