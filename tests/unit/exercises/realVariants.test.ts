// A revealed solution must not hand over the next variant (decision record
// 0009): every exercise draws real variants, with different answers, except
// the few listed here, which truly have one answer; for those the grading
// policy ends credit at the first solution seen.
import { describe, expect, it } from "vitest";
import { exercises } from "@/lib/exercises/catalog";
import { hasOneAnswer } from "@/lib/exercises/answerVariety";

/** Exercises with one answer for every variant, and why. */
const ONE_ANSWER: Record<string, string> = {
  "header-fields-why-pseudo-header": "an explanation: one set of key ideas, graded by claims",
  "peer-vanishes-half-open": "an explanation: one set of key ideas, graded by claims",
  "time-wait-why-2msl": "an explanation: one set of key ideas, graded by claims",
  "time-wait-leave-server": "the simulator's run has three outcomes, one of them the starting state",
  "syn-flood-keep-clients": "at every flood the model can run, only turning cookies on keeps clients in",
};

describe("real variants", () => {
  for (const exercise of exercises) {
    const reason = ONE_ANSWER[exercise.id];
    if (reason) {
      it(`${exercise.id} has one answer (${reason}), so a solution seen ends its credit`, () => {
        expect(hasOneAnswer(exercise)).toBe(true);
      });
      continue;
    }
    it(`${exercise.id} gives at least 3 different correct answers over seeds 1-12`, () => {
      const answers = new Set<string>();
      for (let seed = 1; seed <= 12; seed++) answers.add(JSON.stringify(exercise.correctAnswer(seed)));
      expect(answers.size).toBeGreaterThanOrEqual(3);
      expect(hasOneAnswer(exercise)).toBe(false);
    });
  }

  it("lists only exercises that exist", () => {
    const ids = new Set(exercises.map((e) => e.id));
    for (const id of Object.keys(ONE_ANSWER)) expect(ids.has(id), id).toBe(true);
  });
});
