// The catalog of TCP misconceptions the graders recognise: one place, so the
// same wrong belief shown by different exercises carries the same id and text.
// A kind puts { id, label } on the wrong FeedbackItem that shows it (types.ts);
// the instructors' view groups wrong answers by that id.
//
// An id is stable (attempts store it) and kebab-case. The label names the wrong
// belief in a short sentence and never states the right answer (it is shown
// beside a wrong answer). The explanation says why it is wrong, with its source:
// an RFC section, a man page, Documentation/networking/ip-sysctl.rst, or the
// Linux function or constant, as of Linux 6.x.

export type Misconception = {
  /** The wrong belief, in a short sentence ("Thinks …"). */
  label: string;
  /** Why it is wrong, citing its source. */
  explanation: string;
  /** The primary sources the explanation rests on. */
  source: string;
};

export const MISCONCEPTIONS = {
  // ------------------------------------------------------------ header fields
  "header-always-20-bytes": {
    label: "Thinks the TCP header is always 20 bytes",
    explanation:
      "Only the fixed part is 20 bytes. Options follow it, and the data offset gives the real header length, up to 60 bytes; a Linux SYN carries 20 bytes of options, and every segment of a connection with timestamps carries 12.",
    source: "RFC 9293 §3.1 (Data Offset, Options); RFC 7323 §3.2",
  },
  "data-offset-in-bytes": {
    label: "Thinks the data offset field counts bytes",
    explanation:
      "The data offset is \"the number of 32-bit words in the TCP header\": a 4-bit field from 5 (20 bytes) to 15 (60 bytes). The header length in bytes is the field times 4.",
    source: "RFC 9293 §3.1 (Data Offset)",
  },
  "tcp-header-has-length-field": {
    label: "Thinks a TCP header field gives the segment's length",
    explanation:
      "No TCP field carries the segment length. The receiver works it out from the IP header (the TCP length of the pseudo-header is computed, not sent); the data offset covers only the TCP header.",
    source: "RFC 9293 §3.1 (Data Offset; TCP Length in the pseudo-header)",
  },
  "tcp-counts-segments": {
    label: "Thinks TCP's sequence, acknowledgment or window fields count segments",
    explanation:
      "TCP numbers bytes: every octet of data has a sequence number, the acknowledgment number is the next octet expected and the window is a number of octets. How many segments may be in flight is the sender's congestion window, which is never sent.",
    source: "RFC 9293 §3.1, §3.4; RFC 5681 §2",
  },
  "seq-ack-swapped": {
    label: "Confuses the sequence number with the acknowledgment number",
    explanation:
      "The sequence number numbers the sender's own bytes (where this segment's first byte sits); the acknowledgment number is about the other direction: the next sequence number the sender expects from its peer. In the header the sequence number is bytes 4-7, the acknowledgment number bytes 8-11.",
    source: "RFC 9293 §3.1",
  },
  "ack-is-received-seq": {
    label: "Thinks the acknowledgment number repeats the sequence number of the segment it acknowledges",
    explanation:
      "An ACK names the next sequence number expected: the received segment's sequence number plus its length (plus one for a SYN or FIN), not the sequence number it arrived with.",
    source: "RFC 9293 §3.1 (Acknowledgment Number), §3.4",
  },
  "fields-read-little-endian": {
    label: "Reads multi-byte header fields little-endian",
    explanation: "Header fields are sent in network byte order, big-endian: the first byte on the wire is the most significant.",
    source: "RFC 791 Appendix B (data transmission order); man 3 byteorder",
  },
  "first-syn-has-ack": {
    label: "Thinks the client's first SYN has the ACK flag set",
    explanation:
      "The first SYN has nothing to acknowledge yet: it is the one segment of a normal connection sent without ACK, and its acknowledgment number field is ignored. From the SYN-ACK on, every segment carries ACK.",
    source: "RFC 9293 §3.1 (ACK), §3.5 figure 6",
  },
  "fin-rst-confused": {
    label: "Confuses FIN (orderly close of one direction) with RST (abort)",
    explanation:
      "A FIN says the sender has no more data, after everything it sent is delivered, and the other direction stays open. An RST aborts the whole connection at once, data in flight included, or refuses a connection.",
    source: "RFC 9293 §3.6 (closing), §3.5.2 (reset generation)",
  },
  "checksum-is-security": {
    label: "Thinks the TCP checksum protects against attackers or proves who sent a segment",
    explanation:
      "The checksum is a 16-bit ones' complement sum that anyone can recompute after changing a segment: it detects accidental corruption and, through the pseudo-header, misdelivery. It hides and authenticates nothing.",
    source: "RFC 9293 §3.1 (Checksum); RFC 1071",
  },
  "routers-verify-tcp-checksum": {
    label: "Thinks routers verify the TCP checksum",
    explanation:
      "Only the receiving host checks the TCP checksum. Routers check and update the IPv4 header checksum, which covers only the IP header and is recomputed at each hop; IPv6 has no header checksum at all.",
    source: "RFC 9293 §3.1; RFC 791 §3.1 (Header Checksum); RFC 1812 §5.2.2; RFC 8200 §3 (no header checksum field)",
  },

  // ---------------------------------------------------------- sequence space
  "syn-takes-no-sequence-number": {
    label: "Thinks a SYN takes no sequence number",
    explanation:
      "A SYN occupies one sequence number, the ISN itself: data starts at ISN + 1, and the ACK of a SYN (or SYN-ACK) is its sequence number + 1.",
    source: "RFC 9293 §3.4",
  },
  "fin-takes-no-sequence-number": {
    label: "Thinks a FIN takes no sequence number",
    explanation: "A FIN occupies one sequence number after the last data byte, so the ACK of a FIN is its sequence number + 1 (plus its data, if it carries any).",
    source: "RFC 9293 §3.4, §3.6",
  },
  "pure-ack-takes-sequence-number": {
    label: "Thinks a segment without data, SYN or FIN uses up a sequence number",
    explanation:
      "Only data bytes and the SYN and FIN flags occupy sequence space. A pure ACK, a duplicate ACK or a window update carries none of them and leaves the sender's next sequence number where it was; a keepalive probe reuses an old number.",
    source: "RFC 9293 §3.4 (SEG.LEN), §3.8.4",
  },
  "rst-takes-sequence-number": {
    label: "Thinks an RST uses up a sequence number",
    explanation: "RST is not one of the controls that occupy sequence space (only SYN and FIN are), so nothing acknowledges a reset.",
    source: "RFC 9293 §3.4, §3.5.2",
  },
  "sequence-numbers-do-not-wrap": {
    label: "Thinks sequence numbers keep growing past 2^32",
    explanation: "Sequence numbers are 32 bits and all arithmetic on them is modulo 2^32: after 4294967295 comes 0.",
    source: "RFC 9293 §3.4",
  },

  // ------------------------------------------------------- opening, queues
  "connect-waits-for-accept": {
    label: "Thinks the handshake waits for the server application's accept()",
    explanation:
      "The kernels complete the handshake alone: the client is ESTABLISHED and connect() returns when the SYN-ACK arrives, and the server's kernel queues the finished connection. accept() only takes it out of the accept queue later.",
    source: "RFC 9293 §3.10.7.3; man 2 accept; inet_csk_accept() in net/ipv4/inet_connection_sock.c",
  },
  "refused-vs-dropped-syn": {
    label: "Confuses a refused connection with a silently dropped SYN",
    explanation:
      "A host with no listener on the port answers the SYN at once with RST+ACK, and connect() fails with ECONNREFUSED within a round trip. A SYN that is dropped (a firewall, a full listen queue) gets no answer: the client retransmits and fails with ETIMEDOUT only when its retries run out.",
    source: "RFC 9293 §3.10.7.1; man 2 connect (ECONNREFUSED, ETIMEDOUT); tcp_write_timeout() in net/ipv4/tcp_timer.c",
  },
  "full-queue-sends-rst": {
    label: "Thinks Linux answers with a reset when a listen queue is full",
    explanation:
      "On a full SYN queue Linux sends a SYN cookie or drops the SYN silently; on a full accept queue it drops the SYN, and with tcp_abort_on_overflow = 0 (the default) it also drops the final ACK and retransmits the SYN-ACK later. A reset comes only with tcp_abort_on_overflow = 1, and only for the final ACK.",
    source: "tcp_conn_request() in net/ipv4/tcp_input.c; tcp_check_req() in net/ipv4/tcp_minisocks.c; ip-sysctl.rst (tcp_abort_on_overflow)",
  },
  "accept-queue-holds-backlog": {
    label: "Thinks the accept queue is full when it holds exactly the backlog",
    explanation:
      "The accept queue counts as full only when it holds more than sk_max_ack_backlog = min(backlog, somaxconn): sk_acceptq_is_full() tests '>', so one more connection fits. ss -ltn shows that limit as Send-Q.",
    source: "sk_acceptq_is_full() in include/net/sock.h; __sys_listen() in net/socket.c",
  },
  "backlog-not-capped-by-somaxconn": {
    label: "Thinks the listen() backlog is used as given even above net.core.somaxconn",
    explanation: "\"If the backlog argument is greater than the value in /proc/sys/net/core/somaxconn, then it is silently capped to that value.\"",
    source: "man 2 listen; __sys_listen() in net/socket.c",
  },
  "somaxconn-sets-queue-size": {
    label: "Thinks net.core.somaxconn sets the queue size even when the backlog is smaller",
    explanation: "somaxconn is only an upper bound on the backlog: the kernel keeps min(backlog, somaxconn), so a smaller backlog passed to listen() is what counts.",
    source: "man 2 listen; __sys_listen() in net/socket.c",
  },
  "max-syn-backlog-is-syn-queue-limit": {
    label: "Thinks tcp_max_syn_backlog is the size of the SYN queue",
    explanation:
      "In Linux 6.x the SYN queue is full above min(backlog, somaxconn) (inet_csk_reqsk_queue_is_full()). tcp_max_syn_backlog is read only when tcp_syncookies = 0: SYNs from unproven peers are then dropped once the queue passes three quarters of it. \"When syncookies are enabled there is no logical maximum length and this setting is ignored.\"",
    source: "tcp_conn_request() in net/ipv4/tcp_input.c; man 2 listen",
  },
  "syn-cookies-always-on": {
    label: "Thinks Linux answers every SYN with a SYN cookie",
    explanation:
      "With the default tcp_syncookies = 1, cookies are sent only \"when the syn backlog queue of a socket overflows\"; every other SYN gets a normal SYN-ACK and a request in the SYN queue. Only tcp_syncookies = 2 sends them unconditionally, and 0 never.",
    source: "ip-sysctl.rst (tcp_syncookies); tcp_conn_request() and tcp_syn_flood_action() in net/ipv4/tcp_input.c",
  },
  "syn-cookies-help-accept-queue": {
    label: "Thinks SYN cookies help when the accept queue is full",
    explanation:
      "Cookies replace state in the SYN queue only. A SYN that finds the accept queue full is dropped, cookie or not (TcpExtListenOverflows): a finished connection would have nowhere to go. That is fixed in the application (accept() faster) or with a larger backlog.",
    source: "tcp_conn_request() in net/ipv4/tcp_input.c",
  },
  "fin-timeout-helps-syn-flood": {
    label: "Thinks tcp_fin_timeout limits half-open connections of a SYN flood",
    explanation:
      "tcp_fin_timeout is how long an orphaned connection stays in FIN-WAIT-2, at the end of a connection. A spoofed SYN never gets past SYN-RECV; how long its request stays is set by tcp_synack_retries.",
    source: "ip-sysctl.rst (tcp_fin_timeout, tcp_synack_retries); reqsk_timer_handler() in net/ipv4/inet_connection_sock.c",
  },
  "synack-retries-180-seconds": {
    label: "Thinks an unanswered SYN-ACK is retried for about 180 seconds",
    explanation:
      "The SYN-ACK timer starts at 1 s and doubles: with the default tcp_synack_retries = 5 the last retransmission leaves at 31 s and the request is dropped at 63 s.",
    source: "ip-sysctl.rst (tcp_synack_retries); reqsk_timer_handler() in net/ipv4/inet_connection_sock.c",
  },

  // ------------------------------------------------------ retransmission timers
  "initial-rto-3-seconds": {
    label: "Thinks the initial retransmission timeout is three seconds",
    explanation: "The initial RTO is 1 s (RFC 6298 §2.1; TCP_TIMEOUT_INIT in include/net/tcp.h). RFC 1122's 3 s survives only as a fallback, when a retransmitted handshake gave no RTT sample (RFC 6298 §5.7; TCP_TIMEOUT_FALLBACK).",
    source: "RFC 6298 §2.1, §5.7; include/net/tcp.h",
  },
  "syn-backoff-doubles-from-start": {
    label: "Thinks every SYN retransmission doubles the timeout (ignores tcp_syn_linear_timeouts)",
    explanation:
      "On Linux 6.18 the first tcp_syn_linear_timeouts retransmissions (default 4) keep the 1 s initial RTO; only later ones double it. With the defaults that is 11 SYNs and ETIMEDOUT at about 131 s, not 1 + 2 + 4 + … .",
    source: "ip-sysctl.rst (tcp_syn_linear_timeouts, tcp_syn_retries); tcp_retransmit_timer() in net/ipv4/tcp_timer.c",
  },
  "no-exponential-backoff": {
    label: "Thinks retransmissions repeat at a fixed interval",
    explanation: "After each retransmission the timer is backed off: RTO = RTO × 2, up to a maximum. So N retransmissions take far longer than N times the first timeout.",
    source: "RFC 6298 §5.5; tcp_retransmit_timer() and tcp_model_timeout() in net/ipv4/tcp_timer.c",
  },
  "backoff-has-no-cap": {
    label: "Thinks the retransmission timeout keeps doubling without limit",
    explanation: "Backoff stops at TCP_RTO_MAX, 120 s: from there every interval is 120 s. RFC 6298 allows a maximum of at least 60 s.",
    source: "TCP_RTO_MAX in include/net/tcp.h; RFC 6298 §2.5",
  },

  // ---------------------------------------------------------------- closing
  "close-always-sends-fin": {
    label: "Thinks close() always sends a FIN, even with unread data",
    explanation:
      "When close() throws away received data the application never read, Linux sends RST instead of FIN: a FIN would claim that everything was delivered. The peer's next call fails with ECONNRESET.",
    source: "tcp_close() in net/ipv4/tcp.c; RFC 2525 §2.17; RFC 9293 §3.6",
  },
  "time-wait-on-server": {
    label: "Thinks TIME-WAIT is always on the server",
    explanation:
      "TIME-WAIT belongs to the side that sends the first FIN, the active closer, whatever its role: a client that closes first holds it, and in a simultaneous close both sides do.",
    source: "RFC 9293 §3.6, figures 12 and 13",
  },
  "time-wait-on-client": {
    label: "Thinks TIME-WAIT is always on the client",
    explanation:
      "TIME-WAIT belongs to the side that sends the first FIN, the active closer, whatever its role: a server that closes first (HTTP/1.0, an idle timeout) collects the TIME-WAIT sockets.",
    source: "RFC 9293 §3.6, figures 12 and 13",
  },
  "time-wait-is-a-problem": {
    label: "Thinks TIME-WAIT is an error state or a leak",
    explanation:
      "TIME-WAIT is the normal end of every close that ends with FINs, on the side that closed first: it absorbs old duplicates and repeats a lost last ACK, and each socket ends on its own after 60 s on Linux, holding no file descriptor.",
    source: "RFC 9293 §3.3.2, §3.6.1; TCP_TIMEWAIT_LEN in include/net/tcp.h",
  },
  "fin-timeout-sets-time-wait": {
    label: "Thinks tcp_fin_timeout sets the length of TIME-WAIT",
    explanation:
      "tcp_fin_timeout is \"the length of time an orphaned (no longer referenced by any application) connection will remain in the FIN_WAIT_2 state\". TIME-WAIT on Linux is TCP_TIMEWAIT_LEN, a compile-time constant of 60 s that no sysctl changes.",
    source: "ip-sysctl.rst (tcp_fin_timeout); TCP_TIMEWAIT_LEN in include/net/tcp.h",
  },
  "fin-timeout-is-msl": {
    label: "Thinks tcp_fin_timeout is the MSL, so TIME-WAIT lasts twice it",
    explanation: "Linux has no MSL setting, and tcp_fin_timeout is not one: it is the lifetime of an orphaned FIN-WAIT-2 itself, not doubled, and TIME-WAIT is the fixed TCP_TIMEWAIT_LEN (60 s).",
    source: "ip-sysctl.rst (tcp_fin_timeout); TCP_TIMEWAIT_LEN in include/net/tcp.h",
  },
  "time-wait-lasts-2msl": {
    label: "Thinks Linux keeps TIME-WAIT for 2 × MSL (2 or 4 minutes)",
    explanation:
      "RFC 9293 defines MSL as 2 minutes, so 2 × MSL is 4 minutes by the book, but Linux does not compute it: every TIME-WAIT lasts TCP_TIMEWAIT_LEN, 60 s.",
    source: "RFC 9293 §3.4.2; TCP_TIMEWAIT_LEN in include/net/tcp.h",
  },
  "linux-has-msl-setting": {
    label: "Thinks Linux has an MSL setting (or an MSL of 30 seconds)",
    explanation: "Linux has no MSL at all, neither a sysctl nor a constant: its TIME-WAIT length is the one constant TCP_TIMEWAIT_LEN (60 s), not derived from an MSL.",
    source: "TCP_TIMEWAIT_LEN in include/net/tcp.h; ip-sysctl.rst (no MSL entry)",
  },
  "fin-timeout-limits-half-close": {
    label: "Thinks tcp_fin_timeout also ends a FIN-WAIT-2 reached by shutdown(SHUT_WR)",
    explanation:
      "tcp_fin_timeout applies only to orphaned sockets, those no application holds any more. A socket half-closed with shutdown(SHUT_WR) is still held and may read for as long as the peer sends: no timer ends that FIN-WAIT-2.",
    source: "ip-sysctl.rst (tcp_fin_timeout); man 7 tcp (TCP_LINGER2); RFC 9293 §3.6.1",
  },
  "fin-wait-2-timeout-enters-time-wait": {
    label: "Thinks an orphaned FIN-WAIT-2 that times out goes on to TIME-WAIT",
    explanation:
      "TIME-WAIT begins only when the peer's FIN arrives. An orphaned FIN-WAIT-2 whose tcp_fin_timeout runs out is simply dropped, without TIME-WAIT; a later segment from the peer draws an RST.",
    source: "RFC 9293 §3.10.7.4 (FIN in FIN-WAIT-2); ip-sysctl.rst (tcp_fin_timeout: \"aborted at the local end\")",
  },

  // ----------------------------------------------------------- TIME-WAIT tuning
  "tw-recycle-exists": {
    label: "Thinks tcp_tw_recycle exists and is safe to enable",
    explanation:
      "tcp_tw_recycle was removed in Linux 4.12 (commit 4396e46187ca): it dropped SYNs from clients behind NAT, whose timestamps are not monotonic, and became useless once timestamps got a random offset per connection.",
    source: "Linux commit 4396e46187ca (\"tcp: remove tcp_tw_recycle\")",
  },
  "tw-reuse-shrinks-server-pile": {
    label: "Thinks tcp_tw_reuse shrinks a server's TIME-WAIT pile",
    explanation:
      "tcp_tw_reuse is read only when this host's own connect() looks for a local port (tcp_twsk_unique()). The TIME-WAIT sockets of connections a server accepted are not taken over by anything the server does.",
    source: "ip-sysctl.rst (tcp_tw_reuse); tcp_twsk_unique() in net/ipv4/tcp_ipv4.c",
  },
  "so-reuseaddr-shortens-time-wait": {
    label: "Thinks SO_REUSEADDR shortens TIME-WAIT",
    explanation: "SO_REUSEADDR changes what bind() allows; the TIME-WAIT socket still lasts TCP_TIMEWAIT_LEN.",
    source: "man 7 socket (SO_REUSEADDR); inet_csk_bind_conflict() in net/ipv4/inet_connection_sock.c",
  },
  "all-65535-ports-ephemeral": {
    label: "Thinks connect() can use all 65535 ports",
    explanation: "connect() picks local ports only from ip_local_port_range, 32768 to 60999 by default: 28,232 ports, per destination address and port.",
    source: "ip-sysctl.rst (ip_local_port_range); __inet_hash_connect() in net/ipv4/inet_hashtables.c",
  },
  "tw-buckets-default-180000": {
    label: "Thinks tcp_max_tw_buckets defaults to 180000 on every machine",
    explanation: "Its default is half the number of buckets of the network namespace's TCP hash table, so it depends on memory.",
    source: "tcp_set_hashinfo() in net/ipv4/tcp_ipv4.c; ip-sysctl.rst (tcp_max_tw_buckets)",
  },
  "server-time-wait-uses-ports": {
    label: "Thinks a server's TIME-WAIT sockets use up its ephemeral ports",
    explanation:
      "The TIME-WAIT sockets of accepted connections all use the server's listening port and differ by the clients' addresses and ports. Port exhaustion hits the side that opens connections and closes them first.",
    source: "RFC 9293 §2.2 (a connection is named by both sockets); __inet_hash_connect() in net/ipv4/inet_hashtables.c",
  },

  // -------------------------------------------------------------- CLOSE-WAIT
  "close-wait-ended-by-kernel": {
    label: "Thinks the kernel, a timer or a sysctl clears CLOSE-WAIT sockets",
    explanation:
      "CLOSE-WAIT is \"waiting for a connection termination request from the local user\": only the application's close() (or its exit) ends it. No timer in net/ipv4/tcp_timer.c ends CLOSE-WAIT, and tcp_fin_timeout concerns the peer's orphaned FIN-WAIT-2. A growing pile is a bug in the code.",
    source: "RFC 9293 §3.3.2; net/ipv4/tcp_timer.c; ip-sysctl.rst (tcp_fin_timeout)",
  },
  "close-wait-is-last-ack": {
    label: "Thinks CLOSE-WAIT waits for the peer's final ACK",
    explanation: "Waiting for the ACK of our own FIN is LAST-ACK. In CLOSE-WAIT this side has received the peer's FIN and has not sent its own yet: it waits for its application's close().",
    source: "RFC 9293 §3.3.2, §3.6",
  },
  "close-wait-without-fin": {
    label: "Thinks CLOSE-WAIT comes from peers that vanished without a FIN",
    explanation: "A socket enters CLOSE-WAIT only when the peer's FIN arrives: the peer closed properly. A peer that vanished sends nothing, and the socket stays ESTABLISHED.",
    source: "RFC 9293 §3.6, §3.10.7.4",
  },
  "close-wait-is-time-wait": {
    label: "Confuses CLOSE-WAIT with TIME-WAIT",
    explanation: "TIME-WAIT is the active closer's state and ends by itself after 60 s (TCP_TIMEWAIT_LEN). CLOSE-WAIT is the passive closer's, waiting for its own application, and has no timer.",
    source: "RFC 9293 §3.3.2, §3.6; TCP_TIMEWAIT_LEN in include/net/tcp.h",
  },
  "close-wait-on-server": {
    label: "Thinks CLOSE-WAIT always means the server did not close",
    explanation:
      "CLOSE-WAIT belongs to whichever side received the first FIN. A client whose pool keeps connections the server has closed shows CLOSE-WAIT just the same.",
    source: "RFC 9293 §3.6",
  },
  "keepalive-cleans-close-wait": {
    label: "Thinks TCP keepalive cleans up CLOSE-WAIT sockets",
    explanation:
      "Keepalive is off unless the application sets SO_KEEPALIVE; when on, it waits tcp_keepalive_time (7200 s) of idleness, and even a connection it declares dead keeps its file descriptor until the application closes it.",
    source: "man 7 tcp; ip-sysctl.rst (tcp_keepalive_time, tcp_keepalive_intvl, tcp_keepalive_probes)",
  },

  // ----------------------------------------------------------- peer vanishes
  "keepalive-on-by-default": {
    label: "Thinks TCP keepalive is on by default",
    explanation:
      "Keep-alives \"MUST default to off\": a socket sends probes only if its program sets SO_KEEPALIVE, and tcp_keepalive_time applies only to such sockets.",
    source: "RFC 1122 §4.2.3.6; man 7 socket (SO_KEEPALIVE); man 7 tcp",
  },
  "dead-peer-noticed-at-once": {
    label: "Thinks a dead or unplugged peer is noticed at once",
    explanation:
      "A dead host or a cut cable sends nothing: no FIN, no RST. Your side learns only when its own segments go unanswered, after retransmissions (tcp_retries2) or keepalive probes; an idle connection without keepalive stays ESTABLISHED (half-open).",
    source: "RFC 9293 §3.5.1; RFC 1122 §4.2.3.6; ip-sysctl.rst (tcp_retries2)",
  },
  "half-open-is-time-wait": {
    label: "Thinks connections to a vanished peer sit in TIME-WAIT",
    explanation: "Nobody closed anything, so these connections are still ESTABLISHED (half-open). TIME-WAIT follows a close with FINs.",
    source: "RFC 9293 §3.5.1, §3.6",
  },
  "fin-timeout-closes-idle-connections": {
    label: "Thinks tcp_fin_timeout closes idle ESTABLISHED connections",
    explanation: "tcp_fin_timeout limits an orphaned FIN-WAIT-2, a socket whose own side already closed; it never touches an ESTABLISHED connection.",
    source: "ip-sysctl.rst (tcp_fin_timeout)",
  },
  "http-keepalive-is-tcp-keepalive": {
    label: "Thinks HTTP keep-alive and TCP keepalive are the same thing",
    explanation:
      "HTTP keep-alive (persistent connections, the default in HTTP/1.1) reuses one connection for several requests; a server's keepalive timeout is an HTTP idle timeout that ends in a FIN. TCP keepalive is the SO_KEEPALIVE probe mechanism, which HTTP does not touch.",
    source: "RFC 9112 §9.3; man 7 tcp (TCP_KEEPIDLE)",
  },
} as const satisfies Record<string, Misconception>;

export type MisconceptionId = keyof typeof MISCONCEPTIONS;

export const MISCONCEPTION_IDS = Object.keys(MISCONCEPTIONS) as MisconceptionId[];

export function isMisconceptionId(id: string): id is MisconceptionId {
  return Object.hasOwn(MISCONCEPTIONS, id);
}

/** What a wrong FeedbackItem carries: the id and the catalog's label. */
export function misconceptionTag(id: MisconceptionId): { id: MisconceptionId; label: string } {
  const entry: Misconception | undefined = MISCONCEPTIONS[id];
  if (!entry) throw new Error(`Unknown misconception "${String(id)}": add it to lib/exercises/misconceptions.ts`);
  return { id, label: entry.label };
}

/** `{ misconception }` for a FeedbackItem when an id is given, nothing otherwise (so items without one keep their shape). */
export function tagged(id: MisconceptionId | undefined): { misconception?: { id: MisconceptionId; label: string } } {
  return id === undefined ? {} : { misconception: misconceptionTag(id) };
}
