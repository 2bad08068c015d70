import { describe, expect, it } from "vitest";
import { compareTrace, simulate, simulateDetailed } from "@/lib/tcp";
import { CAPTURES } from "@/lib/labs/sequence-simulator/captures";
import { buildScenario, dropKindFor, initialControls, toggleDrop } from "@/lib/labs/sequence-simulator/controls";
import { PRESETS, type Preset } from "@/lib/labs/sequence-simulator/presets";
import { runOrdered } from "@/lib/labs/sequence-simulator/run";
import { buildTimeline, eventLine, explainSegments, hostsAt, queuesAt } from "@/lib/labs/sequence-simulator/timeline";
import { decodeState, encodeState, readHash, writeHash } from "@/lib/widgets/sequence-simulator/urlState";

const entries = Object.entries(PRESETS) as Array<[string, Preset]>;

function build(preset: Preset, controls = initialControls(preset)) {
  const b = buildScenario(preset, controls);
  if (!b.ok) throw new Error(b.error);
  return b;
}

describe("sequence simulator presets", () => {
  for (const [name, preset] of entries) {
    it(`${name}: parses, simulates without RFC violations, and keeps every segment and state in the timeline`, () => {
      const b = build(preset);
      const run = runOrdered(b.scenario, b.options);
      expect(run.trace.violations).toEqual([]);
      expect(run.order).not.toBeNull();
      const events = buildTimeline(run.trace, run.order, b.scenario.steps);
      expect(events.filter((e) => e.kind === "segment").length).toBe(run.trace.detailed.length);
      expect(events.filter((e) => e.kind === "state").length).toBe(run.trace.states.length);
      for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
      expect(explainSegments(run.trace).every((w) => w.length > 10)).toBe(true);
    });
    if (preset.capture) {
      it(`${name}: is exactly the scenario of its capture, and the engine reproduces the capture`, () => {
        const capture = CAPTURES[preset.capture!];
        expect(preset.scenario).toEqual(capture.scenario);
        const b = build(preset);
        expect(compareTrace(simulate(b.scenario, b.options), capture.expect).errors).toEqual([]);
      });
    }
  }

  it("the timeline order agrees with the engine's own order for every preset (segments and states in sequence)", () => {
    for (const [, preset] of entries) {
      const b = build(preset);
      const run = runOrdered(b.scenario, b.options);
      const plain = simulateDetailed(b.scenario, b.options);
      expect(run.trace.segments).toEqual(plain.segments);
      expect(run.trace.states).toEqual(plain.states);
    }
  });
});

describe("queues derived from the timeline", () => {
  it("match the engine's own socket-table samples at every application call", () => {
    const preset = PRESETS.handshake as Preset;
    const b = build(preset);
    const run = runOrdered(b.scenario, b.options);
    const detailed = simulateDetailed(b.scenario, { ...b.options, sampleEvery: 0.0005 });
    const events = buildTimeline(run.trace, run.order, b.scenario.steps);
    for (const sample of detailed.samples.filter((s) => s.host === "server")) {
      // cursor: everything up to and including the sample time
      let cursor = 0;
      while (cursor < events.length && events[cursor]!.t <= sample.t) cursor++;
      expect(queuesAt(events, cursor), `t=${sample.t}`).toEqual({ synQueue: sample.synQueue, acceptQueue: sample.acceptQueue });
    }
  });

  it("show the request in the SYN queue, then the accept queue, then nowhere after accept()", () => {
    const preset = PRESETS.handshake as Preset;
    const b = build(preset);
    const run = runOrdered(b.scenario, b.options);
    const events = buildTimeline(run.trace, run.order, b.scenario.steps);
    const at = (pred: (i: number) => boolean) => events.findIndex((_, i) => pred(i)) + 1;
    const synRecv = at((i) => events[i]!.kind === "state" && (events[i] as { to: string }).to === "SYN-RECV");
    expect(queuesAt(events, synRecv)).toEqual({ synQueue: 1, acceptQueue: 0 });
    const est = at((i) => events[i]!.kind === "state" && events[i]!.host === "server" && (events[i] as { to: string }).to === "ESTABLISHED");
    expect(queuesAt(events, est)).toEqual({ synQueue: 0, acceptQueue: 1 });
    expect(queuesAt(events, events.length)).toEqual({ synQueue: 0, acceptQueue: 0 });
    expect(hostsAt(events, est, ["client", "server"]).server!.state).toBe("ESTABLISHED");
  });
});

