// "Here are a segment's header bytes: what is the acknowledgment number, and
// which flags are set?" Each seed gives a realistic segment (a SYN with Linux's
// options, a data segment, a FIN, an RST...) encoded with lib/wire.
import { encodeTcpHeader, type TcpHeader, type TcpOption } from "@/lib/wire/tcpHeader";
import { formatHex } from "@/lib/wire/hex";
import type { ExerciseDefinition, FeedbackItem, IncorrectTestAnswer } from "../types";
import { variantRandom } from "../variantRandom";
import { tagged, type MisconceptionId } from "../misconceptions";

export const FLAG_NAMES = ["cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"] as const;
type FlagName = (typeof FLAG_NAMES)[number];

/** Flag combinations seen on real connections (tcpdump notation in the comment). */
const SEGMENT_SHAPES: { flags: FlagName[]; syn: boolean; payload: boolean }[] = [
  { flags: ["syn"], syn: true, payload: false }, // S
  { flags: ["syn", "ack"], syn: true, payload: false }, // S.
  { flags: ["syn", "ece", "cwr"], syn: true, payload: false }, // S with ECN setup (RFC 3168 §6.1.1)
  { flags: ["ack"], syn: false, payload: false }, // .
  { flags: ["psh", "ack"], syn: false, payload: true }, // P.
  { flags: ["fin", "ack"], syn: false, payload: false }, // F.
  { flags: ["fin", "psh", "ack"], syn: false, payload: true }, // FP.
  { flags: ["rst", "ack"], syn: false, payload: false }, // R.
  { flags: ["rst"], syn: false, payload: false }, // R
  { flags: ["ack", "ece"], syn: false, payload: false }, // . with ECN-Echo
  { flags: ["urg", "psh", "ack"], syn: false, payload: true }, // UP. (telnet's interrupt; rare today, RFC 6093)
];

const SERVER_PORTS = [22, 80, 443, 5432, 6379, 8080];

function segmentFor(seed: number): TcpHeader {
  const random = variantRandom(seed);
  const shape = random.pick(SEGMENT_SHAPES);
  const fromClient = random.int(0, 1) === 1;
  // Linux's default ephemeral range, ip_local_port_range = 32768 60999 (ip-sysctl.rst).
  const clientPort = random.int(32768, 60999);
  const serverPort = random.pick(SERVER_PORTS);
  const flags = Object.fromEntries(FLAG_NAMES.map((name) => [name, shape.flags.includes(name)])) as unknown as TcpHeader["flags"];
  const options: TcpOption[] = shape.syn
    ? [
        // The order Linux puts them in a SYN (tcp_options_write in net/ipv4/tcp_output.c).
        { kind: "mss", value: random.pick([1460, 1448, 1400, 536]) },
        { kind: "sackPermitted" },
        { kind: "timestamps", tsval: random.uint32(), tsecr: flags.ack ? random.uint32() : 0 },
        { kind: "nop" },
        { kind: "wscale", shift: random.int(6, 10) },
      ]
    : flags.rst
      ? []
      : [{ kind: "nop" }, { kind: "nop" }, { kind: "timestamps", tsval: random.uint32(), tsecr: random.uint32() }];
  return {
    srcPort: fromClient ? clientPort : serverPort,
    dstPort: fromClient ? serverPort : clientPort,
    seq: random.uint32(),
    // A SYN without ACK carries 0 in the field (the receiver ignores it: RFC 9293 §3.1).
    ack: flags.ack ? random.uint32() : 0,
    dataOffset: 0, // encodeTcpHeader computes it from the options
    reserved: 0,
    flags,
    window: flags.rst && !flags.ack ? 0 : random.int(500, 65535),
    checksum: random.int(0, 0xffff),
    urgentPointer: flags.urg ? random.int(1, 1448) : 0,
    options,
  };
}

type Answer = { ack: number; flags: FlagName[] };

const UINT32_MAX = 4294967295;

function parseAck(raw: unknown): number | string {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : undefined;
  if (text === undefined || text === "") return "ack: enter the acknowledgment number";
  const value = /^0x[0-9a-f]{1,8}$/i.test(text) ? Number.parseInt(text.slice(2), 16) : /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
    return `ack: "${text.slice(0, 20)}" is not a 32-bit unsigned number; write it in decimal (0 to ${UINT32_MAX}) or in hex starting with 0x`;
  }
  return value;
}

function describeFlags(flags: readonly FlagName[]): string {
  return flags.length === 0 ? "none" : FLAG_NAMES.filter((f) => flags.includes(f)).map((f) => f.toUpperCase()).join(", ");
}

function hex32(value: number): string {
  return `0x${value.toString(16).padStart(8, "0")}`;
}

