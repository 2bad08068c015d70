// The SYN flood lesson's exercises: right answers score 1, classic mistakes
// get their teaching message, bad input is refused, and the numbers agree
// with the simulator where it models the same thing.
import { describe, expect, it } from "vitest";
import {
  acceptQueueCapacity,
  synAckGiveUpSeconds,
  synFloodExercises,
  synRetransmitAt,
} from "@/content/lessons/05-syn-flood/exercises";
import { simulate, simulateDetailed } from "@/lib/tcp";
import { cookieCheck, cookieInitSequence } from "@/lib/tcp";
import { buildCookie, SAMPLE_COOKIE_INPUT } from "@/lib/labs/syn-flood-lab/cookie";
import { exerciseTester, scenarioOf } from "../../support/exerciseTesting";

const SEEDS = [1, 2, 3, 42, 1234, 99991, 2 ** 31 - 1];

const { byId, grade } = exerciseTester(synFloodExercises);
const scenario = scenarioOf;

describe("syn-flood exercises", () => {
  it("has at least five exercises with stable ids, this lesson's id, and at least two numeric ones", () => {
    expect(synFloodExercises.length).toBeGreaterThanOrEqual(5);
    for (const e of synFloodExercises) {
      expect(e.id).toMatch(/^syn-flood-[a-z0-9-]+$/);
      expect(e.lessonId).toBe("lesson-syn-flood");
    }
    expect(synFloodExercises.filter((e) => e.kind === "numeric").length).toBeGreaterThanOrEqual(2);
    expect(new Set(synFloodExercises.map((e) => e.kind)).size).toBeGreaterThanOrEqual(3);
  });

  for (const e of synFloodExercises) {
    it(`${e.id}: the correct answer scores 1 for every seed, and the public variant hides it`, () => {
      for (const seed of SEEDS) {
        const correct = e.correctAnswer(seed);
        const parsed = e.parse(correct);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        const graded = e.grade(seed, parsed.value);
        expect(graded.score).toBe(1);
        expect(graded.feedback.solution.length).toBeGreaterThan(40);
        const variant = e.publicVariant(seed);
        expect(variant.prompt.length).toBeGreaterThan(20);
        if (e.kind === "numeric") {
          const answer = (correct as { value: string }).value;
          expect(JSON.stringify(variant)).not.toMatch(/"(answer|solution|mistakes)"/);
          expect(variant.inputs[0]?.type).toBe("number");
          expect(answer).toMatch(/^\d+$/);
        }
      }
    });

    it(`${e.id}: refuses invalid input without grading it`, () => {
      expect(e.parse(undefined).ok).toBe(false);
      expect(e.parse({}).ok).toBe(false);
      expect(e.parse({ value: "twelve", choice: ["nope"], order: ["x"] }).ok).toBe(false);
    });
  }

  it("numeric variants differ between seeds", () => {
    for (const id of ["syn-flood-accept-queue-capacity", "syn-flood-synack-giveup", "syn-flood-legit-latency", "syn-flood-ss-listen-room"]) {
      const prompts = new Set(SEEDS.map((s) => byId(id).publicVariant(s).prompt + (byId(id).publicVariant(s).material ?? "")));
      expect(prompts.size, id).toBeGreaterThan(1);
    }
  });

  it("accept-queue capacity: the off-by-one answer gets the '>' explanation", () => {
    for (const seed of SEEDS) {
      const right = Number((byId("syn-flood-accept-queue-capacity").correctAnswer(seed) as { value: string }).value);
      const g = grade("syn-flood-accept-queue-capacity", seed, { value: String(right - 1) });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]?.message).toMatch(/'>'/);
    }
  });

  it("SYN-ACK give-up: the last-retransmission time and the blog's 180 s are classic mistakes", () => {
    for (const seed of SEEDS) {
      const right = Number((byId("syn-flood-synack-giveup").correctAnswer(seed) as { value: string }).value);
      const g = grade("syn-flood-synack-giveup", seed, { value: String(right === 180 ? 181 : 180) });
      expect(g.score).toBe(0);
      if (right !== 180) expect(g.feedback.items[0]?.message).toMatch(/old blog posts/);
    }
    expect(synAckGiveUpSeconds(5)).toBe(63);
    expect(synAckGiveUpSeconds(2)).toBe(7);
    expect(synAckGiveUpSeconds(7)).toBe(1 + 2 + 4 + 8 + 16 + 32 + 64 + 120);
  });

  it("legit latency: the pre-6.x exponential schedule is named as the mistake", () => {
    let sawMistake = false;
    for (const seed of SEEDS) {
      const right = Number((byId("syn-flood-legit-latency").correctAnswer(seed) as { value: string }).value);
      const variant = byId("syn-flood-legit-latency").publicVariant(seed);
      const drops = Number(/first (\d+) SYN/.exec(variant.prompt)?.[1]);
      const old = 2 ** drops - 1;
      if (old === right) continue;
      const g = grade("syn-flood-legit-latency", seed, { value: String(old) });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]?.message).toMatch(/tcp_syn_linear_timeouts/);
      sawMistake = true;
    }
    expect(sawMistake).toBe(true);
  });

  it("choice exercises explain each wrong option", () => {
    const g = grade("syn-flood-fin-timeout-myth", 1, { choice: ["fin-timeout"] });
    expect(g.score).toBeLessThan(1);
    expect(g.feedback.items.find((i) => /FIN-WAIT-2/.test(i.message))).toBeDefined();
    const c = grade("syn-flood-cookies-when", 7, { choice: ["accept-full"] });
    expect(c.score).toBe(0);
    expect(c.feedback.items.some((i) => /drops the SYN/.test(i.message))).toBe(true);
    const o = grade("syn-flood-conn-request-order", 3, { order: ["acceptq-full", "synq-full", "unproven", "queue"] });
    expect(o.score).toBeLessThan(1);
  });
});

