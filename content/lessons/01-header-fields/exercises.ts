// Exercises of the lesson "TCP header fields" (index.mdx beside this file).
import type { ExerciseDefinition } from "@/lib/exercises/types";
import { choiceExercise } from "@/lib/exercises/kinds/choice";
import { explainWhyExercise } from "@/lib/exercises/kinds/explainWhy";
import { headerBytesAckFlags } from "@/lib/exercises/kinds/headerBytesAckFlags";
import { matchingExercise } from "@/lib/exercises/kinds/matching";
import { distinctMistakes, numericExercise, numericTestAnswers } from "@/lib/exercises/kinds/numeric";
import { orderingExercise } from "@/lib/exercises/kinds/ordering";
import type { variantRandom } from "@/lib/exercises/variantRandom";

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
      { value: 20 + padded, message: "That is the header length in bytes; the field counts 32-bit words, so divide by 4.", names: /in bytes.*32-bit words/ },
      {
        value: 20 + optionBytes,
        message: "That is a length in bytes, and without the padding: options are padded to a multiple of 4 bytes, and the field counts 32-bit words.",
        names: /in bytes.*padding/,
      },
      ...(padded !== optionBytes
        ? [{ value: (20 + optionBytes) / 4, message: "The options are padded to a multiple of 4 bytes before the header length is counted.", names: /padded to a multiple of 4/ }]
        : []),
      { value: padded / 4, message: "That counts only the options: the fixed 20-byte header is part of the header length too.", names: /fixed 20-byte header/ },
      { value: 5, message: "5 words is the fixed 20-byte header alone; the options make the header longer.", names: /fixed 20-byte header/ },
    ]),
  };
}

const dataOffset = numericExercise({
  id: "header-fields-data-offset",
  lessonId,
  title: "Data offset of a header with options",
  label: "Data offset (in 32-bit words)",
  generate: dataOffsetVariant,
  hideAnswer: true,
  testAnswers: numericTestAnswers(dataOffsetVariant),
});

const SEGMENTS_IN_FLIGHT = "How many segments the sender may still send";
const WHICH_APPLICATION = "Which application the data belongs to";

const fieldMeanings = matchingExercise({
  id: "header-fields-match-meanings",
  lessonId,
  title: "Fields and what they mean",
  prompt: "Match each header field to what it tells the receiver.",
  pairs: [
    { item: "Sequence number", meaning: "Where this segment's first byte of data sits in the sender's byte stream", why: "RFC 9293 §3.1; with SYN set it is the ISN." },
    { item: "Acknowledgment number", meaning: "The next sequence number the sender expects to receive", why: "RFC 9293 §3.1; only meaningful when ACK is set." },
    { item: "Window", meaning: "How many more bytes the sender is willing to receive, before scaling", why: "RFC 9293 §3.1 and RFC 7323 §2: shifted left by the window scale except in SYNs." },
    { item: "Data offset", meaning: "How long the header is, in 32-bit words", why: "RFC 9293 §3.1: where the data begins." },
    { item: "Checksum", meaning: "Detects corruption of the header, data and IP pseudo-header", why: "RFC 9293 §3.1; the pseudo-header ties the segment to its IP addresses." },
  ],
  distractors: [SEGMENTS_IN_FLIGHT, WHICH_APPLICATION],
  hideAnswer: true,
  confusions: [
    {
      item: "Sequence number",
      meaning: "The next sequence number the sender expects to receive",
      message: "That describes the acknowledgment number, which counts the peer's bytes; this field numbers the sender's own bytes (RFC 9293 §3.1).",
    },
    {
      item: "Acknowledgment number",
      meaning: "Where this segment's first byte of data sits in the sender's byte stream",
      message: "That describes the sequence number, which numbers the sender's own bytes; this field is about the bytes coming the other way (RFC 9293 §3.1).",
    },
    {
      item: "Window",
      meaning: SEGMENTS_IN_FLIGHT,
      message: "The window counts bytes, not segments. How many segments a sender may have in flight is its own congestion window, which never travels in the header (RFC 9293 §3.1; RFC 5681).",
    },
    {
      item: "Data offset",
      meaning: "Where this segment's first byte of data sits in the sender's byte stream",
      message: "Data offset is a position inside this segment (where its data begins, counted in 32-bit words), not a position in the byte stream.",
    },
    {
      item: "Checksum",
      meaning: WHICH_APPLICATION,
      message: "Which application the data belongs to is what the port numbers say; the checksum carries no addressing information of its own.",
    },
  ],
  solution:
    "Sequence number: position of the first data byte (the ISN on a SYN). Acknowledgment number: next byte expected. Window: receive space, scaled by the window-scale shift after the handshake. Data offset: header length in 32-bit words. Checksum: over pseudo-header, header and data (RFC 9293 §3.1).",
  testAnswers: {
    incorrect() {
      // Keys m0..m4 are the pairs' meanings in order, m5 and m6 the distractors.
      const right = { "Sequence number": "m0", "Acknowledgment number": "m1", Window: "m2", "Data offset": "m3", Checksum: "m4" };
      return [
        { answer: { ...right, "Sequence number": "m1", "Acknowledgment number": "m0" }, mistake: /describes the acknowledgment number/ },
        { answer: { ...right, Window: "m5" }, mistake: /counts bytes, not segments/ },
        { answer: { ...right, "Data offset": "m0" }, mistake: /inside this segment/ },
        { answer: { ...right, Checksum: "m6" }, mistake: /port numbers/ },
      ];
    },
    invalid: [{ "Sequence number": "m0" }, { "Sequence number": "m0", "Acknowledgment number": "m1", Window: "m2", "Data offset": "m3", Checksum: "m99" }],
  },
});

