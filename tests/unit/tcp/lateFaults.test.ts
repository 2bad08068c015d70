/**
 * Late and duplicate segments (docs/scenario-format.md, "Late and duplicate
 * segments"): a "hold" fault takes the segments it matches off their FIFO
 * link so later ones overtake them; a "duplicate" fault delivers a copy again.
 */
import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/tcp";
import { OPEN, run } from "./helpers";

const ok = { sysctl: {}, network: { delay: 0 }, steps: [], faults: [] };
const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe("parsing hold and duplicate faults", () => {
  it("accepts both, with a match and a time window", () => {
    const r = parseScenario({
      ...ok,
      faults: [
        { from: "client", hold: 2, match: { flags: "S", nth: 1 } },
        { from: "client", duplicate: 1.5, match: { flags: "P.", len: 100 }, after: 0.2, until: 1 },
        { from: "server", hold: 0.5 },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.faults[0]).toEqual({ from: "client", hold: 2, match: { flags: "S", nth: 1 } });
      expect(r.scenario.faults[1]).toEqual({ from: "client", duplicate: 1.5, match: { flags: "P.", len: 100 }, after: 0.2, until: 1 });
    }
  });

  const cases: Array<[string, unknown, string]> = [
    ["hold and duplicate in one fault", { from: "client", hold: 1, duplicate: 1 }, 'faults[0]: has both "hold" and "duplicate"'],
    ["hold with drop", { from: "client", hold: 1, drop: "all" }, 'faults[0].drop: cannot be combined with "hold"'],
    ["duplicate with delay", { from: "client", duplicate: 1, delay: 0.1 }, 'faults[0].delay: cannot be combined with "duplicate"'],
    ["a zero hold", { from: "client", hold: 0 }, "faults[0].hold: must be > 0"],
    ["a negative duplicate", { from: "client", duplicate: -1 }, "faults[0].duplicate: must be > 0"],
    ["unknown match flags", { from: "client", hold: 1, match: { flags: "SYN" } }, 'faults[0].match.flags: unknown flags "SYN"'],
    ["nth 0", { from: "client", hold: 1, match: { nth: 0 } }, "faults[0].match.nth: must be >= 1"],
    ["an unknown match field", { from: "client", hold: 1, match: { seq: 5 } }, "faults[0].match.seq: unknown field"],
    ["a match that is not an object", { from: "client", hold: 1, match: "S" }, "faults[0].match: must be an object"],
    ['"after": "first-syn"', { from: "client", hold: 1, after: "first-syn" }, "faults[0].after: must be a number of seconds here"],
    ["until before after", { from: "client", hold: 1, after: 2, until: 1 }, "faults[0].until: must be >= after"],
    ["match on a drop", { from: "client", drop: "all", match: { flags: "S" } }, 'faults[0].match: only valid with "hold" or "duplicate"'],
    ["an unknown field", { from: "client", hold: 1, copies: 2 }, "faults[0].copies: unknown field"],
    ["nothing to do", { from: "client" }, 'faults[0]: needs "drop", "delay", "hold" or "duplicate"'],
  ];
  for (const [what, fault, msg] of cases) {
    it(`rejects ${what}, naming the field`, () => {
      const r = parseScenario({ ...ok, faults: [fault] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(msg);
    });
  }
});

describe("hold: a segment arrives late, after later ones", () => {
  it("a held SYN is overtaken by its own retransmission, and arrives when the connection is established (challenge ACK)", () => {
    const r = run(OPEN, { faults: [{ from: "client", hold: 2, match: { flags: "S", nth: 1 } }], sim: { until: 5 } });
    // the retransmission (1 s later) gets through first and completes the handshake
    expect(r.wire.slice(0, 3)).toEqual(["client S 0:- 0", "server S. 0:1 0", "client . 1:1 0"]);
    expect(r3(r.segments[0]!.t)).toBe(1.1);
    expect(r.detailed[0]!.sentAt).toBeUndefined();
    // the original, stamped when it reaches the server's interface, with its send time
    const late = r.detailed[3]!;
    expect([late.flags, r3(late.t), late.sentAt]).toEqual(["S", 2.1, 0.1]);
    // a SYN for an established connection: RFC 5961 §4.2 challenge ACK
    expect(r.wire[4]).toBe("server . 1:1 0");
    expect(r.counters.server!.host.TCPChallengeACK).toBe(1);
  });

  it("with nth, only that segment is held: the next one overtakes it and the receiver queues it out of order", () => {
    const steps = [
      ...OPEN,
      // one full segment each (MSS 1448 with timestamps): no Nagle, no coalescing
      { t: 0.3, host: "client", call: "send", bytes: 1448 },
      { t: 0.32, host: "client", call: "send", bytes: 1448 },
      { t: 2, host: "server", call: "recv" },
    ];
    const r = run(steps, { delay: 0.01, faults: [{ from: "client", hold: 0.03, match: { flags: "P.", nth: 1 } }], sim: { until: 3 } });
    const data = r.segments.filter((s) => s.from === "client" && s.len > 0).map((s) => [s.seq, r3(s.t)]);
    // seq 1 (sent 0.3) arrives at 0.34, after seq 1449 (sent 0.32, arrives 0.33): before any loss probe
    expect(data).toEqual([[1449, 0.33], [1, 0.34]]);
    // the server ACKs the gap at once (duplicate ACK 1), then everything once it is filled
    const acks = r.segments.filter((s) => s.from === "server" && s.t > 0.3).map((s) => [s.ack, r3(s.t)]);
    expect(acks).toEqual([[1, 0.33], [2897, 0.34]]);
    expect(r.callResult("server", "recv")).toBe("2896 bytes");
  });

  it("a segment the server holds is recorded once, when it leaves, and reaches the client late", () => {
    const r = run(OPEN, { delay: 0.01, faults: [{ from: "server", hold: 2, match: { flags: "S.", nth: 1 } }], sim: { until: 4 } });
    const synAcks = r.detailed.filter((s) => s.flags === "S.");
    // the held SYN-ACK (0.11) and the one answering the retransmitted SYN (1.11), each recorded once
    expect(synAcks.map((s) => r3(s.t))).toEqual([0.11, 1.11]);
    expect(synAcks.every((s) => s.sentAt === undefined)).toBe(true);
    // the second completes the handshake; the held one reaches the client at 2.12 and draws a duplicate ACK
    const acks = r.detailed.filter((s) => s.from === "client" && s.flags === ".");
    expect(acks.map((s) => r3(s.sentAt ?? s.t))).toEqual([1.12, 2.12]);
    expect(r.statesOf("client")).toEqual(["SYN-SENT", "ESTABLISHED"]);
  });

  it("after/until limit which segments it takes, by send time", () => {
    const steps = [...OPEN, { t: 0.3, host: "client", call: "send", bytes: 10 }, { t: 0.6, host: "client", call: "send", bytes: 10 }];
    const r = run(steps, { faults: [{ from: "client", hold: 1, after: 0.5, until: 0.7 }], sim: { until: 3 } });
    const data = r.segments.filter((s) => s.from === "client" && s.len > 0).map((s) => [s.seq, r3(s.t)]);
    // only the segment sent at 0.6 is held; its loss probe (0.8, outside the window) overtakes it
    expect(data).toEqual([[1, 0.3], [11, 0.8], [11, 1.6]]);
  });
});

describe("duplicate: the network delivers a copy again", () => {
  it("a client's data arrives as usual, and its copy again later, recorded twice; the receiver ACKs the copy at once", () => {
    const steps = [...OPEN, { t: 0.3, host: "client", call: "send", bytes: 100 }, { t: 1, host: "server", call: "recv" }, { t: 2, host: "server", call: "recv" }];
    const r = run(steps, { delay: 0.01, faults: [{ from: "client", duplicate: 1.2, match: { flags: "P." } }], sim: { until: 3 } });
    const copies = r.detailed.filter((s) => s.flags === "P.");
    expect(copies.map((s) => [s.seq, r3(s.t), s.sentAt])).toEqual([
      [1, 0.31, 0.3],
      [1, 1.51, 0.3],
    ]);
    // "A retransmit, force an immediate ack": a duplicate ACK right away
    const after = r.detailed[r.detailed.indexOf(copies[1]!) + 1]!;
    expect([after.from, after.flags, after.ack, r3(after.t)]).toEqual(["server", ".", 101, 1.51]);
    // the data is read once
    expect(r.callResult("server", "recv", 0)).toBe("100 bytes");
    // the copy brings nothing new to read: the second recv() is still waiting when the run ends
    expect(r.callResult("server", "recv", 1)).toBeUndefined();
  });

  it("a copy of a server's segment reaches the client but is not recorded again (it passes the server's interface once)", () => {
    const steps = [...OPEN, { t: 0.3, host: "server", call: "send", bytes: 100 }, { t: 1, host: "client", call: "recv" }];
    const r = run(steps, { delay: 0.01, faults: [{ from: "server", duplicate: 0.5, match: { flags: "P." } }], sim: { until: 3 } });
    expect(r.detailed.filter((s) => s.flags === "P.")).toHaveLength(1);
    // the client answers the copy with an immediate duplicate ACK, 0.5 s after its first ACK
    const clientAcks = r.detailed.filter((s) => s.from === "client" && s.flags === "." && s.ack === 101);
    expect(clientAcks.map((s) => r3(s.sentAt ?? s.t))).toEqual([0.31, 0.81]);
  });

  it("nth counts the matching segments from the start, so one fault picks one segment", () => {
    const steps = [...OPEN, ...[0.3, 0.4, 0.5].map((t) => ({ t, host: "client", call: "send", bytes: 10 }))];
    const r = run(steps, { faults: [{ from: "client", duplicate: 1, match: { flags: "P.", len: 10, nth: 3 } }], sim: { until: 3 } });
    expect(r.segments.filter((s) => s.len > 0).map((s) => [s.seq, r3(s.t)])).toEqual([[1, 0.3], [11, 0.4], [21, 0.5], [21, 1.5]]);
  });
});
