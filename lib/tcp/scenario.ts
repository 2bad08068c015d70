/**
 * Scenario input (see docs/scenario-format.md) and its validation.
 * parseScenario never throws: bad input yields one message naming the field,
 * e.g. `steps[3].call: unknown call "sned"`.
 */
import { checkSysctl } from "./sysctl";

export const CALLS = [
  "listen",
  "connect",
  "accept",
  "send",
  "recv",
  "shutdown",
  "close",
  "abort",
  "syn-flood",
  "crash",
  "reboot",
] as const;
export type CallName = (typeof CALLS)[number];

export interface KeepaliveOpts {
  /** TCP_KEEPIDLE, seconds */
  idle?: number;
  /** TCP_KEEPINTVL, seconds */
  intvl?: number;
  /** TCP_KEEPCNT */
  cnt?: number;
}

export interface Step {
  t: number;
  host: string;
  call: CallName;
  /** listen: requested backlog (capped by somaxconn) */
  backlog?: number;
  /** send: byte count */
  bytes?: number;
  /** connect/accept/listen: SO_KEEPALIVE with per-socket overrides */
  keepalive?: KeepaliveOpts;
  /** connect/accept: TCP_USER_TIMEOUT in milliseconds (0 = off, the default) */
  userTimeout?: number;
  /** syn-flood */
  count?: number;
  duration?: number;
  spoofed?: boolean;
  /** connect: peer host (default "server") */
  to?: string;
  /** listen: local port; connect: peer port (default 80) */
  port?: number;
  /** connect: bind to this local port instead of an ephemeral one */
  localPort?: number;
  /** which of the host's connections the call applies to (its client end's name) */
  conn?: string;
  /**
   * connect/accept/recv: O_NONBLOCK. On connect, the socket is non-blocking
   * (connect() and later recv() calls on it never make the program wait); on
   * accept, the call polls instead of sleeping and the accepted socket is
   * non-blocking (accept4 SOCK_NONBLOCK); on recv, this call only (MSG_DONTWAIT).
   */
  nonBlocking?: boolean;
}

export type DropKind = "all" | "syn" | "rst" | "ack";
export interface Fault {
  from: string;
  drop?: DropKind;
  /** "first-syn": spare the host's first SYN; a number: seconds */
  after?: "first-syn" | number;
  until?: number;
  /** extra one-way delay, seconds */
  delay?: number;
  /** the matched segments arrive this many seconds late, overtaken by later ones (not FIFO) */
  hold?: number;
  /** the matched segments arrive as usual, and a copy of each arrives again this many seconds later */
  duplicate?: number;
  /** which segments a hold or duplicate fault takes (every one the host sends when absent) */
  match?: SegmentMatch;
}

/** Selects segments a host sends: all fields optional, all must hold. */
export interface SegmentMatch {
  /** tcpdump notation, exactly: "S", "S.", ".", "P.", "F.", "FP.", "R", "R." */
  flags?: string;
  /** payload bytes */
  len?: number;
  /** only the n-th segment (from 1) that matches the rest, counted from the scenario's start */
  nth?: number;
}

/** The flags a match may name, in tcpdump notation. */
export const MATCH_FLAGS = ["S", "S.", ".", "P.", "F.", "FP.", "R", "R."] as const;

export interface Scenario {
  name?: string;
  title?: string;
  sysctl: Record<string, number | [number, number] | string>;
  network: { delay: number };
  steps: Step[];
  faults: Fault[];
  /** PRNG seed for ISNs and port choice (default 1) */
  seed?: number;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

const HOST_RE = /^(server|client|attacker)[0-9]*$/;

class ParseError extends Error {}
function fail(path: string, msg: string): never {
  throw new ParseError(`${path}: ${msg}`);
}
function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function num(v: unknown, path: string, opts: { min?: number; int?: boolean; gt?: number } = {}): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "must be a number");
  if (opts.int && !Number.isInteger(v)) fail(path, "must be an integer");
  if (opts.min !== undefined && v < opts.min) fail(path, `must be >= ${opts.min}`);
  if (opts.gt !== undefined && v <= opts.gt) fail(path, `must be > ${opts.gt}`);
  return v;
}
function hostName(v: unknown, path: string): string {
  if (typeof v !== "string" || !HOST_RE.test(v)) {
    fail(path, `must be "server", "client", "clientN" or "attacker" (got ${JSON.stringify(v)})`);
  }
  return v;
}

