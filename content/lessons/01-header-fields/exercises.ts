// Exercises of the lesson "TCP header fields" (index.mdx beside this file).
import type { ExerciseDefinition, IncorrectTestAnswer } from "@/lib/exercises/types";
import { choiceExercise, type ChoiceOption } from "@/lib/exercises/kinds/choice";
import { explainWhyExercise } from "@/lib/exercises/kinds/explainWhy";
import { headerBytesAckFlags } from "@/lib/exercises/kinds/headerBytesAckFlags";
import { matchingExercise, type MatchingSpec } from "@/lib/exercises/kinds/matching";
import { distinctMistakes, numericExercise, numericTestAnswers } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { variantRandom } from "@/lib/exercises/variantRandom";
import { choiceWrongAnswers, matchingWrongAnswers, opening, scenarioExercise } from "@/lib/exercises/variants";

const lessonId = "lesson-header-fields";

// Option sizes on the wire (RFC 9293 §3.2; RFC 7323 §2.2 and §3.2; RFC 2018 §2).
const OPTION_SIZES = [
  { name: "MSS", bytes: 4 },
  { name: "SACK-permitted", bytes: 2 },
  { name: "Timestamps", bytes: 10 },
  { name: "Window scale", bytes: 3 },
] as const;

function dataOffsetVariant(random: ReturnType<typeof variantRandom>) {
  const chosen = OPTION_SIZES.filter(() => random.int(0, 1) === 1);
  const options = chosen.length > 0 ? chosen : [OPTION_SIZES[0]];
  const optionBytes = options.reduce((sum, option) => sum + option.bytes, 0);
  const padded = Math.ceil(optionBytes / 4) * 4;
  const answer = (20 + padded) / 4;
  return {
    prompt: `A segment carries these options and nothing else: ${options.map((o) => `${o.name} (${o.bytes} bytes)`).join(", ")}. The sender pads the options with NOP or EOL to a multiple of 4 bytes. What does its data offset field say?`,
    answer,
    tolerance: 0,
    hints: ["Start from the fixed part of the header: 20 bytes.", "The field counts 32-bit words, not bytes, and options are padded to a multiple of 4 bytes."],
    solution: `The fixed header is 20 bytes. The options take ${optionBytes} bytes, padded to ${padded}. The header is ${20 + padded} bytes, and the data offset counts 32-bit words: ${20 + padded} / 4 = ${answer} (RFC 9293 §3.1: "The number of 32-bit words in the TCP header").`,
    mistakes: distinctMistakes(answer, [
      { value: 20 + padded, message: "That is the header length in bytes; the field counts 32-bit words, so divide by 4.", names: /in bytes.*32-bit words/, misconception: "data-offset-in-bytes" },
      {
        value: 20 + optionBytes,
        message: "That is a length in bytes, and without the padding: options are padded to a multiple of 4 bytes, and the field counts 32-bit words.",
        names: /in bytes.*padding/,
        misconception: "data-offset-in-bytes",
      },
      ...(padded !== optionBytes
        ? [{ value: (20 + optionBytes) / 4, message: "The options are padded to a multiple of 4 bytes before the header length is counted.", names: /padded to a multiple of 4/ }]
        : []),
      { value: padded / 4, message: "That counts only the options: the fixed 20-byte header is part of the header length too.", names: /fixed 20-byte header/ },
      { value: 5, message: "5 words is the fixed 20-byte header alone; the options make the header longer.", names: /fixed 20-byte header/, misconception: "header-always-20-bytes" },
    ]),
  };
}

const dataOffset = numericExercise({
  id: "header-fields-data-offset",
  lessonId,
  title: "Data offset of a header with options",
  label: "Data offset (in 32-bit words)",
  generate: dataOffsetVariant,
  testAnswers: numericTestAnswers(dataOffsetVariant),
});

const SEGMENTS_IN_FLIGHT = "How many segments the sender may still send";
const SEGMENTS_SENT = "How many segments the sender has sent so far";
const SEGMENT_LENGTH = "How long the whole segment is, header and data";
const PROVES_SENDER = "Proves that the segment came from the sender it claims";

