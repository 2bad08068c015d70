// Exercises of the lesson on debugging CLOSE-WAIT (index.mdx beside this file).
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise, type ChoiceOption } from "@/lib/exercises/kinds/choice";
import type { MisconceptionId } from "@/lib/exercises/misconceptions";
import { numericExercise, type NumericVariant, numericTestAnswers, type NumericMistake } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import { variantRandom } from "@/lib/exercises/variantRandom";
import { choiceWrongAnswers, orderingWrongAnswers, scenarioExercise } from "@/lib/exercises/variants";

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
        misconception: "close-wait-ended-by-kernel",
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
      { value: closedAt + 2 * finTimeout, message: "There is no doubling: the orphaned FIN-WAIT-2 lives tcp_fin_timeout seconds.", names: /no doubling/, misconception: "fin-timeout-is-msl" },
      {
        value: closedAt + finTimeout + 60,
        message: "No TIME-WAIT follows: an orphaned FIN-WAIT-2 that times out is simply forgotten. TIME-WAIT needs the peer's FIN, which never came.",
        names: /No TIME-WAIT follows/,
        misconception: "fin-wait-2-timeout-enters-time-wait",
      },
    ],
  };
}

export const closeWaitExercises: ExerciseDefinition<any>[] = [
  closeWaitMeaning(),

  passiveCloserStates(),

  numericExercise({
    id: "close-wait-leak-count",
    lessonId,
    title: "How fast does CLOSE-WAIT pile up?",
    label: "Sockets in CLOSE-WAIT",
    generate: leakCount,
    testAnswers: numericTestAnswers(leakCount, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "close-wait-emfile",
    lessonId,
    title: "When does accept() fail with EMFILE?",
    label: "Minutes until accept() fails",
    generate: emfile,
    testAnswers: numericTestAnswers(emfile, NOT_A_NUMBER),
  }),

  numericExercise({
    id: "close-wait-peer-forgets",
    lessonId,
    title: "When does the peer forget the connection?",
    label: "Time the client's socket disappears",
    generate: peerForgets,
    testAnswers: numericTestAnswers(peerForgets, NOT_A_NUMBER),
  }),

  readThePile(),

  closeWaitFix(),
];

// ------------------------------------------------------------------ variants

/** What a CLOSE-WAIT pile means, read from ss: a server that read to the end, one that did not read at all, or a client's pool. */
function closeWaitMeaning() {
  type Value = "app" | "unread" | "pool" | "kernel" | "client" | "timewait";
  type Scenario = { prompt: string; material: string; answer: "app" | "unread" | "pool"; solution: string };
  const header = "State       Recv-Q  Send-Q  Local Address:Port   Peer Address:Port";
  const scenarios: Scenario[] = [
    {
      prompt: "ss -tan on your server shows 3,000 sockets in CLOSE-WAIT, all on the server's port 8080, like these. What does each of them mean?",
      material: [header, "CLOSE-WAIT  0       0       10.0.0.5:8080        10.0.3.17:51234", "CLOSE-WAIT  0       0       10.0.0.5:8080        10.0.3.22:40112", "CLOSE-WAIT  0       0       10.0.0.5:8080        10.0.3.9:58830"].join("\n"),
      answer: "app",
      solution:
        "RFC 9293 §3.3.2: CLOSE-WAIT \"represents waiting for a connection termination request from the local user\". The peer's FIN moved each socket ESTABLISHED → CLOSE-WAIT; the local port is 8080, so these are connections the server accepted and the clients closed. Recv-Q 0: the application has read everything, end of file included (reading it moves copied_seq past the FIN). The socket leaves CLOSE-WAIT only when the application calls close() (RFC 9293 §3.10.4) or the process exits. Linux has no CLOSE-WAIT timer, so thousands of them mean the application leaks sockets, typically on the path where recv() returns 0.",
    },
    {
      prompt: "ss -tan on your server shows 3,000 sockets in CLOSE-WAIT, all on the server's port 8080, like these. What does each of them mean?",
      material: [header, "CLOSE-WAIT  412     0       10.0.0.5:8080        10.0.3.17:51234", "CLOSE-WAIT  389     0       10.0.0.5:8080        10.0.3.22:40112", "CLOSE-WAIT  415     0       10.0.0.5:8080        10.0.3.9:58830"].join("\n"),
      answer: "unread",
      solution:
        "The local port is 8080: these are connections the server accepted, and the clients' FINs moved them to CLOSE-WAIT (RFC 9293 §3.6). For a connected socket Recv-Q is the number of bytes received that the application has not read yet (rcv_nxt − copied_seq, tcp_diag_get_info() in net/ipv4/tcp_diag.c): each client sent a request of about 400 bytes and gave up; the server's application never even read it, let alone closed the socket. Typically the handlers are stuck, or never run for these connections. When the application finally closes such a socket, Linux sends RST instead of FIN because received data is thrown away (tcp_close(), RFC 2525 §2.17).",
    },
    {
      prompt: "ss -tan on an application host shows 800 sockets in CLOSE-WAIT, like these; 10.0.0.20 is its PostgreSQL server. What does each of them mean?",
      material: [header, "CLOSE-WAIT  0       0       10.0.0.7:41822       10.0.0.20:5432", "CLOSE-WAIT  0       0       10.0.0.7:41830       10.0.0.20:5432", "CLOSE-WAIT  0       0       10.0.0.7:52114       10.0.0.20:5432"].join("\n"),
      answer: "pool",
      solution:
        "CLOSE-WAIT belongs to whichever side received the first FIN (RFC 9293 §3.6). Here the local ports are ephemeral and the peer has port 5432: this host opened these connections, and the database closed them (its idle timeout, or a restart). This host's kernel ACKed each FIN and is waiting for its own application, typically a connection pool holding idle connections, to call close() (RFC 9293 §3.3.2). No timer ends it; the pool must notice the closed connections and close them.",
    },
  ];
  const label: Record<Value, string> = {
    app: "The client closed (sent FIN), the server's kernel ACKed it, and the server application has read to the end of the stream but not called close()",
    unread: "The client sent data and then closed; the server application has neither read that data nor called close()",
    pool: "The database server closed the connection (its FIN was ACKed), and this host's application, which opened it, still holds it without calling close()",
    kernel: "The local kernel sent its FIN and is waiting for the peer's final ACK; it will give up after tcp_fin_timeout",
    client: "The peers have crashed and never sent FIN",
    timewait: "They are TIME-WAIT sockets that will disappear after 60 s",
  };
  const common: Record<"kernel" | "client" | "timewait", string> = {
    kernel:
      "Waiting for the final ACK after our own FIN is LAST-ACK, and tcp_fin_timeout does not bound it either: the FIN is retransmitted with exponential backoff until tcp_orphan_retries (default 8) gives up, since after close() no process holds the socket, or tcp_retries2 if the application only called shutdown() (tcp_write_timeout() in net/ipv4/tcp_timer.c; ip-sysctl.rst). CLOSE-WAIT means this side has not sent its FIN at all, and no timer ends it.",
    client: "The opposite: a socket reaches CLOSE-WAIT only when the peer's FIN arrives (RFC 9293 §3.6). The peers closed properly.",
    timewait: "TIME-WAIT is the active closer's state and has a 60 s timer (TCP_TIMEWAIT_LEN); CLOSE-WAIT is the passive closer's and has none.",
  };
  const right: Record<"app" | "unread" | "pool", string> = {
    app: "Right: CLOSE-WAIT is \"waiting for a connection termination request from the local user\" (RFC 9293 §3.3.2), and Recv-Q 0 says the application has read everything. Only its close() can end it.",
    unread: "Right: Recv-Q counts bytes received and not yet read (tcp_diag_get_info()); the application has not read the request, and CLOSE-WAIT says it has not closed either (RFC 9293 §3.3.2).",
    pool: "Right: the peer with port 5432 is the server this host connected to; its FIN put this host's socket in CLOSE-WAIT, which only this host's application can end (RFC 9293 §3.3.2).",
  };
  const wrong: Record<"app" | "unread" | "pool", Record<"app" | "unread" | "pool", string>> = {
    app: {
      app: "",
      unread: "Look at Recv-Q: for a connected socket it counts received bytes the application has not read yet (ss(8); tcp_diag_get_info() in net/ipv4/tcp_diag.c). Here it is 0.",
      pool: "The local address carries port 8080, the port this server listens on: these are connections it accepted, not ones it opened.",
    },
    unread: {
      app: "Look at Recv-Q: for a connected socket it counts received bytes the application has not read yet (ss(8); tcp_diag_get_info() in net/ipv4/tcp_diag.c).",
      unread: "",
      pool: "The local address carries port 8080, the port this server listens on: these are connections it accepted, not ones it opened.",
    },
    pool: {
      app: "Look at which end has the service's port: in these lines the peer has it, and the local ports are ephemeral.",
      unread: "Look at Recv-Q: for a connected socket it counts received bytes the application has not read yet (ss(8)). Here it is 0.",
      pool: "",
    },
  };
  // What a wrong pick shows: CLOSE-WAIT taken for LAST-ACK, for a vanished peer, for TIME-WAIT, or for the server's state by role.
  const misconceptionOf = (answer: Scenario["answer"], value: Value): MisconceptionId | undefined =>
    value === "kernel"
      ? "close-wait-is-last-ack"
      : value === "client"
        ? "close-wait-without-fin"
        : value === "timewait"
          ? "close-wait-is-time-wait"
          : answer === "pool" && value === "app"
            ? "close-wait-on-server"
            : undefined;
  const build = (s: Scenario) => {
    const options = (["app", "unread", "pool", "kernel", "client", "timewait"] as const).map((value) => ({
      value,
      label: label[value],
      correct: value === s.answer,
      feedback: value === s.answer ? right[s.answer] : value === "kernel" || value === "client" || value === "timewait" ? common[value] : wrong[s.answer][value],
      misconception: value === s.answer ? undefined : misconceptionOf(s.answer, value),
    }));
    const exercise: ExerciseDefinition<string[]> = choiceExercise({
      id: "close-wait-meaning",
      lessonId,
      title: "What CLOSE-WAIT means",
      prompt: s.prompt,
      material: s.material,
      materialLabel: "ss -tan state close-wait (a few lines)",
      multiple: false,
      options,
      solution: s.solution,
      testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, false), invalid: [] },
    });
    return exercise;
  };
  // Seed 1 gets the server that read to the end; consecutive seeds cycle through the three.
  return scenarioExercise(scenarios.map(build), { offset: 2, invalid: [{ choice: ["app", "kernel"] }, { choice: "leak" }] });
}

