// What a learner sees after answering, and where a preset sits in a lesson.
import { describe, expect, it } from "vitest";
import { revealOf, sourceBeforePreset, whatIfLink } from "@/lib/interview/reveal";
import { tableOfContents } from "@/lib/mdx/tableOfContents";
import { baseQuestion } from "../../support/interviewFixtures";

describe("revealOf", () => {
  it("holds the model answer, wrong answers, follow-ups, sources and links, and never the rubric", () => {
    const links = { lesson: { href: "/lessons/time-wait#x", title: "TIME-WAIT: x" }, whatIf: whatIfLink("no-time-wait") };
    const reveal = revealOf(baseQuestion, links);
    expect(reveal.modelAnswer).toBe(baseQuestion.modelAnswer);
    expect(reveal.wrongAnswers).toEqual(baseQuestion.wrongAnswers);
    expect(reveal.followUps).toEqual(baseQuestion.followUps);
    expect(reveal.sources).toEqual(baseQuestion.sources);
    expect(reveal.links.whatIf).toEqual({ href: "/interview/what-if#no-time-wait", title: expect.any(String) });
    expect(JSON.stringify(reveal)).not.toContain("phrasings");
  });
});

describe("sourceBeforePreset", () => {
  const source = ["# Title", "", "## First", "", "text", "", "## Second part", "", "More.", "", '<SequenceSimulator preset="demo-one" />', "", "## Third", '<SequenceSimulator preset="demo-two" />'].join("\n");

  it("cuts the lesson before the preset, so its last heading is the preset's section", () => {
    expect(tableOfContents(sourceBeforePreset(source, "demo-one")!).at(-1)?.id).toBe("second-part");
    expect(tableOfContents(sourceBeforePreset(source, "demo-two")!).at(-1)?.id).toBe("third");
  });

  it("returns undefined for a preset the lesson does not embed, and does not match a prefix", () => {
    expect(sourceBeforePreset(source, "demo")).toBeUndefined();
    expect(sourceBeforePreset(source, "demo-three")).toBeUndefined();
  });
});