const SEQUENCE_MEANING = "Where this segment's first byte of data sits in the sender's byte stream";
const ACK_MEANING = "The next sequence number the sender expects to receive";
const DATA_OFFSET_MEANING = "How long the header is, in 32-bit words";
const FIN_MEANING = "The sender has no more data to send";
const RST_MEANING = "Abort the connection, or refuse one";

const FIELD_CONFUSIONS: NonNullable<MatchingSpec["confusions"]> = [
  { item: "Sequence number", meaning: ACK_MEANING, message: "That describes the acknowledgment number, which counts the peer's bytes; this field numbers the sender's own bytes (RFC 9293 §3.1).", misconception: "seq-ack-swapped" },
  { item: "Sequence number", meaning: SEGMENTS_SENT, message: "TCP numbers bytes, not segments, and the count starts at a random ISN, not at zero (RFC 9293 §3.1, §3.4).", misconception: "tcp-counts-segments" },
  { item: "Acknowledgment number", meaning: SEQUENCE_MEANING, message: "That describes the sequence number, which numbers the sender's own bytes; this field is about the bytes coming the other way (RFC 9293 §3.1).", misconception: "seq-ack-swapped" },
  { item: "Acknowledgment number", meaning: SEGMENTS_SENT, message: "Acknowledgments count bytes, not segments, and they are about the bytes coming the other way (RFC 9293 §3.1).", misconception: "tcp-counts-segments" },
  {
    item: "Window",
    meaning: SEGMENTS_IN_FLIGHT,
    message: "The window counts bytes, not segments. How many segments a sender may have in flight is its own congestion window, which never travels in the header (RFC 9293 §3.1; RFC 5681).",
    misconception: "tcp-counts-segments",
  },
  {
    item: "Data offset",
    meaning: SEQUENCE_MEANING,
    message: "Data offset is a position inside this segment (where its data begins, counted in 32-bit words), not a position in the byte stream.",
  },
  {
    item: "Data offset",
    meaning: SEGMENT_LENGTH,
    message: "No TCP field gives the segment's length: the receiver works it out from the IP header. This field covers the TCP header alone, in 32-bit words (RFC 9293 §3.1).",
    misconception: "tcp-header-has-length-field",
  },
  {
    item: "Checksum",
    meaning: PROVES_SENDER,
    message: "A checksum proves nothing about the sender: anyone who changes a segment can recompute it. It detects accidental corruption and misdelivery (RFC 9293 §3.1).",
    misconception: "checksum-is-security",
  },
  {
    item: "Urgent pointer",
    meaning: DATA_OFFSET_MEANING,
    message: "Both are offsets, but this one points into the data, from this segment's sequence number, and only when URG is set (RFC 9293 §3.1).",
  },
  {
    item: "Urgent pointer",
    meaning: SEGMENT_LENGTH,
    message: "It marks a position in the data, and only when URG is set; TCP carries no segment length at all (RFC 9293 §3.1).",
    misconception: "tcp-header-has-length-field",
  },
  {
    item: "ACK flag",
    meaning: ACK_MEANING,
    message: "That is what the acknowledgment number field says. The flag is one bit: whether that field counts at all (RFC 9293 §3.1).",
  },
  {
    item: "ACK flag",
    meaning: SEGMENTS_SENT,
    message: "A flag is a single bit and counts nothing; this one is set on every segment after the first SYN (RFC 9293 §3.1).",
  },
  {
    item: "FIN flag",
    meaning: RST_MEANING,
    message: "A FIN is the orderly end of one direction: everything sent before it is delivered, and the other direction stays open (RFC 9293 §3.6).",
    misconception: "fin-rst-confused",
  },
  {
    item: "RST flag",
    meaning: FIN_MEANING,
    message: "That is the orderly end of one direction, after all its data. A reset ends the whole connection at once, data in flight included (RFC 9293 §3.5.2).",
    misconception: "fin-rst-confused",
  },
  {
    item: "Destination port",
    meaning: PROVES_SENDER,
    message: "A port says nothing about who sent the segment, and anyone can write any port; it names a service on the receiving host (RFC 9293 §2.2).",
  },
];

