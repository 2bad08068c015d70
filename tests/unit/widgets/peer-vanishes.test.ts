// The PeerVanishes widget's model: scenarios built from the controls, the
// trace read back (timeline, what the app learns, counters), the event log
// and the URL state.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONTROLS,
  EVENT_AT,
  buildScenario,
  controlsFromValue,
  controlsToValue,
  eventLogText,
  outcomeHeadline,
  runPeerVanishes,
  scenarioJson,
  type PeerVanishesControls,
} from "@/lib/labs/peer-vanishes/model";
import { decodeState, encodeState } from "@/lib/widgets/urlHashState";

const c = (over: Partial<PeerVanishesControls>): PeerVanishesControls => ({ ...DEFAULT_CONTROLS, ...over });

describe("scenarios from the controls", () => {
  it("builds a valid scenario for every event, activity and give-up setting", () => {
    for (const event of ["process-crash", "host-crash", "cable-cut", "reboot"] as const) {
      for (const activity of ["idle", "send", "close"] as const) {
        for (const giveUp of ["retries2", "user-timeout"] as const) {
          expect(() => buildScenario(c({ event, activity, giveUp, keepalive: true, unreadData: true }))).not.toThrow();
        }
      }
    }
  });

  it("turns each event into the matching calls and faults", () => {
    expect(scenarioJson(c({ event: "host-crash" })).steps).toContainEqual({ t: EVENT_AT, host: "server", call: "crash" });
    const reboot = scenarioJson(c({ event: "reboot", downtime: 60 })).steps;
    expect(reboot).toContainEqual({ t: EVENT_AT + 60, host: "server", call: "reboot" });
    expect(scenarioJson(c({ event: "cable-cut" })).faults).toEqual([
      { from: "client", drop: "all", after: EVENT_AT },
      { from: "server", drop: "all", after: EVENT_AT },
    ]);
    const crash = scenarioJson(c({ event: "process-crash" })).steps.filter((s) => s.host === "server" && s.call === "close");
    expect(crash).toHaveLength(2); // the connection, then the listening socket
  });

  it("sets the socket options and the sysctl the controls name", () => {
    const json = scenarioJson(c({ keepalive: true, keepIdle: 30, keepIntvl: 5, keepCnt: 3, giveUp: "user-timeout", userTimeout: 10 }));
    expect(json.steps[1]).toMatchObject({ call: "connect", keepalive: { idle: 30, intvl: 5, cnt: 3 }, userTimeout: 10000 });
    expect(scenarioJson(c({ retries2: 5 })).sysctl).toEqual({ tcp_retries2: 5 });
    expect(scenarioJson(c({})).sysctl).toEqual({});
  });
});

