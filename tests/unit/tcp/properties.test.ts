/**
 * Property tests over random scenarios (fast-check): random call sequences
 * with valid shapes, random faults and delays, random ISNs (seeds).
 *   1. sequence numbers never go backwards within a connection;
 *   2. every byte sent is acknowledged, or the connection is reset or timed out;
 *   3. states only follow allowed transitions (RFC 9293 figure 5 plus Linux's extra arrows).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAllowedTransition, parseScenario, simulateDetailed, STATE_NAMES, type DetailedTrace } from "@/lib/tcp";

// A fixed seed keeps CI deterministic; explore new cases with FC_SEED=<n> npm run test:unit.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261121) });

const CLIENTS = ["client1", "client2"];
const step = fc.oneof(
  fc.record({ host: fc.constantFrom(...CLIENTS), call: fc.constant("connect") }),
  fc.record({ host: fc.constant("server"), call: fc.constant("accept") }),
  fc.record({ host: fc.constantFrom("server", ...CLIENTS), call: fc.constant("send"), bytes: fc.integer({ min: 1, max: 6000 }) }),
  fc.record({ host: fc.constantFrom("server", ...CLIENTS), call: fc.constantFrom("recv", "shutdown", "close", "abort") }),
);
const timed = fc.tuple(fc.integer({ min: 1, max: 800 }), step, fc.constantFrom(...CLIENTS)).map(([ms, s, conn]) => ({
  t: ms / 100,
  ...s,
  ...(s.host === "server" && s.call !== "accept" ? { conn } : {}),
}));
const fault = fc.oneof(
  fc.record({
    from: fc.constantFrom("server", ...CLIENTS),
    drop: fc.constantFrom("all", "syn", "rst", "ack"),
    after: fc.integer({ min: 0, max: 600 }).map((x) => x / 100),
  }).chain((f) => fc.integer({ min: 1, max: 300 }).map((d) => ({ ...f, until: f.after + d / 100 }))),
  fc.record({ from: fc.constantFrom("server", ...CLIENTS), delay: fc.integer({ min: 1, max: 300 }).map((x) => x / 1000) }),
);
const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  backlog: fc.integer({ min: 0, max: 4 }),
  delay: fc.constantFrom(0, 0, 0.001, 0.02),
  steps: fc.array(timed, { minLength: 1, maxLength: 14 }),
  faults: fc.array(fault, { maxLength: 3 }),
  sysctl: fc.record({
    tcp_syn_retries: fc.integer({ min: 1, max: 3 }),
    tcp_synack_retries: fc.integer({ min: 0, max: 3 }),
    tcp_retries2: fc.integer({ min: 1, max: 4 }),
    tcp_fin_timeout: fc.integer({ min: 1, max: 30 }),
    tcp_syncookies: fc.integer({ min: 0, max: 2 }),
    tcp_abort_on_overflow: fc.integer({ min: 0, max: 1 }),
  }),
});

function simulateRandom(x: fc.Arbitrary<unknown> extends never ? never : Parameters<typeof buildScenario>[0]): DetailedTrace {
  const parsed = parseScenario(buildScenario(x));
  if (!parsed.ok) throw new Error(parsed.error);
  return simulateDetailed(parsed.scenario, { until: 400 });
}
function buildScenario(x: {
  seed: number;
  backlog: number;
  delay: number;
  steps: unknown[];
  faults: unknown[];
  sysctl: Record<string, number>;
}) {
  return {
    seed: x.seed,
    sysctl: x.sysctl,
    network: { delay: x.delay },
    steps: [{ t: 0, host: "server", call: "listen", backlog: x.backlog }, ...x.steps],
    faults: x.faults,
  };
}

const d32 = (a: number, b: number) => (a - b) | 0;

describe("properties of random scenarios", () => {
  it("sequence numbers never go backwards within a connection", () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const d = simulateRandom(x);
        const nxt = new Map<string, number>(); // highest seq + length sent, per connection and sender
        const ack = new Map<string, number>(); // highest ACK sent
        for (const s of d.detailed) {
          if (s.flags.includes("R")) continue; // an RST's seq comes from the segment it answers
          const k = `${s.conn}|${s.from}`;
          const end = (s.absSeq + s.len + (s.flags.includes("S") ? 1 : 0) + (s.flags.includes("F") ? 1 : 0)) >>> 0;
          if (s.flags.includes("S")) nxt.delete(k); // a SYN starts a sequence space (a new request sock may pick a new ISN)
          const prev = nxt.get(k);
          if (prev !== undefined) {
            // never beyond what was sent, except new data at snd_nxt; a keepalive probe may sit one below snd_una
            expect(d32(s.absSeq, prev)).toBeLessThanOrEqual(0);
            if (d32(end, prev) > 0) expect(s.absSeq).toBe(prev);
          }
          if (prev === undefined || d32(end, prev) > 0) nxt.set(k, end);
          if (s.absAck !== null && !s.flags.includes("S")) {
            const pa = ack.get(k);
            if (pa !== undefined) expect(d32(s.absAck, pa)).toBeGreaterThanOrEqual(0);
            ack.set(k, s.absAck);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every byte sent is acknowledged, or the connection is reset or timed out", () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const d = simulateRandom(x);
        const sentEnd = new Map<string, number>();
        const acked = new Map<string, number>();
        const killed = new Set<string>();
        for (const s of d.detailed) {
          if (s.flags.includes("R")) killed.add(s.conn);
          if (s.len > 0) {
            const k = `${s.conn}|${s.from}`;
            sentEnd.set(k, Math.max(sentEnd.get(k) ?? 0, (s.seq + s.len) % 2 ** 32));
          }
          if (s.ack !== null && !s.dropped) {
            const k = `${s.conn}|${s.to}`;
            acked.set(k, Math.max(acked.get(k) ?? 0, s.ack));
          }
        }
        for (const a of d.aborts) killed.add(a.conn);
        for (const [k, end] of sentEnd) {
          const conn = k.split("|")[0]!;
          if (killed.has(conn)) continue;
          expect(acked.get(k) ?? 0, `${k}: ${end} bytes sent`).toBeGreaterThanOrEqual(end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("states only follow allowed transitions, and time never runs backwards", () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const d = simulateRandom(x);
        expect(d.violations).toEqual([]);
        const last = new Map<string, number>();
        let t = 0;
        for (const s of d.detailedStates) {
          expect(s.t).toBeGreaterThanOrEqual(t);
          t = s.t;
          const k = `${s.host}|${s.conn ?? "listener"}`;
          const prev = last.get(k) ?? 0; // CLOSED
          const next = STATE_NAMES.indexOf(s.state);
          expect(isAllowedTransition(prev as never, next as never), `${k}: ${STATE_NAMES[prev]} -> ${s.state}`).toBe(true);
          last.set(k, next);
        }
        let ts = 0;
        for (const s of d.segments) {
          expect(s.t).toBeGreaterThanOrEqual(ts);
          ts = s.t;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the same scenario and seed always give the same trace", () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        expect(simulateRandom(x)).toEqual(simulateRandom(x));
      }),
      { numRuns: 30 },
    );
  });
});