const FIELD_PAIRS = [
    { item: "Sequence number", meaning: SEQUENCE_MEANING, why: "RFC 9293 §3.1; with SYN set it is the ISN." },
    { item: "Acknowledgment number", meaning: ACK_MEANING, why: "RFC 9293 §3.1; only meaningful when ACK is set." },
    { item: "Window", meaning: "How many more bytes the sender is willing to receive, before scaling", why: "RFC 9293 §3.1 and RFC 7323 §2: shifted left by the window scale except in SYNs." },
    { item: "Data offset", meaning: DATA_OFFSET_MEANING, why: "RFC 9293 §3.1: where the data begins." },
    { item: "Checksum", meaning: "Detects corruption of the header, data and IP pseudo-header", why: "RFC 9293 §3.1; the pseudo-header ties the segment to its IP addresses." },
    {
      item: "Destination port",
      meaning: "Which service on the receiving host the segment is for",
      why: "RFC 9293 §2.2: ports identify application services; with both addresses and the source port they name the connection.",
    },
    {
      item: "Urgent pointer",
      meaning: "Where the urgent data ends, as an offset from this segment's sequence number",
      why: "RFC 9293 §3.1, read only when URG is set; urgent data stays in the byte stream (RFC 6093).",
    },
    { item: "ACK flag", meaning: "Whether the acknowledgment number field is significant", why: "RFC 9293 §3.1; set on every segment once the connection is established." },
    { item: "FIN flag", meaning: FIN_MEANING, why: "RFC 9293 §3.1; it closes one direction and occupies one sequence number (§3.6)." },
    { item: "RST flag", meaning: RST_MEANING, why: "RFC 9293 §3.1 and §3.5.2: a reset aborts a connection or refuses a SYN." },
  ];
const FIELD_DISTRACTORS = [SEGMENTS_IN_FLIGHT, SEGMENTS_SENT, SEGMENT_LENGTH, PROVES_SENDER];

const fieldMeanings: ExerciseDefinition<Record<string, string>> = matchingExercise({
  id: "header-fields-match-meanings",
  lessonId,
  title: "Fields and what they mean",
  prompt: "Match each header field to what it tells the receiver.",
  pairs: FIELD_PAIRS,
  draw: 5,
  distractors: FIELD_DISTRACTORS,
  confusions: FIELD_CONFUSIONS,
  solution:
    "Sequence number: position of the first data byte (the ISN on a SYN). Acknowledgment number: next byte expected. Window: receive space, scaled by the window-scale shift after the handshake. Data offset: header length in 32-bit words. Checksum: over pseudo-header, header and data (RFC 9293 §3.1). Destination port: the service on the receiving host (§2.2). Urgent pointer: end of the urgent data, counted from this segment's sequence number, only with URG. ACK: the acknowledgment number counts. FIN: no more data from this sender. RST: abort or refuse (§3.1, §3.5.2). No field gives the segment's length or the congestion window, and no checksum proves who sent a segment.",
  testAnswers: {
    incorrect(seed) {
      // The variant's own confusions first (a drawn item matched to an offered meaning it is often taken for), then swapped pairs.
      const right = fieldMeanings.correctAnswer(seed) as Record<string, string>;
      const input = fieldMeanings.publicVariant(seed).inputs[0];
      const offered = input?.type === "select" ? input.options : [];
      const answers: IncorrectTestAnswer[] = [];
      for (const confusion of FIELD_CONFUSIONS) {
        const option = offered.find((o) => o.label === confusion.meaning);
        if (confusion.item in right && option && answers.length < 3) answers.push({ answer: { ...right, [confusion.item]: option.value }, mistake: opening(confusion.message) });
      }
      if (answers.length >= 2) return answers;
      // Keys m0, m1, … are the pool's meanings in order, then the distractors.
      const meanings = [...FIELD_PAIRS.map((p) => p.meaning), ...FIELD_DISTRACTORS];
      const message = (item: string, meaning: string) => FIELD_CONFUSIONS.find((c) => c.item === item && c.meaning === meaning)?.message ?? `That is not what ${item} means.`;
      return [...answers, ...matchingWrongAnswers(fieldMeanings, seed, meanings, message)];
    },
    invalid: [{ "Sequence number": "m0" }, { "Sequence number": "m0", "Acknowledgment number": "m1", Window: "m2", "Data offset": "m3", Checksum: "m99" }],
  },
});

