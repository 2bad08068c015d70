// Interview questions: sequence numbers and the ISN (format: lib/interview/question.ts).
import type { InterviewQuestion } from "@/lib/interview/question";

export const sequenceNumbersQuestions: InterviewQuestion[] = [
  {
    id: "seq-numbers-count-bytes",
    topic: "sequence-numbers",
    difficulty: "warm-up",
    question: "What does a TCP sequence number count, and how does the receiver work out the acknowledgment number?",
    modelAnswer:
      "TCP numbers bytes, not segments, and each direction has its own numbering. " +
      "A segment's sequence number is the number of its first data byte. " +
      "The acknowledgment number is the next byte the receiver expects, so it acknowledges everything before it cumulatively. " +
      "If a segment with seq 1001 carries 100 bytes, the receiver answers with ack 1101: the sequence number plus the length. " +
      "SYN and FIN each occupy one sequence number as well. The ACK of a SYN with ISN x is therefore x + 1, and a FIN is acknowledged the same way. " +
      "A pure ACK and an RST occupy none. Numbering starts at each side's initial sequence number and wraps around modulo 2^32.",
    sources: ["RFC 9293 §3.1 (Sequence Number, Acknowledgment Number)", "RFC 9293 §3.4 (sequence numbers, SYN and FIN occupy sequence space)"],
    rubric: {
      ideas: [
        {
          id: "numbers-bytes",
          idea: "TCP numbers bytes, not segments",
          weight: 2,
          phrasings: ["number*|count*|sequence .. bytes|byte|octet*", "byte* not|rather-than segment*", "each|every byte .. own|a|its number"],
        },
        {
          id: "ack-next-expected",
          idea: "The ACK number is the next byte expected, cumulative",
          weight: 2,
          phrasings: ["ack*|acknowledg* .. next .. byte*|sequence*|expect*|want*", "ack*|acknowledg* .. expect*", "ack*|acknowledg* .. byte* .. next|want*|expect*", "byte* .. want*|expect*|need* .. next", "next byte* .. want*|expect*|need*", "cumulativ*"],
        },
        {
          id: "seq-plus-length",
          idea: "ACK = received seq + length",
          weight: 1,
          phrasings: ["plus|add*|adding .. length|len|bytes|size", "1101", "seq* .. len"],
        },
        {
          id: "syn-fin-count",
          idea: "SYN and FIN each occupy one sequence number",
          weight: 1,
          phrasings: ["syn|fin .. occup*|consum*|take*|use|uses|count*|count-as .. sequence*|number|one", "isn|x plus|1"],
        },
      ],
      misconceptions: [
        {
          id: "seq-counts-segments",
          label: "Thinks sequence numbers count segments",
          whyWrong: "They number bytes: a segment's sequence number is that of its first data byte (RFC 9293 §3.4).",
          phrasings: ["sequence* .. count*|number*|increment* .. segment*|packet*", "each|every segment*|packet* .. next|own number"],
          unless: ["byte*|octet*"],
        },
        {
          id: "ack-is-received-seq",
          label: "Thinks the ACK number repeats the received sequence number",
          whyWrong: "The ACK number is the next byte expected: seq + length (+1 for SYN or FIN), not the seq that was received (RFC 9293 §3.1).",
          phrasings: ["ack*|acknowledg* .. is|equals|same|repeats|copies .. sequence-number|seq .. of .. received|segment|packet|last", "ack*|acknowledg* .. last .. byte*|segment* .. received"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Sequence numbers count segments: each segment gets the next number.", whyWrong: "TCP numbers bytes; a 100-byte segment advances the sequence number by 100 (RFC 9293 §3.4)." },
      { claim: "The acknowledgment number is the sequence number of the segment being acknowledged.", whyWrong: "It is the next byte expected, the received seq plus the segment's length (RFC 9293 §3.1)." },
      { claim: "A SYN carries no data, so the ACK of a SYN with ISN x is x.", whyWrong: "The SYN itself occupies sequence number x, so its ACK is x + 1 and the first data byte is x + 1 (RFC 9293 §3.4)." },
    ],
    followUps: [
      "A client with ISN 1000 sends 100 bytes and then closes. What ACK number acknowledges its FIN?",
      "Why does tcpdump show seq 0 and ack 1 in a handshake unless you pass -S?",
    ],
    lesson: { slug: "three-way-handshake", anchor: "a-worked-example" },
    preset: "handshake",
  },
  {
    id: "seq-why-random-isn",
    topic: "sequence-numbers",
    difficulty: "core",
    question: "Why doesn't every TCP connection start its sequence numbers at 0?",
    modelAnswer:
      "There are two reasons. The first is security. An off-path attacker who can predict the ISN can forge segments that fall inside the window. " +
      "Without seeing any traffic it could inject data, reset the connection, or open a connection from a spoofed address. " +
      "The second is old segments. If every connection started at 0, a delayed segment from an earlier connection on the same four-tuple could land inside the new connection's window and be accepted as new data. " +
      "RFC 9293 §3.4.1, after RFC 6528, therefore asks for a clock plus a keyed hash of the four-tuple. " +
      "ISNs are then unpredictable to outsiders but still advance over time for the same pair of ports. They are not purely random numbers.",
    sources: ["RFC 9293 §3.4.1 (initial sequence number selection)", "RFC 6528 §3 (ISN = M + F(4-tuple, secret))", "RFC 9293 §3.5 (old duplicates)"],
    rubric: {
      ideas: [
        {
          id: "off-path-attacks",
          idea: "A predictable ISN lets an off-path attacker forge or inject segments",
          weight: 2,
          phrasings: ["attacker*|spoof*|forg*|inject*|hijack*", "guess*|predict* .. isn|sequence*|number*", "off-path|blind"],
        },
        {
          id: "old-segments",
          idea: "Old segments of an earlier connection on the same four-tuple must not fall into the new window",
          weight: 2,
          phrasings: [
            "old|delayed|stale|duplicate|late .. segment*|packet*|data",
            "segment*|packet* .. earlier|previous|old connection*|incarnation*",
            "same .. four-tuple|4-tuple|tuple|port* .. earlier|previous|old|before",
          ],
        },
        {
          id: "clock-plus-hash",
          idea: "RFC 6528: a clock plus a keyed hash of the four-tuple, increasing over time",
          weight: 1,
          phrasings: ["clock|timer|time .. hash*|keyed|secret|pseudorandom|siphash", "hash*|keyed|secret .. four-tuple|4-tuple|tuple|address*|port*", "6528", "advanc*|increas*|grow* .. over|with time"],
        },
      ],
      misconceptions: [
        {
          id: "isn-for-encryption",
          label: "Thinks a random ISN encrypts or hides the data",
          whyWrong: "The ISN hides nothing: it only makes forged segments hard to aim. TCP has no confidentiality of its own.",
          phrasings: ["encrypt*|decrypt*|confidential*|privacy|eavesdrop*", "hide|hides .. data|content*|traffic|payload"],
        },
        {
          id: "isn-purely-random",
          label: "Thinks the ISN is a pure random number with no relation to time",
          whyWrong: "RFC 6528 and Linux add a clock to a keyed hash, so ISNs for one four-tuple keep increasing (RFC 9293 §3.4.1).",
          phrasings: ["purely|completely|totally|truly|fully random", "random .. no|without|independent .. time|clock", "independent of|from .. time|clock"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "The ISN is random so that the data is encrypted and eavesdroppers cannot read it.", whyWrong: "A sequence number encrypts nothing; it makes blind forgery hard and keeps old segments out of new connections (RFC 9293 §3.4.1)." },
      { claim: "Starting at 0 would be fine, because the ports already tell connections apart.", whyWrong: "A new connection can reuse the very same four-tuple; then only the sequence numbers keep an old segment out, and a known ISN also helps attackers aim forged segments." },
      { claim: "The ISN is a fresh random number for every connection, completely independent of time.", whyWrong: "RFC 6528's ISN is a clock plus a keyed hash of the four-tuple, so it increases over time for one four-tuple (RFC 9293 §3.4.1)." },
    ],
    followUps: [
      "What could an attacker do if ISNs were predictable?",
      "How does Linux compute the ISN?",
      "Why is a clock part of the ISN if the hash already makes it unpredictable?",
    ],
    lesson: { slug: "three-way-handshake", anchor: "how-the-isn-is-chosen" },
    whatIf: "isn-zero",
  },
  {
    id: "seq-linux-isn",
    topic: "sequence-numbers",
    difficulty: "deep",
    question: "How does Linux choose the initial sequence number of a connection?",
    modelAnswer:
      "Linux follows RFC 6528, which RFC 9293 §3.4.1 adopted: the ISN is a clock plus a keyed hash of the connection. " +
      "In secure_tcp_seq(), in net/core/secure_seq.c, the hash is a SipHash of the two addresses and the two ports, keyed with a random secret the kernel generates once. " +
      "An outsider cannot predict the ISN of another connection. " +
      "The clock comes from seq_scale(): it adds the current time in nanoseconds shifted right by 6, a tick every 64 ns. " +
      "That counter wraps about every 274 seconds, instead of the RFC's 4-microsecond clock and its 4.55 hours. " +
      "For one four-tuple the ISNs therefore keep increasing over time, which keeps a new incarnation's numbers away from an old one's. Different four-tuples look unrelated.",
    sources: ["secure_tcp_seq() and seq_scale(), net/core/secure_seq.c", "RFC 6528 §3", "RFC 9293 §3.4.1"],
    rubric: {
      ideas: [
        {
          id: "clock-plus-hash",
          idea: "ISN = clock + keyed hash (RFC 6528)",
          weight: 1,
          phrasings: ["6528", "clock|timer|time .. plus|add*|and .. hash*", "hash* .. plus|add*|and .. clock|time|timer", "add*|plus .. clock|timer|time"],
        },
        {
          id: "keyed-secret",
          idea: "The hash is keyed with a random secret (SipHash), so outsiders cannot predict it",
          weight: 2,
          phrasings: ["siphash|hash* .. secret|key*|random", "keyed .. hash*|function", "secret .. key|random|boot"],
        },
        {
          id: "four-tuple-input",
          idea: "The hash covers the four-tuple: both addresses and both ports",
          weight: 1,
          phrasings: ["four-tuple|4-tuple|tuple", "address* .. port*", "hash* .. address*|port*|connection"],
        },
        {
          id: "linux-64ns",
          idea: "Linux's clock ticks every 64 ns and wraps about every 274 s",
          weight: 1,
          phrasings: ["64 ns|nanosecond*", "274|275", "shift* .. right .. 6|six", "every 64"],
        },
        {
          id: "increases-per-tuple",
          idea: "For one four-tuple the ISN increases over time",
          weight: 1,
          phrasings: ["increas*|advanc*|grow*|monoton* .. over|with time", "same .. four-tuple|tuple|connection|port* .. increas*|advanc*|grow*|higher", "keep* increasing|growing|advancing"],
        },
      ],
      misconceptions: [
        {
          id: "global-counter",
          label: "Thinks Linux increments a global ISN counter per connection",
          whyWrong: "That was old BSD behaviour and trivially predictable; Linux uses a keyed hash of the four-tuple plus a clock (secure_tcp_seq()).",
          phrasings: ["global|single|one .. counter", "increment* .. by .. 64000|64k", "counter .. per|each|every .. connection"],
        },
        {
          id: "linux-4us-clock",
          label: "Thinks Linux uses the RFC's 4-microsecond clock",
          whyWrong: "seq_scale() uses nanoseconds shifted right by 6: a 64 ns tick, wrapping in about 274 s.",
          phrasings: ["linux .. 4 microsecond*|us|µs", "linux .. 250 khz"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "Linux increments a global ISN counter by 64000 for each new connection.", whyWrong: "That is the old, predictable BSD scheme; Linux hashes the four-tuple with a secret key and adds a clock (secure_tcp_seq())." },
      { claim: "Linux uses the RFC 793 clock that ticks every 4 microseconds.", whyWrong: "Linux's clock is ktime_get_real_ns() >> 6, a 64 ns tick that wraps in about 274 s (seq_scale())." },
      { claim: "Linux draws every ISN from the random number generator, with no relation to time or to earlier connections.", whyWrong: "A random key is drawn once; each ISN is SipHash(four-tuple, key) plus a clock, so it increases over time for one four-tuple." },
    ],
    followUps: [
      "Why did Linux choose a 64 ns clock instead of the RFC's 4 µs?",
      "What does secure_tcp_ts_off() do for TCP timestamps?",
    ],
    lesson: { slug: "three-way-handshake", anchor: "how-the-isn-is-chosen" },
  },
  {
    id: "seq-wraparound",
    topic: "sequence-numbers",
    difficulty: "deep",
    question: "Sequence numbers are 32 bits. What happens when they wrap around, and when does that become a problem?",
    modelAnswer:
      "Nothing breaks when they wrap. Sequence arithmetic is modulo 2^32, and Linux compares numbers with before() and after() in include/net/tcp.h, which look at the sign of the 32-bit difference. " +
      "So 10 counts as after 4294967290. That works as long as the numbers compared are less than 2^31 apart, and a window is far smaller. " +
      "The real problem comes on fast links. At 10 Gb/s the 4 GiB sequence space is used up in about 3.4 seconds, far less than a segment may live in the network. " +
      "An old delayed segment could then carry a sequence number that is valid again. " +
      "Timestamps fix this: PAWS, RFC 7323 §5, discards segments whose timestamp is older than the last one seen.",
    sources: ["RFC 9293 §3.4 (modulo 2^32 arithmetic)", "before() and after(), include/net/tcp.h", "RFC 7323 §5 (PAWS)"],
    rubric: {
      ideas: [
        {
          id: "modulo-arithmetic",
          idea: "Arithmetic is modulo 2^32, comparing by the sign of the difference",
          weight: 2,
          phrasings: [
            "modulo|mod|modular",
            "wrap* .. around .. zero|0",
            "serial-number-arithmetic|sequence-arithmetic|serial-arithmetic",
            "before|after .. sign*|signed|difference",
            "sign*|signed .. difference|subtract*",
            "2 31|half .. apart|space|range",
          ],
        },
        {
          id: "nothing-breaks",
          idea: "Wrapping by itself breaks nothing",
          weight: 1,
          phrasings: ["nothing|not .. break*|fail*|reset*|problem|wrong", "connection .. continu*|carr*|keep*", "normal|fine|expected|harmless"],
        },
        {
          id: "fast-links",
          idea: "On fast links the space wraps within a segment lifetime, so an old segment could be valid again",
          weight: 2,
          phrasings: [
            "fast|high|10-gb*|gigabit|bandwidth .. link*|network*|path*|speed*|rate*", "high-speed|high-bandwidth|gigabit*|gbit*|gb|fast-link*|fast-network*",
            "old|delayed|stale .. segment*|packet*|duplicate* .. valid|accept*|same-sequence*|reused|again|look*",
            "wrap* .. within|less-than|faster-than|before .. msl|lifetime|live|second*",
          ],
        },
        {
          id: "paws",
          idea: "PAWS uses timestamps to reject old segments",
          weight: 2,
          phrasings: ["paws", "timestamp* .. protect*|reject*|discard*|drop*|distinguish*|tell|detect*|older"],
        },
      ],
      misconceptions: [
        {
          id: "wrap-resets",
          label: "Thinks a wrap resets or ends the connection",
          whyWrong: "Sequence arithmetic is modulo 2^32; the connection carries on across the wrap (RFC 9293 §3.4).",
          phrasings: ["reset*|break*|fail*|abort*|renegotiat*|close* .. wrap*|overflow*|2-32", "wrap*|overflow*|reach* .. reset*|break*|fail*|abort*|renegotiat*|new-isn|new-connection|close*"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "When the sequence number reaches 2^32 the connection is reset and a new ISN is chosen.", whyWrong: "Nothing special happens at the wrap: arithmetic is modulo 2^32 (RFC 9293 §3.4) and Linux compares with before()/after()." },
      { claim: "Wraparound cannot be a problem because each connection starts from a random ISN.", whyWrong: "A random start does not stop a fast connection from cycling through all 2^32 numbers within a segment lifetime; PAWS handles that (RFC 7323 §5)." },
      { claim: "The receiver must drop every segment after the wrap, so the sender has to pause.", whyWrong: "Sequence comparisons use the sign of the 32-bit difference, so numbers after the wrap compare as later and are accepted normally." },
    ],
    followUps: [
      "How long does the sequence space last at 100 Gb/s?",
      "Why does PAWS use timestamps instead of a larger sequence field?",
    ],
    lesson: { slug: "header-fields", anchor: "sequence-number-bytes-4-to-7" },
  },
  {
    id: "seq-syn-fin-take-a-number",
    topic: "sequence-numbers",
    difficulty: "core",
    question: "Why do SYN and FIN each take a sequence number, when they carry no data?",
    modelAnswer:
      "Because they must be delivered reliably, just like data. " +
      "Giving SYN and FIN a sequence number lets the ordinary acknowledgment number cover them. " +
      "The peer's ACK of x + 1 proves that the SYN with ISN x arrived, and an ACK one past the FIN proves that the FIN arrived, so the sender knows when to stop retransmitting. " +
      "The FIN's number also fixes its place in the stream: the receiver reports end-of-file only after every byte before it. " +
      "A pure ACK occupies no number, since nobody acknowledges an ACK. Neither does an RST, which is never answered. " +
      "So the first data byte is ISN + 1, and after 100 bytes and a FIN the peer acknowledges ISN + 102.",
    sources: ["RFC 9293 §3.4 (SYN and FIN occupy sequence space)", "RFC 9293 §3.5.2 (no reply to RST)", "RFC 9293 §3.6 (FIN)"],
    rubric: {
      ideas: [
        {
          id: "reliable-delivery",
          idea: "SYN and FIN must be acknowledged and retransmitted like data",
          weight: 2,
          phrasings: [
            "reliab*|retransmit*|resen*",
            "syn|fin|they|them .. must|need*|has|have .. acknowledg*|ack*|reliab*|deliver*|confirm*",
            "know* .. arriv*|received|got",
            "acknowledg*|ack* .. like|same .. data",
          ],
        },
        {
          id: "ack-covers-them",
          idea: "The ordinary ACK number then covers them (ISN + 1)",
          weight: 1,
          phrasings: ["acknowledg*|ack .. cover*|includ*|count*", "ack* .. x-1|isn-1|one-past|one-more|plus-one|plus-1", "isn|x plus|1"],
        },
        {
          id: "fin-position",
          idea: "The FIN's number fixes its place after all the data",
          weight: 1,
          phrasings: ["fin .. after|place|position|order .. every|all|byte*|data", "end-of-file|eof .. after|only", "fin .. place|position|order"],
        },
        {
          id: "pure-ack-none",
          idea: "A pure ACK and an RST occupy no sequence number",
          weight: 1,
          phrasings: [
            "pure|plain|bare|empty ack* .. no|not|none|zero .. number|sequence*|occup*|consum*|space",
            "nobody|never .. acknowledg* .. ack*",
            "rst|reset .. never|no|not|none .. answer*|number|sequence*|acknowledg*",
            "ack*|rst .. occup*|consum*|take* .. no|none|zero|nothing",
          ],
        },
      ],
      misconceptions: [
        {
          id: "every-segment-takes-one",
          label: "Thinks every segment takes a sequence number",
          whyWrong: "Only data bytes, SYN and FIN occupy sequence space; a pure ACK or RST takes none (RFC 9293 §3.4).",
          phrasings: ["every|each|all segment*|packet* .. take*|consum*|occup*|use|uses|get* .. one|a sequence-number|sequence|number"],
        },
      ],
    },
    wrongAnswers: [
      { claim: "They don't: SYN and FIN take no sequence number, which is why the first data byte is the ISN.", whyWrong: "Both occupy one number (RFC 9293 §3.4): the first data byte is ISN + 1, and the ACK of a FIN is its seq + 1." },
      { claim: "Every segment takes one sequence number, even a pure ACK, so the receiver can count segments.", whyWrong: "TCP numbers bytes; only SYN and FIN add one on top of the data, and a pure ACK occupies none (RFC 9293 §3.4)." },
      { claim: "They take a number only to keep the sequence space without gaps; they never need to be acknowledged.", whyWrong: "SYN and FIN are retransmitted until acknowledged; the number is what lets an ACK say they arrived (RFC 9293 §3.4)." },
    ],
    followUps: ["What happens if the ACK of a FIN is lost?", "A client with ISN 1000 sends 100 bytes and closes. Which number does the server acknowledge?"],
    lesson: { slug: "three-way-handshake", anchor: "a-worked-example" },
  },
];
