// The TIME-WAIT lesson's exercises: right answers score 1, classic wrong ones
// teach, bad input is refused, and the numbers agree with the load model
// (itself checked against lib/tcp in tests/unit/widgets/time-wait-load.test.ts).
import { describe, expect, it } from "vitest";
import { timeWaitExercises } from "@/content/lessons/04-time-wait/exercises";
import { exerciseTester } from "../../support/exerciseTesting";
import { simulateLoad } from "@/lib/labs/time-wait-load/model";

const { byId, grade } = exerciseTester(timeWaitExercises);
const SEEDS = [1, 2, 3, 7, 42, 1234, 99999, 2 ** 31 + 5];

describe("time-wait exercises", () => {
  it("has at least five, with stable ids of this lesson, and at least two numeric", () => {
    expect(timeWaitExercises.length).toBeGreaterThanOrEqual(5);
    expect(timeWaitExercises.filter((e) => e.kind === "numeric").length).toBeGreaterThanOrEqual(2);
    for (const e of timeWaitExercises) {
      expect(e.lessonId).toBe("lesson-time-wait");
      expect(e.id.startsWith("time-wait-")).toBe(true);
    }
  });

  it("gives full marks to the correct answer for every seed", () => {
    for (const e of timeWaitExercises) {
      for (const seed of SEEDS) {
        expect(grade(e.id, seed, e.correctAnswer(seed)).score, `${e.id} seed ${seed}`).toBe(1);
      }
    }
  });

  it("refuses malformed answers without grading them", () => {
    for (const e of timeWaitExercises) {
      expect(e.parse(null).ok).toBe(false);
      expect(e.parse({ value: "sixty" }).ok).toBe(false);
    }
    expect(byId("time-wait-who-waits").parse({ choice: "nobody-knows" }).ok).toBe(false);
    expect(byId("time-wait-active-closer-states").parse({ order: ["ESTABLISHED"] }).ok).toBe(false);
  });

  it("explains the classic wrong answers", () => {
    const who = grade("time-wait-who-waits", 1, { choice: "client" });
    expect(who.score).toBe(0);
    expect(who.feedback.items.map((i) => i.message).join(" ")).toMatch(/whoever closes first/);

    const finChoice = grade("time-wait-fin-timeout", 1, { choice: "time-wait" });
    expect(finChoice.score).toBe(0);
    expect(finChoice.feedback.items.map((i) => i.message).join(" ")).toMatch(/TCP_TIMEWAIT_LEN/);

    for (const seed of SEEDS) {
      const rate = grade("time-wait-sustainable-rate", seed, { value: "0" });
      expect(rate.score).toBe(0);
      const text = byId("time-wait-sustainable-rate").publicVariant(seed).prompt;
      const [, low, high] = /"(\d+) (\d+)"/.exec(text)!;
      const size = Number(high) - Number(low) + 1;
      const rfc = grade("time-wait-sustainable-rate", seed, { value: String(Math.floor(size / 240)) });
      expect(rfc.score).toBe(0);
      expect(rfc.feedback.items[0]!.message).toMatch(/240 s/);
    }

    // tcp_fin_timeout is not the TIME-WAIT length: find a seed where that mistake differs from the answer.
    const seed = SEEDS.find((s) => {
      const p = byId("time-wait-server-count").publicVariant(s).prompt;
      return /tcp_max_tw_buckets = (262144|131072)/.test(p) && /(50|120|300|800|1500) new/.test(p);
    })!;
    const p = byId("time-wait-server-count").publicVariant(seed).prompt;
    const rate = Number(/(\d+) new connections/.exec(p)![1]);
    const fin = Number(/tcp_fin_timeout = (\d+)/.exec(p)![1]);
    const wrong = grade("time-wait-server-count", seed, { value: String(rate * fin) });
    expect(wrong.score).toBe(0);
    expect(wrong.feedback.items[0]!.message).toMatch(/orphaned FIN-WAIT-2/);

    const order = grade("time-wait-active-closer-states", 1, { order: ["ESTABLISHED", "FIN-WAIT-2", "FIN-WAIT-1", "TIME-WAIT", "CLOSED"] });
    expect(order.score).toBeLessThan(1);
  });

  it("server TIME-WAIT count: for 2,000 seeds every classic mistake gives its own number, apart from the answer and from each other, and gets its own message", () => {
    const exercise = byId("time-wait-server-count");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 2000; seed++) {
      const prompt = exercise.publicVariant(seed).prompt;
      const rate = Number(/serves (\d+) new connections/.exec(prompt)![1]);
      const fin = Number(/tcp_fin_timeout = (\d+)/.exec(prompt)![1]);
      const buckets = Number(/tcp_max_tw_buckets = (\d+)/.exec(prompt)![1]);
      const answer = Number((exercise.correctAnswer(seed) as { value: string }).value);
      seen.add(`${rate} ${buckets}`);
      expect(answer, `seed ${seed}`).toBe(rate * 60);
      expect(answer, `seed ${seed}: the answer is not the tcp_max_tw_buckets cap`).toBeLessThan(buckets);
      const tolerance = Math.max(1, Math.round(answer * 0.02));
      const mistakes: [number, RegExp][] = [
        [rate * fin, /orphaned FIN-WAIT-2/],
        [Math.min(rate * 240, buckets), /2 × MSL = 240 s/],
        [rate * 120, /Not 120 s/],
      ];
      const values = [answer, ...mistakes.map(([v]) => v)];
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) expect(Math.abs(values[i]! - values[j]!), `seed ${seed}: ${values}`).toBeGreaterThan(tolerance);
      }
      if (seed <= 200) {
        for (const [value, message] of mistakes) {
          const g = grade("time-wait-server-count", seed, { value: String(value) });
          expect(g.score, `seed ${seed}, ${value}`).toBe(0);
          expect(g.feedback.items[0]!.message).toMatch(message);
          expect(g.feedback.items[0]!.message).not.toContain(String(answer));
        }
      }
    }
    // The variants still differ, and in some the 2 × MSL mistake runs into the cap.
    expect(seen.size).toBeGreaterThan(8);
    expect([...seen].some((v) => Number(v.split(" ")[0]) * 240 > Number(v.split(" ")[1]))).toBe(true);
  });

  it("varies the numbers between learners", () => {
    const prompts = new Set(SEEDS.map((s) => byId("time-wait-port-exhaustion").publicVariant(s).prompt));
    expect(prompts.size).toBeGreaterThan(3);
  });

  it("port exhaustion time and sustainable rate agree with the load model", () => {
    for (const seed of SEEDS) {
      const prompt = byId("time-wait-port-exhaustion").publicVariant(seed).prompt;
      const rate = Number(/opens (\d+) short/.exec(prompt)![1]);
      const [, low, high] = /"(\d+) (\d+)"/.exec(prompt)!;
      const model = simulateLoad({ rate, portLow: Number(low), portHigh: Number(high), closer: "client", twReuse: 2, duration: 60 });
      const answer = Number((byId("time-wait-port-exhaustion").correctAnswer(seed) as { value: string }).value);
      expect(model.exhaustedAt, `seed ${seed}`).not.toBeNull();
      expect(Math.abs(model.exhaustedAt! - answer)).toBeLessThanOrEqual(0.5);

      const p2 = byId("time-wait-sustainable-rate").publicVariant(seed).prompt;
      const [, l2, h2] = /"(\d+) (\d+)"/.exec(p2)!;
      const m2 = simulateLoad({ rate: 5000, portLow: Number(l2), portHigh: Number(h2), twReuse: 0, duration: 10 });
      const a2 = Number((byId("time-wait-sustainable-rate").correctAnswer(seed) as { value: string }).value);
      expect(Math.floor(m2.sustainableRate)).toBe(a2);
    }
  });
});
