// Labelled answers to "Why the checksum covers a pseudo-header" (lesson 1).
// Key ideas: it detects segments delivered to the wrong host or connection (the
// main one); a connection is named by addresses and ports, and the TCP header
// carries only the ports; IP's own header checksum does not protect the
// addresses end to end (recomputed at each hop, none in IPv6).
import { FULL, LOW, PARTIAL, SOME, type Corpus } from "./types";

export const headerFieldsWhyPseudoHeaderCorpus: Corpus = {
  exerciseId: "header-fields-why-pseudo-header",
  answers: [
    {
      kind: "full",
      text: "The TCP header only carries the port numbers, but a connection is identified by both IP addresses and both ports. By putting the addresses in the checksum via the pseudo-header, the receiver can detect a segment that was delivered to the wrong host. The IP header checksum doesn't help end to end because routers recompute it at every hop and IPv6 doesn't have one.",
      band: FULL,
    },
    {
      kind: "full",
      text: "because the tcp header has only ports and the connection is really the 4 tuple so if a segment gets misrouted to another host with the same port the checksum would fail and the receiver drops it instead of accepting it for the wrong connection",
      band: FULL,
    },
    {
      kind: "full",
      text: "The pseudo header puts the source and destinaton adress into the checksum so a segment that arrives at the wrong machine is detected, the ip checksum only covers the ip header and is changed by each router so it cant protect the adresses end to end.",
      band: FULL,
    },
    {
      kind: "short",
      text: "So the receiver can catch segments delivered to the wrong host, since the TCP header itself has no IP addresses.",
      band: FULL,
    },
    {
      kind: "short",
      text: "It protects against misdelivered segments: ports alone don't identify the connection, the addresses are needed too.",
      band: FULL,
    },
    {
      kind: "short",
      text: "to detect a packet that reached the wrong destination because of a corrupted ip address",
      band: PARTIAL,
    },
    {
      kind: "partial",
      text: "The TCP checksum includes the addresses because the connection is defined by the IP addresses and the ports, not just the ports.",
      band: SOME,
    },
    {
      kind: "partial",
      text: "IPv4 header checksum gets recalculated at every router and IPv6 has none, so TCP has to cover the addresses itself",
      band: SOME,
    },
    {
      kind: "partial",
      text: "it makes sure the segment really belongs to this connection and was not delivered to some other host by mistake",
      band: PARTIAL,
    },
    {
      kind: "partial",
      text: "its so the checksum also checks the ip adresses, if a router messes up and sends it to the wrong computer the tcp on that computer sees the checksum is wrong",
      band: PARTIAL,
    },
    {
      kind: "wrong",
      text: "The checksum includes the IP addresses so that every router along the path can verify the packet at every hop.",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "It encrypts the source and destination addresses so that an eavesdropper cannot see who is talking.",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "It is for security: the pseudo header authenticates the sender so nobody can spoof the source address.",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "the pseudo header makes the checksum bigger so it finds more bit errors in the payload, thats the only reason",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "because routers use the tcp checksum to decide where to forward the segment, so the addresses must be in it",
      band: LOW,
    },
    {
      kind: "negated",
      text: "The pseudo-header is not about misrouted segments or delivery to the wrong host; it just makes the checksum cover more bytes.",
      band: LOW,
    },
    {
      kind: "negated",
      text: "It doesn't protect against segments delivered to the wrong host, the addresses and ports have nothing to do with identifying the connection.",
      band: LOW,
    },
    {
      kind: "negated",
      text: "misdelivery is never detected by the pseudo header and the ip checksum is not only for the ip header, it covers the whole packet",
      band: LOW,
    },
    {
      kind: "negated",
      text: "no, the checksum can't tell if a segment went to the wrong host, it's only there so the length is checked",
      band: LOW,
    },
    {
      kind: "negated",
      text: "Its NOT because the connection is identified by addresses and ports. TCP just copies the IP header to be safe.",
      band: LOW,
    },
    { kind: "salad", text: "misdelivery wrong host 4-tuple ip checksum ports addresses misrouted end to end ipv6", band: LOW },
    { kind: "salad", text: "pseudo header, source address, destination address, misrouted, wrong host, ip header checksum, hop", band: LOW },
    { kind: "salad", text: "wrong host wrong host wrong host misdelivered misdelivered checksum checksum", band: LOW },
    { kind: "salad", text: "Because of: misdelivery, the 4-tuple, the IP checksum, the ports and the addresses.", band: LOW },
    { kind: "off-topic", text: "TCP uses a three way handshake with SYN, SYN-ACK and ACK to open a connection reliably.", band: LOW },
    { kind: "off-topic", text: "I think it is because the RFC says so and every implementation has to follow it.", band: LOW },
    {
      kind: "non-native",
      text: "For detect the segment which is arrive to wrong host, the addresses is put in checksum, because in tcp header is only the ports and not the addresses.",
      band: FULL,
    },
    {
      kind: "non-native",
      text: "The receiver with the pseudo header can check that segment is really for him, wrong destination host segment is detected then. IP checksum only is checking IP header.",
      band: FULL,
    },
    {
      kind: "non-native",
      text: "Connection is identify by two address and two port, tcp header have the ports only, so checksum take also the address for know if segment come to wrong place.",
      band: FULL,
    },
    // Held out: written after the phrasings were settled; not tuned against.
    {
      kind: "full",
      text: "tcp checksum includes src/dst ip so if a packet with a corrupted destination address ends up at the wrong host, that host notices the checksum mismatch and discards it. the ports alone don't tell which connection it is.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "short",
      text: "Without the addresses in the checksum, a segment misdelivered to another host with a matching port would be accepted as valid.",
      band: PARTIAL,
      heldOut: true,
    },
    {
      kind: "negated",
      text: "I don't think it has anything to do with misdelivery, the pseudo header is just legacy from the old days",
      band: LOW,
      heldOut: true,
    },
    { kind: "salad", text: "checksum: source ip, dest ip, protocol, tcp length -> misdelivery detection", band: LOW, heldOut: true },
    {
      kind: "wrong",
      text: "Routers need the pseudo header to check the TCP checksum and drop damaged segments before they reach the host.",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "non-native",
      text: "Because TCP header not have IP address, so if IP address is broken on the way, the segment go to other host and there checksum is fail and it is drop.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "partial",
      text: "the ip header checksum is only checked hop by hop and ipv6 has no header checksum at all, so tcp includes the addresses to protect them end to end",
      band: SOME,
      heldOut: true,
    },
  ],
};