const SYN_ONLY_POOL: ChoiceOption[] = [
  { value: "mss", label: "Maximum segment size (MSS)", correct: true, feedback: "Right: MSS \"MUST only be sent in the initial connection request (i.e., in segments with the SYN control bit set)\" (RFC 9293 §3.2, MUST-65)." },
  { value: "wscale", label: "Window scale", correct: true, feedback: "Right: window scale is only sent in a SYN or SYN-ACK, which fixes the shift for the whole connection; a later one is ignored (RFC 7323 §2.2)." },
  { value: "sackok", label: "SACK-permitted", correct: true, feedback: "Right: SACK-permitted may be sent in a SYN and \"MUST NOT be sent on non-SYN segments\" (RFC 2018 §2)." },
  { value: "ts", label: "Timestamps", correct: false, feedback: "Timestamps are negotiated in the SYN but then sent on every segment (RFC 7323 §3.2)." },
  { value: "sack", label: "SACK blocks", correct: false, feedback: "SACK blocks come later, on ACKs that report out-of-order data (RFC 2018 §3)." },
  {
    value: "nop",
    label: "NOP (no-operation)",
    correct: false,
    feedback: "NOP is padding that lines the next option up on a 4-byte boundary, in any segment with options: Linux puts two in front of the timestamps of every data segment (RFC 9293 §3.2).",
  },
  { value: "eol", label: "End of option list (EOL)", correct: false, feedback: "EOL only marks where the options end, before padding to the data offset, and any segment with options may carry it (RFC 9293 §3.1, §3.2)." },
  {
    value: "md5",
    label: "TCP MD5 signature",
    correct: false,
    feedback: "An MD5 signature protects each segment, so it is on every segment of a protected connection, not only the SYN (RFC 2385 §2.0: \"Every segment sent on a TCP connection to be protected against spoofing will contain the 16-byte MD5 digest\").",
  },
];

const synOnlyOptions: ExerciseDefinition<string[]> = choiceExercise({
  id: "header-fields-syn-only-options",
  lessonId,
  title: "Options that only travel in a SYN",
  prompt: "Which of these options may only be sent in a segment with SYN set?",
  multiple: true,
  options: SYN_ONLY_POOL,
  draw: { correct: [1, 3], wrong: 3 },
  hints: ["Ask of each option: is it a setting agreed once for the whole connection, or something that concerns the segment it travels in?"],
  solution:
    "MSS, window scale and SACK-permitted are negotiated once, in the SYN and SYN-ACK (RFC 9293 §3.2; RFC 7323 §2.2; RFC 2018 §2). Timestamps start in the SYN and continue on every segment (RFC 7323 §3.2); SACK blocks appear only after the handshake (RFC 2018 §3); NOP and EOL are padding and end marker for any option list (RFC 9293 §3.2); an MD5 signature is on every segment of a protected connection (RFC 2385).",
  testAnswers: {
    incorrect: (seed) => choiceWrongAnswers(synOnlyOptions, seed, SYN_ONLY_POOL, true),
    invalid: [{ choice: ["bogus"] }, { choice: [] }, { choice: "mss,wscale" }, { choice: [42] }],
  },
});

