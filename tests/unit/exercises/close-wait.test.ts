// The CLOSE-WAIT lesson's exercises, and their numbers against lib/tcp.
import { describe, expect, it } from "vitest";
import { closeWaitExercises } from "@/content/lessons/06-close-wait/exercises";
import { exerciseTester } from "../../support/exerciseTesting";
import { parseScenario, simulate, simulateDetailed } from "@/lib/tcp";
import { buildScenario, DURATION } from "@/lib/labs/close-wait-debugger/scenario";
import { countByState, indexTrace, serverSockets } from "@/lib/labs/close-wait-debugger/tables";

const { byId, grade, answerOf } = exerciseTester(closeWaitExercises);
const SEEDS = [1, 2, 3, 7, 42, 1234, 99999, 2 ** 31 + 5];

describe("close-wait exercises", () => {
  it("has at least five, with stable ids of this lesson, and at least two numeric", () => {
    expect(closeWaitExercises.length).toBeGreaterThanOrEqual(5);
    expect(closeWaitExercises.filter((e) => e.kind === "numeric").length).toBeGreaterThanOrEqual(2);
    for (const e of closeWaitExercises) {
      expect(e.lessonId).toBe("lesson-close-wait");
      expect(e.id.startsWith("close-wait-")).toBe(true);
    }
  });

  it("gives full marks to the correct answer for every seed", () => {
    for (const e of closeWaitExercises) {
      for (const seed of SEEDS) expect(grade(e.id, seed, e.correctAnswer(seed)).score, `${e.id} seed ${seed}`).toBe(1);
    }
  });

  it("refuses malformed answers", () => {
    for (const e of closeWaitExercises) {
      expect(e.parse(undefined).ok).toBe(false);
      expect(e.parse({ value: "" }).ok).toBe(false);
    }
    expect(byId("close-wait-meaning").parse({ choice: ["app", "kernel"] }).ok).toBe(false);
  });

  it("teaches with the classic wrong answers", () => {
    const k = grade("close-wait-meaning", 1, { choice: "kernel" });
    expect(k.score).toBe(0);
    expect(k.feedback.items.map((i) => i.message).join(" ")).toMatch(/no timer ends it/);
    const fix = grade("close-wait-fix", 3, { choice: "fin-timeout" });
    expect(fix.score).toBe(0);
    expect(fix.feedback.items.map((i) => i.message).join(" ")).toMatch(/FIN-WAIT-2/);
    for (const seed of SEEDS) {
      const prompt = byId("close-wait-leak-count").publicVariant(seed).prompt;
      const perSecond = Number(/gets (\d+) new/.exec(prompt)![1]);
      const oneIn = Number(/One connection in (\d+)/.exec(prompt)![1]);
      const oneMinute = grade("close-wait-leak-count", seed, { value: String((perSecond * 60) / oneIn) });
      expect(oneMinute.score).toBe(0);
      expect(oneMinute.feedback.items[0]!.message).toMatch(/No timer ends CLOSE-WAIT/);

      const p = byId("close-wait-peer-forgets").publicVariant(seed).prompt;
      const closedAt = Number(/t = (\d+) s/.exec(p)![1]);
      const fin = Number(/tcp_fin_timeout is (\d+)/.exec(p)![1]);
      const wrong = grade("close-wait-peer-forgets", seed, { value: String(closedAt + 2 * fin) });
      expect(wrong.score).toBe(0);
    }
    const partial = grade("close-wait-read-the-pile", 1, { choice: ["a-normal", "b-sysctl"] });
    expect(partial.score).toBeLessThan(1);
  });

  it("says what bounds LAST-ACK (FIN retransmissions, not tcp_fin_timeout), and never grades a forgotten start-up descriptor count as right", () => {
    const k = grade("close-wait-meaning", 2, { choice: "kernel" });
    const text = k.feedback.items.map((i) => i.message).join(" ");
    expect(text).toMatch(/LAST-ACK/);
    expect(text).toMatch(/tcp_orphan_retries/);
    expect(text).toMatch(/tcp_retries2/);
    for (let seed = 1; seed <= 500; seed++) {
      const prompt = byId("close-wait-emfile").publicVariant(seed).prompt;
      const limit = Number(/ulimit -n = (\d+)/.exec(prompt)![1]);
      const perMinute = Number(/leaks (\d+) sockets per minute/.exec(prompt)![1]);
      const forgot = grade("close-wait-emfile", seed, { value: String(Math.round((limit / perMinute) * 10) / 10) });
      expect(forgot.score, `seed ${seed}`).toBe(0);
      expect(forgot.feedback.items[0]!.message).toMatch(/already holds/);
    }
  });

  it("the CLOSE-WAIT pile grows as the leak-count rule says, in the simulated server", () => {
    const { scenario, plan } = buildScenario({ rate: 1, emptyEvery: 4, fixAt: null });
    const index = indexTrace(simulateDetailed(scenario, { until: DURATION }), plan);
    for (const t of [62, 122, 242]) {
      // First client at 2 s: (t - 2) s x 1/s connections, 1 in 4 leaks; none ever leaves CLOSE-WAIT.
      expect(countByState(serverSockets(index, t)).get("CLOSE-WAIT")).toBe(Math.floor((t - 2) / 4));
    }
    const fixed = buildScenario({ rate: 1, emptyEvery: 4, fixAt: 150 });
    const after = indexTrace(simulateDetailed(fixed.scenario, { until: DURATION }), fixed.plan);
    expect(countByState(serverSockets(after, 151)).get("CLOSE-WAIT") ?? 0).toBe(0);
  });

  it("the peer's orphaned FIN-WAIT-2 ends tcp_fin_timeout after it starts, as lib/tcp simulates it", () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const p = byId("close-wait-peer-forgets").publicVariant(seed).prompt;
      const closedAt = Number(/t = (\d+) s/.exec(p)![1]);
      const fin = Number(/tcp_fin_timeout is (\d+)/.exec(p)![1]);
      const parsed = parseScenario({
        sysctl: { tcp_fin_timeout: fin },
        network: { delay: 0 },
        steps: [
          { t: 0, host: "server", call: "listen", backlog: 128 },
          { t: 0.1, host: "client", call: "connect" },
          { t: 0.2, host: "server", call: "accept" },
          { t: closedAt, host: "client", call: "close" },
        ],
        faults: [],
      });
      if (!parsed.ok) throw new Error(parsed.error);
      const trace = simulate(parsed.scenario);
      const gone = trace.states.find((s) => s.host === "client" && s.state === "CLOSED")!;
      expect(Math.abs(gone.t - answerOf("close-wait-peer-forgets", seed))).toBeLessThanOrEqual(1);
    }
  });
});