function parseStep(raw: unknown, i: number): Step {
  const p = `steps[${i}]`;
  if (!isObj(raw)) fail(p, "must be an object");
  const t = num(raw.t, `${p}.t`, { min: 0 });
  const host = hostName(raw.host, `${p}.host`);
  if (typeof raw.call !== "string") fail(`${p}.call`, "must be a string");
  if (!(CALLS as readonly string[]).includes(raw.call)) {
    fail(`${p}.call`, `unknown call "${raw.call}" (expected one of ${CALLS.join(", ")})`);
  }
  const call = raw.call as CallName;
  const step: Step = { t, host, call };
  if (call === "listen") {
    step.backlog = raw.backlog === undefined ? 128 : num(raw.backlog, `${p}.backlog`, { min: 0, int: true });
  } else if (raw.backlog !== undefined) fail(`${p}.backlog`, `only valid on listen`);
  if (call === "send") {
    step.bytes = num(raw.bytes, `${p}.bytes`, { min: 0, int: true });
  } else if (raw.bytes !== undefined) fail(`${p}.bytes`, `only valid on send`);
  if (call === "syn-flood") {
    if (!host.startsWith("attacker")) fail(`${p}.host`, `syn-flood must come from an attacker host`);
    step.count = num(raw.count, `${p}.count`, { min: 1, int: true });
    step.duration = raw.duration === undefined ? 0 : num(raw.duration, `${p}.duration`, { min: 0 });
    if (raw.spoofed !== undefined && typeof raw.spoofed !== "boolean") fail(`${p}.spoofed`, "must be true or false");
    step.spoofed = raw.spoofed !== false;
    if (!step.spoofed) fail(`${p}.spoofed`, "only spoofed floods are modelled");
  } else {
    for (const k of ["count", "duration", "spoofed"] as const) {
      if (raw[k] !== undefined) fail(`${p}.${k}`, `only valid on syn-flood`);
    }
  }
  if (raw.keepalive !== undefined) {
    if (call !== "connect" && call !== "accept" && call !== "listen") {
      fail(`${p}.keepalive`, "only valid on connect, accept or listen");
    }
    if (!isObj(raw.keepalive)) fail(`${p}.keepalive`, "must be an object { idle, intvl, cnt }");
    const ka: KeepaliveOpts = {};
    for (const [k, v] of Object.entries(raw.keepalive)) {
      if (k !== "idle" && k !== "intvl" && k !== "cnt") fail(`${p}.keepalive.${k}`, "unknown option (expected idle, intvl, cnt)");
      // TCP_KEEPIDLE/TCP_KEEPINTVL accept 1..32767 s, TCP_KEEPCNT 1..127 (net/ipv4/tcp.c)
      ka[k] = num(v, `${p}.keepalive.${k}`, { min: 1, int: true });
    }
    step.keepalive = ka;
  }
  if (raw.userTimeout !== undefined) {
    if (call !== "connect" && call !== "accept") fail(`${p}.userTimeout`, "only valid on connect or accept");
    // TCP_USER_TIMEOUT takes milliseconds, 0 to INT_MAX (net/ipv4/tcp.c do_tcp_setsockopt)
    step.userTimeout = num(raw.userTimeout, `${p}.userTimeout`, { min: 0, int: true });
    if (step.userTimeout > 2147483647) fail(`${p}.userTimeout`, "must be <= 2147483647");
  }
  if (raw.to !== undefined) {
    if (call !== "connect") fail(`${p}.to`, "only valid on connect");
    step.to = hostName(raw.to, `${p}.to`);
    if (step.to === host) fail(`${p}.to`, "a host cannot connect to itself");
  }
  if (raw.port !== undefined) {
    if (call !== "connect" && call !== "listen") fail(`${p}.port`, "only valid on connect or listen");
    step.port = num(raw.port, `${p}.port`, { min: 1, int: true });
    if (step.port > 65535) fail(`${p}.port`, "must be <= 65535");
  }
  if (raw.localPort !== undefined) {
    if (call !== "connect") fail(`${p}.localPort`, "only valid on connect");
    step.localPort = num(raw.localPort, `${p}.localPort`, { min: 1, int: true });
    if (step.localPort > 65535) fail(`${p}.localPort`, "must be <= 65535");
  }
  if (raw.conn !== undefined) {
    if (typeof raw.conn !== "string" || raw.conn === "") fail(`${p}.conn`, "must be a connection name");
    step.conn = raw.conn;
  }
  if (raw.nonBlocking !== undefined) {
    if (call !== "connect" && call !== "accept" && call !== "recv") fail(`${p}.nonBlocking`, "only valid on connect, accept or recv");
    if (typeof raw.nonBlocking !== "boolean") fail(`${p}.nonBlocking`, "must be true or false");
    if (raw.nonBlocking) step.nonBlocking = true;
  }
  return step;
}