describe("dropping a segment", () => {
  it("drops exactly the chosen SYN-ACK and the server retransmits it 1 s later", () => {
    const preset = PRESETS.handshake as Preset;
    const b0 = build(preset);
    const first = runOrdered(b0.scenario, b0.options).trace.detailed.find((s) => s.flags === "S.")!;
    const controls = toggleDrop(initialControls(preset), { from: first.from, kind: dropKindFor(first.flags, first.len), t: first.t });
    const b = build(preset, controls);
    const trace = runOrdered(b.scenario, b.options).trace;
    const synAcks = trace.detailed.filter((s) => s.flags === "S.");
    expect(synAcks[0]!.dropped).toBe(true);
    expect(trace.detailed.filter((s) => s.dropped)).toHaveLength(1);
    // 1 s initial RTO, later by the timer wheel's rounding (up to 1/8 of it)
    expect(synAcks[1]!.t - synAcks[0]!.t).toBeGreaterThanOrEqual(1);
    expect(synAcks[1]!.t - synAcks[0]!.t).toBeLessThan(1.13);
    // toggling again removes the rule
    expect(toggleDrop(controls, controls.drops[0]!).drops).toEqual([]);
  });

  it("maps flags to the engine's fault kinds", () => {
    expect(dropKindFor("S", 0)).toBe("syn");
    expect(dropKindFor("S.", 0)).toBe("syn");
    expect(dropKindFor("R.", 0)).toBe("rst");
    expect(dropKindFor(".", 0)).toBe("ack");
    expect(dropKindFor("F.", 0)).toBe("all");
    expect(dropKindFor("P.", 100)).toBe("all");
  });
});

describe("URL state", () => {
  it("round-trips through the hash and keeps other widgets' entries", () => {
    const preset = PRESETS.handshake as Preset;
    const state = { ...initialControls(preset), drops: [{ from: "server", kind: "syn" as const, t: 0.11 }], sysctl: { tcp_syn_retries: 3 }, absolute: true, selected: 2 };
    const hash = writeHash("#other=1", "handshake", state);
    expect(hash).toContain("other=1");
    expect(readHash(hash, "handshake")).toEqual(state);
    expect(readHash(hash, "abort")).toBeNull();
  });

  it("refuses malformed or out-of-range values", () => {
    expect(decodeState("!!!")).toBeNull();
    expect(decodeState(btoa("[1,2]"))).toBeNull();
    const bad = encodeState({ ...initialControls(PRESETS.handshake as Preset), sysctl: { tcp_syn_retries: 500 }, selected: null });
    expect(decodeState(bad)).toBeNull();
  });
});

describe("event log text", () => {
  it("prints segments in tcpdump notation with relative or absolute numbers", () => {
    const preset = PRESETS.handshake as Preset;
    const b = build(preset);
    const run = runOrdered(b.scenario, b.options);
    const events = buildTimeline(run.trace, run.order, b.scenario.steps);
    const synAck = events.find((e) => e.kind === "segment" && e.segment.flags === "S.")!;
    expect(eventLine(synAck, false)).toMatch(/server → client {2}\[S\.\] seq 0 ack 1 len 0/);
    expect(eventLine(synAck, true)).toMatch(/\[S\.\] seq 5000 ack 1001 len 0/);
    expect(eventLine(events.find((e) => e.kind === "state" && e.host === "client")!, false)).toMatch(/client {2}CLOSED → SYN-SENT/);
  });

  it("stamps a segment held up in the network when it reaches the server, and says when it was sent", () => {
    const preset = PRESETS["handshake-old-duplicate-syn"] as Preset;
    const b = build(preset);
    const run = runOrdered(b.scenario, b.options);
    const events = buildTimeline(run.trace, run.order, b.scenario.steps);
    const oldSyn = events.find((e) => e.kind === "segment" && e.segment.flags === "S")!;
    // sent at 0.1 s, 2 s of extra delay plus the 50 ms link: the server sees it at 2.15 s
    expect(eventLine(oldSyn, true)).toMatch(/^t=2\.150\d* .*\[S\] seq 90 .*\(sent at t=0\.100\d*, 2\.05 s on the way\)$/);
    // the server's answer to it is sent later than the client's abort, not before
    const abort = events.findIndex((e) => e.kind === "call" && e.call === "abort");
    expect(events.indexOf(oldSyn)).toBeGreaterThan(abort);
  });
});