describe("the exercises' rules agree with the simulator", () => {
  it("a SYN-ACK nobody answers is dropped after synAckGiveUpSeconds(tcp_synack_retries)", () => {
    for (const retries of [1, 2, 3, 5]) {
      const trace = simulate(
        scenario({
          sysctl: { tcp_synack_retries: retries },
          steps: [
            { t: 0, host: "server", call: "listen", backlog: 128 },
            { t: 0.1, host: "client", call: "connect" },
          ],
          faults: [{ from: "client", drop: "all", after: "first-syn" }],
        }),
        // The exercises teach the kernel's nominal timeouts, without timer-wheel slack.
        { until: 300, nominalTimers: true },
      );
      const synRecv = trace.states.find((s) => s.host === "server" && s.state === "SYN-RECV");
      const closed = trace.states.find((s) => s.host === "server" && s.state === "CLOSED");
      expect(synRecv && closed, `retries ${retries}`).toBeTruthy();
      expect((closed!.t - synRecv!.t)).toBeCloseTo(synAckGiveUpSeconds(retries), 3);
      expect(trace.segments.filter((s) => s.from === "server" && s.flags === "S.").length).toBe(retries + 1);
    }
  });

  it("a client's retransmitted SYNs leave at synRetransmitAt(n) (Linux 6.18 defaults)", () => {
    const trace = simulate(
      scenario({
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect" },
        ],
        faults: [{ from: "client", drop: "all" }],
      }),
      { nominalTimers: true },
    );
    const syns = trace.segments.filter((s) => s.from === "client" && s.flags === "S");
    expect(syns.length).toBe(11);
    for (let n = 1; n <= 8; n++) expect(syns[n]!.t - syns[0]!.t).toBeCloseTo(synRetransmitAt(n), 3);
  });

  it("with cookies off, tcp_max_syn_backlog = 128 stops unproven peers at 97 queued requests, below listen(128)'s own 129 (tcp_conn_request's 3/4 rule)", () => {
    const flood = (tcp_max_syn_backlog: number) => {
      const d = simulateDetailed(
        scenario({
          sysctl: { tcp_syncookies: 0, tcp_max_syn_backlog },
          steps: [
            { t: 0, host: "server", call: "listen", backlog: 128 },
            { t: 0.1, host: "attacker", call: "syn-flood", count: 300, duration: 0.3, spoofed: true },
          ],
        }),
        { until: 0.5 },
      );
      // Each admitted request got one SYN-ACK (the first retransmission would come 1 s later); the rest were dropped.
      return d.segments.filter((s) => s.from === "server" && s.flags === "S.").length;
    };
    expect(flood(128)).toBe(97);
    expect(flood(2048)).toBe(129);
  });

  it("a SYN cookie is accepted for more than 60 s and at most 120 s, depending on where in the minute it was made (check_tcp_syn_cookie, MAX_SYNCOOKIE_AGE = 2)", () => {
    const accepted = (synAt: number, ackDelay: number) => {
      const b = buildCookie({ ...SAMPLE_COOKIE_INPUT, synAt, ackDelay });
      if (!b.ok) throw new Error(b.error);
      return b.check.valid;
    };
    for (const synAt of [7380, 7384, 7410, 7430, 7439.9]) {
      // The cookie lives until the counter has ticked twice: (floor(synAt / 60) + 2) × 60.
      const lifetime = (Math.floor(synAt / 60) + 2) * 60 - synAt;
      expect(lifetime).toBeGreaterThan(60);
      expect(lifetime).toBeLessThanOrEqual(120);
      expect(accepted(synAt, lifetime - 0.01), `SYN at ${synAt}`).toBe(true);
      expect(accepted(synAt, lifetime + 0.01), `SYN at ${synAt}`).toBe(false);
    }
    // The lesson's example: an ACK 90 s after the SYN.
    expect(accepted(7384, 90)).toBe(true);
    expect(accepted(7430, 90)).toBe(false);
    expect(accepted(7380, 130)).toBe(false);
    // The simulator's own check agrees.
    const at = 7430 * 1e6;
    const cookie = cookieInitSequence(7, at, 1, 40001, 2, 80, 5);
    expect(cookieCheck(7, at + 69e6, 1, 40001, 2, 80, 5, cookie)).toBe(true);
    expect(cookieCheck(7, at + 71e6, 1, 40001, 2, 80, 5, cookie)).toBe(false);
  });

  it("the accept queue holds acceptQueueCapacity(backlog, somaxconn) connections", () => {
    for (const [backlog, somaxconn] of [
      [4, 128],
      [10, 6],
      [0, 128],
    ] as const) {
      const steps: unknown[] = [{ t: 0, host: "server", call: "listen", backlog }];
      for (let i = 0; i < 20; i++) steps.push({ t: 0.1 + i * 0.01, host: `client${i + 1}`, call: "connect" });
      const d = simulateDetailed(scenario({ sysctl: { somaxconn }, steps }), { until: 3, sampleEvery: 0.5 });
      const max = Math.max(...d.samples.filter((s) => s.host === "server").map((s) => s.acceptQueue));
      expect(max, `backlog ${backlog}, somaxconn ${somaxconn}`).toBe(acceptQueueCapacity(backlog, somaxconn));
    }
  });
});