/** What Linux writes in a SYN, a 32-bit word at a time (tcp_options_write() in net/ipv4/tcp_output.c), for one set of sysctls. */
function synOptionLayout(sack: boolean, ts: boolean, ws: boolean) {
  const items: { value: string; label: string }[] = [{ value: "mss", label: "MSS 1460" }];
  const rules: { first: string; then: string; why: string }[] = [];
  const printed: string[] = ["mss 1460"];
  const words: string[] = ["MSS (kind 2, length 4, value 1460)"];
  let nops = 0;
  const nop = () => {
    nops += 1;
    items.push({ value: `nop${nops}`, label: "NOP" });
    printed.push("nop");
    return `nop${nops}`;
  };
  const MSS_FIRST = "Linux writes the MSS option first: tcp_options_write() (net/ipv4/tcp_output.c) starts the options with the MSS word.";
  const after = (value: string) => {
    const last = items[items.length - 1]!.value;
    if (last === "mss") rules.push({ first: "mss", then: value, why: MSS_FIRST });
    return last;
  };
  if (ts && sack) {
    after("sackok");
    items.push({ value: "sackok", label: "SACK-permitted" }, { value: "ts", label: "Timestamps" });
    printed.push("sackOK", "TS val … ecr 0");
    words.push("SACK-permitted (kind 4, length 2) with the timestamp option's kind 8 and length 10", "TSval", "TSecr");
    rules.push({
      first: "sackok",
      then: "ts",
      why: "SACK-permitted (2 bytes) shares a 32-bit word with the timestamp option's kind and length, so it comes right before the timestamps (tcp_options_write() in net/ipv4/tcp_output.c).",
    });
  } else if (ts || sack) {
    after("nop1");
    nop();
    const second = nop();
    const [value, label] = ts ? ["ts", "Timestamps"] : ["sackok", "SACK-permitted"];
    items.push({ value, label });
    printed.push(ts ? "TS val … ecr 0" : "sackOK");
    words.push(ts ? "NOP, NOP, and the timestamp option's kind 8 and length 10" : "NOP, NOP, SACK-permitted (kind 4, length 2)", ...(ts ? ["TSval", "TSecr"] : []));
    rules.push({
      first: second,
      then: value,
      why: ts
        ? "With no SACK-permitted to share its word, the timestamp option's kind and length take the end of a word whose first two bytes are NOPs (tcp_options_write() in net/ipv4/tcp_output.c)."
        : "With no timestamps to share a word with, SACK-permitted (2 bytes) takes the end of a word of its own, after two NOPs (tcp_options_write() in net/ipv4/tcp_output.c).",
    });
  }
  if (ws) {
    const before = items[items.length - 1]!.value;
    const pad = nop();
    if (before === "mss") rules.push({ first: "mss", then: pad, why: MSS_FIRST });
    else rules.push({ first: before, then: pad, why: "The window-scale word, a NOP and the 3-byte window scale option, comes last, after the other options (tcp_options_write() in net/ipv4/tcp_output.c)." });
    items.push({ value: "ws", label: "Window scale" });
    printed.push("wscale 10");
    words.push("NOP, window scale (kind 3, length 3, shift)");
    rules.push({ first: pad, then: "ws", why: "The NOP pads the 3-byte window scale option to a full 32-bit word and goes in front of it, not after it." });
  }
  return { items, rules, printed: `[${printed.join(",")}]`, words };
}

const SYN_CONFIGS: { sack: boolean; ts: boolean; ws: boolean }[] = [
  { sack: true, ts: true, ws: true },
  { sack: false, ts: true, ws: true },
  { sack: true, ts: false, ws: true },
  { sack: true, ts: true, ws: false },
  { sack: false, ts: false, ws: true },
  { sack: true, ts: false, ws: false },
  { sack: false, ts: true, ws: false },
];

/**
 * The NOPs of a layout all read "NOP": whichever NOP item the learner puts
 * first counts as the first NOP, and so on, so two NOPs in swapped places are
 * the same answer. The items are never shown already in the right order of labels.
 */
function nopsAlike(exercise: ExerciseDefinition<string[]>): ExerciseDefinition<string[]> {
  const renumbered = (order: string[]) => {
    let n = 0;
    return order.map((value) => (/^nop\d$/.test(value) ? `nop${++n}` : value));
  };
  return {
    ...exercise,
    publicVariant(seed) {
      const variant = exercise.publicVariant(seed);
      const right = (exercise.correctAnswer(seed) as { order: string[] }).order.map((value) => value.replace(/\d$/, ""));
      return {
        ...variant,
        inputs: variant.inputs.map((input) => {
          if (input.type !== "ordering" || input.items.map((item) => item.value.replace(/\d$/, "")).join() !== right.join()) return input;
          // Shown in the right order of labels: rotate by one (MSS appears once, so the labels then differ).
          return { ...input, items: [...input.items.slice(1), input.items[0]!] };
        }),
      };
    },
    grade: (seed, order) => exercise.grade(seed, renumbered(order)),
  };
}

