// Exercises of the lesson "When the other side vanishes" (index.mdx beside this file).
import type { ExerciseDefinition, IncorrectTestAnswer } from "@/lib/exercises/types";
import { choiceExercise, type ChoiceOption } from "@/lib/exercises/kinds/choice";
import { explainWhyExercise } from "@/lib/exercises/kinds/explainWhy";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { numericExercise } from "@/lib/exercises/kinds/numeric";
import { simulatorTaskExercise } from "@/lib/exercises/kinds/simulatorTask";
import { traceFillInExercise } from "@/lib/exercises/kinds/traceFillIn";
import { peerVanishesKeepaliveTask } from "@/lib/labs/tasks/peerVanishesKeepalive";
import { variantRandom } from "@/lib/exercises/variantRandom";
import type { MisconceptionId } from "@/lib/exercises/misconceptions";
import { choiceWrongAnswers, matchingWrongAnswers, scenarioIndex } from "@/lib/exercises/variants";
import { parseScenario, simulateDetailed } from "@/lib/tcp";

const lessonId = "lesson-peer-vanishes";

type Mistake = { value: number; message: string; names: RegExp; misconception?: MisconceptionId };

/** Mistakes that differ from the answer and from each other (a variant can make two formulas agree). */
function distinct(answer: number, mistakes: Mistake[], tolerance: number): Mistake[] {
  const kept: Mistake[] = [];
  for (const m of mistakes) {
    if (Math.abs(m.value - answer) <= tolerance + 1e-9) continue;
    if (kept.some((k) => Math.abs(k.value - m.value) <= tolerance + 1e-9)) continue;
    kept.push(m);
  }
  return kept;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

// ------------------------------------------------------------- keepalive time

/** The variant of the keepalive exercise: per-socket options and when the peer was last heard. */
export function keepaliveVariant(random: ReturnType<typeof variantRandom>) {
  const idle = random.pick([10, 20, 30, 60, 120, 600]);
  const intvl = random.pick([2, 5, 10, 15, 30]);
  const cnt = random.pick([2, 3, 4, 5, 9]);
  const crashAt = random.pick([1, 2, 3, 5]);
  const answer = idle + cnt * intvl;
  const mistakes = distinct(
    answer,
    [
      {
        value: idle + (cnt - 1) * intvl,
        message: `That is when the last probe goes out. The kernel then waits one more TCP_KEEPINTVL for its answer before it gives up.`,
        names: /one more TCP_KEEPINTVL/,
      },
      {
        value: crashAt + idle + cnt * intvl,
        message: "The idle time is counted from the last segment received from the peer, not from the crash, which nothing on your side can see.",
        names: /last segment received/,
      },
      {
        value: 7200 + 9 * 75,
        message: "Those are the system-wide defaults (tcp_keepalive_time, tcp_keepalive_intvl, tcp_keepalive_probes). This socket set its own values, which win.",
        names: /system-wide defaults/,
      },
      {
        value: idle + intvl,
        message: "One unanswered probe is not enough: the kernel gives up only after TCP_KEEPCNT of them.",
        names: /only after TCP_KEEPCNT/,
      },
    ],
    0.5,
  );
  return { idle, intvl, cnt, crashAt, answer, mistakes };
}

// ---------------------------------------------------------- retries2 budget

/** tcp_model_timeout(): the time budget of N retransmissions, RTO from 200 ms doubling up to 120 s. */
export function retries2Budget(n: number, rtoBase = 0.2, rtoMax = 120): number {
  const thresh = Math.floor(Math.log2(rtoMax / rtoBase));
  const t = n <= thresh ? ((2 << n) - 1) * rtoBase : ((2 << thresh) - 1) * rtoBase + (n - thresh) * rtoMax;
  return round1(t);
}

export function retries2Variant(random: ReturnType<typeof variantRandom>) {
  const n = random.pick([3, 4, 5, 6, 7, 8, 10, 12, 15]);
  const answer = retries2Budget(n);
  const mistakes = distinct(
    answer,
    [
      {
        value: round1(n * 0.2),
        message: "The RTO does not stay at 200 ms: it doubles after every retransmission (exponential backoff), so the budget grows much faster than N × 200 ms.",
        names: /doubles after every retransmission/,
        misconception: "no-exponential-backoff",
      },
      {
        value: round1(((1 << n) - 1) * 0.2),
        message: "One doubling short: N retransmissions and the timeout that follows the last one make N + 1 intervals, 200 ms × (2^(N+1) − 1) before the cap.",
        names: /N \+ 1 intervals/,
      },
      {
        value: round1(((2 << n) - 1) * 0.2),
        message: "The doubling stops at TCP_RTO_MAX, 120 s: from then on every interval is 120 s.",
        names: /stops at TCP_RTO_MAX/,
        misconception: "backoff-has-no-cap",
      },
      {
        value: retries2Budget(n, 1),
        message: "The budget is modelled from TCP_RTO_MIN, 200 ms, not from the 1 s initial RTO of a handshake.",
        names: /modelled from TCP_RTO_MIN/,
      },
    ],
    0.1,
  );
  return { n, answer, mistakes };
}

// --------------------------------------------------------------- reboot trace

const REBOOT_BYTES = [100, 250, 512, 1000, 1200] as const;
const REBOOT_AT = [2.5, 3.1, 3.3, 4.2, 4.6] as const;

export function rebootScenario(bytes: number, rebootAt: number) {
  return {
    sysctl: {},
    network: { delay: 0 },
    steps: [
      { t: 0, host: "server", call: "listen", backlog: 128 },
      { t: 0.1, host: "client", call: "connect" },
      { t: 0.2, host: "server", call: "accept" },
      { t: 1, host: "server", call: "crash" },
      { t: 2, host: "client", call: "send", bytes },
      { t: rebootAt, host: "server", call: "reboot" },
      { t: rebootAt, host: "server", call: "listen", backlog: 128 },
    ],
    faults: [],
  };
}

function rebootVariant(random: ReturnType<typeof variantRandom>) {
  const bytes = random.pick(REBOOT_BYTES);
  const rebootAt = random.pick(REBOOT_AT);
  const isn = { client: random.uint32(), server: random.uint32() };
  const scenario = rebootScenario(bytes, rebootAt);
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  const segments = simulateDetailed(parsed.scenario, { isn, nominalTimers: true }).detailed;
  // show everything up to the last retransmission lost while the server was down
  const firstThrough = segments.findIndex((s) => s.t > 1 && s.from === "client" && !s.dropped);
  return { bytes, rebootAt, isn, scenario, shown: firstThrough, lost: firstThrough - 4 };
}

/** HTTP keep-alive statements: a pool of twelve, each variant draws its own. */
const HTTP_KEEP_ALIVE_OPTIONS: ChoiceOption[] = [
  {
    value: "client-close-server-fin",
    label: "When a request carries Connection: close, the server closes after its response, so the server sends the first FIN and its host holds the TIME-WAIT socket",
    correct: true,
    feedback: "True: a server that receives the close option must initiate the close after the final response (RFC 9112 §9.6), and the side that sends the first FIN enters TIME-WAIT.",
  },
  {
    value: "idle-timeout-server",
    label: "A server that closes keep-alive connections idle for 60 s collects the TIME-WAIT sockets of those connections on its own host",
    correct: true,
    feedback: "True: the idle timeout makes the server the active closer.",
  },
  {
    value: "pool-race",
    label: "A client pool that keeps idle connections longer than the server's idle timeout can send a request just as the server closes that connection, and get an RST or end-of-file instead of a response",
    correct: true,
    feedback: "True: RFC 9112 §9.5 describes this race. Keep the client's idle timeout below the server's, and retry idempotent requests (§9.3.1).",
  },
  {
    value: "server-off",
    label: "A server with keep-alive turned off answers with Connection: close and closes after the response, so the TIME-WAIT sockets pile up on the server",
    correct: true,
    feedback: "True: a server that sends the close option must close the connection after that response (RFC 9112 §9.6); it sends the first FIN.",
  },
  {
    value: "pool-evicts",
    label: "When a client's pool closes an idle connection itself, the client sends the first FIN and holds the TIME-WAIT socket",
    correct: true,
    feedback: "True: whoever closes first is the active closer (RFC 9293 §3.6); here that is the client, a cheap place for the TIME-WAIT when the server is busy.",
  },
  {
    value: "persistent-default",
    label: "An HTTP/1.1 connection stays open after a response unless the close connection option is sent",
    correct: true,
    feedback: "True: HTTP/1.1 defaults to persistent connections (RFC 9112 §9.3).",
  },
  {
    value: "same-thing",
    label: "HTTP keep-alive turns on TCP keepalive probes for the connection",
    correct: false,
    feedback: "No: HTTP keep-alive means reusing one connection for several requests. TCP keepalive probes are a socket option (SO_KEEPALIVE) that HTTP does not touch.",
    misconception: "http-keepalive-is-tcp-keepalive",
  },
  {
    value: "client-close-client-fin",
    label: "With Connection: close in the request, the client sends the first FIN, so the TIME-WAIT sockets pile up on the clients",
    correct: false,
    feedback: "No: the client that sent close waits for the response; the server must initiate the close once it has sent it (RFC 9112 §9.6).",
  },
  {
    value: "idle-probes",
    label: "A server's idle timeout works by sending keepalive probes to idle clients",
    correct: false,
    feedback: "No: an idle timeout is the server's own timer; when it expires the server simply closes the connection (a FIN).",
    misconception: "http-keepalive-is-tcp-keepalive",
  },
  {
    value: "nginx-keepidle",
    label: "nginx's keepalive_timeout sets TCP_KEEPIDLE on the connections it accepts",
    correct: false,
    feedback: "No: keepalive_timeout is an HTTP idle timeout. When it expires nginx closes the connection with a FIN; no TCP keepalive probe is involved (man 7 tcp describes TCP_KEEPIDLE).",
    misconception: "http-keepalive-is-tcp-keepalive",
  },
  {
    value: "needs-header",
    label: "An HTTP/1.1 client must send Connection: keep-alive, or the server closes after each response",
    correct: false,
    feedback: "No: HTTP/1.1 connections are persistent unless the close option is sent (RFC 9112 §9.3); Connection: keep-alive was an HTTP/1.0 extension.",
  },
  {
    value: "retry-any",
    label: "When the server closes a connection just as a request goes out on it, the client library may automatically retry any request, POST included",
    correct: false,
    feedback: "No: a user agent MUST NOT automatically retry a request with a non-idempotent method unless it knows the request was not processed or its semantics are idempotent (RFC 9112 §9.3.1).",
  },
];
let httpKeepAliveExercise: ExerciseDefinition<any> | undefined;
function httpKeepAlive(): ExerciseDefinition<any> {
  return (httpKeepAliveExercise ??= peerVanishesExercises.find((e) => e.id === "peer-vanishes-http-keep-alive")!);
}

// ------------------------------------------------------------------ exercises

export const peerVanishesExercises: ExerciseDefinition<any>[] = [
  whatYouSee(),

  numericExercise({
    id: "peer-vanishes-keepalive-time",
    lessonId,
    title: "When does keepalive give up?",
    label: "Time your app gets ETIMEDOUT",
    generate(random) {
      const { idle, intvl, cnt, crashAt, answer, mistakes } = keepaliveVariant(random);
      return {
        prompt: `Your app sets SO_KEEPALIVE with TCP_KEEPIDLE = ${idle} s, TCP_KEEPINTVL = ${intvl} s and TCP_KEEPCNT = ${cnt} on a connection. The last segment from the peer arrives at t = 0; at t = ${crashAt} s the peer's host loses power. Your app sends nothing. At about what time t (in seconds) does your kernel give up on the connection, so that your app's next recv() fails with ETIMEDOUT?`,
        answer,
        tolerance: 0.5,
        unit: "s",
        hints: [
          "The first probe goes out when the connection has been idle for TCP_KEEPIDLE seconds since the last segment received.",
          "After each unanswered probe the kernel waits TCP_KEEPINTVL seconds. When that many probes are out and the next interval ends too, it gives up.",
        ],
        solution: `Probes go out at ${idle} s, then every ${intvl} s: ${Array.from({ length: cnt }, (_, i) => `${idle + i * intvl}`).join(", ")} s. When the keepalive timer fires again at ${idle} + ${cnt} × ${intvl} = ${answer} s with ${cnt} probes unanswered, the kernel sends an RST (lost, the host is dead) and reports ETIMEDOUT (tcp_keepalive_timer() in net/ipv4/tcp_timer.c). The crash time does not matter: the idle time counts from the last segment received. The real kernel fires a little late (timer granularity): the capture keepalive-probes-unanswered, with 2/1/3, gave up at 5.18 s after the last segment at 0.1 s.`,
        mistakes,
      };
    },
    testAnswers: {
      incorrect: (seed) => keepaliveVariant(variantRandom(seed)).mistakes.map((m) => ({ answer: { value: String(m.value) }, mistake: m.names })),
      invalid: [{ value: "about a minute" }, { value: "" }, {}],
    },
  }),

  numericExercise({
    id: "peer-vanishes-retries2-budget",
    lessonId,
    title: "The time budget of tcp_retries2",
    label: "Time budget",
    generate(random) {
      const { n, answer, mistakes } = retries2Variant(random);
      return {
        prompt: `A host runs with net.ipv4.tcp_retries2 = ${n}. Its peer has vanished in the middle of a transfer. Linux does not count retransmissions to decide when to give up: it turns tcp_retries2 into a time budget, as if the RTO started at TCP_RTO_MIN = 200 ms and doubled after every retransmission up to TCP_RTO_MAX = 120 s. How many seconds is that budget?`,
        answer,
        tolerance: 0.1,
        unit: "s",
        hints: [
          "With N retransmissions there are N + 1 timeouts: one before each retransmission and the last one after which the connection is dropped.",
          "The intervals are 0.2, 0.4, 0.8, ... seconds, but none is longer than 120 s: 200 ms doubled 9 times is 102.4 s, the next would be 204.8 s and is capped.",
        ],
        solution:
          n <= 9
            ? `tcp_model_timeout() in net/ipv4/tcp_timer.c: the backoff reaches the cap only after ilog2(120 / 0.2) = 9 doublings, and ${n} ≤ 9, so the budget is ((2 << ${n}) − 1) × 0.2 s = ${(2 << n) - 1} × 0.2 s = ${answer} s. The connection is dropped when an RTO fires and the time since the first retransmission has reached that budget (retransmits_timed_out()). The default tcp_retries2 = 15 gives 1023 × 0.2 + 6 × 120 = 924.6 s.`
            : `tcp_model_timeout() in net/ipv4/tcp_timer.c: the backoff reaches the cap after ilog2(120 / 0.2) = 9 doublings, so the budget is (2^10 − 1) × 0.2 s = 204.6 s for the doubling part plus ${n} − 9 = ${n - 9} intervals of 120 s: ${answer} s. The connection is dropped when an RTO fires and the time since the first retransmission has reached that budget (retransmits_timed_out()). The default tcp_retries2 = 15 gives 924.6 s.`,
        mistakes,
      };
    },
    testAnswers: {
      incorrect: (seed) => retries2Variant(variantRandom(seed)).mistakes.map((m) => ({ answer: { value: String(m.value) }, mistake: m.names })),
      invalid: [{ value: "15 min" }, { value: "" }, {}],
    },
  }),

  traceFillInExercise({
    id: "peer-vanishes-reboot-rst",
    lessonId,
    title: "The first segment after a reboot",
    generate(random) {
      const v = rebootVariant(random);
      return {
        story: `The server's host crashed at t = 1.0 s. At t = 2.0 s the client sent ${v.bytes} bytes; they and ${v.lost} retransmission${v.lost === 1 ? " were" : "s were"} lost. At t = ${v.rebootAt} s the server is back up, with no memory of any connection, and its service listens again.`,
        scenario: v.scenario,
        isn: v.isn,
        shown: v.shown,
        ask: 2,
        solution: `The next retransmission goes out after the doubled RTO, when the server is up again, so it arrives. The server has no socket for this 4-tuple and answers as a closed port does (RFC 9293 §3.10.7.1): the segment carried an ACK, so the reset is <SEQ=SEG.ACK><CTL=RST>, sequence number = the client's acknowledgment number and no ACK flag. The client's kernel finds the reset in window and drops the connection: its next recv() fails with ECONNRESET.`,
      };
    },
    hints: [
      "Compare the time of the next retransmission with the moment the server came back.",
      "A host with no socket for a segment that carries an ACK answers with a bare RST whose seq is that segment's ack number.",
    ],
    testAnswers: {
      incorrect(seed) {
        const right = (rebootTraceAnswer(seed) ?? []) as { flags: string; seq: string; ack: string; lost: string }[];
        const [retx, rst] = right;
        if (!retx || !rst) return [];
        const answers: IncorrectTestAnswer[] = [
          { answer: { rows: [{ ...retx, lost: "x" }, rst] }, mistake: /this segment arrives/ },
          { answer: { rows: [retx, { ...rst, flags: "R.", ack: retx.seq }] }, mistake: /ACK flag is off/ },
          { answer: { rows: [retx, { ...rst, seq: "0" }] }, mistake: /seq is too (low|high)/ },
        ];
        return answers;
      },
      invalid: [{ rows: [{ flags: "Q", seq: "x", ack: "", lost: "" }] }, { rows: [] }],
    },
  }),

  simulatorTaskExercise({
    id: "peer-vanishes-keepalive-minute",
    lessonId,
    title: "Notice a dead peer in time",
    model: peerVanishesKeepaliveTask,
    ...keepaliveTask(1),
    variant: keepaliveTask,
    testAnswers: {
      incorrect(seed) {
        const { minCnt, minIntvl } = keepaliveDeadline(seed);
        return [
          { answer: { actions: [] }, mistake: /too late/ },
          {
            answer: { actions: [{ set: "keepIdle", value: 10 }, { set: "keepIntvl", value: Math.max(1, minIntvl - 3) }, { set: "keepCnt", value: minCnt }] },
            mistake: new RegExp(`more often than every ${minIntvl} s`),
          },
          {
            answer: { actions: [{ set: "keepIdle", value: 10 }, { set: "keepIntvl", value: minIntvl }, { set: "keepCnt", value: minCnt - 1 }] },
            mistake: new RegExp(`Allow at least ${minCnt}`),
          },
        ];
      },
      invalid: [{ actions: [{ set: "keepIdle", value: 0 }] }, { actions: [{ set: "tcp_retries2", value: 3 }] }, { actions: "faster" }],
    },
  }),

  choiceExercise({
    id: "peer-vanishes-http-keep-alive",
    lessonId,
    title: "HTTP keep-alive: who closes?",
    prompt: "An HTTP/1.1 client talks to a server through persistent (keep-alive) connections. Which statements are true?",
    multiple: true,
    options: HTTP_KEEP_ALIVE_OPTIONS,
    draw: { correct: [2, 3], wrong: 3 },
    hints: ["The side that sends the first FIN is the one that enters TIME-WAIT.", "Who decides to end the connection in each case: the client, or the server?"],
    solution:
      "HTTP/1.1 connections are persistent by default (RFC 9112 §9.3); Connection: keep-alive was an HTTP/1.0 extension. A request with Connection: close makes the server close after its response (§9.6), so the server sends the first FIN and holds the TIME-WAIT; the same happens when the server turns keep-alive off (it sends Connection: close itself) or when its idle timeout expires. Only when the client closes an idle connection first (its pool evicts it) does the TIME-WAIT land on the client. A client reusing a connection the server is closing at that moment gets an RST or EOF (§9.5), and may retry automatically only idempotent requests (§9.3.1). TCP keepalive is a separate socket option; a server's keepalive_timeout is an HTTP idle timeout that ends in a FIN.",
    testAnswers: {
      incorrect: (seed) => choiceWrongAnswers(httpKeepAlive(), seed, HTTP_KEEP_ALIVE_OPTIONS, true),
      invalid: [{ choice: ["keepalive-forever"] }, { choice: [] }],
    },
  }),

  explainWhyExercise({
    id: "peer-vanishes-half-open",
    lessonId,
    title: "Why the dead connections stay",
    prompt:
      "ss -tan on a chat server shows 3,000 ESTABLISHED connections from phones that left the Wi-Fi hours ago. The server only ever sends in reply to a client's message, and keepalive is not enabled. Explain why the server's kernel still holds these connections, and name one way to make such connections go away.",
    rubric: [
      {
        id: "no-fin-no-rst",
        idea: "The vanished clients sent nothing: no FIN and no RST",
        weight: 1,
        phrasings: [
          "no|not|without|never|nor|neither .. fin|rst|reset|goodbye",
          "fin|rst|reset .. never|not .. sent|send*|arriv*|came|come*|reach*|receiv*",
          "client*|phone*|peer*|they|device*|user* .. never|not|without|nothing .. clos*|send*|sent|say*|said|tell*|told|notif*",
          "nothing .. arriv*|came|come*|reach*|tell*|told|notif*|inform*|receiv*",
          "arriv*|came|receiv* nothing",
          "vanish*|disappear*|left|leave*|gone|went|drop* .. silent*",
          "silent* .. vanish*|disappear*|left|leave*|gone|went",
        ],
        missing: "Start from the wire: a phone that just leaves sends no FIN and no RST, so no segment tells the server anything.",
      },
      {
        id: "idle-nothing-unanswered",
        idea: "TCP only finds out when it sends and gets no answer; these connections are idle",
        weight: 1,
        phrasings: [
          "idle",
          "half-open",
          "only .. when|if .. send*|sent|data|retransmit*|transmit*",
          "unanswered|unacknowledged",
          "not|never|no acknowledg*|answer*|ack|acks|acked|respond*|response",
          "server*|kernel|side|we .. never|not|nothing|only .. send*|sent|transmit*|retransmit*|repl*|answer*",
          "server* .. send*|sent .. only",
          "no|nothing .. traffic|data|retransmi*|timer*|outstanding|in-flight",
        ],
        unless: ["idle-timeout|idle-time|keepidle|tcp_keepidle"],
        missing: "Say why the kernel cannot notice: it only learns that a peer is gone when its own segments go unanswered, and an idle connection sends nothing.",
      },
      {
        id: "keepalive-or-timeout",
        idea: "Keepalive probes (SO_KEEPALIVE) or an application-level timeout would detect them",
        weight: 1,
        phrasings: [
          "enabl*|turn-on|switch-on|activat*|set|use|add|configur*|try .. keepalive*|keep-alive*|so_keepalive|tcp_keepidle|tcp_keepintvl|tcp_keepcnt|heartbeat*|ping*|tcp_user_timeout|timeout*",
          "keepalive*|keep-alive*|so_keepalive|heartbeat*|ping*|tcp_user_timeout|timeout* would|will|could|can|should|fix*|solve*|detect*|probe*|clean*|clos*|kill*|drop*|remov*|help*|find*",
          "fix*|solve*|cure*|clean*|clos*|remov*|detect* .. with|by|using|via keepalive*|keep-alive*|so_keepalive|heartbeat*|ping*|tcp_user_timeout|timeout*",
          "so_keepalive|tcp_keepidle|tcp_keepintvl|tcp_keepcnt|tcp_user_timeout",
          "application|app .. timeout*|heartbeat*|ping*",
          "timeout*|heartbeat* .. application|app",
          "idle-timeout",
        ],
        missing: "Name a cure: SO_KEEPALIVE with short TCP_KEEPIDLE/TCP_KEEPINTVL/TCP_KEEPCNT, or an application heartbeat or idle timeout that closes silent connections.",
      },
    ],
    misconceptions: [
      {
        id: "fin-timeout-closes-them",
        label: "tcp_fin_timeout",
        phrasings: ["tcp_fin_timeout|fin_timeout|fin-timeout"],
        unless: ["fin-wait*|fin_wait*|finwait*|orphan*"],
        message: "tcp_fin_timeout limits an orphaned FIN-WAIT-2 socket, one whose own side already closed; it never touches an ESTABLISHED connection.",
        misconception: "fin-timeout-closes-idle-connections",
      },
      {
        id: "they-are-in-time-wait",
        label: "TIME-WAIT",
        phrasings: ["time-wait|time_wait|timewait"],
        message: "These sockets are ESTABLISHED, not in TIME-WAIT: nobody has closed anything, and no timer runs on them.",
        misconception: "half-open-is-time-wait",
      },
      {
        id: "keepalive-on-by-default",
        label: "Keepalive is off unless asked for",
        phrasings: [
          "keepalive*|keep-alive* .. on|enabled|sent|active|running|send* by-default",
          "send*|sent|probe* .. keepalive*|keep-alive* .. by-default|default|automatically",
          "by-default .. send*|sent|probe* .. keepalive*|keep-alive*",
        ],
        message: "A socket sends keepalive probes only if its program set SO_KEEPALIVE; tcp_keepalive_time (7200 s) applies only to such sockets. Here keepalive is not enabled, so no probe ever goes out.",
        misconception: "keepalive-on-by-default",
      },
    ],
    modelAnswer:
      "A phone that leaves the network sends nothing, no FIN and no RST, so nothing arrives to tell the server's kernel. TCP only discovers that a peer is gone when its own segments go unanswered (retransmissions, then ETIMEDOUT after the tcp_retries2 budget), and these connections are idle: the server sends only in reply, so nothing is ever retransmitted and no timer runs. The connections are half-open and stay ESTABLISHED for as long as the application keeps them. Turning on SO_KEEPALIVE with short TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT makes the kernel probe idle connections and drop dead ones; an application heartbeat or idle timeout that closes silent connections works too.",
    hints: ["What segment would tell the server that a client is gone? Was one sent?", "When does a TCP sender notice that its peer stopped answering?"],
    testAnswers: {
      incorrect: () => [
        { answer: { text: "The kernel will close them after tcp_fin_timeout expires, sixty seconds after the client left." }, mistake: /tcp_fin_timeout limits an orphaned FIN-WAIT-2/ },
        { answer: { text: "They are stuck in TIME-WAIT for two minutes and then the operating system removes them." }, mistake: /not in TIME-WAIT/ },
        { answer: { text: "The phones are still connected somewhere else and the sockets are being used by them right now." }, mistake: /sends no FIN and no RST/ },
        // The right words, denied: they count against the answer, not for it.
        { answer: { text: "It is not because the clients sent no FIN, the connections are not idle, and keepalive would not help here." }, mistake: /denies this/ },
        // The right words with no sentence around them earn nothing.
        { answer: { text: "keepalive SO_KEEPALIVE heartbeat idle timeout no FIN no RST half-open" }, mistake: /lists terms without saying how they connect/ },
        { answer: { text: "Linux sends keepalive probes by default after two hours, so these connections go away on their own." }, mistake: /only if its program set SO_KEEPALIVE/ },
      ],
      invalid: [{ text: "keepalive" }, { text: "" }, {}],
    },
  }),
];


function rebootTraceAnswer(seed: number): unknown {
  const exercise = peerVanishesExercises.find((e) => e.id === "peer-vanishes-reboot-rst");
  return exercise ? (exercise.correctAnswer(seed) as { rows: unknown }).rows : null;
}

// ------------------------------------------------------------------ variants

/** What your side sees when the peer vanishes: a pool of eight situations, five per variant. */
function whatYouSee() {
  const pool = [
    {
      item: "The peer's process is killed; it had read everything sent to it",
      meaning: "A FIN at once: recv() returns 0 (end of file)",
      why: "The kernel outlives the process: on exit it closes every descriptor, and closing a socket sends FIN (tcp_close() in net/ipv4/tcp.c).",
      hint: "Ask first whether the peer's kernel is still running: on exit it closes the process's sockets itself (tcp_close() in net/ipv4/tcp.c), and this process had read everything.",
    },
    {
      item: "The peer's process is killed with received bytes still unread",
      meaning: "An RST at once: recv() fails with ECONNRESET",
      why: "tcp_close() resets instead of closing gracefully when data the application never read is thrown away (RFC 2525 §2.17).",
      hint: "The peer's kernel outlives the process and closes its sockets; what it sends depends on whether received data is thrown away (tcp_close(), RFC 2525 §2.17).",
    },
    {
      item: "The peer's host loses power while your app is idle",
      meaning: "Nothing at all: your socket stays ESTABLISHED",
      why: "Nothing is sent by the dead host and your side sends nothing either: the connection is half-open (RFC 9293 §3.5.1) until your side sends.",
      hint: "A dead host sends nothing, and an idle connection with keepalive off sends nothing either (RFC 9293 §3.5.1).",
    },
    {
      item: "The peer's host loses power while your app is sending",
      meaning: "Unanswered retransmissions, then ETIMEDOUT",
      why: "Your kernel retransmits with exponential backoff until the tcp_retries2 time budget (or TCP_USER_TIMEOUT) is spent, then drops the connection without sending an RST.",
      hint: "A dead host sends nothing at all; your side only has the silence after its own segments (tcp_retries2, ip-sysctl.rst).",
    },
    {
      item: "The peer's host reboots, then your app sends",
      meaning: "An RST in answer to that segment: ECONNRESET",
      why: "The rebooted kernel has no socket for the old connection and answers like a closed port (RFC 9293 §3.10.7.1).",
      hint: "A freshly booted kernel has no socket for the old connection; it answers your segment as it would any segment for a connection it does not know (RFC 9293 §3.10.7.1).",
    },
    {
      item: "The peer's application hangs (its host keeps running) while your app keeps sending",
      meaning: "ACKs until the peer's receive buffer is full, then a zero window, and no error however long",
      why: "The peer's kernel acknowledges what fits in its buffer, then advertises a zero window; your kernel probes it and the answers keep the connection open (RFC 9293 §3.8.6.1; RFC 1122 §4.2.2.17).",
      hint: "The peer's kernel is alive and keeps acknowledging what fits in its receive buffer; only its application is stuck (RFC 9293 §3.8.6.1, zero window).",
    },
    {
      item: "The peer's host loses power while your app is idle, with SO_KEEPALIVE on",
      meaning: "Unanswered keepalive probes, then ETIMEDOUT",
      why: "After TCP_KEEPIDLE of silence your kernel probes every TCP_KEEPINTVL; after TCP_KEEPCNT unanswered probes it gives up with ETIMEDOUT (tcp_keepalive_timer() in net/ipv4/tcp_timer.c).",
      hint: "With SO_KEEPALIVE your idle side does send something after TCP_KEEPIDLE, and a dead host answers none of it (tcp_keepalive_timer() in net/ipv4/tcp_timer.c).",
    },
    {
      item: "The peer's host reboots while your app is idle, with SO_KEEPALIVE on",
      meaning: "A keepalive probe draws an RST: ECONNRESET",
      why: "The first probe that reaches the rebooted host finds no socket and is answered with RST (RFC 9293 §3.10.7.1); the capture keepalive-after-reboot shows it.",
      hint: "With SO_KEEPALIVE your idle side sends probes; a rebooted kernel answers them as it would any segment for a connection it does not know (RFC 9293 §3.10.7.1).",
    },
  ];
  const specific: Record<string, Record<string, string>> = {
    "The peer's process is killed; it had read everything sent to it": {
      "An RST at once: recv() fails with ECONNRESET": "Only unread data makes the kernel reset. With everything read, closing the socket is an orderly close.",
    },
    "The peer's process is killed with received bytes still unread": {
      "A FIN at once: recv() returns 0 (end of file)": "Unread data changes what close() sends: the kernel cannot pretend the bytes were delivered, so it does not close gracefully.",
    },
    "The peer's host loses power while your app is idle": {
      "Unanswered retransmissions, then ETIMEDOUT": "An idle connection sends nothing, so there is nothing to retransmit and no timer running.",
      "Unanswered keepalive probes, then ETIMEDOUT": "Keepalive is off for this connection (RFC 1122 §4.2.3.6: it MUST default to off), so nothing probes it.",
    },
    "The peer's host reboots, then your app sends": {
      "A FIN that the peer's kernel sends when it boots again": "A freshly booted kernel knows nothing about old connections, so it cannot send anything on them by itself.",
    },
    "The peer's host loses power while your app is sending": {
      "An ICMP message that ends the connection at once": "A powered-off host sends nothing at all, ICMP included: your side only has the silence after its own segments.",
    },
  };
  const pairs = pool.map(({ item, meaning, why }) => ({ item, meaning, why }));
  const distractors = ["An ICMP message that ends the connection at once", "A FIN that the peer's kernel sends when it boots again"];
  const meanings = [...pairs.map((p) => p.meaning), ...distractors];
  const confusion = (item: string, meaning: string) => specific[item]?.[meaning] ?? pool.find((p) => p.item === item)!.hint;
  // What a wrong match shows: a vanished host noticed at once, keepalive taken to be on, a FIN despite unread data.
  const atOnce = new Set(["A FIN at once: recv() returns 0 (end of file)", "An RST at once: recv() fails with ECONNRESET", "An ICMP message that ends the connection at once"]);
  const misconceptionOf = (item: string, meaning: string): MisconceptionId | undefined => {
    if (item.startsWith("The peer's host loses power") && atOnce.has(meaning)) return "dead-peer-noticed-at-once";
    if (item === "The peer's host loses power while your app is idle" && meaning === "Unanswered keepalive probes, then ETIMEDOUT") return "keepalive-on-by-default";
    if (item === "The peer's process is killed with received bytes still unread" && meaning === "A FIN at once: recv() returns 0 (end of file)") return "close-always-sends-fin";
    return undefined;
  };
  const confusions = pairs.flatMap((pair) =>
    meanings
      .filter((m) => m !== pair.meaning)
      .map((meaning) => ({ item: pair.item, meaning, message: confusion(pair.item, meaning), misconception: misconceptionOf(pair.item, meaning) })),
  );
  const exercise: ExerciseDefinition<Record<string, string>> = matchingExercise({
    id: "peer-vanishes-what-you-see",
    lessonId,
    title: "What your side sees",
    prompt:
      "Your app has an open connection to a peer. Match each thing that happens to the peer with what your side of the connection sees. Assume your app keeps reading, and keepalive is off unless the item says otherwise.",
    pairs,
    distractors,
    draw: 5,
    confusions,
    hints: [
      "Ask first: is the peer's kernel still running? If it is, it closes the sockets of a dead process itself.",
      "A dead host sends nothing. Your side can only notice when it sends and gets no answer.",
    ],
    solution:
      "Process killed: its kernel closes its sockets, FIN, or RST when received data was never read (tcp_close(), RFC 2525 §2.17). Process hung: its kernel keeps ACKing until the receive buffer is full, then advertises a zero window, and answered window probes keep the connection open indefinitely (RFC 1122 §4.2.2.17). Host dead: nothing is sent; an idle connection stays ESTABLISHED on your side (half-open, RFC 9293 §3.5.1) unless keepalive probes it and gives up with ETIMEDOUT, while a sending one retransmits until tcp_retries2's budget runs out and fails with ETIMEDOUT, no RST. Host rebooted: the new kernel has no socket for the old 4-tuple and answers your next segment, data or keepalive probe, with RST (RFC 9293 §3.10.7.1): ECONNRESET.",
    testAnswers: {
      incorrect: (seed) => matchingWrongAnswers(exercise, seed, meanings, confusion),
      invalid: [{ "The peer's host reboots, then your app sends": "m9" }, { nothing: "m0" }],
    },
  });
  return exercise;
}

/** Keepalive settings that notice a dead peer in time: each variant has its own deadline, minimum probe count and minimum interval. */
function keepaliveDeadline(seed: number) {
  // [deadline after the crash (s), TCP_KEEPCNT at least, TCP_KEEPINTVL at least (s)]; seed 1 gets the first.
  const variants: [number, number, number][] = [
    [60, 3, 5],
    [30, 3, 5],
    [45, 4, 5],
    [90, 5, 10],
    [120, 4, 10],
    [40, 3, 10],
  ];
  const [budget, minCnt, minIntvl] = variants[scenarioIndex(seed, variants.length, 5)]!;
  // Idle time for the example: a round number that leaves a few seconds to spare (the last segment arrived at 0.7 s, the crash is at 2 s).
  const idle = Math.max(1, Math.floor((budget + 2 - 0.7 - minCnt * minIntvl - 3) / 5) * 5);
  return { budget, minCnt, minIntvl, example: { keepIdle: idle, keepIntvl: minIntvl, keepCnt: minCnt } };
}

/** The goal, check, example and solution of one keepalive deadline. */
function keepaliveTask(seed: number) {
  const { budget, minCnt, minIntvl, example } = keepaliveDeadline(seed);
  const detect = Math.round((0.7 + example.keepIdle + example.keepCnt * example.keepIntvl - 2) * 10) / 10;
  const maxIdle = Math.floor(budget + 2 - 0.7 - minCnt * minIntvl);
  return {
    goal: `Your app holds an idle connection with SO_KEEPALIVE on, and the peer's host crashes 2 s into the run. Set TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT so that your app gets ETIMEDOUT no later than ${budget} s after the crash, while tolerating at least ${minCnt - 1} lost probes in a row (TCP_KEEPCNT ≥ ${minCnt}) and never probing more often than every ${minIntvl} s (TCP_KEEPINTVL ≥ ${minIntvl}).`,
    check(metrics: Record<string, string | number>) {
      const learned = Number(metrics.learnedAfter);
      const intvl = Number(metrics.keepIntvl);
      const cnt = Number(metrics.keepCnt);
      if (cnt < minCnt) return { met: false, message: `TCP_KEEPCNT = ${cnt}: ${cnt} lost probe${cnt === 1 ? "" : "s"} in a row would already kill a healthy connection. Allow at least ${minCnt}.` };
      if (intvl < minIntvl) return { met: false, message: `TCP_KEEPINTVL = ${intvl} s probes more often than every ${minIntvl} s.` };
      if (learned < 0) return { met: false, message: "Your app was never told: check that the probes fit in the time simulated." };
      if (learned > budget)
        return { met: false, message: `Your app learned ${learned} s after the crash: too late. The time to detect is about TCP_KEEPIDLE + TCP_KEEPCNT × TCP_KEEPINTVL after the last segment received.` };
      return { met: true, message: `Your app got ETIMEDOUT ${learned} s after the crash, with ${cnt} probes ${intvl} s apart.` };
    },
    example,
    hints: [
      "Detection takes about TCP_KEEPIDLE + TCP_KEEPCNT × TCP_KEEPINTVL, counted from the last segment the peer sent (0.7 s here).",
      `With at least ${minCnt} probes at least ${minIntvl} s apart, the probing alone takes ${minCnt * minIntvl} s: what is left for TCP_KEEPIDLE?`,
    ],
    solution: `Detection time ≈ TCP_KEEPIDLE + TCP_KEEPCNT × TCP_KEEPINTVL after the last segment received (0.7 s), as tcp_keepalive_timer() in net/ipv4/tcp_timer.c counts it. For example ${example.keepIdle} + ${example.keepCnt} × ${example.keepIntvl} = ${example.keepIdle + example.keepCnt * example.keepIntvl} s: ETIMEDOUT about ${detect} s after the crash at 2 s. With ${minCnt} probes ${minIntvl} s apart, any idle time up to about ${maxIdle} s meets the ${budget} s deadline; more probes or a longer interval leave less for it. The defaults, 7200 + 9 × 75 = 7875 s (ip-sysctl.rst), take more than two hours.`,
  };
}
