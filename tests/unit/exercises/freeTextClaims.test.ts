// The claim grader for free text (lib/exercises/freeText), on a small rubric of
// its own: it knows no exercise, so these tests need none.
import { describe, expect, it } from "vitest";
import { compileRubric, gradeClaims, type ClaimStatus } from "@/lib/exercises/freeText/claims";
import { clausesOf } from "@/lib/exercises/freeText/text";
import { compilePhrasing, matchPhrasing } from "@/lib/exercises/freeText/phrasing";

const rubric = compileRubric({
  claims: [
    { id: "misdelivery", weight: 2, phrasings: ["misdeliver*|misrout*", "wrong host|machine|destination"] },
    { id: "ports-alone", weight: 1, phrasings: ["identif* .. address* .. port*", "tcp header .. no|not|without .. address*"] },
    { id: "idle", weight: 1, phrasings: ["idle"], unless: ["idle-timeout"] },
  ],
  misconceptions: [
    { id: "routers-check", phrasings: ["router* .. check*|verif* .. checksum"], unless: ["ip-header"] },
    { id: "fin-timeout", phrasings: ["tcp_fin_timeout"] },
  ],
});

const statusOf = (text: string, id: string): ClaimStatus | undefined => gradeClaims(rubric, text).claims.find((c) => c.id === id)?.status;

describe("phrasings", () => {
  it("match in order inside one clause, with synonyms, prefixes, plurals and one-letter typos", () => {
    const words = (text: string) => clausesOf(text)[0]!.words;
    expect(matchPhrasing(compilePhrasing("wrong host|machine"), words("it went to the wrong destination machine"))).toHaveLength(1);
    expect(matchPhrasing(compilePhrasing("misdeliver*"), words("a misdelivered segment"))).toHaveLength(1);
    expect(matchPhrasing(compilePhrasing("keep-alive"), words("turn on keep-alive probes"))).toHaveLength(1);
    expect(matchPhrasing(compilePhrasing("destination address*"), words("the destinaton adresses"))).toHaveLength(1);
    expect(matchPhrasing(compilePhrasing("host wrong"), words("the wrong host"))).toHaveLength(0);
  });

  it("do not match words that stand in two different clauses", () => {
    expect(statusOf("The host received it, but the answer was wrong.", "misdelivery")).toBe("missing");
  });
});