function parseFault(raw: unknown, i: number): Fault {
  const p = `faults[${i}]`;
  if (!isObj(raw)) fail(p, "must be an object");
  const f: Fault = { from: hostName(raw.from, `${p}.from`) };
  if (raw.hold !== undefined || raw.duplicate !== undefined) return parseLateFault(raw, p, f);
  if (raw.drop === undefined && raw.delay === undefined) fail(p, 'needs "drop", "delay", "hold" or "duplicate"');
  if (raw.match !== undefined) fail(`${p}.match`, 'only valid with "hold" or "duplicate"');
  if (raw.drop !== undefined) {
    if (raw.drop !== "all" && raw.drop !== "syn" && raw.drop !== "rst" && raw.drop !== "ack") {
      fail(`${p}.drop`, `unknown kind ${JSON.stringify(raw.drop)} (expected "all", "syn", "rst" or "ack")`);
    }
    f.drop = raw.drop;
  }
  if (raw.delay !== undefined) f.delay = num(raw.delay, `${p}.delay`, { min: 0 });
  if (raw.after !== undefined) {
    if (raw.after === "first-syn") f.after = "first-syn";
    else f.after = num(raw.after, `${p}.after`, { min: 0 });
  }
  if (raw.until !== undefined) {
    f.until = num(raw.until, `${p}.until`, { min: 0 });
    if (typeof f.after === "number" && f.until < f.after) fail(`${p}.until`, "must be >= after");
  }
  for (const k of Object.keys(raw)) {
    if (!["from", "drop", "delay", "after", "until"].includes(k)) fail(`${p}.${k}`, "unknown field");
  }
  return f;
}

/**
 * A fault that reorders or repeats (docs/scenario-format.md, "Late and
 * duplicate segments"): exactly one of "hold" or "duplicate", seconds > 0, an
 * optional "match", and a numeric "after"/"until" window on the send time.
 */
