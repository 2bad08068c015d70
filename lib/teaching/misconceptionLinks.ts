// Where the course addresses each misconception: the lesson section to send a
// class back to, and the widget (with its preset, for the sequence simulator)
// that shows the right picture. Keyed by the misconception ids the graders put
// on wrong answers (FeedbackItem.misconception, lib/exercises/misconceptions.ts)
// and the ids the free-text rubrics already use. A unit test checks every
// anchor against the headings rehype-slug gives the lesson, and every widget
// and preset against the lesson's MDX. Pure data.

export type MisconceptionLink = {
  /** /lessons/<slug> */
  lesson: string;
  /** A heading id in that lesson (rehype-slug, GitHub's slugs). */
  anchor: string;
  /** A widget in that lesson, and for the sequence simulator the preset that shows it. */
  widget?: { component: string; preset?: string };
};

const seq = (preset: string) => ({ component: "SequenceSimulator", preset });

export const MISCONCEPTION_LINKS: Readonly<Record<string, MisconceptionLink>> = {
  // Header fields
  "header-always-20-bytes": { lesson: "header-fields", anchor: "options-byte-20-onwards", widget: { component: "HeaderExplorer" } },
  "data-offset-in-bytes": { lesson: "header-fields", anchor: "data-offset-and-reserved-bits-byte-12", widget: { component: "HeaderExplorer" } },
  "tcp-header-has-length-field": { lesson: "header-fields", anchor: "data-offset-and-reserved-bits-byte-12" },
  "tcp-counts-segments": { lesson: "header-fields", anchor: "sequence-number-bytes-4-to-7" },
  "seq-ack-swapped": { lesson: "header-fields", anchor: "acknowledgment-number-bytes-8-to-11", widget: { component: "HeaderExplorer" } },
  "ack-is-received-seq": { lesson: "header-fields", anchor: "acknowledgment-number-bytes-8-to-11" },
  "fields-read-little-endian": { lesson: "header-fields", anchor: "the-fields-row-by-row", widget: { component: "HeaderExplorer" } },
  "first-syn-has-ack": { lesson: "three-way-handshake", anchor: "a-worked-example", widget: seq("handshake") },
  "fin-rst-confused": { lesson: "four-way-close", anchor: "rst-instead-of-fin", widget: seq("abort") },
  "checksum-is-security": { lesson: "header-fields", anchor: "checksum-bytes-16-and-17-and-the-pseudo-header" },
  "routers-verify-tcp-checksum": { lesson: "header-fields", anchor: "checksum-bytes-16-and-17-and-the-pseudo-header" },
  // The free-text rubric's own id for the same belief (lesson 1's explain-why).
  "routers-check-tcp-checksum": { lesson: "header-fields", anchor: "checksum-bytes-16-and-17-and-the-pseudo-header" },
  // Sequence space
  "syn-takes-no-sequence-number": { lesson: "three-way-handshake", anchor: "a-worked-example", widget: seq("handshake") },
  "fin-takes-no-sequence-number": { lesson: "four-way-close", anchor: "a-worked-example", widget: seq("close-client-first") },
  "pure-ack-takes-sequence-number": { lesson: "three-way-handshake", anchor: "a-worked-example", widget: seq("handshake") },
  "rst-takes-sequence-number": { lesson: "four-way-close", anchor: "rst-instead-of-fin", widget: seq("abort") },
  "sequence-numbers-do-not-wrap": { lesson: "three-way-handshake", anchor: "how-the-isn-is-chosen" },
  // Opening and the queues
  "connect-waits-for-accept": { lesson: "three-way-handshake", anchor: "the-syn-queue-and-the-accept-queue" },
  "refused-vs-dropped-syn": { lesson: "three-way-handshake", anchor: "when-nobody-listens", widget: seq("connection-refused") },
  "full-queue-sends-rst": { lesson: "syn-flood", anchor: "when-a-queue-is-full", widget: { component: "SynFloodLab" } },
  "accept-queue-holds-backlog": { lesson: "syn-flood", anchor: "the-limits-exactly" },
  "backlog-not-capped-by-somaxconn": { lesson: "syn-flood", anchor: "the-limits-exactly" },
  "somaxconn-sets-queue-size": { lesson: "syn-flood", anchor: "the-limits-exactly" },
  "max-syn-backlog-is-syn-queue-limit": { lesson: "syn-flood", anchor: "the-limits-exactly", widget: { component: "SynFloodLab" } },
  "syn-cookies-always-on": { lesson: "syn-flood", anchor: "syn-cookies", widget: { component: "SynFloodLab" } },
  "syn-cookies-help-accept-queue": { lesson: "syn-flood", anchor: "the-final-ack-and-a-full-accept-queue", widget: { component: "SynFloodLab" } },
  "fin-timeout-helps-syn-flood": { lesson: "syn-flood", anchor: "other-defences" },
  "synack-retries-180-seconds": { lesson: "three-way-handshake", anchor: "when-the-syn-ack-is-lost-or-the-final-ack", widget: seq("handshake-synack-unacked") },
  // Retransmission timers
  "initial-rto-3-seconds": { lesson: "peer-vanishes", anchor: "the-initial-rto-and-the-3-s-fallback-that-linux-rarely-uses" },
  "syn-backoff-doubles-from-start": { lesson: "three-way-handshake", anchor: "when-the-syn-is-lost", widget: seq("handshake-lost-syn") },
  "no-exponential-backoff": { lesson: "peer-vanishes", anchor: "sending-into-silence-tcp_retries2", widget: { component: "PeerVanishes" } },
  "backoff-has-no-cap": { lesson: "peer-vanishes", anchor: "worked-example-a-cut-cable-tcp_retries2--5", widget: { component: "PeerVanishes" } },
  // Closing
  "close-always-sends-fin": { lesson: "four-way-close", anchor: "rst-instead-of-fin", widget: seq("close-with-unread-data") },
  "time-wait-on-server": { lesson: "four-way-close", anchor: "a-worked-example", widget: seq("close-client-first") },
  "time-wait-on-client": { lesson: "four-way-close", anchor: "a-worked-example", widget: seq("close-server-first") },
  // The time-wait lesson's free-text rubric says "server-holds-it" for the same belief.
  "server-holds-it": { lesson: "time-wait", anchor: "who-enters-time-wait" },
  "time-wait-is-a-problem": { lesson: "time-wait", anchor: "reason-1-a-lost-final-ack", widget: seq("time-wait-lost-final-ack") },
  "fin-timeout-sets-time-wait": { lesson: "time-wait", anchor: "how-long-2-msl-in-the-rfc-60-s-in-linux" },
  "fin-timeout-is-msl": { lesson: "time-wait", anchor: "how-long-2-msl-in-the-rfc-60-s-in-linux" },
  "time-wait-lasts-2msl": { lesson: "time-wait", anchor: "how-long-2-msl-in-the-rfc-60-s-in-linux" },
  "linux-has-msl-setting": { lesson: "time-wait", anchor: "how-long-2-msl-in-the-rfc-60-s-in-linux" },
  "linux-msl-30s": { lesson: "time-wait", anchor: "how-long-2-msl-in-the-rfc-60-s-in-linux" },
  "fin-timeout-limits-half-close": { lesson: "four-way-close", anchor: "what-the-peer-sees-orphaned-fin-wait-2-and-tcp_fin_timeout", widget: seq("fin-wait-2-orphan") },
  "fin-wait-2-timeout-enters-time-wait": { lesson: "four-way-close", anchor: "what-the-peer-sees-orphaned-fin-wait-2-and-tcp_fin_timeout", widget: seq("fin-wait-2-orphan") },
  // TIME-WAIT tuning
  "tw-recycle-exists": { lesson: "time-wait", anchor: "the-knobs" },
  "tw-reuse-shrinks-server-pile": { lesson: "time-wait", anchor: "the-knobs", widget: { component: "TimeWaitLoad" } },
  "so-reuseaddr-shortens-time-wait": { lesson: "time-wait", anchor: "a-new-syn-for-a-4-tuple-in-time-wait" },
  "all-65535-ports-ephemeral": { lesson: "time-wait", anchor: "time-wait-under-load", widget: { component: "TimeWaitLoad" } },
  "tw-buckets-default-180000": { lesson: "time-wait", anchor: "the-knobs" },
  "server-time-wait-uses-ports": { lesson: "time-wait", anchor: "time-wait-under-load", widget: { component: "TimeWaitLoad" } },
  // CLOSE-WAIT
  "close-wait-ended-by-kernel": { lesson: "close-wait", anchor: "what-close-wait-means", widget: { component: "CloseWaitDebugger" } },
  "close-wait-is-last-ack": { lesson: "close-wait", anchor: "what-close-wait-means" },
  "close-wait-without-fin": { lesson: "close-wait", anchor: "what-close-wait-means" },
  "close-wait-is-time-wait": { lesson: "close-wait", anchor: "close-wait-or-time-wait" },
  "close-wait-on-server": { lesson: "close-wait", anchor: "what-close-wait-means" },
  "keepalive-cleans-close-wait": { lesson: "close-wait", anchor: "find-the-leak", widget: { component: "CloseWaitDebugger" } },
  // The peer vanishes
  "keepalive-on-by-default": { lesson: "peer-vanishes", anchor: "keepalive-probing-an-idle-connection", widget: { component: "PeerVanishes" } },
  "dead-peer-noticed-at-once": { lesson: "peer-vanishes", anchor: "what-the-survivor-can-know", widget: { component: "PeerVanishes" } },
  "half-open-is-time-wait": { lesson: "peer-vanishes", anchor: "what-the-survivor-can-know" },
  "fin-timeout-closes-idle-connections": { lesson: "peer-vanishes", anchor: "when-your-side-has-closed-orphans-and-last-ack" },
  // Lesson 7's free-text rubric ids.
  "fin-timeout-closes-them": { lesson: "peer-vanishes", anchor: "when-your-side-has-closed-orphans-and-last-ack" },
  "they-are-in-time-wait": { lesson: "peer-vanishes", anchor: "what-the-survivor-can-know" },
  "http-keepalive-is-tcp-keepalive": { lesson: "peer-vanishes", anchor: "http-keep-alive-who-closes" },
};

/** The lesson section (and widget) for a misconception id, if the table has one. */
export function misconceptionLink(id: string): MisconceptionLink | undefined {
  return Object.hasOwn(MISCONCEPTION_LINKS, id) ? MISCONCEPTION_LINKS[id] : undefined;
}

/** "/lessons/time-wait#who-enters-time-wait" */
export function lessonHref(link: MisconceptionLink): string {
  return `/lessons/${link.lesson}#${link.anchor}`;
}
