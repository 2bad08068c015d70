import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/http/rateLimit";

describe("rate limiter", () => {
  it("allows up to the limit in a window, refuses the next with a retry time, and recovers", () => {
    let time = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 10_000, now: () => time });
    expect([1, 2, 3].map(() => limiter.check("a").allowed)).toEqual([true, true, true]);
    const refused = limiter.check("a");
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.check("b").allowed).toBe(true); // keys are independent
    time = 10_001;
    expect(limiter.check("a").allowed).toBe(true);
  });
});