export const headerBytesAckFlags: ExerciseDefinition<Answer> = {
  id: "header-bytes-ack-flags",
  lessonId: "lesson-header-fields",
  kind: "header-bytes",
  title: "Read a header: acknowledgment number and flags",

  publicVariant(seed) {
    const bytes = encodeTcpHeader(segmentFor(seed));
    return {
      prompt:
        "These are the bytes of one TCP header, as tcpdump -x would print them from the first byte of the TCP header. What is the value of its acknowledgment number field, and which flags are set?",
      material: formatHex(bytes),
      materialLabel: "TCP header bytes (hex)",
      hints: [
        "Each line holds 16 bytes; the first byte of the header is byte 0. Count two hex digits per byte.",
        "The acknowledgment number is the four bytes after the sequence number. Read them as one big-endian number (0x prefix, then convert to decimal).",
        "The flags are the second byte of the 16-bit word at offset 12: from its high bit down, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN.",
      ],
      inputs: [
        {
          type: "integer",
          name: "ack",
          label: "Acknowledgment number (decimal, or hex starting with 0x)",
          hint: "Bytes 8 to 11, big-endian (RFC 9293 §3.1).",
        },
        {
          type: "choices",
          name: "flags",
          label: "Flags that are set",
          multiple: true,
          options: FLAG_NAMES.map((name) => ({ value: name, label: name.toUpperCase() })),
        },
      ],
    };
  },

  parse(raw) {
    if (typeof raw !== "object" || raw === null) return { ok: false, errors: ["answer: expected an object with ack and flags"] };
    const { ack, flags } = raw as { ack?: unknown; flags?: unknown };
    const errors: string[] = [];
    const parsedAck = parseAck(ack);
    if (typeof parsedAck === "string") errors.push(parsedAck);
    const flagList = flags === undefined ? [] : flags;
    if (!Array.isArray(flagList) || flagList.some((f) => typeof f !== "string")) {
      errors.push("flags: expected a list of flag names");
    } else {
      const unknown = flagList.filter((f) => !(FLAG_NAMES as readonly string[]).includes(f));
      if (unknown.length > 0) errors.push(`flags: unknown flag ${unknown.map((f) => `"${String(f).slice(0, 10)}"`).join(", ")}`);
    }
    if (errors.length > 0 || typeof parsedAck === "string") return { ok: false, errors };
    return { ok: true, value: { ack: parsedAck, flags: [...new Set(flagList as FlagName[])] } };
  },

  grade(seed, value) {
    const header = segmentFor(seed);
    const setFlags = FLAG_NAMES.filter((name) => header.flags[name]);
    const ackCorrect = value.ack === header.ack;
    const wrongFlags = FLAG_NAMES.filter((name) => header.flags[name] !== value.flags.includes(name));
    const flagsCorrect = wrongFlags.length === 0;
    // Feedback names the mistake without writing the right values out; the worked solution has them.
    const items: FeedbackItem[] = [
      {
        label: "Acknowledgment number",
        correct: ackCorrect,
        message: ackCorrect ? `Right: bytes 8–11 are ${hex32(header.ack)}, which is ${header.ack}.` : ackAdvice(header, value.ack),
        ...tagged(ackCorrect ? undefined : ackMisconception(header, value.ack)),
      },
      {
        label: "Flags",
        correct: flagsCorrect,
        message: flagsCorrect
          ? `Right: ${describeFlags(setFlags)}.`
          : `${flagsMistakes(header, wrongFlags)} ${flagsAdvice(header, wrongFlags)}`,
        ...tagged(flagsCorrect ? undefined : flagsMisconception(header, wrongFlags)),
      },
    ];
    const score = (ackCorrect ? 0.5 : 0) + (flagsCorrect ? 0.5 : 0);
    return {
      score,
      feedback: {
        summary: score === 1 ? "Both right." : score === 0 ? "Neither is right yet; the solution shows where each lives." : "Half right.",
        items,
        solution:
          `The acknowledgment number is the 32 bits at byte offset 8: ${hex32(header.ack)} = ${header.ack}. ` +
          `The flags are the low 8 bits of the 16-bit word at offset 12, from the most significant bit: CWR, ECE, URG, ACK, PSH, RST, SYN, FIN (RFC 9293 §3.1). ` +
          `Here that byte is 0x${flagsByte(header).toString(16).padStart(2, "0")}, so the set flags are ${describeFlags(setFlags)}.`,
      },
    };
  },

  correctAnswer(seed) {
    const header = segmentFor(seed);
    return { ack: String(header.ack), flags: FLAG_NAMES.filter((name) => header.flags[name]) };
  },

  testAnswers: {
    incorrect(seed) {
      const header = segmentFor(seed);
      const flags = FLAG_NAMES.filter((name) => header.flags[name]);
      const answers: IncorrectTestAnswer[] = [];
      // Reading the sequence number (bytes 4-7) instead of the acknowledgment number.
      if (header.seq !== header.ack) answers.push({ answer: { ack: String(header.seq), flags }, mistake: /sequence number, bytes 4–7/ });
      // Reading bytes 8-11 little-endian.
      const swapped = byteSwapped(header.ack);
      if (swapped !== header.ack) answers.push({ answer: { ack: String(swapped), flags }, mistake: /big-endian/ });
      // The belief that ACK is on in every segment but the first SYN, or forgetting it.
      const toggled = header.flags.ack ? flags.filter((f) => f !== "ack") : [...flags, "ack"];
      answers.push({ answer: { ack: String(header.ack), flags: toggled }, mistake: header.flags.ack ? /ACK is bit 0x10/ : /added ACK/ });
      // Reading the flags one bit off: the neighbour of the lowest set flag.
      const lowest = FLAG_NAMES.lastIndexOf(flags[flags.length - 1]!);
      const neighbour = FLAG_NAMES[lowest === FLAG_NAMES.length - 1 ? lowest - 1 : lowest + 1]!;
      const shifted = [...flags.filter((f) => f !== FLAG_NAMES[lowest]), neighbour];
      answers.push({ answer: { ack: String(header.ack), flags: shifted }, mistake: /one bit off/ });
      return answers;
    },
    invalid: [{ ack: "12ab", flags: [] }, { ack: "4294967296", flags: ["syn"] }, { ack: "1", flags: ["syn", "xmas"] }, { flags: ["ack"] }],
  },
};

