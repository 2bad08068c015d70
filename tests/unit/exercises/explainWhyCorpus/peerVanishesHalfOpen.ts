// Labelled answers to "Why the dead connections stay" (lesson 7).
// Key ideas: the vanished clients sent nothing (no FIN, no RST); TCP learns
// that a peer is gone only when its own segments go unanswered, and these
// connections are idle; keepalive (SO_KEEPALIVE) or an application heartbeat or
// idle timeout would remove them.
import { FULL, LOW, PARTIAL, SOME, type Corpus } from "./types";

export const peerVanishesHalfOpenCorpus: Corpus = {
  exerciseId: "peer-vanishes-half-open",
  answers: [
    {
      kind: "full",
      text: "The phones just disappeared from the network without sending a FIN or an RST, so nothing ever reached the server saying the connection is over. TCP only notices a dead peer when it sends data and gets no ACK back, but the server only replies to messages so these connections are idle and nothing is retransmitted. Turning on SO_KEEPALIVE with a short TCP_KEEPIDLE would probe them and drop the dead ones.",
      band: FULL,
    },
    {
      kind: "full",
      text: "the clients never sent fin or rst they just left so the server kernel has no idea, and since the server never sends anything on its own there is no retransmission timer that could fail. fix: enable keepalive on the socket or add a heartbeat in the app and close connections that are silent too long",
      band: FULL,
    },
    {
      kind: "full",
      text: "Becuase the phone left without closing, no FIN no RST was sent. The connection is idle, the server doesnt send anything so it never finds out the peer is gone. Use SO_KEEPALIVE or an aplication level idle timeout.",
      band: FULL,
    },
    {
      kind: "short",
      text: "No FIN or RST ever arrived and the server never sends, so TCP can't notice; enable TCP keepalive.",
      band: FULL,
    },
    {
      kind: "short",
      text: "They're half-open: the clients vanished silently and an idle socket never times out. SO_KEEPALIVE fixes it.",
      band: FULL,
    },
    {
      kind: "partial",
      text: "The clients left without a FIN so the server thinks they are still connected. Keepalive would clean them up.",
      band: PARTIAL,
    },
    {
      kind: "partial",
      text: "Nobody sends anything on these connections, they're idle, so the kernel never notices the other end is gone.",
      band: [0.25, 0.74],
    },
    {
      kind: "partial",
      text: "you could set SO_KEEPALIVE with tcp_keepidle 60 so the kernel sends probes and kills the dead ones",
      band: SOME,
    },
    {
      kind: "partial",
      text: "the phones never said goodbye, no fin was sent, so the server still thinks they're there",
      band: SOME,
    },
    {
      kind: "partial",
      text: "An application heartbeat every 30 s that closes silent clients solves it, since tcp itself only detects a dead peer when its own data is not acknowledged.",
      band: PARTIAL,
    },
    {
      kind: "wrong",
      text: "The kernel will close them after tcp_fin_timeout expires, sixty seconds after the client left.",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "They are stuck in TIME-WAIT for two minutes and then the operating system removes them.",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "The phones are still connected somewhere else and the sockets are being used by them right now.",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "the server sends keepalives by default every 2 hours, so they will go away soon, it's just the tcp_keepalive_time default of 7200 s",
      band: LOW,
    },
    {
      kind: "wrong",
      text: "ESTABLISHED means the clients are still sending data, so the kernel is right to keep them; it will close them when the clients send FIN later",
      band: LOW,
    },
    {
      kind: "negated",
      text: "It's not because the clients sent no FIN, and the connections are not idle; keepalive would not help here either.",
      band: LOW,
    },
    {
      kind: "negated",
      text: "The phones did send a FIN and an RST, and SO_KEEPALIVE has nothing to do with it; the kernel just doesn't bother closing them.",
      band: LOW,
    },
    {
      kind: "negated",
      text: "keepalive can't fix this, and it's not that the connection is idle, the server just never closes sockets",
      band: LOW,
    },
    {
      kind: "negated",
      text: "No, keepalive won't detect them and there's no half-open connection here, tcp notices dead peers by itself immediately",
      band: LOW,
    },
    { kind: "salad", text: "keepalive SO_KEEPALIVE TCP_KEEPIDLE heartbeat idle timeout no FIN no RST half-open", band: LOW },
    { kind: "salad", text: "fin, rst, idle, keepalive, heartbeat, timeout, half open, retransmission", band: LOW },
    { kind: "salad", text: "idle idle idle keepalive keepalive no fin no rst", band: LOW },
    { kind: "salad", text: "Reasons: no FIN / no RST, idle connection, half-open, keepalive, heartbeat, tcp_user_timeout.", band: LOW },
    { kind: "off-topic", text: "Wi-Fi roaming uses 802.11r to hand over between access points quickly.", band: LOW },
    { kind: "off-topic", text: "The server should use UDP instead of TCP because UDP has no connections.", band: LOW },
    {
      kind: "non-native",
      text: "Phone is leaving without to send FIN or RST, so server is not knowing. Server is sending only when client write, so connection idle and no retransmit happen. Is possible to activate keepalive on socket for remove them.",
      band: FULL,
    },
    {
      kind: "non-native",
      text: "When client disappear, to server arrive nothing, not FIN and not RST. For close them you must enable the keepalive or make timeout in application.",
      band: PARTIAL,
    },
    {
      kind: "non-native",
      text: "Kernel of server cannot know the client is gone because it send nothing to client, connection stay idle. Heartbeat from application can detect and close.",
      band: PARTIAL,
    },
    // Held out: written after the phrasings were settled; not tuned against.
    {
      kind: "full",
      text: "when the phone walks away from the wifi it can't send a FIN, so the server never learns. since the server only talks when spoken to, it has no unacked data and no retransmission timer running, so nothing ever times out. enabling SO_KEEPALIVE (with tcp_keepidle lowered) or closing connections idle for N minutes in the app fixes it",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "short",
      text: "Half-open connections: clients vanished without FIN/RST, the server never writes so never notices. Fix with keepalive.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "negated",
      text: "Keepalive is useless here and the clients did close properly, the server just has a bug",
      band: LOW,
      heldOut: true,
    },
    {
      kind: "wrong",
      text: "The server's kernel keeps them because tcp_retries2 hasn't expired yet, it retries 15 times before giving up.",
      band: LOW,
      heldOut: true,
    },
    { kind: "salad", text: "SO_KEEPALIVE!!! heartbeat!!! no FIN!!! idle!!!", band: LOW, heldOut: true },
    {
      kind: "non-native",
      text: "The client go away without say bye, so no FIN arrive to server. Server don't send nothing, so it don't know they are dead. Solution is keepalive of TCP or timeout in the application.",
      band: FULL,
      heldOut: true,
    },
    {
      kind: "partial",
      text: "the kernel only notices a dead peer if it has data in flight that goes unacknowledged; here the server is silent so the sockets stay ESTABLISHED forever",
      band: SOME,
      heldOut: true,
    },
  ],
};