const OPTION_ORDER_TITLE = "The options of a Linux SYN, in order";

const linuxSynOptionOrder = scenarioExercise(
  SYN_CONFIGS.map(({ sack, ts, ws }) => {
    const layout = synOptionLayout(sack, ts, ws);
    const defaults = sack && ts && ws;
    const exercise: ExerciseDefinition<string[]> = orderingExercise({
      id: "header-fields-linux-syn-option-order",
      lessonId,
      title: OPTION_ORDER_TITLE,
      prompt: defaults
        ? "Put the options of a SYN sent by Linux 6.18 with default settings in the order they appear on the wire (as in the real capture in this lesson), NOPs included."
        : `A Linux 6.18 client has net.ipv4.tcp_sack = ${Number(sack)}, net.ipv4.tcp_timestamps = ${Number(ts)} and net.ipv4.tcp_window_scaling = ${Number(ws)}. Put the options of its SYN in the order they appear on the wire, NOPs included.`,
      items: layout.items,
      rules: layout.rules,
      solution:
        `${layout.items.map((item) => item.label).join(", ")}. tcp_options_write() in net/ipv4/tcp_output.c writes the options a 32-bit word at a time: ${layout.words.join("; ")}. ` +
        "SACK-permitted shares a word with the timestamp option's kind and length when both are sent, and NOPs fill a word otherwise; window scale's 3 bytes get one NOP in front. " +
        `tcpdump prints it as options ${layout.printed}` +
        (defaults ? ", exactly as in the capture client-active-close." : "."),
      testAnswers: {
        // Each rule broken on its own: its two items swapped (never two NOPs, which are the same answer).
        incorrect: () =>
          layout.rules.map((rule) => {
            const order = layout.items.map((item) => item.value);
            const [a, b] = [order.indexOf(rule.first), order.indexOf(rule.then)];
            [order[a], order[b]] = [order[b]!, order[a]!];
            return { answer: { order }, mistake: opening(rule.why) };
          }),
        invalid: [],
      },
    });
    return nopsAlike(exercise);
  }),
  { invalid: [{ order: ["mss", "sackok"] }, { order: ["mss", "mss", "ts", "nop1", "ws"] }, { order: "mss,sackok,ts,nop1,ws" }] },
);

