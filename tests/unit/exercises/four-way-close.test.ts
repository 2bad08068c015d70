import { describe, expect, it } from "vitest";
import { fourWayCloseExercises } from "@/content/lessons/03-four-way-close/exercises";
import { simulateDetailed } from "@/lib/tcp";
import { exerciseTester, scenarioOf } from "../../support/exerciseTesting";

const SEEDS = [1, 2, 3, 42, 1234, 99999, 0xdeadbeef];
const { byId, grade, answerOf } = exerciseTester(fourWayCloseExercises);
const scenario = scenarioOf;

describe("four-way-close exercises", () => {
  it("has at least five exercises of this lesson, with two randomized numeric ones", () => {
    expect(fourWayCloseExercises.length).toBeGreaterThanOrEqual(5);
    for (const e of fourWayCloseExercises) {
      expect(e.id.startsWith("four-way-close-")).toBe(true);
      expect(e.lessonId).toBe("lesson-four-way-close");
    }
    const numeric = fourWayCloseExercises.filter((e) => e.kind === "numeric");
    expect(numeric.length).toBeGreaterThanOrEqual(2);
    for (const e of numeric) expect(new Set(SEEDS.map((s) => e.publicVariant(s).prompt)).size).toBeGreaterThan(2);
  });

  for (const e of fourWayCloseExercises) {
    it(`${e.id}: the correct answer earns full marks, malformed input is refused`, () => {
      for (const seed of SEEDS) expect(grade(e.id, seed, e.correctAnswer(seed)).score).toBe(1);
      expect(e.parse({}).ok).toBe(false);
      expect(e.parse({ value: "1e", choice: ["zzz"], order: [] }).ok).toBe(false);
    });
  }

  it("ACK of a FIN agrees with the simulator", () => {
    for (const seed of SEEDS) {
      const prompt = byId("four-way-close-fin-ack").publicVariant(seed).prompt;
      const isn = Number(/ISN is (\d+)/.exec(prompt)![1]);
      const bytes = Number(/sends (\d+) bytes/.exec(prompt)![1]);
      const trace = simulateDetailed(
        scenario({
          steps: [
            { t: 0, host: "server", call: "listen" },
            { t: 0.1, host: "client", call: "connect" },
            { t: 0.2, host: "server", call: "accept" },
            { t: 0.3, host: "client", call: "send", bytes },
            { t: 0.5, host: "server", call: "recv" },
            { t: 1, host: "client", call: "close" },
          ],
        }),
        { isn: { client: isn }, nominalTimers: true },
      );
      const fin = trace.detailed.findIndex((s) => s.from === "client" && s.flags.includes("F"));
      const ackOfFin = trace.detailed.slice(fin + 1).find((s) => s.from === "server" && s.flags === ".")!;
      expect(ackOfFin.absAck).toBe(answerOf("four-way-close-fin-ack", seed));
      const g = grade("four-way-close-fin-ack", seed, { value: trace.detailed[fin]!.absSeq });
      expect(g.score).toBe(0);
      expect(g.feedback.items[0]!.message).toMatch(/one sequence number/);
    }
  });

  it("orphaned FIN-WAIT-2 lifetime agrees with the simulator, and 60 s is called out as TIME-WAIT", () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const finTimeout = answerOf("four-way-close-orphan-fin-wait-2", seed);
      const trace = simulateDetailed(
        scenario({
          sysctl: { tcp_fin_timeout: finTimeout },
          steps: [
            { t: 0, host: "server", call: "listen" },
            { t: 0.1, host: "client", call: "connect" },
            { t: 0.2, host: "server", call: "accept" },
            { t: 1, host: "client", call: "close" },
          ],
        }),
        { nominalTimers: true },
      );
      const client = trace.states.filter((s) => s.host === "client");
      const entered = client.find((s) => s.state === "FIN-WAIT-2")!.t;
      const gone = client.find((s) => s.t > entered && s.state === "CLOSED")!.t;
      expect(Math.round((gone - entered) * 1000) / 1000).toBe(finTimeout);
      if (finTimeout !== 60) {
        const g = grade("four-way-close-orphan-fin-wait-2", seed, { value: 60 });
        expect(g.feedback.items[0]!.message).toMatch(/TIME-WAIT/);
      }
    }
  });

  it("the ordering exercise matches the simulator's active closer", () => {
    const trace = simulateDetailed(
      scenario({
        steps: [
          { t: 0, host: "server", call: "listen" },
          { t: 0.1, host: "client", call: "connect" },
          { t: 0.2, host: "server", call: "accept" },
          { t: 1, host: "client", call: "close" },
          { t: 1.5, host: "server", call: "close" },
        ],
      }),
    );
    const states = trace.states.filter((s) => s.host === "client").map((s) => s.state);
    const order = (byId("four-way-close-active-states").correctAnswer(1) as { order: string[] }).order.map((v) => v.toUpperCase());
    expect(states.slice(states.indexOf("ESTABLISHED"))).toEqual(order);
  });

  it("wrong choices get the teaching feedback", () => {
    const g = grade("four-way-close-fin-timeout", 7, { choice: "time-wait" });
    expect(g.score).toBe(0);
    expect(g.feedback.items.find((i) => i.label.startsWith("How long a socket stays"))!.message).toMatch(/60 s/);
    const o = grade("four-way-close-active-states", 7, { order: ["established", "fin-wait-2", "fin-wait-1", "time-wait", "closed"] });
    expect(o.score).toBeLessThan(1);
  });

  it("a wrong single choice explains the pick without naming the right option", () => {
    const g = grade("four-way-close-who-time-wait", 1, { choice: "client" });
    expect(g.score).toBe(0);
    expect(g.feedback.items.map((i) => i.label)).toEqual(["The clients', because TIME-WAIT is always on the client"]);
    expect(g.feedback.items[0]!.message).toMatch(/not tied to client or server/);
  });

  it("the active closer's states: FIN-WAIT-2 before FIN-WAIT-1 is named as such", () => {
    const g = grade("four-way-close-active-states", 1, { order: ["established", "fin-wait-2", "fin-wait-1", "time-wait", "closed"] });
    expect(g.score).toBe(0.6);
    const broken = g.feedback.items.find((i) => i.label === "FIN-WAIT-2 placed before FIN-WAIT-1");
    expect(broken?.message).toMatch(/wait for the ACK of the FIN just sent/);
  });

  it("an unlisted wrong number is called too high or too low, and the answer stays in the worked solution", () => {
    const answer = answerOf("four-way-close-fin-ack", 1);
    const g = grade("four-way-close-fin-ack", 1, { value: answer + 1000 });
    expect(g.feedback.items[0]!.message).toMatch(/too high/);
    expect(g.feedback.items[0]!.message).not.toContain(String(answer));
    expect(g.feedback.solution).toContain(String(answer));
  });
});
