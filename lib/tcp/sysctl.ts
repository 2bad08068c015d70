/**
 * The sysctls the simulator models, with Linux 6.18 defaults. Names drop the
 * `net.ipv4.` / `net.core.` prefix, as scenarios write them. Every default was
 * read on a Linux 6.18.44 kernel (/proc/sys/net/...) and checked against
 * Documentation/networking/ip-sysctl.rst and net/ipv4/tcp_ipv4.c tcp_sk_init().
 */
export interface Sysctls {
  /** SYN retransmissions before connect() fails (TCP_SYN_RETRIES = 6, include/net/tcp.h). */
  tcp_syn_retries: number;
  /** SYN-ACK retransmissions before a request is dropped (TCP_SYNACK_RETRIES = 5). */
  tcp_synack_retries: number;
  /**
   * Linux >= 6.5: the first N SYN retransmissions keep the 1 s initial RTO
   * (no backoff), and are added to tcp_syn_retries as extra tries
   * (tcp_retransmit_timer / tcp_write_timeout in net/ipv4/tcp_timer.c;
   * ip-sysctl.rst "tcp_syn_linear_timeouts", default 4).
   */
  tcp_syn_linear_timeouts: number;
  /** Orphaned FIN-WAIT-2 lifetime in seconds (TCP_FIN_TIMEOUT = 60). */
  tcp_fin_timeout: number;
  /** Max TIME-WAIT sockets; ehash entries / 2 (tcp_sk_init): 131072 with 262144 ehash entries. */
  tcp_max_tw_buckets: number;
  /** 0 off, 1 on, 2 loopback only (default 2, ip-sysctl.rst "tcp_tw_reuse"). */
  tcp_tw_reuse: number;
  /** Milliseconds a TIME-WAIT must be idle before tcp_tw_reuse may take it (default 1000, Linux >= 6.13). */
  tcp_tw_reuse_delay: number;
  /** 0 never, 1 when the SYN queue overflows (default), 2 always. */
  tcp_syncookies: number;
  /** max(128, ehash entries / 128) (tcp_sk_init): 2048 with 262144 ehash entries. */
  tcp_max_syn_backlog: number;
  /** net.core.somaxconn, 4096 since Linux 5.4 (SOMAXCONN in include/linux/socket.h). */
  somaxconn: number;
  /** 1: reset a connection whose final ACK finds the accept queue full (default 0). */
  tcp_abort_on_overflow: number;
  /** Data retransmissions before the connection is killed (TCP_RETR2 = 15, ~924.6 s). */
  tcp_retries2: number;
  /** Seconds idle before the first keepalive probe (TCP_KEEPALIVE_TIME = 7200). */
  tcp_keepalive_time: number;
  /** Seconds between keepalive probes (TCP_KEEPALIVE_INTVL = 75). */
  tcp_keepalive_intvl: number;
  /** Unanswered probes before the connection is reset (TCP_KEEPALIVE_PROBES = 9). */
  tcp_keepalive_probes: number;
  /** Ephemeral port range [low, high] (default 32768 60999). */
  ip_local_port_range: [number, number];
  /** Retries for orphaned sockets; 0 means 8 while the RTO is below TCP_RTO_MAX (tcp_orphan_retries()). */
  tcp_orphan_retries: number;
  /** 1: RFC 1337 behaviour, ignore RSTs in TIME-WAIT (default 0: an RST kills TIME-WAIT). */
  tcp_rfc1337: number;
}

export const LINUX_DEFAULTS: Readonly<Sysctls> = Object.freeze({
  tcp_syn_retries: 6,
  tcp_synack_retries: 5,
  tcp_syn_linear_timeouts: 4,
  tcp_fin_timeout: 60,
  tcp_max_tw_buckets: 131072,
  tcp_tw_reuse: 2,
  tcp_tw_reuse_delay: 1000,
  tcp_syncookies: 1,
  tcp_max_syn_backlog: 2048,
  somaxconn: 4096,
  tcp_abort_on_overflow: 0,
  tcp_retries2: 15,
  tcp_keepalive_time: 7200,
  tcp_keepalive_intvl: 75,
  tcp_keepalive_probes: 9,
  ip_local_port_range: [32768, 60999] as [number, number],
  tcp_orphan_retries: 0,
  tcp_rfc1337: 0,
});

/** Valid ranges [min, max], from the proc handlers' extra1/extra2 in net/ipv4/sysctl_net_ipv4.c. */
export type SysctlRangeName = Exclude<keyof Sysctls, "ip_local_port_range">;
const RANGES: Record<SysctlRangeName, readonly [number, number]> = {
  tcp_syn_retries: [1, 127], // MAX_TCP_SYNCNT
  tcp_synack_retries: [0, 255],
  tcp_syn_linear_timeouts: [0, 127],
  tcp_fin_timeout: [0, 2147483],
  tcp_max_tw_buckets: [0, 2147483647],
  tcp_tw_reuse: [0, 2],
  tcp_tw_reuse_delay: [1, 2147483647],
  tcp_syncookies: [0, 2],
  tcp_max_syn_backlog: [0, 2147483647],
  somaxconn: [0, 2147483647],
  tcp_abort_on_overflow: [0, 1],
  tcp_retries2: [0, 255],
  tcp_keepalive_time: [1, 32767], // MAX_TCP_KEEPIDLE
  tcp_keepalive_intvl: [1, 32767], // MAX_TCP_KEEPINTVL
  tcp_keepalive_probes: [1, 127], // MAX_TCP_KEEPCNT
  tcp_orphan_retries: [0, 255],
  tcp_rfc1337: [0, 1],
};

export const SYSCTL_NAMES: readonly string[] = Object.keys(LINUX_DEFAULTS);

/** What Linux accepts for each numeric sysctl, as { min, max } (the same bounds checkSysctl() enforces). */
export const SYSCTL_RANGES: Readonly<Record<SysctlRangeName, { readonly min: number; readonly max: number }>> = Object.freeze(
  Object.fromEntries(Object.entries(RANGES).map(([k, [min, max]]) => [k, Object.freeze({ min, max })])) as Record<
    SysctlRangeName,
    { readonly min: number; readonly max: number }
  >,
);

/** Validates one sysctl value; returns an error message or null. */
export function checkSysctl(name: string, value: unknown): string | null {
  if (!(name in LINUX_DEFAULTS)) return `unknown sysctl "${name}"`;
  if (name === "ip_local_port_range") {
    let pair: unknown = value;
    if (typeof value === "string") pair = value.trim().split(/\s+/).map(Number);
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      !pair.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535) ||
      (pair[0] as number) > (pair[1] as number)
    ) {
      return 'must be [low, high] (or "low high") with 1 <= low <= high <= 65535';
    }
    return null;
  }
  if (typeof value !== "number" || !Number.isInteger(value)) return "must be an integer";
  const [lo, hi] = RANGES[name as keyof typeof RANGES];
  if (value < lo || value > hi) return `must be between ${lo} and ${hi}`;
  return null;
}

export function resolveSysctls(given: Record<string, unknown>): Sysctls {
  const out: Sysctls = { ...LINUX_DEFAULTS, ip_local_port_range: [...LINUX_DEFAULTS.ip_local_port_range] };
  for (const [k, v] of Object.entries(given)) {
    if (k === "ip_local_port_range") {
      const pair = typeof v === "string" ? v.trim().split(/\s+/).map(Number) : (v as number[]);
      out.ip_local_port_range = [pair[0] as number, pair[1] as number];
    } else {
      (out as unknown as Record<string, number>)[k] = v as number;
    }
  }
  return out;
}
