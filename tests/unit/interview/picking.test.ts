// Browsing filters and the mock interview's draw.
import { describe, expect, it } from "vitest";
import { countByTopic, filterQuery, filterQuestions, groupByTopic, parseFilter, pickMockQuestions, publicQuestion } from "@/lib/interview/picking";
import { fixtureBank } from "../../support/interviewFixtures";

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("filters", () => {
  it("reads known topics and difficulties from the query and ignores the rest", () => {
    expect(parseFilter({ topic: "close", difficulty: "deep" })).toEqual({ topic: "close", difficulty: "deep" });
    expect(parseFilter({ topic: "nonsense", difficulty: ["warm-up", "deep"] })).toEqual({ difficulty: "warm-up" });
    expect(parseFilter({ topic: "__proto__" })).toEqual({});
    expect(filterQuery({ topic: "close", difficulty: "deep" })).toBe("?topic=close&difficulty=deep");
    expect(filterQuery({})).toBe("");
  });

  it("filters by topic and difficulty", () => {
    expect(filterQuestions(fixtureBank, { topic: "close" }).map((q) => q.id)).toEqual(["close-1", "close-2"]);
    expect(filterQuestions(fixtureBank, { difficulty: "deep" }).map((q) => q.id)).toEqual(["tw-3", "hs-2"]);
    expect(filterQuestions(fixtureBank, {})).toHaveLength(fixtureBank.length);
  });

  it("groups by topic in the course's order, warm-up first", () => {
    const groups = groupByTopic(fixtureBank);
    expect(groups.map((g) => g.topic)).toEqual(["handshake", "close", "time-wait"]);
    expect(groups.find((g) => g.topic === "time-wait")!.questions.map((q) => q.id)).toEqual(["tw-2", "why-time-wait-2msl", "tw-3"]);
    expect(countByTopic(fixtureBank)).toMatchObject({ "time-wait": 3, close: 2, handshake: 2, states: 0 });
  });

  it("shows the browser the question only", () => {
    const shown = publicQuestion(fixtureBank[0]!);
    expect(Object.keys(shown).sort()).toEqual(["difficulty", "id", "question", "topic", "topicName"]);
  });
});

describe("pickMockQuestions", () => {
  it("draws distinct questions from the chosen topics only, spread over every topic", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const draw = pickMockQuestions(fixtureBank, ["close", "handshake", "time-wait"], 5, seeded(seed));
      expect(draw.ok).toBe(true);
      if (!draw.ok) continue;
      expect(new Set(draw.questionIds).size).toBe(5);
      const topics = draw.questionIds.map((id) => fixtureBank.find((q) => q.id === id)!.topic);
      expect(new Set(topics)).toEqual(new Set(["close", "handshake", "time-wait"]));
    }
    const one = pickMockQuestions(fixtureBank, ["close"], 2, seeded(3));
    expect(one.ok && [...one.questionIds].sort()).toEqual(["close-1", "close-2"]);
  });

  it("refuses when the topics hold fewer questions than asked for, saying how many they hold", () => {
    expect(pickMockQuestions(fixtureBank, ["close", "handshake"], 5)).toEqual({ ok: false, available: 4 });
    expect(pickMockQuestions(fixtureBank, [], 5)).toEqual({ ok: false, available: 0 });
  });

  it("varies with the random source", () => {
    const draws = new Set(Array.from({ length: 10 }, (_, seed) => JSON.stringify(pickMockQuestions(fixtureBank, ["time-wait", "close", "handshake"], 5, seeded(seed + 1)))));
    expect(draws.size).toBeGreaterThan(1);
  });
});
