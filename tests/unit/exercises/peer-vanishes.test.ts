// The exercises of the lesson on vanished peers, and their numbers against lib/tcp.
import { describe, expect, it } from "vitest";
import { keepaliveVariant, peerVanishesExercises, retries2Budget, retries2Variant } from "@/content/lessons/07-peer-vanishes/exercises";
import { variantRandom } from "@/lib/exercises/variantRandom";
import { simulateDetailed } from "@/lib/tcp";
import { exerciseTester, scenarioOf } from "../../support/exerciseTesting";

const { byId, grade, answerOf } = exerciseTester(peerVanishesExercises);
const SEEDS = [1, 2, 3, 7, 42, 1234, 99999, 2 ** 31 + 5];

describe("peer-vanishes exercises", () => {
  it("has at least five, of several kinds, with ids of this lesson", () => {
    expect(peerVanishesExercises.length).toBeGreaterThanOrEqual(5);
    expect(new Set(peerVanishesExercises.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
    for (const e of peerVanishesExercises) {
      expect(e.lessonId).toBe("lesson-peer-vanishes");
      expect(e.id.startsWith("peer-vanishes-")).toBe(true);
    }
  });

  it("varies the numeric and trace exercises with the seed", () => {
    for (const id of ["peer-vanishes-keepalive-time", "peer-vanishes-retries2-budget", "peer-vanishes-reboot-rst"]) {
      const prompts = new Set(SEEDS.map((seed) => JSON.stringify(byId(id).publicVariant(seed))));
      expect(prompts.size, id).toBeGreaterThan(3);
    }
  });

  it("computes the tcp_retries2 budget as tcp_model_timeout() does: 924.6 s for the default 15, 102.2 s for 8", () => {
    expect(retries2Budget(15)).toBe(924.6);
    expect(retries2Budget(8)).toBe(102.2);
    expect(retries2Budget(9)).toBe(204.6);
    expect(retries2Budget(10)).toBe(324.6);
    expect(retries2Budget(3)).toBe(3);
  });

  it("names the classic mistakes without giving the answer away", () => {
    for (const seed of SEEDS) {
      const { answer, mistakes } = keepaliveVariant(variantRandom(seed));
      for (const m of mistakes) {
        const g = grade("peer-vanishes-keepalive-time", seed, { value: String(m.value) });
        expect(g.score).toBe(0);
        expect(g.feedback.items[0]!.message).toMatch(m.names);
        expect(g.feedback.items[0]!.message).not.toMatch(new RegExp(`(^|[^0-9.])${answer}([^0-9.]|$)`));
      }
      const off = grade("peer-vanishes-retries2-budget", seed, { value: "123456" });
      expect(off.feedback.items[0]!.message).toMatch(/too high/);
      const budget = retries2Variant(variantRandom(seed)).answer;
      expect(off.feedback.items[0]!.message).not.toMatch(new RegExp(`(^|[^0-9.])${String(budget).replace(".", "\\.")}([^0-9.]|$)`));
    }
  });

  it("the keepalive answer is when lib/tcp gives up: TCP_KEEPIDLE + TCP_KEEPCNT x TCP_KEEPINTVL after the last segment received", () => {
    for (const seed of SEEDS) {
      const { idle, intvl, cnt, crashAt } = keepaliveVariant(variantRandom(seed));
      // the handshake at 0.1 s is the last segment the client receives; the prompt counts from there as t = 0
      const scenario = scenarioOf({
        sysctl: {},
        network: { delay: 0 },
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect", keepalive: { idle, intvl, cnt } },
          { t: 0.2, host: "server", call: "accept" },
          { t: 0.1 + crashAt, host: "server", call: "crash" },
        ],
        faults: [],
      });
      const trace = simulateDetailed(scenario, { nominalTimers: true });
      const abort = trace.aborts.find((a) => a.host === "client")!;
      expect(abort.error).toBe("ETIMEDOUT");
      expect(Math.abs(abort.t - 0.1 - answerOf("peer-vanishes-keepalive-time", seed))).toBeLessThanOrEqual(0.01);
    }
  });

  it("the tcp_retries2 answer is the budget lib/tcp spends: the connection dies at the first RTO after it", () => {
    for (const seed of SEEDS.slice(0, 5)) {
      const { n } = retries2Variant(variantRandom(seed));
      const trace = simulateDetailed(
        scenarioOf({
          sysctl: { tcp_retries2: n },
          network: { delay: 0 },
          steps: [
            { t: 0, host: "server", call: "listen", backlog: 128 },
            { t: 0.1, host: "client", call: "connect" },
            { t: 0.2, host: "server", call: "accept" },
            { t: 1, host: "server", call: "crash" },
            { t: 2, host: "client", call: "send", bytes: 100 },
          ],
          faults: [],
        }),
        { nominalTimers: true },
      );
      const sent = trace.detailed.filter((s) => s.from === "client" && s.len > 0);
      const firstRto = sent[2]!.t; // after the original and the tail loss probe
      const lastGap = sent[sent.length - 1]!.t - sent[sent.length - 2]!.t;
      const abort = trace.aborts.find((a) => a.host === "client")!;
      const budget = answerOf("peer-vanishes-retries2-budget", seed);
      expect(abort.t - firstRto).toBeGreaterThanOrEqual(budget - 1e-6);
      expect(abort.t - firstRto).toBeLessThan(budget + Math.min(2 * lastGap, 120) + 1e-6);
    }
  });

  it("the reboot trace: the retransmission after the reboot arrives and the RST takes its seq from that segment's ack", () => {
    for (const seed of SEEDS) {
      const rows = (byId("peer-vanishes-reboot-rst").correctAnswer(seed) as { rows: { flags: string; seq: string; ack: string; lost: string }[] }).rows;
      expect(rows[0]).toMatchObject({ flags: "P.", lost: "" });
      expect(rows[1]).toEqual({ flags: "R", seq: rows[0]!.ack, ack: "", lost: "" });
    }
  });

  it("the keepalive simulator task: the example reaches the goal, the defaults and a too-eager setting do not", () => {
    expect(grade("peer-vanishes-keepalive-minute", 1, byId("peer-vanishes-keepalive-minute").correctAnswer(1)).score).toBe(1);
    expect(grade("peer-vanishes-keepalive-minute", 1, { actions: [] }).score).toBe(0);
    const eager = grade("peer-vanishes-keepalive-minute", 1, {
      actions: [
        { set: "keepIdle", value: 10 },
        { set: "keepIntvl", value: 2 },
      ],
    });
    expect(eager.score).toBe(0);
    expect(eager.feedback.items[0]!.message).toMatch(/more often than every 5 s/);
  });

  it("grades the explanation by its key ideas", () => {
    const model = byId("peer-vanishes-half-open").correctAnswer(1);
    expect(grade("peer-vanishes-half-open", 1, model).score).toBe(1);
    const partial = grade("peer-vanishes-half-open", 1, { text: "The phones sent no FIN or RST when they left, so the server was never told anything." });
    expect(partial.score).toBeGreaterThan(0);
    expect(partial.score).toBeLessThan(1);
  });
});