describe("sequence simulator: a dropped segment never shows an impossible socket result", () => {
  // Each preset with each of its first segments dropped in turn, drawn from the engine's own order.
  for (const [name, preset] of entries) {
    it(`${name}: calls are pending until they return, a program's later calls come after, and every state change changes the state`, () => {
      const base = build(preset);
      const first = runOrdered(base.scenario, base.options).trace.detailed;
      for (let i = -1; i < Math.min(first.length, 10); i++) {
        let controls = initialControls(preset);
        if (i >= 0) {
          const s = first[i]!;
          controls = toggleDrop(controls, { from: s.from, kind: dropKindFor(s.flags, s.len), t: s.sentAt ?? s.t });
        }
        const b = build(preset, controls);
        const run = runOrdered(b.scenario, b.options);
        const events = buildTimeline(run.trace, run.order, b.scenario.steps, run);
        const log = events.map((e) => eventLine(e, false)).join("\n");
        const where = `${name}, segment ${i} dropped:\n${log}`;
        // results a program on blocking sockets cannot get
        expect(log, where).not.toMatch(/EAGAIN|ENOTCONN/);
        for (const e of events) if (e.kind === "state") expect(e.from, where).not.toBe(e.to);
        expect(log, where).not.toMatch(/CLOSED → CLOSED/);
        // an RST answering a segment without ACK carries seq 0, shown as 0
        for (const s of run.trace.detailed) if (s.flags === "R." && s.absSeq === 0) expect(s.seq, where).toBe(0);
        // between a pending call and its return, its host's program makes no other call
        events.forEach((e, k) => {
          if (e.kind !== "call" || !e.pending) return;
          const end = e.returnsAt ?? events.length;
          expect(end, where).toBeGreaterThan(k);
          const during = events.slice(k + 1, end).filter((x) => (x.kind === "call" || x.kind === "return") && x.host === e.host);
          expect(during, where).toEqual([]);
          if (e.returnsAt !== null && e.returnsAt !== undefined) expect(events[e.returnsAt]).toMatchObject({ kind: "return", host: e.host, call: e.call });
        });
      }
    });
  }

  it("handshake with the SYN-ACK lost: connect() and accept() are pending until the retransmission gets through, then send() and recv() follow", () => {
    const preset = PRESETS.handshake as Preset;
    const base = build(preset);
    const synAck = runOrdered(base.scenario, base.options).trace.detailed.find((s) => s.flags === "S.")!;
    const b = build(preset, toggleDrop(initialControls(preset), { from: "server", kind: "syn", t: synAck.t }));
    const run = runOrdered(b.scenario, b.options);
    const events = buildTimeline(run.trace, run.order, b.scenario.steps, run);
    const connect = events.findIndex((e) => e.kind === "call" && e.call === "connect");
    const c = events[connect] as Extract<(typeof events)[number], { kind: "call" }>;
    expect(c.pending).toBe(true);
    const back = events[c.returnsAt!]!;
    expect(back).toMatchObject({ kind: "return", host: "client", call: "connect", result: "ok" });
    expect(back.t).toBeGreaterThan(1);
    const send = events.findIndex((e) => e.kind === "call" && e.call === "send");
    expect(send).toBeGreaterThan(c.returnsAt!);
    const recv = events.find((e) => e.kind === "call" && e.call === "recv");
    expect(recv).toMatchObject({ host: "server", result: "100 bytes" });
    expect(eventLine(c, false)).toContain("connect() … pending");
  });

  it("a listener's close reads LISTEN → CLOSED, not CLOSED → CLOSED", () => {
    const preset = PRESETS["close-server-first"] as Preset;
    const base = build(preset);
    const synAck = runOrdered(base.scenario, base.options).trace.detailed.find((s) => s.flags === "S.")!;
    const b = build(preset, toggleDrop(initialControls(preset), { from: "server", kind: "syn", t: synAck.t }));
    const run = runOrdered(b.scenario, b.options);
    const states = buildTimeline(run.trace, run.order, b.scenario.steps, run).filter((e) => e.kind === "state");
    for (const s of states) expect(s.from).not.toBe(s.to);
  });
});