describe("what your app learns", () => {
  it("host crash, idle, no keepalive: never", () => {
    const run = runPeerVanishes(c({ event: "host-crash", activity: "idle" }));
    expect(run.outcome.how).toBe("never");
    expect(run.yourFinalState).toBe("ESTABLISHED");
    expect(outcomeHeadline(run)).toMatch(/^Never/);
    expect(run.rows.filter((r) => r.kind === "segment" && r.t > EVENT_AT)).toEqual([]);
  });

  it("host crash, idle, keepalive 30/5/3: ETIMEDOUT after 3 lost probes, 30 + 3 x 5 s after the last segment received", () => {
    const run = runPeerVanishes(c({ event: "host-crash", activity: "idle", keepalive: true, keepIdle: 30, keepIntvl: 5, keepCnt: 3 }));
    expect(run.outcome.how).toBe("ETIMEDOUT");
    expect(run.probes).toBe(3);
    // last segment from the peer at 0.7 s; timers fire up to ~1/8 late
    expect(run.outcome.t).toBeGreaterThanOrEqual(0.7 + 45);
    expect(run.outcome.t).toBeLessThan(0.7 + 45 * 1.13);
    expect(run.rows.filter((r) => r.role === "probe").every((r) => r.lost)).toBe(true);
    expect(run.nstat.find((n) => n.name === "TcpExtTCPKeepAlive")!.value).toBe(3);
    expect(run.nstat.find((n) => n.name === "TcpExtTCPAbortOnTimeout")!.value).toBe(1);
  });

  it("host crash while sending: retransmissions, then ETIMEDOUT after the tcp_retries2 budget, without an RST", () => {
    const run = runPeerVanishes(c({ event: "host-crash", activity: "send", actAfter: 5, retries2: 5 }));
    expect(run.outcome.how).toBe("ETIMEDOUT");
    // one tail loss probe and five RTO retransmissions, as in the real capture cable-cut-retries2
    expect(run.retransmissions).toBe(6);
    const yours = run.rows.filter((r) => r.kind === "segment" && r.side === "you" && r.t > EVENT_AT);
    expect(yours.some((r) => r.flags?.includes("R"))).toBe(false);
    const firstRto = yours[2]!.t;
    expect(run.outcome.t - firstRto).toBeGreaterThanOrEqual(12.6);
  });

  it("TCP_USER_TIMEOUT replaces the budget", () => {
    const run = runPeerVanishes(c({ event: "cable-cut", activity: "send", giveUp: "user-timeout", userTimeout: 10 }));
    const yours = run.rows.filter((r) => r.kind === "segment" && r.side === "you" && r.t > EVENT_AT);
    expect(run.outcome.how).toBe("ETIMEDOUT");
    expect(run.outcome.t - yours[2]!.t).toBeGreaterThanOrEqual(10);
    // the clamped last RTO goes through the timer wheel like any timer: a little late, as in the capture cable-cut-user-timeout
    expect(run.outcome.t - yours[2]!.t).toBeLessThan(10 * 1.13);
  });

  it("reboot: the first retransmission after the peer is back draws an RST (ECONNRESET)", () => {
    const run = runPeerVanishes(c({ event: "reboot", downtime: 30, activity: "send", actAfter: 5 }));
    expect(run.outcome.how).toBe("ECONNRESET");
    expect(run.outcome.t).toBeGreaterThan(EVENT_AT + 30);
    const rst = run.rows.find((r) => r.role === "reset")!;
    expect(rst.side).toBe("peer");
    expect(rst.t).toBe(run.outcome.t);
    expect(run.peerFinalState).toMatch(/forgotten/);
  });

  it("reboot with a short tcp_retries2: your side gives up before the peer is back", () => {
    const run = runPeerVanishes(c({ event: "reboot", downtime: 30, activity: "send", actAfter: 5, retries2: 3 }));
    expect(run.outcome.how).toBe("ETIMEDOUT");
    expect(run.outcome.t).toBeLessThan(EVENT_AT + 30);
  });

  it("process crash: the FIN arrives at once (EOF); sending anyway draws an RST and EPIPE", () => {
    const run = runPeerVanishes(c({ event: "process-crash", activity: "send", actAfter: 5 }));
    expect(run.signals.map((s) => s.how)).toEqual(["EOF", "EPIPE"]);
    expect(run.signals[0]!.t).toBeCloseTo(EVENT_AT, 1);
  });

  it("process crash with unread data: the crash itself sends the RST", () => {
    const run = runPeerVanishes(c({ event: "process-crash", unreadData: true, activity: "idle" }));
    expect(run.outcome.how).toBe("ECONNRESET");
    expect(run.outcome.t).toBeCloseTo(EVENT_AT, 1);
  });

  it("closing into silence: your app learns nothing; the orphan's FIN is retried up to tcp_orphan_retries", () => {
    const run = runPeerVanishes(c({ event: "host-crash", activity: "close" }));
    expect(run.outcome.how).toBe("closed");
    expect(run.signals).toEqual([]);
    // 8 RTO retransmissions (tcp_orphan_retries 0 means 8) after the tail loss probe
    expect(run.retransmissions).toBe(9);
    expect(run.yourFinalState).toBe("CLOSED");
  });
});

describe("text and URL state", () => {
  it("writes an event log with the settings, one line per event and the outcome", () => {
    const run = runPeerVanishes(c({ event: "reboot", activity: "send" }));
    const log = eventLogText(run);
    expect(log.split("\n")[0]).toBe("# peer reboot (down 30 s); your app sends 5 s later; keepalive off; tcp_retries2=15");
    // the RST's seq is the client's ack: 300 bytes of response + 1 for the SYN
    expect(log).toMatch(/\[R\] seq 301/);
    expect(log).toMatch(/# Your app learns: ECONNRESET/);
    expect(log.split("\n").length).toBe(run.rows.length + 4);
  });

  it("round-trips the controls through the hash, and refuses malformed values", () => {
    const controls = c({ event: "cable-cut", keepalive: true, keepIdle: 45, keepIntvl: 9, keepCnt: 4, giveUp: "user-timeout", userTimeout: 20, activity: "close", actAfter: 30 });
    expect(controlsFromValue(decodeState(encodeState(controlsToValue(controls))))).toEqual(controls);
    expect(controlsFromValue({ e: "meteor" })).toBeNull();
    expect(controlsFromValue({ k: [0, 5, 3] })).toBeNull();
    expect(controlsFromValue({ g: ["r", 99] })).toBeNull();
    expect(controlsFromValue({ w: 7 })).toBeNull();
    expect(controlsFromValue("x")).toBeNull();
    expect(controlsFromValue({})).toEqual(DEFAULT_CONTROLS);
  });
});