function byteSwapped(value: number): number {
  return (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
}

/** What a wrong acknowledgment number most likely came from. */
function ackAdvice(header: TcpHeader, given: number): string {
  if (given === header.seq) return "That is the sequence number, bytes 4–7; the acknowledgment number is the next four bytes, 8–11 (RFC 9293 §3.1).";
  if (given === byteSwapped(header.ack)) {
    return "You read bytes 8–11 little-endian. TCP fields are big-endian (network byte order): the first byte is the most significant (RFC 9293 §3.1).";
  }
  if (String(given) === header.ack.toString(16)) return "Those are the hex digits read as a decimal number: write them with 0x in front, or convert them.";
  return (
    "Not the value of bytes 8–11. Count two hex digits per byte from byte 0, take the four bytes after the sequence number and read them as one big-endian number." +
    (header.flags.ack ? "" : " The ACK flag is off here, so the receiver ignores this field (RFC 9293 §3.1), but the question asks what the field holds.")
  );
}

/** The catalogued misconception a wrong acknowledgment number shows, when ackAdvice recognises one. */
function ackMisconception(header: TcpHeader, given: number): MisconceptionId | undefined {
  if (given === header.seq) return "seq-ack-swapped";
  if (given === byteSwapped(header.ack)) return "fields-read-little-endian";
  return undefined;
}

/** The catalogued misconception wrong flags show: ACK added to a first SYN (the case flagsAdvice explains as such). */
function flagsMisconception(header: TcpHeader, wrong: readonly FlagName[]): MisconceptionId | undefined {
  return flagsAdvice(header, wrong) === FIRST_SYN_HAS_NO_ACK ? "first-syn-has-ack" : undefined;
}

const FIRST_SYN_HAS_NO_ACK = "A client's first SYN is the one segment of a normal connection without ACK: it has nothing to acknowledge yet.";

/**
 * Which flags the learner got wrong, like a multiple choice: the ones they
 * selected that are not set are named, the set ones they missed only counted
 * (naming them would hand over the flags byte).
 */
function flagsMistakes(header: TcpHeader, wrong: readonly FlagName[]): string {
  const added = wrong.filter((f) => !header.flags[f]).map((f) => f.toUpperCase());
  const missed = wrong.filter((f) => header.flags[f]).length;
  const parts = [
    ...(added.length > 0 ? [`You added ${added.join(", ")}, which ${added.length === 1 ? "is" : "are"} not set`] : []),
    ...(missed > 0 ? [`${missed} ${missed === 1 ? "flag that is set is" : "flags that are set are"} not selected`] : []),
  ];
  return `${parts.join("; ")}.`;
}

/** Why the flags were misread: names the flags byte's layout and the rules about ACK and RST. */
function flagsAdvice(header: TcpHeader, wrong: readonly FlagName[]): string {
  const given = FLAG_NAMES.filter((f) => header.flags[f] !== wrong.includes(f));
  const set = FLAG_NAMES.filter((f) => header.flags[f]);
  const offByOne =
    wrong.length === 2 &&
    Math.abs(FLAG_NAMES.indexOf(wrong[0]!) - FLAG_NAMES.indexOf(wrong[1]!)) === 1 &&
    given.length === set.length;
  if (offByOne) return "That is one bit off: byte 13 holds, from its high bit down, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN.";
  if (wrong.includes("ack") && !header.flags.ack && header.flags.syn) return FIRST_SYN_HAS_NO_ACK;
  if (wrong.includes("ack") && !header.flags.ack && header.flags.rst) {
    return "An RST that answers a segment carrying ACK takes its seq from that ACK field and has no ACK flag itself (RFC 9293 §3.5.2, §3.10.7.1).";
  }
  if (wrong.includes("ack") && header.flags.ack) {
    return "ACK is bit 0x10 of byte 13. A SYN-ACK, data, a FIN and a reset sent in reply to a segment without ACK all carry it (RFC 9293 §3.1, §3.10.7.1).";
  }
  return "Byte 13 holds, from its high bit down, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN; decode it bit by bit.";
}

function flagsByte(header: TcpHeader): number {
  return FLAG_NAMES.reduce((byte, name, index) => (header.flags[name] ? byte | (0x80 >> index) : byte), 0);
}