const synOnlyOptions = choiceExercise({
  id: "header-fields-syn-only-options",
  lessonId,
  title: "Options that only travel in a SYN",
  prompt: "Which options may only be sent in a segment with SYN set?",
  multiple: true,
  options: [
    { value: "mss", label: "Maximum segment size (MSS)", correct: true, feedback: "Right: MSS is only sent in SYN segments (RFC 9293 §3.2, option definitions)." },
    { value: "wscale", label: "Window scale", correct: true, feedback: "Right: window scale is only valid in SYN and SYN-ACK; a later one is ignored (RFC 7323 §2.2)." },
    { value: "sackok", label: "SACK-permitted", correct: true, feedback: "Right: SACK-permitted is only sent in a SYN (RFC 2018 §2)." },
    { value: "ts", label: "Timestamps", correct: false, feedback: "Timestamps are negotiated in the SYN but then sent on every segment (RFC 7323 §3.2)." },
    { value: "sack", label: "SACK blocks", correct: false, feedback: "SACK blocks come later, on ACKs that report out-of-order data (RFC 2018 §3)." },
  ],
  hints: ["Ask of each option: is it a setting agreed once for the whole connection, or information about the data flowing now?"],
  solution: "MSS, window scale and SACK-permitted are negotiated once, in the SYN and SYN-ACK. Timestamps start in the SYN and continue on every segment; SACK blocks appear only after the handshake.",
  hideAnswer: true,
  testAnswers: {
    incorrect: () => [
      { answer: { choice: ["mss", "wscale", "sackok", "ts"] }, mistake: /sent on every segment/ },
      { answer: { choice: ["mss", "sack"] }, mistake: /SACK blocks come later/ },
      { answer: { choice: ["wscale", "sackok", "ts", "sack"] }, mistake: /sent on every segment[\s\S]*SACK blocks come later|SACK blocks come later[\s\S]*sent on every segment/ },
    ],
    invalid: [{ choice: ["bogus"] }, { choice: [] }, { choice: "mss,wscale" }, { choice: [42] }],
  },
});

const linuxSynOptionOrder = orderingExercise({
  id: "header-fields-linux-syn-option-order",
  lessonId,
  title: "The options of a Linux SYN, in order",
  prompt: "Put the options of a SYN sent by Linux 6.18 in the order they appear on the wire (as in the real capture in this lesson).",
  items: [
    { value: "mss", label: "MSS 1460" },
    { value: "sackok", label: "SACK-permitted" },
    { value: "ts", label: "Timestamps" },
    { value: "nop", label: "NOP" },
    { value: "ws", label: "Window scale" },
  ],
  rules: [
    { first: "mss", then: "sackok", why: "Linux writes the MSS option first: tcp_options_write() (net/ipv4/tcp_output.c) starts the options with the MSS word." },
    {
      first: "sackok",
      then: "ts",
      why: "SACK-permitted (2 bytes) shares a 32-bit word with the timestamp option's kind and length, so it comes right before the timestamps (tcp_options_write() in net/ipv4/tcp_output.c).",
    },
    { first: "ts", then: "nop", why: "The window-scale word, a NOP and the 3-byte window scale option, comes last, after the timestamps." },
    { first: "nop", then: "ws", why: "The NOP pads the 3-byte window scale option to a full 32-bit word and goes in front of it, not after it." },
  ],
  hideAnswer: true,
  solution:
    "MSS, SACK-permitted, Timestamps, NOP, Window scale: `tcp_options_write()` in net/ipv4/tcp_output.c writes them so, packing SACK-permitted with the timestamp's kind and length into one 32-bit word and padding window scale's 3 bytes with a NOP. The capture client-active-close shows exactly this order.",
  testAnswers: {
    incorrect: () => [
      { answer: { order: ["mss", "ts", "sackok", "nop", "ws"] }, mistake: /shares a 32-bit word/ },
      { answer: { order: ["mss", "sackok", "ts", "ws", "nop"] }, mistake: /goes in front of it/ },
      // By option kind number (NOP 1, MSS 2, window scale 3, SACK-permitted 4, timestamps 8).
      { answer: { order: ["nop", "mss", "ws", "sackok", "ts"] }, mistake: /comes last/ },
    ],
    invalid: [{ order: ["mss", "sackok"] }, { order: ["mss", "mss", "ts", "nop", "ws"] }, { order: "mss,sackok,ts,nop,ws" }],
  },
});

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
    },
    {
      id: "checksum-is-security",
      label: "What a checksum protects against",
      phrasings: ["encrypt*|decrypt*|secret*|confidential*|authenticat*|spoof*|tamper*|eavesdrop*|secur*|hide|hides|hiding|hidden|privacy|attacker*"],
      message: "A checksum hides and authenticates nothing: anyone can recompute it after changing a segment. It detects accidental corruption and misdelivery, not attacks.",
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