function parseLateFault(raw: Record<string, unknown>, p: string, f: Fault): Fault {
  if (raw.hold !== undefined && raw.duplicate !== undefined) fail(p, 'has both "hold" and "duplicate" (use two faults)');
  for (const k of ["drop", "delay"] as const) {
    if (raw[k] !== undefined) fail(`${p}.${k}`, `cannot be combined with "${raw.hold !== undefined ? "hold" : "duplicate"}" (use two faults)`);
  }
  if (raw.hold !== undefined) f.hold = num(raw.hold, `${p}.hold`, { gt: 0 });
  else f.duplicate = num(raw.duplicate, `${p}.duplicate`, { gt: 0 });
  if (raw.after !== undefined) {
    if (raw.after === "first-syn") fail(`${p}.after`, 'must be a number of seconds here (pick a segment with "match" instead)');
    f.after = num(raw.after, `${p}.after`, { min: 0 });
  }
  if (raw.until !== undefined) {
    f.until = num(raw.until, `${p}.until`, { min: 0 });
    if (typeof f.after === "number" && f.until < f.after) fail(`${p}.until`, "must be >= after");
  }
  if (raw.match !== undefined) {
    if (!isObj(raw.match)) fail(`${p}.match`, 'must be an object { "flags", "len", "nth" }');
    const m: SegmentMatch = {};
    for (const [k, v] of Object.entries(raw.match)) {
      if (k === "flags") {
        if (typeof v !== "string" || !(MATCH_FLAGS as readonly string[]).includes(v)) {
          fail(`${p}.match.flags`, `unknown flags ${JSON.stringify(v)} (expected one of ${MATCH_FLAGS.map((x) => `"${x}"`).join(", ")})`);
        }
        m.flags = v;
      } else if (k === "len") m.len = num(v, `${p}.match.len`, { min: 0, int: true });
      else if (k === "nth") m.nth = num(v, `${p}.match.nth`, { min: 1, int: true });
      else fail(`${p}.match.${k}`, "unknown field (expected flags, len, nth)");
    }
    f.match = m;
  }
  for (const k of Object.keys(raw)) {
    if (!["from", "hold", "duplicate", "after", "until", "match"].includes(k)) fail(`${p}.${k}`, "unknown field");
  }
  return f;
}

/**
 * "crash" stops a host: from then on it sends nothing and drops everything it
 * receives, so its program makes no calls until "reboot" brings it back with
 * no sockets. Checked in time order (steps at the same t in the order listed).
 */
function checkCrashes(steps: Step[]): void {
  const order = steps.map((_, i) => i).sort((a, b) => steps[a]!.t - steps[b]!.t || a - b);
  const down = new Set<string>();
  for (const i of order) {
    const { host, call } = steps[i]!;
    const p = `steps[${i}]`;
    if (call === "crash") {
      if (host.startsWith("attacker")) fail(`${p}.host`, "an attacker cannot crash");
      if (down.has(host)) fail(`${p}.call`, `${host} has already crashed (reboot it first)`);
      down.add(host);
    } else if (call === "reboot") {
      if (host.startsWith("attacker")) fail(`${p}.host`, "an attacker cannot reboot");
      down.delete(host);
    } else if (down.has(host)) {
      fail(`${p}.call`, `${host} has crashed and makes no calls until it reboots`);
    }
  }
}

export function parseScenario(json: unknown): ParseResult {
  try {
    if (!isObj(json)) fail("scenario", "must be a JSON object");
    const sysctl: Scenario["sysctl"] = {};
    if (json.sysctl !== undefined) {
      if (!isObj(json.sysctl)) fail("sysctl", "must be an object");
      for (const [k, v] of Object.entries(json.sysctl)) {
        const err = checkSysctl(k, v);
        if (err) fail(err.startsWith("unknown") ? "sysctl" : `sysctl.${k}`, err);
        sysctl[k] = v as number;
      }
    }
    let delay = 0;
    if (json.network !== undefined) {
      if (!isObj(json.network)) fail("network", "must be an object");
      if (json.network.delay !== undefined) delay = num(json.network.delay, "network.delay", { min: 0 });
    }
    if (!Array.isArray(json.steps)) fail("steps", "must be an array");
    const steps = json.steps.map(parseStep);
    checkCrashes(steps);
    let faults: Fault[] = [];
    if (json.faults !== undefined) {
      if (!Array.isArray(json.faults)) fail("faults", "must be an array");
      faults = json.faults.map(parseFault);
    }
    const scenario: Scenario = { sysctl, network: { delay }, steps, faults };
    if (typeof json.name === "string") scenario.name = json.name;
    if (typeof json.title === "string") scenario.title = json.title;
    if (json.seed !== undefined) scenario.seed = num(json.seed, "seed", { int: true, min: 0 });
    return { ok: true, scenario };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
