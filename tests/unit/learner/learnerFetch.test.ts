import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function fresh(fetchImpl: (url: string) => Promise<Response>) {
  const calls: string[] = [];
  vi.stubGlobal("fetch", (url: string) => {
    calls.push(url);
    return fetchImpl(url);
  });
  const module = await import("@/app/_components/learnerFetch");
  return { ...module, calls };
}

describe("learnerFetch", () => {
  it("makes one identity call for many parallel first calls, and sends them only after it answered", async () => {
    let answer!: () => void;
    const identity = new Promise<void>((resolve) => (answer = resolve));
    const { learnerFetch, calls } = await fresh(async (url) => {
      if (url === "/api/learner") await identity;
      return new Response("{}", { status: 200 });
    });
    const pending = Promise.all(["/api/exercises/a", "/api/exercises/b", "/api/progress"].map((url) => learnerFetch(url)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual(["/api/learner"]);
    answer();
    await pending;
    expect(calls.filter((url) => url === "/api/learner")).toHaveLength(1);
    expect(calls.slice(1).sort()).toEqual(["/api/exercises/a", "/api/exercises/b", "/api/progress"]);
    await learnerFetch("/api/exercises/c");
    expect(calls.filter((url) => url === "/api/learner")).toHaveLength(1);
  });

  it("asks again after a failed identity call, and after signing out", async () => {
    let fail = true;
    const { learnerFetch, forgetLearner, calls } = await fresh(async (url) => new Response("{}", { status: url === "/api/learner" && fail ? 500 : 200 }));
    await learnerFetch("/api/x");
    fail = false;
    await learnerFetch("/api/x");
    expect(calls.filter((url) => url === "/api/learner")).toHaveLength(2);
    forgetLearner();
    await learnerFetch("/api/x");
    expect(calls.filter((url) => url === "/api/learner")).toHaveLength(3);
  });
});
