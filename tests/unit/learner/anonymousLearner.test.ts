import { describe, expect, it } from "vitest";
import { learnerFromCookie, signLearnerId, verifyLearnerCookie } from "@/lib/learner/anonymousLearner";

const secret = "a".repeat(43);
const id = "3b241101-e2bb-4255-8caf-4136c566a962";

describe("signed guest ids", () => {
  it("accepts an id this server signed", () => {
    expect(verifyLearnerCookie(signLearnerId(id, secret), secret)).toBe(id);
    expect(learnerFromCookie(signLearnerId(id, secret), secret)).toEqual({ learnerId: id, isNew: false });
  });

  it("replaces an unsigned id, a forged or truncated signature, a signature under another secret, and junk with a new signed id", () => {
    const signed = signLearnerId(id, secret);
    const other = "3b241101-e2bb-4255-8caf-4136c566a963";
    for (const value of [id, `${id}.`, signed.slice(0, -2), `${other}.${signed.split(".")[1]}`, signLearnerId(id, "b".repeat(43)), "../../etc/passwd", `${id.toUpperCase()}.${signed.split(".")[1]}`, undefined]) {
      const learner = learnerFromCookie(value, secret);
      expect(learner.isNew, String(value)).toBe(true);
      expect(learner.learnerId).not.toBe(id);
      if (learner.isNew) expect(verifyLearnerCookie(learner.cookieValue, secret)).toBe(learner.learnerId);
    }
  });
});
