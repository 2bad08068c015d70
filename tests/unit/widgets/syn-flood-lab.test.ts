// Pure logic of the SYN flood lab: URL state, scenario building, the run
// adapter (checked against lib/tcp's public simulateDetailed) and the cookie panel.
import { describe, expect, it } from "vitest";
import { simulateDetailed } from "@/lib/tcp";
import { cookieCheck, cookieInitSequence } from "@/lib/tcp";
import {
  clampControl,
  DEFAULT_CONTROLS,
  normalizeControls,
  type LabControls,
} from "@/lib/labs/syn-flood-lab/controls";
import { decodeControls, encodeControls } from "@/lib/widgets/syn-flood-lab/urlState";
import { buildScenario, maxAckBacklog, plannedConnects, SAMPLE_EVERY } from "@/lib/labs/syn-flood-lab/scenario";
import { queueLimits, runLab } from "@/lib/labs/syn-flood-lab/runLab";
import { buildCookie, mssIndex, optionsKept, parseIpv4, SAMPLE_COOKIE_INPUT, timestampOptionBits } from "@/lib/labs/syn-flood-lab/cookie";

const small: LabControls = { ...DEFAULT_CONTROLS, attackRate: 500, legitRate: 5, duration: 10, backlog: 64 };

describe("controls and the URL hash", () => {
  it("round-trips every control through the hash", () => {
    const c: LabControls = { ...small, tcp_syncookies: 0, tcp_abort_on_overflow: 1, somaxconn: 100, tcp_synack_retries: 2 };
    const hash = `#${encodeControls(c)}`;
    expect(hash).toMatch(/^#syn-flood-lab=[A-Za-z0-9_-]+$/);
    expect(decodeControls(hash)).toEqual(c);
    expect(decodeControls(`#other=1&${encodeControls(c)}`)).toEqual(c);
  });
  it("encodes the defaults as an empty diff and ignores foreign or broken hashes", () => {
    expect(decodeControls(`#${encodeControls(DEFAULT_CONTROLS)}`)).toEqual(DEFAULT_CONTROLS);
    expect(decodeControls("#handshake=abc")).toBeNull();
    expect(decodeControls("#syn-flood-lab=%%%")).toBeNull();
    expect(decodeControls("")).toBeNull();
  });
  it("clamps values into range and defaults nonsense", () => {
    expect(clampControl("attackRate", 1e9)).toBe(10000);
    expect(clampControl("tcp_syncookies", -3)).toBe(0);
    expect(clampControl("duration", Number.NaN)).toBe(DEFAULT_CONTROLS.duration);
    expect(normalizeControls({ backlog: "12", bogus: 1, legitRate: "x" })).toEqual({ ...DEFAULT_CONTROLS, backlog: 12 });
  });
});

describe("scenario building", () => {
  it("builds a valid scenario with a listener, accepts, clients and the flood", () => {
    const s = buildScenario(small);
    expect(s.steps[0]).toMatchObject({ host: "server", call: "listen", backlog: 64 });
    const flood = s.steps.find((x) => x.call === "syn-flood");
    expect(flood?.count).toBe(500 * (10 - 2.5));
    expect(s.steps.filter((x) => x.call === "connect").length).toBe(plannedConnects(small).length);
    expect(s.sysctl).toMatchObject({ tcp_syncookies: 1, somaxconn: 4096 });
    expect(buildScenario({ ...small, attackRate: 0 }).steps.some((x) => x.call === "syn-flood")).toBe(false);
  });
  it("computes the limits the kernel would", () => {
    expect(maxAckBacklog({ ...small, backlog: 8192, somaxconn: 4096 })).toBe(4096);
    expect(queueLimits({ ...small, backlog: 511 })).toMatchObject({ maxAckBacklog: 511, acceptQueueCapacity: 512, synQueueCapacity: 512, unprovenCutoff: null });
    expect(queueLimits({ ...small, backlog: 4096, tcp_syncookies: 0, tcp_max_syn_backlog: 2048 }).unprovenCutoff).toBe(1536);
  });
});

describe("runLab", () => {
  it("agrees with lib/tcp's public simulateDetailed on the same scenario", () => {
    const result = runLab(small);
    const d = simulateDetailed(buildScenario(small), { sampleEvery: SAMPLE_EVERY, until: small.duration });
    const listener = d.counters.server?.listener;
    expect(listener).toBeTruthy();
    const byName = Object.fromEntries(result.nstat.map((r) => [r.name, r.value]));
    expect(byName.TcpExtSyncookiesSent).toBe(listener!.SyncookiesSent);
    expect(byName.TcpExtSyncookiesRecv).toBe(listener!.SyncookiesRecv);
    expect(byName.TcpExtListenDrops).toBe(listener!.ListenDrops);
    expect(byName.TcpExtTCPReqQFullDoCookies).toBe(listener!.TCPReqQFullDoCookies);
    const okConnects = d.calls.filter((c) => c.call === "connect" && c.result === "ok").length;
    expect(result.totals.ok).toBe(okConnects);
    // every grid point is a real server sample
    const serverSamples = d.samples.filter((s) => s.host === "server");
    for (const p of result.points.filter((_, i) => i % 4 === 0)) {
      const sample = [...serverSamples].reverse().find((s) => s.t <= p.t + 1e-9);
      expect(p.synQueue).toBe(sample?.synQueue ?? 0);
      expect(p.acceptQueue).toBe(sample?.acceptQueue ?? 0);
    }
  });

  it("with cookies (the default) the SYN queue fills to its limit and legitimate clients still connect at once", () => {
    const r = runLab(small);
    expect(Math.max(...r.points.map((p) => p.synQueue))).toBe(r.limits.synQueueCapacity);
    expect(r.totals.ok).toBe(r.totals.started);
    expect(r.nstat.find((n) => n.name === "TcpExtSyncookiesSent")!.value).toBeGreaterThan(0);
    expect(Math.max(...r.seconds.map((s) => s.p95 ?? 0))).toBeLessThan(100);
    expect(r.log.join("\n")).toContain("Possible SYN flooding on port 0.0.0.0:80. Sending cookies.");
  });

  it("without cookies the flood shuts legitimate clients out", () => {
    const r = runLab({ ...small, tcp_syncookies: 0 });
    expect(r.nstat.find((n) => n.name === "TcpExtTCPReqQFullDrop")!.value).toBeGreaterThan(0);
    expect(r.totals.pending + r.totals.failed).toBeGreaterThan(0);
    const during = r.seconds.filter((s) => s.second >= 4 && s.started > 0);
    expect(during.every((s) => (s.successRate ?? 0) < 100)).toBe(true);
    expect(r.log.join("\n")).toContain("Dropping request.");
  });

  it("a slow acceptor overflows the accept queue; tcp_abort_on_overflow=1 resets clients", () => {
    const slow: LabControls = { ...small, attackRate: 0, legitRate: 50, acceptRate: 20, backlog: 64 };
    const r = runLab(slow);
    const peak = Math.max(...r.points.map((p) => p.acceptQueue));
    expect(peak).toBeGreaterThanOrEqual(60);
    expect(peak).toBeLessThanOrEqual(r.limits.acceptQueueCapacity);
    expect(r.nstat.find((n) => n.name === "TcpExtListenOverflows")!.value).toBeGreaterThan(0);
    expect(r.totals.resetAfterConnect).toBe(0);
    const abort = runLab({ ...slow, tcp_abort_on_overflow: 1 });
    expect(abort.totals.resetAfterConnect).toBeGreaterThan(0);
  });

  it("writes a log in time order", () => {
    const times = runLab(small).log.map((l) => Number(l.slice(0, 7))).filter((t) => !Number.isNaN(t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe("the cookie panel's arithmetic", () => {
  it("has the shape of Linux's cookie: linear in the client ISN, the counter in the top 8 bits, and it checks out", () => {
    const b = buildCookie(SAMPLE_COOKIE_INPUT);
    if (!b.ok) throw new Error(b.error);
    const b2 = buildCookie({ ...SAMPLE_COOKIE_INPUT, clientIsn: SAMPLE_COOKIE_INPUT.clientIsn + 1000 });
    if (!b2.ok) throw new Error(b2.error);
    expect((b2.isn - b.isn) >>> 0).toBe(1000);
    expect(b.count).toBe(Math.floor(SAMPLE_COOKIE_INPUT.synAt / 60));
    expect(b.check.valid).toBe(true);
    expect(b.check.decodedMss).toBe(1460);
    expect(b.isn >>> 0).toBe(b.isn);
    // the simulator's own cookie has the same linearity (its hash is private to lib/tcp)
    const saddr = parseIpv4(SAMPLE_COOKIE_INPUT.clientAddr)!;
    const daddr = parseIpv4(SAMPLE_COOKIE_INPUT.serverAddr)!;
    const at = SAMPLE_COOKIE_INPUT.synAt * 1e6;
    const e1 = cookieInitSequence(7, at, saddr, 40001, daddr, 80, 5);
    const e2 = cookieInitSequence(7, at, saddr, 40001, daddr, 80, 1005);
    expect((e2 - e1) >>> 0).toBe(1000);
    expect(cookieCheck(7, at + 1e6, saddr, 40001, daddr, 80, 5, e1)).toBe(true);
    expect(cookieCheck(7, at + 130e6, saddr, 40001, daddr, 80, 5, e1)).toBe(false);
  });
  it("rounds the MSS down to msstab and rejects old cookies", () => {
    expect(mssIndex(1452)).toBe(2);
    expect(mssIndex(9000)).toBe(3);
    expect(mssIndex(100)).toBe(0);
    const pppoe = buildCookie({ ...SAMPLE_COOKIE_INPUT, mss: 1452 });
    expect(pppoe.ok && pppoe.check.decodedMss).toBe(1440);
    const old = buildCookie({ ...SAMPLE_COOKIE_INPUT, ackDelay: 130 });
    expect(old.ok && old.check.valid).toBe(false);
    expect(buildCookie({ ...SAMPLE_COOKIE_INPUT, clientAddr: "300.1.1.1" }).ok).toBe(false);
  });
  it("encodes options in the timestamp's low 6 bits, and loses them without timestamps", () => {
    expect(timestampOptionBits({ wscale: 7, sack: true, ecn: false })).toBe(0b010111);
    expect(timestampOptionBits({ wscale: null, sack: false, ecn: true })).toBe(0b101111);
    expect(optionsKept({ timestamps: false, wscale: 7, sack: true }).join(" ")).toMatch(/window scaling: lost/);
    expect(optionsKept({ timestamps: true, wscale: 7, sack: true }).join(" ")).toMatch(/kept/);
  });
});
