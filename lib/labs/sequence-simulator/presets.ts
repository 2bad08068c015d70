// The scenarios the sequence simulator starts from, one entry per preset.
// A lesson embeds one with <SequenceSimulator preset="name" />.
//
// Each scenario is a FORMAT.md scenario object (docs/scenario-format.md).
// Where a preset names a `capture`, its scenario is exactly the one that was run
// on a real Linux 6.18 kernel (a unit test checks that), so the widget can show
// the captured segments beside the simulated ones.
//
// To add a preset: add one entry below. `controls` says which extra controls
// the learner gets (dropping any segment is always available).
import type { CaptureName } from "./captures";

/** Sysctls a preset may expose as number inputs (see SYSCTL_LIMITS in controls.ts). */
export type SysctlControlName =
  | "tcp_syn_retries"
  | "tcp_synack_retries"
  | "tcp_syn_linear_timeouts"
  | "tcp_fin_timeout"
  | "tcp_tw_reuse"
  | "tcp_rfc1337";

export type Preset = {
  /** One line, shown as the widget's heading. */
  title: string;
  /** What to look at or try, one or two sentences. */
  hint: string;
  scenario: {
    sysctl: Record<string, number>;
    network: { delay: number };
    steps: Record<string, unknown>[];
    faults: Record<string, unknown>[];
  };
  controls: {
    /** Number inputs for the hosts' ISNs and a "random ISNs" button. */
    isn?: boolean;
    sysctls?: SysctlControlName[];
    /** Show the server's SYN queue and accept queue at the cursor. */
    queues?: boolean;
  };
  /** Start with absolute sequence numbers (relative ones mislead when a 4-tuple is reused). */
  absolute?: boolean;
  /** ISNs of each host's first connection, when the preset wants particular numbers. */
  isn?: { client?: number; server?: number };
  capture?: CaptureName;
};

const HANDSHAKE_STEPS = [
  { t: 0, host: "server", call: "listen", backlog: 128 },
  { t: 0.1, host: "client", call: "connect" },
  { t: 0.2, host: "server", call: "accept" },
  { t: 0.3, host: "client", call: "send", bytes: 100 },
  { t: 0.5, host: "server", call: "recv" },
];

