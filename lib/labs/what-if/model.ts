// The what-if sandbox as a page shows it: one section per switch, each with
// the design it removes, the switch, and its comparisons (real run beside the
// altered one). Pure and deterministic: the page computes it once on the server.
import { comparisons, WHAT_IF_IDS, type Comparison, type WhatIfId } from "./cases";
import { compareFlood, type FloodComparison } from "./flood";

export { WHAT_IF_IDS, type WhatIfId };

export type WhatIfMeta = {
  id: WhatIfId;
  /** section heading */
  title: string;
  /** the interview question it answers */
  question: string;
  /** what the switch turns off, as the switch's label */
  switchLabel: string;
  /** one paragraph: what the design does in real TCP */
  design: string;
};

export const WHAT_IF_META: Record<WhatIfId, WhatIfMeta> = {
  "two-way-handshake": {
    id: "two-way-handshake",
    title: "What if the handshake had two segments?",
    question: "Why does TCP need a three-way handshake? Why not two?",
    switchLabel: "Two-way handshake: the server commits on the SYN",
    design:
      "In real TCP a SYN only creates a half-open request (Linux keeps it in the SYN queue); the connection exists once the client's ACK confirms that the SYN-ACK answered a SYN it really sent.",
  },
  "no-time-wait": {
    id: "no-time-wait",
    title: "What if there were no TIME-WAIT?",
    question: "Why does TIME-WAIT exist, and why on the side that closes first?",
    switchLabel: "No TIME-WAIT: the active closer forgets the connection at once",
    design:
      "In real TCP the side that closes first keeps the connection in TIME-WAIT (60 s on Linux, 2 MSL in the RFC) after its last ACK: to repeat that ACK if it is lost, and to keep the 4-tuple out of use until the old connection's segments have died.",
  },
  "isn-zero": {
    id: "isn-zero",
    title: "What if every connection started at sequence number 0?",
    question: "Why is the initial sequence number not simply 0?",
    switchLabel: "ISN always 0",
    design:
      "In real TCP each connection's initial sequence number comes from a clock plus a keyed hash of its 4-tuple (RFC 6528), so successive connections on the same 4-tuple use distant sequence numbers and an outsider cannot guess them.",
  },
  "no-syn-cookies": {
    id: "no-syn-cookies",
    title: "What if there were no SYN cookies?",
    question: "What is a SYN flood, and how do SYN cookies defend against it?",
    switchLabel: "No SYN cookies (net.ipv4.tcp_syncookies = 0)",
    design:
      "In real Linux (tcp_syncookies = 1, the default) a listener whose SYN queue is full answers SYNs with cookies: the SYN-ACK's sequence number encodes the connection, so nothing is stored until the client's ACK proves it.",
  },
};

export type WhatIfSection =
  | { meta: WhatIfMeta; kind: "sequence"; comparisons: Comparison[] }
  | { meta: WhatIfMeta; kind: "flood"; flood: FloodComparison };

/** Every section, in page order. */
export function whatIfSections(): WhatIfSection[] {
  return WHAT_IF_IDS.map((id): WhatIfSection => {
    const meta = WHAT_IF_META[id];
    if (id === "no-syn-cookies") return { meta, kind: "flood", flood: compareFlood() };
    return { meta, kind: "sequence", comparisons: comparisons(id) };
  });
}
