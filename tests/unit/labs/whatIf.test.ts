/**
 * The what-if sandbox's models (lib/labs/what-if): every switch has its
 * section, every case's real run avoids the failure its altered run shows,
 * and the highlighted moment names the segment where it happens.
 */
import { describe, expect, it } from "vitest";
import { CASES, compareCase, WHAT_IF_IDS } from "@/lib/labs/what-if/cases";
import { compareFlood, FLOOD_CONTROLS } from "@/lib/labs/what-if/flood";
import { WHAT_IF_META } from "@/lib/labs/what-if/model";
import type { CounterfactualId } from "@/lib/interview/question";

describe("what-if ids", () => {
  it("are the interview bank's counterfactual ids, each with its page section", () => {
    // both directions, checked by the compiler
    const fromLab: readonly CounterfactualId[] = WHAT_IF_IDS;
    const all: Record<CounterfactualId, true> = { "two-way-handshake": true, "no-time-wait": true, "isn-zero": true, "no-syn-cookies": true };
    expect([...fromLab].sort()).toEqual(Object.keys(all).sort());
    for (const id of WHAT_IF_IDS) expect(WHAT_IF_META[id].id).toBe(id);
  });
});

const byId = (id: string) => {
  for (const list of Object.values(CASES)) for (const c of list) if (c.id === id) return compareCase(c);
  throw new Error(id);
};

describe("two-way handshake", () => {
  const c = byId("two-way-handshake");
  it("real: the stale SYN-ACK is refused with RST and the server never accepts", () => {
    const rst = c.real.trace.detailed[c.real.moment.segment]!;
    expect([rst.from, rst.flags]).toEqual(["client", "R"]);
    expect(c.real.trace.calls.some((x) => x.call === "accept")).toBe(false);
    expect(c.real.moment.source).toContain("RFC 9293 §3.5");
  });
  it("altered: the highlighted segment is the late SYN, and the server accepted a connection from it", () => {
    const syn = c.altered.trace.detailed[c.altered.moment.segment]!;
    expect(syn.flags).toBe("S");
    expect(syn.t - (syn.sentAt ?? syn.t)).toBeCloseTo(2.05, 3); // held 2 s, plus the link's 50 ms
    expect(c.altered.trace.calls.find((x) => x.call === "accept")?.result).toBe("ok");
    expect(c.altered.moment.text).toContain("accept() returns at 2.150 s");
  });
});

describe("no TIME-WAIT", () => {
  it("(a) real: TIME-WAIT ACKs the retransmitted FIN; altered: the client answers it with RST and the server is reset", () => {
    const c = byId("no-time-wait-lost-ack");
    const real = c.real.trace.detailed[c.real.moment.segment]!;
    const alt = c.altered.trace.detailed[c.altered.moment.segment]!;
    expect([real.from, real.flags]).toEqual(["client", "."]);
    expect([alt.from, alt.flags]).toEqual(["client", "R"]);
    expect(c.real.trace.aborts).toEqual([]);
    expect(c.altered.trace.aborts.map((a) => a.host)).toEqual(["server"]);
    expect(c.altered.moment.text).toContain("RST (seq 1102)");
  });
  it("(b) real: the new connection takes another port; altered: the same 4-tuple, and the old data is read as new", () => {
    const c = byId("no-time-wait-stale-segment");
    const ports = (side: typeof c.real) => side.trace.detailed.filter((s) => s.flags === "S").map((s) => s.srcPort);
    expect(ports(c.real)).toEqual([40000, 40001]);
    expect(ports(c.altered)).toEqual([40000, 40000]);
    expect(c.real.moment.segment).toBe(c.altered.moment.segment);
    expect(c.altered.moment.text).toContain("recv() returns “100 bytes” that the new client never sent");
    expect(c.altered.moment.text).toContain("(recv() → error EAGAIN)");
  });
});

describe("ISN always 0", () => {
  const c = byId("isn-zero");
  it("the late copy is dropped by real TCP and read as data with ISN 0", () => {
    const late = c.altered.trace.detailed[c.altered.moment.segment]!;
    expect([late.absSeq, late.len]).toEqual([1, 100]);
    expect(c.real.moment.text).toContain("answers with a duplicate ACK and drops the segment");
    expect(c.altered.moment.text).toContain("recv() returns “100 bytes” of the previous connection's data");
  });
});

describe("no SYN cookies", () => {
  const f = compareFlood({ ...FLOOD_CONTROLS, duration: 12 });
  it("with cookies every legitimate client gets in; without, most are still retrying", () => {
    expect(f.real.duringFlood.ok).toBe(f.real.duringFlood.started);
    expect(f.altered.duringFlood.ok).toBeLessThan(f.altered.duringFlood.started / 2);
    expect(f.altered.counters.reqQFullDrop).toBeGreaterThan(1000);
    expect(f.real.counters.cookiesSent).toBeGreaterThan(1000);
    expect(f.altered.moment.second).toBeGreaterThanOrEqual(Math.floor(f.floodStart));
    expect(f.altered.moment.text).toContain("drops every new SYN");
  });
});