export const PRESETS = {
  handshake: {
    title: "Three-way handshake",
    hint: "Step through SYN, SYN-ACK, ACK. Select a segment to see every field; tick “Drop this segment” to lose it and watch Linux retransmit.",
    scenario: { sysctl: {}, network: { delay: 0.01 }, steps: HANDSHAKE_STEPS, faults: [] },
    controls: { isn: true, sysctls: ["tcp_syn_retries", "tcp_synack_retries"], queues: true },
    isn: { client: 1000, server: 5000 },
  },
  "handshake-lost-syn": {
    title: "Every SYN is lost",
    hint: "The client retransmits its SYN on Linux's schedule until connect() gives up with ETIMEDOUT. Change tcp_syn_retries or tcp_syn_linear_timeouts and watch the schedule and the give-up time change.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
      ],
      faults: [{ from: "client", drop: "syn" }],
    },
    controls: { sysctls: ["tcp_syn_retries", "tcp_syn_linear_timeouts"], queues: true },
    capture: "syn-retransmit-default",
  },
  "handshake-lost-synack": {
    title: "The first SYN-ACK is lost",
    hint: "The server keeps a request in its SYN queue and retransmits the SYN-ACK; the client, still in SYN-SENT, retransmits its SYN. Whichever copy gets through completes the handshake.",
    scenario: {
      sysctl: {},
      network: { delay: 0.01 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
      ],
      faults: [{ from: "server", drop: "syn", until: 0.5 }],
    },
    controls: { isn: true, sysctls: ["tcp_syn_retries", "tcp_synack_retries"], queues: true },
    isn: { client: 1000, server: 5000 },
  },
  "handshake-synack-unacked": {
    title: "The client's ACKs never arrive",
    hint: "connect() has already returned on the client, but the server only sees SYN-ACK retransmissions go unanswered: 1 + tcp_synack_retries copies, then the request disappears without an RST.",
    scenario: {
      sysctl: { tcp_synack_retries: 5 },
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 66, host: "client", call: "abort" },
      ],
      faults: [{ from: "client", drop: "all", after: "first-syn" }],
    },
    controls: { sysctls: ["tcp_synack_retries"], queues: true },
    capture: "syn-ack-retransmit",
  },
  "handshake-old-duplicate-syn": {
    title: "An old duplicate SYN (RFC 9293 figure 8)",
    hint: "A SYN from an abandoned attempt (seq 90) is held up in the network and reaches the server after the client has started a new connection from the same port. The server answers it; the client sees an ACK for a SYN it no longer has and answers with RST.",
    scenario: {
      sysctl: {},
      network: { delay: 0.05 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        // non-blocking, so the program can give up on the first attempt while it is in progress
        { t: 0.1, host: "client", call: "connect", localPort: 40000, nonBlocking: true },
        { t: 0.5, host: "client", call: "abort" },
        { t: 2, host: "client", call: "connect", localPort: 40000 },
        { t: 3.5, host: "server", call: "accept" },
      ],
      // The first SYN spends 2 s in the network: it is the "old duplicate".
      faults: [{ from: "client", delay: 2, until: 0.2 }],
    },
    controls: { queues: true },
    absolute: true,
    isn: { client: 90, server: 300 },
  },
  "connection-refused": {
    title: "connect() to a port nobody listens on",
    hint: "The server's kernel answers the SYN with RST+ACK at once; connect() fails with ECONNREFUSED.",
    scenario: { sysctl: {}, network: { delay: 0 }, steps: [{ t: 0.101, host: "client", call: "connect" }], faults: [] },
    controls: {},
    capture: "connection-refused",
  },
  "close-client-first": {
    title: "The client closes first",
    hint: "The client's close() sends FIN: FIN-WAIT-1, FIN-WAIT-2 once it is ACKed, TIME-WAIT when the server's FIN arrives. The server sits in CLOSE-WAIT until its application calls close().",
    scenario: {
      sysctl: { tcp_fin_timeout: 60, tcp_max_tw_buckets: 512 },
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.51, host: "server", call: "recv" },
        { t: 0.6, host: "server", call: "send", bytes: 50 },
        { t: 0.8, host: "client", call: "recv" },
        { t: 1, host: "client", call: "close" },
        { t: 1.501, host: "server", call: "close" },
      ],
      faults: [],
    },
    controls: { isn: true },
    capture: "client-active-close",
  },
  "close-server-first": {
    title: "The server closes first",
    hint: "Now the server is the active closer: it goes through FIN-WAIT-1 and FIN-WAIT-2 and ends in TIME-WAIT, not the client.",
    scenario: {
      sysctl: { tcp_fin_timeout: 60, tcp_max_tw_buckets: 512 },
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.5, host: "server", call: "recv" },
        { t: 0.6, host: "server", call: "send", bytes: 50 },
        { t: 0.8, host: "client", call: "recv" },
        { t: 1, host: "server", call: "close" },
        { t: 1.5, host: "client", call: "close" },
      ],
      faults: [],
    },
    controls: { isn: true },
    capture: "server-active-close",
  },
  "half-close": {
    title: "Half-close: shutdown(SHUT_WR), then more data the other way",
    hint: "The client's FIN only closes its sending direction. The server, in CLOSE-WAIT, keeps sending 100-byte segments that the client, in FIN-WAIT-2, ACKs and reads.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.4, host: "client", call: "shutdown" },
        { t: 0.602, host: "server", call: "recv" },
        { t: 1, host: "server", call: "send", bytes: 100 },
        { t: 1.1, host: "client", call: "recv" },
        { t: 1.5, host: "server", call: "send", bytes: 100 },
        { t: 1.6, host: "client", call: "recv" },
        { t: 2, host: "server", call: "send", bytes: 100 },
        { t: 2.1, host: "client", call: "recv" },
        { t: 2.5, host: "server", call: "close" },
        { t: 2.7, host: "client", call: "recv" },
        { t: 3, host: "client", call: "close" },
      ],
      faults: [],
    },
    controls: {},
    capture: "half-close",
  },
  "simultaneous-close": {
    title: "Simultaneous close",
    hint: "Both applications call close() at the same instant. Each side receives a FIN while its own FIN is unacknowledged: FIN-WAIT-1 → CLOSING → TIME-WAIT, on both sides.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 1, host: "client", call: "close" },
        { t: 1, host: "server", call: "close" },
      ],
      faults: [],
    },
    controls: {},
    capture: "simultaneous-close",
  },
  "three-segment-close": {
    title: "Three-segment close",
    hint: "The server closes 1 ms after the client's FIN arrives, before its delayed ACK would fire, so its FIN carries the ACK: F. / F. / . instead of four segments.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.5, host: "server", call: "recv" },
        { t: 1, host: "client", call: "close" },
        { t: 1.001, host: "server", call: "close" },
      ],
      faults: [],
    },
    controls: {},
    capture: "three-segment-close",
  },
  "close-with-unread-data": {
    title: "close() with unread data sends RST",
    hint: "The server never reads the client's 100 bytes. Its close() throws them away and sends RST instead of FIN; the client's next recv() fails with ECONNRESET.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 1, host: "server", call: "close" },
        { t: 1.5, host: "client", call: "recv" },
        { t: 2, host: "client", call: "close" },
      ],
      faults: [],
    },
    controls: {},
    capture: "close-with-unread-data",
  },
  abort: {
    title: "Abort: SO_LINGER with a zero timeout",
    hint: "close() with SO_LINGER {on, 0} sends a single RST: no FIN, no FIN-WAIT states, no TIME-WAIT. The server's next recv() fails with ECONNRESET.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.5, host: "server", call: "recv" },
        { t: 1, host: "client", call: "abort" },
        { t: 1.5, host: "server", call: "recv" },
        { t: 2, host: "server", call: "close" },
      ],
      faults: [],
    },
    controls: {},
    capture: "abort-established",
  },
  "fin-wait-2-orphan": {
    title: "An orphaned FIN-WAIT-2 times out (tcp_fin_timeout)",
    hint: "The client closed; the server never closes its end. With tcp_fin_timeout=5 the client's orphaned FIN-WAIT-2 socket is dropped after about 5 s, and the server's late data draws an RST.",
    scenario: {
      sysctl: { tcp_fin_timeout: 5 },
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 1, host: "client", call: "close" },
        { t: 9, host: "server", call: "send", bytes: 50 },
        { t: 9.5, host: "server", call: "recv" },
        { t: 10, host: "server", call: "close" },
      ],
      faults: [],
    },
    controls: { sysctls: ["tcp_fin_timeout"] },
    capture: "fin-wait-2-orphan-timeout",
  },
  // Lesson time-wait, reason 1 (RFC 9293 §3.3.2 and §3.10.7.4; tcp_timewait_state_process in net/ipv4/tcp_minisocks.c).
  "time-wait-lost-final-ack": {
    title: "TIME-WAIT reason 1: the final ACK is lost",
    hint: "The client's last ACK is dropped. The server, in LAST-ACK, retransmits its FIN; the client, still in TIME-WAIT, ACKs it again and restarts its 60 s timer. Without TIME-WAIT that FIN would have met no socket and drawn an RST.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect" },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.5, host: "server", call: "recv" },
        { t: 1, host: "client", call: "close" },
        { t: 1.5, host: "server", call: "close" },
      ],
      // Only the client's pure ACKs sent between 1.2 s and 1.6 s: the ACK of the server's FIN.
      faults: [{ from: "client", drop: "ack", after: 1.2, until: 1.6 }],
    },
    controls: {},
  },
  // Lesson time-wait, reason 2 (RFC 9293 §3.3.2, RFC 1337). The scenario of the capture
  // time-wait-bind-eaddrinuse: bind() of a port a TIME-WAIT socket holds fails with EADDRINUSE
  // without SO_REUSEADDR (inet_csk_get_port() -> inet_csk_bind_conflict() in
  // net/ipv4/inet_connection_sock.c); tcp_tw_reuse is read only when connect() picks a port.
  "time-wait-old-duplicate": {
    title: "TIME-WAIT reason 2: no new incarnation while old segments may still arrive",
    hint: "The client binds port 40000, connects, and closes first: its socket holds TIME-WAIT for client:40000 to server:80. At 3 s it binds port 40000 again and bind() fails with EADDRINUSE: the TIME-WAIT socket still owns the port, so no new connection exists for an old duplicate to land in. Set tcp_tw_reuse to 1 and nothing changes: it is read only when connect() picks a port itself and finds its candidates in TIME-WAIT. The connect() at 3.5 s lets the kernel pick a free port and succeeds.",
    scenario: {
      sysctl: {},
      network: { delay: 0 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect", localPort: 40000 },
        { t: 0.2, host: "server", call: "accept" },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.5, host: "server", call: "recv" },
        { t: 1, host: "client", call: "close" },
        { t: 1.1, host: "server", call: "close" },
        { t: 3, host: "client", call: "connect", localPort: 40000 },
        { t: 3.5, host: "client", call: "connect" },
        { t: 3.6, host: "server", call: "accept" },
        { t: 4, host: "client", call: "close" },
        { t: 4.1, host: "server", call: "close" },
      ],
      faults: [],
    },
    controls: { sysctls: ["tcp_tw_reuse"] },
    isn: { client: 1000, server: 5000 },
  },
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(PRESETS, name);
}