/** Moments of a close seen from the passive closer, the peer's included: a pool of seven, four per variant. */
function passiveCloserStates() {
  const items = [
    { value: "ESTABLISHED", label: "ESTABLISHED: the connection is open" },
    { value: "peer-fin", label: "The peer's application calls close(): its FIN leaves" },
    { value: "CLOSE-WAIT", label: "The peer's FIN arrives and our kernel ACKs it: CLOSE-WAIT" },
    { value: "eof", label: "Our application's recv() returns 0 (end of file)" },
    { value: "LAST-ACK", label: "Having seen end of file, our application calls close(): our FIN leaves, LAST-ACK" },
    { value: "peer-time-wait", label: "Our FIN reaches the peer, which ACKs it and enters TIME-WAIT" },
    { value: "CLOSED", label: "That ACK arrives: our socket is gone (CLOSED)" },
  ];
  const rules = [
    { first: "ESTABLISHED", then: "peer-fin", why: "The connection is open until someone closes it; here the peer's close() starts the close." },
    { first: "peer-fin", then: "CLOSE-WAIT", why: "Our socket enters CLOSE-WAIT when the peer's FIN arrives, so that FIN must have left first (RFC 9293 §3.6)." },
    { first: "ESTABLISHED", then: "CLOSE-WAIT", why: "The connection is open until the peer's FIN arrives; that FIN is what moves the socket into CLOSE-WAIT." },
    { first: "CLOSE-WAIT", then: "eof", why: "recv() returns 0 only once the peer's FIN has been received: end of file is how the kernel tells the application about it." },
    { first: "peer-fin", then: "eof", why: "End of file means the peer has sent its FIN: recv() cannot return 0 before the peer has closed." },
    { first: "eof", then: "LAST-ACK", why: "This application closes after it has seen end of file, as the step says." },
    {
      first: "CLOSE-WAIT",
      then: "LAST-ACK",
      why: "The passive closer waits in CLOSE-WAIT first, for its own application; only the application's close() sends our FIN and starts LAST-ACK (RFC 9293 §3.10.4).",
      misconception: "close-wait-is-last-ack" as const,
    },
    { first: "LAST-ACK", then: "peer-time-wait", why: "The peer enters TIME-WAIT when our FIN reaches it, so our FIN must have left first: that is our close()." },
    { first: "peer-time-wait", then: "CLOSED", why: "The peer sends the ACK of our FIN as it enters TIME-WAIT; our socket is gone only when that ACK has crossed the network." },
    { first: "LAST-ACK", then: "CLOSED", why: "The socket is gone only once the peer has ACKed our FIN, which LAST-ACK waits for." },
  ];
  const exercise: ExerciseDefinition<string[]> = orderingExercise({
    id: "close-wait-passive-closer-states",
    lessonId,
    title: "The states of the passive closer",
    prompt: "The peer closes first; your side is the passive closer. Put these moments of the close in the order they happen, from the open connection until your socket is gone.",
    items,
    draw: 4,
    rules,
    solution:
      "RFC 9293 §3.6 and figure 5: the peer's close() sends its FIN; when it arrives our kernel ACKs it and our socket enters CLOSE-WAIT, and our application's next recv() returns 0. Our application's close() sends our FIN → LAST-ACK (§3.10.4). The peer, in FIN-WAIT-2, ACKs that FIN and enters TIME-WAIT; when its ACK arrives our socket is CLOSED. The step from CLOSE-WAIT to LAST-ACK needs our application: that is why leaked sockets stay in CLOSE-WAIT.",
    testAnswers: { incorrect: (seed) => orderingWrongAnswers(exercise, seed, rules), invalid: [{ order: ["ESTABLISHED", "CLOSED"] }, { order: "ESTABLISHED,CLOSE-WAIT,LAST-ACK,CLOSED" }] },
  });
  return exercise;
}