describe("the claim grader", () => {
  it("finds a claim stated in the learner's own words and counts its weight", () => {
    const graded = gradeClaims(rubric, "The receiver can tell that a segment was misrouted to it.");
    expect(graded.claims.map((c) => c.status)).toEqual(["found", "missing", "missing"]);
    expect(graded.score).toBe(0.5);
  });

  it("counts a negated claim against the answer, whatever form the negation takes", () => {
    for (const text of [
      "The pseudo-header is not about misrouted segments at all.",
      "It doesn't protect against delivery to the wrong host.",
      "Misdelivery is never detected by it, it is just tradition.",
      "It has nothing to do with misrouting, it only adds bytes.",
      "It is not because of misrouted segments that the addresses are there.",
      "The checksum no longer cares about the wrong host today.",
    ]) {
      expect(statusOf(text, "misdelivery"), text).toBe("contradicted");
      expect(gradeClaims(rubric, text).score, text).toBe(0);
    }
  });

  it("lets a negation reach no further than its clause, and 'no' no further than its noun phrase", () => {
    expect(statusOf("It is not encrypted, it detects segments delivered to the wrong host.", "misdelivery")).toBe("found");
    expect(statusOf("No FIN arrived and the connection stays idle for hours.", "idle")).toBe("found");
  });

  it("takes a negation that the idea itself contains as part of the idea", () => {
    expect(statusOf("The TCP header has no addresses, only the ports.", "ports-alone")).toBe("found");
    expect(statusOf("The TCP header does not carry nothing like addresses.", "ports-alone")).toBe("found");
  });

  it("reads 'make sure it is not', 'so that it does not' and 'to not' as what is avoided, not as a denial", () => {
    expect(statusOf("It makes sure the segment was not delivered to the wrong host.", "misdelivery")).toBe("found");
    expect(statusOf("The addresses are included so that segments do not end up on the wrong host.", "misdelivery")).toBe("found");
    expect(statusOf("For to not accept segments of the wrong host, the addresses are summed.", "misdelivery")).toBe("found");
  });

  it("deducts a stated misconception, and nothing for one the answer rejects", () => {
    expect(gradeClaims(rubric, "Routers verify the checksum, and misrouted segments are caught.").score).toBe(0.25);
    expect(gradeClaims(rubric, "Routers verify the checksum, and misrouted segments are caught.").misconceptions).toEqual(["routers-check"]);
    expect(gradeClaims(rubric, "tcp_fin_timeout has nothing to do with it, the link is idle.").misconceptions).toEqual([]);
    expect(gradeClaims(rubric, "tcp_fin_timeout is not involved, the connection is idle.").score).toBe(0.25);
  });

  it("lets an 'unless' phrasing veto a match in the same clause", () => {
    expect(gradeClaims(rubric, "Routers check the IP header checksum at every hop.").misconceptions).toEqual([]);
    expect(statusOf("You can add an idle timeout in the application.", "idle")).toBe("missing");
  });

  it("gives a keyword salad nothing: bare terms, comma lists, repetition, a lead-in before a list", () => {
    for (const text of [
      "misdelivery wrong host ports addresses identify idle",
      "misrouted, wrong host, idle, tcp header, no addresses",
      "wrong host wrong host wrong host misrouted misrouted",
      "Because of: misdelivery, the wrong host, the ports and the addresses.",
    ]) {
      const graded = gradeClaims(rubric, text);
      expect(graded.salad, text).toBe(true);
      expect(graded.score, text).toBe(0);
      expect(graded.claims.every((c) => c.status === "missing"), text).toBe(true);
    }
  });

  it("does not take a terse sentence for a keyword salad", () => {
    const graded = gradeClaims(rubric, "Detects misrouted segments; the connection is identified by addresses and ports.");
    expect(graded.salad).toBe(false);
    expect(graded.score).toBe(0.75);
  });

  it("gives the same result for the same answer every time", () => {
    const text = "It detects segments sent to the wrong machine, since the tcp header has no addresses.";
    expect(gradeClaims(rubric, text)).toEqual(gradeClaims(rubric, text));
  });

  it("refuses a rubric whose ids repeat", () => {
    expect(() => compileRubric({ claims: [{ id: "a", weight: 1, phrasings: ["x"] }], misconceptions: [{ id: "a", phrasings: ["y"] }] })).toThrow(/share the id/);
  });
});

describe("dotted names", () => {
  it("keeps a dotted sysctl name inside its clause", async () => {
    const { clausesOf } = await import("@/lib/exercises/freeText/text");
    const clauses = clausesOf("The backlog is capped by net.core.somaxconn. Then the queue is read.");
    expect(clauses[0]!.words).toEqual(["the", "backlog", "is", "capped", "by", "net", "core", "somaxconn"]);
    expect(clauses).toHaveLength(2);
  });
});

describe("state names", () => {
  it("does not take an answer full of hyphenated state names for a repetitive keyword list", () => {
    const rubric = compileRubric({ claims: [{ id: "fin-wait-2", weight: 1, phrasings: ["fin-wait-2 .. fin .. ack*"] }] });
    const answer = "The active closer sends FIN and goes to FIN-WAIT-1, then FIN-WAIT-2 when its FIN is acked, then TIME-WAIT when the peer's FIN arrives; the peer goes CLOSE-WAIT then LAST-ACK.";
    const graded = gradeClaims(rubric, answer);
    expect(graded.salad).toBe(false);
    expect(graded.score).toBe(1);
  });
});

describe("function names", () => {
  it("keeps 'connect() returns' in one clause", () => {
    expect(clausesOf("connect() returns once the SYN-ACK arrives")[0]!.words.slice(0, 2)).toEqual(["connect", "returns"]);
  });
});
