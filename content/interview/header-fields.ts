// Interview questions: TCP header fields (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const headerFieldsQuestions: InterviewQuestion[] = [
  {
    id: "header-fixed-fields",
    topic: "header-fields",
    difficulty: "warm-up",
    question: "Walk me through the fixed 20-byte TCP header. What is each field for?",
    modelAnswer:
      "It starts with the 16-bit source and destination ports; together with the two IP addresses from the IP header they identify the connection. " +
      "The 32-bit sequence number is the number of the first data byte in the segment. " +
      "The 32-bit acknowledgment number is the next byte the sender expects to receive, and it is valid only when the ACK flag is set. " +
      "Then come the data offset, the header length in 32-bit words, and eight flag bits such as SYN, ACK, FIN and RST. " +
      "The 16-bit window is flow control: how many bytes the sender of the segment is willing to receive. " +
      "The checksum covers the header, the data and a pseudo-header with the IP addresses. " +
      "The urgent pointer is read only when URG is set. Options such as MSS, window scale, SACK and timestamps may follow.",
    sources: ["RFC 9293 §3.1 (header format)", "RFC 9293 §2.2 (ports and connections)", "RFC 7323 §2.2 (window scale)"],
    rubric: {
      ideas: [
        {
          id: "ports-identify",
          idea: "The ports, with the IP addresses, identify the connection",
          weight: 1,
          phrasings: [
            "port* .. identif*|name|names|demultiplex*|multiplex*|connection*|application*|process*|socket*|service*|say*|tell*|select*|address*",
            "address* .. identif*|name|names|tell*|distinguish* .. connection*",
            "four-tuple|4-tuple|five-tuple|5-tuple",
          ],
        },
        {
          id: "seq-first-byte",
          idea: "The sequence number numbers the first data byte of the segment",
          weight: 1,
          phrasings: ["sequence|seq .. first .. byte*|octet*", "sequence|seq .. number* .. byte*|octet*", "number* each|every byte|octet"],
        },
        {
          id: "ack-next-expected",
          idea: "The acknowledgment number is the next byte the sender expects",
          weight: 1,
          phrasings: ["ack*|acknowledg* .. next .. byte*|sequence*|expect*|want*", "ack*|acknowledg* .. expect*", "cumulativ*"],
        },
        {
          id: "window-flow-control",
          idea: "The window is flow control: how much the sender of the segment can receive",
          weight: 1,
          phrasings: [
            "window .. flow-control",
            "window .. how-much|how-many|bytes|data|room|space .. receiv*|accept*|buffer*",
            "receiv* window",
            "flow-control .. window",
          ],
        },
        {
          id: "checksum-covers",
          idea: "The checksum covers header, data and a pseudo-header with the addresses",
          weight: 1,
          phrasings: ["checksum .. pseudo*", "checksum .. header|data|segment|payload .. and|plus .. data|payload|address*|pseudo*", "checksum .. detect*|error*|corrupt*|cover*|protect*|includ*"],
        },
      ],
      misconceptions: [
        {
          id: "window-is-cwnd",
          label: "Thinks the window field carries the congestion window",
          whyWrong: "The window is the receiver's flow-control window (RFC 9293 §3.1); the congestion window is the sender's private variable and never appears in the header.",
          phrasings: ["window .. is|means|equals|represents|gives|tells|carries .. congestion-window|cwnd", "window-field .. congestion"],
        },
        {
          id: "ack-is-received-seq",
          label: "Thinks the acknowledgment number repeats the received sequence number",
          whyWrong: "It is the next sequence number expected: the received segment's seq plus its length, plus one for a SYN or FIN (RFC 9293 §3.1, §3.4).",
          phrasings: ["ack*|acknowledg* .. is|equals|same|repeats|copies .. sequence-number|seq .. of .. received|segment|packet|last", "ack*|acknowledg* .. last .. byte*|segment* .. received"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The sequence number counts segments, so each segment gets the next number.", whyWrong: "TCP numbers bytes, not segments: a segment's sequence number is that of its first data byte (RFC 9293 §3.1, §3.4)." },
      {
        claim: "The acknowledgment number is the sequence number of the last segment received.",
        whyWrong: "It is the next byte expected, the received segment's seq plus its length (plus one for SYN or FIN), and it acknowledges everything before it (RFC 9293 §3.1).",
      },
      {
        claim: "The window field tells the peer the sender's congestion window, how many segments it may have in flight.",
        whyWrong: "The window is the receive window for flow control, in bytes (scaled if window scaling was negotiated); the congestion window is never sent (RFC 9293 §3.1; RFC 5681 §2).",
      },
    ],
    followUps: [
      "Why is the ACK flag set on every segment except the client's first SYN?",
      "The IP addresses are not in the TCP header. Why does the TCP checksum still cover them?",
      "How big can the header get, and what decides its length?",
    ],
    lesson: { slug: "header-fields", anchor: "the-fields-row-by-row" },
  },
  {
    id: "header-data-offset",
    topic: "header-fields",
    difficulty: "warm-up",
    question: "What does the data offset field hold, and how long can a TCP header be?",
    modelAnswer:
      "The data offset is a 4-bit field that holds the length of the TCP header in 32-bit words, which tells the receiver where the data begins. " +
      "The fixed part of the header is 20 bytes, so the smallest value is 5. " +
      "Four bits count up to 15, and 15 words of 4 bytes make a maximum header of 60 bytes, which leaves at most 40 bytes for options. " +
      "Options are padded to a multiple of 4 bytes so that the length fits the field. " +
      "A receiver has to use the field to find the payload: a Linux SYN with MSS, SACK-permitted, timestamps and window scale has a 40-byte header, " +
      "and once timestamps are negotiated every segment has a 32-byte header. Code that assumes the data starts at byte 20 reads options as data.",
    sources: ["RFC 9293 §3.1 (Data Offset)", "RFC 7323 §3.2 (timestamps on every segment)"],
    rubric: {
      ideas: [
        {
          id: "in-32-bit-words",
          idea: "It counts 32-bit words (units of 4 bytes), not bytes",
          weight: 2,
          phrasings: ["32-bit word*", "4-byte|four-byte word*|unit*|chunk*|multiple*", "word* of|in 4|four bytes", "multipl* .. by 4|four", "times 4|four", "number|count of|in word*"],
        },
        {
          id: "min-5",
          idea: "The minimum is 5 words, 20 bytes",
          weight: 1,
          phrasings: ["minimum|smallest|least|min .. 5|five|20", "5|five .. 20 bytes|byte", "20 byte* .. fixed|minimum|least|smallest"],
        },
        {
          id: "max-60",
          idea: "The maximum is 15 words: 60 bytes, at most 40 bytes of options",
          weight: 2,
          phrasings: ["60 bytes|byte", "40 bytes|byte .. option*", "option* .. 40", "15 .. 60|words"],
        },
        {
          id: "finds-data",
          idea: "The receiver needs it to find where the data begins, since options vary the length",
          weight: 1,
          phrasings: ["where|start* .. data|payload .. begin*|start*", "data|payload .. begin*|start*", "find*|locat* .. data|payload", "variable|vary|varies .. length|size", "skip* .. option*"],
        },
      ],
      misconceptions: [
        {
          id: "header-always-20",
          label: "Thinks the TCP header is always 20 bytes",
          whyWrong: "Only the fixed part is; the data offset gives the real length, up to 60 bytes (RFC 9293 §3.1), and a Linux SYN is 40 bytes.",
          phrasings: ["always .. 20 byte*", "header .. is|are 20 byte* .. always"],
        },
        {
          id: "offset-in-bytes",
          label: "Thinks the data offset counts bytes",
          whyWrong: "It counts 32-bit words: 5 means 20 bytes, 15 means 60 bytes (RFC 9293 §3.1).",
          phrasings: ["offset .. in|counts|count|measur* .. bytes", "offset .. byte offset|position", "offset .. of .. segment|data .. in .. stream"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "The data offset is the position of this segment's data in the byte stream, like the sequence number.",
        whyWrong: "The sequence number gives the position in the stream; the data offset is the header length in 32-bit words, where the data begins inside this segment (RFC 9293 §3.1).",
      },
      { claim: "The header is always 20 bytes, so the data always starts at byte 20.", whyWrong: "Options make it longer, up to 60 bytes: a Linux SYN has a 40-byte header, and with timestamps every segment has 32 bytes (RFC 9293 §3.1; RFC 7323 §3.2)." },
      { claim: "The data offset counts bytes, so the header can be up to 255 bytes long.", whyWrong: "It is a 4-bit count of 32-bit words, so the largest header is 15 × 4 = 60 bytes (RFC 9293 §3.1)." },
    ],
    followUps: [
      "A SYN carries MSS, SACK-permitted, timestamps and a window scale with one NOP. What is its data offset?",
      "Why can a segment carry at most four SACK blocks, and only three alongside timestamps?",
    ],
    lesson: { slug: "header-fields", anchor: "data-offset-and-reserved-bits-byte-12" },
  },
  {
    id: "header-flags",
    topic: "header-fields",
    difficulty: "core",
    question: "What are the TCP flags, and what does each one do?",
    modelAnswer:
      "There are eight one-bit flags. SYN opens a connection and FIN says the sender has no more data to send. " +
      "Each of them occupies one sequence number, so it is acknowledged like data. " +
      "RST aborts a connection or refuses one, for example a SYN to a port where nothing listens. " +
      "ACK means the acknowledgment number is valid; after the client's first SYN every segment carries it. " +
      "PSH asks the receiver to deliver the data promptly, but it is only a hint and marks no message boundary. " +
      "URG says the urgent pointer is significant; urgent data stays in the byte stream, and new applications should not use it. " +
      "ECE and CWR carry Explicit Congestion Notification: ECE echoes a router's congestion mark back to the sender, and CWR says the sender slowed down.",
    sources: ["RFC 9293 §3.1 (control bits), §3.4 (SYN and FIN occupy sequence space), §3.5.2 (reset)", "RFC 9293 §3.9.1.2 (PSH, urgent)", "RFC 3168 §6.1 (ECE, CWR)", "RFC 6093 §5 (urgent data)"],
    rubric: {
      ideas: [
        {
          id: "syn-fin-sequence",
          idea: "SYN and FIN each occupy one sequence number",
          weight: 2,
          phrasings: ["syn|fin .. occup*|consum*|take*|use|uses|count* .. sequence-number|sequence|seq|number", "each|both .. one|a sequence-number", "syn .. fin .. sequence-number|sequence|seq"],
        },
        {
          id: "rst-aborts",
          idea: "RST aborts or refuses a connection",
          weight: 1,
          phrasings: ["rst|reset .. abort*|refus*|reject*|kill*|tear*|terminat*|immediately|abrupt*", "rst|reset .. nothing|nobody|no .. listen*"],
        },
        {
          id: "ack-valid",
          idea: "ACK means the acknowledgment field is valid; every segment after the first SYN has it",
          weight: 1,
          phrasings: ["ack .. valid|significant|meaningful|field|number", "every|all segment*|packet* .. ack", "ack .. every|all segment*|packet*"],
        },
        {
          id: "psh-hint",
          idea: "PSH is a hint to deliver promptly, not a message boundary",
          weight: 1,
          phrasings: ["psh|push .. hint", "psh|push .. deliver*|pass*|hand* .. prompt*|immediately|quickly|right-away|now|soon|without-waiting", "psh|push .. not|no .. boundar*|record*"],
        },
        {
          id: "ecn-flags",
          idea: "ECE and CWR carry ECN congestion signals",
          weight: 1,
          phrasings: ["ece|cwr|ecn .. congestion", "explicit-congestion-notification", "ecn"],
        },
      ],
      misconceptions: [
        {
          id: "psh-marks-boundary",
          label: "Thinks PSH marks message boundaries",
          whyWrong: "PSH is a hint; it is not a record marker and is independent of segment boundaries (RFC 9293 §3.9.1.2). TCP is a byte stream.",
          phrasings: ["psh|push .. mark*|delimit*|end*|separat*|signal* .. message*|record*|boundar*", "psh|push .. until"],
        },
        {
          id: "ack-rst-take-sequence",
          label: "Thinks ACK or RST occupy a sequence number",
          whyWrong: "Only SYN and FIN occupy sequence space; a pure ACK or an RST takes none (RFC 9293 §3.4).",
          phrasings: ["ack|rst|reset|every|all .. flag* .. take*|occup*|consum*|use|uses .. sequence-number|seq", "ack|rst .. take*|occup*|consum*|use|uses .. a|one sequence-number|seq"],
        },
        {
          id: "urg-out-of-band",
          label: "Thinks URG sends out-of-band data",
          whyWrong: "Urgent data is part of the normal byte stream; the pointer only marks a position in it (RFC 6093; RFC 9293 §3.9.1.2).",
          phrasings: ["urg*|urgent .. out-of-band|oob|bypass*|separate-channel"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "PSH marks the end of an application message, so the receiver knows where each message ends.", whyWrong: "PSH is a delivery hint, not a record marker (RFC 9293 §3.9.1.2); applications must frame their own messages in the byte stream." },
      { claim: "ACK and RST take a sequence number just like SYN and FIN do.", whyWrong: "Only SYN and FIN occupy sequence space (RFC 9293 §3.4); nobody acknowledges a pure ACK or an RST, so they need none." },
      { claim: "URG sends out-of-band data that bypasses the normal byte stream.", whyWrong: "Urgent data stays in the stream; the urgent pointer only marks where it ends, and new applications should not use it (RFC 6093 §5)." },
    ],
    followUps: [
      "What does the RST that refuses a SYN look like, and why does it carry the ACK flag?",
      "What do [S.], [P.] and [F.] mean in tcpdump output?",
      "Why does a FIN need a sequence number when it carries no data?",
    ],
    lesson: { slug: "header-fields", anchor: "the-eight-flags-byte-13" },
  },
  {
    id: "header-window-scaling",
    topic: "header-fields",
    difficulty: "core",
    question: "What does the window field mean, and how can TCP advertise a window larger than 64 KB?",
    modelAnswer:
      "The 16-bit window is flow control: the number of bytes, starting at the acknowledgment number, that the sender of the segment is willing to receive. " +
      "It is the receiver's window. The congestion window is a different thing that the sender keeps to itself. " +
      "Sixteen bits cap the field at 65535 bytes, too small for fast long-distance paths. " +
      "RFC 7323 therefore adds the window scale option: each side announces a shift count in its SYN, at most 14, and its later windows are shifted left by that count, up to about 1 GiB. " +
      "Scaling is used only if both SYNs carry the option, and the window in the SYN and SYN-ACK themselves is never scaled. " +
      "So when tcpdump shows win 63 after a shift of 10, the real window is 63 × 1024 bytes.",
    sources: ["RFC 9293 §3.1 (Window)", "RFC 7323 §2.2, §2.3 (window scale option, shift at most 14)", "man 7 tcp (tcp_window_scaling)"],
    rubric: {
      ideas: [
        {
          id: "flow-control",
          idea: "The window is the receiver's flow control: how many bytes it will accept",
          weight: 2,
          phrasings: [
            "flow-control",
            "bytes|data .. willing|able|room|space .. receive|accept|buffer*",
            "how-much|how-many .. receive*|accept*|buffer*",
            "receiv* window",
            "receive buffer|space",
          ],
        },
        {
          id: "sixteen-bit-cap",
          idea: "16 bits cap the field at 65535 bytes",
          weight: 1,
          phrasings: ["65535|65536|64k|64kb|64kib", "16|sixteen bit*", "64 kb|kib|k|kilobytes"],
        },
        {
          id: "scale-option",
          idea: "The window scale option gives a left-shift count (at most 14)",
          weight: 2,
          phrasings: ["window-scal*|wscale|scale-factor|scaling-factor|scale-option", "shift* .. left|count|14|bits", "scal* .. option|syn|factor|shift*"],
        },
        {
          id: "only-in-syns",
          idea: "It is negotiated in the SYNs: both must carry it, and SYN windows are not scaled",
          weight: 1,
          phrasings: ["both .. syn*", "only .. in|on .. syn*|handshake", "syn* .. never|not .. scaled", "negotiat* .. handshake|syn*"],
        },
      ],
      misconceptions: [
        {
          id: "window-is-congestion-window",
          label: "Thinks the window field is the congestion window",
          whyWrong: "The field is the receiver's flow-control window (RFC 9293 §3.1); the congestion window stays inside the sender (RFC 5681 §2).",
          phrasings: ["window .. is|means|equals|represents|gives|tells .. congestion-window|cwnd", "window-field .. congestion"],
        },
        {
          id: "scale-renegotiated",
          label: "Thinks window scaling can be changed during the connection",
          whyWrong: "The shift is announced only in the SYN and fixed for the connection (RFC 7323 §2.2).",
          phrasings: ["scal*|shift* .. any-time|later|mid-connection|renegotiat*|whenever", "change* .. shift|scale .. during|mid"],
        },
      ],
    },
    wrongAnswers: [
      {
        claim: "The window is the congestion window: how many segments the sender may have in flight.",
        whyWrong: "It is the receive window, in bytes, for flow control (RFC 9293 §3.1); the sender's congestion window is never sent.",
      },
      { claim: "TCP can never go above 64 KB in flight unless the MTU is made larger.", whyWrong: "The window scale option lets each side shift its window left by up to 14 bits, about 1 GiB (RFC 7323 §2.3); the MTU has nothing to do with the window." },
      {
        claim: "Either side can switch window scaling on at any time later in the connection by sending a bigger shift.",
        whyWrong: "The shift count is sent only in SYN segments, both SYNs must carry it, and it cannot change afterwards (RFC 7323 §2.2).",
      },
    ],
    followUps: [
      "A middlebox strips the window scale option from SYNs. What happens to throughput on a long path?",
      "What is a zero window, and how does the sender learn that it has opened again?",
    ],
    lesson: { slug: "header-fields", anchor: "window-bytes-14-and-15" },
  },
  {
    id: "header-checksum-pseudo-header",
    topic: "header-fields",
    difficulty: "core",
    question: "What does the TCP checksum cover, and why does it include a pseudo-header?",
    modelAnswer:
      "The checksum is the ones' complement of the ones' complement sum of the whole segment, header and data, computed with the checksum field set to zero. " +
      "It also covers a 12-byte pseudo-header that is never sent: the source and destination IP addresses, a zero byte, the protocol number 6 and the TCP length. " +
      "A connection is identified by addresses and ports, but the TCP header carries only the ports. " +
      "Including the addresses lets the receiver detect a segment that was delivered to the wrong host. " +
      "The checksum is mandatory, and only the receiving host verifies it; routers do not. " +
      "On the sending host a capture often shows it as incorrect, because Linux leaves the final sum to the network card with checksum offload.",
    sources: ["RFC 9293 §3.1 (Checksum, pseudo-header, MUST-2, MUST-3)", "RFC 1071 (the arithmetic)", "__tcp_v4_send_check() in net/ipv4/tcp_ipv4.c (offload)"],
    rubric: {
      ideas: [
        {
          id: "covers-header-and-data",
          idea: "It covers the header and the data",
          weight: 1,
          phrasings: ["header .. and|plus .. data|payload|text", "whole|entire segment", "header .. data|payload"],
        },
        {
          id: "pseudo-header-addresses",
          idea: "The pseudo-header holds the IP addresses, protocol and length",
          weight: 1,
          phrasings: ["pseudo* .. address*|ip", "source .. destination .. address*|ip", "address* .. protocol .. length"],
        },
        {
          id: "detects-misdelivery",
          idea: "It detects segments delivered to the wrong host",
          weight: 2,
          phrasings: [
            "misdeliver*|misrout*|misdirect*|mis-deliver*|mis-rout*",
            "wrong|incorrect host|machine|destination|address|receiver|recipient|connection|socket|endpoint|node|system",
            "deliver*|arriv*|reach*|rout*|sent|send*|end* .. other|another|different|wrong host|machine|destination|receiver|connection",
            "not meant|intended|addressed|destined for",
            "corrupt*|damag*|alter*|flip*|chang* .. address*",
          ],
        },
        {
          id: "offload",
          idea: "Captures on the sender show bad checksums because of checksum offload",
          weight: 1,
          phrasings: ["offload*", "network-card|nic|hardware|device .. comput*|fill*|calculat*|finish*|final", "incorrect|wrong|bad|invalid checksum* .. captur*|tcpdump|sender|sending|outgoing"],
        },
      ],
      misconceptions: [
        {
          id: "routers-check-tcp-checksum",
          label: "Thinks routers check the TCP checksum",
          whyWrong: "Only the receiving host verifies the TCP checksum; routers check and rewrite the IPv4 header checksum (RFC 9293 §3.1; RFC 791).",
          phrasings: ["router* .. check*|verif*|validat*|inspect*|need* .. checksum|packet|segment|pseudo*|it|tcp|address*", "check*|verif*|validat* .. at|by|on every|each|all hop*|router*"],
          unless: ["ip-header|ipv4-header|ip-checksum|ipv4-checksum|header-checksum", "not|never|only"],
        },
        {
          id: "checksum-is-security",
          label: "Thinks the checksum authenticates or protects against tampering",
          whyWrong: "Anyone who changes a segment can recompute the checksum; it detects accidents, not attacks.",
          phrasings: ["encrypt*|decrypt*|confidential*|authenticat*|spoof*|tamper*|eavesdrop*|secur*|attacker*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "It covers only the TCP header; the data is protected by the link layer's CRC.", whyWrong: "It covers header and data (RFC 9293 §3.1). A link CRC protects only one hop, not the path end to end." },
      {
        claim: "Routers check the TCP checksum at every hop, and the pseudo-header gives them the addresses they need.",
        whyWrong: "Routers do not look at the TCP checksum; only the receiving host verifies it. The addresses are there to catch misdelivery end to end (RFC 9293 §3.1).",
      },
      { claim: "The pseudo-header authenticates the sender so that spoofed segments are rejected.", whyWrong: "A checksum is not a secret: an attacker recomputes it. It only detects corruption and misdelivery." },
    ],
    followUps: [
      "Why does tcpdump on the sending host report incorrect checksums on outgoing packets?",
      "What happens to the TCP checksum when a NAT rewrites an address?",
    ],
    lesson: { slug: "header-fields", anchor: "checksum-bytes-16-and-17-and-the-pseudo-header" },
  },
  {
    id: "header-syn-only-options",
    topic: "header-fields",
    difficulty: "core",
    question: "Which TCP options may appear only in a SYN, and why there?",
    modelAnswer:
      "MSS, window scale and SACK-permitted are sent only in SYN segments, because each announces a limit or a capability that must be settled before data flows. " +
      "MSS is the largest payload this end wants to receive; without the option the peer must assume 536 bytes over IPv4. " +
      "Window scale gives the shift count for this end's window, and scaling is used only if both SYNs carry it. " +
      "SACK-permitted says this end understands selective acknowledgments; the SACK blocks themselves then ride on later ACKs. " +
      "Timestamps are agreed in the SYNs too and are then sent on every segment. " +
      "Nothing can be renegotiated later: a middlebox that strips an option from a SYN disables that feature for the whole connection.",
    sources: ["RFC 9293 §3.2 (MSS only in SYN, MUST-65), §3.7.1 (536 default, MUST-15)", "RFC 7323 §2.2 (window scale), §3.2 (timestamps)", "RFC 2018 §2 (SACK-permitted only in SYN)"],
    rubric: {
      ideas: [
        { id: "mss", idea: "MSS is SYN-only: the largest payload this end will receive", weight: 1, phrasings: ["mss|maximum-segment-size .. syn*|only|largest|biggest|receiv*|536|payload"] },
        { id: "window-scale", idea: "Window scale is SYN-only", weight: 1, phrasings: ["window-scal*|wscale|scale-factor|shift-count"] },
        { id: "sack-permitted", idea: "SACK-permitted is SYN-only", weight: 1, phrasings: ["sack*|selective .. permit*|ok|support*|understand*", "sackok"] },
        {
          id: "settled-at-setup",
          idea: "They are settled once in the handshake: used only if both SYNs carry them, never renegotiated",
          weight: 2,
          phrasings: [
            "both .. syn*",
            "negotiat*|agree*|fix*|settle*|decid*|announc* .. before|once|at|during .. data|start|setup|handshake|connection|flow*",
            "not|never .. renegotiat*|change*",
            "whole|entire connection",
          ],
        },
        {
          id: "timestamps-every-segment",
          idea: "Timestamps are negotiated in the SYN but then sent on every segment",
          weight: 1,
          phrasings: ["timestamp* .. every|all|each|later .. segment*|packet*", "timestamp* .. not .. only .. syn*", "sent|carried|appear*|included|present .. in|on .. every|each|all segment*|packet*"],
        },
      ],
      misconceptions: [
        {
          id: "timestamps-syn-only",
          label: "Thinks timestamps appear only in the SYN",
          whyWrong: "Once both SYNs carried them, timestamps are sent on every segment (RFC 7323 §3.2).",
          phrasings: ["timestamp* .. only .. syn*"],
        },
        {
          id: "mss-default-1460",
          label: "Thinks the MSS defaults to 1460 when the option is missing",
          whyWrong: "Without an MSS option the peer must assume 536 bytes over IPv4 (RFC 9293 §3.7.1, MUST-15); 1460 is what Linux announces on Ethernet.",
          phrasings: ["without|no|missing|absent .. mss .. 1460", "default* .. 1460"],
        },
        {
          id: "all-options-syn-only",
          label: "Thinks every option is SYN-only",
          whyWrong: "Timestamps, SACK blocks and NOP/EOL appear on later segments (RFC 7323 §3.2; RFC 2018 §3).",
          phrasings: ["all|every option* .. only .. syn*", "later|other segment*|packet* .. never|no .. option*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "All options appear only in the SYN; later segments never carry options.", whyWrong: "Timestamps go on every segment once negotiated, and SACK blocks on ACKs (RFC 7323 §3.2; RFC 2018 §3)." },
      { claim: "If a SYN carries no MSS option, the peer assumes 1460 bytes.", whyWrong: "The default is 536 bytes over IPv4 (RFC 9293 §3.7.1, MUST-15); 1460 is just what a 1500-byte MTU gives when announced." },
      { claim: "Window scaling is switched on as soon as one side sends the option, at any point in the connection.", whyWrong: "Both SYNs must carry the option, and it is never sent after the SYN (RFC 7323 §2.2)." },
    ],
    followUps: [
      "Why does Linux announce MSS 1460 on Ethernet, and why does ss -ti then show mss:1448?",
      "What is MSS clamping, and why do routers on PPPoE or VPN links do it?",
    ],
    lesson: { slug: "header-fields", anchor: "options-byte-20-onwards" },
  },
];