/** Two state counts, one normal and one a leak: a pool of twelve statements, each variant draws its own. */
function readThePile() {
  const options: ChoiceOption[] = [
    { value: "a-normal", label: "Server A closes connections first; its TIME_WAIT count is about its connection rate × 60 s and is not a leak", correct: true, feedback: "True: TIME-WAIT sockets end on their own after 60 s (TCP_TIMEWAIT_LEN); 17,892 is ~300 closes per second." },
    { value: "b-bug", label: "Server B has an application bug: it does not close sockets whose peer has closed", correct: true, feedback: "True: CLOSE_WAIT only grows when close() is missing (RFC 9293 §3.3.2). Find the process with ss -tanp and the path that skips close()." },
    { value: "b-fds", label: "Every CLOSE_WAIT socket on B still holds a file descriptor of B's process, so ls /proc/PID/fd | wc -l grows with the pile", correct: true, feedback: "True: the application has not closed them, so each keeps its descriptor until the process hits RLIMIT_NOFILE (accept() then fails with EMFILE, man 2 accept)." },
    { value: "a-no-fd", label: "A's TIME_WAIT sockets hold no file descriptor: A's application has already closed them", correct: true, feedback: "True: TIME-WAIT comes after close(); the kernel keeps only a small inet_timewait_sock (tcp_time_wait() in net/ipv4/tcp_minisocks.c)." },
    { value: "steady", label: "If both servers keep the same load, A's TIME_WAIT count stays about where it is while B's CLOSE_WAIT count keeps growing", correct: true, feedback: "True: each TIME-WAIT expires after 60 s, so A's count settles at rate × 60 s (Little's law); nothing ends a CLOSE-WAIT but close(), so B's only grows." },
    { value: "b-ssp", label: "On B, ss -tanp state close-wait names the process and the descriptor number holding each of these sockets", correct: true, feedback: "True: -p adds users:((\"name\",pid=…,fd=…)) (run as root to see other users' processes)." },
    { value: "b-sysctl", label: "Server B's pile will drain by itself once tcp_fin_timeout (60 s) passes", correct: false, feedback: "False: no timer ends CLOSE-WAIT; tcp_fin_timeout concerns orphaned FIN-WAIT-2 (ip-sysctl.rst).", misconception: "close-wait-ended-by-kernel" },
    {
      value: "a-ports",
      label: "Server A will run out of ephemeral ports because of its TIME_WAIT sockets",
      correct: false,
      feedback: "False: a server's TIME-WAIT sockets all use its listening port; they differ by the clients' addresses and ports. Port exhaustion hits clients that close first.",
      misconception: "server-time-wait-uses-ports",
    },
    { value: "a-leak", label: "Server A's TIME_WAIT pile is a leak: restart the service to clear it", correct: false, feedback: "False: TIME-WAIT is the normal end of a connection closed by this side, and each one ends after 60 s (TCP_TIMEWAIT_LEN in include/net/tcp.h).", misconception: "time-wait-is-a-problem" },
    {
      value: "b-keepalive",
      label: "Turning on SO_KEEPALIVE for B's sockets would fix B's problem",
      correct: false,
      feedback: "False: keepalive could at most make the kernel reset some of these connections, after two hours of idleness by default (tcp_keepalive_time = 7200 s, ip-sysctl.rst); the descriptors stay open until the application closes them.",
      misconception: "keepalive-cleans-close-wait",
    },
    { value: "a-tw-reuse", label: "Setting tcp_tw_reuse = 1 on A would empty its TIME_WAIT pile", correct: false, feedback: "False: tcp_tw_reuse only lets this host's own connect() take over a TIME-WAIT port (tcp_twsk_unique(), ip-sysctl.rst); A accepted these connections.", misconception: "tw-reuse-shrinks-server-pile" },
    { value: "b-last-ack", label: "B's CLOSE_WAIT sockets are waiting for the clients' final ACK", correct: false, feedback: "False: waiting for the ACK of our own FIN is LAST-ACK. In CLOSE-WAIT this side has not sent its FIN yet (RFC 9293 §3.3.2).", misconception: "close-wait-is-last-ack" },
  ];
  const exercise: ExerciseDefinition<string[]> = choiceExercise({
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
    options,
    draw: { correct: [2, 3], wrong: 3 },
    solution:
      "TIME-WAIT belongs to the side that closed first and lasts 60 s (TCP_TIMEWAIT_LEN): a big number on a busy server is normal, bounded by rate × 60 s, holds no descriptor and costs the server no ports; tcp_tw_reuse does not touch it. CLOSE-WAIT belongs to the side that received the FIN and lasts until the application calls close() (RFC 9293 §3.3.2): a big, growing number is a descriptor leak, which ss -tanp, lsof and /proc/PID/fd trace to the process. No sysctl (tcp_fin_timeout) and no keepalive closes the leaked descriptors.",
    testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, true), invalid: [{ choice: ["a-normal", "c-unknown"] }, { choice: [] }] },
  });
  return exercise;
}

