/**
 * The RFC 9293 connection states (§3.3.2), named as `ss -tan` prints them
 * (SYN-RECV rather than SYN-RECEIVED), which is what traces use.
 */
export const TcpState = {
  CLOSED: 0,
  LISTEN: 1,
  SYN_SENT: 2,
  SYN_RECV: 3,
  ESTABLISHED: 4,
  FIN_WAIT_1: 5,
  FIN_WAIT_2: 6,
  CLOSE_WAIT: 7,
  CLOSING: 8,
  LAST_ACK: 9,
  TIME_WAIT: 10,
} as const;
export type TcpState = (typeof TcpState)[keyof typeof TcpState];

export const STATE_NAMES = [
  "CLOSED",
  "LISTEN",
  "SYN-SENT",
  "SYN-RECV",
  "ESTABLISHED",
  "FIN-WAIT-1",
  "FIN-WAIT-2",
  "CLOSE-WAIT",
  "CLOSING",
  "LAST-ACK",
  "TIME-WAIT",
] as const;
export type StateName = (typeof STATE_NAMES)[number];

export function stateName(s: TcpState): StateName {
  return STATE_NAMES[s] as StateName;
}

/**
 * Allowed transitions: RFC 9293 figure 5, plus the extra arrows a real stack
 * has (any synchronized state -> CLOSED on RST or timeout, FIN-WAIT-1 ->
 * TIME-WAIT when one segment carries both the peer's FIN and the ACK of ours).
 * The property tests check every simulated state change against this table.
 */
const S = TcpState;
export const ALLOWED_TRANSITIONS: ReadonlyArray<readonly [TcpState, TcpState]> = [
  [S.CLOSED, S.LISTEN], // passive OPEN
  [S.CLOSED, S.SYN_SENT], // active OPEN, snd SYN
  [S.CLOSED, S.SYN_RECV], // Linux: a request sock is born in SYN-RECV from a listener
  [S.CLOSED, S.ESTABLISHED], // Linux: a valid syncookie ACK creates an established socket (cookie_v4_check)
  [S.LISTEN, S.CLOSED], // CLOSE
  [S.SYN_SENT, S.SYN_RECV], // rcv SYN (simultaneous open)
  [S.SYN_SENT, S.ESTABLISHED], // rcv SYN,ACK, snd ACK
  [S.SYN_SENT, S.CLOSED], // CLOSE, RST, or timeout
  [S.SYN_RECV, S.ESTABLISHED], // rcv ACK of SYN
  [S.SYN_RECV, S.FIN_WAIT_1], // CLOSE, snd FIN
  [S.SYN_RECV, S.CLOSED], // rcv RST / request expired (Linux forgets the request)
  [S.ESTABLISHED, S.FIN_WAIT_1], // CLOSE, snd FIN
  [S.ESTABLISHED, S.CLOSE_WAIT], // rcv FIN, snd ACK
  [S.ESTABLISHED, S.CLOSED], // RST / abort / timeout
  [S.FIN_WAIT_1, S.FIN_WAIT_2], // rcv ACK of FIN
  [S.FIN_WAIT_1, S.CLOSING], // rcv FIN, snd ACK
  [S.FIN_WAIT_1, S.TIME_WAIT], // rcv FIN+ACK of FIN
  [S.FIN_WAIT_1, S.CLOSED],
  [S.FIN_WAIT_2, S.TIME_WAIT], // rcv FIN, snd ACK
  [S.FIN_WAIT_2, S.CLOSED], // orphan timeout (tcp_fin_timeout) / RST
  [S.CLOSE_WAIT, S.LAST_ACK], // CLOSE, snd FIN
  [S.CLOSE_WAIT, S.CLOSED],
  [S.CLOSING, S.TIME_WAIT], // rcv ACK of FIN
  [S.CLOSING, S.CLOSED],
  [S.LAST_ACK, S.CLOSED], // rcv ACK of FIN
  [S.TIME_WAIT, S.CLOSED], // timeout = 2MSL (Linux: TCP_TIMEWAIT_LEN)
];

const allowed = new Set(ALLOWED_TRANSITIONS.map(([a, b]) => a * 16 + b));
export function isAllowedTransition(from: TcpState, to: TcpState): boolean {
  return allowed.has(from * 16 + to);
}
