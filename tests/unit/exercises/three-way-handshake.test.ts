import { describe, expect, it } from "vitest";
import { lastSynSeconds, modelTimeout, threeWayHandshakeExercises, synGiveUpSeconds } from "@/content/lessons/02-three-way-handshake/exercises";
import { simulateDetailed } from "@/lib/tcp";
import { exerciseTester, scenarioOf } from "../../support/exerciseTesting";
import { variantRandom } from "@/lib/exercises/variantRandom";

const SEEDS = [1, 2, 3, 42, 1234, 99999, 0xdeadbeef];
const { byId, grade } = exerciseTester(threeWayHandshakeExercises);
const scenario = scenarioOf;

describe("three-way-handshake exercises", () => {
  it("has at least five exercises with stable ids, this lesson's id, and a mix of kinds", () => {
    expect(threeWayHandshakeExercises.length).toBeGreaterThanOrEqual(5);
    for (const e of threeWayHandshakeExercises) {
      expect(e.id.startsWith("three-way-handshake-")).toBe(true);
      expect(e.lessonId).toBe("lesson-three-way-handshake");
    }
    const kinds = new Set(threeWayHandshakeExercises.map((e) => e.kind));
    expect(kinds.has("numeric") && kinds.has("ordering") && (kinds.has("single-choice") || kinds.has("multiple-choice"))).toBe(true);
    expect(threeWayHandshakeExercises.filter((e) => e.kind === "numeric").length).toBeGreaterThanOrEqual(2);
  });

  for (const e of threeWayHandshakeExercises) {
    it(`${e.id}: the correct answer earns full marks and the public variant hides it`, () => {
      for (const seed of SEEDS) {
        expect(grade(e.id, seed, e.correctAnswer(seed)).score).toBe(1);
        const shown = JSON.stringify(e.publicVariant(seed));
        expect(shown).not.toContain('"correct"');
        expect(shown).not.toContain('"answer"');
      }
    });
    it(`${e.id}: refuses malformed input without grading`, () => {
      expect(e.parse({}).ok).toBe(false);
      expect(e.parse({ value: "abc", choice: ["nope"], order: ["x"] }).ok).toBe(false);
    });
  }

  it("numeric variants differ between seeds", () => {
    for (const id of ["three-way-handshake-ack-numbers", "three-way-handshake-syn-give-up", "three-way-handshake-accept-queue"]) {
      const prompts = new Set(SEEDS.map((s) => byId(id).publicVariant(s).prompt));
      expect(prompts.size, id).toBeGreaterThan(2);
    }
  });

  it("ack number: forgetting the +1 gets the teaching message", () => {
    for (const seed of SEEDS) {
      const prompt = byId("three-way-handshake-ack-numbers").publicVariant(seed).prompt;
      const serverIsn = Number(/whose seq is (\d+)/.exec(prompt)![1]);
      const g = grade("three-way-handshake-ack-numbers", seed, { value: String(serverIsn) });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]!.message).toMatch(/one sequence number/);
    }
  });

  it("ack number agrees with the simulator for the same ISNs", () => {
    for (const seed of SEEDS) {
      const prompt = byId("three-way-handshake-ack-numbers").publicVariant(seed).prompt;
      const clientIsn = Number(/SYN carries seq (\d+)/.exec(prompt)![1]);
      const serverIsn = Number(/whose seq is (\d+)/.exec(prompt)![1]);
      const trace = simulateDetailed(
        scenario({ steps: [{ t: 0, host: "server", call: "listen" }, { t: 0.1, host: "client", call: "connect" }] }),
        { isn: { client: clientIsn, server: serverIsn }, nominalTimers: true },
      );
      const third = trace.detailed[2]!;
      expect(third.flags).toBe(".");
      const answer = (byId("three-way-handshake-ack-numbers").correctAnswer(seed) as { value: string }).value;
      expect(third.absAck).toBe(Number(answer));
    }
  });

  it("SYN give-up time: the kernel rule matches the real captures", () => {
    // syn-retransmit-default: 11 SYNs, ETIMEDOUT 134.3 s after the first (131 s plus timer slack)
    expect(synGiveUpSeconds(6, 4)).toEqual({ giveUp: 131, synsSent: 11 });
    // syn-retransmit-retries2: 6 SYNs, 7.1 s
    expect(synGiveUpSeconds(2, 4)).toEqual({ giveUp: 7, synsSent: 6 });
    // syn-linear-timeouts-0 with tcp_syn_retries=3: 4 SYNs, 15.5 s
    expect(synGiveUpSeconds(3, 0)).toEqual({ giveUp: 15, synsSent: 4 });
  });

  it("SYN give-up time agrees with simulate() for every variant", () => {
    for (const seed of [...SEEDS, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const random = variantRandom(seed);
      const retries = random.int(1, 8);
      const linear = random.pick([0, 1, 2, 3, 4]);
      const prompt = byId("three-way-handshake-syn-give-up").publicVariant(seed).prompt;
      expect(prompt).toContain(`tcp_syn_retries = ${retries} `);
      expect(prompt).toContain(`tcp_syn_linear_timeouts = ${linear}.`);
      const trace = simulateDetailed(
        scenario({
          sysctl: { tcp_syn_retries: retries, tcp_syn_linear_timeouts: linear },
          steps: [{ t: 0, host: "server", call: "listen" }, { t: 0.1, host: "client", call: "connect" }],
          faults: [{ from: "client", drop: "syn" }],
        }),
        // The exercise asks for the kernel's rule without timer-wheel slack.
        { nominalTimers: true },
      );
      const connect = trace.calls.find((c) => c.call === "connect")!;
      expect(connect.result).toBe("error ETIMEDOUT");
      const answer = Number((byId("three-way-handshake-syn-give-up").correctAnswer(seed) as { value: string }).value);
      expect(Math.round((connect.returned - 0.1) * 1000) / 1000).toBe(answer);
      expect(trace.detailed.length).toBe(synGiveUpSeconds(retries, linear).synsSent);
    }
  });

  it("SYN give-up: the classic exponential sum is answered with the linear-timeouts explanation", () => {
    let checked = 0;
    for (const seed of SEEDS) {
      const v = byId("three-way-handshake-syn-give-up");
      const prompt = v.publicVariant(seed).prompt;
      const retries = Number(/tcp_syn_retries = (\d+)/.exec(prompt)![1]);
      const linear = Number(/tcp_syn_linear_timeouts = (\d+)/.exec(prompt)![1]);
      const naive = modelTimeout(retries);
      if (naive === synGiveUpSeconds(retries, linear).giveUp) continue;
      const g = grade(v.id, seed, { value: naive });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]!.message).toMatch(/tcp_syn_linear_timeouts/);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("accept queue capacity agrees with the simulator (backlog + 1 connections, capped by somaxconn)", () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const prompt = byId("three-way-handshake-accept-queue").publicVariant(seed).prompt;
      const backlog = Number(/listen\(fd, (\d+)\)/.exec(prompt)![1]);
      const somaxconn = Number(/somaxconn = (\d+)/.exec(prompt)![1]);
      const answer = Number((byId("three-way-handshake-accept-queue").correctAnswer(seed) as { value: string }).value);
      const clients = answer + 2;
      const steps: unknown[] = [{ t: 0, host: "server", call: "listen", backlog }];
      for (let i = 1; i <= clients; i++) steps.push({ t: 0.1 * i, host: `client${i}`, call: "connect" });
      const trace = simulateDetailed(scenario({ sysctl: { somaxconn, tcp_syn_retries: 1 }, steps }), { until: 3, sampleEvery: 0.5, nominalTimers: true });
      const most = Math.max(...trace.samples.filter((s) => s.host === "server").map((s) => s.acceptQueue));
      expect(most).toBe(answer);
      const g = grade("three-way-handshake-accept-queue", seed, { value: Math.min(backlog, somaxconn) });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]!.message).toMatch(/one more fits/);
    }
  });

  it("choice feedback teaches on a wrong option", () => {
    const g = grade("three-way-handshake-connect-returns", 1, { choice: "accept" });
    expect(g.score).toBe(0);
    expect(g.feedback.items.find((i) => i.label.includes("accept()"))!.message).toMatch(/accept queue/);
  });

  it("SYN give-up: the 'last SYN' mistake is the time the simulator sends its last SYN", () => {
    for (const seed of [...SEEDS, 5, 6, 7, 8]) {
      const random = variantRandom(seed);
      const retries = random.int(1, 8);
      const linear = random.pick([0, 1, 2, 3, 4]);
      const trace = simulateDetailed(
        scenario({
          sysctl: { tcp_syn_retries: retries, tcp_syn_linear_timeouts: linear },
          steps: [{ t: 0, host: "server", call: "listen" }, { t: 0.1, host: "client", call: "connect" }],
          faults: [{ from: "client", drop: "syn" }],
        }),
        { nominalTimers: true },
      );
      const lastSyn = trace.detailed[trace.detailed.length - 1]!;
      expect(Math.round((lastSyn.t - 0.1) * 1000) / 1000).toBe(lastSynSeconds(retries, linear));
      const g = grade("three-way-handshake-syn-give-up", seed, { value: lastSynSeconds(retries, linear) });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]!.message).toMatch(/when the last SYN leaves|classic|counts/);
    }
  });

  it("the handshake order names the broken rule and keeps the right order to itself", () => {
    // a variant with these five events, accept() put before the handshake ends
    const exercise = byId("three-way-handshake-order");
    const events = ["syn", "synrecv", "accept", "estab-client", "estab-server"];
    let seed = 0;
    while (!events.every((e) => (exercise.correctAnswer(seed) as { order: string[] }).order.includes(e)) || (exercise.correctAnswer(seed) as { order: string[] }).order.length !== 5) seed++;
    const g = grade("three-way-handshake-order", seed, { order: events });
    expect(g.score).toBeLessThan(1);
    expect(g.feedback.items.map((i) => i.message).join(" ")).toMatch(/plays no part in the handshake/);
    expect(g.feedback.items.map((i) => i.message).join(" ")).not.toMatch(/Position \d is/);
  });
});
