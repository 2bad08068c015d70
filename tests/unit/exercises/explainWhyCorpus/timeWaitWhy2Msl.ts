// Labelled answers to "Who waits, why, and for how long" (lesson 4).
// Key ideas, one point each: the side that closes first (here the client)
// holds TIME-WAIT; the final ACK may be lost and the peer's retransmitted FIN
// must be ACKed again; delayed segments of the connection must expire before
// the 4-tuple is reused; Linux keeps it a fixed 60 s (TCP_TIMEWAIT_LEN).
// Every answer here is held out: written after the exercise's phrasings, and
// graded once before any change (22 of 24 within band; see types.ts).
import { FULL, LOW, PARTIAL, SOME, type Corpus } from "./types";

export const timeWaitWhy2MslCorpus: Corpus = {
  exerciseId: "time-wait-why-2msl",
  answers: [
    {
      kind: "full",
      text: "The client is in TIME-WAIT since it closed first (active close). It waits because its last ACK could get lost, then the server resends the FIN and the client has to ACK it again. Also old segments of the connection that are still in the network must die before a new connection with the same ports starts. On Linux it is always 60 seconds, hardcoded as TCP_TIMEWAIT_LEN.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "full",
      text: "client, because whoever sends the first FIN gets TIME-WAIT. two reasons: the final ack might be dropped and the server will retransmit its fin, and delayed duplicates from this connection could otherwise be accepted by a new incarnation of the same 4-tuple. linux doesnt use 2msl, it uses a fixed 60s",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "full",
      text: "The active closer which is the client here keeps the TIME-WAIT. If the final ACK is lost the server in LAST-ACK retransmits FIN and without TIME-WAIT the client would answer with RST. The 2MSL is so that packets from the old conection expire. Linux: 60 s (constant in the kernel, not tunable).",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "short",
      text: "The client, as it closed first; it must be able to re-ACK a retransmitted FIN and let old segments die out. Linux uses 60 s.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "short",
      text: "Client holds it (closed first). Lost last ACK -> server resends FIN, client must answer it. 60 s on Linux.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "partial",
      text: "The client waits because it closed first, and on Linux this is 60 seconds.",
      band: PARTIAL,
      heldOut: true,
    },
    {
      kind: "partial",
      text: "so that old duplicate segments from this connection cannot show up in a new connection that reuses the same address and port pair",
      band: SOME,
      heldOut: true,
    },
    {
      kind: "partial",
      text: "If the last ACK is lost the other side will send its FIN again and someone has to still be there to acknowledge it. That's why it waits 2MSL.",
      band: SOME,
      heldOut: true,
    },
    {
      kind: "partial",
      text: "the side that initiated the close keeps the state, linux keeps it for one minute, the rfc would say 4 minutes",
      band: PARTIAL,
      heldOut: true,
    },
    {
      kind: "wrong",
      text: "The server holds TIME-WAIT, and tcp_fin_timeout decides how long it lasts, 60 seconds by default.",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "wrong",
      text: "The server always ends up in TIME-WAIT because it sent the response, and it waits so the client can reconnect.",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "wrong",
      text: "Both sides wait in TIME-WAIT for 2 minutes because MSL is 30 seconds on Linux and the kernel doubles it twice.",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "wrong",
      text: "TIME-WAIT exists so the server can finish sending the data that is still in its buffer, you can shorten it with tcp_fin_timeout",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "negated",
      text: "It is not because the final ACK could be lost, and old duplicate segments are not the reason either; the client just waits 60 s.",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "negated",
      text: "the client does not hold TIME-WAIT, and it has nothing to do with a lost ACK or delayed packets from the old connection",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "negated",
      text: "Retransmitted FINs never reach a TIME-WAIT socket and old segments cannot be confused with a new connection, so 2MSL is just tradition.",
      band: LOW,
      heldOut: true,
    },
    { kind: "salad", text: "active closer, final ACK lost, old duplicates, 2MSL, TCP_TIMEWAIT_LEN 60 s", band: LOW, heldOut: true },
    { kind: "salad", text: "client client TIME-WAIT FIN ACK lost retransmit FIN old duplicate segments 60 60 seconds", band: LOW, heldOut: true },
    { kind: "salad", text: "Keywords: active close / first FIN / last ACK / retransmission / old duplicates / 4-tuple / MSL / 60s", band: LOW, heldOut: true },
    { kind: "off-topic", text: "The three-way handshake uses SYN, SYN-ACK and ACK and picks random initial sequence numbers.", band: LOW, heldOut: true },
    { kind: "off-topic", text: "You should use HTTP keep-alive and connection pools so you open fewer connections.", band: LOW, heldOut: true },
    {
      kind: "non-native",
      text: "Client is going in TIME-WAIT because he is closing first. He is waiting because maybe last ACK is lose and server send again FIN, then client must ACK again. In Linux this wait is 60 second always.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "non-native",
      text: "The one who close first, the client, stay in TIME-WAIT. Reason is for old packet of this connection which still travel in network, they must to die before same port is used again by new connection. Linux time is fix 60 s.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "non-native",
      text: "For to not receive in new connection the old segments, TCP wait 2MSL. Who wait is client because he send first FIN.",
      band: PARTIAL,
      heldOut: true,
    },
  ],
};