const whyChecksumPseudoHeader = explainWhyExercise({
  id: "header-fields-why-pseudo-header",
  lessonId,
  title: "Why the checksum covers a pseudo-header",
  prompt: "The TCP checksum covers a pseudo-header with the IP source and destination addresses, even though they are not part of the TCP header. Why?",
  rubric: [
    {
      id: "misdelivery",
      idea: "Detects segments delivered to the wrong host or connection",
      weight: 2,
      phrasings: [
        "misdeliver*|misrout*|misdirect*|mis-deliver*|mis-rout*",
        "wrong|incorrect host|machine|computer|destination|address|receiver|recipient|connection|socket|place|endpoint|node|system|interface|pc|server",
        "deliver*|arriv*|reach*|rout*|came|come*|went|go|goes|sent|send*|forward*|end* .. other|another|different|wrong host|machine|computer|destination|receiver|recipient|place|node|system|connection",
        "not meant|intended|addressed|destined for",
        "corrupt*|damag*|alter*|flip*|chang*|error* .. address*|ip",
        "address*|ip .. corrupt*|damag*|alter*|flip*",
      ],
      missing: "Say what the addresses protect against: a segment arriving at the wrong host or being taken for another connection.",
    },
    {
      id: "addresses-and-ports-name-connection",
      idea: "The connection is identified by addresses and ports together",
      weight: 1,
      phrasings: [
        "four-tuple|4-tuple|quadruple|five-tuple|5-tuple",
        "identif*|defin*|named|distinguish*|determin*|specif* .. address*|ip .. port*",
        "address* .. port* .. identif*|defin*|named|distinguish*|determin*",
        "port* alone|only .. not|never .. identif*|enough|tell|say|defin*|distinguish*",
        "tcp|segment header .. only|just .. port*",
        "header .. port* only|alone",
        "tcp|segment header .. no|not|without|lack*|never .. address*|ip",
        "address* .. not|never .. in .. tcp|segment header",
      ],
      missing: "Mention that a connection is identified by both addresses and both ports, so the ports alone do not say which connection.",
    },
    {
      id: "ip-checksum-not-end-to-end",
      idea: "IP's own checksum covers only the IP header",
      weight: 1,
      phrasings: [
        "ip|ipv4 .. checksum .. only .. ip|ipv4 header",
        "only cover*|protect*|check*|verif* .. ip|ipv4 header",
        "recomput*|recalculat*|rewrit*|updat*|chang*|modif* .. every|each|per hop*|router*",
        "router* .. recomput*|recalculat*|rewrit*|updat*|chang*|modif* .. it|checksum",
        "hop-by-hop",
        "ipv6 .. no|not|without|lack*|none|drop* .. checksum",
        "ipv6 has|have none",
        "ip|ipv4 .. checksum .. not|never .. end-to-end|address*|tcp|payload|data",
      ],
      missing: "Note that IPv4's header checksum is checked and rewritten hop by hop, and IPv6 has none, so TCP must protect the addresses end to end.",
    },
  ],
  misconceptions: [
    {
      id: "routers-check-tcp-checksum",
      label: "Who checks the TCP checksum",
      phrasings: [
        "router* .. check*|verif*|validat*|inspect*|use|uses|read*|need* .. checksum|packet|segment|pseudo*|it|tcp",
        "check*|verif*|validat* .. at|by|on every|each|all hop*|router*",
      ],
      unless: ["ip-header|ipv4-header|ip-checksum|ipv4-checksum|header-checksum"],
      message: "Routers do not check the TCP checksum; only the receiving host does. The IPv4 header checksum is the one routers check and rewrite at each hop.",
      misconception: "routers-verify-tcp-checksum",
    },
    {
      id: "checksum-is-security",
      label: "What a checksum protects against",
      phrasings: ["encrypt*|decrypt*|secret*|confidential*|authenticat*|spoof*|tamper*|eavesdrop*|secur*|hide|hides|hiding|hidden|privacy|attacker*"],
      message: "A checksum hides and authenticates nothing: anyone can recompute it after changing a segment. It detects accidental corruption and misdelivery, not attacks.",
      misconception: "checksum-is-security",
    },
  ],
  modelAnswer:
    "A TCP connection is identified by both IP addresses and both ports, but the TCP header carries only the ports. Including the addresses (and the protocol and length) in the checksum lets the receiver detect a segment that was misdelivered to the wrong host or corrupted in its addresses, which IP's own header checksum cannot promise end to end (it is recomputed at every hop, and IPv6 has none). RFC 9293 §3.1: the pseudo-header gives protection against misrouted segments.",
  testAnswers: {
    incorrect: () => [
      { answer: { text: "The checksum includes the IP addresses so that routers along the path can verify the packet at every hop." }, mistake: /Routers do not check the TCP checksum/ },
      { answer: { text: "It encrypts the source and destination addresses so that an eavesdropper cannot see who is talking." }, mistake: /hides and authenticates nothing/ },
      // The right words, denied: they count against the answer, not for it.
      { answer: { text: "The pseudo-header is not about segments delivered to the wrong host; it just makes the checksum cover more bytes." }, mistake: /denies this/ },
      // The right words with no sentence around them earn nothing.
      { answer: { text: "misdelivery wrong host 4-tuple ip checksum ports addresses misrouted end to end" }, mistake: /lists terms without saying how they connect/ },
    ],
    invalid: [{ text: "" }, { text: "for safety" }, { text: "x ".repeat(1500) }, { words: "misdelivery to the wrong host" }],
  },
});

export const headerFieldsExercises: ExerciseDefinition<any>[] = [
  headerBytesAckFlags,
  dataOffset,
  fieldMeanings,
  synOnlyOptions,
  linuxSynOptionOrder,
  whyChecksumPseudoHeader,
];