/** The fix depends on the cause: a forgotten close(), a pool keeping closed connections, or handlers stuck on a backend. */
function closeWaitFix() {
  type Value = "close-every-path" | "pool-evict" | "timeouts" | "fin-timeout" | "tw-reuse" | "restart";
  type Cause = "close-every-path" | "pool-evict" | "timeouts";
  type Scenario = { prompt: string; material: string; materialLabel: string; answer: Cause; solution: string };
  const scenarios: Scenario[] = [
    {
      // Not the widget's own server: the widget shows its leak and fix once the learner has found them (or given
      // up), so this variant asks the same question about another path that skips close().
      prompt: "A C server answers every malformed request with an error line. Its host shows one more socket in CLOSE-WAIT for each malformed request, and the count never goes down. Which change stops the pile from coming back?",
      material: [
        "n = recv(fd, buf, sizeof buf, 0);",
        "if (n > 0 && !valid_request(buf, n)) {",
        "    send(fd, \"ERR bad request\\n\", 16, 0);",
        "    return;",
        "}",
        "handle_request(fd, buf, n);",
        "close(fd);",
      ].join("\n"),
      materialLabel: "The handler",
      answer: "close-every-path",
      solution:
        "Linux keeps a CLOSE-WAIT socket until its owner closes it: no timer in net/ipv4/tcp_timer.c ends that state (RFC 9293 §3.3.2). After the error line the handler returns without closing fd; the client reads the error and closes, its FIN puts the server's socket in CLOSE-WAIT, and nothing ever takes it out. The fix is in the application: close the descriptor on every path (in C an early return needs its own close(); in languages with try/finally, with or defer, put the close there). Kernel sysctls cannot fix it.",
    },
    {
      prompt: "An application host keeps a pool of connections to its PostgreSQL server, which closes connections idle for 10 minutes. CLOSE-WAIT sockets like these pile up on the application host, and its first query after a quiet hour often fails. Which change stops the pile from coming back?",
      material: ["State       Recv-Q  Send-Q  Local Address:Port   Peer Address:Port", "CLOSE-WAIT  0       0       10.0.0.7:41822       10.0.0.20:5432", "CLOSE-WAIT  0       0       10.0.0.7:41830       10.0.0.20:5432"].join("\n"),
      materialLabel: "ss -tan state close-wait on the application host",
      answer: "pool-evict",
      solution:
        "The database closes idle connections first, so the pooled sockets on the application host receive a FIN and sit in CLOSE-WAIT (RFC 9293 §3.6) until the pool closes them; a query sent on one of them fails. The fix is in the pool: validate or evict idle connections before reuse, and keep the pool's idle timeout below the server's, so the pool closes them first (it then holds the TIME-WAIT, cheaply). No sysctl ends CLOSE-WAIT.",
    },
    {
      prompt: "All 200 worker threads of a service are blocked on calls to a slow backend that have no timeout. Accepted connections wait in its work queue; clients give up after 30 s and close. ss shows CLOSE-WAIT sockets like these on port 8080, and the pile shrinks again whenever the backend recovers. Which change stops the pile from coming back?",
      material: ["State       Recv-Q  Send-Q  Local Address:Port   Peer Address:Port", "CLOSE-WAIT  412     0       10.0.0.5:8080        10.0.3.17:51234", "CLOSE-WAIT  389     0       10.0.0.5:8080        10.0.3.22:40112"].join("\n"),
      materialLabel: "ss -tan state close-wait on the service's host",
      answer: "timeouts",
      solution:
        "Recv-Q shows the clients' requests unread (tcp_diag_get_info()): no handler has even read them, because every worker is stuck on the backend. The clients' FINs put the sockets in CLOSE-WAIT, and they leave it when a worker finally reads, answers (the client is gone, so the answer draws an RST) and closes: that is why the pile shrinks when the backend recovers. The fix: a timeout on every backend call, and a bounded work queue that refuses work it cannot start in time, so workers come back to close their connections. No sysctl ends CLOSE-WAIT.",
    },
  ];
  const label: Record<Value, string> = {
    "close-every-path": "Make every path that leaves the handler close the socket (close() in the early return, or a cleanup/finally/defer that always runs)",
    "pool-evict": "Make the pool close connections the server has closed: validate or evict idle ones before reuse, with an idle timeout below the server's",
    timeouts: "Put a timeout on the backend calls and bound the work queue, so workers come back to read, answer and close their connections",
    "fin-timeout": "Lower net.ipv4.tcp_fin_timeout to 10",
    "tw-reuse": "Set net.ipv4.tcp_tw_reuse = 1",
    restart: "Restart the service every night",
  };
  const common: Record<"fin-timeout" | "tw-reuse" | "restart", string> = {
    "fin-timeout": "That bounds an orphaned FIN-WAIT-2, the other side's state, on the machine where you set it (ip-sysctl.rst). It does nothing to CLOSE-WAIT.",
    "tw-reuse": "That lets connect() reuse TIME-WAIT 4-tuples (ip-sysctl.rst). These sockets are not in TIME-WAIT.",
    restart: "A restart does close the leaked descriptors (the kernel closes them when the process exits), but the pile grows back: it hides the cause.",
  };
  const right: Record<Cause, string> = {
    "close-every-path": "Right: CLOSE-WAIT ends only with the application's close(). Structure the code so no path can skip it.",
    "pool-evict": "Right: the pool keeps sockets the server has closed; closing them before reuse (or before the server does) ends the CLOSE-WAIT and the failed first queries.",
    timeouts: "Right: the handlers do close their sockets once they run; what keeps them in CLOSE-WAIT is workers stuck without a timeout.",
  };
  const wrong: Record<Cause, Record<Cause, string>> = {
    "close-every-path": {
      "close-every-path": "",
      "pool-evict": "This server opened none of these connections: they are connections it accepted from its clients.",
      timeouts: "The handler is not stuck: it returns at once, and the pile never shrinks by itself.",
    },
    "pool-evict": {
      "close-every-path": "Nothing here returns early without closing: these connections are kept on purpose, for reuse.",
      "pool-evict": "",
      timeouts: "Nothing is blocked here: the connections are idle in the pool.",
    },
    timeouts: {
      "close-every-path": "Every path does close the socket once a handler runs: the pile shrinks by itself when the backend recovers. The question is why handlers do not get there.",
      "pool-evict": "This service opened none of these connections: they are connections it accepted on port 8080.",
      timeouts: "",
    },
  };
  // What a wrong pick shows: a sysctl that would end CLOSE-WAIT, or CLOSE-WAIT taken for TIME-WAIT.
  const misconception: Partial<Record<Value, MisconceptionId>> = { "fin-timeout": "close-wait-ended-by-kernel", "tw-reuse": "close-wait-is-time-wait" };
  const build = (s: Scenario) => {
    const options = (["close-every-path", "pool-evict", "timeouts", "fin-timeout", "tw-reuse", "restart"] as const).map((value) => ({
      value,
      label: label[value],
      correct: value === s.answer,
      feedback: value === s.answer ? right[s.answer] : value === "fin-timeout" || value === "tw-reuse" || value === "restart" ? common[value] : wrong[s.answer][value],
      misconception: value === s.answer ? undefined : misconception[value],
    }));
    const exercise: ExerciseDefinition<string[]> = choiceExercise({
      id: "close-wait-fix",
      lessonId,
      title: "Fixing a CLOSE-WAIT pile",
      prompt: s.prompt,
      material: s.material,
      materialLabel: s.materialLabel,
      multiple: false,
      options,
      solution: s.solution,
      testAnswers: { incorrect: (seed) => choiceWrongAnswers(exercise, seed, options, false), invalid: [] },
    });
    return exercise;
  };
  return scenarioExercise(scenarios.map(build), { invalid: [{ choice: "reboot" }, { choice: ["fin-timeout", "restart"] }] });
}
