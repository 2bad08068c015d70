import { describe, expect, it } from "vitest";
import { backoff, slidingWindow, type Policy } from "@/lib/http/limitPolicies";

/** Runs a policy over one key's state the way lib/db/throttles.ts does (through JSON), in memory. */
function run<S>(policy: Policy<S>) {
  let state: S | undefined;
  return {
    try(now: number) {
      const d = policy.decide(policy.read(JSON.parse(JSON.stringify(state ?? null))), now);
      if (d.allowed) state = d.next;
      return d;
    },
    get state() {
      return state;
    },
    set state(s) {
      state = s;
    },
  };
}

describe("sliding window", () => {
  it("allows up to the limit in a window, refuses the next with the time until the oldest leaves it, and recovers", () => {
    const key = run(slidingWindow({ limit: 3, windowMs: 10_000 }));
    expect([0, 1000, 2000].map((t) => key.try(t).allowed)).toEqual([true, true, true]);
    expect(key.try(2500)).toMatchObject({ allowed: false, retryAfterMs: 7500 });
    expect(key.try(10_001).allowed).toBe(true);
  });

  it("keeps no more than the limit's worth of times, and ignores a stored state of another shape", () => {
    const policy = slidingWindow({ limit: 2, windowMs: 1000 });
    const key = run(policy);
    for (let t = 0; t < 10_000; t += 600) key.try(t);
    expect((key.state as number[]).length).toBeLessThanOrEqual(2);
    expect(policy.read({ failures: 3 })).toBeUndefined();
    expect(policy.read(["x"])).toBeUndefined();
  });
});

describe("backoff", () => {
  const policy = backoff({ free: 5, baseMs: 30_000, maxMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 });

  it("gives 5 tries, then makes each further one wait 30 s, 60 s, 120 s, … and never more than 15 min", () => {
    const key = run(policy);
    for (let i = 0; i < 5; i++) expect(key.try(i).allowed).toBe(true);
    expect(key.try(10)).toMatchObject({ allowed: false, retryAfterMs: 30_000 - 6 });
    let now = 4 + 30_000;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      expect(key.try(now).allowed).toBe(true);
      const refused = key.try(now + 1);
      expect(refused.allowed).toBe(false);
      waits.push(refused.retryAfterMs + 1);
      now += refused.retryAfterMs + 1;
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000, 900_000]);
  });

  it("forgets an account's tries an hour after the last, and all of them when asked (a right password)", () => {
    const key = run(policy);
    for (let i = 0; i < 5; i++) key.try(i);
    expect(key.try(60 * 60_000 + 5).allowed).toBe(true);
    key.state = policy.forgive(key.state, 60 * 60_000 + 6, "all").next;
    expect(key.state).toBeUndefined();
  });

  it("takes back one try without lifting a block that earlier tries earned", () => {
    const key = run(policy);
    for (let i = 0; i < 5; i++) key.try(i); // the 5th set a block
    expect(policy.forgive(key.state, 5, "one").next).toMatchObject({ failures: 4, blockedUntil: 0 });
    key.state = undefined;
    for (let i = 0; i < 5; i++) key.try(i);
    key.try(40_000); // the 6th, after the 30 s wait
    const kept = policy.forgive(key.state, 40_001, "one").next!;
    expect(kept.failures).toBe(5);
    expect(kept.blockedUntil).toBeGreaterThan(40_001);
  });
});
